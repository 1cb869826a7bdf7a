"""Issue 10's twelfth round, in our own words: companies named by a clause built around them.

Each case is a way a story names the company that raised without putting its name right before a deal
verb: the company states its raise ('stated that it had'), the round is called the subject's own ('added
six investors to its $90 million round'), a passive after the round ('a funding package secured by'), or
a debt investment in the company. The negatives keep what each reading must not take: a third party's
remark, another company's round, something of the owner's that secures the money.
"""

from __future__ import annotations

import pytest

from assets.parsing.prose import extract_prose_mentions
from tests.unit.prose_reading import PUBLISHED, read_deals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quenby stated that it has raised $59M in a Series B round.", ("Quenby", "$59M", "series_b")),
        ("Mapping company Quenby stated it had closed a $12 million seed round.",
         ("Quenby", "$12 million", "seed")),
    ],
)  # fmt: skip
def test_a_company_stating_its_own_raise(text: str, expected: tuple) -> None:
    assert read_deals(text) == [expected]


def test_a_third_party_noting_a_raise_is_no_company() -> None:
    # 'noted' is what analysts and observers do: it is not read as the company's own report
    assert read_deals("Analysts noted that it had raised $4 million.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Quenby Bio added six new investors to its $90 million series C round.",
        "Quenby Bio Inc. brought on six new investors in its oversubscribed $90 million series C round.",
        "Quenby Bio welcomed two new backers to its $90 million series C round.",
    ],
)
def test_a_round_called_the_subjects_own(text: str) -> None:
    assert read_deals(text) == [("Quenby Bio", "$90 million", "series_c")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'its' is the company named before, not the investor that contributed
        ("Brindle makes drones. Northwind contributed to its $90 million Series C.",
         [("Brindle", "$90 million", "series_c")]),
        ("Analysts reacted coolly to its $80 million Series D.", []),
        ("Northwind Ventures added $90 million to its fourth fund.", []),
    ],
)  # fmt: skip
def test_a_round_of_another_is_not_the_subjects_own(text: str, expected: list) -> None:
    assert read_deals(text) == expected


def test_a_funding_package_secured_by_a_company() -> None:
    text = "The surge came from a $594 million funding package secured by Quenby Quantum, based in Denver."
    assert read_deals(text) == [("Quenby Quantum", "$594 million", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The $300 million funding package secured by Brindle Holdings' real estate portfolio was refinanced.",
        "A $25 million funding package secured by a lien on Tarnwick's equipment closed Friday.",
        "A $10 million funding package secured by its founders kept Quenby afloat.",
    ],
)
def test_money_secured_by_property_or_people_names_no_recipient(text: str) -> None:
    assert read_deals(text) == []


def test_a_debt_investment_in_a_company_is_its_debt_round() -> None:
    text = (
        "The highlight was the Northwind Fund's $80 million debt investment in Quenby, a Denver-based maker."
    )
    assert read_deals(text) == [("Quenby", "$80 million", "debt")]


def test_an_investment_in_a_companys_next_round_is_that_companys() -> None:
    text = "Quenby signed a letter of intent on a $500 million strategic investment in Brindle’s next round."
    assert read_deals(text) == [("Brindle", "$500 million", "strategic")]


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
    [(company, amount, stage)] = read_deals(text)
    assert company is not None
    assert company.lower() == "quenby"
    assert (amount, stage) == ("undisclosed", round_type)


@pytest.mark.parametrize(
    "text",
    [
        # another's round, a fund, a product: no funding noun after the stage, or not the stage's
        "Northwind closed its Series A investment in Quenby last month.",
        "Hollow Oak closed its maiden seed fund last week.",
        "Grovelin announced Seed, a journaling app for teachers.",
        "Ten startups announced seed rounds this week, including Quenby.",
        # plans, hopes, denials, conditions, questions, a person's past
        "Quenby plans to close a Series A round next year.",
        "Quenby has not yet closed its Series A round.",
        "Tarnwick hopes to have closed its Series A round by the end of summer.",
        "When Tarnwick closes its Series B round, it will hire.",
        "Has Quenby closed its Series A round?",
        "How Quenby Raised Its Seed Round Without a Pitch Deck",
        "Jane Roe, who raised a Series A round for her previous startup, joins Quenby as CEO.",
        # a round of the past the clause dates: with no amount it is passed over
        "Quenby raised a Series A round in 2022 and is now profitable.",
        "Quenby raised a seed round two years ago.",
        "Kestrix raised seed funding from angels in its first year.",
        "Velloran, which closed its Series A round before the pandemic, now employs 300 people.",
        # funding for another, an event, a round of something else, a round called off or hypothetical
        "Northwind announced Series A funding for Dunmere and two other startups.",
        "Hexwood announced its Seed Funding Summit speakers.",
        "Kestrix closed its seed round of hiring last week.",
        "Dunmere announced its Series A round had been cancelled.",
        "Suppose Dunmere closes its Series A round next week.",
        "Velloran announced that rival Kestrix closed its Series A round.",
        "Ada Lin closed a seed round for her new startup.",
    ],
)
def test_no_amountless_deal_from_another_a_plan_a_question_or_a_past(text: str) -> None:
    assert read_deals(text) == []


def test_a_headline_round_without_an_amount_is_the_sized_round_of_the_story() -> None:
    mentions = extract_prose_mentions(
        ["Quenby Raises Seed Funding", "Quenby raised $3 million in a pre-seed round led by Hollow Oak."],
        published=PUBLISHED,
    )
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [("Quenby", "$3 million", "pre_seed")]


def test_an_undisclosed_round_stands_beside_a_sized_round_of_the_past() -> None:
    mentions = extract_prose_mentions(
        [
            "Kestrix said on Tuesday that it closed a Series A round of undisclosed size, led by Northwind.",
            "The company raised $4 million in seed funding in 2023.",
        ],
        published=PUBLISHED,
    )
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Kestrix", "undisclosed", "series_a"),
        ("Kestrix", "$4 million", "seed"),
    ]
