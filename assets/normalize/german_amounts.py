"""Money amounts as German news writes them -> a value, an ISO currency and a lower-bound flag.

German writes the decimal comma and the thousands point ('4,7 Millionen Euro', '500.000 Franken'), its own
multipliers ('Mio.', 'Milliarden', 'Mrd.'; a German 'Billion' is a million millions) and its own currency
words ('US-Dollar', 'Franken', 'Pfund'). These are kept apart from the English grammar on purpose: English
prose must not read 'Millionen' as money, because only the German reader (`assets/parsing/german.py`) can
tell a German sentence's capitalised nouns from names. Table cells may hold either form: `parse_amount`
falls back on this grammar when the English one reads nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from assets.normalize.money import Money

GERMAN_MULTIPLIERS: dict[str, Decimal] = {
    "tausend": Decimal(10**3),
    "tsd": Decimal(10**3),
    "million": Decimal(10**6),
    "millionen": Decimal(10**6),
    "mio": Decimal(10**6),
    "milliarde": Decimal(10**9),
    "milliarden": Decimal(10**9),
    "mrd": Decimal(10**9),
    "billion": Decimal(10**12),  # (not the English billion)
    "billionen": Decimal(10**12),
}
# Currency words and signs as German writes them, to ISO codes. Longest first, so that 'US-Dollar' is
# not read as 'Dollar' with a stray 'US-'.
GERMAN_CURRENCY_WORDS: dict[str, str] = {
    "schweizer franken": "CHF",
    "britische pfund": "GBP",
    "britischen pfund": "GBP",
    "us-dollar": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euro": "EUR",
    # (the plural Spanish, French and Portuguese cells write with the same thousands point: '800.000 euros')
    "euros": "EUR",
    "eur": "EUR",
    "franken": "CHF",
    "chf": "CHF",
    "pfund": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
}
_SIGNS = {
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "£": "GBP",
    "EUR": "EUR",
    "USD": "USD",
    "CHF": "CHF",
    "GBP": "GBP",
}
# 'mehr als 20 Millionen Euro', 'über 5 Mio. Euro': at least that much; 'rund', 'knapp', 'etwa': about it.
_FLOOR_WORDS = ("mehr als", "über", "ueber", "mindestens")
_APPROXIMATION_WORDS = ("rund", "knapp", "etwa", "ca.", "circa", "fast", "gut", "nahezu", "annähernd")


def _alternatives(options: list[str]) -> str:
    return "|".join(re.escape(option) for option in sorted(options, key=len, reverse=True))


GERMAN_MONEY = re.compile(
    rf"""
    (?<![\w.,])
    (?:(?P<prefix>{_alternatives(list(_SIGNS))})\s?)?
    (?P<number>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:['’]\d{{3}})+(?:[.,]\d+)?|\d+(?:,\d+)?)(?![\d]|[.,'’]\d)
    (?:\s?(?P<mult>(?i:{_alternatives(list(GERMAN_MULTIPLIERS))}))(?:\.|(?![\wäöüß])))?
    (?:\s?(?P<sign>[€$£])(?![\w$])|\s(?P<word>(?i:{_alternatives(list(GERMAN_CURRENCY_WORDS))}))(?![\wäöüß-]))?
    """,
    re.VERBOSE,
)
_FLOOR = re.compile(rf"^(?:{_alternatives(list(_FLOOR_WORDS))})\s+", re.IGNORECASE)
_APPROXIMATION = re.compile(rf"^(?:{_alternatives(list(_APPROXIMATION_WORDS))})\s+", re.IGNORECASE)


def _money(match: re.Match[str], offset: int = 0) -> Money | None:
    """The amount one match of GERMAN_MONEY states, or None when it names no currency."""
    prefix, number, mult, sign, word = match.group("prefix", "number", "mult", "sign", "word")
    currency = _SIGNS.get(prefix or "") or _SIGNS.get(sign or "")
    if word:
        currency = GERMAN_CURRENCY_WORDS[" ".join(word.lower().split())]
    if currency is None:
        return None  # '2024', '30 Prozent', '10.000-mal': numbers, not money
    if not (mult or sign or word) and match.string[match.end() : match.end() + 1].isalpha():
        return None  # '£5m': an English multiplier, read by the English grammar
    try:
        # (Swiss writing groups thousands with an apostrophe and may keep a decimal point: 750'000, 1'250.5)
        swiss = "'" in number or "’" in number
        plain = number.replace("'", "").replace("’", "")
        value = Decimal(plain.replace(",", ".") if swiss else plain.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None
    if mult:
        value *= GERMAN_MULTIPLIERS[mult.lower()]
    if value == value.to_integral_value():
        value = value.to_integral_value()  # '4,7 Mio.' is 4700000, not 4700000.0
    elif sign and not prefix and match.group(0).rstrip()[-2:-1].isspace() and len(number) == 4:
        return None  # '2024 €' is a year before a sign
    start, end = match.span()
    return Money(value, currency, False, match.group(0).strip(), start + offset, end + offset)


# A count of millions in words: 'eine Million Euro', 'zwei Milliarden Dollar', 'anderthalb Millionen Franken'.
_NUMBER_WORDS = {
    "ein": Decimal(1), "eine": Decimal(1), "einer": Decimal(1), "zwei": Decimal(2), "drei": Decimal(3),
    "vier": Decimal(4), "fünf": Decimal(5), "sechs": Decimal(6), "sieben": Decimal(7), "acht": Decimal(8),
    "neun": Decimal(9), "zehn": Decimal(10), "anderthalb": Decimal("1.5"), "eineinhalb": Decimal("1.5"),
}  # fmt: skip
_MONEY_IN_WORDS = re.compile(
    rf"(?<![\wäöüß])(?P<number>(?i:{_alternatives(list(_NUMBER_WORDS))}))\s+"
    r"(?P<mult>Million(?:en)?|Milliarde(?:n)?)\s+"
    rf"(?P<word>(?i:{_alternatives(list(GERMAN_CURRENCY_WORDS))}))(?![\wäöüß-])"
)


def find_german_money(text: str) -> list[Money]:
    """Every amount in German prose that names its currency ('4,7 Millionen Euro', '€ 12 Mio.', 'eine
    Million Euro'), in the order they are written."""
    found = []
    for match in GERMAN_MONEY.finditer(text):
        money = _money(match)
        if money is not None:
            found.append(money)
    for match in _MONEY_IN_WORDS.finditer(text):
        value = _NUMBER_WORDS[match.group("number").lower()] * GERMAN_MULTIPLIERS[match.group("mult").lower()]
        currency = GERMAN_CURRENCY_WORDS[" ".join(match.group("word").lower().split())]
        found.append(Money(value.to_integral_value(), currency, False, match.group(0), *match.span()))
    return sorted(found, key=lambda money: money.start)


def parse_german_amount(text: str) -> Money | None:
    """The amount a cell written the German way holds ('4,7 Mio. €', 'mehr als 20 Millionen Euro'), or
    None when it is not one."""
    floor = _FLOOR.match(text)
    stated = _APPROXIMATION.sub("", _FLOOR.sub("", text)).strip()
    match = GERMAN_MONEY.fullmatch(stated) or GERMAN_MONEY.fullmatch(stated.rstrip(",;"))
    money = _money(match) if match else None
    if money is None and (in_words := _MONEY_IN_WORDS.fullmatch(stated)):
        money = find_german_money(in_words.group(0))[0]
    if money is None:
        return None
    return Money(money.value, money.currency, bool(floor), text)
