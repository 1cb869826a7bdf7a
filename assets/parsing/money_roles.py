"""What an amount in a deal clause is: the money raised, the valuation, or something else.

Money that is not a raise is recognised by the words around it: prices ('$24 per share', '$30 an hour'),
ranges ('$17 to $19'), conversions in brackets ('¥3 billion (about $20 million)'), acquisition and sale
prices, fund sizes, revenue and other business figures, costs, totals over a company's life, and rounds
the text places in the company's past ('raised a $30M Series B in 2024').
"""

from __future__ import annotations

import re
from enum import StrEnum

from assets.normalize.amounts import Money

_QUALIFIER = (
    r"(?:about|roughly|nearly|almost|around|some|approximately|upwards of|more than|over|up to|as little as"
    r"|at least|an estimated)\s+"
)


class Role(StrEnum):
    RAISE = "raise"
    VALUATION = "valuation"
    OTHER = "other"


_VALUATION_AFTER = re.compile(
    r"^\s*\)?\s*(?:(?:post|pre)-?\s?money\s+)?"
    r"(?:valuation\b|(?:post|pre)-?\s?money\b|(?:post|pre)\b(?![\s-]*\w))",
    re.IGNORECASE,
)
_VALUATION_BEFORE = re.compile(
    r"(?:valued (?:it |the company |the startup )?at|valuing (?:[\w'’-]+\s+){0,3}at|valuation (?:of|to|at)"
    r"|values? (?:[\w'’-]+\s+){0,3}at|market value of)\s+"
    rf"(?:{_QUALIFIER}|an?\s+|a reported\s+)?$",
    re.IGNORECASE,
)
# 'Dravik, now worth $1B' is a valuation; 'its Series B, worth $30 million' is the size of the round.
_WORTH = re.compile(rf"\bworth\s+(?:{_QUALIFIER})?$", re.IGNORECASE)
_ROUND_WORTH = re.compile(
    r"\b(?:round|series [a-k]|seed|funding|financing|investment|raise|deal|facility)\W+(?:\w+\W+){0,3}"
    rf"worth\s+(?:{_QUALIFIER})?$",
    re.IGNORECASE,
)
_PRICE_AFTER = re.compile(
    r"^\s*(?:per\b|/\s*[a-z]|an? (?:share|hour|month|year(?! (?:after|ago|later|earlier))|week|day|seat|user"
    r"|unit|piece|head|kilowatt|watt|vehicle|visit)\b|each\b|apiece\b|and up\b|or (?:more|less)\b)",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(r"^\s*(?:to|-|–)\s*(?:[$€£¥₹]|US\$)?\d", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\d[\d.,]*\s*(?:[a-zA-Z]+\s+)?(?:to|-|–)\s*$")
_CONVERSION_BEFORE = re.compile(
    r"[\w$€£¥₹+]\s*\(\s*(?:about|approximately|roughly|around|some|~|or|equal to|equivalent to|nearly)?\s*$",
    re.IGNORECASE,
)
_ACQUISITION_BEFORE = re.compile(
    r"\b(?:acquir\w*|bought|buy|buys|buying|purchas\w*|sold|sells?|selling|sale of|divest\w*|paid|pays?)\b"
    r"[^;$€£¥₹]*"
    rf"\bfor\s+(?:{_QUALIFIER})?$",
    re.IGNORECASE,
)
_ACQUISITION_AFTER = re.compile(
    r"^\s*(?:(?:\w+\s+){0,2}?(?:sale|acquisition|takeover|buyout|exit|purchase|merger)\b"
    r"|that\s+(?:\w+\s+){0,4}?(?:paid|spent)\b)",
    re.IGNORECASE,
)
# Money that is not a raise, named by the noun after it: fund sizes, business figures, totals.
_NOT_A_RAISE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:fund|funds|vehicle|programme|program|subsidy|subsidies|target|arr\b|run[- ]rate"
    r"|market|fee|fees|salary|salaries|contract|contracts|licensing deal|order book|dry powder|distributions"
    r"|in (?:\w+\s+){0,2}(?:revenue|sales|volume|freight|bookings|gmv|arr|assets|distributions|milestones"
    r"|orders|profit|loss|capex|spending|payment volume)|of revenue|in capex|in spending|in q[1-4]"
    r"|in the (?:first|second|third|fourth) quarter|across|in total|in aggregate"
    r"|of (?:total|global|venture))\b",
    re.IGNORECASE,
)
# A total over the company's life, said anywhere in the amount's phrase: '$90 million from venture
# investors over its life'.
_CUMULATIVE = re.compile(
    r"\b(?:over its (?:life|lifetime|history)|to date|so far|since (?:its )?(?:founding|inception|launch)"
    r"|in total|all told)\b",
    re.IGNORECASE,
)
_NOT_A_RAISE_BEFORE = re.compile(
    r"(?:revenue|sales|arr|gmv|market|spend|spent|spending|capex|budget|totaling|totalling|totaled|totalled"
    r"|total of|totals|reached|hit|topped|fund of|fund(?: [IVX]+)? at|funding reached|deals worth|combined"
    r"|aggregate|of which|cost|costs|costing|charges?|pays?|paid|retails? for|sells? for|lists? at"
    r"|priced (?:at|from)|commitment of|fell to|rose to|grew to|dropped to|climbed to"
    r"|bringing (?:\w+\s+){0,3}to)"
    rf"\s+(?:of\s+|at\s+|to\s+)?(?:{_QUALIFIER})?$",
    re.IGNORECASE,
)
# A fund the money is for, said a few words on: '$650 million for its eighth early-stage fund'. A fund
# after 'from' or 'by' is the investor ('a grant from the Regional Innovation Fund'); 'to fund' is a verb.
_FOR_A_FUND = re.compile(
    r"^(?:(?!\b(?:from|by|with)\b)[^,;.]){0,45}?(?<!\bto )\b(?:fund|funds|vehicle)\b", re.I
)
_HISTORY_BEFORE = re.compile(r"\b(?:previously|formerly|prior)\b", re.IGNORECASE)
_YEAR = re.compile(r"\bin (?:early |late |mid-?)?((?:19|20)\d\d)\b")
_PAST = re.compile(r"\b(?:last year|years ago|a year ago|the year before|in previous years)\b", re.IGNORECASE)


def _in_brackets_after_money(clause: str, money: Money, moneys: list[Money]) -> bool:
    """'¥3 billion (about $20 million)': an amount in brackets right after another is its conversion."""
    before = clause[: money.start]
    if not _CONVERSION_BEFORE.search(before):
        return False
    opening = before.rfind("(")
    return any(0 <= opening - other.end <= 2 for other in moneys if other is not money)


def in_the_past(clause: str, money: Money, published_year: int | None) -> bool:
    """True when the clause places this amount in the company's past ('a $15 million Series A in 2024')."""
    if _HISTORY_BEFORE.search(clause[: money.start]):
        return True
    # The amount's own phrase: up to the next comma, bracket or amount ('adding to the $20M Series A it
    # announced in 2025' dates that other amount, not this one).
    after = re.split(r"[;,(]|\s+while\s+|[$€£¥₹]", clause[money.end :])[0]
    year = _YEAR.search(after)
    if year and (published_year is None or int(year.group(1)) < published_year):
        return True
    return bool(_PAST.search(after))


def money_role(clause: str, money: Money, moneys: list[Money], published_year: int | None = None) -> Role:
    """The role of one amount in a clause, from the words around it."""
    before, after = clause[: money.start], clause[money.end :]
    if _in_brackets_after_money(clause, money, moneys):
        return Role.OTHER
    if _PRICE_AFTER.match(after) or _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
        return Role.OTHER
    if in_the_past(clause, money, published_year):
        return Role.OTHER  # a past round, or a past valuation ('valued at $2 billion in 2024')
    if _VALUATION_AFTER.match(after) or _VALUATION_BEFORE.search(before):
        return Role.VALUATION
    if _WORTH.search(before) and not _ROUND_WORTH.search(before):
        return Role.VALUATION
    if _ACQUISITION_BEFORE.search(before) or _ACQUISITION_AFTER.match(after):
        return Role.OTHER
    if _NOT_A_RAISE_AFTER.match(after) or _NOT_A_RAISE_BEFORE.search(before) or _FOR_A_FUND.match(after):
        return Role.OTHER
    if _CUMULATIVE.search(re.split(r"[,;(]|[$€£¥₹]", after)[0]):
        return Role.OTHER
    return Role.RAISE
