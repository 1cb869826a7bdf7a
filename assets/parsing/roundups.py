"""The month a monthly round-up covers, for the deals it states without a date of their own.

A round-up published early in a month tells the deals of the month before: 'Indian startups secured $1.3
billion in funding in May' (published June 6), 'Kenya, Nigeria attract 76 percent of African startup funds
in Nov' (published December 9), 'startup funding plunges 78% in Jan'. Its title or opening names that
month; the deals it lists one by one often do not ('followed by TechnoSport's $21 million'). Such a deal
took place in the month the round-up covers, not on the day it was published.
"""

from __future__ import annotations

import re
from datetime import date

from assets.normalize.dates import MONTHS
from assets.normalize.document_dates import DAY, DatedPeriod
from assets.normalize.document_dates import MONTH as MONTH_PRECISION
from assets.parsing.date_phrases import MONTH
from assets.parsing.mentions import DealMention

OPENING_CHARS = 600
"""How much of a page's text is its title and opening, where a round-up names its month."""
ROUNDUP_MENTIONS = 3
"""Deals a document states, at least, to be a round-up."""
_MONTH_NAMED = re.compile(
    rf"\b(?:in|during|for|of)\s+(?P<month>{MONTH})"
    r"(?:\s+(?P<year>20\d\d))?\b",
    re.IGNORECASE,
)
# What a round-up's opening is about: money raised across many companies.
_FUNDING_WORDS = re.compile(
    r"\b(?:funding|fundraising|raised|secured|investments?|deals?|startups?|start-ups?|capital)\b",
    re.IGNORECASE,
)
_MONTHS_BACK = 2
"""How many months before its publication a round-up may cover (a month's report comes out in the next)."""
_DAYS = r"\s+\d{1,2}(?:st|nd|rd|th)?"
# A month as a word of its own, capitalised ('in March', not 'in marketing' or 'from Mayfield').
_MONTH_WORD = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
# A month an undated round-up's opening says it covers: 'In the last week of March', 'news from September
# 20–27, 2025', 'Between May 8 and May 13', 'four rounds from May'.
_MONTH_COVERED = re.compile(
    rf"\b(?:in|during|for|of|from|between)\s+(?:the\s+(?:last\s+|first\s+)?(?:week|days?)\s+of\s+)?"
    rf"(?P<month>{_MONTH_WORD})(?P<day>{_DAYS}(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?)?"
    # a week across two months is the later month's ('between September 29 and October 4'); months
    # without days ('from January to end-April', 'in March, April and May') are no one month
    rf"(?:\s*(?:to|and|through|,|[-–])\s*(?:end-|the end of\s+)?"
    rf"(?P<month_to>{_MONTH_WORD})(?P<day_to>{_DAYS})?)?"
    r"(?:,?\s+(?P<year>20\d\d))?(?![\w-])",
    re.IGNORECASE,
)
# A sentence that sums up many deals ('the country's startups raised', 'deals this week'), not one deal's.
_MANY_DEALS = re.compile(
    r"\b(?:startups|start-ups|companies|firms|fintechs|deals|rounds|transactions|ventures|founders)\b",
    re.IGNORECASE,
)
# What makes a month no period covered: a founding, a plan, a comparison ('launched in March', 'planned
# for September', 'unlike in February', 'the average of April', 'since its IPO in January').
_NOT_COVERED_BEFORE = re.compile(
    r"\b(?:founded|launched|established|started|planned|scheduled|expected|due|slated|set|since|unlike|than"
    r"|average|compared|same|ipo|listing|until|by|before|after|rebound|budget|cut|hike|closed|rose|fell)\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)


def roundup_month(opening: str, published: date) -> str | None:
    """'May 2024' when `opening` (a title and first lines, published on `published`) names a month it covers
    as a round-up, the month before publication or the one before that; None otherwise."""
    if not _FUNDING_WORDS.search(opening):
        return None
    for found in _MONTH_NAMED.finditer(opening):
        month = MONTHS.get(found["month"].lower()[:3])
        if month is None:
            continue
        year = int(found["year"]) if found["year"] else published.year - (month >= published.month)
        back = (published.year - year) * 12 + published.month - month
        if 1 <= back <= _MONTHS_BACK:
            return f"{date(year, month, 1):%B} {year}"
    return None


def dated_by_roundup(mentions: list[DealMention], opening: str, published: date | None) -> None:
    """Give the deals a round-up states without a date the month it covers (`roundup_month`)."""
    if published is None or len(mentions) < ROUNDUP_MENTIONS:
        return
    month = roundup_month(opening[:OPENING_CHARS], published)
    if month is None:
        return
    for mention in mentions:
        if mention.announced is None:
            mention.announced = month


def dated_by_roundup_in_year(mentions: list[DealMention], opening: str, named: DatedPeriod | None) -> None:
    """An undated round-up's deals (no publication date, none in its URL) take the month its opening names
    as the one it covers ('In the last week of March, the country's startups raised ...', 'startups raised
    $296 million between September 29 and October 4'): the first month said in a sentence of the opening
    that sums up many deals, not after a word of a founding, a plan or a comparison; in the year of the
    latest period the text names (`named`), or, when that period is a day or a month, the year that puts the
    month at most nine months before it or two after."""
    if named is None or len(mentions) < ROUNDUP_MENTIONS:
        return
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", opening[:OPENING_CHARS]):
        if not (_FUNDING_WORDS.search(sentence) and _MANY_DEALS.search(sentence)):
            continue
        for found in _MONTH_COVERED.finditer(sentence):
            if _NOT_COVERED_BEFORE.search(sentence, 0, found.start("month")):
                return
            first = MONTHS[found["month"].lower()[:3]]
            month = MONTHS[(found["month_to"] or found["month"]).lower()[:3]]
            if found["month_to"] and not (found["day"] and found["day_to"] and (month - first) % 12 <= 1):
                return  # months, not a week across two: 'from January to end-April', 'from March 3 to May 28'
            year = _nearest_year(month, named)
            if found["year"] and int(found["year"]) != year:
                return
            words = f"{date(year, month, 1):%B} {year}"
            for mention in mentions:
                if mention.announced is None:
                    mention.announced = words
            return


def _nearest_year(month: int, named: DatedPeriod) -> int:
    """The year of `month` in a round-up whose latest named period is `named`: that period's year when it is a
    year; else the one that puts the month from nine months before it to two after (a January round-up
    naming December, a May round-up whose latest date is last week's April 29)."""
    if named.precision not in (DAY, MONTH_PRECISION):
        return named.day.year
    # a round-up covers the months up to its latest date and a little after it, not long after
    at = named.day.year * 12 + named.day.month
    return next(y for y in (named.day.year + k for k in (0, -1, 1)) if -9 <= y * 12 + month - at <= 2)
