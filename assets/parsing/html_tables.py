"""Deal tables inside HTML pages: find the header by meaning, then read one mention per row.

Headers are recognised by what they say, in any order and wording ('Company' / 'Startup', 'Amount' /
'Raised', 'Round' / 'Stage', 'Valuation', 'Segment' / 'Sector'...). Cells may pack several facts:
'$3.5B raise / $26.6B valuation', '$500M Series D ($11B)', '$950M ($15B+)'.
"""

from __future__ import annotations

import re

from lxml import html

from assets.normalize.amounts import Money, find_money
from assets.normalize.names import split_name_list, split_parenthetical
from assets.normalize.rounds import find_round
from assets.parsing.mentions import DealMention, Method
from schemas.text import clean_space, fold

# Checked in this order: 'Lead investors' is a lead column before it is an investors column; 'Round size' and
# 'Amount raised' are amounts before they are rounds; then 'Funding round' is a round before the generic
# 'funding' makes it an amount.
HEADER_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lead_investors", ("lead investor", "lead investors", "leads", "lead", "led by")),
    ("valuation", ("valuation", "valued at", "post money", "pre money")),
    ("amount", ("amount", "raised", "raise", "round size", "size", "usd")),
    ("round", ("round", "stage", "series", "type")),
    ("amount", ("funding", "capital", "investment")),
    ("company", ("company", "startup", "name", "firm", "organization", "organisation", "business")),
    ("segment", ("segment", "sector", "category", "vertical", "focus", "space", "industry", "market")),
    ("announced", ("date", "announced", "when")),
    ("investors", ("investors", "backers", "participants", "investor")),
    ("context", ("description", "what they do", "about", "product")),
)
_REQUIRED = {"company"}
_ANY_OF = {"amount", "valuation"}


def header_fields(cells: list[str]) -> dict[int, str]:
    """Column index -> field for a header row; empty when the row is not a deal-table header."""
    fields: dict[int, str] = {}
    for index, cell in enumerate(cells):
        folded = f" {fold(cell)} "
        for field, keywords in HEADER_KEYWORDS:
            if field in fields.values():
                continue
            if any(f" {fold(k)} " in folded for k in keywords):
                fields[index] = field
                break
    if not set(fields.values()) >= _REQUIRED or not _ANY_OF & set(fields.values()):
        return {}
    return fields


def _cell_texts(row: html.HtmlElement) -> list[str]:
    cells = []
    for cell in row.xpath("./th|./td"):
        text = clean_space(cell.text_content())
        # A cell spanning several columns repeats so that later cells keep their header's index.
        cells.extend([text] * int(cell.get("colspan", "1") or "1"))
    return cells


def _in_parentheses(cell: str, money: Money) -> bool:
    """True when the amount sits inside an open parenthesis: '($11B)', '(post-money $100M)'."""
    before = cell[: money.start]
    return before.rfind("(") > before.rfind(")")


def split_amount_cell(cell: str) -> tuple[Money | None, Money | None]:
    """(amount, valuation) from a cell such as '$3.5B raise / $26.6B valuation' or '$100M Seed ($400M)'.

    A parenthesised amount, or one followed by 'valuation', is the valuation; the first other is the raise.
    """
    amount = valuation = None
    for money in find_money(cell):
        after = cell[money.end : money.end + 24].lstrip()
        labelled = not after.startswith("(") and fold(after).startswith(
            ("valuation", "post money", "pre money")
        )
        if _in_parentheses(cell, money) or labelled:
            valuation = valuation or money
        elif amount is None:
            amount = money
    return amount, valuation


def _mention_from_row(
    fields: dict[int, str], headers: list[str], cells: list[str], locator: str
) -> DealMention | None:
    values = {field: cells[i] for i, field in fields.items() if i < len(cells) and cells[i]}
    if not values.get("company"):
        return None
    company, round_text = values["company"], values.get("round")
    base, inner = split_parenthetical(company)
    if inner and find_round(inner):  # 'Cerebras Systems (IPO)': the parenthetical is the round
        company, round_text = base, round_text or inner
    amount_money, valuation_money = split_amount_cell(values.get("amount", ""))
    if round_text is None and values.get("amount"):
        round_text = find_round(re.sub(r"\([^)]*\)", "", values["amount"]))
    valuation_text = values.get("valuation")
    if valuation_text:
        found = find_money(valuation_text)
        valuation_text = found[0].text if found else valuation_text
    elif valuation_money:
        valuation_text = valuation_money.text
    amount_text = amount_money.text if amount_money else (values.get("amount") or None)
    leads = split_name_list(values.get("lead_investors"))
    snippet = " | ".join(f"{headers[i]}: {cells[i]}" for i in sorted(fields) if i < len(cells))
    return DealMention(
        method=Method.HTML_TABLE,
        locator=locator,
        snippet=snippet,
        company=company,
        round=round_text,
        amount=amount_text,
        valuation=valuation_text,
        segment=values.get("segment"),
        announced=values.get("announced"),
        lead_investors=leads,
        investors=leads + [n for n in split_name_list(values.get("investors")) if n not in leads],
        context=" ".join(filter(None, (values.get("segment"), values.get("context")))) or None,
    )


def _find_header(rows: list[html.HtmlElement]) -> tuple[int, list[str], dict[int, str]] | None:
    """(row index, header texts, column fields) of the first of the top three rows that is a header."""
    for index, row in enumerate(rows[:3]):
        headers = _cell_texts(row)
        fields = header_fields(headers)
        if fields:
            return index, headers, fields
    return None


def extract_table_mentions(table: html.HtmlElement, table_index: int) -> list[DealMention]:
    """One mention per data row of a deal table; [] for tables that are not deal tables."""
    rows = table.xpath(".//tr")
    header = _find_header(rows)
    if header is None:
        return []
    header_index, headers, fields = header
    mentions = []
    for row_index, row in enumerate(rows[header_index + 1 :]):
        mention = _mention_from_row(
            fields, headers, _cell_texts(row), f"table[{table_index}]/row[{row_index}]"
        )
        if mention:
            mentions.append(mention)
    return mentions
