"""Issue 10's thirteenth round, in our own words: a company reporting its raise says where it said so.

Wire copy puts the channel between the verb of saying and the raise: 'said in a statement', 'said in a
blog post on Tuesday', 'said Tuesday in a regulatory filing', 'confirmed to Reuters', 'wrote in a post'.
The company is still the subject. The negatives keep what the subject must not become: the investor or
the ministry that made the statement about another company's round, and a company denying a raise or
telling of an old one.
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
        ("Tessaly said in a statement that it raised $41 million.", ("Tessaly", "$41 million", None)),
        ("Tessaly said in a statement on Thursday that it had closed a $41 million Series B round.",
         ("Tessaly", "$41 million", "series_b")),
        ("Tessaly said Thursday in a blog post that it has raised $41 million in seed funding.",
         ("Tessaly", "$41 million", "seed")),
        ("Tessaly said in an interview that it raised $41 million.", ("Tessaly", "$41 million", None)),
        ("Tessaly announced in a LinkedIn post that it has secured $41 million.",
         ("Tessaly", "$41 million", None)),
        ("Tessaly said in a regulatory filing on Friday that it had raised $41 million.",
         ("Tessaly", "$41 million", None)),
        ("Tessaly confirmed to Reuters that it has raised $41 million.", ("Tessaly", "$41 million", None)),
        ("Tessaly wrote in a post that it had raised $41 million.", ("Tessaly", "$41 million", None)),
    ],
)  # fmt: skip
def test_the_company_says_where_it_reported_its_raise(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


def test_an_investor_stating_it_led_a_round_names_the_company_that_raised() -> None:
    text = "Harrowgate Capital said in a statement that it led the $41 million round in Tessaly."
    assert _read(text) == [("Tessaly", "$41 million", None)]


@pytest.mark.parametrize(
    "text",
    [
        # a fund of the investor's own is no deal
        "Harrowgate Capital said in a statement on Tuesday that it has raised a $300 million fund.",
        # a promise of public money, a denial, an old raise, a sale of the company
        "The ministry said in a statement that it would provide $41 million to Tessaly.",
        "Tessaly said in a statement that it had not raised $41 million, denying the report.",
        "Tessaly said in an interview last year that it had raised $41 million in 2021.",
        "Tessaly said in a statement that it was acquired for $41 million.",
        "Tessaly said in its annual report that it had revenue of $41 million.",
    ],
)
def test_what_a_statement_says_that_is_no_raise_of_the_subject(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessaly raises $30M to expand across Europe", ("Tessaly", "$30M", None)),
        ("Tessaly has raised €30 million to scale its clinics across Germany.",
         ("Tessaly", "€30 million", None)),
    ],
)  # fmt: skip
def test_money_raised_to_do_something_across_a_region_is_a_raise(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Startups in the region raised $5 billion across 300 deals.",
        "Tessaly raised $30 million across two rounds.",
        "Climate startups raised $2 billion across Europe in the quarter.",
    ],
)
def test_money_spread_across_deals_or_a_region_is_no_raise(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessaly came out of stealth on Tuesday with $12 million in funding.",
         ("Tessaly", "$12 million", None)),
        ("Tessaly exits stealth with $12M seed round", ("Tessaly", "$12M", "seed")),
        ("Tessaly launched out of stealth with $12 million in seed funding led by Harrowgate.",
         ("Tessaly", "$12 million", "seed")),
    ],
)  # fmt: skip
def test_a_company_out_of_stealth_with_its_funding(text: str, expected: tuple) -> None:
    assert _read(text) == [expected]


def test_a_stealth_exit_with_a_product_is_no_raise() -> None:
    assert _read("Tessaly came out of stealth with a robot that sorts parcels.") == []
