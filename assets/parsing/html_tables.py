"""Deal tables inside HTML pages: the cell texts of each row, read by the shared row logic.

`assets.parsing.table_rows` recognises the header by meaning and turns each row into a mention; this module
only turns `<tr>`/`<th>`/`<td>` into lists of cell texts (a cell spanning columns repeats).
"""

from __future__ import annotations

from lxml import html

from assets.parsing.mentions import DealMention
from assets.parsing.table_rows import header_fields, split_amount_cell, table_mentions
from schemas.text import clean_space

__all__ = ["extract_table_mentions", "header_fields", "split_amount_cell", "table_rows"]


def _cell_texts(row: html.HtmlElement) -> list[str]:
    cells = []
    for cell in row.xpath("./th|./td"):
        text = clean_space(cell.text_content())
        # A cell spanning several columns repeats so that later cells keep their header's index.
        cells.extend([text] * int(cell.get("colspan", "1") or "1"))
    return cells


def table_rows(table: html.HtmlElement) -> list[list[str]]:
    """Cell texts of every row of a table, in order; rows of tables nested in its cells are theirs."""
    return [_cell_texts(row) for row in table.xpath(".//tr") if row.xpath("ancestor::table[1]")[0] is table]


def extract_table_mentions(table: html.HtmlElement, table_index: int) -> list[DealMention]:
    """One mention per data row of a deal table; [] for tables that are not deal tables."""
    return table_mentions(table_rows(table), table_index)
