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
