"""Deal tables in HTML: headers by meaning, packed amount, round and investor cells, one mention per row."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from lxml import html

from assets.normalize.amounts import Money
from assets.parsing.html_tables import extract_table_mentions, header_fields, split_amount_cell
from assets.parsing.mentions import DealMention, Method
from assets.parsing.table_rows import split_investor_cell


def table(markup: str) -> html.HtmlElement:
    return html.fragment_fromstring(markup)


def money_facts(money: Money | None) -> tuple[str, Decimal, bool] | None:
    return (money.text, money.value, money.is_floor) if money else None


def row_facts(mention: DealMention) -> dict[str, Any]:
    return {
        "company": mention.company,
        "round": mention.round_text,
        "amount": mention.amount,
        "valuation": mention.valuation,
        "segment": mention.segment,
        "announced": mention.announced,
        "lead_investors": mention.lead_investors,
        "investors": mention.investors,
    }


@pytest.mark.parametrize(
    ("cells", "fields"),
    [
        (["Company", "Amount", "Segment"], {0: "company", 1: "amount", 2: "segment"}),
        (["Amount", "Company"], {0: "amount", 1: "company"}),
        (
            [
                "Startup",
                "Raised",
                "Stage",
                "Lead investors",
                "Valuation",
                "Sector",
                "Date",
                "Investors",
                "About",
            ],
            {
                0: "company",
                1: "amount",
                2: "round",
                3: "lead_investors",
                4: "valuation",
                5: "segment",
                6: "announced",
                7: "investors",
                8: "context",
            },
        ),
        (["Lead investor", "Company", "Round size"], {0: "lead_investors", 1: "company", 2: "amount"}),
        (["Company name", "Round type", "Size ($M)"], {0: "company", 1: "round", 2: "amount"}),
        (["", "Company", "Amount"], {1: "company", 2: "amount"}),
        (["Company", "Valuation"], {0: "company", 1: "valuation"}),
        (
            ["Firm", "Post-money", "Led by", "When"],
            {0: "company", 1: "valuation", 2: "lead_investors", 3: "announced"},
        ),
    ],
)
def test_header_fields(cells: list[str], fields: dict[int, str]) -> None:
    assert header_fields(cells) == fields


@pytest.mark.parametrize(
    "cells",
    [
        ["Name", "Price"],  # 'price' is not a deal amount
        ["Company", "Round"],  # no money column
        ["Team", "Amount"],  # no company column
        ["Quarter", "Total"],
        [],
    ],
)
def test_header_fields_not_a_deal_table(cells: list[str]) -> None:
    assert header_fields(cells) == {}


@pytest.mark.parametrize(
    ("cell", "amount", "valuation"),
    [
        ("$3.5B raise / $26.6B valuation", ("$3.5B", "3500000000", False), ("$26.6B", "26600000000", False)),
        ("$500M Series D ($11B)", ("$500M", "500000000", False), ("$11B", "11000000000", False)),
        ("$950M ($15B+)", ("$950M", "950000000", False), ("$15B+", "15000000000", True)),
        ("$100M Seed ($400M)", ("$100M", "100000000", False), ("$400M", "400000000", False)),
        ("$20M at $100M valuation", ("$20M", "20000000", False), ("$100M", "100000000", False)),
        ("$20M, $100M post-money", ("$20M", "20000000", False), ("$100M", "100000000", False)),
        ("€40 million", ("€40 million", "40000000", False), None),
        ("$5M, $10M", ("$5M", "5000000", False), None),  # the first amount is the raise
        ("($11B)", None, ("$11B", "11000000000", False)),
        ("undisclosed", None, None),
        ("", None, None),
    ],
)
def test_split_amount_cell(
    cell: str, amount: tuple[str, str, bool] | None, valuation: tuple[str, str, bool] | None
) -> None:
    found_amount, found_valuation = split_amount_cell(cell)

    assert money_facts(found_amount) == (amount and (amount[0], Decimal(amount[1]), amount[2]))
    assert money_facts(found_valuation) == (valuation and (valuation[0], Decimal(valuation[1]), valuation[2]))


def test_table_with_headers_in_any_order_and_wording() -> None:
    markup = """
    <table>
      <tr><th>Raised</th><th>Startup</th><th>Stage</th><th>Led by</th><th>Other backers</th><th>When</th></tr>
      <tr><td>€40 million</td><td>Nordwind GmbH</td><td>Series B</td><td>Index Ventures; Accel</td>
          <td>a16z, Accel</td><td>May 4, 2026</td></tr>
      <tr><td>undisclosed</td><td>Quillworks</td><td></td><td></td><td></td><td></td></tr>
    </table>"""

    mentions = extract_table_mentions(table(markup), 2)

    assert [row_facts(m) for m in mentions] == [
        {
            "company": "Nordwind GmbH",
            "round": "Series B",
            "amount": "€40 million",
            "valuation": None,
            "segment": None,
            "announced": "May 4, 2026",
            "lead_investors": ["Index Ventures", "Accel"],
            "investors": ["Index Ventures", "Accel", "a16z"],
        },
        {
            "company": "Quillworks",
            "round": None,
            "amount": "undisclosed",
            "valuation": None,
            "segment": None,
            "announced": None,
            "lead_investors": [],
            "investors": [],
        },
    ]
    assert [m.locator for m in mentions] == ["table[2]/row[0]", "table[2]/row[1]"]
    assert all(m.method is Method.DOCUMENT_TABLE for m in mentions)
    assert mentions[0].snippet == (
        "Raised: €40 million | Startup: Nordwind GmbH | Stage: Series B | Led by: Index Ventures; Accel"
        " | Other backers: a16z, Accel | When: May 4, 2026"
    )


def test_table_with_colspan_title_row_and_spanning_cells() -> None:
    markup = """
    <table>
      <tr><td colspan="4">Deals of the week</td></tr>
      <tr><th colspan="2">Company</th><th>Amount</th><th>Valuation</th></tr>
      <tr><td colspan="2">Orrin</td><td>$5M</td><td>$50M post-money</td></tr>
      <tr><td>Vexa</td><td>(spun out)</td><td>$45M Series A</td><td></td></tr>
    </table>"""

    mentions = extract_table_mentions(table(markup), 0)

    assert [(m.company, m.amount, m.valuation, m.round_text) for m in mentions] == [
        ("Orrin", "$5M", "$50M", None),
        ("Vexa", "$45M", None, "series_a"),
    ]
    assert [m.locator for m in mentions] == ["table[0]/row[0]", "table[0]/row[1]"]


def test_packed_cells_and_round_in_company_parenthetical() -> None:
    markup = """
    <table>
      <thead><tr><th>Company</th><th>Amount</th><th>Segment</th></tr></thead>
      <tbody>
        <tr><td>Cerebras Systems (IPO)</td><td>$3.5B raise / $26.6B valuation</td>
            <td>AI chips (WSE-3)</td></tr>
        <tr><td>ElevenLabs</td><td>$500M Series D ($11B)</td><td>Voice AI</td></tr>
        <tr><td>Sierra</td><td>$950M ($15B+)</td><td>AI agents</td></tr>
        <tr><td>RadixArk (SGLang)</td><td>$100M Seed ($400M)</td><td>Inference engine</td></tr>
      </tbody>
    </table>"""

    mentions = extract_table_mentions(table(markup), 0)

    assert [(m.company, m.round_text, m.amount, m.valuation, m.segment) for m in mentions] == [
        ("Cerebras Systems", "IPO", "$3.5B", "$26.6B", "AI chips (WSE-3)"),
        ("ElevenLabs", "series_d", "$500M", "$11B", "Voice AI"),
        ("Sierra", None, "$950M", "$15B+", "AI agents"),
        # A parenthetical that names no round is an alias, left for the name book.
        ("RadixArk (SGLang)", "seed", "$100M", "$400M", "Inference engine"),
    ]
    assert mentions[0].context == "AI chips (WSE-3)"


def test_stated_round_column_beats_round_in_amount_cell() -> None:
    markup = """
    <table><tr><th>Company</th><th>Round</th><th>Amount</th></tr>
    <tr><td>Orrin</td><td>Series A</td><td>$500M Series D ($11B)</td></tr></table>"""

    (mention,) = extract_table_mentions(table(markup), 0)

    assert (mention.round_text, mention.amount, mention.valuation) == ("Series A", "$500M", "$11B")


def test_valuation_column_keeps_only_the_amount() -> None:
    markup = """
    <table><tr><th>Company</th><th>Valuation</th><th>Description</th></tr>
    <tr><td>Orrin</td><td>about $1.2B post-money</td><td>An inference engine</td></tr>
    <tr><td>Vexa</td><td>not disclosed</td><td></td></tr></table>"""

    mentions = extract_table_mentions(table(markup), 0)

    assert [(m.company, m.amount, m.valuation, m.context) for m in mentions] == [
        ("Orrin", None, "$1.2B", "An inference engine"),
        ("Vexa", None, "not disclosed", None),
    ]


def test_rows_without_a_company_are_skipped_but_counted() -> None:
    markup = """
    <table><tr><th>Company</th><th>Amount</th></tr>
    <tr><td></td><td>$5M</td></tr>
    <tr><td>Orrin</td><td>$6M</td></tr></table>"""

    (mention,) = extract_table_mentions(table(markup), 0)

    assert (mention.company, mention.amount, mention.locator) == ("Orrin", "$6M", "table[0]/row[1]")


@pytest.mark.parametrize(
    "markup",
    [
        "<table><tr><th>Quarter</th><th>Total</th></tr><tr><td>Q1</td><td>$297B</td></tr></table>",
        "<table><tr><th>Rank</th><th>Country</th><th>GDP</th></tr><tr><td>1</td><td>US</td><td>$27T</td></tr></table>",
        "<table><tr><td>Orrin</td><td>$5M</td></tr></table>",
        "<table></table>",
    ],
)
def test_non_deal_tables_are_ignored(markup: str) -> None:
    assert extract_table_mentions(table(markup), 0) == []


def test_header_found_in_the_first_three_rows_only() -> None:
    filler = "<tr><td>note</td></tr>" * 3
    markup = (
        f"<table>{filler}<tr><th>Company</th><th>Amount</th></tr><tr><td>Orrin</td><td>$5M</td></tr></table>"
    )

    assert extract_table_mentions(table(markup), 0) == []


@pytest.mark.parametrize(
    ("cells", "fields"),
    [
        # 'Deal' is the amount column; 'Deal type' is a round.
        (
            ["Startup", "Category", "Deal", "Stage", "Led by"],
            {0: "company", 1: "segment", 2: "amount", 3: "round", 4: "lead_investors"},
        ),
        (["Company", "Deal type", "Deal size"], {0: "company", 1: "round", 2: "amount"}),
        # One cell packs both figures: the amount column, split per row.
        (
            ["Company", "Round", "Amount / valuation", "Investors"],
            {0: "company", 1: "round", 2: "amount", 3: "investors"},
        ),
        (
            ["Date", "Company", "Raised", "Post-money"],
            {0: "announced", 1: "company", 2: "amount", 3: "valuation"},
        ),
    ],
)
def test_header_fields_by_meaning(cells: list[str], fields: dict[int, str]) -> None:
    assert header_fields(cells) == fields


@pytest.mark.parametrize(
    ("cell", "amount", "valuation"),
    [
        ("$70M / $450M post", "$70M", "$450M"),
        ("$600M / $8.2B", "$600M", "$8.2B"),
        ("£5M at £20M pre-money", "£5M", "£20M"),
        ("$950M at $15B+", "$950M", "$15B+"),
    ],
)
def test_split_amount_cell_joined_by_slash_or_at(cell: str, amount: str, valuation: str) -> None:
    found_amount, found_valuation = split_amount_cell(cell)

    assert (found_amount and found_amount.text, found_valuation and found_valuation.text) == (
        amount,
        valuation,
    )


@pytest.mark.parametrize(
    ("leads_cell", "investors_cell", "leads", "investors"),
    [
        (
            None,
            "Harwell Capital (lead), Tern Ventures",
            ["Harwell Capital"],
            ["Harwell Capital", "Tern Ventures"],
        ),
        (
            None,
            "Harwell Capital (lead); Tern Ventures (co-lead); Bay Point",
            ["Harwell Capital", "Tern Ventures"],
            ["Harwell Capital", "Tern Ventures", "Bay Point"],
        ),
        (None, "led by Harwell Capital", ["Harwell Capital"], ["Harwell Capital"]),
        ("Lead: Harwell Capital", None, ["Harwell Capital"], ["Harwell Capital"]),
        ("—", "—", [], []),
        (None, "Lead Edge Capital, Tern Ventures", [], ["Lead Edge Capital", "Tern Ventures"]),
    ],
)
def test_split_investor_cell(
    leads_cell: str | None, investors_cell: str | None, leads: list[str], investors: list[str]
) -> None:
    assert split_investor_cell(leads_cell, investors_cell) == (leads, investors)


def test_deal_table_with_dates_without_a_year_and_packed_cells() -> None:
    markup = """
    <table>
      <tr><th>Date</th><th>Startup</th><th>Deal</th><th>Stage</th><th>Investors</th></tr>
      <tr><td>Apr 9</td><td>Quillmoor</td><td>$40M at $300M</td><td>Series B</td>
          <td>Harwell Capital (lead), Tern Ventures</td></tr>
      <tr><td>Apr 10</td><td>Brandt Labs</td><td>$60M</td><td>Series C ($700M)</td><td>—</td></tr>
      <tr><td>Apr 10</td><td>Osterby</td><td>undisclosed</td><td>—</td><td>Bay Point</td></tr>
    </table>"""

    mentions = extract_table_mentions(table(markup), 0)

    assert [row_facts(m) for m in mentions] == [
        {
            "company": "Quillmoor",
            "round": "Series B",
            "amount": "$40M",
            "valuation": "$300M",
            "segment": None,
            "announced": "Apr 9",
            "lead_investors": ["Harwell Capital"],
            "investors": ["Harwell Capital", "Tern Ventures"],
        },
        {
            "company": "Brandt Labs",
            "round": "Series C",
            "amount": "$60M",
            "valuation": "$700M",
            "segment": None,
            "announced": "Apr 10",
            "lead_investors": [],
            "investors": [],
        },
        {
            "company": "Osterby",
            "round": None,
            "amount": "undisclosed",
            "valuation": None,
            "segment": None,
            "announced": "Apr 10",
            "lead_investors": [],
            "investors": ["Bay Point"],
        },
    ]
