"""An amount stated as an upper bound ('up to $300 million') keeps its number and is flagged a ceiling, from
the words read to the served deal and the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from assets.normalize.amounts import parse_amount
from assets.normalize.mentions import References
from assets.parsing.dispatch import extract_document
from assets.sources import Source, SourceKind
from bench.extraction.evaluate import publish_mentions
from tests.unit.test_report_data import DEALS, GENERATED_AT, M, build_warehouse, deal
from tests.unit.test_report_html import LABELS
from warehouse.database import Warehouse
from warehouse.report.data import load_report
from warehouse.report.html import render_report


@pytest.mark.parametrize(
    ("text", "ceiling", "floor"),
    [
        ("up to $300 million", True, False),
        ("Up to €40M", True, False),
        ("as much as $2bn", True, False),
        ("a maximum of 10 million", True, False),
        ("$300 million", False, False),
        ("about $40M", False, False),
        ("more than $200 million", False, True),
        ("up to $5M+", False, True),  # both bounds at once: only the '+' is read, a floor
    ],
)
def test_an_upper_bound_keeps_its_number_and_is_flagged(text: str, ceiling: bool, floor: bool) -> None:
    money = parse_amount(text, "USD").money
    assert (money.is_ceiling, money.is_floor) == (ceiling, floor)
    assert money.value in (300_000_000, 40_000_000, 2_000_000_000, 10_000_000, 200_000_000, 5_000_000)


def _deals(tmp_path: Path, name: str, body: str, kind: SourceKind, content_type: str) -> dict[str, tuple]:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    source = Source(id="t", kind=kind, url=path.as_uri())
    frame = extract_document(source, path.as_uri(), "0" * 64, content_type, path, None)
    deals = publish_mentions(frame, References.of()).deals
    return {
        row["company"]: (row["amount_usd"], row["amount_is_ceiling"], row["amount_is_floor"])
        for row in deals.to_dict("records")
    }


@pytest.mark.parametrize(
    ("name", "body", "kind", "content_type"),
    [
        ("page.txt",
         "Published: 2026-03-05\n\nKestrel Labs secured a loan of up to $300 million from Harbor Bank.\n\n"
         "Quorrel Robotics raised $40 million in a Series B led by Fenwick Capital.\n",
         SourceKind.ARTICLE, "text/plain"),
        ("export.csv",
         "company,round_type,amount,currency,announced_date\nKestrel Labs,Debt,up to $300M,USD,2026-03-01\n"
         "Quorrel Robotics,Series B,$40M,USD,2026-03-02\n",
         SourceKind.TABLE, "text/csv"),
    ],
)  # fmt: skip
def test_an_upper_bound_in_a_sentence_or_a_cell_reaches_the_deal(
    tmp_path: Path, name: str, body: str, kind: SourceKind, content_type: str
) -> None:
    assert _deals(tmp_path, name, body, kind, content_type) == {
        "Kestrel Labs": (300_000_000, True, False),
        "Quorrel Robotics": (40_000_000, False, False),
    }


def test_the_report_says_up_to(tmp_path: Path) -> None:
    capped = deal("Elmstead", "debt", "2026-02-01", 900 * M, None, "gpu_clouds") | {"amount_is_ceiling": True}
    warehouse = Warehouse(tmp_path / "work.duckdb")
    build_warehouse(warehouse, [*DEALS, capped])
    with warehouse.connect(read_only=True) as connection:
        page = render_report(load_report(connection, GENERATED_AT), LABELS)
    row = html.fromstring(page).xpath("//section[@id='top-deals']//tbody/tr[td[2]='Elmstead']")[0]
    assert "up to $900" in row.text_content()
