"""The twenty-seventh round: round-ups that rank their deals.

- An entry's place, then its money: 'Quenby came second with $22 million', 'ranked third with', 'finished
  fifth with' state the company's round (a sector or a country that came second is no company; 'came
  second with $41 million to Talvora' is Talvora's).
- An entry told place first: 'Next up is Quenby with $22 million', 'Nipping at its heels is drone startup
  Quenby with $22 million', 'At the top of the list is Quenby at $23 million in Series A', 'In second
  place was Quenby, which raised $9 million'. Not a ranking of worth ('Second on the list is Kelso at $3
  trillion', 'the most valuable ...'), nor an amount 'at' a figure with no round or funding words after it;
  only when the words after the amount are of funding or the sentence's end, and then only when something
  says the ranking is one of funding (a word of rounds before the entry, 'startup' in its description).
  A deal told before the ranked entry in the same sentence is kept.
- A company's round, then 'which' and its verb of raising, is that company's, whoever the sentence's
  subject is: 'Kelso withdrew from talks to join Quenby's funding round, which aims to raise $6 billion'.
- A headline's investor leaving a round: 'Kelso Withdraws From Quenby $6B Funding Talks' is Quenby's.
- 'Shares of Quenby rose on their debut after the company raised ...': the subject is Quenby.
- A category's leader: 'Quenby dominated the Series A category with $20 million' (a stage or 'funding'
  right before the category's noun; not a category of sales, valuations or an investor's money).

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
        ("Among the week's rounds, Quenby came second with $22 million.", ("Quenby", None, "$22 million")),
        (
            "Quenby came in second with $22 million in Series A funding.",
            ("Quenby", "series_a", "$22 million"),
        ),
        ("Of the startups that raised, Quenby ranked third with $9 million.", ("Quenby", None, "$9 million")),
        ("Quenby finished fifth with a $4 million seed round.", ("Quenby", "seed", "$4 million")),
        (
            "By funding raised, healthtech came third with $41.4 million to Talvora.",
            ("Talvora", None, "$41.4 million"),
        ),
    ],
)
def test_an_entry_placed_then_its_money_is_a_deal(sentence: str, deal: tuple) -> None:
    assert _deals(sentence) == [deal]


@pytest.mark.parametrize(
    ("sentence", "deal"),
    [
        ("Next up is fintech startup Quenby with $22 million.", ("Quenby", None, "$22 million")),
        (
            "Second on the list of the week's largest rounds is Quenby with $22 million.",
            ("Quenby", None, "$22 million"),
        ),
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
        # nothing says what is ranked is funding
        "Quenby came second with $22 million.",
        "Next up is Quenby with $22 million.",
        # rankings of gifts, fines, spending, votes, even in a story of funding
        "In the charity drive, Ormsbury came first with $3 million for the appeal.",
        "In the fines table compiled by regulators, Quintrell ranked second with $45 million.",
        "Dunkley Motors came second with $300 million, measured by annual advertising spend.",
        "In the Senate race, Marla Pryde came first with $8 million.",
        "Next up is Hawkridge with $40 million in capital expenditures.",
        "Third among startups hit by the bank collapse is fintech startup Ormley with $40 million.",
        "Second on the list is delivery startup Quorley with $22 million, mostly spent on advertising.",
        "Next up is Tamsworth with $22 million raised for charity.",
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
        # what follows the amount says it is no money raised
        "Next up is Brindlecot with $3.2 billion in annual turnover.",
        "Fernvale Robotics placed third with $5,000 in prize money at the hackathon.",
        "Drummock finished third with $8 million in earnings.",
        "Halvarsen ranks first with $5 billion spent on lobbying.",
        "Second on the list is Quenby with $22 million in cash on hand.",
        # a worth after its round, a price
        "Next up is Oslinde at $3 billion after its Series D.",
        "Second is Mordell Labs at $800 million following a $90 million Series C.",
        # nothing says the ranking is one of funding, or the entry is a person or a film
        "Second on the Forbes list is Edwin Marlowe with $82 billion.",
        "In second place at the box office was Starfall Rising with $22 million.",
        "Third on the market-cap table is Dellacorte with $900 billion.",
        # a backer, not an entry; a company that closed its doors
        "The firm behind Quenby is Larkwell Partners with $10 million.",
        "In second place was Quorrane, which closed its doors after burning through $9 million.",
    ],
)
def test_rankings_of_other_things_are_no_deals(sentence: str) -> None:
    assert _deals(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        (
            "Orvanel raised $35 million in a Series B; second on the list is Pexford with $18 million.",
            [("Orvanel", "series_b", "$35 million"), ("Pexford", None, "$18 million")],
        ),
        (
            "Kelbury raised $40 million from Norrow Ventures; behind it is Pardell with $12 million.",
            [("Kelbury", None, "$40 million"), ("Pardell", None, "$12 million")],
        ),
    ],
)
def test_a_deal_told_before_the_ranked_entry_is_kept(sentence: str, deals: list) -> None:
    assert _deals(sentence) == deals


@pytest.mark.parametrize(
    ("sentence", "deal"),
    [
        (
            "Kelsworth has withdrawn from talks to take part in Quenby's funding round, which aims to raise"
            " about $6 billion.",
            ("Quenby", "venture", "$6 billion"),
        ),
        (
            "Kelsworth joined Quenby's Series B, which raised $40 million.",
            ("Quenby", "series_b", "$40 million"),
        ),
        (
            "Investors piled into Quenby's seed round, which closed at $4 million.",
            ("Quenby", "seed", "$4 million"),
        ),
        ("Kelsworth Withdraws From Quenby $6B Funding Talks", ("Quenby", None, "$6B")),
        ("Kelsworth Pulls Out Of Quenby's $40M Funding Round", ("Quenby", "venture", "$40M")),
    ],
)
def test_the_round_that_raises_is_its_owner_s(sentence: str, deal: tuple) -> None:
    assert _deals(sentence) == [deal]


def test_an_investor_leaving_a_deal_of_another_kind_leaves_the_raise_its_own() -> None:
    assert _deals("Tessaly Pulls Out Of Dunmore Merger, Raises $60M Series C") == [
        ("Tessaly", "series_c", "$60M")
    ]


def test_a_listings_subject_is_the_company_listed() -> None:
    assert _deals(
        "Shares of Quenby Robotics rose 10% on their debut in Tokyo after the company raised 120 billion yen"
        " in its IPO."
    ) == [("Quenby Robotics", "ipo", "120 billion yen")]


def test_an_investor_s_cheque_into_an_owned_round_is_not_the_round() -> None:
    assert (
        _deals("Kelsworth invested $5 million in Quenby's Series B, which raised $40 million in total.") == []
    )


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        ("Quenby dominated the Series A category with $20 million.", [("Quenby", "series_a", "$20 million")]),
        ("Quenby led the seed category with $2 million.", [("Quenby", "seed", "$2 million")]),
        ("Quenby topped the fintech funding list with $40 million.", [("Quenby", None, "$40 million")]),
        # a category of something else, an investor's cheque, a place, a sector
        ("Kelso topped the market value list with $4 trillion.", []),
        ("Kelso dominated the smartphone market segment with $2 billion in sales.", []),
        ("Kelso Ventures led the seed category with $300 million deployed across 40 startups.", []),
        ("Bengaluru led the city funding charts with $3 billion.", []),
        ("Fintech led the sector funding list with $1.2 billion across 50 deals.", []),
        ("Kelso led the Series A round with $20 million.", []),
    ],
)
def test_a_category_s_leader_is_a_deal_of_that_stage(sentence: str, deals: list) -> None:
    assert _deals(sentence) == deals
