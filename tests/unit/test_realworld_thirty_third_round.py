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
- the company a later 'the startup' means was taken from a sentence about a person ('Ek also serves as
  Helsing's chairman') or an investor ('WestBridge has invested the capital through three vehicles'), and
  not from a winner named after a colon ('went to a much younger company: ... startup Moonshot AI');
- an essay's heading after a dash was read as a list item ('The Deal Structure — What $1.2 Billion
  Actually Means'), and a description's object as its subject ('the state of Twitter, a startup hoping
  to disrupt it has raised').

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.denials import without_denied_reports
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


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Defence startup Quenby has raised €600 million in a new round led by Prima Fund, the firm "
            "co-founded by Sana Holm. Holm also serves as Quenby's chairman. Quenby did not disclose its "
            "valuation. The startup was previously valued at €5 billion after a €450 million Series C round "
            "in 2023.",
            [("Quenby", "€600 million", None), ("Quenby", "€450 million", "series_c")],
        ),
        (
            "Kaspar Holm, the entrepreneur who founded and later sold Trellan, also serves as Nordvik "
            "Robotics' chairman. The startup said on Monday it had raised $22 million in a Series A led by "
            "Polestar Hill Ventures.",
            [("Nordvik Robotics", "$22 million", "series_a")],
        ),
        (
            "The largest round in February went to Orvane. The next largest funding went to a much younger "
            "company: Beijing-based AI startup Tessaly AI, which is just a year old. The language model "
            "company raised a $1 billion Series B led by Harbor Capital.",
            [("Tessaly AI", "$1 billion", "series_b")],
        ),
        (
            "Brimo has become a unicorn with a $120 million Series E led by Northwind Capital. Northwind has "
            "invested the capital through three vehicles. The company raised the funding at a post-money "
            "valuation of just over $1 billion.",
            [("Brimo", "$120 million", "series_e")],
        ),
    ],
)
def test_whom_a_later_sentence_points_back_to(paragraph, expected):
    assert [deal for deal in read_deals(paragraph) if deal[1]] == expected


# A review of the round, old code against new, found these read worse by its first version: each is read
# as before the round again (or better).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an aside that lists or floats nothing, or a listing that is this sentence's own
        (
            "Tessaly, which was listed among Forbes' most promising startups last year, raised $10 million.",
            [("Tessaly", "$10 million", None)],
        ),
        (
            "Kelvra, which floated the idea of a European expansion last spring, has raised $18 million.",
            [("Kelvra", "$18 million", None)],
        ),
        (
            "Dravon, which made its market debut on Tuesday, raised $200 million after selling 10 million "
            "shares at $20 each.",
            [("Dravon", "$200 million", "ipo")],
        ),
        # an aside about the round at hand, or this sentence's listing
        (
            "Pellura, which is raising its Series C, has closed the first $40 million of the round.",
            [("Pellura", "$40 million", "series_c")],
        ),
        (
            "Cressal, which priced its initial public offering at $18 a share, raised $240 million.",
            [("Cressal", "$240 million", "ipo")],
        ),
        # a purpose's object, or a description, is not whom the raise is for
        (
            "Orvane, whose backers include Accel, raised $25 million to build a plant for Volta Motors.",
            [("Orvane", "$25 million", None)],
        ),
        (
            "Lumora, a shareholder-owned cooperative, raised $30 million in funding for Harlow Farms, its "
            "new dairy.",
            [("Lumora", "$30 million", None)],
        ),
        # a stopped round stops only itself
        (
            "Orvane raised $25 million in Series A funding, while rival Brimo shelved its $40 million "
            "funding round.",
            [("Orvane", "$25 million", "series_a")],
        ),
        (
            "Kelvra, which shelved a $100 million round in 2022, has now raised $60 million in a Series B.",
            [("Kelvra", "$60 million", "series_b")],
        ),
        (
            "Investors cancelled a $10 million bridge round, but Quenby closed its $40 million Series B.",
            [("Quenby", "$40 million", "series_b")],
        ),
        # a claim of something else rejected
        (
            "Tessaly rejected claims of wrongdoing and closed a $25 million Series A led by Index.",
            [("Tessaly", "$25 million", "series_a")],
        ),
        # a list item that opens on a verb, not a question
        (
            "Fennick — Will use its $30 million Series B to expand in Europe",
            [("Fennick", "$30 million", "series_b")],
        ),
        ("Brimo — Where $20 million Series A money goes next", []),
    ],
)
def test_what_the_review_found(sentence, expected):
    assert read_deals(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 'won't' is no 'won': the round of the list is the possessive's
        (
            "Thursday roundup: Halvie-Marsh won’t close till ’24, Validic buys Trapollo, Orava’s $10M "
            "Series A, ATA adds members.",
            [("Orava", "$10M", "series_a")],
        ),
        ("Quenby won a $2 million grant from the Innovation Council.", [("Quenby", "$2 million", "grant")]),
        # a report denied, with words between the report and what it said
        (
            "Tessa Marin, the founder of Quenby, on Friday denied a media report from earlier this week that "
            "said investors were planning to invest in a multi-billion dollar funding round in the company.",
            [],
        ),
    ],
)
def test_negations_of_a_verb_and_of_a_report(sentence, expected):
    assert read_deals(sentence) == expected


def test_a_round_closed_quietly_keeps_its_date():
    (mention,) = read_mentions(
        "Quenby's $12 million seed round went unreported because it closed quietly in October 2024."
    )
    assert mention.announced == "October 2024"


@pytest.mark.parametrize("verb", ["denied", "rejected", "disputed"])
def test_a_rejected_report_drops_the_rumoured_round(verb):
    paragraph = (
        "Solvane is reportedly raising $300 million at a $2 billion valuation, sources say. "
        f"Solvane {verb} the reports on Friday."
    )
    mentions = read_mentions(paragraph)
    assert [(m.company, m.status) for m in mentions] == [("Solvane", "reported")]
    assert without_denied_reports(mentions, paragraph) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rounds went to surgical robotics startups, with UK's Orvane Surgical raising $165 million, "
            "Switzerland's Brimo $150 million and France's Tessaly Robotics $55.4 million.",
            [
                ("Brimo", "$150 million", None),
                ("Orvane Surgical", "$165 million", None),
                ("Tessaly Robotics", "$55.4 million", None),
            ],
        ),
        (
            "Rounds went to UK startups, with Orvane raising $16 million in a Series A, Brimo $15 million "
            "and Tessaly $5.4 million.",
            [
                ("Brimo", "$15 million", None),
                ("Orvane", "$16 million", "series_a"),
                ("Tessaly", "$5.4 million", None),
            ],
        ),
        # a possessive's deal is no gapped item: the amounts after it keep their own readings
        (
            "These include Quenby raising a $41bn round led by Harbor Capital, Orvane’s $13bn raise in "
            "September and Solvane’s investment of more than $14bn into data start-up Brimo AI.",
            [("Brimo AI", "more than $14bn", None), ("Orvane", "$13bn", None), ("Quenby", "$41bn", None)],
        ),
    ],
)
def test_a_list_whose_verb_is_said_once(sentence, expected):
    assert sorted(read_deals(sentence)) == expected


# Written blind for this round (documents nobody tuning had read), then read: what its first run missed.
@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Halvie, the Berlin grocery-delivery company, has called off a planned €60 million Series C "
            "after talks with lead investor Marrow Hill Capital collapsed.",
            [],
        ),
        (
            "Orvane said on Tuesday it had raised $65 million in Series C funding. Orvane has raised $110 "
            "million since it was founded in 2018.",
            [("Orvane", "$65 million", "series_c")],
        ),
        (
            "A report on Friday that Zephrin had secured $80 million from Gulf investors was disputed by the "
            "company on Saturday.",
            [],
        ),
        ("3. Crestmoor — The drone start-up's $30 million Series B was called off in November.", []),
        ("2. Ysolde — Revenue jumped from $5 million to $20 million in 2025.", []),
        (
            "1. Tamberlin — The Leeds-based maker of heat-pump controllers raised £12 million in a Series A "
            "led by Northern Light Capital.",
            [("Tamberlin", "£12 million", "series_a")],
        ),
        # a passive of another event stays another event's
        (
            "Quenby raised $20 million from Harbor Capital after an earlier offer was rejected.",
            [("Quenby", "$20 million", None)],
        ),
    ],
)
def test_what_the_blind_set_found(paragraph, expected):
    assert read_deals(paragraph) == expected


def test_a_sentence_opening_adverb_is_no_company():
    # ('the Pittsburgh company' is Brimo: whom it points back to after a sentence that states no deal is
    # not read yet, so no deal is found; what must never be found is a deal of 'Instead')
    found = read_deals(
        "Brimo didn't raise a Series C this year. Instead, the Pittsburgh company took $35 million in "
        "venture debt from Triton Lending."
    )
    assert "Instead" not in {company for company, _, _ in found}
