"""Deal tables inside HTML pages: the cell texts of each row, read by the shared row logic.

`assets.parsing.table_rows` recognises the header by meaning and turns each row into a mention; this module
only turns `<tr>`/`<th>`/`<td>` into lists of cell texts (a cell spanning columns repeats).
"""

from __future__ import annotations

import copy
import re

from lxml import html

from assets.parsing.mentions import DealMention
from assets.parsing.table_rows import header_fields, split_amount_cell, table_mentions
from schemas.text import clean_space

__all__ = ["extract_table_mentions", "header_fields", "split_amount_cell", "table_rows"]


# Spans as browsers read them (HTML's rules for table cells): the leading digits of the attribute, a colspan
# of 0 or none at all is 1 and above 1,000 is 1,000; a rowspan runs at most to the last row of its row group
# (thead, tbody, tfoot), and one of 0 runs that far. Unbounded, a 504-byte page with colspan="400000000" took
# 16 GB.
MAX_COLSPAN = 1_000
_LEADING_DIGITS = re.compile(r"\s*([0-9]+)")


def _span(cell: html.HtmlElement, attribute: str, default: int) -> int:
    value = cell.get(attribute)
    if value is None:
        return default
    match = _LEADING_DIGITS.match(value)
    return int(match.group(1)[:9]) if match else default


def _cell_text(cell: html.HtmlElement, nests: bool) -> str:
    """A cell's text without the text of tables nested in it (theirs is read as their own rows); `nests`:
    whether the table holds any (looked up once per table, not once per cell)."""
    if not nests or cell.find(".//table") is None:
        return clean_space(cell.text_content())
    own = copy.deepcopy(cell)
    for nested in own.xpath(".//table"):
        nested.drop_tree()
    return clean_space(own.text_content())


def _fill_from_above(
    cells: list[str], below: dict[int, tuple[str, int]], carry: dict[int, tuple[str, int]]
) -> None:
    """Append to `cells` the texts that cells of rows above span down into, at the columns that follow;
    what still spans further goes on in `carry`, for the next row."""
    while len(cells) in below:
        text, left = below.pop(len(cells))
        cells.append(text)
        if left > 1:
            carry[len(cells) - 1] = (text, left - 1)


def _rows_of_cells(rows: list[html.HtmlElement], nests: bool) -> list[list[str]]:
    """Cell texts of each row: a cell spanning columns repeats across them, one spanning rows repeats down
    them within its row group (thead, tbody, tfoot), so every later cell keeps its header's index."""
    grid: list[list[str]] = []
    group_ends = _group_ends(rows)
    below: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still covers), from rowspans above
    for position, row in enumerate(rows):
        if position and row.getparent() is not rows[position - 1].getparent():
            below = {}  # a rowspan ends with its row group
        cells: list[str] = []
        carry: dict[int, tuple[str, int]] = {}
        for cell in row.xpath("./th|./td"):
            _fill_from_above(cells, below, carry)
            text = _cell_text(cell, nests)
            columns = min(_span(cell, "colspan", 1) or 1, MAX_COLSPAN)
            rows_left = group_ends[position] - position
            down = _span(cell, "rowspan", 1)
            down = rows_left if down == 0 else min(down, rows_left)
            for _ in range(columns):
                if down > 1:
                    carry[len(cells)] = (text, down - 1)
                cells.append(text)
        _fill_from_above(cells, below, carry)
        while below and max(below) > len(cells) - 1:
            if len(cells) in below:
                _fill_from_above(cells, below, carry)
            else:
                cells.append("")  # a gap before a rowspan that reaches past the row's own cells
        # A span from above whose column a cell of this row took (a colspan over it) ends here, as in a
        # browser: left in place, it put one row's value into a later row.
        below = carry
        grid.append(cells)
    return grid


def _group_ends(rows: list[html.HtmlElement]) -> list[int]:
    """For each row, the position just past the last row of its row group (its parent element)."""
    ends = [0] * len(rows)
    end = len(rows)
    for position in range(len(rows) - 1, -1, -1):
        if position + 1 < len(rows) and rows[position + 1].getparent() is not rows[position].getparent():
            end = position + 1
        ends[position] = end
    return ends


def table_rows(table: html.HtmlElement) -> list[list[str]]:
    """Cell texts of every row of a table, in order; rows of tables nested in its cells are theirs."""
    own = [row for row in table.xpath(".//tr") if row.xpath("ancestor::table[1]")[0] is table]
    return _rows_of_cells(own, nests=table.find(".//table") is not None)


def extract_table_mentions(table: html.HtmlElement, table_index: int) -> list[DealMention]:
    """One mention per data row of a deal table; [] for tables that are not deal tables."""
    return table_mentions(table_rows(table), table_index)
