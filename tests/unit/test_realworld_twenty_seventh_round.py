"""The twenty-seventh round: round-ups that rank their deals.

- An entry's place, then its money: 'Quenby came second with $22 million', 'ranked third with', 'finished
  fifth with' state the company's round (a sector or a country that came second is no company; 'came
  second with $41 million to Talvora' is Talvora's).
- An entry told place first: 'Next up is Quenby with $22 million', 'Nipping at its heels is drone startup
  Quenby with $22 million', 'At the top of the list is Quenby at $23 million in Series A', 'In second
  place was Quenby, which raised $9 million'. Not a ranking of worth ('Second on the list is Kelso at $3
  trillion', 'the most valuable ...'), nor an amount 'at' a figure with no round or funding words after it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.prose import extract_prose_mentions


def _deals(sentence: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, round as written, amount) of every mention of one sentence read as prose."""
    return [(m.company, m.round_text, m.amount) for m in extract_prose_mentions([sentence])]


@pytest.mark.parametrize(
    ("sentence", "deal"),
    [
        ("Quenby came second with $22 million.", ("Quenby", None, "$22 million")),
        (
            "Quenby came in second with $22 million in Series A funding.",
            ("Quenby", "series_a", "$22 million"),
        ),
        ("Quenby ranked third with $9 million.", ("Quenby", None, "$9 million")),
        ("Quenby finished fifth with a $4 million seed round.", ("Quenby", "seed", "$4 million")),
        ("Healthtech came third with $41.4 million to Talvora.", ("Talvora", None, "$41.4 million")),
    ],
)
def test_an_entry_placed_then_its_money_is_a_deal(sentence: str, deal: tuple) -> None:
    assert _deals(sentence) == [deal]


@pytest.mark.parametrize(
    ("sentence", "deal"),
    [
        ("Next up is Quenby with $22 million.", ("Quenby", None, "$22 million")),
        ("Second on the list is Quenby with $22 million in funding.", ("Quenby", None, "$22 million")),
        (
            "Nipping at its heels is drone tech startup Quenby with $22 million.",
            ("Quenby", None, "$22 million"),
        ),
        ("In second place was Quenby, which raised $9 million.", ("Quenby", None, "$9 million")),
        ("In third place is fintech startup Quenby, with $9 million.", ("Quenby", None, "$9 million")),
        (
            "At the top of the list is Quenby at $23 million in Series A.",
            ("Quenby", "series_a", "$23 million"),
        ),
        (
            "At the top of the cash list, we have Quenby at $23 million in Series A.",
            ("Quenby", "series_a", "$23 million"),
        ),
    ],
)
def test_an_entry_told_place_first_is_its_company_s_deal(sentence: str, deal: tuple) -> None:
    assert _deals(sentence) == [deal]


@pytest.mark.parametrize(
    "sentence",
    [
        # a place or a sector that came second raised nothing itself
        "Norway came second with $2 billion.",
        "Fintech came second with $500 million across 40 deals.",
        "Healthtech startups came third with $200 million.",
        # an investor's ranking: what it put in, not a round of its own
        "Next up is Sequoia with $300 million deployed.",
        # rankings of worth, revenue or prizes
        "Second on the list is Kelso at $3 trillion.",
        "Next is Kelso, at $2.9 trillion in market value.",
        "Next up is Kelso with $30 billion in revenue.",
        "By revenue, second is Quenby with $40 million.",
        "Next up is a panel with $5 million in prizes.",
        "Quenby came second with a score of 9.",
        "In second place was Quenby, which raised its prices by $5.",
    ],
)
def test_rankings_of_other_things_are_no_deals(sentence: str) -> None:
    assert _deals(sentence) == []
