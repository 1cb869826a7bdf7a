"""Dates as sources write them -> `datetime.date`.

Explicit formats from configuration are tried first (a CSV export's `date_format`), then ISO 8601, RFC 2822
(e-mail `Date:` headers) and the spelled-out forms articles use ('January 28, 2026', '28 Jan 2026').
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from schemas.text import clean_space

_SPELLED_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%b. %d, %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y",
    "%Y/%m/%d",
)
_SEPT = re.compile(r"\bSept\b")  # strptime knows 'Sep' and 'September' only
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


@lru_cache(maxsize=1 << 16)  # pure; exports repeat dates
def parse_date(text: str | None, formats: tuple[str, ...] = ()) -> date | None:
    """The date in `text`, or None when it is empty or matches no known form."""
    cleaned = clean_space(text)
    if not cleaned:
        return None
    for fmt in formats:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    iso = _ISO_PREFIX.match(cleaned)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    for fmt in _SPELLED_FORMATS:
        try:
            return datetime.strptime(_SEPT.sub("Sep", cleaned).rstrip("."), fmt).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(cleaned).date()
    except (TypeError, ValueError, IndexError):
        return None
