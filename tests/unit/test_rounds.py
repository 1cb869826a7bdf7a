"""Round types: resolving a stated label to its slug, and finding the round a sentence or cell mentions."""

from __future__ import annotations

import pytest

from assets.normalize.rounds import find_round, find_rounds, resolve_round, round_referred_to


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Series D", "series_d"),
        ("series-c", "series_c"),
        ("Series C round", "series_c"),
        ("SERIES B", "series_b"),
        ("Serie A", "series_a"),
        ("Round B", "series_b"),
        ("Series A extension", "series_a"),
        ("Series K", "series_k"),
        ("Series C+", "series_c_plus"),
        ("Seed", "seed"),
        ("Seed/ Angel Funding", "seed"),
        ("Seed\\xc2\\xa0Round", "seed"),
        ("pre-seed", "pre_seed"),
        ("Pre-Series A", "pre_series_a"),
        ("IPO", "ipo"),
        ("Initial Public Offering", "ipo"),
        ("Venture Round", "venture"),
        ("growth equity", "growth"),
        ("PE", "private_equity"),
        ("Debt Financing", "debt"),
        ("Corporate Round", "strategic"),
        ("Post-IPO", "post_ipo"),
        # Slugs that parsers put in `round` resolve to themselves.
        ("series_d", "series_d"),
        ("pre_seed", "pre_seed"),
        # No stated round, or a placeholder for none: 'unknown', a known slug.
        ("", "unknown"),
        (None, "unknown"),
        ("undisclosed", "unknown"),
        ("N/A", "unknown"),
    ],
)
def test_resolve_round(label: str | None, slug: str) -> None:
    assert resolve_round(label) == slug


@pytest.mark.parametrize("label", ["Toppings Round", "Series L", "Series Omega-Prime", "Series D ($11B)"])
def test_resolve_round_unrecognised_is_none(label: str) -> None:
    assert resolve_round(label) is None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("closed a $150M seed round led by Accel", "seed"),
        ("raised $300M in a Series E that values it at $5B", "series_e"),
        ("$500M Series D ($11B)", "series_d"),
        ("raised $5M in pre-seed funding", "pre_seed"),
        ("its pre-series A round", "pre_series_a"),
        ("the IPO raised $3.5B", "ipo"),
        ("priced its initial public offering", "ipo"),
        ("raised a growth round", "growth"),
        ("took on venture debt of $50M", "debt"),
        ("a $5M strategic investment from NVIDIA", "strategic"),
        ("a tender offer for employee shares", "secondary"),
        ("an angel round from operators", "angel"),
        ("a bridge round", "venture"),
        ("its $900M secondary share sale to new backers", "secondary"),
        # Offerings of a company already listed.
        ("Closing of $12 Million Registered Direct Offering", "post_ipo"),
        ("shares sold in an at-the-market offering", "post_ipo"),
        # A round without its stage, as French and Spanish news write it.
        ("a bouclé un tour de table de 30 millions d'euros", "venture"),
        ("cerró una ronda de financiación de 8 millones", "venture"),
        # The first round named wins.
        ("its Series B, two years after the seed", "series_b"),
    ],
)
def test_find_round_in_text(text: str, slug: str) -> None:
    assert find_round(text) == slug


@pytest.mark.parametrize(
    "text",
    [
        "raises $10M",
        "the series is popular",
        "a seedling company",
        "Series Z",
        "raised growth capital",  # 'growth' alone is too generic in prose
        "closed an equity deal",
        "angel investors joined",
        "took on debt",
        "",
        None,
    ],
)
def test_find_round_generic_or_absent_is_none(text: str | None) -> None:
    assert find_round(text) is None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("a $1.8bn debt facility led by a bank", "debt"),
        ("a €20 million growth investment", "growth"),
        ("a $3M grant from the regional fund", "grant"),
        ("the ten largest private financings", None),  # 'private' alone is no private equity
        ("a Series A+ round", "series_a"),
        ("a Series A extension", "series_a"),
    ],
)
def test_find_round_phrases(text: str, slug: str | None) -> None:
    assert find_round(text) == slug


def test_find_rounds_in_order() -> None:
    assert find_rounds("raised $12M and $30M respectively, in a seed and a Series A") == ["seed", "series_a"]
    assert find_rounds("no round here") == []


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("The Oslo company said its Series B financing was oversubscribed.", "series_b"),
        ("The funding round drew eleven investors.", "venture"),
        ("Most of this seed round came from angels.", "seed"),
        # A round not pointed to with 'its', 'the' or 'this' is another one.
        ("It had raised a seed in 2023 from angels.", None),
        ("Nothing about money here.", None),
    ],
)
def test_round_referred_to(text: str, slug: str | None) -> None:
    assert round_referred_to(text) == slug
