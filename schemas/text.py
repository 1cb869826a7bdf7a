"""Text folding shared by every vocabulary lookup (labels, aliases, names)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Pure string functions called once per cell on exports where the same names repeat thousands of times:
# a bounded cache turns most calls into a dict lookup.
_CACHE_SIZE = 1 << 16

_NON_WORD = re.compile(r"[^0-9a-z+]+")
# Literal escape text left in exports by a bad round trip ("\\xc2\\xa0", "\\n"): backslash and letters,
# not bytes. Real data (see shared/data/README.md) carries these inside names and round types.
_LITERAL_ESCAPE = re.compile(r"\\x[0-9a-fA-F]{2}|\\[nrt]")


def strip_literal_escapes(text: str) -> str:
    """Replace literal `\\xNN` / `\\n` escape text with a space; real characters are untouched."""
    return _LITERAL_ESCAPE.sub(" ", text)


@lru_cache(maxsize=_CACHE_SIZE)
def fold(text: str | None) -> str:
    """Case- and punctuation-insensitive key: 'Seed/ Angel Funding' -> 'seed angel funding'.

    Accents are removed (NFKD) so 'Bogotá' and 'Bogota' fold alike; '+' survives for 'Series C+'.
    """
    if not text:
        return ""
    text = strip_literal_escapes(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.lower()).strip()


@lru_cache(maxsize=_CACHE_SIZE)
def clean_space(text: str | None) -> str:
    """Collapse runs of white space (including NBSP) to one space and trim."""
    if not text:
        return ""
    return " ".join(strip_literal_escapes(text).replace("\xa0", " ").split())
