"""Deal tables in pages saved as plain text, where the dump glued each row's cells together:

    CompanyAmountSegment
    ElevenLabs$500M Series D ($11B)Voice AI
    Nexthop AI$500MAI networking

The header is recognised when its run-together words are table headers; a row splits around its one
block of money (amounts, parenthesised valuations and the round words between them). Only tables of two
or three columns with the money in the middle or last can be split without guessing; others are left
to the prose reader.
"""

from __future__ import annotations

import re

from assets.parsing.table_rows import header_fields
from schemas.reference.wording import CURRENCY_SIGNS

_HEADER_WORD = re.compile(r"[A-Z][a-z]+")
_MONEY_TOKEN = rf"(?:US)?[{CURRENCY_SIGNS}]\s?\d[\d,.]*(?:bn|mn|[KMBT](?![a-z]))?\+?"
# One cell of money as tables write it: '$3.5B raise / $26.6B valuation', '$500M Series D ($11B)'.
_MONEY_BLOCK = re.compile(
    rf"{_MONEY_TOKEN}(?:\s*(?:{_MONEY_TOKEN}|\(\s*{_MONEY_TOKEN}\s*\)|/|raise|valuation|post-money|pre-money"
    r"|Series [A-K](?![a-z])|Seed|Pre-seed|Growth|IPO|Debt|round))*"
)
_AMOUNT_FIELDS = {"amount", "valuation"}


def glued_header(line: str) -> list[str] | None:
    """['Company', 'Amount', 'Segment'] for 'CompanyAmountSegment'; None for any other line."""
    words = _HEADER_WORD.findall(line)
    if len(words) < 2 or "".join(words) != line.strip() or not header_fields(words):
        return None
    return words


def split_glued_row(line: str, headers: list[str]) -> list[str] | None:
    """The cells of one glued row, or None when it cannot be split without guessing."""
    fields = header_fields(headers)
    money_columns = [i for i, field in fields.items() if field in _AMOUNT_FIELDS]
    if len(money_columns) != 1 or len(headers) not in (2, 3) or money_columns[0] == 0:
        return None
    block = _MONEY_BLOCK.search(line)
    if block is None or not line[: block.start()].strip():
        return None
    cells = [line[: block.start()].strip(), block.group(0).strip()]
    rest = line[block.end() :].strip()
    if len(headers) == 3:
        if money_columns[0] != 1 or not rest:
            return None
        cells.append(rest)
    elif rest:
        return None
    return cells


def glued_tables(text: str) -> tuple[list[list[list[str]]], str]:
    """(tables as rows of cells, the text with those tables removed) for a plain-text document."""
    tables, kept = [], []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        headers = glued_header(lines[0]) if lines else None
        rows = [split_glued_row(line, headers) for line in lines[1:]] if headers else []
        if headers and rows and all(rows):
            tables.append([headers, *rows])
        else:
            kept.append(block)
    return tables, "\n\n".join(kept)
