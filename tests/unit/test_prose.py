"""Deal mentions in prose: which sentences state a deal, and the company, round, money and investors read."""

from __future__ import annotations

from typing import Any

import pytest

from assets.parsing.mentions import DealMention, Method
from assets.parsing.prose import extract_prose_mentions, mention_from_clause


def facts(mention: DealMention) -> dict[str, Any]:
    """The extracted facts of a mention, without provenance."""
    return {
        "company": mention.company,
        "round": mention.round,
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
            deal("Quillworks", valuation="$400M", leads=("Accel",)),
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
        # No currency at all.
        "Korvath Labs raised a seed round led by Accel.",
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
    ["Sequoia closed a $950M fund", "$297B in Q1 went to AI", "Orrin raised a seed round", "Orrin grew 81%"],
)
def test_mention_from_clause_none_for_non_deals(clause: str) -> None:
    assert mention_from_clause(clause, "p[0]/s[0]", clause) is None


def test_existing_investors_are_not_names() -> None:
    (mention,) = extract_prose_mentions(["Orrin raised $5M led by Accel, Index and existing investors."])

    assert mention.lead_investors == ["Accel", "Index"]
    assert mention.investors == ["Accel", "Index"]
