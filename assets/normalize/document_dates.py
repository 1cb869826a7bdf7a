"""When a document was written, from its URL or, failing that, from the dates its text names.

Pages saved as text and many newsletters carry no publication date. Their deals still happened at a time
the text gives away: a news URL often holds the day (`/2024/01/06/`), and an article names months and
years ('in March 2025', 'Q3 2024', 'in 2023', a header's '2024-05'). The latest period it names that is
not a forecast ('by 2030') is taken as the document's date, with its precision, so a deal is placed in the
right month or year rather than quarantined for having no date. A date of the page's own metadata always wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from assets.normalize.dates import MONTHS

DAY, MONTH, QUARTER, YEAR = "day", "month", "quarter", "year"
PRECISIONS = (DAY, MONTH, QUARTER, YEAR)
"""How exactly a date is known, finest first: a date of `month` precision is the first of its month."""

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_MONTH_AFTER = _MONTH.replace("month", "month_after")
_MONTH_ONLY = _MONTH.replace("month", "month_only")
_YEAR = r"(?P<year>20[0-4]\d)(?![\d%])"
# Words that put a period in the future or make it a bound, not a time the text was written at.
# ('1 to 7 December 2025' is a range of days: its 'to' follows a day, not a verb)
_FORECAST_BEFORE = re.compile(
    r"\b(?:by|until|through|till|before|(?<!\b\d )(?<!\b\d\d )to|fy)\s$", re.IGNORECASE
)
# Words that make a period a company's founding, not a time the text was written at: 'founded in 2018',
# 'established in 2019' ('launched in May 2025' may be this month's product, 'since 2022' a comparison).
ORIGIN_BEFORE = re.compile(
    r"\b(?:founded|established|incorporated)\s+(?:in\s+)?(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE
)
# Words that make a period a plan's: 'is due for sampling in early 2026', 'expected in 2027', 'slated for
# launch in March 2026' (a text names its plans' dates, not when it was written).
_PLANNED_FOR = re.compile(
    r"\b(?:due|expected|slated|scheduled|planned|plans|aims|targets?|targeting)\b[^.;]{0,30}?"
    r"\b(?:for|in|by)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
# A copyright notice's year ('© 2020, Startup theme by ...', 'Copyright © 2019-2024'): when the site's
# theme or footer was made, not when the page was written. Only '©' or the word, on the same line, before
# a year alone: '(c)' is as often a list's third item ('(c) Q3 2024: Lumarc raised ...') and a byline's
# 'Copyright March 2024' may be the page's own month.
_COPYRIGHT_BEFORE = re.compile(
    r"(?:©|\bcopyright)[ \t]?(?:©[ \t]?)?(?:\d{4}[ \t]?[-–][ \t]?)?$", re.IGNORECASE
)
_PERIODS = re.compile(
    rf"""
    (?:
        (?P<iso>(?P<iso_year>20[0-4]\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d))(?!\d)
      | (?<![\w-])(?P<iso_year_month>20[0-4]\d)-(?P<iso_month_only>0[1-9]|1[0-2])(?![\w-])
      | \b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}
      | \b(?P<day_first>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH_AFTER}\s+(?P<year_after>20[0-4]\d)(?!\d)
      | \b{_MONTH_ONLY}\s*,?\s+(?:of\s+)?(?P<year_of_month>20[0-4]\d)(?![\d%])
      | \b(?:q(?P<quarter>[1-4])|(?P<ordinal>first|second|third|fourth)\s+quarter(?:\s+of)?)
        \s+(?P<year_of_quarter>20[0-4]\d)(?!\d)
      | \b(?P<year_then_quarter>20[0-4]\d)[\s-]?q(?P<quarter_after>[1-4])\b  # '2025-Q3', '2025 Q3'
      | (?<![\w$€£¥₹.,/-])(?P<year_only>20[0-4]\d)(?![\d%,.]\d|[\w$%-])
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ANY_YEAR = re.compile(r"20[0-4]\d")
_LEAD, _TAIL = 25, 8
_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_URL_DAY = re.compile(
    r"/(?P<year>20[0-4]\d)[/-](?P<month>0[1-9]|1[0-2])(?:[/-](?P<day>[0-3]\d))?(?=[/-]|$|\.)"
)


@dataclass(frozen=True)
class DatedPeriod:
    """A date and how exactly it is known (`day`, `month`, `quarter` or `year`)."""

    day: date
    precision: str


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A month and year in a URL's slug: '/robotics-funding-cools-in-april-2024-a-deep-dive'. Full month names
# only ('may' alone is a verb as often as a month).
_SLUG_MONTH = re.compile(
    r"(?:^|[/_-])(?P<month>january|february|march|april|may|june|july|august|september|october|november"
    r"|december)[_-](?P<year>20[0-4]\d)(?=[/_.-]|$)",
    re.IGNORECASE,
)


def url_date(url: str) -> DatedPeriod | None:
    """The date a news URL's path holds ('/2024/01/06/slug' is a day, '/2024/01/slug' a month,
    '/funding-in-april-2024' a month)."""
    path = unquote(urlsplit(url).path)
    found = _URL_DAY.search(path)
    if not found:
        slug = _SLUG_MONTH.search(path)
        if slug is None:
            return None
        return DatedPeriod(date(int(slug["year"]), MONTHS[slug["month"].lower()], 1), MONTH)
    day = _safe_date(int(found["year"]), int(found["month"]), int(found["day"] or 1))
    return DatedPeriod(day, DAY if found["day"] else MONTH) if day else None


def _period(match: re.Match[str]) -> DatedPeriod | None:
    if match["iso"]:
        day = _safe_date(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
        return DatedPeriod(day, DAY) if day else None
    if match["iso_year_month"]:  # 'date 2024-05': a month
        return DatedPeriod(date(int(match["iso_year_month"]), int(match["iso_month_only"]), 1), MONTH)
    if match["day"]:
        day = _safe_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        return DatedPeriod(day, DAY) if day else None
    if match["day_first"]:
        month = MONTHS[match["month_after"].lower()]
        day = _safe_date(int(match["year_after"]), month, int(match["day_first"]))
        return DatedPeriod(day, DAY) if day else None
    if match["month_only"]:
        return DatedPeriod(date(int(match["year_of_month"]), MONTHS[match["month_only"].lower()], 1), MONTH)
    if match["year_of_quarter"]:
        quarter = int(match["quarter"]) if match["quarter"] else _ORDINAL_QUARTERS[match["ordinal"].lower()]
        return DatedPeriod(date(int(match["year_of_quarter"]), 3 * quarter - 2, 1), QUARTER)
    if match["year_then_quarter"]:
        quarter = int(match["quarter_after"])
        return DatedPeriod(date(int(match["year_then_quarter"]), 3 * quarter - 2, 1), QUARTER)
    return DatedPeriod(date(int(match["year_only"]), 1, 1), YEAR)


def latest_named_period(text: str, not_after: date | None = None) -> DatedPeriod | None:
    """The latest period the text names, outside forecasts; among periods in the same year, the most
    precise one that is latest (a text that names 'March 2025' and '2025' was written in March 2025 or
    later, and March is the best the text says). A period that starts after `not_after` (the day the text
    is read) is a forecast too: 'the real test comes in 2027' dates no page written before it."""
    best: DatedPeriod | None = None
    for _, period in _named_periods(text):
        if not_after is not None and period.day > not_after:
            continue
        if best is None or _later_or_finer(period, best):
            best = period
    return best


def named_period_words(text: str) -> str | None:
    """The words of the first period `text` names outside forecasts ('Q3 2024', 'the summer of 2024',
    'March 2021'), as written; None when it names none."""
    return next((match.group(0).strip() for match, _ in _named_periods(text)), None)


def _named_periods(text: str) -> Iterator[tuple[re.Match[str], DatedPeriod]]:
    """Each period the text names with its words, in order, leaving out forecasts, founding years and
    copyright notices."""
    for match in _period_matches(text):
        if (
            _FORECAST_BEFORE.search(text, max(0, match.start() - 8), match.start())
            or ORIGIN_BEFORE.search(text, max(0, match.start() - 30), match.start())
            or _PLANNED_FOR.search(text, max(0, match.start() - 40), match.start())
            or (
                match["year_only"]
                and _COPYRIGHT_BEFORE.search(text, max(0, match.start() - 16), match.start())
            )
        ):
            continue
        period = _period(match)
        if period is not None:
            yield match, period


def _period_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_PERIODS`, looked for only around the years in the text (every period names one):
    trying the whole pattern at every character made a 5 MB page cost seconds. Years close together share
    one region, so a page dense with dates is still read once."""
    region_start = region_end = -1
    for year in _ANY_YEAR.finditer(text):
        # The longest lead before a year is 'September 30th, ' or 'fourth quarter of '; the tail after it
        # leaves room for an ISO date's '-MM-DD' and the look at the characters that follow.
        start, end = max(0, year.start() - _LEAD), year.end() + _TAIL
        if start <= region_end:
            region_end = end
            continue
        if region_end > 0:
            yield from _PERIODS.finditer(text, region_start, region_end)
        region_start, region_end = start, end
    if region_end > 0:
        yield from _PERIODS.finditer(text, region_start, region_end)


def _later_or_finer(candidate: DatedPeriod, best: DatedPeriod) -> bool:
    if candidate.day.year != best.day.year:
        return candidate.day.year > best.day.year
    if candidate.precision == YEAR:
        return False  # a bare year says nothing more than a month of the same year
    if best.precision == YEAR:
        return True
    return candidate.day > best.day


# A round-up names the period it covers in its title ('African startups raise $138 million in September
# 2024'), written in the first words of the text.
COVERED_PERIOD_CHARS = 400
# A round-up covers the weeks or months just before it is written: a period ended longer ago than this is
# not the one it covers (a title's 'since 2019').
_COVERED_WITHIN_DAYS = 100


def covered_period(text: str, published: date | None) -> DatedPeriod | None:
    """The month or quarter the text's title says it covers, when it ended shortly before `published`;
    None for a text that names no such period there (its deals are dated as written, else by publication;
    a report's lede may still say its period: `reported_period`)."""
    if published is None:
        return None
    found = latest_named_period(text[:COVERED_PERIOD_CHARS])
    if found is None or found.precision not in (MONTH, QUARTER):
        return None
    return found if _ended_shortly_before(found, published) else None


def _ended_shortly_before(period: DatedPeriod, published: date) -> bool:
    """Whether a period began before `published` and ended at most `_COVERED_WITHIN_DAYS` before it."""
    months = {MONTH: 1, QUARTER: 3, YEAR: 12}[period.precision]
    end_month = period.day.month + months
    end = date(period.day.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return period.day < published and (published - end).days <= _COVERED_WITHIN_DAYS


# A report's lede: what a group of startups raised, or how funding went, over a period ('Nigerian fintech
# companies secured $1.2 billion in 2022', 'Total funding into healthtech companies plunged ... last year',
# 'African startup funds in Nov', 'startup funding drops by 33% in April-June quarter').
_AGGREGATE_SUBJECT = re.compile(
    r"\b(?:startups|start-ups|companies|firms|fintechs|investments|deals|funds"
    r"|(?:startup|start-up|venture|total|overall) (?:funding|investment)|funding raised|capital raised)\b",
    re.IGNORECASE,
)
_FUNDING_SAID = re.compile(
    r"\b(?:rais(?:ed|e|es|ing)|secured|attracted|drew|funding|funds|investments?|invested|capital)\b"
    r"|\d\s*(?:million|billion|mn|bn|m|b)\b",
    re.IGNORECASE,
)
_REPORTED_YEAR = re.compile(
    r"\b(?:in|during|for|of|over)\s+(?:the\s+(?:whole\s+)?(?:year\s+)?)?(?P<year>20[0-4]\d)\b"
    r"|\b(?P<last_year>last year)\b",
    re.IGNORECASE,
)
_REPORTED_QUARTER = re.compile(
    r"\b(?P<first>january|april|july|october)\s*[-–]\s*(?P<last>march|june|september|december)\s+quarter\b",
    re.IGNORECASE,
)


def report_ledes(head: str) -> list[str]:
    """The sentences of a text's head that may be a report's lede: the first sentence, or the two first
    after a title line, when it speaks of startups, companies or funding as a whole and tells of funding (a
    fresh deal's lede names its company; 'the market turned in 2022, and many startups are struggling' is
    no report of funding)."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", head.strip(), maxsplit=2)
    title = len(sentences) > 1 and len(sentences[0]) < 150 and not sentences[0].rstrip().endswith(".")
    return [
        sentence
        for sentence in sentences[: 2 if title else 1]
        if _AGGREGATE_SUBJECT.search(sentence) and _FUNDING_SAID.search(sentence)
    ]


def reported_period(head: str, published: date) -> DatedPeriod | None:
    """The year or quarter a report's lede (`report_ledes`) sums up funding over, when it ended shortly
    before publication: 'Nigerian fintech companies secured $1.2 billion in 2022' published in January 2023
    is about 2022, and so are the deals it lists without dates of their own. (A month said alone is a
    monthly round-up's: `assets.parsing.roundups` reads it.)"""
    for sentence in report_ledes(head):
        period = _reported_quarter(sentence, published) or _reported_year(sentence, published)
        # a year still running is no report of it: 'funding hit record levels in 2025', written in November
        running = period is not None and period.precision == YEAR and period.day.year == published.year
        if period is not None and not running and _ended_shortly_before(period, published):
            return period
    return None


def _reported_year(sentence: str, published: date) -> DatedPeriod | None:
    found = _REPORTED_YEAR.search(sentence)
    if found is None:
        return None
    year = published.year - 1 if found["last_year"] else int(found["year"])
    return DatedPeriod(date(year, 1, 1), YEAR)


def _reported_quarter(sentence: str, published: date) -> DatedPeriod | None:
    """'in April-June quarter': the latest such quarter before publication."""
    found = _REPORTED_QUARTER.search(sentence)
    if found is None:
        return None
    month = MONTHS[found["first"].lower()]
    year = published.year if month < published.month else published.year - 1
    return DatedPeriod(date(year, month, 1), QUARTER)


def period_words(period: DatedPeriod) -> str:
    """A period as the words that name it: 'September 2024', 'Q3 2024', '2024'."""
    if period.precision == MONTH:
        return period.day.strftime("%B %Y")
    if period.precision == QUARTER:
        return f"Q{(period.day.month - 1) // 3 + 1} {period.day.year}"
    if period.precision == YEAR:
        return str(period.day.year)
    return period.day.isoformat()
