"""The extracted_mentions rows of a page: every column, object cells, investor lists kept whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assets.parsing.dispatch import EXTRACTED_COLUMNS, extract_document
from assets.sources import Source, SourceKind


def _page_rows(tmp_path: Path, text: str):
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    source = Source(id="news", kind=SourceKind.ARTICLE, url=page.as_uri())
    return extract_document(
        source, "https://example.org/story", "2" * 64, "text/plain", page, date(2026, 3, 2)
    )


def test_a_page_s_rows_have_every_column_as_object_cells(tmp_path: Path) -> None:
    rows = _page_rows(
        tmp_path,
        "Ardentis raised $12 million in a Series A led by Harbor Capital and Lumen Partners.\n\n"
        "Brovik closed a $4 million seed round.",
    )
    assert list(rows.columns) == list(EXTRACTED_COLUMNS)
    assert set(map(str, rows.dtypes)) == {"object"}
    assert rows[["company_text", "amount_text"]].values.tolist() == [
        ["Ardentis", "$12 million"], ["Brovik", "$4 million"]
    ]  # fmt: skip
    # a list of investors is one cell, not spread over the row
    assert rows.loc[0, "lead_investors_text"] == ["Harbor Capital", "Lumen Partners"]
    assert rows.loc[1, "lead_investors_text"] == []
    assert rows["url"].tolist() == ["https://example.org/story"] * 2
    assert rows["published_date"].tolist() == [date(2026, 3, 2)] * 2


def test_a_page_without_deals_has_the_columns_and_no_rows(tmp_path: Path) -> None:
    rows = _page_rows(tmp_path, "The weather in Lisbon was mild this week.")
    assert list(rows.columns) == list(EXTRACTED_COLUMNS)
    assert len(rows) == 0
