"""Bytes to text for non-HTML documents: byte-order marks, declared charsets, UTF-8, then a guess."""

from __future__ import annotations

import codecs

import pytest

from assets.parsing.decoding import UndecodableDocument, declared_charset, decode_text

TEXT = "Nordwind secures €40 million — Café Série B"


@pytest.mark.parametrize(
    ("content_type", "charset"),
    [
        ("text/html; charset=ISO-8859-1", "iso8859-1"),
        ("text/plain; charset=latin1", "iso8859-1"),
        ('text/plain; charset="UTF-8"', "utf-8"),
        ("text/plain; charset=cp1252", "cp1252"),
        ("text/plain; charset=windows-1252", "cp1252"),
        ("text/plain", None),
        ("text/plain; charset=bogus-8", None),
        ("", None),
        (None, None),
    ],
)
def test_declared_charset(content_type: str | None, charset: str | None) -> None:
    assert declared_charset(content_type) == charset


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
        # A byte-order mark beats a wrong declaration.
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "text/plain; charset=latin-1"),
        (TEXT.encode("utf-16"), None),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None),
        (TEXT.encode("cp1252"), "text/plain; charset=windows-1252"),
        (TEXT.encode("utf-8"), None),
        (TEXT.encode("utf-8"), "text/plain; charset=bogus"),
        # A declared charset that cannot decode the bytes falls back to UTF-8.
        (TEXT.encode("utf-8"), "text/plain; charset=ascii"),
    ],
)
def test_decode_text(body: bytes, content_type: str | None) -> None:
    assert decode_text(body, content_type) == TEXT


def test_undeclared_legacy_encoding_is_guessed() -> None:
    text = "Le financement de la société atteint 40 millions d'euros, mené par un fonds français. " * 5

    assert decode_text(text.encode("cp1252")) == text


def test_empty_body_is_empty_text() -> None:
    assert decode_text(b"") == ""


def test_binary_noise_is_undecodable() -> None:
    with pytest.raises(UndecodableDocument):
        decode_text(bytes(range(256)) * 4)


@pytest.mark.parametrize("label", ["iso-8859-1", "latin1", "ISO_8859-1", "us-ascii"])
def test_latin_1_and_ascii_labels_mean_windows_1252(label: str) -> None:
    # WHATWG: browsers read these labels as windows-1252, where 0x80 is the euro sign.
    body = "Café raised €40 million".encode("cp1252")

    assert decode_text(body, f"text/html; charset={label}") == "Café raised €40 million"


def test_bytes_windows_1252_leaves_undefined_become_c1_controls() -> None:
    assert decode_text(b"a\x81b", "text/plain; charset=iso-8859-1") == "a\x81b"


def test_nul_characters_are_dropped_from_a_documents_text() -> None:
    assert decode_text(b"Bravo\x00 Compute raised $30 million.") == "Bravo Compute raised $30 million."
