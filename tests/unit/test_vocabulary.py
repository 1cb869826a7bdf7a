"""Closed vocabularies: round types and currencies, from the shipped TOML files and from custom ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from assets.normalize.fx import default_fx_table
from schemas.vocabulary import (
    SERIES_LETTERS,
    UNKNOWN_ROUND,
    Currencies,
    RoundTypes,
    default_currencies,
    default_round_types,
)


def test_round_types_have_series_a_to_k_labels() -> None:
    labels = default_round_types().labels

    assert {f"series_{ch}" for ch in SERIES_LETTERS} <= set(labels)
    assert labels["series_c"] == "Series C"
    assert labels["seed"] == "Seed"
    assert labels["series_c_plus"] == "Series C or later"
    assert UNKNOWN_ROUND in default_round_types().slugs


def test_round_types_load_a_custom_vocabulary(tmp_path: Path) -> None:
    path = tmp_path / "round_types.toml"
    path.write_text(
        '[round.seed]\nlabel = "Seed"\naliases = ["seed round", "seed-stage"]\n\n'
        '[round.unknown]\nlabel = "Unknown"\naliases = ["n/a"]\n',
        encoding="utf-8",
    )

    rounds = RoundTypes.load(path)

    assert rounds.slugs == {"seed", "unknown"} | {f"series_{ch}" for ch in SERIES_LETTERS}
    assert rounds.resolve("Seed-Stage") == "seed"
    assert rounds.resolve("SEED ROUND") == "seed"
    assert rounds.resolve("n/a") == "unknown"
    assert rounds.resolve("Series F financing") == "series_f"
    assert rounds.resolve("") == UNKNOWN_ROUND
    assert rounds.resolve("IPO") is None  # not in this vocabulary


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("$", "USD"),
        (" $ ", "USD"),
        ("US$", "USD"),
        ("us$", "USD"),
        ("usd", "USD"),
        ("Usd", "USD"),
        ("Dollars", "USD"),
        ("€", "EUR"),
        ("Euro", "EUR"),
        ("eur", "EUR"),
        ("£", "GBP"),
        ("sterling", "GBP"),
        ("Rs.", "INR"),
        ("₹", "INR"),
        ("rupees", "INR"),
        ("¥", "JPY"),
        ("RMB", "CNY"),
        ("C$", "CAD"),
        ("NIS", "ILS"),
        ("R$", "BRL"),
        ("MX$", "MXN"),
        ("MXN", "MXN"),
        ("NZ$", "NZD"),
        ("zloty", "PLN"),
        ("NOK", "NOK"),
        ("ringgit", "MYR"),
    ],
)
def test_currencies_resolve(text: str, code: str) -> None:
    assert default_currencies().resolve(text) == code


@pytest.mark.parametrize("text", [None, "", "   ", "XYZ", "doubloons"])
def test_currencies_unrecognised_is_none(text: str | None) -> None:
    assert default_currencies().resolve(text) is None


def test_symbol_and_word_maps() -> None:
    currencies = default_currencies()

    assert currencies.symbol_map()["US$"] == "USD"
    assert currencies.symbol_map()["Rs"] == "INR"
    assert currencies.word_map()["euros"] == "EUR"
    assert "crore" not in currencies.word_map()  # a multiplier, not a currency


def test_every_shipped_currency_has_fx_rates() -> None:
    # currencies.toml promises this: a currency without rates would never convert.
    assert default_currencies().codes <= default_fx_table().currencies


def test_currencies_load_a_custom_file(tmp_path: Path) -> None:
    path = tmp_path / "currencies.toml"
    path.write_text(
        '[currency.USD]\nsymbols = ["$"]\nwords = ["dollars"]\n\n[currency.NZD]\nsymbols = ["NZ$"]\n',
        encoding="utf-8",
    )

    currencies = Currencies.load(path)

    assert currencies.codes == {"USD", "NZD"}
    assert currencies.resolve("NZ$") == "NZD"
    assert currencies.resolve("nz$") == "NZD"
    assert currencies.resolve("dollars") == "USD"
    assert currencies.resolve("€") is None


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Seed extension", "seed"),
        ("Seed+", "seed"),
        ("Seed II", "seed"),
        ("Series A-1", "series_a"),
        ("Series A2", "series_a"),
        ("Series B+", "series_b"),
        ("A1", "series_a"),
        ("B2", "series_b"),
        ("B round", "series_b"),
        ("Series C tranche", "series_c"),
    ],
)
def test_tranches_and_extensions_of_a_round_are_that_round(label: str, slug: str) -> None:
    assert default_round_types().resolve(label) == slug


@pytest.mark.parametrize("label", ["a round", "A round", "C", "AB", "Series L", "L1"])
def test_what_is_no_lettered_round_stays_unrecognised(label: str) -> None:
    """'a round' is prose's article; a bare letter or one past K names no round dealmap knows."""
    assert default_round_types().resolve(label) is None
