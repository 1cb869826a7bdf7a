"""Round types: resolve a stated label, or find the round a sentence or cell mentions."""

from __future__ import annotations

import re

from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.text import fold
from schemas.vocabulary import UNKNOWN_ROUND, default_round_types

# Spellings too generic to mean a round when they merely appear inside prose ('equity', 'other', 'venture',
# 'listing', 'loan', 'pe'): they count only when a whole cell says so, through RoundTypes.resolve.
_PROSE_EXCLUDED_SLUGS = {"venture", UNKNOWN_ROUND}
_PROSE_EXCLUDED_WORDS = {
    "pe",
    "listing",
    "loan",
    "extension",
    "bridge",
    "grant",
    "secondary",
    "strategic",
    "debt",
    "growth",
    "angel",
    "equity",
    "other",
    "private",  # 'a private round' is no private-equity deal
}
# ...but in a phrase with a round noun they are unambiguous.
_PHRASES = {
    # A round without its stage: 'venture' in round_types.toml ('a $40M funding round').
    "funding round": "venture",
    "funding rounds": "venture",  # 'A, B and C raised ... in respective funding rounds'
    "financing rounds": "venture",
    "round of funding": "venture",
    "financing round": "venture",
    "round of financing": "venture",
    "venture round": "venture",
    "private financing": "venture",
    "strategic investor": "strategic",  # 'raising $50 million from a strategic investor'
    "strategic investors": "strategic",  # 'closed $75 million in a private financing'
    "equity financing": "venture",
    "equity funding": "venture",  # 'raised $4.6 Mn in equity funding from Accel'
    "venture capital deal": "venture",
    "venture capital round": "venture",
    "venture capital funding": "venture",
    "seeding round": "seed",
    "equity round": "venture",
    "growth round": "growth",
    "growth investment": "growth",
    "growth financing": "growth",
    "growth equity round": "growth",
    "debt financing": "debt",
    "debt round": "debt",
    "venture debt": "debt",
    "strategic investment": "strategic",
    "strategic round": "strategic",
    "secondary sale": "secondary",
    "secondary share sale": "secondary",
    # French and Spanish news name a round without its stage so: 'un tour de table de 600 millions'.
    "tour de table": "venture",
    "ronda de financiacion": "venture",
    "rondas de financiacion": "venture",
    "secondary round": "secondary",
    "tender offer": "secondary",
    "angel round": "angel",
    "grant funding": "grant",
    "government grant": "grant",
    "bridge round": "venture",
    # a round before a lettered one is no round of that letter: 'a $77 million pre-Series C'
    **{f"pre series {letter}": "venture" for letter in "bcdef"},
    "initial public offering": "ipo",
    "offerta pubblica iniziale": "ipo",  # Italian and Dutch news: 'nella sua offerta pubblica iniziale'
    "beursgang": "ipo",
    "follow on public offering": "post_ipo",
    # Offerings only a listed company makes: shares sold to investors after its IPO.
    "registered direct offering": "post_ipo",
    "at the market offering": "post_ipo",
    "secondary public offering": "post_ipo",
    "debt facility": "debt",
    "grant from": "grant",
}


def resolve_round(text: str | None) -> str | None:
    """Slug for a stated round label ('Series D' -> 'series_d'); 'unknown' for empty; None if unknown."""
    return default_round_types().resolve(text)


def _round_in_text_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of round phrases in the round vocabulary in use, built once per ReferenceData."""
    return current_reference_data().derived(_build_round_in_text_pattern)


def _build_round_in_text_pattern(data: ReferenceData) -> tuple[re.Pattern[str], dict[str, str]]:
    vocabulary = default_round_types(data)
    phrases = dict(_PHRASES)
    for alias, slug in vocabulary.aliases.items():
        if slug in _PROSE_EXCLUDED_SLUGS or alias in _PROSE_EXCLUDED_WORDS or len(alias) < 3:
            continue
        phrases.setdefault(alias, slug)
    alternatives = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(
        # 'Series B2', 'Series D1': a tranche of the lettered round. 'pre-X' is never X: 'a pre-IPO round'
        # is no listing ('pre-seed' and 'pre-Series A' are phrases of their own, found from 'pre'). 'Serie
        # B' is how Spanish, Italian, Portuguese and German news write it (and French 'série B').
        r"(?<![a-z0-9])(?<!pre )(?:series? ([a-k])(\+?)\d?(?![a-z0-9])|("
        + "|".join(map(re.escape, alternatives))
        + r"))"
        r"(?![a-z0-9])"
    )
    return pattern, phrases


def _slug(match: re.Match[str], phrases: dict[str, str]) -> str:
    if match.group(1):
        if match.group(2) and match.group(1) == "c":
            return "series_c_plus"  # 'Series C+' is how sources lump C and later rounds
        return f"series_{match.group(1)}"
    return phrases[match.group(3)]


def find_round(text: str | None) -> str | None:
    """The round a sentence or table cell mentions ('a $150M seed round' -> 'seed'), or None.

    The first mention wins: 'its Series B, two years after the seed' is a Series B.
    """
    pattern, phrases = _round_in_text_pattern()
    match = pattern.search(fold(text))
    return _slug(match, phrases) if match else None


# What may follow a round's name when the name is all the words say of it: 'a Series B', 'a Series B
# funding round led by', 'a seed extension' (not 'a Series B escrow account', 'a Series A market').
_ROUND_NAME_END = re.compile(
    r"\s*(?:$|[,;.)]|(?:funding|financing|investment|round|raise|extension|led|from|with|at|of|valued|valuing)\b)"
)


def round_named_first(text: str | None) -> str | None:
    """The round `text` opens with, named and nothing else ('Series B funding round led by Temasek' ->
    'series_b'); None when it opens with other words ('mix of equity and venture debt', 'follow-up to a
    Series A') or the name runs into another noun ('Series B escrow account')."""
    pattern, phrases = _round_in_text_pattern()
    folded = fold(text)
    found = pattern.match(folded)
    if found is None or not _ROUND_NAME_END.match(folded, found.end()):
        return None
    return _slug(found, phrases)


def find_rounds(text: str | None) -> list[str]:
    """Every round a sentence mentions, in order ('in a seed and a Series A' -> ['seed', 'series_a'])."""
    pattern, phrases = _round_in_text_pattern()
    return [_slug(match, phrases) for match in pattern.finditer(fold(text))]


# 'its Series A', 'the funding round', 'this seed round': a round the words point to as known.
_DEFINITE = re.compile(r"\b(?:its|the|this)\s+(?:(?:new|latest|recent|current)\s+)?")


def round_referred_to(text: str | None) -> str | None:
    """The round a sentence refers to as the one already stated ('The company said its Series A
    financing is the largest' -> 'series_a'), or None: a round not led by 'its', 'the' or 'this' is
    another one ('after a seed in 2023')."""
    folded = fold(text)
    pattern, phrases = _round_in_text_pattern()
    for article in _DEFINITE.finditer(folded):
        found = pattern.match(folded, article.end())
        if found:
            return _slug(found, phrases)
    return None
