"""Issue 10's twelfth round, in our own words: companies named by a clause built around them.

Each case is a way a story names the company that raised without putting its name right before a deal
verb: the company states something ('stated that it had'), a place stands between the name and its verb
('Quenby Orbital in Austin has closed'), the round is the subject's own ('added investors to its $90
million round'), a passive after the round ('a funding package secured by'), a date opens the sentence
with no comma after it, or an officer speaks of 'the firm's' round. The negatives keep what each reading
must not take: a place that describes what it follows, an investor's own fund, a name that holds 'in'.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.prose import extract_prose_mentions, resolve_short_names

PUBLISHED = date(2026, 3, 20)


def _read(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention of `text` read as one paragraph."""
    mentions = resolve_short_names(extract_prose_mentions([text], published=PUBLISHED), text)
    return [(m.company, m.amount, m.round_text) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quenby stated that it has raised $59M in a Series B round.", ("Quenby", "$59M", "series_b")),
        ("Mapping company Quenby noted it had closed a $12 million seed round.",
         ("Quenby", "$12 million", "seed")),
    ],
)  # fmt: skip
def test_a_company_stating_or_noting_its_own_raise(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Quenby Orbital in Denver has closed a $25 million round.", "Quenby Orbital"),
        ("Quenby Orbital in Austin, Texas closed a $25 million round.", "Quenby Orbital"),
        ("Deep-sea robotics maker Quenby in Austin closed a $25 million round.", "Quenby"),
        ("Brindle from Lisbon raised $4 million in seed funding.", "Brindle"),
    ],
)  # fmt: skip
def test_a_place_between_the_name_and_its_verb_is_not_part_of_the_name(text: str, company: str) -> None:
    [(name, _, _)] = _read(text)
    assert name == company


def test_a_place_that_describes_what_it_follows_leaves_the_subject_as_it_is() -> None:
    text = (
        'Brindle Robotics - one of the "Four Tigers" from Hangzhou - on Tuesday said it had raised '
        "$70 million in fresh funding."
    )
    assert _read(text) == [("Brindle Robotics", "$70 million", None)]


def test_a_name_holding_in_keeps_its_words() -> None:
    # 'Motion' is no place: nothing is cut, and no shorter name is made up
    assert _read("Brindle in Motion raised $4 million in seed funding.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Quenby Bio added six new investors to its $90 million series C round.",
        "Quenby Bio Inc. brought on six new investors in its oversubscribed $90 million series C round.",
    ],
)
def test_a_round_called_the_subjects_own(text: str) -> None:
    assert _read(text) == [("Quenby Bio", "$90 million", "series_c")]


def test_an_investors_own_fund_is_no_round_of_its() -> None:
    assert _read("Northwind Ventures added $90 million to its fourth fund.") == []


def test_a_funding_package_secured_by_a_company() -> None:
    text = "The surge came from a $594 million funding package secured by Quenby Quantum, based in Denver."
    assert _read(text) == [("Quenby Quantum", "$594 million", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 11, 2024 Quenby raised $643.7 million.", ("Quenby", "$643.7 million", None)),
        ("June 2024 Quenby raised $64 million in a Series B round.", ("Quenby", "$64 million", "series_b")),
        ("In 2021 Quenby raised $6 million in a Series A round.", ("Quenby", "$6 million", "series_a")),
    ],
)  # fmt: skip
def test_a_date_opening_the_sentence_without_a_comma(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


def test_a_date_opening_keeps_the_investor_out() -> None:
    assert _read("May 2024 Brindle Capital invested $5 million in Quenby.") == [
        ("Quenby", "$5 million", None)
    ]


def test_an_officer_speaking_of_the_firms_round() -> None:
    text = "Quenby Bio Inc. CEO Jane Roe said the firm’s $55 million series A financing will allow a filing."
    assert _read(text) == [("Quenby Bio", "$55 million", "series_a")]


def test_a_debt_investment_in_a_company_is_its_debt_round() -> None:
    text = (
        "The highlight was the Northwind Fund's $80 million debt investment in Quenby, a Denver-based maker."
    )
    assert _read(text) == [("Quenby", "$80 million", "debt")]


@pytest.mark.parametrize(
    ("text", "round_type"),
    [
        ("Quenby has closed its Series A round, led by Northwind Ventures.", "series_a"),
        ("Quenby announced a Series B funding round led by Northwind Ventures.", "series_b"),
        ("Quenby, a Denver robotics startup, has raised seed funding from Northwind Ventures.", "seed"),
        ("Quenby completed a pre-seed round with participation from Northwind Ventures.", "pre_seed"),
        ("Quenby Raises Seed Funding to Build Robot Arms", "seed"),
        ("QUENBY CLOSES SERIES A ROUND", "series_a"),
    ],
)
def test_a_round_of_a_named_stage_taken_without_an_amount_is_an_undisclosed_deal(
    text: str, round_type: str
) -> None:
    [(company, amount, stage)] = _read(text)
    assert company is not None
    assert company.lower() == "quenby"
    assert (amount, stage) == ("undisclosed", round_type)


@pytest.mark.parametrize(
    "text",
    [
        "Quenby plans to close a Series A round next year.",
        "Quenby has not raised a Series A round yet.",
        "Seed funding is hard to come by, Quenby said.",
        # a stage named after an amount is read as the amount's round, never a second, amountless one
        "Quenby raised $4 million in seed funding, then closed a seed extension.",
    ],
)
def test_no_amountless_deal_from_a_plan_a_denial_or_a_topic(text: str) -> None:
    assert all(amount != "undisclosed" for _, amount, _ in _read(text))
