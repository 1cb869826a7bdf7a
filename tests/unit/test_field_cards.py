"""Deal cards: a company's deal printed as labelled lines ('Series: C', 'Amount: $207.5 million').

Every card here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.field_cards import deal_cards
from assets.parsing.prose import extract_prose_mentions

TRACKER = (
    "Jan. 7—Korvid Therapeutics\n"
    "Series: C\n"
    "Amount: $207.5 million\n"
    "Investors: Co-led by Harrow Funds and Tarrow Partners, with participation from Brimwell Capital."
)


def _read(paragraphs: list[str]) -> list[tuple]:
    return [
        (m.company, m.amount, m.round_text, m.announced, list(m.lead_investors), m.valuation)
        for m in extract_prose_mentions(paragraphs, published=date(2025, 1, 20))
    ]


def test_a_card_under_its_title_is_one_deal_with_its_round_day_and_leads() -> None:
    assert _read([TRACKER]) == [
        (
            "Korvid Therapeutics",
            "$207.5 million",
            "series_c",
            "Jan. 7",
            ["Harrow Funds", "Tarrow Partners"],
            None,
        )
    ]


def test_the_deal_keeps_the_cards_lines_as_its_snippet() -> None:
    (mention,) = extract_prose_mentions([TRACKER], published=date(2025, 1, 20))
    assert mention.snippet == TRACKER
    assert mention.locator == "p[0]/card[0]"


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        # a ranked title, a month line
        (
            "1\nPellmark Labs\nAmount: $1 billion\nSeries: A\nMonth: April\nInvestors: Harrow Ventures",
            [("Pellmark Labs", "$1 billion", "series_a", "April", [], None)],
        ),
        # a date line with its year wins over the title's day
        (
            "Apr. 2—Calderix Systems\nRound: Series C\nAmount: $90 million\nDate: March 2024",
            [("Calderix Systems", "$90 million", "series_c", "March 2024", [], None)],
        ),
        # the company on a labelled line, a valuation and a date
        (
            "Company: Pellmark\nRound: Series E\nAmount: $800M\nValuation: $33B\nDate: July 2021\n"
            "Sector: Fintech",
            [("Pellmark", "$800M", "series_e", "July 2021", [], "$33B")],
        ),
        # a card whose line breaks were lost
        (
            "Jan. 7—Korvid Pharma Series: B Amount: $67.5 million Investors: New investor Harrow Capital.",
            [("Korvid Pharma", "$67.5 million", "series_b", "Jan. 7", [], None)],
        ),
    ],
)
def test_cards_in_other_shapes(card, expected) -> None:
    assert _read([card]) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no amount, or an amount that is no money
        "Korvid Labs\nRevenue: $5 million\nEmployees: 40",
        "Korvid Labs\nSeries: B\nAmount: undisclosed",
        # a heading, not a name, above the fields
        "Key facts\nAmount: $5 million\nRound: Seed",
        # labels inside a sentence are no card
        "The deal was big. Amount: $5 million, said the chief executive. Round: seed.",
        # no round of a known stage: a person's money, a prize, a fund's size, an undisclosed stage
        "Jane Roe\nAmount: $2 million\nDate: May 2025",
        "Startup: Ventrix\nAmount: $100,000\nRound: Pitch competition prize\nDate: May 2025",
        "Harrow Growth Partners\nSize: $500 million\nInvestors: LPs",
        "Korvid Labs\nAmount: $1 billion\nSeries: Unknown",
        # a heading above the fields
        "Key Funding Facts\nAmount: $20 million\nRound: Series A",
        "Meeting Notes Date: 10:30 Amount: $5 million Round: Series A",
    ],
)
def test_what_is_no_card(text) -> None:
    assert _read([text]) == []


def test_two_cards_of_one_paragraph_and_the_prose_after_them() -> None:
    paragraph = (
        "Korvid Labs\nSeries: A\nAmount: $12 million\n"
        "Pellmark\nSeries: Seed\nAmount: $3 million\n"
        "Tarrow Grid raised $40 million in a Series B."
    )
    assert [card.company for card in deal_cards(paragraph.split("\n"))] == ["Korvid Labs", "Pellmark"]
    assert [(company, amount) for company, amount, *_ in _read([paragraph])] == [
        ("Korvid Labs", "$12 million"),
        ("Pellmark", "$3 million"),
        ("Tarrow Grid", "$40 million"),
    ]


def test_twenty_thousand_cards_of_one_paragraph_are_each_read() -> None:
    # (its time is the robustness bench's to measure: `python -m bench.robustness`)
    cards = deal_cards(["Korvid Labs", "Series: A", "Amount: $5 million"] * 20_000)
    assert len(cards) == 20_000
    assert (cards[-1].first, cards[-1].last, cards[-1].fields["amount"]) == (59_997, 59_999, "$5 million")


def test_labelled_fields_with_no_title_are_no_card() -> None:
    assert deal_cards(["Amount: $5 million Series: A Investors: Harrow Capital " * 2_000]) == []
    assert len(deal_cards(["Korvid Labs Series: A Amount: $5 million Investors: Harrow Capital"])) == 1


def test_a_card_run_together_after_prose_leaves_the_prose_its_deal() -> None:
    text = (
        "Ardent Bio raised $15 million in Series A funding led by Quarry Ventures. Also this week — "
        "Company: Bellwork Round: Seed Amount: $2 million"
    )
    assert [(company, amount) for company, amount, *_ in _read([text])] == [("Ardent Bio", "$15 million")]


def test_a_value_that_runs_on_into_prose_is_no_cards_field() -> None:
    text = (
        "Feb. 3—Lumeric Bio\nSeries: A\nAmount: $40 million\nInvestors: Led by Sarova Partners. Separately, "
        "Dendral Robotics raised $8 million in a seed round from Kestle Ventures."
    )
    assert [(company, amount) for company, amount, *_ in _read([text])] == [
        ("Dendral Robotics", "$8 million")
    ]
