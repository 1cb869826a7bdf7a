"""Issue 10's twelfth round, in our own words: companies named by a clause built around them.

Each case is a way a story names the company that raised without putting its name right before a deal
verb: the company states its raise ('stated that it had'), the round is called the subject's own ('added
six investors to its $90 million round'), a passive after the round ('a funding package secured by'), or
a debt investment in the company. The negatives keep what each reading must not take: a third party's
remark, another company's round, something of the owner's that secures the money.
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
        ("Mapping company Quenby stated it had closed a $12 million seed round.",
         ("Quenby", "$12 million", "seed")),
    ],
)  # fmt: skip
def test_a_company_stating_its_own_raise(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


def test_a_third_party_noting_a_raise_is_no_company() -> None:
    # 'noted' is what analysts and observers do: it is not read as the company's own report
    assert _read("Analysts noted that it had raised $4 million.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Quenby Bio added six new investors to its $90 million series C round.",
        "Quenby Bio Inc. brought on six new investors in its oversubscribed $90 million series C round.",
        "Quenby Bio welcomed two new backers to its $90 million series C round.",
    ],
)
def test_a_round_called_the_subjects_own(text: str) -> None:
    assert _read(text) == [("Quenby Bio", "$90 million", "series_c")]


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
    assert _read(text) == expected


def test_a_funding_package_secured_by_a_company() -> None:
    text = "The surge came from a $594 million funding package secured by Quenby Quantum, based in Denver."
    assert _read(text) == [("Quenby Quantum", "$594 million", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The $300 million funding package secured by Brindle Holdings' real estate portfolio was refinanced.",
        "A $25 million funding package secured by a lien on Tarnwick's equipment closed Friday.",
        "A $10 million funding package secured by its founders kept Quenby afloat.",
    ],
)
def test_money_secured_by_property_or_people_names_no_recipient(text: str) -> None:
    assert _read(text) == []


def test_a_debt_investment_in_a_company_is_its_debt_round() -> None:
    text = (
        "The highlight was the Northwind Fund's $80 million debt investment in Quenby, a Denver-based maker."
    )
    assert _read(text) == [("Quenby", "$80 million", "debt")]


def test_an_investment_in_a_companys_next_round_is_that_companys() -> None:
    text = "Quenby signed a letter of intent on a $500 million strategic investment in Brindle’s next round."
    assert _read(text) == [("Brindle", "$500 million", "strategic")]
