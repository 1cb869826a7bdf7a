"""Bytes -> text for documents that are not HTML (HTML goes to lxml as bytes, which reads its meta charset).

Order: byte-order mark, the charset the server declared, strict UTF-8, then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
from email.message import Message

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class UndecodableDocument(ValueError):
    """No encoding turns the body into text."""


def declared_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["Content-Type"] = content_type
    charset = message.get_content_charset()
    try:
        return codecs.lookup(charset).name if charset else None
    except LookupError:
        return None


def decode_text(body: bytes, content_type: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding)
    charset = declared_charset(content_type)
    for encoding in filter(None, (charset, "utf-8")):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    guess = from_bytes(body).best()
    if guess is None:
        raise UndecodableDocument("the body is not text in any encoding charset-normalizer knows")
    return str(guess)
