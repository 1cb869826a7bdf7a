"""Money amounts as sources write them -> a value, an ISO currency and a lower-bound flag.

Handles `$3.5B`, `$500M`, `$15B+`, `€40 million`, `1.2bn`, `$1,500M`, `1.5 billion dollars`, `US$20m`,
`Rs 500 crore`, `$20-million` (as some papers hyphenate it), Indian digit grouping (`20,00,00,000`) and
the literal escape text real exports carry (`\\xc2\\xa020,000,000`). Values are exact `Decimal`s so `$3.5B`
is 3,500,000,000, not 3499999999.99.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache

from assets.normalize.german_amounts import parse_german_amount
from assets.normalize.money import Money
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.reference.wording import (
    APPROXIMATION_WORDS,
    CEILING_WORDS,
    CURRENCY_SIGNS,
    FLOOR_WORDS,
    NO_VALUE,
    UNDISCLOSED,
    words_pattern,
)
from schemas.text import clean_space
from schemas.vocabulary import Currencies, default_currencies

MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(10**3),
    "thousand": Decimal(10**3),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "mm": Decimal(10**6),
    "mil": Decimal(10**6),
    "mln": Decimal(10**6),  # as wire services abbreviate: '$3.5 mln', '$1.2 bln'
    "bln": Decimal(10**9),
    "million": Decimal(10**6),
    "millions": Decimal(10**6),
    "b": Decimal(10**9),
    "bn": Decimal(10**9),
    "billion": Decimal(10**9),
    "billions": Decimal(10**9),
    # as French, Spanish, Portuguese and German news write them ('1,7 milliard', 'US$ 32,1 milhões')
    "milliard": Decimal(10**9),
    "milliards": Decimal(10**9),
    "millones": Decimal(10**6),
    "millón": Decimal(10**6),
    "milhões": Decimal(10**6),
    "milhão": Decimal(10**6),
    "bilhões": Decimal(10**9),
    "bilhão": Decimal(10**9),
    # Italian, Dutch and Swedish ('81,5 milioni di dollari', '5 miljarder dollar'). German's 'Millionen' is
    # left out on purpose: prose cannot tell its capitalised nouns from names, so its amounts made only
    # false deals ('Unternehmen', 'Zeiten').
    "milioni": Decimal(10**6),
    "milione": Decimal(10**6),
    "miliardi": Decimal(10**9),
    "miliardo": Decimal(10**9),
    "miljoen": Decimal(10**6),
    "miljard": Decimal(10**9),
    "miljoner": Decimal(10**6),
    "miljarder": Decimal(10**9),
    "mio": Decimal(10**6),
    "mrd": Decimal(10**9),
    "t": Decimal(10**12),
    "tn": Decimal(10**12),
    "trillion": Decimal(10**12),
    "lakh": Decimal(10**5),
    "lakhs": Decimal(10**5),
    "lac": Decimal(10**5),
    "crore": Decimal(10**7),
    "crores": Decimal(10**7),
    "cr": Decimal(10**7),
}

# What a cell says when no amount was disclosed. Not an error: the deal is real, its size unknown.
UNDISCLOSED_CELL = (NO_VALUE - {""}) | UNDISCLOSED

# Words before an amount: a lower bound ('more than $200 million' is a floor, like '$200M+'), an upper
# bound ('up to $75M'), or an approximation ('about $40M', '~$40M'); each keeps the stated number.
_FLOOR_WORDS = re.compile(rf"^{words_pattern(FLOOR_WORDS)}\s+", re.IGNORECASE)
_CEILING_WORDS = re.compile(rf"^{words_pattern(CEILING_WORDS)}\s+", re.IGNORECASE)
_APPROXIMATION_WORDS = re.compile(rf"^(?:~\s*|{words_pattern(APPROXIMATION_WORDS)}\s+)", re.IGNORECASE)
_LEADING_MINUS = re.compile(r"^(?P<prefix>[^\d\-−]{0,4}?)\s?[-−]\s?(?=[^\d]{0,4}\d)")


# Currency words that are also everyday English: they name a currency only after a multiplier
# ('10 billion won', '2 million pounds'), never after a bare number ('12 won', 'three real problems').
AMBIGUOUS_CURRENCY_WORDS = frozenset({"won", "real", "pound", "pounds", "franc", "francs", "rand"})


class AmountStatus(StrEnum):
    PARSED = "parsed"
    UNDISCLOSED = "undisclosed"
    MISSING = "missing"
    UNPARSEABLE = "unparseable"


@dataclass(frozen=True)
class ParsedAmount:
    status: AmountStatus
    money: Money | None = None


def _initials(alternatives: Iterable[str]) -> str:
    """The first characters of `alternatives`, escaped for a character class."""
    return "".join(sorted({re.escape(alternative[0]) for alternative in alternatives}))


def _by_first_character(options: list[str]) -> str:
    """An alternation of `options`, longest first, grouped by first character: 'USD|US$|$' becomes
    'U(?:SD|S\\$)|\\$'. Only options with the same first character can match at one place, and among
    them the order is kept, so what matches is unchanged; the engine tries one group, not every option
    (an amount is read about twice as fast). Options that differ only in the case of their first letter
    share a group, for patterns that ignore case."""
    groups: dict[str, list[str]] = {}
    for option in sorted(options, key=len, reverse=True):
        groups.setdefault(option[0].lower(), []).append(option)
    return "|".join(
        f"{re.escape(members[0][0])}(?:{'|'.join(re.escape(member[1:]) for member in members)})"
        if all(member[0] == members[0][0] for member in members)
        else "|".join(re.escape(member) for member in members)
        for members in groups.values()
    )


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per ReferenceData, a cache key
class MoneyGrammar:
    """How amounts are written with the currencies in use: the pattern, and what its signs and words mean."""

    pattern: re.Pattern[str]
    symbols: dict[str, str]
    """Symbol or code as written ('$', 'US$') -> ISO code."""
    words: dict[str, str]
    """Currency word in lower case ('euros') -> ISO code."""
    dollars: frozenset[str] = frozenset()
    """Codes of the currencies with a '$' of their own: a source's default among them reads a bare '$'."""


def money_grammar() -> MoneyGrammar:
    """The grammar of the reference data in use, built once per ReferenceData."""
    return current_reference_data().derived(_build_money_grammar)


def _build_money_grammar(data: ReferenceData) -> MoneyGrammar:
    currencies = default_currencies(data)
    return MoneyGrammar(
        _money_pattern(currencies), currencies.symbol_map(), currencies.word_map(), currencies.dollars
    )


def _money_pattern(currencies: Currencies) -> re.Pattern[str]:
    symbols = sorted(currencies.symbol_map(), key=len, reverse=True)
    words = sorted(currencies.word_map(), key=len, reverse=True)
    prefix = _by_first_character(symbols)
    suffix_words = _by_first_character(words)
    multipliers = _by_first_character(list(MULTIPLIERS))
    # Each lookahead below names the first characters its alternatives can start with, so that a search
    # passes every other character without trying each alternative there: an amount starts with a symbol
    # or a digit, a multiplier or a currency word with one of a few letters.
    initials = _initials(symbols) + r"\d"
    multiplier_initials = _initials(MULTIPLIERS)
    word_initials = _initials([*words, "us"])
    # A currency symbol glued to a letter on its left ('NZ$', 'HK$' when HK$ is not listed) is another
    # currency, not this one; a number glued to a word or a digit group is part of something else.
    # Digit groups are Western (1,500,000), Indian (1,50,00,000) or a lone decimal comma (1,50): any other
    # grouping ('1,000,00') matches nothing, so it is never read a hundred times too big.
    return re.compile(
        rf"""
        (?=[{initials}])
        (?:(?<![A-Za-z])(?P<prefix>{prefix})\s?|(?<![\w.,{CURRENCY_SIGNS}]))
        (?P<number>
            (?P<grouped>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?)
            |(?P<decimal_comma>\d+,\d{{1,2}})
            |\d+(?:\.\d+)?
        )(?![\d]|,\d)
        (?:(?:\s|-(?=[A-Za-z]{{2}}))?(?=(?i:[{multiplier_initials}]))(?P<mult>(?i:{multipliers}))(?![A-Za-z]))?
        (?P<plus>\+|-plus(?![\w-]))?
        (?:\s?(?P<suffix_sign>[€£$])(?![\w$]))?
        (?:\s(?=(?i:[{word_initials}]))(?P<suffix>(?i:(?:us\s)?(?:{suffix_words})))(?![A-Za-z]))?
        """,
        re.VERBOSE,
    )


def _currency_of(
    grammar: MoneyGrammar, prefix: str | None, suffix: str | None, suffix_sign: str | None = None
) -> str | None:
    if prefix == "$" and suffix and suffix.lower() in grammar.words:
        return grammar.words[suffix.lower()]  # '$1.35M CAD': the code after the amount says which dollar
    if prefix:
        return grammar.symbols[prefix]
    if suffix_sign:  # '40 M€', '25€': the sign after the amount, as French and German write it
        return grammar.symbols.get(suffix_sign)
    if suffix:
        return grammar.words.get(suffix.lower().removeprefix("us ").strip())
    return None


def _to_money(match: re.Match[str], grammar: MoneyGrammar) -> Money | None:
    # A bare letter such as 'B' or 'M' right after a currency symbol is a multiplier; a bare word right
    # after a number without a currency is only trusted by callers that know the column holds money.
    number, decimal_comma, mult, suffix, prefix, plus, suffix_sign = match.group(
        "number", "decimal_comma", "mult", "suffix", "prefix", "plus", "suffix_sign"
    )
    digits = number.replace(",", ".") if decimal_comma else number.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    if suffix_sign and not mult and not prefix and match.group(0).rstrip()[-2:-1].isspace():
        return None  # '2024 €' is a year before a sign; '25€' and '40 M€' are amounts
    if mult:
        value *= MULTIPLIERS[mult.lower()]
    elif suffix and suffix.lower() in AMBIGUOUS_CURRENCY_WORDS:
        return None  # '12 won', '3 real customers': English words, unless a multiplier says money
    start, end = match.span()
    currency = _currency_of(grammar, prefix, suffix, suffix_sign)
    return Money(value, currency, bool(plus), match.group(0).strip(), start, end)


def find_money(text: str) -> list[Money]:
    """Every amount in prose that names its currency ('$150M', '€40 million', '1.5 billion dollars').

    Numbers without a currency ('81%', '2023', 'H100', '#797') are not money in prose.
    """
    return list(_moneys_in(text, money_grammar()))


# 'billion-dollar rounds', 'a million-dollar seed', 'a billion-pound funding round': a size said in words, a
# floor in its currency. Only before a round's noun: 'a billion-dollar company' states no amount.
_SIZE_IN_WORDS = re.compile(
    r"\b(?P<size>billion|million)[- ](?P<unit>dollar|pound|euro)"
    r"(?=\s+(?:mega-?)?(?:rounds?|raises?|fundraises?|funding|financing|investments?|seed|series))",
    re.IGNORECASE,
)
_SIZE_IN_WORDS_CELL = re.compile(r"(?P<size>billion|million)[- ](?P<unit>dollar|pound|euro)", re.IGNORECASE)
_SIZE_UNITS = {"dollar": "USD", "pound": "GBP", "euro": "EUR"}


def _size_in_words(match: re.Match[str]) -> Money:
    value = MULTIPLIERS[match["size"].lower()]
    currency = _SIZE_UNITS[match["unit"].lower()]
    return Money(value, currency, True, match.group(0), match.start(), match.end())


# Crore and lakh are Indian numbers: Indian news writes sums in them without the rupee sign ('raised 458 cr
# from Iron Pillar'). A count in crore ('11.54 crore shares', '2 crore users') is followed by what it counts.
_INDIAN_MULTIPLIERS = frozenset({"crore", "crores", "cr", "lakh", "lakhs", "lac"})
_AFTER_A_SUM = re.compile(
    r"(?:\s*(?:[.,;:)]|$)|\s+(?:in|into|from|funding|round|investment|raise|fundraise|debt|led|at|and|to|for|as"
    r"|series|seed|worth|valuation|of|by|rupees|inr)\b)",
    re.IGNORECASE,
)


def _indian_sum_without_sign(text: str, match: re.Match[str]) -> bool:
    """An amount in crore or lakh with no currency written, followed by no noun it would count."""
    mult = match["mult"]
    return bool(mult and mult.lower() in _INDIAN_MULTIPLIERS and _AFTER_A_SUM.match(text, match.end()))


# A sum in words of millions or billions with no currency written is money where it is raised: right after
# a raise verb ('raised 16.5 million', 'lève 40,5 millions') or right before its round ('a 200 million
# Series A round', '10.4 million pre-Series A'). Its currency is None: the document says which
# (`assets/parsing/dollars.py`); elsewhere ('5 million users', 'grew 20 million') it is no money.
_WORD_MULTIPLIERS = frozenset(
    {"million", "millions", "billion", "billions", "mn", "bn", "milliard", "milliards", "millones", "milhões"}
    | {"milioni", "miljoner", "miljard"}
)
_RAISE_RIGHT_BEFORE = re.compile(
    r"\b(?:raised|raises|raising|raise|secured|secures|securing|closed|closes|lève|lever|levé|levée de"
    r"|recaudó|recauda|levantou|levanta)"
    r"\s+(?:(?:a|an|about|around|nearly|almost|over|some|approximately|roughly|more than|another"
    r"|an additional)\s+)*$",
    re.IGNORECASE,
)
_ROUND_RIGHT_AFTER = re.compile(
    r"\s+(?:in\s+)?(?:(?:pre-?)?series\s+[a-k]\b|(?:pre-?)?seed\b|(?:funding|financing|investment)\b"
    r"|(?:[a-z-]+\s+)?round\b)",
    re.IGNORECASE,
)


# After a sum raised, what ends its phrase: not a word that could name a currency ('900 million kronur').
_SUM_PHRASE_ENDS = re.compile(
    r"\s*(?:[.,;:)]|$)|\s+(?:in|from|for|to|at|led|with|and|as|this|last|earlier|ago|pour|para|en|em|auprès)\b",
    re.IGNORECASE,
)


def _raised_without_currency(text: str, match: re.Match[str]) -> bool:
    mult = match["mult"]
    if not mult or mult.lower() not in _WORD_MULTIPLIERS:
        return False
    if text[match.start() - 1 : match.start()] in ("-", "–"):
        return False  # the top of a range whose bottom names the currency ('$450-500 million')
    if _ROUND_RIGHT_AFTER.match(text, match.end()):
        return True
    return bool(
        _SUM_PHRASE_ENDS.match(text, match.end())
        and _RAISE_RIGHT_BEFORE.search(text, max(0, match.start() - 60), match.start())
    )


@lru_cache(maxsize=16)  # a sentence is read for its amounts several times on its way to a mention
def _moneys_in(text: str, grammar: MoneyGrammar) -> tuple[Money, ...]:
    found = []
    for match in grammar.pattern.finditer(text):
        if not (match["prefix"] or match["suffix"] or match["suffix_sign"]):
            if _indian_sum_without_sign(text, match):
                found.append(_to_money(match, grammar)._replace(currency="INR"))  # type: ignore[union-attr]
            elif _raised_without_currency(text, match):
                found.append(_to_money(match, grammar))  # type: ignore[arg-type]
            continue
        money = _to_money(match, grammar)
        if money is not None:
            found.append(money)
    if "illion-" in text or "illion " in text:  # ('billion-dollar', 'million pound')
        found.extend(_size_in_words(m) for m in _SIZE_IN_WORDS.finditer(text))
        found.sort(key=lambda money: money.start)
    if "illion " in text and _SPELLED_OUT_END.search(text):
        found.extend(_spelled_out(text, found))
    return tuple(found)


# A sum spelled out in words, with its currency named after it: 'one hundred million dollars', 'seventy
# million euros'. Without a currency word ('two million users') it is no money.
def _spaced(words: str) -> list[str]:
    return words.split(" ")


_UNITS_IN_WORDS = {
    word: value
    for value, word in enumerate(
        _spaced(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
            " sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS_IN_WORDS = {
    word: 10 * (index + 2)
    for index, word in enumerate(_spaced("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_SMALL_NUMBER = (
    r"(?:(?:" + "|".join(_TENS_IN_WORDS) + r")(?:[- ](?:" + "|".join(list(_UNITS_IN_WORDS)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS_IN_WORDS, key=len, reverse=True)) + r")"
)
_SPELLED_OUT = re.compile(
    rf"\b(?P<number>(?:an?|{_SMALL_NUMBER})(?: hundred(?: and)?(?: {_SMALL_NUMBER})?)?)"
    r" (?P<size>million|billion) (?P<currency>dollars|euros|pounds|rupees)\b",
    re.IGNORECASE,
)
_CURRENCY_IN_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rupees": "INR"}
# How every sum spelled out ends: a page without it (a page of '$5 million' figures) is not searched for
# the numbers in words before it.
_SPELLED_OUT_END = re.compile(r"illion (?:dollars|euros|pounds|rupees)\b", re.IGNORECASE)


def _number_in_words(words: str) -> int:
    """'one hundred and twenty-five' -> 125, 'a' -> 1."""
    total = current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an"):
            current += 1
        elif word in _UNITS_IN_WORDS:
            current += _UNITS_IN_WORDS[word]
        elif word in _TENS_IN_WORDS:
            current += _TENS_IN_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
    return total + current


def is_spelled_out(money: Money) -> bool:
    """Whether an amount was written in words ('seventy million dollars')."""
    return bool(_SPELLED_OUT.fullmatch(money.text))


def _spelled_out(text: str, found: list[Money]) -> list[Money]:
    """Sums spelled out in words that no amount already found covers."""
    taken = [(money.start, money.end) for money in found]
    spelled = []
    for match in _SPELLED_OUT.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        value = Decimal(_number_in_words(match["number"])) * MULTIPLIERS[match["size"].lower()]
        currency = _CURRENCY_IN_WORDS[match["currency"].lower()]
        spelled.append(Money(value, currency, False, match.group(0), match.start(), match.end()))
    return spelled


def parse_amount(text: str | None, default_currency: str | None = None) -> ParsedAmount:
    """Parse a cell that holds one amount. A bare number takes `default_currency`, and so does a bare
    '$' when `default_currency` is another dollar ('$37m' with 'AUD' is A$37m; 'US$37m' stays USD).

    >>> parse_amount("$15B+").money.value
    Decimal('15000000000')
    """
    return _parse_amount(text, default_currency, money_grammar())


# Thousands grouped by points, with a German word, a euro sign or a code for the unit: '800.000 Euro',
# '800.000 €', '1.200 Mio. Franken'.
_POINT_THOUSANDS = re.compile(r"\d\.\d{3}(?!\d)")
_GERMAN_GROUPING = re.compile(
    r"(?=.*(?:\b(?:Euros?|Mio|Mrd|Millionen|Milliarden|Franken|US-Dollar|Dollar|Pfund|EUR|CHF)\b|€))"
    r".*\d\.\d{3}(?![\d])(?!\.\d)",
    re.IGNORECASE,
)


_ENGLISH_SCALE = re.compile(r"\d\s?(?:million|billion|trillion|bn|mn|m|b|k)\b")

# A number grouped the way continental spreadsheets write it, where no English reading exists: thousands
# by points with a decimal comma ('1.500.000,00', '1.500,00'), or by spaces ('2 000 000', '2 000 000,50').
# Points alone are not read so ('2.000.000' is quarantined as unparseable): a column of them also holds
# '250.000', which English reads as 250, and one column would be read two ways without a word.
_CONTINENTAL_NUMBER = re.compile(
    r"(?<![\d.,])(?P<number>\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3}(?: \d{3})+(?:,\d+)?)(?![\d.,]| \d)"
)


_SIGN_AFTER_SPACE = re.compile(r"(?<=\d)\s+([€£¥₹$])$")
_YEAR_BEFORE_SIGN = re.compile(r"(?:19|20)\d\d\s+[€£¥₹$]")


def _english_digits(text: str) -> str:
    """`text` with a continental grouping (`_CONTINENTAL_NUMBER`) written the English way: '1.500.000,00'
    -> '1500000.00', '2 000 000' -> '2000000'; anything else as it is."""
    return _CONTINENTAL_NUMBER.sub(
        lambda found: found["number"].replace(".", "").replace(" ", "").replace(",", "."), text
    )


# A range in a cell: '$10-20M', '$10M–$12M', '10 to 20 million', 'between $10M and $20M', '10 bis 20 Mio. €'.
# It is split on its one separator (a dash, 'to', 'bis', or 'and' after 'between'), with something before
# the dash, so a negative amount ('-$5M') is no range; a cell with two separators, or longer than any
# amount is written, is none either (and is read in one pass, whatever its length).
_RANGE_SEPARATOR = r"[-–—]|\bto\b|\bbis\b|(?<=\s)and\b"
_RANGE_CELL = re.compile(
    rf"(?P<between>between\s+)?(?P<low>[^\s\-–—].*?)\s*(?P<sep>{_RANGE_SEPARATOR})\s*(?P<high>\S.*)",
    re.IGNORECASE,
)
_ANOTHER_SEPARATOR = re.compile(_RANGE_SEPARATOR, re.IGNORECASE)
_RANGE_CELL_CHARS = 64
# A number as a cell writes it, with points or commas inside ('2,5', '1.500', '20'), after up to three
# signs ('$', 'US$', '₹'); and a year, which a range of two is not money.
_BARE_NUMBER = re.compile(r"(?P<sign>[^\d\s]{0,3})\s?(?P<number>\d(?:[\d.,]*\d)?)")
_NUMBER_TOKEN = re.compile(r"\d(?:[\d.,]*\d)?")
_LEADING_SIGN = re.compile(r"[^\d\s]{1,3}")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _range_low(cleaned: str, default_currency: str | None, grammar: MoneyGrammar) -> Money | None:
    """A range's low end as a floor ('$10-20M' is at least $10M). A low end written as a number alone takes
    the high end's sign and scale, read as the high end is read ('1-2,5 Mio. €' is at least €1 million);
    a high end written without a sign takes the low end's ('$300-350 million', '$500k-1M'). None for no
    range, a range of bare numbers or years ('2025-2026', '2023-2024 USD'), two currencies, or a low end not
    below the high end (then the cell is unparseable, as before)."""
    if len(cleaned) > _RANGE_CELL_CHARS:
        return None
    found = _RANGE_CELL.fullmatch(cleaned)
    if (
        found is None
        or (found["sep"].lower() == "and" and not found["between"])
        or _ANOTHER_SEPARATOR.search(found["high"])
        or _ANOTHER_SEPARATOR.search(found["low"])
    ):
        return None
    low_text, high_text = found["low"], found["high"]
    bare = _BARE_NUMBER.fullmatch(low_text)
    high_number = _NUMBER_TOKEN.search(high_text)
    if high_number is None or (bare is not None and _BARE_NUMBER.fullmatch(high_text)):
        return None
    if bare is not None and _YEAR.fullmatch(bare["number"]) and _YEAR.fullmatch(high_number.group()):
        return None
    sign = bare["sign"] if bare is not None else (m.group() if (m := _LEADING_SIGN.match(low_text)) else "")
    high = _parse_amount(high_text, default_currency, grammar).money
    if (
        sign
        and not high_text.startswith(sign)
        and (high is None or high.currency != _sign_currency(sign, default_currency, grammar))
    ):
        # '$300-350 million', '$10M-20M': the high end in the low end's currency
        high_text = sign + high_text
        high = _parse_amount(high_text, default_currency, grammar).money
    if high is None or high.value <= 0:
        return None
    if bare is not None:
        # '$10-20M', '1-2,5 Mio. €': the low end's number in the high end's place
        high_number = _NUMBER_TOKEN.search(high_text)
        low_text = f"{high_text[: high_number.start()]}{bare['number']}{high_text[high_number.end() :]}"
    low = _parse_amount(low_text, default_currency, grammar).money
    # (a low end under a hundredth of the high end is no range of one round's size: '500-800.000 €' is
    # not 'at least €500')
    if low is None or low.currency != high.currency or not high.value / 100 <= low.value < high.value:
        return None
    return Money(low.value, low.currency, True, cleaned)


def _sign_currency(sign: str, default_currency: str | None, grammar: MoneyGrammar) -> str | None:
    """The currency a sign alone names ('$', 'US$', '€'), as an amount of 1 in it reads."""
    money = _parse_amount(f"{sign}1", default_currency, grammar).money
    return money.currency if money is not None else None


@lru_cache(maxsize=1 << 16)  # pure, and exports repeat the same amount strings
def _parse_amount(text: str | None, default_currency: str | None, grammar: MoneyGrammar) -> ParsedAmount:
    cleaned = clean_space(text)
    if not cleaned:
        return ParsedAmount(AmountStatus.MISSING)
    if cleaned.lower() in UNDISCLOSED_CELL:
        return ParsedAmount(AmountStatus.UNDISCLOSED)
    in_words = _SIZE_IN_WORDS_CELL.fullmatch(cleaned)
    if in_words:  # 'billion-dollar', as a list of rounds states the size of each
        return ParsedAmount(AmountStatus.PARSED, _size_in_words(in_words)._replace(start=0, end=0))
    floor_words = _FLOOR_WORDS.match(cleaned)
    ceiling_words = _CEILING_WORDS.match(cleaned)
    stated = _APPROXIMATION_WORDS.sub("", _FLOOR_WORDS.sub("", _CEILING_WORDS.sub("", cleaned)))
    # A minus sign before the digits ('-5000000', '-$5M', '$-5M') is kept, not dropped: a negative
    # amount is a data error that validation must see and quarantine, not silently turn positive.
    negative = bool(_LEADING_MINUS.match(stated))
    unsigned = _LEADING_MINUS.sub(r"\g<prefix>", stated) if negative else stated
    # '800.000 Euro' is eight hundred thousand: a point before three digits and a German word make it German
    # (read without the English, French or Spanish bound before it: 'up to 800.000 €', 'hasta 800.000 €')
    if (
        _GERMAN_GROUPING.search(stated)
        and not _ENGLISH_SCALE.search(stated)  # ('€1.500 million' is English: one and a half million)
        and (german := parse_german_amount(stated)) is not None
    ):
        return ParsedAmount(AmountStatus.PARSED, _bounded(german, floor_words, ceiling_words, cleaned))
    # A bound before thousands grouped by points that the continental reading above did not take ('hasta
    # 800.000 £'): the English grammar would read eight hundred, so the cell stays unparseable, as it was
    # before bound words were read.
    if (
        (floor_words or ceiling_words)
        and _POINT_THOUSANDS.search(stated)
        and not _ENGLISH_SCALE.search(stated.lower())
    ):
        return ParsedAmount(AmountStatus.UNPARSEABLE)
    # A cell's 'N €' is money ('2000000 €', '2 000 000 €', as continental writing spaces its sign), which
    # the grammar leaves (in prose '2024 €' may be a year before a sign): written without the space,
    # unless it is a year alone.
    if not _YEAR_BEFORE_SIGN.fullmatch(unsigned):
        unsigned = _SIGN_AFTER_SPACE.sub(r"\1", unsigned)
    match = grammar.pattern.fullmatch(unsigned) or grammar.pattern.fullmatch(unsigned.rstrip(".,;"))
    if match is None and _CONTINENTAL_NUMBER.search(unsigned):
        # ('1.500.000,00', '2 000 000 €': read as written the English way)
        match = grammar.pattern.fullmatch(_english_digits(unsigned))
    if match is None:
        # '4,7 Mio. Euro', '500.000 Franken': a cell written the German way (a German export, or the
        # amount as the German reader found it in prose)
        german = None if negative else parse_german_amount(cleaned) or parse_german_amount(stated)
        if german:
            return ParsedAmount(AmountStatus.PARSED, _bounded(german, floor_words, ceiling_words, cleaned))
        spread = None if negative else _range_low(cleaned, default_currency, grammar)
        return ParsedAmount(AmountStatus.PARSED, spread) if spread else ParsedAmount(AmountStatus.UNPARSEABLE)
    money = _to_money(match, grammar)
    if money is None:
        return ParsedAmount(AmountStatus.UNPARSEABLE)
    value = -money.value if negative else money.value
    currency = money.currency or default_currency
    if match.group("prefix") == "$" and default_currency in grammar.dollars and not match.group("suffix"):
        currency = default_currency  # a bare '$' in a source of Australian dollars is A$
    elif match.group("prefix") == "¥" and default_currency == "CNY" and not match.group("suffix"):
        currency = default_currency  # the yen sign is the yuan's too: '¥1.1 billion' said of a yuan sum

    return ParsedAmount(
        AmountStatus.PARSED,
        _bounded(Money(value, currency, money.is_floor, cleaned), floor_words, ceiling_words),
    )


def _bounded(money: Money, floor_words: object, ceiling_words: object, cleaned: str | None = None) -> Money:
    """`money` with the bound its cell's words state: a floor ('more than', '+'), else a ceiling ('up to';
    'up to $5M+' is a floor only)."""
    is_floor = money.is_floor or bool(floor_words)
    return money._replace(
        is_floor=is_floor, is_ceiling=bool(ceiling_words) and not is_floor, text=cleaned or money.text
    )
