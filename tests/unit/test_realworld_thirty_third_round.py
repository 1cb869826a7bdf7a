"""The thirty-third round: what an aside, a reason, an owner or a person says about a raise.

Mistakes seen on real-world news, each fixed where it was made:
- a name joined by a lower-case Portuguese or French word ('Banco do Brasil') was cut to its last part;
- an aside about another thing gave the raise its round: 'Quenby, whose parent went public last year,
  raised $40 million' was an IPO, and 'Acme, which raised a Series A in 2023, has closed $20 million' a
  Series A. An aside saying the company itself is listed ('Marigold Stays, which went public in 2023,
  raised ₹1,800 crore through a QIP') makes a raise of no stated round a listed company's (post-IPO);
- a reason's year dated the raise: 'raised $12 million because revenue grew in 2021' is this year's;
- people were read as the company: 'Zepto founders Aadit Palicha and Kaivalya Vohra are raising';
- an owner or a group of investors took the raise that is for another company: 'Quantinuum majority
  owner Honeywell announced a $600 million equity raising for Quantinuum';
- a market value and a broker's target price were read as raises: 'taking the company's market
  capitalisation past ₹25,000 crore', 'raised its target price on the stock to ₹1,450';
- a round stopped was published ('has abruptly suspended its own $2B funding round'), and so was a
  report its subject rejected ('has rejected claims of his company xAI securing $500 million');
- an essay's heading after a dash was read as a list item ('The Deal Structure — What $1.2 Billion
  Actually Means'), and a description's object as its subject ('the state of Twitter, a startup hoping
  to disrupt it has raised').

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.unit.prose_reading import read_deals, read_mentions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Banco do Vale raised $50 million in a debt facility.",
            [("Banco do Vale", "$50 million", "debt")],
        ),
        (
            "Quenby Robotics, whose parent went public last year, raised $40 million from Northwind.",
            [("Quenby Robotics", "$40 million", None)],
        ),
        (
            "Orvane Labs, which raised a Series A in 2023, has closed $20 million from Harbor Capital.",
            [("Orvane Labs", "$20 million", None)],
        ),
        (
            "Marigold Suites, which went public in 2023, raised ₹1,800 crore through a QIP on Tuesday.",
            [("Marigold Suites", "₹1,800 crore", "post_ipo")],
        ),
        (
            # the aside holds the amount: it is the listing's, not a raise of a listed company
            "Tessaly Cyber, which floated on AIM on Wednesday after raising £48 million, closed 11% higher.",
            [("Tessaly Cyber", "£48 million", None)],
        ),
        (
            "Brimo founders Asha Rao and Vikram Desai are raising about $150 million in structured debt.",
            [],
        ),
        (
            "Quillmoor majority owner Halvard Group announced a $600 million equity raising for Quillmoor.",
            [("Quillmoor", "$600 million", None)],
        ),
        (
            "Northwind Bank, Harbor Capital and Eastvale Securities have confirmed their investments, "
            "raising more than $40 million for Solbright.",
            [("Solbright", "more than $40 million", None)],
        ),
        (
            "Shares of Anvaya Jewels, which made its market debut in September, hit a record high on "
            "Thursday, taking the company's market capitalisation past ₹25,000 crore.",
            [],
        ),
        ("Brokerage Kestrel Securities raised its target price on the stock to ₹1,450.", []),
        (
            "In a shocking twist, AI coding startup Quenby has abruptly suspended its own $2B funding round "
            "to enter acquisition talks with Orvane at a $60B valuation.",
            [],
        ),
        ("Solvane has abandoned a $40 million round it was raising from Harbor Capital.", []),
        ("Tessa Marin has rejected claims of her AI company Quenby securing $500 million.", []),
        ("Quenby disputed reports that it raised $80 million from Harbor Capital.", []),
        ("The Deal Structure — What $1.2 Billion Actually Means", []),
        (
            "Orvella — $300 million Series D at a $4 billion valuation",
            [("Orvella", "$300 million", "series_d")],
        ),
        (
            "Riding the wave of interest in the state of Quorrel, a startup hoping to disrupt it has raised "
            "$1.1 million in funding.",
            [],
        ),
        (
            "Quorrel, a startup hoping to disrupt payroll, has raised $1.1 million in funding.",
            [("Quorrel", "$1.1 million", None)],
        ),
    ],
)
def test_what_the_words_around_a_raise_say_of_it(sentence, expected):
    assert read_deals(sentence) == expected


def test_a_reasons_year_does_not_date_the_raise():
    (mention,) = read_mentions("Solvane raised $12 million in a seed round because revenue grew in 2021.")
    assert (mention.company, mention.round_text) == ("Solvane", "seed")
    assert mention.announced is None  # the page's date, not 2021


def test_the_year_of_the_raise_still_dates_it():
    (mention,) = read_mentions("Solvane raised $12 million in a seed round in 2021 after revenue grew.")
    assert mention.announced == "2021"
