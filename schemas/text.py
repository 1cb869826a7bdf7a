"""Text folding shared by every vocabulary lookup (labels, aliases, names)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Pure string functions called once per cell on exports where the same names repeat thousands of times:
# a bounded cache turns most calls into a dict lookup.
_CACHE_SIZE = 1 << 16

_NON_WORD = re.compile(r"[^0-9a-z+]+")
# Escape text left in exports by a bad round trip: backslashes and letters, not bytes ("\\xc2\\xa0",
# "BYJU\\xe2\\x80\\x99s", "BYJU\\'S", "Seed\\nFunding"), sometimes with the backslash itself doubled.
# Real data (shared/data/README.md) carries these in names, amounts, dates and round types.
_BYTE_ESCAPES = re.compile(r"(?:\\+x[0-9a-fA-F]{2})+")
_OTHER_ESCAPES = re.compile(r"\\+([nrt])|\\+(['\"])")


def _bytes_of(match: re.Match[str]) -> str:
    hex_pairs = re.findall(r"x([0-9a-fA-F]{2})", match.group(0))
    return bytes(int(pair, 16) for pair in hex_pairs).decode("utf-8", errors="replace").replace("\ufffd", " ")


def decode_literal_escapes(text: str) -> str:
    """Turn escape *text* back into the characters it stands for: '\\xe2\\x80\\x99' -> '’' (UTF-8),
    '\\xc2\\xa0' -> no-break space, "\\'" -> "'", '\\n' -> space. Real characters are untouched."""
    if "\\" not in text:
        return text
    text = _BYTE_ESCAPES.sub(_bytes_of, text)
    return _OTHER_ESCAPES.sub(lambda m: " " if m.group(1) else m.group(2), text)


@lru_cache(maxsize=_CACHE_SIZE)
def fold(text: str | None) -> str:
    """Case- and punctuation-insensitive key: 'Seed/ Angel Funding' -> 'seed angel funding'.

    Accents are removed (NFKD) so 'Bogotá' and 'Bogota' fold alike; '+' survives for 'Series C+'.
    """
    if not text:
        return ""
    text = decode_literal_escapes(text)
    if not text.isascii():  # ASCII has no accents to remove (and this pass costs a step per character)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.lower()).strip()


# Control characters other than white space ('\x00' in a broken export's cell): nothing a reader sees.
_CONTROL = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F])


@lru_cache(maxsize=_CACHE_SIZE)
def clean_space(text: str | None) -> str:
    """Collapse runs of white space (including NBSP) to one space, drop control characters, and trim."""
    if not text:
        return ""
    return " ".join(decode_literal_escapes(text).replace("\xa0", " ").translate(_CONTROL).split())
