"""Deal mentions in prose: which sentences state a deal, and the company, round, money and investors read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assets.parsing.mentions import DealMention, Method
from assets.parsing.newsletter import markdown_paragraphs
from assets.parsing.prose import extract_prose_mentions, mention_from_clause, resolve_short_names
from schemas.vocabulary import EARLIER_UNDATED


def facts(mention: DealMention) -> dict[str, Any]:
    """The extracted facts of a mention, without provenance."""
    return {
        "company": mention.company,
        "round": mention.round_text,
        "amount": mention.amount,
        "valuation": mention.valuation,
        "announced": mention.announced,
        "lead_investors": mention.lead_investors,
        "investors": mention.investors,
    }


def deal(
    company: str,
    round_slug: str | None = None,
    amount: str | None = None,
    valuation: str | None = None,
    announced: str | None = None,
    leads: tuple[str, ...] = (),
    others: tuple[str, ...] = (),
) -> dict[str, Any]:
    return {
        "company": company,
        "round": round_slug,
        "amount": amount,
        "valuation": valuation,
        "announced": announced,
        "lead_investors": list(leads),
        "investors": [*leads, *others],
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Korvath Labs raised a $100M Seed round led by Accel and Spark Capital at a $400M valuation.",
            deal("Korvath Labs", "seed", "$100M", "$400M", leads=("Accel", "Spark Capital")),
        ),
        (
            "Tessellate, the company behind the Weave serving engine, launched with a $150M seed round led "
            "by a16z and Lightspeed, valuing it at $800M.",
            deal("Tessellate", "seed", "$150M", "$800M", leads=("a16z", "Lightspeed")),
        ),
        (
            "Last month the Quill maintainers spun out as Quillworks, securing a $400M valuation in a round "
            "led by Accel.",
            deal("Quillworks", valuation="$400M", announced="Last month", leads=("Accel",)),
        ),
        (
            "Berlin-based Nordwind secures €40 million Series B.",
            deal("Nordwind", "series_b", "€40 million"),
        ),
        (
            "Pallas raised $60M in a Series A co-led by Benchmark and Greylock, with participation from "
            "Sequoia and SV Angel.",
            deal(
                "Pallas", "series_a", "$60M", leads=("Benchmark", "Greylock"), others=("Sequoia", "SV Angel")
            ),
        ),
        (
            "Helix Robotics announced a $30M Series A round led by Founders Fund, alongside Y Combinator.",
            deal("Helix Robotics", "series_a", "$30M", leads=("Founders Fund",), others=("Y Combinator",)),
        ),
        (
            "Agents are sold as infrastructure: Lumenfield's $950M round, at a valuation of $15B+, buys a "
            "platform that enterprises build on.",
            deal("Lumenfield", amount="$950M", valuation="$15B+"),
        ),
        (
            "Skyforge raised a $75M Series B on May 4, 2026, led by Thrive Capital.",
            deal("Skyforge", "series_b", "$75M", announced="May 4, 2026", leads=("Thrive Capital",)),
        ),
        (
            "On May 4, 2026, Skyforge raised a $75M Series B led by Thrive Capital.",
            deal("Skyforge", "series_b", "$75M", announced="May 4, 2026", leads=("Thrive Capital",)),
        ),
        (
            "Tidewell raised $12M in a seed round on 2026-03-09.",
            deal("Tidewell", "seed", "$12M", announced="2026-03-09"),
        ),
        (
            "Cindral Systems raised $3.5B in its IPO at a $26.6B valuation, a sign that public investors "
            "will back a challenger.",
            deal("Cindral Systems", "ipo", "$3.5B", "$26.6B"),
        ),
        (
            "Ferrow raised $300M in a Series E that values the inference platform at $5B.",
            deal("Ferrow", "series_e", "$300M", "$5B"),
        ),
        (
            "Fintech startup Paywise raised $18M in a Series A led by Ribbit Capital.",
            deal("Paywise", "series_a", "$18M", leads=("Ribbit Capital",)),
        ),
        (
            "Helix Robotics, a San Francisco startup, raised $30M.",
            deal("Helix Robotics", amount="$30M"),
        ),
        (
            "Meanwhile, Ostrava AI landed £12.5 million in seed financing.",
            deal("Ostrava AI", "seed", "£12.5 million"),
        ),
        (
            "Dravik raised $20M at a $100M post-money valuation.",
            deal("Dravik", amount="$20M", valuation="$100M"),
        ),
        (
            "Dravik, now worth $1B, raised $200M in a Series C.",
            deal("Dravik", "series_c", "$200M", "$1B"),
        ),
        (
            "Dravik raised $20M in a Series A, bringing its total funding to $50M.",
            deal("Dravik", "series_a", "$20M"),
        ),
        ("xAI-style lab Zenit raised $6B.", deal("Zenit", amount="$6B")),
        ("eTrava raised $6M in a seed round.", deal("eTrava", "seed", "$6M")),
    ],
)
def test_sentence_with_one_deal(sentence: str, expected: dict[str, Any]) -> None:
    (mention,) = extract_prose_mentions([sentence])

    assert facts(mention) == expected
    assert mention.method is Method.PROSE
    assert mention.locator == "p[0]/s[0]"
    assert mention.snippet == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # Market sizes, revenue, spending.
        "The AI inference market will reach $250B by 2030.",
        "Korvath Labs reported $40M in annual revenue last year.",
        "Korvath Labs hit $100M ARR this spring.",
        "Cloud providers spent well over $100B on AI hardware last year.",
        "Nvidia spent $50B on capex.",
        # Fund sizes: the firm raised a fund, no company raised a round.
        "Sequoia closed a $950M fund for early-stage companies.",
        "Lightspeed raised a $7B fund for growth-stage companies.",
        "Index Ventures announced a new $2.3 billion fund.",
        # Quarterly and aggregate totals.
        "Venture investors put $297B to work in Q1, the largest quarter on record.",
        "AI startups raised $297B in Q1.",
        "Startups raised $40B in the first quarter of 2026.",
        "We tracked 25 AI infrastructure deals totaling $10.64B over the year.",
        "Venture capital reached $297B in the first quarter.",
        # No money at all, and no round taken as news (a past year: 'in 2023').
        "Korvath Labs raised its Series A in 2023 and grew 81% since.",
        "Issue #797 covers H100 supply.",
        # Money, but no company as subject.
        "It raised $20M in a Series A.",
        "The startup raised $20M in a Series A.",
        "Investors poured $297B into startups in Q1.",
        # Money without a deal verb, round or funding noun.
        "The subscription costs $0 a month.",
        "",
    ],
)
def test_sentence_that_states_no_deal(sentence: str) -> None:
    assert extract_prose_mentions([sentence]) == []


def test_a_round_taken_with_no_amount_is_a_deal_of_unknown_size() -> None:
    [mention] = extract_prose_mentions(["Korvath Labs raised a seed round led by Accel."])
    assert (mention.company, mention.amount, mention.round_text) == ("Korvath Labs", "undisclosed", "seed")
    assert mention.lead_investors == ["Accel"]


def test_two_deals_joined_by_while() -> None:
    sentence = "Orrin raised $20M in a seed round, while Vexa closed a $45M Series A led by Index Ventures."

    mentions = extract_prose_mentions([sentence])

    assert [facts(m) for m in mentions] == [
        deal("Orrin", "seed", "$20M"),
        deal("Vexa", "series_a", "$45M", leads=("Index Ventures",)),
    ]
    assert [m.locator for m in mentions] == ["p[0]/s[0]/c[0]", "p[0]/s[0]/c[1]"]
    assert [m.snippet for m in mentions] == [sentence, sentence]
    assert [m.context for m in mentions] == [
        "Orrin raised $20M in a seed round",
        "Vexa closed a $45M Series A led by Index Ventures.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Orrin raised $5M; Vexa raised $10M.",
        "Orrin raised $5M, and Vexa raised $10M.",
        "Orrin raised $5M whereas Vexa closed $10M.",
    ],
)
def test_two_deals_in_one_sentence_other_joiners(sentence: str) -> None:
    mentions = extract_prose_mentions([sentence])

    assert [(m.company, m.amount) for m in mentions] == [("Orrin", "$5M"), ("Vexa", "$10M")]


def test_locators_count_paragraphs_and_sentences() -> None:
    paragraphs = [
        "Nothing to see here. Orrin raised $20M in a seed round.",
        "The market will reach $250B by 2030.",
        "Vexa closed a $45M seed round. Tidewell raised $12M.",
    ]

    mentions = extract_prose_mentions(paragraphs, prefix="m[1]/p")

    assert [(m.locator, m.company) for m in mentions] == [
        ("m[1]/p[0]/s[1]", "Orrin"),
        ("m[1]/p[2]/s[0]", "Vexa"),
        ("m[1]/p[2]/s[1]", "Tidewell"),
    ]


def test_mention_from_clause_keeps_locator_and_snippet() -> None:
    mention = mention_from_clause("Orrin raised $20M in a seed round", "p[3]/s[1]/c[0]", "whole sentence")

    assert mention is not None
    assert (mention.locator, mention.snippet, mention.context) == (
        "p[3]/s[1]/c[0]",
        "whole sentence",
        "Orrin raised $20M in a seed round",
    )
    assert facts(mention) == deal("Orrin", "seed", "$20M")


@pytest.mark.parametrize(
    "clause",
    [
        "Sequoia closed a $950M fund",
        "$297B in Q1 went to AI",
        "Orrin raised a seed round in 2021",
        "Orrin grew 81%",
    ],
)
def test_mention_from_clause_none_for_non_deals(clause: str) -> None:
    assert mention_from_clause(clause, "p[0]/s[0]", clause) is None


def test_existing_investors_are_not_names() -> None:
    (mention,) = extract_prose_mentions(["Orrin raised $5M led by Accel, Index and existing investors."])

    assert mention.lead_investors == ["Accel", "Index"]
    assert mention.investors == ["Accel", "Index"]


# ---- subjects: datelines, bullets, descriptors, appositives, role nouns ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        # Press-release datelines before the company.
        (
            "DENVER, Colo., April 2, 2026 /PRNewswire/ -- Quarrel Labs, a maker of code search tools, "
            "today announced it has raised $22 million in Series A funding.",
            "Quarrel Labs",
        ),
        (
            "LYON, France--(BUSINESS WIRE)--Ferrolight SAS, a developer of laser welding systems, today "
            "announced a €9 million seed round.",
            "Ferrolight",
        ),
        (
            'GDAŃSK, Poland, May 5, 2026 (GLOBE NEWSWIRE) -- Morska AI, Inc. ("Morska"), a maritime '
            "analytics company, today announced a $15 million Series A.",
            "Morska AI",
        ),
        # Bullets and list numbering.
        ("* Tindra closed a $4M seed round.", "Tindra"),
        ("• Tindra closed a $4M seed round.", "Tindra"),
        ("— Tindra closed a $4M seed round.", "Tindra"),
        ("3) Tindra closed a $4M seed round.", "Tindra"),
        # Descriptors and role nouns before the name.
        ("Lisbon's Corvalho Systems raised €8 million in a seed round.", "Corvalho Systems"),
        ("Mexico City-based Pagonorte raised $11M in a Series A.", "Pagonorte"),
        ("Solar inverter maker Brightfold closed a $30M Series B.", "Brightfold"),
        (
            "Fellow chip designer Vantablock, which went public in 2023, raised $200M in a follow-on "
            "offering.",
            "Vantablock",
        ),
        ("Its competitor Halden Care raised $18 million in a Series A on Tuesday.", "Halden Care"),
        ("Rival Osprey Freight raised $40 million in a Series C.", "Osprey Freight"),
        ("In Nairobi, Jengapay, a mobile lending app, raised $6M in seed funding.", "Jengapay"),
        # Appositives, with commas inside.
        (
            "Tessel Robotics, a maker of warehouse arms with plants in Ohio and Ontario, said on Friday it "
            "had raised $60 million.",
            "Tessel Robotics",
        ),
        (
            "Breckle Inc., a Seattle developer of grid batteries, today announced it has raised $35M.",
            "Breckle",
        ),
        (
            "Employees of Norvane, which sells tax software, sold $80 million of shares in a tender offer.",
            "Norvane",
        ),
        ("Meanwhile, Danish wind startup Havbro said it had raised €40 million.", "Havbro"),
        # Accented capitals start names too.
        ("Ørsted Labs raised €12 million in a Series A.", "Ørsted Labs"),
        ("Élan Biotech closed a €20 million Series B.", "Élan Biotech"),
    ],
)
def test_company_behind_subject_words(sentence: str, company: str) -> None:
    (mention,) = extract_prose_mentions([sentence])

    assert mention.company == company


@pytest.mark.parametrize(
    "sentence",
    [
        "Startups in Europe raised $12B in February, according to Dealroom.",
        "Singapore's startups raised S$1.4 billion last year.",
        "The median pre-seed round size in 2025 was $1.2M.",
        "AI chip startups alone raised $9 billion in 2025.",
        "European startups took $3 billion across 120 rounds last week.",
    ],
)
def test_subjects_that_name_no_company(sentence: str) -> None:
    assert extract_prose_mentions([sentence]) == []


# ---- money that is not a raise ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "amount", "valuation"),
    [
        # Per-unit prices, ranges and conversions in brackets.
        ("Kestrio priced its IPO at $24 per share, raising $480 million.", "$480 million", None),
        ("Kestrio priced its IPO above the $19 to $21 range, raising $480 million.", "$480 million", None),
        ("Yamabiko raised ¥3 billion (about $20 million) in a Series B.", "¥3 billion", None),
        ("Pranala raised ₹300 crore (US$36 million) in a Series C round.", "₹300 crore", None),
        # Acquisition prices in the same sentence as a raise.
        ("Driftwell raised $50M in a Series C and bought Lumo for $12 million.", "$50M", None),
        # A valuation said as 'worth', and the size of a round said as 'worth'.
        ("Dorset AI, now worth $2 billion, raised $300 million.", "$300 million", "$2 billion"),
        ("Dorset AI's Series D, worth $300 million, was led by Accel.", "$300 million", None),
        # A floor stays in the amount text.
        ("Caldera raised more than $200 million in a Series D.", "more than $200 million", None),
        # Valuations as French, Spanish and Portuguese news word them.
        (
            "La start-up Ombrelle a levé 40 millions d'euros, ce qui la valorise à 300 millions d'euros.",
            "40 millions d'euros",
            "300 millions d'euros",
        ),
        ("Cobalto levanta €12M con una valoración de €90M.", "€12M", "€90M"),
        (
            "Cobalto raised the largest round, $60 million at a $900 million value.",
            "$60 million",
            "$900 million",
        ),
        (
            "Jabuti captou US$ 20 milhões e foi avaliada em US$ 150 milhões.",
            "US$ 20 milhões",
            "US$ 150 milhões",
        ),
    ],
)
def test_money_roles_in_a_deal(sentence: str, amount: str | None, valuation: str | None) -> None:
    (mention,) = extract_prose_mentions([sentence])

    assert (mention.amount, mention.valuation) == (amount, valuation)


@pytest.mark.parametrize(
    "sentence",
    [
        "Larkspur was acquired by a hospital group for $310 million.",
        "Globex agreed to buy Larkspur for $400 million in cash.",
        "Larkspur completed the sale of its lab unit for $80 million.",
        "Harrow Capital closed its fifth flagship fund at $650 million.",
        "Harrow Capital closed Growth Fund II at $1.8B, above its $1.5B target.",
        "Harrow Capital raised $650 million for its eighth early-stage fund.",
        "Larkspur raised $140 million from venture investors over its life.",
        "Larkspur drew down $50 million from an existing credit line.",
        "Larkspur's first prototype cost $20 million to build.",
        "Larkspur's software retails for $79 and up.",
        "Larkspur charges $25 an hour for its annotators.",
        "Larkspur brings in $15 million in annualized revenue.",
        "The foundation awarded a $2M grant to Westfield University.",
        "The city announced a $3 billion subsidy programme for heat pumps.",
        # A class of rounds, not one round.
        "Larkspur closed three $50m+ rounds for its clients this year.",
        # A clause that opens by summing up states a total.
        "In total Larkspur netted $900m from backers.",
        # A bracket of other money after a name is an aside, not that name's round.
        "Larkspur built the hit game Tidewell (yearly sales of the title in 2025 — $90 million).",
        # A valuation said with 'was', placed in the past ('previous valuation'): no deal.
        "Larkspur's previous valuation from the March funding round was about $2 billion.",
    ],
)
def test_money_that_is_no_raise(sentence: str) -> None:
    assert extract_prose_mentions([sentence], published=date(2026, 3, 2)) == []


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # A round the text places in a past year is a deal of that year, not dropped, not merged.
        (
            ["Larkspur previously raised a $15 million Series A in 2024."],
            [("$15 million", "series_a", "2024")],
        ),
        (
            ["Competitor Quinta raised a $30M Series B in 2024 and has not raised since."],
            [("$30M", "series_b", "2024")],
        ),
        # 'last year' and 'a year ago' date it to the year before publication; a month is kept.
        (["Pellbrook raised $40 million last year, led by Ashgrove."], [("$40 million", None, "2025")]),
        (["Pellbrook closed a $9M seed round in May 2023."], [("$9M", "seed", "May 2023")]),
        # Beside this year's round: two deals, each with its own date.
        (
            ["Pellbrook raised a $60M Series C on Monday, after a $25M Series B in 2024."],
            [("$60M", "series_c", "Monday"), ("$25M", "series_b", "2024")],
        ),
        # A conversion in brackets does not hide the period after it, and each amount keeps its own
        # round: the later seed is not the earlier deal's.
        (
            [
                "Gorsefield had taken a ¥900 million ($6 million) investment in 2024, before a $15 million "
                "seed round this month."
            ],
            [("$15 million", "seed", "this month"), ("¥900 million", None, "2024")],
        ),
        # A month said alone before the month of publication (March 2026) dates an earlier round of the
        # same year; debt named in its phrase is its round.
        (
            ["Pellbrook raised a $60M Series C, following the $15 million debt it announced in January."],
            [("$60M", "series_c", None), ("$15 million", "debt", "January 2026")],
        ),
        # A past period opening the clause dates what it says.
        (["In 2024, Pellbrook raised a $5 million seed round."], [("$5 million", "seed", "2024")]),
        (["Last year, Pellbrook raised a $5 million seed round."], [("$5 million", "seed", "2025")]),
        # The month before publication is news still: it dates the deal, which stays the clause's deal;
        # a month said alone dates raises, not valuations.
        (
            # (the Series B before it is a deal of its own, which the text does not date: its date stays
            # empty, not the page's)
            ["Pellbrook closed a $60M Series C in February, a year after its $25M Series B."],
            [("$60M", "series_c", "February 2026"), ("$25M", "series_b", EARLIER_UNDATED)],
        ),
        (
            ["Pellbrook raised a $9M seed in 2025, then a $30M Series A at a $200M valuation in January."],
            [("$30M", "series_a", "January 2026"), ("$9M", "seed", "2025")],
        ),
        # An undated round of the past ('previously') is a deal of its own whose date stays empty; a past
        # valuation states no deal.
        (["Pellbrook previously raised $20 million from angels."], [("$20 million", None, EARLIER_UNDATED)]),
        (["Pellbrook was valued at $300 million in 2024."], []),
    ],
)
def test_each_round_of_a_funding_history_is_its_own_deal(
    sentences: list[str], expected: list[tuple[str, str | None, str]]
) -> None:
    mentions = extract_prose_mentions(sentences, published=date(2026, 3, 2))

    found = [(m.amount, m.round_text, m.announced) for m in mentions]
    assert found == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # A participle set off by commas after a role noun still points back to the company named before.
        (
            [
                "Ostravel raised $30M in a Series B.",
                "The mapping group, founded in 2019, raised $8M last year.",
            ],
            ("Ostravel", "$8M", None, "2025"),
        ),
        # 'emerged from stealth with' states a deal as 'emerged with' does.
        (
            ["- Kidney biotech Pallamund Bio emerged from stealth with a $64 million Series A financing."],
            ("Pallamund Bio", "$64 million", "series_a", None),
        ),
        # A secondary sale of shares is a round of its own, not the sale of the company.
        (
            ["Brevato completed its $700M secondary share sale at a valuation of $9bn."],
            ("Brevato", "$700M", "secondary", None),
        ),
        # A headline without a verb: the company is in talks for the amount, a reported round.
        (
            ["Drone maker Skyvale in talks for over $300 million in financing"],
            ("Skyvale", "over $300 million", None, None),
        ),
        # A private equity investment named after its amount, with the company it went to.
        (
            ["Big deal: the $75-million private equity investment in Corvane.io, a Lisbon insurer."],
            ("Corvane.io", "$75-million", "private_equity", None),
        ),
        # A listing that states only its shares and their price raises their product.
        (["Orvane sold 10 million shares at $18 each in its IPO."], ("Orvane", "$180,000,000", "ipo", None)),
        (
            ["In its IPO, Orvane is selling 20 million shares of its common stock at $19 each."],
            ("Orvane", "$380,000,000", "ipo", None),
        ),
        (
            ["Orvane sold 1,500,000 shares at €4.50 each in a registered direct offering."],
            ("Orvane", "€6,750,000", "post_ipo", None),
        ),
    ],
)
def test_deal_sentences_as_news_writes_them(sentences: list[str], expected: tuple) -> None:
    mention = extract_prose_mentions(sentences, published=date(2026, 3, 2))[-1]

    assert (mention.company, mention.amount, mention.round_text, mention.announced) == expected


def test_a_round_of_this_year_is_not_history() -> None:
    (mention,) = extract_prose_mentions(["Larkspur raised $40M in 2026."], published=date(2026, 3, 2))

    assert mention.amount == "$40M"


# ---- rounds and investors as prose says them ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Marlow Bio received a $2 million grant from the National Health Trust to test its assay.",
            deal("Marlow Bio", "grant", "$2 million", others=("National Health Trust",)),
        ),
        (
            "Marlow Bio has been awarded a €1.5 million grant by the regional innovation agency.",
            deal("Marlow Bio", "grant", "€1.5 million"),
        ),
        (
            "Kiteline took a $25M growth round from Fernhill Growth on June 3.",
            deal("Kiteline", "growth", "$25M", announced="June 3", others=("Fernhill Growth",)),
        ),
        (
            "Kiteline grabbed $8M in seed money from Brook Lane Ventures and angel Sara Ito.",
            deal("Kiteline", "seed", "$8M", others=("Brook Lane Ventures", "Sara Ito")),
        ),
        (
            "Kiteline closed a $3M angel round from a group of founders led by Jonas Berg.",
            deal("Kiteline", "angel", "$3M", leads=("Jonas Berg",)),
        ),
        (
            "Kiteline raised $5.5M in seed funding led by Ashgrove Ventures, with angel Mei Lin also "
            "investing.",
            deal("Kiteline", "seed", "$5.5M", leads=("Ashgrove Ventures",), others=("Mei Lin",)),
        ),
        (
            "Kiteline raised $22M in a Series A at a $120M post-money valuation from Ashgrove Ventures and "
            "Pell Partners, who co-led.",
            deal("Kiteline", "series_a", "$22M", "$120M", leads=("Ashgrove Ventures", "Pell Partners")),
        ),
        (
            "Kiteline raised $40M in a Series B co-led by Thornbury Capital (TBC) and Ashgrove.",
            deal("Kiteline", "series_b", "$40M", leads=("Thornbury Capital", "Ashgrove")),
        ),
        (
            "Kiteline secured a $12 million Series A extension from Oakmere Partners, the Dutch investor.",
            deal("Kiteline", "series_a", "$12 million", others=("Oakmere Partners",)),
        ),
        (
            "Kiteline closed a $100 million revolving credit facility from a syndicate of banks led by "
            "Northbank.",
            deal("Kiteline", "debt", "$100 million", leads=("Northbank",)),
        ),
        (
            "Kiteline closed a $60 million debt facility with Harwell Bank and Ostmark Credit.",
            deal("Kiteline", "debt", "$60 million", others=("Harwell Bank", "Ostmark Credit")),
        ),
        (
            "Kiteline completed a $90 million tender offer for employees at a $2 billion valuation, led by "
            "Fernhill Growth.",
            deal("Kiteline", "secondary", "$90 million", "$2 billion", leads=("Fernhill Growth",)),
        ),
        (
            "Staff of Kiteline sold $40 million of shares in a secondary sale to Fernhill Growth and Pell "
            "Partners.",
            deal("Kiteline", "secondary", "$40 million", others=("Fernhill Growth", "Pell Partners")),
        ),
        (
            "Kiteline raised £1 million through equity crowdfunding last week.",
            deal("Kiteline", "crowdfunding", "£1 million", announced="last week"),
        ),
        (
            "Kiteline, a chipmaker that listed last year, raised $150 million in a follow-on offering.",
            deal("Kiteline", "post_ipo", "$150 million"),
        ),
        (
            "Kiteline raised $6M from angel investors including Ruth Abara; the round was not named.",
            deal("Kiteline", amount="$6M", others=("Ruth Abara",)),
        ),
        (
            "Kiteline has raised an undisclosed Series A led by Brook Lane Ventures.",
            deal("Kiteline", "series_a", "undisclosed", leads=("Brook Lane Ventures",)),
        ),
        (
            "Kiteline, a maker of drone software, is now valued at $700M after a new round led by Pell "
            "Partners.",
            deal("Kiteline", valuation="$700M", leads=("Pell Partners",)),
        ),
        (
            "Separately, rival Kiteline secured a $1 billion valuation in a round led by Pell Partners.",
            deal("Kiteline", valuation="$1 billion", leads=("Pell Partners",)),
        ),
    ],
)
def test_rounds_and_investors(sentence: str, expected: dict[str, Any]) -> None:
    (mention,) = extract_prose_mentions([sentence])

    assert facts(mention) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Sterling Peak invested $700 million for a majority stake in Quillfort at a $2 billion "
            "valuation.",
            deal("Quillfort", amount="$700 million", valuation="$2 billion", leads=("Sterling Peak",)),
        ),
        (
            "Harrow Capital led a $30 million round in Tessaline.",
            deal("Tessaline", amount="$30 million", leads=("Harrow Capital",)),
        ),
        (
            "Harrow Capital and Bay Point have invested $30 million in Tessaline, a payroll startup.",
            deal("Tessaline", amount="$30 million", others=("Harrow Capital", "Bay Point")),
        ),
    ],
)
def test_investor_as_subject(sentence: str, expected: dict[str, Any]) -> None:
    (mention,) = extract_prose_mentions([sentence])

    assert facts(mention) == expected


# ---- sentences holding several deals, lists and brackets ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Robotics had a busy week: Gearwick raised $30M in a Series B, Tallow Arm took $9M in seed money "
            "and Pivotry closed a $120M Series C co-led by Ashgrove and Pell Partners.",
            [
                deal("Gearwick", "series_b", "$30M"),
                deal("Tallow Arm", "seed", "$9M"),
                deal("Pivotry", "series_c", "$120M", leads=("Ashgrove", "Pell Partners")),
            ],
        ),
        (
            "Two battery startups closed seed rounds: Voltmere took $4M led by Ashgrove, and Cellwise raised "
            "€3M from Brook Lane Ventures.",
            [
                deal("Voltmere", "seed", "$4M", leads=("Ashgrove",)),
                deal("Cellwise", "seed", "€3M", others=("Brook Lane Ventures",)),
            ],
        ),
        (
            "Also this week: Quorra ($60M Series B led by Pell Partners), Ilex Health ($12M seed from "
            "Ashgrove) and Tovi (a $5M round; investors not disclosed).",
            [
                deal("Quorra", "series_b", "$60M", leads=("Pell Partners",)),
                deal("Ilex Health", "seed", "$12M", others=("Ashgrove",)),
                deal("Tovi", amount="$5M"),
            ],
        ),
        (
            "Moraine Power said on Tuesday it had raised $900M: a $600M credit facility led by Harwell Bank "
            "and a $300M Series C led by Pell Partners at a $2.2bn valuation.",
            [
                deal("Moraine Power", "debt", "$600M", announced="Tuesday", leads=("Harwell Bank",)),
                deal(
                    "Moraine Power",
                    "series_c",
                    "$300M",
                    "$2.2bn",
                    announced="Tuesday",
                    leads=("Pell Partners",),
                ),
            ],
        ),
        (
            "Harrow Capital's first check from its new fund: a $7M seed round for Lumeo, a freight software "
            "startup, announced on Thursday.",
            [deal("Lumeo", "seed", "$7M", announced="Thursday", others=("Harrow Capital",))],
        ),
        (
            "Fintech startups Quillpay and Brassa raised $12M and $30M respectively, in a seed and a "
            "Series A.",
            [deal("Quillpay", "seed", "$12M"), deal("Brassa", "series_a", "$30M")],
        ),
        (
            "Networking: Lattice Nine raised $200M to build optical switches.",
            [deal("Lattice Nine", amount="$200M")],
        ),
    ],
)
def test_sentences_with_several_deals(sentence: str, expected: list[dict[str, Any]]) -> None:
    assert [facts(m) for m in extract_prose_mentions([sentence])] == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "Orvella — $300 million Series D at a $4 billion valuation.",
            deal("Orvella", "series_d", "$300 million", "$4 billion"),
        ),
        ("2. Orvella — $1.5bn", deal("Orvella", amount="$1.5bn")),
        (
            "Orvella — a €9 million seed round from Pell Partners and Ashgrove.",
            deal("Orvella", "seed", "€9 million", others=("Pell Partners", "Ashgrove")),
        ),
        (
            "Orvella (AI security) — $25M Series B, Pell Partners and Ashgrove.",
            deal("Orvella", "series_b", "$25M", others=("Pell Partners", "Ashgrove")),
        ),
        (
            "Orvella — Series C, $80 million, valuing it at $900M.",
            deal("Orvella", "series_c", "$80 million", "$900M"),
        ),
        (
            "Orvella — $4M seed for speech translation, announced yesterday.",
            deal("Orvella", "seed", "$4M", announced="yesterday"),
        ),
    ],
)
def test_list_items_name_then_dash(item: str, expected: dict[str, Any]) -> None:
    (mention,) = extract_prose_mentions([item])

    assert facts(mention) == expected


# ---- what the next sentences add -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Pellham raised $40 million in a Series B. The round was co-led by Ashgrove and Brook Lane "
            "Ventures, with participation from Tern Capital.",
            deal(
                "Pellham",
                "series_b",
                "$40 million",
                leads=("Ashgrove", "Brook Lane Ventures"),
                others=("Tern Capital",),
            ),
        ),
        (
            "Pellham raised $40 million in Series B funding. Ashgrove led the round, and Tern Capital and "
            "Pell Partners participated.",
            deal(
                "Pellham",
                "series_b",
                "$40 million",
                leads=("Ashgrove",),
                others=("Tern Capital", "Pell Partners"),
            ),
        ),
        (
            "Pellham secured a $40M Series B. Ashgrove led; Tern Capital joined.",
            deal("Pellham", "series_b", "$40M", leads=("Ashgrove",), others=("Tern Capital",)),
        ),
        (
            "Pellham raised a $40M Series B. Pellham announced the round on Monday.",
            deal("Pellham", "series_b", "$40M", announced="Monday"),
        ),
        (
            "Pellham closed a MX$500 million Series B. The round values the company at about $200 million.",
            deal("Pellham", "series_b", "MX$500 million", "$200 million"),
        ),
        (
            # Another company's round: neither its date nor its leads are this deal's.
            "Pellham raised $40 million. Rival Quint announced its round on Monday. Quint's round was led by "
            "Ashgrove.",
            deal("Pellham", amount="$40 million"),
        ),
        (
            # Nothing about this deal: other investors' news and a rival's figures stay out.
            "Pellham raised $40 million. Sequoia led the charge into AI this year. Ashgrove invested in Tern "
            "last year.",
            deal("Pellham", amount="$40 million"),
        ),
    ],
)
def test_following_sentences_complete_the_deal(paragraph: str, expected: dict[str, Any]) -> None:
    (mention,) = extract_prose_mentions([paragraph])

    assert facts(mention) == expected


def test_the_company_refers_to_the_company_named_before() -> None:
    paragraphs = [
        "Brackwater Health raised $90 million in a Series D, the company said on Wednesday.",
        "The company also took on $30 million in venture debt from Harwell Bank.",
    ]

    first, second = extract_prose_mentions(paragraphs)

    assert facts(second) == deal(
        "Brackwater Health", "debt", "$30 million", announced="Wednesday", others=("Harwell Bank",)
    )
    assert first.announced == "Wednesday"


def test_a_numbered_heading_names_the_company_of_the_item_below() -> None:
    paragraphs = [
        "4. Quenlight Systems",
        "The chip designer closed a $70M Series B led by Pell Partners on November 4.",
    ]

    (mention,) = extract_prose_mentions(paragraphs)

    assert (mention.company, mention.round_text, mention.announced) == (
        "Quenlight Systems",
        "series_b",
        "November 4",
    )


def test_holders_selling_shares_after_a_listing_state_no_deal() -> None:
    assert extract_prose_mentions(["Insiders sold 2 million shares at $25 each after the IPO."]) == []


def test_an_ipo_pricing_takes_its_proceeds_from_the_next_sentence() -> None:
    paragraph = (
        "Halvorsen Robotics today announced the pricing of its initial public offering of 10,000,000 shares "
        "at $18.00 per share. The gross proceeds from the offering are expected to be approximately $180 "
        "million."
    )

    (mention,) = extract_prose_mentions([paragraph])

    assert (mention.company, mention.round_text, mention.amount) == (
        "Halvorsen Robotics",
        "ipo",
        "$180 million",
    )


@pytest.mark.parametrize(
    ("sentence", "announced"),
    [
        ("Kestral raised $9M in seed funding on Monday.", "Monday"),
        ("Kestral, which makes welding robots, said Tuesday it raised $18 million.", "Tuesday"),
        ("Kestral raised $9M in seed funding yesterday.", "yesterday"),
        ("Kestral closed a $9M seed round last week.", "last week"),
        ("Kestral raised a $9M seed round on December 9.", "December 9"),
        ("Kestral raised a $9M seed round on 2 March 2026.", "2 March 2026"),
        ("Kestral today announced a $9M seed round.", "today"),
    ],
)
def test_date_phrases_are_kept_as_written(sentence: str, announced: str) -> None:
    (mention,) = extract_prose_mentions([sentence])

    assert mention.announced == announced


@pytest.mark.parametrize(
    ("sentences", "companies"),
    [
        # The full name first, then the short one: the short one takes the full name.
        (
            [
                "Opaldune Therapeutics raised a $90 million Series B.",
                "Opaldune also received a $2 million grant from the Kessel Foundation.",
            ],
            ["Opaldune Therapeutics", "Opaldune Therapeutics"],
        ),
        # A headline may shorten the name the story then gives in full: words names end with tell.
        (
            ["Tarsel raises $5M seed", "Tarsel Robotics, a Lyon startup, raised a $5M seed round."],
            ["Tarsel Robotics", "Tarsel Robotics"],
        ),
        # A longer name seen only after the short one is not its full name: a headline run into the text
        # glues the next sentence's first word onto the name ('Tarsel Ombra').
        (
            [
                "Tarsel is in talks to raise up to $300 million.",
                "Kessel in talks for $50mn investment in start-up Tarsel Ombra and Vexa have to map cities.",
            ],
            ["Tarsel", "Tarsel Ombra"],
        ),
    ],
)
def test_short_names_take_the_full_name_the_document_gave_first(
    sentences: list[str], companies: list[str]
) -> None:
    mentions = resolve_short_names(extract_prose_mentions(sentences))

    assert [m.company for m in mentions] == companies


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Brisko raised $45M at $300M post.", deal("Brisko", amount="$45M", valuation="$300M")),
        (
            "Brisko went public in a $1.2 billion IPO that gave it a market value of $9 billion.",
            deal("Brisko", "ipo", "$1.2 billion", "$9 billion"),
        ),
        (
            # A valuation the text places in the past is not this round's.
            "Brisko, which was valued at $2 billion in 2024, raised $100 million at a $3 billion valuation.",
            deal("Brisko", amount="$100 million", valuation="$3 billion"),
        ),
        (
            "Tern Ventures led Brisko's $25 million Series A.",
            deal("Brisko", "series_a", "$25 million", leads=("Tern Ventures",)),
        ),
        (
            "Brisko Inc. (NASDAQ: BRSK) announced the closing of its $50 million follow-on public offering.",
            deal("Brisko", "post_ipo", "$50 million"),
        ),
        (
            # An existing backer is no investor in this round.
            "Brisko, which is backed by Tern Ventures, raised $12 million from Pell Partners.",
            deal("Brisko", amount="$12 million", others=("Pell Partners",)),
        ),
        (
            "Brisko raised an undisclosed amount from Tern Ventures and Pell Partners.",
            deal("Brisko", amount="undisclosed", others=("Tern Ventures", "Pell Partners")),
        ),
        (
            "Brisko is now worth $1 billion after raising $100 million in a Series C.",
            deal("Brisko", "series_c", "$100 million", "$1 billion"),
        ),
        (
            "Brisko — a Berlin startup building payroll tools — raised $5M from Pell Partners.",
            deal("Brisko", amount="$5M", others=("Pell Partners",)),
        ),
        (
            "Brisko Robotics Inc. announced Tuesday it closed a $30 million Series B.",
            deal("Brisko Robotics", "series_b", "$30 million", announced="Tuesday"),
        ),
    ],
)
def test_more_ways_to_state_a_deal(sentence: str, expected: dict[str, Any]) -> None:
    (mention,) = extract_prose_mentions([sentence], published=date(2026, 3, 2))

    assert facts(mention) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Globex closed the acquisition of Brisko for an undisclosed sum.",
        "Brisko announced an undisclosed partnership with Globex.",
        "Brisko, Tallow and Quinn raised a combined $60 million.",
    ],
)
def test_undisclosed_or_combined_money_that_is_no_deal(sentence: str) -> None:
    assert extract_prose_mentions([sentence]) == []


@pytest.mark.parametrize(
    ("sentence", "company", "amount"),
    [
        # The owner of a round named before the verb.
        ("The latest funding round of Corvane, a Oslo robotics startup, has raised $44M.", "Corvane", "$44M"),
        # An absolute phrase: the name after ', with'.
        (
            "Robotics kept its lead this month, with startup Pellwick securing $18 million.",
            "Pellwick",
            "$18 million",
        ),
        # A relative clause hangs off the name its description sets off, even after a preposition.
        ("The month was led by Tarnwell, a grocery app that raised $35 million.", "Tarnwell", "$35 million"),
        # A name set off by a dash, then a pronoun for it.
        ("Among the exits was Pellwick — it received $12 million from Tern.", "Pellwick", "$12 million"),
        # British agreement: a company takes a plural verb.
        ("Corvane are in talks with two funds to raise up to $50M.", "Corvane", "up to $50M"),
        # A person's company with a role noun after it; 'the company' points back to it.
        (
            "Mira Osei's Quellon startup is valued at $900M after the company raised $80M in a Series B.",
            "Quellon",
            "$80M",
        ),
    ],
)
def test_subjects_of_ordinary_news_sentences(sentence: str, company: str, amount: str) -> None:
    (mention,) = extract_prose_mentions([sentence], published=date(2026, 3, 2))

    assert (mention.company, mention.amount) == (company, amount)


def test_a_place_or_a_plural_before_a_relative_clause_is_no_company() -> None:
    sentences = ["Startups in Lagos, which raised $90 million this month, hired fast."]

    assert extract_prose_mentions(sentences, published=date(2026, 3, 2)) == []


@pytest.mark.parametrize(
    ("sentence", "amount", "valuation"),
    [
        # A range is its low end, as a floor, with the range's unit.
        ("Dunmere is raising $300–$350 million in new funding.", "at least $300 million", None),
        ("Dunmere is raising $300-350 million in new funding.", "at least $300 million", None),
        ("Dunmere has discussed raising between $2 billion and $3 billion.", "at least $2 billion", None),
        (
            "Dunmere raised $90M in a round valuing it from $1 billion to $1.2 billion.",
            "$90M",
            "at least $1 billion",
        ),
    ],
)
def test_a_range_is_a_floor_at_its_low_end(sentence: str, amount: str, valuation: str | None) -> None:
    (mention,) = extract_prose_mentions([sentence], published=date(2026, 3, 2))

    assert (mention.amount, mention.valuation) == (amount, valuation)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dunmere set its IPO price at $17 to $19 per share.",
        "Harrow Capital sold stakes worth $1.8-1.9 billion in Dunmere and Pellwick.",
    ],
)
def test_price_ranges_and_stakes_sold_are_no_raise(sentence: str) -> None:
    mentions = extract_prose_mentions([sentence], published=date(2026, 3, 2))

    assert [(m.amount, m.valuation) for m in mentions if m.amount or m.valuation] == []


def test_a_foreign_preposition_opening_a_sentence_is_no_company() -> None:
    # 'En 2025, les start-up ...' names a year and a group, not a company.
    assert (
        extract_prose_mentions(["En 2025, les jeunes pousses bretonnes ont levé 900 millions d'euros."]) == []
    )


def test_a_headline_in_talks_is_a_reported_round() -> None:
    (mention,) = extract_prose_mentions(["Drone maker Skyvale in talks for over $300 million in financing"])

    assert (mention.company, mention.status) == ("Skyvale", "reported")


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # An opener ('Derrière,') before a name and its description set off by commas.
        (
            ["Derrière, Ombrelle, spécialiste lyonnais du stockage, a levé 45 millions d'euros."],
            ("Ombrelle", "45 millions d'euros"),
        ),
        # 'l'entreprise ...' and 'a companhia' point back to the company named before.
        (
            [
                "Verdanne a levé 5 millions d'euros en janvier.",
                "Par ailleurs, l'entreprise spécialisée dans les capteurs a bouclé un tour de table de "
                "20 millions d'euros.",
            ],
            ("Verdanne", "20 millions d'euros"),
        ),
        (
            ["Tucano captou US$ 4 milhões.", "A companhia levantou US$ 30 milhões."],
            ("Tucano", "US$ 30 milhões"),
        ),
        # 'suma' (adds) states a raise in Spanish news.
        (["Cobaltia (del fundador de Brisa) suma €6M con Faro Capital."], ("Cobaltia", "€6M")),
    ],
)
def test_deal_sentences_in_french_spanish_and_portuguese(sentences: list[str], expected: tuple) -> None:
    mention = extract_prose_mentions(sentences)[-1]

    assert (mention.company, mention.amount) == expected


def test_a_following_sentence_gives_the_round_the_deal_lacked() -> None:
    (mention,) = extract_prose_mentions(
        [
            "Tessaly raised €30 million to build its sensor plant. The Porto company said its Series A is "
            "the largest in its sector."
        ]
    )

    assert (mention.company, mention.amount, mention.round_text) == ("Tessaly", "€30 million", "series_a")


def test_a_following_sentence_gives_no_round_to_a_past_round_beside_the_deal() -> None:
    mentions = extract_prose_mentions(
        [
            "Tessaly raised €30 million on Monday, after a €4 million loan in 2024. The funding round was "
            "led by Ostra Partners."
        ],
        published=date(2026, 3, 2),
    )

    assert [(m.amount, m.round_text) for m in mentions] == [
        ("€30 million", "venture"),
        ("€4 million", "debt"),
    ]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # A round planned or discussed: the company is before the intention, the round is reported.
        (
            [
                "Harlen Labs raised $20M in 2024.",
                "The startup has discussed raising between $80 million and "
                "$100 million from Ostra Partners, people familiar said.",
            ],
            ("Harlen Labs", "at least $80 million", "reported"),
        ),
        (["Corvane is looking to raise $45 million in new funding."], ("Corvane", "$45 million", "reported")),
        (
            ["Corvane is in early discussions to raise $45 million at a valuation of $400 million."],
            ("Corvane", "$45 million", "reported"),
        ),
    ],
)
def test_rounds_in_the_making_are_reported(sentences: list[str], expected: tuple) -> None:
    mention = extract_prose_mentions(sentences, published=date(2026, 3, 2))[-1]

    assert (mention.company, mention.amount, mention.status) == expected


def test_the_company_may_be_the_subject_of_a_later_verb() -> None:
    # 'Fresh from raising' has no subject of its own: the company is the main clause's subject.
    mention = extract_prose_mentions(
        ["Fresh from raising $90 million, Corvane is gearing up to raise more."]
    )[0]

    assert (mention.company, mention.amount) == ("Corvane", "$90 million")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The company said it raised: 'it' is the company before 'said'.
        (
            "Orvane, a startup building grid batteries, said on Tuesday that it has raised $40 million in a "
            "Series B round led by Tern Capital.",
            [("Orvane", "$40 million", "series_b", None)],
        ),
        # '$2bn-valued' is a valuation, never the amount raised.
        ("The $2bn-valued Orvane raised $100M.", [("Orvane", "$100M", None, "$2bn")]),
        # A list item naming its company before the colon.
        ("#2 Orvane: $25M Series A led by Tern Capital", [("Orvane", "$25M", "series_a", None)]),
        ("Orvane: a $6M seed round", [("Orvane", "$6M", "seed", None)]),
        # ... but a field label or a line that states no round is no such item.
        ("Amount: $1 billion Series: Unknown", []),
        ("Read more: Orvane's rivals are worth $3 billion", []),
        # 'Name, with <amount>' items, in English or Portuguese; a single one is an aside.
        (
            "The largest rounds went to Orvane, with $40 million, and Kestrel, with a $12 million seed.",
            [("Orvane", "$40 million", None, None), ("Kestrel", "$12 million", "seed", None)],
        ),
        (
            "Destaques do mês: Orvane, com captação de US$ 9 milhões; Kestrel, com US$ 4 milhões.",
            [("Orvane", "US$ 9 milhões", None, None), ("Kestrel", "US$ 4 milhões", None, None)],
        ),
        ("Orvane, with $5M in revenue, raised $20M.", [("Orvane", "$20M", None, None)]),
        # '<amount> round raised by <Name>' items.
        (
            "Notable rounds include the $31 million round raised by grid startup Orvane and $12 million "
            "round raised by Kestrel, a Lyon insurer.",
            [("Orvane", "$31 million", None, None), ("Kestrel", "$12 million", None, None)],
        ),
        # Rounds of one size that went to several companies.
        (
            "Billion-dollar rounds also went to Orvane, Kestrel and Vexa.",
            [
                ("Orvane", "Billion-dollar", None, None),
                ("Kestrel", "Billion-dollar", None, None),
                ("Vexa", "Billion-dollar", None, None),
            ],
        ),
        (
            "The $100M+ rounds went to Orvane and Kestrel.",
            [("Orvane", "$100M+", None, None), ("Kestrel", "$100M+", None, None)],
        ),
        ("The top prizes went to Orvane and Kestrel.", []),
        # 'each' after the amount of a listed subject, whatever its verb; a price 'each' is no round.
        (
            "Close behind, Orvane Bio and Kestrel Labs tied for second place with $300 million each.",
            [("Orvane Bio", "$300 million", None, None), ("Kestrel Labs", "$300 million", None, None)],
        ),
        ("Shares of Orvane and Kestrel cost $10 each.", []),
        # One amount for each of several companies.
        (
            "Orvane and Kestrel raised $10M each.",
            [("Orvane", "$10M", None, None), ("Kestrel", "$10M", None, None)],
        ),
        (
            "Orvane and Kestrel each raised $8M in seed rounds.",
            [("Orvane", "$8M", "seed", None), ("Kestrel", "$8M", "seed", None)],
        ),
    ],
)
def test_list_items_and_shared_amounts(sentence: str, expected: list[tuple]) -> None:
    mentions = extract_prose_mentions([sentence], published=date(2026, 3, 2))

    assert [(m.company, m.amount, m.round_text, m.valuation) for m in mentions] == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The largest round of the month went to Orvane, a grid startup. The company raised $40 million.",
        "A maior captação do mês foi da Orvane, de Recife. A companhia levantou US$ 40 milhões.",
        "La plus grosse levée a été réalisée par Orvane. L'entreprise a bouclé un tour de table de "
        "40 millions d'euros.",
    ],
)
def test_a_sentence_naming_who_took_the_round_is_what_the_company_points_back_to(paragraph: str) -> None:
    mentions = extract_prose_mentions(["Kestrel raised $5 million in a seed round.", paragraph])

    assert [m.company for m in mentions] == ["Kestrel", "Orvane"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Verdanne a réussi à lever 30 millions d'euros.", ("Verdanne", "30 millions d'euros", "announced")),
        (
            "Verdanne va lever plus de 30 millions d'euros.",
            ("Verdanne", "plus de 30 millions d'euros", "announced"),
        ),
        (
            "Verdanne est sur le point de lever 30 millions d'euros.",
            ("Verdanne", "30 millions d'euros", "reported"),
        ),
        (
            "Cobaltia levanta más de 5 millones de euros.",
            ("Cobaltia", "más de 5 millones de euros", "announced"),
        ),
    ],
)
def test_french_infinitives_and_foreign_floors(sentence: str, expected: tuple) -> None:
    (mention,) = extract_prose_mentions([sentence], published=date(2026, 3, 2))

    assert (mention.company, mention.amount, mention.status) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Orvane on Tuesday said it raised $40 million.",
        "Orvane on Tuesday raised $40 million.",
        "Orvane this week closed a $40 million round.",
        "Orvane on March 3 raised $40 million.",
    ],
)
def test_when_it_happened_may_stand_between_the_company_and_its_verb(sentence: str) -> None:
    (mention,) = extract_prose_mentions([sentence], published=date(2026, 3, 5))

    assert (mention.company, mention.amount) == ("Orvane", "$40 million")


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # The parts of the deal just stated replace it, each with its own round.
        (
            "Tessaly secured $9 million in a mix of equity and debt funding. This included a $4 million seed "
            "round and $5 million in venture debt.",
            [("Tessaly", "$4 million", "seed"), ("Tessaly", "$5 million", "debt")],
        ),
        # Amounts that do not add up to the deal are not its parts.
        (
            "Tessaly raised $9 million. The round included $2M from angels and $1M from Tern Capital.",
            [("Tessaly", "$9 million", None)],
        ),
    ],
)
def test_a_sentence_may_split_the_deal_just_stated_into_its_parts(
    paragraph: str, expected: list[tuple]
) -> None:
    mentions = extract_prose_mentions([paragraph])

    assert [(m.company, m.amount, m.round_text) for m in mentions] == expected


def test_a_rumoured_valuation_without_an_amount_is_no_deal_but_names_the_company() -> None:
    mentions = extract_prose_mentions(
        [
            "Orvane is in early talks to raise new funding at a valuation of about $4 billion. The startup "
            "has discussed raising $300 million from Tern Capital, people familiar said."
        ]
    )

    assert [(m.company, m.amount, m.status) for m in mentions] == [("Orvane", "$300 million", "reported")]


def test_a_completed_round_known_only_by_its_valuation_is_a_deal() -> None:
    (mention,) = extract_prose_mentions(
        ["Orvane secured a $1.1 billion valuation in a round led by Tern Capital."]
    )

    assert (mention.company, mention.amount, mention.valuation) == ("Orvane", None, "$1.1 billion")


def test_the_french_conditional_reports_a_round() -> None:
    assert (
        extract_prose_mentions(["Verdanne boucle une levée qui la valoriserait à 2 milliards d'euros."]) == []
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        # The whole offer first, then its fresh issue: the company raised the fresh issue.
        "Orvane's IPO is a book build issue of ₹900 crore. The issue is a combination of a fresh issue of "
        "2 crore shares aggregating to ₹400 crore and an offer for sale of 3 crore shares aggregating to "
        "₹500 crore.",
        # A fresh issue said with 'worth'; the offer for sale is what existing holders sell.
        "Orvane's IPO comprised a fresh issue of shares worth up to ₹400 crore and an offer for sale of "
        "shares worth up to ₹500 crore.",
    ],
)
def test_a_listing_raises_its_fresh_issue_not_its_offer_for_sale(paragraph: str) -> None:
    (mention,) = extract_prose_mentions([paragraph])

    # (an upper bound as written stays: 'worth up to ₹400 crore')
    assert (mention.company, mention.round_text, mention.amount.removeprefix("up to ")) == (
        "Orvane", "ipo", "₹400 crore"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("paragraph", "valuation"),
    [
        ("Orvane raised €60 million this week. Now the company is worth €900 million.", "€900 million"),
        ("Orvane raised €60 million. Investors now value the firm at €900 million.", "€900 million"),
        # Another company's valuation, or one placed in the past, is not the deal's.
        ("Orvane raised €60 million. Rival Vexa is now worth €2 billion.", None),
        ("Orvane raised €60 million. The company was valued at €300 million in 2021.", None),
        # A figure smaller than the amount raised is not the company's valuation.
        ("Orvane raised €60 million. Its seed round was valued at €20 million.", None),
        # What shares were issued for is no valuation.
        ("Orvane raised €60 million. Shares issued worth €30 million were fully paid up.", None),
    ],
)
def test_a_following_sentence_gives_the_deal_its_valuation(paragraph: str, valuation: str | None) -> None:
    (mention,) = extract_prose_mentions([paragraph], published=date(2026, 3, 2))

    assert (mention.company, mention.amount, mention.valuation) == ("Orvane", "€60 million", valuation)


def test_an_investor_investing_in_the_company_invests_in_the_company_named_before() -> None:
    mentions = extract_prose_mentions(
        [
            "Orvane is in talks to raise up to $300 million. The talks come weeks after Kestrel's chief "
            "executive announced plans to invest $50 million in the company."
        ]
    )

    assert [(m.company, m.amount) for m in mentions] == [
        ("Orvane", "up to $300 million"),
        ("Orvane", "$50 million"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "rounds"),
    [
        # A later paragraph opening on 'the funding round' gives the one stageless deal its stage.
        (
            [
                "Orvane is in talks to raise $900 million. It is also in talks to raise $400M in debt.",
                "Kestrel Bank declined to comment.",
                "The funding round is expected to be led by Tern Capital.",
            ],
            ["venture", "debt"],
        ),
        # With two stageless deals of the company, the round could be either: neither takes it.
        (
            [
                "Orvane raised $9 million. Orvane also raised $3 million more.",
                "The funding round drew angels.",
            ],
            [None, None],
        ),
    ],
)
def test_a_later_paragraph_gives_the_deal_its_round(paragraphs: list[str], rounds: list[str | None]) -> None:
    mentions = extract_prose_mentions(paragraphs)

    assert [m.round_text for m in mentions] == rounds


def test_a_headline_line_does_not_run_into_the_story_below_it() -> None:
    story = "Vexa also hired staff. " * 10
    text = f"Tessaly Grid in talks for $80M in new financing\nTessaly Grid makes grid sensors. {story}"

    (mention,) = extract_prose_mentions(markdown_paragraphs(text))

    assert (mention.company, mention.amount, mention.status) == ("Tessaly Grid", "$80M", "reported")


def test_a_bracket_with_a_deal_verb_states_the_deal_of_the_name_before_it() -> None:
    mentions = extract_prose_mentions(
        ["Demand grew at Quorra (which closed a $60M Series B) and Ilex (which raised $12M)."]
    )

    assert [(m.company, m.amount) for m in mentions] == [("Quorra", "$60M"), ("Ilex", "$12M")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Words between the amount and 'rounds' may say it came in tranches: still the company's raise.
        ("Orvane raised $50M in two rounds.", ("Orvane", "$50M", None)),
        # A past valuation said before the raise places only itself in the past.
        ("Orvane, whose last valuation was $1B, raised $100M.", ("Orvane", "$100M", None)),
    ],
)
def test_past_and_plural_words_touch_only_their_own_amount(sentence: str, expected: tuple) -> None:
    (mention,) = extract_prose_mentions([sentence])

    assert (mention.company, mention.amount, mention.valuation) == expected
