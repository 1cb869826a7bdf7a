"""Deal tables in pages saved as plain text, where the dump glued each row's cells together:

    CompanyAmountSegment
    ElevenLabs$500M Series D ($11B)Voice AI
    Nexthop AI$500MAI networking

The header is recognised when its run-together words are table headers; a row splits around its one
block of money (amounts, parenthesised valuations and the round words between them). Only tables of two
or three columns with the money in the middle or last can be split without guessing; others are left
to the prose reader. Tables copied with their cells separated by tabs are read as they are.
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


def tab_table(lines: list[str]) -> list[list[str]] | None:
    """The rows of a block whose lines are cells separated by tabs, as a table copied from a page saves
    ('Company<TAB>Amount<TAB>Round'), when its first line reads as a deal table's header; else None."""
    if len(lines) < 2 or not all("\t" in line for line in lines):
        return None
    rows = [[cell.strip() for cell in line.split("\t")] for line in lines]
    if len({len(row) for row in rows}) != 1 or not header_fields(rows[0]):
        return None
    return rows


def _glued_table(lines: list[str]) -> list[list[str]] | None:
    """The rows of a block whose first line is a glued header and every other line a row it splits."""
    headers = glued_header(lines[0]) if lines else None
    if headers is None:
        return None
    rows = [split_glued_row(line, headers) for line in lines[1:]]
    split = [row for row in rows if row]
    return [headers, *split] if split and len(split) == len(rows) else None


# A field of a record written one per line under the company's name: 'Amount: $1 billion', 'Series: A'.
_FIELD_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{1,24}):\s+(?P<value>\S.*)$")
_RANK_LINE = re.compile(r"^#?\d{1,3}[.)]?$")
_NAME_LINE = re.compile(r"^[^.:!?]{2,60}$")


def _field_value(label: str, value: str) -> str:
    """A field's value as a table cell: 'Series: B' is the round 'Series B'."""
    return f"Series {value}" if label.lower() == "series" and re.fullmatch(r"[A-K]\+?", value) else value


def _record_at(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """The record whose field lines start at `start` under a name line ('Xaira Therapeutics' then
    'Amount: $1 billion', 'Series: Unknown', ...), as a header row and a row of cells, and the index past
    its last field; None when the lines there are no deal record."""
    end = start
    while end < len(lines) and _FIELD_LINE.match(lines[end]):
        end += 1
    if end - start < 2 or start == 0 or not _NAME_LINE.match(lines[start - 1]):
        return None
    fields = [_FIELD_LINE.match(line) for line in lines[start:end]]
    headers = ["Company", *(f["label"] for f in fields if f)]
    cells = [lines[start - 1], *(_field_value(f["label"], f["value"]) for f in fields if f)]
    return ([headers, cells], end) if header_fields(headers) else None


def key_value_records(lines: list[str]) -> tuple[list[list[list[str]]], list[str]]:
    """(records as one-row tables, the lines left) for lines that may hold deal records written one field
    per line under the company's name (and its rank: '1', 'Xaira Therapeutics', 'Amount: $1 billion')."""
    records: list[list[list[str]]] = []
    kept: list[str] = []
    index = 0
    while index < len(lines):
        found = _record_at(lines, index) if _FIELD_LINE.match(lines[index]) else None
        if found is None:
            kept.append(lines[index])
            index += 1
            continue
        record, index = found
        records.append(record)
        kept.pop()  # the name line
        if kept and _RANK_LINE.match(kept[-1]):
            kept.pop()
    return records, kept


def glued_tables(text: str) -> tuple[list[list[list[str]]], str]:
    """(tables as rows of cells, the text with those tables removed) for a plain-text document: tables
    whose cells were glued together, tables whose cells are separated by tabs, and records written one
    field per line."""
    tables, kept = [], []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip(" \r\n") for line in block.strip().splitlines() if line.strip()]
        table = tab_table(lines) or _glued_table([line.strip() for line in lines])
        if table:
            tables.append(table)
            continue
        records, rest = key_value_records([line.strip() for line in lines]) if ":" in block else ([], [])
        tables.extend(records)
        kept.append("\n".join(rest) if records else block)
    return tables, "\n\n".join(kept)
