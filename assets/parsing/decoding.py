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

# UTF-32's marks first: its little-endian one starts with UTF-16's.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
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


def _ascii_compatible(encoding: str) -> bool:
    """Whether ASCII text reads as itself in `encoding` (not UTF-16 or -32, not EBCDIC such as cp500)."""
    try:
        return "<meta charset=".encode(encoding) == b"<meta charset="
    except (LookupError, UnicodeError):
        return False


def utf16_without_mark(body: bytes) -> str | None:
    """The codec of UTF-16 text saved without its byte-order mark, told by where its NUL bytes fall (Latin
    text has one in every other byte); None for anything else."""
    sample = body[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > 4 * even:
        return "utf-16-le"
    if even > 4 * odd:
        return "utf-16-be"
    return None


def decode_text(body: bytes, content_type: str | None = None, html: bool = False) -> str:
    """The document's text, without NUL characters (a NUL cut 'Bravo\\0 Compute' to a company 'Compute',
    and lxml ends a text at one: exports drop them too); raises `UndecodableDocument` when no encoding
    fits."""
    text = _decoded(body, content_type, html)
    return text.replace("\x00", "") if "\x00" in text else text


def _decoded(body: bytes, content_type: str | None, html: bool) -> str:
    """The document's text; raises `UndecodableDocument` when no encoding fits.

    A declared encoding that ASCII text does not read as itself in (UTF-16, EBCDIC's cp500) is ignored
    when the body is plain ASCII: it was a wrong label, and decoding by it gave a page of other characters,
    with no deal and no error. So is a page's `<meta>` naming one (browsers do the same: its declaration
    could be read only because it is ASCII). UTF-16 saved without its mark is read by its NUL bytes."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding)
    header = declared_charset(content_type)
    if header and not _ascii_compatible(header) and body.isascii() and b"\x00" not in body[:4096]:
        header = None
    candidates = [header]
    if html:
        declared = meta_charset(body)
        candidates.append(declared if declared and _ascii_compatible(declared) else None)
    candidates.append(utf16_without_mark(body))
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
