"""Names from sources land in the investment map only escaped: in text, tables, SVG titles and attributes."""

from __future__ import annotations

import html
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from tests.unit.test_report_data import GENERATED_AT, M, build_warehouse, deal
from warehouse.database import Warehouse
from warehouse.report.data import load_report
from warehouse.report.html import render_report

SCRIPT = "<script>alert(1)</script>"
QUOTES = "Quote \"Labs\" & 'Partners'"
SVG_BREAK = "</svg><img src=x onerror=alert(2)>"
INVESTOR = '"><script>alert(3)</script>'
SINGLE = "O'Brien & Sons </svg>"
SEGMENT_LABEL = "<b>bold</b> & co"
SEGMENT = 'seg"ment<'
LAYER = "lay'er</text>"
SOURCE = "src</title><script>alert(4)</script>"
HOSTILE = [SCRIPT, QUOTES, SVG_BREAK, INVESTOR, SINGLE, SEGMENT_LABEL, SEGMENT, LAYER, SOURCE]

# The elements the report itself writes; anything else in the page came from a name.
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "nav", "a", "main",
    "section", "figure", "figcaption", "dl", "div", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td",
    "svg", "g", "rect", "line", "text", "footer",
}  # fmt: skip


def _hostile_deals() -> list[dict]:
    rows = [
        deal(SCRIPT, "seed", "2025-01-10", 10 * M, 50 * M, "ai_chips", (INVESTOR,), (SINGLE,)),
        deal(SCRIPT, "series_a", "2026-01-10", 40 * M, 200 * M, "ai_chips", (SINGLE,)),
        deal(QUOTES, "series_b", "2026-02-10", 90 * M, None, "gpu_clouds", (INVESTOR,)),
        deal(SVG_BREAK, "growth", "2026-03-10", 300 * M, None, "voice_ai"),
    ]
    rows[2].update(segment=SEGMENT, segment_label=SEGMENT_LABEL, layer=LAYER)
    return rows


class _Page(HTMLParser):
    """What a browser's parser sees: element names, attribute names and values, and text (decoded)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.starts: Counter[str] = Counter()
        self.ends: Counter[str] = Counter()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.starts[tag] += 1
        self.attributes.extend(attrs)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.ends[tag] += 1

    def handle_endtag(self, tag):
        self.ends[tag] += 1

    def handle_data(self, data):
        self.text.append(data)


def hostile_page(directory: Path) -> str:
    """The report of a warehouse in `directory` whose names, segment, layer and a source id are hostile."""
    warehouse = Warehouse(directory / "work.duckdb")
    build_warehouse(warehouse, _hostile_deals())
    with warehouse.connect() as connection:
        document = {"source_id": SOURCE, "url": "https://example.test/a", "sha256": "0" * 64,
                    "fetched_at": GENERATED_AT, "status": "new", "bytes": 10, "run_id": "run-1"}  # fmt: skip
        warehouse.append(connection, "documents", pd.DataFrame([document]))
    with warehouse.connect(read_only=True) as connection:
        data = load_report(connection, GENERATED_AT)
    # Every section that shows names has some to show.
    assert len(data.step_ups) == 1
    assert len(data.lead_investors) == 2
    assert SOURCE in {s.source_id for s in data.sources}
    return render_report(data)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    return hostile_page(tmp_path_factory.mktemp("hostile"))


def test_no_hostile_name_appears_unescaped(page):
    for name in HOSTILE:
        assert name not in page, name
        assert html.escape(name, quote=True) in page, name


def test_the_parser_sees_only_the_reports_own_elements(page):
    parsed = _Page(page)
    assert set(parsed.starts) <= OWN_TAGS, set(parsed.starts) - OWN_TAGS
    assert parsed.starts["script"] == parsed.starts["img"] == parsed.starts["b"] == 0
    assert not [name for name, _ in parsed.attributes if name.startswith("on")]
    # No name closed an element early: every svg, title and text opened is closed once.
    for tag in ("svg", "title", "text", "table", "section"):
        assert parsed.starts[tag] == parsed.ends[tag], tag
    assert parsed.starts["svg"] == 7


def test_hostile_names_read_back_exactly_as_text_and_attribute_values(page):
    parsed = _Page(page)
    text = "".join(parsed.text)
    values = {value for _, value in parsed.attributes}
    for name in HOSTILE:
        if name != SEGMENT:  # a slug: shown by its label, kept in data-key
            assert name in text, name
    # Bars and rows carry names and slugs as data attributes: they decode to the exact name too.
    for name in (SCRIPT, QUOTES, INVESTOR, SEGMENT, SOURCE):
        assert name in values, name
    # Chart tooltips (SVG <title>) carry names as well.
    assert f"#1 {SVG_BREAK}: growth" in text
