"""The eighteenth round of real-world rules: listed companies' sales of securities ('priced a $3.2 billion
private debt placement', 'launched a $618 million placement', 'held a $6.6M IPO'), a place said after the
company ('Vantor Dynamics in Costa Mesa has closed'), the company that debuted or listed before ', raising',
and the sentences that only look like raises: a raise of a value, a stake or guidance, a notice received, a
figure spoken of, and a round announced before but closed now. A later sentence that names the stage of
a round stated without one ('The Series G round was oversubscribed') gives it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assets.normalize.amounts import find_money
from assets.parsing.prose import extract_prose_mentions
from tests.unit.prose_reading import PUBLISHED, read_deals, read_mentions


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        (
            "Harlow Grid priced a $3.2 billion private debt placement to expand its campus in Ohio.",
            [("Harlow Grid", "$3.2 billion", "debt")],
        ),
        (
            "Kestrel Cloud priced its $410 million share sale at the top of the range.",
            [("Kestrel Cloud", "$410 million", None)],
        ),
        (
            "In May, Palomere launched a $618 million placement to fund two new data centres.",
            [("Palomere", "$618 million", None)],
        ),
        (
            "Taiwanese fish farmer Nerida held a $6.6M initial public offering on Thursday.",
            [("Nerida", "$6.6M", "ipo")],
        ),
        (
            "Tollbright Energy priced a $750 million green bond sale on Tuesday.",
            [("Tollbright Energy", "$750 million", "debt")],
        ),
        # no money right after the article, or no securities sold: a product, not a raise
        ("Palomere launched a new offering for regional banks worth watching.", []),
        ("Arbel Insurance launched a $1 million cyber cover offering for mid-sized retailers.", []),
        ("Nerida held its IPO on Thursday after a delay of two years.", []),
    ],
)
def test_sales_of_securities_are_raises(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        (
            "Vantor Dynamics in Costa Mesa has closed a new funding round of $2.5 billion.",
            [("Vantor Dynamics", "$2.5 billion", "venture")],
        ),
        ("Kelvar Labs in Lagos, Nigeria has raised $5 million.", [("Kelvar Labs", "$5 million", None)]),
        ("NorthStar in Montreal raised $5 million.", [("NorthStar", "$5 million", None)]),
        # words after 'in' that name no place belong to the name, and so does a place after one plain word
        ("Acme in Motion raised $5 million.", []),
        ("Made in Berlin raised $3 million to sell furniture from local designers.", []),
        # a place's startups are no company
        ("Startups in Berlin raised $5 billion last year.", []),
    ],
)
def test_a_place_after_the_name_is_where_the_company_is(
    sentence: str, deals: list[tuple[str, str, str | None]]
) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        (
            "Cancer drug developer Corvalis Ltd. debuted on Nasdaq, raising $9.65 million in its IPO.",
            [("Corvalis", "$9.65 million", "ipo")],
        ),
        # before: the exchange ('ASX') was read as the company
        (
            "Brimwell listed on the ASX on Thursday, raising A$335 million.",
            [("Brimwell", "A$335 million", None)],
        ),
    ],
)
def test_who_debuted_raised_not_the_exchange(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares of Quenby jumped 20% on Friday, raising its value by $3 billion.",
        "Shares of Halvard Motors jumped 40% on Friday, raising the company's market value to $12 billion.",
        "Ostrel raised its revenue guidance to $40 million for the year.",
        "Kelvar Capital raised its stake in Quenby to 12% for $5 million.",
        "The company received a de-listing notice over a rule that offering proceeds be more than $25M.",
    ],
)
def test_what_only_looks_like_a_raise(sentence: str) -> None:
    assert read_deals(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # what the company raised besides its guidance, a stake or a notice is still read
        (
            "Brackenfield raised its full-year guidance and said it had raised $150 million in a placement.",
            [("Brackenfield", "$150 million", None)],
        ),
        (
            "Drayson Health received regulatory clearance and a $10 million investment from Novo Holdings.",
            [("Drayson Health", "$10 million", None)],
        ),
        (
            "Kelpie Bio secured a $12 million milestone financing from Forbion.",
            [("Kelpie Bio", "$12 million", None)],
        ),
    ],
)
def test_a_raise_beside_what_only_looks_like_one(
    sentence: str, deals: list[tuple[str, str, str | None]]
) -> None:
    assert read_deals(sentence) == deals


def test_a_figure_spoken_of_is_not_the_raise() -> None:
    sentence = (
        "The $3 billion figure may seem modest, considering that Vantor Dynamics, a startup based in "
        "Costa Mesa, California, secured $1.5 billion in a Series F round."
    )
    assert read_deals(sentence) == [("Vantor Dynamics", "$1.5 billion", "series_f")]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # a round announced before and closed now is today's deal
        (
            "Quenby closed its previously announced private placement of $4 million.",
            [("Quenby", "$4 million", None)],
        ),
        (
            "Ostrel, previously known as Brimwell, announced that it closed its Series C at $200 million.",
            [("Ostrel", "$200 million", "series_c")],
        ),
        # 'previously' dates only the raise it is said of, not the one a second verb states
        (
            "Quenby, which previously raised $4 million, closed a $10 million Series A.",
            [("Quenby", "$10 million", "series_a")],
        ),
        # alone, it places the raise in the past, which the text does not date: a deal whose date stays
        # empty (tests/unit/test_undated_past_rounds.py)
        ("Quenby previously raised $5 million.", [("Quenby", "$5 million", None)]),
        # a history's next item stays in the past; a statement after a comma and 'now' is today's
        (
            "Prior to this round, Trellis had raised $12 million and secured a $3 million grant.",
            [("Trellis", "$12 million", None)],
        ),
        (
            "Loomstack, which formerly raised $3 million and landed a $1 million loan, now secured €15M.",
            [("Loomstack", "€15M", None)],
        ),
        # 'previously announced' as a verb is of the past: the $4 million seed is no deal of today
        (
            "Rooksby, which previously announced a $4 million seed, has now raised a $20 million Series A.",
            [("Rooksby", "$20 million", "series_a")],
        ),
    ],
)
def test_previously_dates_only_its_own_raise(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals


def _rounds(*paragraphs: str) -> list[tuple[str | None, str | None, str | None, list[str]]]:
    """(company, amount, round, leads) of every mention of a text of `paragraphs`."""
    mentions = extract_prose_mentions(list(paragraphs), published=PUBLISHED)
    return [(m.company, m.amount, m.round_text, m.lead_investors) for m in mentions]


def test_a_later_sentence_names_the_stage_of_a_round_that_named_none() -> None:
    deal = "Vantor Dynamics has closed a new funding round of $2.5 billion, its chairman said on Thursday."
    assert _rounds(deal, "The Series G round was oversubscribed, he said.") == [
        ("Vantor Dynamics", "$2.5 billion", "series_g", [])
    ]
    assert _rounds(deal, "The Series G investment was led by Harrow Capital.") == [
        ("Vantor Dynamics", "$2.5 billion", "series_g", ["Harrow Capital"])
    ]
    # what the money is, not its stage: the round stays as stated
    assert _rounds(deal, "This strategic investment helps the company expand, he said.") == [
        ("Vantor Dynamics", "$2.5 billion", "venture", [])
    ]
    # a stage of another time: an earlier round's, or one to come
    for later in (
        "The Series A round in 2022 was led by Lux Capital.",
        "The company plans to raise a Series B next year.",
        "This funding follows the company's seed round in 2023, which was led by Harrow Capital.",
    ):
        assert [m[2] for m in _rounds(deal, later)] == ["venture"]


def test_a_sentence_on_another_round_gives_this_one_no_lead() -> None:
    deal = "Barakah, a foodtech startup, has secured an undisclosed funding round from Kelvar Partners."
    later = "This funding comes on the heels of a $1.5 million seed round in 2024, led by Harrow Capital."
    assert _rounds(deal, later)[0][3] == []


@pytest.mark.parametrize(
    ("sentence", "currency"),
    [
        ("Worg Pharmaceuticals raised ¥1.1 billion (US$152 million) in a series C round.", "CNY"),
        # converted at a yen's rate, or not at all: the yen, as the sign says
        ("Kelvar raised ¥3 billion (about $20 million) in a Series B.", None),
        ("Kelvar raised ¥3 billion in a Series B.", None),
    ],
)
def test_the_yen_sign_converted_at_a_yuan_rate_is_yuan(sentence: str, currency: str | None) -> None:
    assert [m.currency for m in read_mentions(sentence)] == [currency]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # a timeline's date before the subject
        (
            "June 11, 2024 Mistral raises another $643.7 million, bringing its valuation to $6.2 billion",
            [("Mistral", "$643.7 million", None)],
        ),
        ("11 June 2024: Quenby raised $5 million in a seed round.", [("Quenby", "$5 million", "seed")]),
        # a ranked list's item: its company, then its amount alone, then its story
        (
            "6) Voyage Harvest: $52M Also in California, the pantry startup secured a round.",
            [("Voyage Harvest", "$52M", None)],
        ),
        (
            "6. Voyage Harvest: $52M, raised from Kelvar Capital",
            [("Voyage Harvest", "$52M", None)],
        ),
        # not a field of a deal's card, not without a rank, and not a ranking of anything else: the item's
        # own story says the amount was raised
        ("2. Revenue: $52M", []),
        ("Voyage Harvest: $52M", []),
        ("6. Voyage Harvest: $52M", []),
        ("Funding by sector. 1. Fintech: $4.1B. 2. Healthcare: $3.2B. 3. Climate: $2.5B.", []),
        # each subject of a list, a place's adjective before its description ('Moroccan prop-tech startup')
        (
            "Egyptian fintech startup Flashly raising $6 million, Moroccan prop-tech startup Agenzo raising "
            "$1.3 million and Kenyan startup Kacora raising $2 million.",
            [
                ("Flashly", "$6 million", None),
                ("Agenzo", "$1.3 million", None),
                ("Kacora", "$2 million", None),
            ],
        ),
        # a corporate form alone names no one ('Prosper fintech Limited' holds a lower-case word)
        (
            "Kuda Bank raised $25 million in March, Prosper fintech Limited raised $3.8 million in May.",
            [("Kuda Bank", "$25 million", None)],
        ),
    ],
)
def test_timelines_ranked_items_and_lists(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals


def test_a_release_of_a_company_listed_twice_closes_a_post_ipo_round() -> None:
    release = (
        "Kelvar Mining Inc. (TSXV: KLV; OTCQX: KLVMF) is pleased to announce that it has closed its "
        "previously-announced non-brokered private placement for aggregate gross proceeds of $2,880,024."
    )
    assert read_deals(release) == [("Kelvar Mining", "$2,880,024", "post_ipo")]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # a list's amounts raised by their owners, the verb said once or for each
        (
            "The deals include $6 billion raised by Orvane, $1.1 billion raised by Kelvar, $1 billion by "
            "Brimwell and $900 million by Quenby Therapeutics.",
            [
                ("Orvane", "$6 billion", None),
                ("Kelvar", "$1.1 billion", None),
                ("Brimwell", "$1 billion", None),
                ("Quenby Therapeutics", "$900 million", None),
            ],
        ),
        # a place between a name and its deal in brackets
        (
            "Other deals include Quorra from Berlin ($60M Series B) and Ilex Health ($12M seed).",
            [("Quorra", "$60M", "series_b"), ("Ilex Health", "$12M", "seed")],
        ),
        # a raise is its raiser's ('an investment by' names the investor, below)
        (
            "The region also saw two megadeals: a $1.1 billion raise by Kelvar Motors and a $1 billion raise "
            "by Brimwell.",
            [("Kelvar Motors", "$1.1 billion", None), ("Brimwell", "$1 billion", None)],
        ),
        # a bracketed list of companies with their amounts, in a sentence about money raised
        (
            "Notable are capital infusions for health AI (Orvane AI $126M, Kelvar multiple rounds totaling "
            ">$400M), and infrastructure (Brimwell $480M, Quenby Cloud $250M).",
            [("Orvane AI", "$126M", None), ("Brimwell", "$480M", None), ("Quenby Cloud", "$250M", None)],
        ),
        # not of earnings or worth
        ("The top earners (Orvane $100B, Kelvar $80B) led the index of investment firms.", []),
        # 'by' an investor, no verb said: no list of owners
        ("A $5 million investment by Kestrel and a $3 million investment by Harrow went to Quenby.", []),
        # each subject with what it is, set off by commas, and its own verb
        (
            "Dash0, a monitoring challenger, raised a $9.5 million seed round, and Transaera, a company "
            "working on dehumidifiers, raised $8.2 million in seed funding.",
            [("Dash0", "$9.5 million", "seed"), ("Transaera", "$8.2 million", "seed")],
        ),
    ],
)
def test_lists_of_deals_in_one_sentence(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # a ranking's entry: rank, company, amount, what it does, then its story
        (
            "2. Kelvar Cloud, $1.1B, artificial intelligence: Another big AI-related funding round.",
            [("Kelvar Cloud", "$1.1B", "venture")],
        ),
        ("3. (tied) Brimwell AI, $1B, artificial intelligence", [("Brimwell AI", "$1B", None)]),
        # the entry's company, not the one its story names first
        (
            "1. Orvane, $2.3B, AI coding: Coding platform Quillpad and parent company Orvane raised a $2.3 "
            "billion Series D.",
            [("Orvane", "$2.3B", "series_d")],
        ),
        # a figure's label is no company
        ("1. Revenue, $5M, up 20% on the year", []),
    ],
)
def test_a_rankings_entries(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    ("headline", "company"),
    [
        # a headline's investor, its verb, then the company it backs: the round is the company's
        ("Sequoia Leads Quenby $5M Seed Round", "Quenby"),
        ("Nvidia Backs Quenby In $50M Series B", "Quenby"),
        ("Andreessen Horowitz Co-Leads Ostrel Labs $20M Series A", "Ostrel Labs"),
        ("Microsoft Joins Quenby’s $50M Round", "Quenby"),
        # joining what is no company's round
        ("Pellmore Joins Unicorn Club With $120 Mn Series E Round", "Pellmore"),
        # betting on a company with the money
        ("Accel Bets On Fernlo With $12M Seed Round", "Fernlo"),
    ],
)
def test_a_headlines_backer_is_not_the_company(headline: str, company: str) -> None:
    assert [deal[0] for deal in read_deals(headline)] == [company]


@pytest.mark.parametrize(
    ("headline", "not_the_company"),
    [
        # what follows the verb is no company: a crowd, an adverb, a place, a product
        ("Tiger Global Leads Pack Of Investors In $100M Round", "Pack Of Investors"),
        ("Sequoia Leads Again As Quenby Raises $30M", "Again As Quenby"),
        ("Tesla Doubles Down On Robotaxis, Raises $5B", "Robotaxis"),
    ],
)
def test_what_a_headline_backs_may_be_no_company(headline: str, not_the_company: str) -> None:
    assert not_the_company not in [deal[0] for deal in read_deals(headline)]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # a round yet to close is raised as a whole, in fresh or new funds (not into a new fund)
        (
            "Flipkart is in talks to raise a total of $1 billion in fresh funds.",
            [("Flipkart", "$1 billion", None)],
        ),
        # ('new funds' may be an investment firm's: 'Hargrove Partners raised $300 million in new funds')
        ("Hargrove Partners raised $300 million in new funds.", []),
        ("Kestrel closed $650 million for its new fund.", []),
        ("Quenby has raised a total of $40 million to date.", []),
    ],
)
def test_a_total_to_raise_and_fresh_funds(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # the subject of two verbs, the second a raise
        ("Quenby opened an office in Paris and raised $5 million.", [("Quenby", "$5 million", None)]),
        (
            "Taiwanese aquaculture developer Nerida (OTC:NRDA) uplisted its shares to Nasdaq and held a "
            "$6.6M initial public offering on Thursday.",
            [("Nerida", "$6.6M", "ipo")],
        ),
        # a lead-in of its own before the company that debuted
        (
            "During one of the slowest IPO years in memory, cancer drug developer Corvalis Ltd. debuted on "
            "Nasdaq, raising $9.65 million.",
            [("Corvalis", "$9.65 million", "ipo")],
        ),
        # the money a sale brought in
        ("Ostrel sold its chip business to Intel and raised $150 million.", []),
        # two companies together, an investor's fund: no one company's round
        ("Quenby and Ostrel raised $5 million.", []),
        ("Sequoia backed Quenby last year and raised a $2 billion fund.", []),
    ],
)
def test_the_subject_of_a_raise_after_another_verb(
    sentence: str, deals: list[tuple[str, str, str | None]]
) -> None:
    assert read_deals(sentence) == deals


def test_a_size_in_words_in_pounds_or_euros() -> None:
    sentence = (
        "The quarter was driven by a billion-pound funding round for the data centre platform Greyscale."
    )
    assert read_deals(sentence) == [("Greyscale", "billion-pound", "venture")]
    assert [(m.value, m.currency, m.is_floor) for m in find_money("a million-euro seed round")] == [
        (Decimal(10**6), "EUR", True)
    ]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # an investor pumps or pours money into the company (an Indian sum in crore goes 'into' it too)
        ("Hero pumps another 420 cr into Ather, as rivals scale up.", [("Ather", "420 cr", None)]),
        ("SoftBank pours $500M into Quenby", [("Quenby", "$500M", None)]),
        ("Sequoia has pumped $20 million into Quenby.", [("Quenby", "$20 million", None)]),
        # money pumped into a plant or into marketing is spent, not raised
        ("The company pumped $20 million into a new factory in Ohio.", []),
        ("Quenby pumps $5 million into marketing.", []),
    ],
)
def test_money_pumped_into_a_company(sentence: str, deals: list[tuple[str, str, str | None]]) -> None:
    assert read_deals(sentence) == deals
