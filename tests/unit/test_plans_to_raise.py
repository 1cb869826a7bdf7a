"""A round still to come is reported, however the company puts it ('aims to raise', 'looks to raise');
a plan written after an amount raised is another round, and leaves that amount announced."""

from __future__ import annotations

import pytest

from tests.unit.prose_reading import read_mentions


def _statuses(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(m.company, m.amount, m.status) for m in read_mentions(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Quenby aims to raise $50 million by June.",
        "Quenby is aiming to raise $50 million by June.",
        "Quenby said it intends to raise $50 million next year.",
        "Quenby hopes to raise $50 million in a Series B.",
        "Quenby seeks to raise $50 million from family offices.",
        "Quenby wants to raise $50 million this year.",
        "Quenby said in a statement that it plans to raise $50 million.",
        # (read as no deal at all before: 'looks', 'expects', 'needs' and 'prepares' ended no subject)
        "Quenby looks to raise $50 million in its first outside round.",
        "Quenby expects to raise $50 million by June.",
        "Quenby needs to raise $50 million to keep building.",
        "Quenby prepares to raise $50 million.",
        "Quenby is poised to raise $50 million.",
        "Quenby, poised to raise $50 million from Brimwell, declined to comment.",
        # a plan whose object comes before it
        "The $50 million round Quenby plans to raise would be led by Brimwell.",
        "Brimwell will lead the $50 million Series B that Quenby is about to raise.",
    ],
)
def test_a_round_still_to_come_is_reported(sentence: str) -> None:
    assert _statuses(sentence) == [("Quenby", "$50 million", "reported")]


def test_a_plan_after_the_amount_raised_leaves_it_announced() -> None:
    text = "Quenby raised $20 million in a Series A and aims to raise $50 million next year."
    assert _statuses(text)[0] == ("Quenby", "$20 million", "announced")
    text = "Quenby raised $20 million in a Series A and plans to raise more next year."
    assert _statuses(text) == [("Quenby", "$20 million", "announced")]


def test_other_cues_still_make_the_amount_reported_wherever_they_stand() -> None:
    assert _statuses("Quenby raised $20 million, sources say, and plans to raise more.") == [
        ("Quenby", "$20 million", "reported")
    ]
    assert _statuses("Quenby is raising $50 million, Bloomberg reported, and plans to raise more.") == [
        ("Quenby", "$50 million", "reported")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # another round planned, before or after the one raised
        "Quenby, which aims to raise a Series B next year, raised $20 million in a Series A.",
        "As it prepares to raise a Series B, Quenby raised $20 million in a Series A.",
        "Quenby's $20 million Series A is its first, and it hopes to raise a Series B in 2027.",
        # a plan to raise something else, or an investor's own fund
        "Quenby, which wants to raise awareness of sleep apnea, raised $20 million in a Series A.",
        "Brimwell, which is preparing to raise its third fund, led a $20 million Series A in Quenby.",
    ],
)
def test_a_plan_of_something_else_leaves_the_round_raised_announced(sentence: str) -> None:
    assert _statuses(sentence) == [("Quenby", "$20 million", "announced")]


def test_a_round_of_the_past_beside_a_plan_is_announced() -> None:
    text = "Quenby, which raised $20 million last year, aims to raise $50 million in a Series B."
    assert sorted(_statuses(text)) == [
        ("Quenby", "$20 million", "announced"),
        ("Quenby", "$50 million", "reported"),
    ]


@pytest.mark.parametrize("name", ["Good Looks", "Daily Needs"])
def test_names_ending_in_those_words_are_kept(name: str) -> None:
    assert _statuses(f"{name} raised $5 million in a seed round led by Brimwell.") == [
        (name, "$5 million", "announced")
    ]


@pytest.mark.parametrize("amount", ["AU$50 million", "USD 50 million", "€50 million"])
def test_a_plan_of_money_in_any_currency_is_reported(amount: str) -> None:
    assert _statuses(f"Quenby plans to raise {amount} to build its cloud.") == [
        ("Quenby", amount, "reported")
    ]
