"""The kinds table: every kind says how it lists and reads, and every way has its code."""

from __future__ import annotations

from pathlib import Path

import pytest

from assets.fetching import collect
from assets.parsing import dispatch
from assets.parsing.dispatch import UnsupportedDocument, parse_stored_document
from assets.source_kinds import COLUMN_KINDS, KIND_OPTIONS, KINDS, Listing, Reading, SourceKind
from assets.sources import Source


def test_every_kind_has_a_row() -> None:
    assert set(KINDS) == set(SourceKind)
    assert set(KIND_OPTIONS) == set(SourceKind)
    assert frozenset({SourceKind.TABLE}) == COLUMN_KINDS


def test_every_way_of_listing_has_a_collector_and_every_way_of_reading_a_reader() -> None:
    assert set(collect._COLLECTORS) == set(Listing)
    assert set(dispatch._ROW_READERS) == set(Reading)


@pytest.mark.parametrize(
    ("kind", "listing", "reading"),
    [
        (SourceKind.ARTICLE, Listing.ITS_URL, Reading.WEB_PAGE),
        (SourceKind.FEED, Listing.FEED_ENTRIES, Reading.WEB_PAGE),
        (SourceKind.NEWSLETTER, Listing.ISSUE_FILES, Reading.NEWSLETTER_ISSUE),
        (SourceKind.TABLE, Listing.ITS_URL, Reading.TABLE_EXPORT),
    ],
)
def test_what_each_kind_does(kind: SourceKind, listing: Listing, reading: Reading) -> None:
    assert (KINDS[kind].listing, KINDS[kind].reading) == (listing, reading)


def _source(kind: SourceKind, url: str) -> Source:
    return Source(id="s", name="S", kind=kind, url=url)


def test_a_feed_document_itself_yields_nothing_and_its_entries_are_read_as_pages(tmp_path: Path) -> None:
    page = tmp_path / "entry.html"
    page.write_text("<html><body><p>Quillfort raised $40 million in a Series B.</p></body></html>")
    feed = _source(SourceKind.FEED, (tmp_path / "feed.xml").as_uri())
    assert parse_stored_document(feed, feed.url, "application/rss+xml", page) == []
    [document] = parse_stored_document(feed, page.as_uri(), "text/html", page)
    assert [(m.company, m.amount) for m in document.mentions] == [("Quillfort", "$40 million")]


def test_a_table_export_is_not_read_as_a_text_document(tmp_path: Path) -> None:
    export = tmp_path / "deals.csv"
    export.write_text("company,amount\nQuillfort,$40M\n")
    with pytest.raises(UnsupportedDocument, match="table documents are not parsed as text documents"):
        parse_stored_document(_source(SourceKind.TABLE, export.as_uri()), export.as_uri(), None, export)
