"""Dates as sources write them -> `datetime.date`.

Explicit formats from configuration are tried first (a CSV export's `date_format`), then ISO 8601, RFC 2822
(e-mail `Date:` headers) and the spelled-out forms articles use ('January 28, 2026', '28 Jan 2026').
`resolve_date` also reads what only makes sense against the document's publication date: a date without
a year ('Mar 2', 'December 9') and relative phrases ('yesterday', 'last week', 'on Monday').
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
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
    "%d.%m.%Y",  # as German, Austrian and Swiss writing gives a day: 04.03.2026 is the 4th of March
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


# Month names and abbreviations, lower case -> month number.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_MONTH_DAY = re.compile(r"^(?:on\s+)?(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$")
_DAY_MONTH = re.compile(
    r"^(?:on\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)\.?$"
)
_WEEKDAY = re.compile(
    r"^(?:on\s+|last\s+|this\s+(?:past\s+)?)?(?P<weekday>[a-z]+)(?:\s+(?:morning|afternoon|evening|night))?$"
)
_DAYS_AGO = re.compile(r"^(?P<count>\d{1,2}|a|one|two|three|four|five|six) days? ago$")
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Phrases that name one day relative to publication; 'last week' is taken as seven days before it.
_RELATIVE_DAYS = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "tonight": 0,
    "earlier today": 0,
    "yesterday": 1,
    "last week": 7,
}


# A month counted from publication: 'last month', 'late last month', 'in the middle of last month', 'earlier
# this month'.
RELATIVE_MONTH = (
    r"(?:(?:early|late|mid|earlier|later|the (?:middle|end|start|beginning) of)[- ])?(?:last|this) month"
)
_RELATIVE_MONTH = re.compile(rf"(?:in )?(?P<phrase>{RELATIVE_MONTH})", re.IGNORECASE)


def relative_month(text: str | None, published: date | None) -> date | None:
    """The first day of the month `text` names by counting from publication ('last month' in a text of 5
    June 2024: 1 May 2024; 'earlier this month': 1 June 2024), or None when it names none that way."""
    found = _RELATIVE_MONTH.fullmatch(clean_space(text).rstrip(".,;")) if text and published else None
    if found is None or published is None:
        return None
    first = published.replace(day=1)
    return first if "this" in found["phrase"].lower() else (first - timedelta(days=1)).replace(day=1)


def _on_or_before(month: int, day: int, published: date) -> date | None:
    """The date with this month and day that falls on or before `published` (at most a year before)."""
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def _relative(phrase: str, published: date) -> date | None:
    if phrase in _RELATIVE_DAYS:
        return published - timedelta(days=_RELATIVE_DAYS[phrase])
    ago = _DAYS_AGO.match(phrase)
    if ago:
        count = ago["count"]
        return published - timedelta(days=int(count) if count.isdigit() else _COUNT_WORDS[count])
    weekday = _WEEKDAY.match(phrase)
    if weekday and weekday["weekday"] in _WEEKDAYS:
        back = (published.weekday() - _WEEKDAYS[weekday["weekday"]]) % 7
        if back == 0 and phrase.startswith("last "):
            back = 7  # 'last Monday' said on a Monday is the Monday before
        return published - timedelta(days=back)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        found = pattern.match(phrase)
        if found and found["month"] in MONTHS:
            return _on_or_before(MONTHS[found["month"]], int(found["day"]), published)
    return None


def yearless_day(text: str | None) -> bool:
    """Whether `text` names a day of a month without its year ('December 8', 'the 3rd of May'): a date
    only the publication date completes."""
    phrase = clean_space(text).lower().rstrip(".,;") if text else ""
    return any(
        found is not None and found["month"] in MONTHS
        for found in (_MONTH_DAY.match(phrase), _DAY_MONTH.match(phrase))
    )


def month_alone(text: str | None) -> int | None:
    """The month `text` names without a day or a year ('August', 'Sept.'), as its number; else None. A
    page with no date of its own writes it so: its year comes from the period the page is dated by."""
    phrase = clean_space(text).lower().rstrip(".,;") if text else ""
    return MONTHS.get(phrase)


def counts_from_publication(text: str | None) -> bool:
    """Whether `text` names a day by counting from the day it was written ('last week', 'on Monday',
    'yesterday', '3 days ago'). A date without its year ('Mar 2') is not one: it states its day."""
    if text is None:
        return False
    phrase = clean_space(text).lower().rstrip(".,;")
    if phrase in _RELATIVE_DAYS or _DAYS_AGO.match(phrase) or _RELATIVE_MONTH.fullmatch(phrase):
        return True
    weekday = _WEEKDAY.match(phrase)
    return bool(weekday) and weekday["weekday"] in _WEEKDAYS  # type: ignore[index]


def resolve_date(text: str | None, published: date | None, formats: tuple[str, ...] = ()) -> date | None:
    """The date `text` states, reading yearless and relative dates against the publication date.

    'Mar 2' and 'December 9' take the year that puts them on or before `published`; 'yesterday' is the day
    before it, 'last week' seven days before, 'on Monday' the latest Monday on or before it (the day itself
    when it is a Monday), 'today' the day itself. Without a publication date only absolute dates resolve.
    """
    absolute = parse_date(text, formats)
    if absolute is not None or published is None:
        return absolute
    phrase = clean_space(text).lower().rstrip(".,;")
    return _relative(phrase, published) if phrase else None
