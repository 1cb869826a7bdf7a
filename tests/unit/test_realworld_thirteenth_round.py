"""Issue 10's thirteenth round, in our own words: common wire and headline forms the corpora rarely hold.

- A company reporting its raise says where it said so: 'said in a statement', 'said in a blog post on
  Tuesday', 'said Tuesday in a regulatory filing'. It is still the subject when it says what 'it' did
  ('they' is what people and officials say in statements).
- Money raised 'to expand across Europe' is a raise; money spread across deals, rounds or a region is not.
- A company out of stealth with its money ('came out of stealth on Tuesday with $12 million') took it; out
  of stealth with a customer or a team, it took nothing.
- An amount that sizes the company ('Tessaly, a $400 million startup, raised') is its worth, not its raise.

The negatives keep what each reading must not take: the investor or ministry that made the statement, a
denial or an old raise, a fund, a giver, another company's raise, sales.
"""

from __future__ import annotations

import pytest

from tests.unit.prose_reading import read_deals, read_mentions


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
    ],
)  # fmt: skip
def test_the_company_says_where_it_reported_its_raise(text: str, expected: tuple) -> None:
    assert read_deals(text) == [expected]


def test_an_investor_stating_it_led_a_round_names_the_company_that_raised() -> None:
    text = "Harrowgate Capital said in a statement that it led the $41 million round in Tessaly."
    assert read_deals(text) == [("Tessaly", "$41 million", None)]


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
    assert read_deals(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person or officials saying what 'they' did are not the company; 'confirmed to' and 'wrote' are
        # what sources and people do
        ("Mira Calloway wrote in a post that they had raised $50 million for Tessaly.",
         ("Tessaly", "$50 million")),
        ("Officials said in a statement that they had awarded $5 million to Tessaly.",
         ("Tessaly", "$5 million")),
        ("Sources confirmed to TechCrunch that it has raised $50 million.", None),
    ],
)  # fmt: skip
def test_the_speaker_of_a_statement_is_no_company_unless_it_speaks_of_itself(
    text: str, expected: tuple
) -> None:
    found = [(company, amount) for company, amount, _ in read_deals(text)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessaly raises $30M to expand across Europe", ("Tessaly", "$30M", None)),
        ("Tessaly has raised €30 million to scale its clinics across Germany.",
         ("Tessaly", "€30 million", None)),
    ],
)  # fmt: skip
def test_money_raised_to_do_something_across_a_region_is_a_raise(text: str, expected: tuple) -> None:
    assert read_deals(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Startups in the region raised $5 billion across 300 deals.",
        "Tessaly raised $30 million across two rounds.",
        "Climate startups raised $2 billion across Europe in the quarter.",
    ],
)
def test_money_spread_across_deals_or_a_region_is_no_raise(text: str) -> None:
    assert read_deals(text) == []


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
    assert read_deals(text) == [expected]


def test_a_stealth_exit_with_a_product_is_no_raise() -> None:
    assert read_deals("Tessaly came out of stealth with a robot that sorts parcels.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tessaly came out of stealth with former Brimwell staff, months after Brimwell raised $50 million.",
        "Tessaly came out of stealth with Brimwell as a customer; Brimwell raised $50 million last month.",
    ],
)
def test_a_stealth_exit_with_no_money_leaves_anothers_raise_to_it(text: str) -> None:
    assert [(company, amount) for company, amount, _ in read_deals(text)] == [("Brimwell", "$50 million")]


def test_a_giver_spreading_money_across_a_region_is_no_raise() -> None:
    assert read_deals("Quenby Foundation awarded $10 million to researchers across Europe.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessaly, a $400 million startup, raised $35 million.", ("Tessaly", "$35 million", "$400 million")),
        ("The $2 billion AI company Tessaly raised $35 million.", ("Tessaly", "$35 million", "$2 billion")),
        ("$2B startup Tessaly raises $35M", ("Tessaly", "$35M", "$2B")),
    ],
)  # fmt: skip
def test_an_amount_that_sizes_the_company_is_its_worth_not_its_raise(text: str, expected: tuple) -> None:
    mentions = read_mentions(text)
    assert [(m.company, m.amount, m.valuation) for m in mentions] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sized by its sales: neither raise nor worth
        ("Tessaly, a $100 million revenue company, raised $35 million.", ("Tessaly", "$35 million", None)),
        # the company named after a round, a relative clause or a preposition is not sized by the amount
        ("Tessaly raised a $35 million round from the company's backers.", ("Tessaly", "$35 million", None)),
        ("Analysts cited the $634 million that e-commerce giant Tessaly pocketed from its parent.",
         ("Tessaly", "$634 million", None)),
    ],
)  # fmt: skip
def test_an_amount_before_other_words_for_a_company_keeps_its_role(text: str, expected: tuple) -> None:
    mentions = read_mentions(text)
    assert [(m.company, m.amount, m.valuation) for m in mentions] == [expected]


def test_a_startup_fund_is_no_company_worth() -> None:
    assert read_deals("The ministry launched a $35 million startup fund.") == []
