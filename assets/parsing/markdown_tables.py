"""Pipe tables in Markdown and plain-text newsletters: cell texts of each row, read by the shared row logic.

A table is a run of lines holding pipes whose second line is the delimiter row (`|---|:--:|`), as in
GitHub-flavoured Markdown. Cells keep their text without emphasis and links.
"""

from __future__ import annotations

import re

from assets.parsing.markdown_inline import inline_text
from assets.parsing.mentions import DealMention
from assets.parsing.table_rows import header_fields, table_mentions
from schemas.text import clean_space

_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def is_table_line(line: str) -> bool:
    """A line that belongs to a pipe table (a row or the delimiter row)."""
    stripped = line.strip()
    return stripped.startswith("|") or stripped.count("|") >= 2 or bool(_DELIMITER_ROW.match(stripped))


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    cells = re.split(r"(?<!\\)\|", stripped)
    return [clean_space(inline_text(c).replace("\\|", "|")) for c in cells]


# A scraped page breaks a cell over short lines ('$0.00', '(0.0%)') and the table goes on after them.
_BROKEN_CELL_LINES = 6
_BROKEN_CELL_CHARS = 40


def _row_resumes(lines: list[str], index: int) -> int | None:
    """Where the table goes on after short lines without pipes that broke a cell, or None when it ends."""
    for ahead in range(index, min(index + _BROKEN_CELL_LINES, len(lines))):
        line = lines[ahead]
        if "|" in line:
            return ahead
        if not line.strip() or len(line) > _BROKEN_CELL_CHARS:
            return None
    return None


def _header_without_delimiter(lines: list[str], index: int) -> bool:
    """A table written as text lines with no delimiter row ('Firma | Betrag | Runde' over 'Quenby | 5 Mio. €
    | Seed'): a line of at least three cells that reads as a deal table's header, over a line of as many."""
    if lines[index].count("|") < 2 or lines[index + 1].count("|") < 2:
        return False
    header = _cells(lines[index])
    if len(_cells(lines[index + 1])) != len(header):
        return False
    # (a round or investors column besides: 'Name | Kapital' is a table of capital, prices or funds)
    return bool({"round", "lead_investors", "investors"} & set(header_fields(header).values()))


def pipe_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table in `text`: a list of rows (header first), each a list of cell texts."""
    tables: list[list[list[str]]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines) - 1:
        delimited = "|" in lines[index] and _DELIMITER_ROW.match(lines[index + 1]) and "|" in lines[index + 1]
        if delimited or _header_without_delimiter(lines, index):
            rows = [_cells(lines[index])]
            index += 2 if delimited else 1
            while index < len(lines) and lines[index].strip():
                line = lines[index]
                if is_table_line(line) or line.rstrip().endswith("|"):
                    rows.append(_cells(line))
                    index += 1
                    continue
                resumes = _row_resumes(lines, index)
                if resumes is None:
                    break
                index = resumes
            tables.append(rows)
            continue
        index += 1
    return tables


def markdown_table_mentions(text: str) -> list[DealMention]:
    """One mention per data row of every deal table in a Markdown or plain-text body."""
    mentions: list[DealMention] = []
    for table_index, rows in enumerate(pipe_tables(text)):
        mentions.extend(table_mentions(rows, table_index))
    return mentions
