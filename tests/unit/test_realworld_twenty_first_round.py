"""The twenty-first round: lists of deals in one sentence, and shares sold on an exchange.

- A round-up's list of possessive deals ("Korvid's $12 million raise and Pellmark's $40 million Series C")
  gives each owner its own round; an owner that is no company (a town's name), first or later, leaves the
  other items their own words, so none takes its amount or round.
- An item whose raiser follows its verb ('and $120 million secured by insurtech Tarrow Grid') owns its
  amount beside owners of other forms.
- A subject set off by a relative clause ('and Pellmark, which builds grid batteries in Norway, raised
  $155m') keeps its own deal in a list of raises; British 'whilst' parts two raises as 'while' does; a name
  a relative pronoun points back to ('..., led by Korvid, which raised $80m') owns the raise after it, not
  the sector's total before it.
- A share sale in a place ('a $252 million share sale in New York') is the company's own offering, not the
  sale of a company; a sale in a company ('a share sale in Brimwell') stays no raise.
- 'public issue' names no round: it is as often a matter of public concern or a sale of debentures (tried
  as an IPO alias and withdrawn on the red team's inputs).
- A company that emerged from stealth, on a day perhaps, with money right after (a size word allowed) raised
  it.
- A sentence that opens on money ('With $20 million in fresh funding, Korvid will ...') names no deal (tried
  and withdrawn: the money is as often past, spent, another company's or a total).
- A funding history looking back ('Back in September, it raised ...') opens on its period, and its 'it'
  points back; the round told next ('..., followed by a $50 million Series B') is not the first deal's.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.normalize.amounts import find_money
from assets.parsing.money_roles import Role, money_role
from assets.parsing.prose import extract_prose_mentions


def _read(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round as read) of every mention of `text`."""
    return [(m.company, m.amount, m.round_text) for m in extract_prose_mentions([text])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The quarter's top deals were Korvid's $172 million raise and Pellmark's $73 million Series A.",
            [("Korvid", "$172 million", None), ("Pellmark", "$73 million", "series_a")],
        ),
        (
            # Zama is a town of 100,000 people: its item gives no deal, and its Series A is not Korvid's
            "Among the month's big rounds were Korvid's $89 million raise and Zama's $73 million Series A.",
            [("Korvid", "$89 million", None)],
        ),
        (
            # ... and when the owner that is no company comes first, it takes nobody's amount
            "Zama's $73 million Series A and Korvid's $172 million raise topped the week.",
            [("Korvid", "$172 million", None)],
        ),
        (
            "Big rounds included grid storage firm Korvid's $172 million raise, and $120 million secured "
            "by insurtech startup Tarrow Grid.",
            [("Korvid", "$172 million", None), ("Tarrow Grid", "$120 million", None)],
        ),
        (
            "Notable examples include Leeds-based chip startup Korvid, which raised $140m, and Pellmark, "
            "which builds grid batteries in several countries including Norway, raised $155m.",
            [("Korvid", "$140m", None), ("Pellmark", "$155m", None)],
        ),
        (
            "This included legal AI firm Korvid who raised £31.3mn, whilst battery parts supplier Pellmark "
            "Technologies raised £29mn.",
            [("Korvid", "£31.3mn", None), ("Pellmark Technologies", "£29mn", None)],
        ),
    ],
)
def test_each_deal_of_a_list_keeps_its_own_owner_amount_and_round(text, expected) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Brimwell Energy completed a $252 million share sale in New York.", Role.RAISE),
        ("Brimwell Energy completed a $252 million share sale in Hong Kong.", Role.RAISE),
        # whose shares are sold: a company's, so the money is its owners', not Brimwell's raise
        ("Tollbright completed a $252 million share sale in Brimwell.", Role.OTHER),
        ("Tollbright agreed a $252 million share sale of its stake.", Role.OTHER),
    ],
)
def test_a_share_sale_in_a_place_is_the_companys_own_offering(text, role) -> None:
    money = find_money(text)[0]
    assert money_role(text, money, [money]) is role


def test_a_share_sale_in_a_place_gives_the_company_its_deal() -> None:
    assert _read("Brimwell Energy completed a $252 million share sale in New York.") == [
        ("Brimwell Energy", "$252 million", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # 'public issue' is as often a matter of public concern, or a sale of debentures: no round
        "Korvid raised $20 million to tackle a public issue like air pollution.",
        "Korvid raised ₹150 crore through a public issue of non-convertible debentures.",
    ],
)
def test_a_public_issue_names_no_round(text) -> None:
    assert [round_text for _, _, round_text in _read(text)] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an investor's 'investment in' a company among the owners: each item as before, never a crash
        (
            "Korvid's $30 million Series A and Sequoia's $100 million investment in Pellmark drew attention.",
            [("Korvid", "$30 million", "series_a"), ("Pellmark", "$100 million", None)],
        ),
        (
            "Korvid's $8 million seed, Brimwell's $12 million Series A and Tokyo's $50 million investment in "
            "Pellmark were announced.",
            [
                ("Korvid", "$8 million", "seed"),
                ("Brimwell", "$12 million", "series_a"),
                ("Pellmark", "$50 million", None),
            ],
        ),
        # money secured by a lien, or netted by a sale, is nobody's raise
        (
            "There was $40 million for Korvid and $70 million secured by a lien on Brimwell's fleet.",
            [("Korvid", "$40 million", None)],
        ),
        (
            "Brimwell took $25 million, and $7 million netted by the sale of Korvid's unit went to "
            "creditors.",
            [("Brimwell", "$25 million", None)],
        ),
        # a sentence that opens on 'Whilst' parts two raises, as one that opens on 'While'
        (
            "Whilst Korvid raised $5 million, Pellmark raised $9 million.",
            [("Korvid", "$5 million", None), ("Pellmark", "$9 million", None)],
        ),
        # from stealth 'with' and money later in the phrase, as before
        (
            "Brimwell emerged from stealth with backing from Accel and $25 million.",
            [("Brimwell", "$25 million", None)],
        ),
    ],
)
def test_the_red_teams_inputs_read_as_before_or_better(text, expected) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Phoenix is a city, and a name companies bear; 'London-listed Brimwell' names the company
        "Kestrel Partners completed a $75 million share sale in Phoenix.",
        "Kestrel Partners launched a $500 million share sale in London-listed Brimwell.",
        # a holder's sale, though it names the city
        "Japan Post Holdings completed a $9 billion share sale in Tokyo to cut the government's stake.",
    ],
)
def test_a_share_sale_in_a_company_or_by_a_holder_is_no_raise(text) -> None:
    money = find_money(text)[0]
    assert money_role(text, money, [money]) is Role.OTHER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "That is the pitch from Pellmark AI, which emerged from stealth today with a whopping "
            "$50 million in seed financing behind it.",
            [("Pellmark AI", "$50 million", "seed")],
        ),
        (
            "Pellmark AI emerged from stealth on Monday with $12 million.",
            [("Pellmark AI", "$12 million", None)],
        ),
        # revenue after the size word: no raise
        ("Pellmark AI emerged from stealth today with a client list and $50 million in revenue.", []),
    ],
)
def test_emerging_from_stealth_with_money_is_a_raise(text, expected) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sector's total, then the name a relative pronoun points back to: that name's raise is its own
        (
            "Legal tech startups raised $145m in May, led by Korvid, which raised $80m.",
            [("Korvid", "$80m", None)],
        ),
        (
            "Legal tech startups raised in excess of $145m in May, led by the Series Bs of Swedish startup "
            "Korvid – which raised $80m – and others.",
            [("Korvid", "$80m", None)],
        ),
        # an investor's fund after 'which raised' is no raise of the company's
        (
            "Pellmark raised $50m from investors including Sequoia, which raised a $1bn fund last year.",
            [("Pellmark", "$50m", None)],
        ),
    ],
)
def test_a_name_a_relative_pronoun_points_back_to_owns_the_raise_after_it(text, expected) -> None:
    assert _read(text) == expected


def _dated(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    """(company, amount, round as read, announced words) of every mention of `text`, published 2025-06-01."""
    return [
        (m.company, m.amount, m.round_text, m.announced)
        for m in extract_prose_mentions([text], published=date(2025, 6, 1))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Korvid has grown fast. Back in September, it raised $1.1bn from backers like Nvidia, followed "
            "by a further $433m in October.",
            [("Korvid", "$1.1bn", None, "September 2024"), ("Korvid", "$433m", None, "October 2024")],
        ),
        (
            "Korvid has grown fast. Back in 2021, the startup raised $10 million.",
            [("Korvid", "$10 million", None, "2021")],
        ),
        ("Back in March 2022, Korvid raised $10 million.", [("Korvid", "$10 million", None, "March 2022")]),
    ],
)
def test_a_history_looking_back_opens_on_its_period_and_points_back(text, expected) -> None:
    assert _dated(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Korvid raised $20 million in 2021, followed by a $50 million Series B in 2023.",
            [("Korvid", "$20 million", None, "2021"), ("Korvid", "$50 million", "series_b", "2023")],
        ),
        (
            "Korvid raised $20 million in a seed round in 2021, and then a $50 million Series B in 2023.",
            [("Korvid", "$20 million", "seed", "2021"), ("Korvid", "$50 million", "series_b", "2023")],
        ),
    ],
)
def test_the_round_told_next_is_not_the_first_deals_round(text, expected) -> None:
    assert sorted(_dated(text)) == sorted(expected)


def _full(text: str) -> list[tuple]:
    """(company, amount, round as read, leads, investors) of every mention of `text`."""
    return [
        (m.company, m.amount, m.round_text, list(m.lead_investors), list(m.investors))
        for m in extract_prose_mentions([text])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a company's own raise, a name before 'which' is its investor: it keeps that place
        (
            "Korvid raised $40m in a Series C led by Norrow, which raised a $400m fund last year.",
            [("Korvid", "$40m", "series_c", ["Norrow"], ["Norrow"])],
        ),
        (
            "Korvid raised $40m from Halvard Partners, which has raised $2bn since 2015.",
            [("Korvid", "$40m", None, [], ["Halvard Partners"])],
        ),
        # 'then' as an adverb of the same round leaves the round its own
        (
            "Korvid raised $25 million at what was then a $150 million valuation in its Series B.",
            [("Korvid", "$25 million", "series_b", [], [])],
        ),
        (
            "Korvid raised £40m (then $50m) in a Series B led by Accel.",
            [("Korvid", "£40m", "series_b", ["Accel"], ["Accel"])],
        ),
        # more money 'followed by' that names no round of its own is part of the same round
        (
            "Brimwell raised $10 million, followed by $2 million from its founders, all in a seed round.",
            [("Brimwell", "$10 million", "seed", [], [])],
        ),
    ],
)
def test_the_second_red_teams_inputs_keep_their_readings(text, expected) -> None:
    assert _full(text) == expected


def test_todays_news_after_a_history_is_not_dated_by_the_history() -> None:
    paragraphs = [
        "Tarrow Grid is building a grid platform.",
        "Back in 2023, it raised $4 million in pre-seed funding from Seedcamp.",
        "It has now closed a $22 million Series A led by Lightspeed.",
    ]
    read = [(m.amount, m.announced) for m in extract_prose_mentions(paragraphs, published=date(2025, 9, 30))]
    assert read == [("$4 million", "2023"), ("$22 million", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one raise made of both kinds: a deal, and no debt round
        (
            "Uganda also made headlines with its solar provider, Korvid, securing $15 million in debt and "
            "equity to expand across East Africa.",
            [("Korvid", "$15 million", None)],
        ),
        # both kinds raised over time, or a total with its parts after it: not one deal
        ("Korvid has raised more than $12bn in debt and equity over a series of deals.", []),
        ("Tarrow Grid has brought in $900 million in debt and equity over the past three years.", []),
        (
            "The mayor said the city has $300 million in debt and equity commitments for the new stadium, "
            "and Korvid raised $4 million.",
            [("Korvid", "$4 million", None)],
        ),
        # no debt round, and no round of another amount
        (
            "Korvid secured $30 million in equity and debt financing from Harrow Capital.",
            [("Korvid", "$30 million", None)],
        ),
        (
            "Korvid secured $15 million in debt and equity, following $5 million in seed funding last year.",
            [("Korvid", "$15 million", None)],
        ),
        (
            "Korvid raised $1.5 billion in debt and equity financing this month, including a $600 million "
            "Series C.",
            [("Korvid", "$600 million", "series_c")],
        ),
        # 'fund' as a verb is what the round pays for, not a fund the money closes
        (
            "Pellmark Therapeutics has closed a $105 million series C round which will fund two phase II "
            "trials.",
            [("Pellmark Therapeutics", "$105 million", "series_c")],
        ),
        ("Harrow Capital closed a $105 million fund which will back seed startups.", []),
    ],
)
def test_money_of_both_kinds_and_fund_as_a_verb(text, expected) -> None:
    assert [(company, amount, round_type) for company, amount, round_type in _read(text)] == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Harrow Capital raised $650 million for its eighth early-stage fund.", Role.OTHER),
        # an amount after 'of' is a price, not whose shares are sold
        ("The Rs 1,250-crore initial share sale had a price band of Rs 220-232 per share.", Role.RAISE),
        ("Tollbright agreed a $252 million share sale of Brimwell.", Role.OTHER),
    ],
)
def test_a_price_after_a_share_sale_names_no_company(text, role) -> None:
    money = find_money(text)[0]
    assert money_role(text, money, find_money(text)) is role


@pytest.mark.parametrize(
    "text",
    [
        # tried and withdrawn on the third red team: the money an opening names is as often past, spent,
        # another company's or a total
        "With $20 million in fresh funding, Korvid will hire 50 engineers.",
        "With $2 million in seed funding, Korvid built its first prototype in 2021.",
        "With an investment of $10 million in Pellmark, Korvid becomes its largest shareholder.",
    ],
)
def test_a_sentence_opening_on_money_names_no_deal(text) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place after the name, 'in the' country or 'of' a city and its country
        (
            "Korvid Labs in the US closed a $52 million Series D round.",
            [("Korvid Labs", "$52 million", "series_d")],
        ),
        # one plain word before 'in (the)' is a name with its place, and an institution keeps its place
        ("Made in the USA raised $2 million in a seed round.", []),
        ("Community Bank of Austin, Texas raised $10 million in new capital.", []),
        (
            "Korvid Biotechnologies of Vienna, Austria has raised $7 million in seed funding.",
            [("Korvid Biotechnologies", "$7 million", "seed")],
        ),
        # a place alone after 'of' is the name's own
        ("Bank of Korvid raised $5 billion in a bond sale.", [("Bank of Korvid", "$5 billion", "debt")]),
        ("Made in Berlin raised $5 million.", []),
        # the new funds a round brought are no fund
        (
            "Korvid Foods closed a $34 million Series B funding round and used the new funds to build a "
            "plant.",
            [("Korvid Foods", "$34 million", "series_b")],
        ),
        ("Korvid Capital raised $650 million for its new funds.", []),
    ],
)
def test_a_place_after_the_name_and_the_funds_a_round_brought(text, expected) -> None:
    assert _read(text) == expected
