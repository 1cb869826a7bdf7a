"""Bytes -> text, for HTML and plain-text documents.

Order of evidence: a byte-order mark; the charset the server declared; for HTML, the page's own
`<meta charset>`; strict UTF-8; strict Windows-1252; then charset-normalizer's detection. A server that
declares Latin-1 (or Windows-1252) for a body that is valid UTF-8 with non-ASCII bytes is misconfigured,
a common case: valid multi-byte UTF-8 sequences almost never occur in real Latin-1 text, so UTF-8 wins.
Labels follow the WHATWG Encoding Standard, as browsers do: 'iso-8859-1', 'latin1' and 'ascii' all mean
Windows-1252 (0x80 is '€', not a control character).
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SINGLE_BYTE_WESTERN = {"latin-1", "iso8859-1", "cp1252", "ascii"}
_WHATWG_WINDOWS_1252 = {"latin-1", "iso8859-1", "ascii"}


def _c1_controls(error: UnicodeError) -> tuple[str, int]:
    """WHATWG's windows-1252 maps the five bytes cp1252 leaves undefined to the C1 control characters."""
    assert isinstance(error, UnicodeDecodeError)
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("dealmap-c1", _c1_controls)


class UndecodableDocument(ValueError):
    """No encoding turns the body into text."""


def _codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def declared_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, as a Python codec name."""
    if not content_type:
        return None
    message = Message()
    message["Content-Type"] = content_type
    return _codec(message.get_content_charset())


def meta_charset(body: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB (`<meta charset>` or http-equiv)."""
    match = _META_CHARSET.search(body[:4096])
    return _codec(match.group(1)) if match else None


def _is_utf8_with_non_ascii(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_text(body: bytes, content_type: str | None = None, html: bool = False) -> str:
    """The document's text; raises `UndecodableDocument` when no encoding fits."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding)
    candidates = [declared_charset(content_type)]
    if html:
        candidates.append(meta_charset(body))
    for encoding in filter(None, candidates):
        if encoding in _SINGLE_BYTE_WESTERN and _is_utf8_with_non_ascii(body):
            return body.decode("utf-8")
        if encoding in _WHATWG_WINDOWS_1252:
            return body.decode("cp1252", errors="dealmap-c1")
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1252 is the web's legacy default (WHATWG) and the usual truth behind a wrong declaration; it
    # rejects the five bytes it leaves undefined, and then detection has the last word.
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(body).best()
    if guess is None:
        raise UndecodableDocument("the body is not text in any encoding dealmap can detect")
    return str(guess)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """HTML as text, ready for lxml (an XML encoding declaration is dropped: the text is decoded)."""
    return _XML_DECLARATION.sub("", decode_text(body, content_type, html=True), count=1)
