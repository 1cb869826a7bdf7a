"""Closed vocabularies: round types and currencies, loaded from `schemas/reference/*.toml`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from schemas.reference import FileCheck, read_reference_toml, reference_path
from schemas.reference.reference_data import ReferenceData, current_reference_data
from schemas.reference.wording import CURRENCY_SIGNS
from schemas.text import fold

UNKNOWN_ROUND = "unknown"
VENTURE_ROUND = "venture"
"""A round named without its stage ('a funding round'): it may be any stated round of the same window."""
STAGELESS_ROUNDS = frozenset({UNKNOWN_ROUND, VENTURE_ROUND})
UNDATED = "undated"
"""date_basis of what nothing dates: a deal none of whose mentions is dated, or a mention whose words
date it only against a publication date its page does not give ('announced on Monday'), or a round the
text places in the company's past without saying when (`EARLIER_UNDATED`)."""
EARLIER_UNDATED = "earlier, undated"
"""What prose extraction writes as `announced_text` for a round the text places in the company's past
without a period ('Quenby previously raised $5 million', 'Prior to that, the startup had raised $10
million'): the round is a deal of its own, and its date stays empty rather than take the page's."""
# 'Series C', 'Series C round', 'round C'; a tranche or an extension of a lettered round is that round:
# 'Series A-1', 'Series A2', 'Series B+', 'A1', 'B2', 'B round', 'Series A extension' ('a round' is the
# article in prose, no Series A).
_SERIES = re.compile(
    r"^(?:(?:series|serie|round)\s+([a-k])|([a-k])(?=\s?[0-9])|([b-k])(?=\s+round))"
    r"(?:\s?[0-9]|\+)?(?:\s+(?:round|funding|financing|extension|tranche))?$"
)
SERIES_LETTERS = "abcdefghijk"
_ISO_CODE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class RoundTypes:
    """Round-type slugs with their display labels and the spellings that map to them."""

    labels: dict[str, str]
    aliases: dict[str, str] = field(repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> RoundTypes:
        path = Path(path or reference_path("round_types.toml"))
        check = FileCheck(path)
        data = read_reference_toml(path)
        check.unknown_keys(data, "", ("round",))
        labels: dict[str, str] = {}
        aliases: dict[str, str] = {}
        for slug, spec in check.tables(data, "round").items():
            where = f"round.{slug}"
            check.unknown_keys(spec, where, ("label", "aliases"))
            labels[slug] = check.value(spec, where, "label", "text")
            for name in (
                slug,
                labels[slug] or slug,
                *check.value(spec, where, "aliases", "a list of text", []),
            ):
                aliases[fold(name)] = slug
        check.raise_if_any()
        labels |= {f"series_{ch}": f"Series {ch.upper()}" for ch in SERIES_LETTERS}
        return cls(labels, aliases)

    @property
    def slugs(self) -> frozenset[str]:
        return frozenset(self.labels)

    def resolve(self, text: str | None) -> str | None:
        """Slug for a round-type spelling; 'unknown' for an empty cell; None when unrecognised.

        'Series C', 'series-c', 'Series C round' -> 'series_c'; 'Seed/ Angel Funding' -> 'seed'.
        """
        key = fold(text)
        if not key:
            return UNKNOWN_ROUND
        if key in self.aliases:
            return self.aliases[key]
        match = _SERIES.match(key)
        if match:
            return f"series_{match.group(1) or match.group(2) or match.group(3)}"
        return None


@dataclass(frozen=True)
class Currency:
    code: str
    symbols: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Currencies:
    by_code: dict[str, Currency]

    @classmethod
    def load(cls, path: Path | None = None) -> Currencies:
        path = Path(path or reference_path("currencies.toml"))
        check = FileCheck(path)
        data = read_reference_toml(path)
        check.unknown_keys(data, "", ("currency",))
        by_code = {}
        for code, spec in check.tables(data, "currency").items():
            where = f"currency.{code}"
            if not _ISO_CODE.fullmatch(code):
                check.problem(f"[{where}] the code must be three capital letters (ISO 4217)")
            check.unknown_keys(spec, where, ("symbols", "words"))
            symbols = tuple(check.value(spec, where, "symbols", "a list of text", []))
            for symbol in symbols:
                if len(symbol) == 1 and not symbol.isalnum() and symbol not in CURRENCY_SIGNS:
                    check.problem(f"[{where}] symbol {symbol!r} is not a currency sign (Unicode category Sc)")
            by_code[code] = Currency(
                code,
                symbols,
                tuple(check.value(spec, where, "words", "a list of text", [])),
            )
        check.raise_if_any()
        return cls(by_code)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self.by_code)

    def symbol_map(self) -> dict[str, str]:
        """Symbol or code as written ('$', 'US$', '€', 'Rs.') -> ISO code."""
        return {symbol: c.code for c in self.by_code.values() for symbol in c.symbols}

    def word_map(self) -> dict[str, str]:
        """Currency word in lower case ('euros', 'rupees') -> ISO code."""
        return {word: c.code for c in self.by_code.values() for word in c.words}

    @property
    def dollars(self) -> frozenset[str]:
        """Codes of the currencies written with a '$' sign of their own ('A$', 'C$', 'HK$')."""
        return frozenset(c.code for c in self.by_code.values() if any("$" in s for s in c.symbols))

    def resolve(self, text: str | None) -> str | None:
        """ISO code for '$', 'usd', 'Euro'...; None when unrecognised or empty."""
        if not text or not text.strip():
            return None
        stripped = text.strip()
        return (
            self.symbol_map().get(stripped)
            or self.symbol_map().get(stripped.upper())
            or self.word_map().get(stripped.lower())
        )


def default_round_types(data: ReferenceData | None = None) -> RoundTypes:
    """The RoundTypes of `data`, or of the reference data in use."""
    return (data or current_reference_data()).part("round_types.toml", RoundTypes.load)


def default_currencies(data: ReferenceData | None = None) -> Currencies:
    """The Currencies of `data`, or of the reference data in use."""
    return (data or current_reference_data()).part("currencies.toml", Currencies.load)
