"""An amount stated as an upper bound ('up to $300 million') keeps its number and is flagged a ceiling, from
the words read to the served deal and the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from assets.normalize.amounts import AmountStatus, parse_amount
from assets.normalize.mentions import References
from assets.parsing.dispatch import extract_document
from assets.parsing.text_article import parse_text_article
from assets.sources import Source, SourceKind
from bench.extraction.evaluate import publish_mentions
from tests.unit.test_report_data import DEALS, GENERATED_AT, M, build_warehouse, deal
from tests.unit.test_report_html import LABELS
from warehouse.database import Warehouse
from warehouse.report.data import load_report
from warehouse.report.html import render_report


@pytest.mark.parametrize(
    ("text", "value", "ceiling", "floor"),
    [
        ("up to $300 million", 300_000_000, True, False),
        ("Up to €40M", 40_000_000, True, False),
        ("as much as $2bn", 2_000_000_000, True, False),
        ("a maximum of 10 million", 10_000_000, True, False),
        ("$300 million", 300_000_000, False, False),
        ("about $40M", 40_000_000, False, False),
        ("more than $200 million", 200_000_000, False, True),
        ("up to $5M+", 5_000_000, False, True),  # both bounds at once: only the '+' is read, a floor
        ("no more than $20M", 20_000_000, True, False),
        ("jusqu’à 20 M€", 20_000_000, True, False),  # the typographic apostrophe French writes
    ],
)
def test_an_upper_bound_keeps_its_number_and_is_flagged(
    text: str, value: int, ceiling: bool, floor: bool
) -> None:
    money = parse_amount(text, "USD").money
    assert (money.value, money.is_ceiling, money.is_floor) == (value, ceiling, floor)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("up to 800.000 €", 800_000, "EUR"),
        ("hasta 800.000 €", 800_000, "EUR"),
        ("jusqu'à 800.000 €", 800_000, "EUR"),
        ("as much as 250.000 CHF", 250_000, "CHF"),
        ("bis zu 5 Mio. Euro", 5_000_000, "EUR"),
        ("up to 4,7 Mio. Euro", 4_700_000, "EUR"),
        ("hasta 800.000 euros", 800_000, "EUR"),  # the plural Spanish and French write
    ],
)
def test_a_bound_before_a_continental_amount_is_read_past(text: str, value: int, currency: str) -> None:
    """The bound's words are set aside before the amount is read the continental way: 'up to 800.000 €' is
    eight hundred thousand, never 800."""
    money = parse_amount(text, "EUR").money
    assert (money.value, money.currency, money.is_ceiling) == (value, currency, True)


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        # an approximation between the bound and its sum
        ("Kestrel Labs secured a loan of up to about $300 million from Harbor Bank.",
         "up to about $300 million"),
        # 'no more than' ends with a floor's words; the longer phrase is the one read
        ("Kestrel Labs raised no more than $300 million in a Series A led by Fenwick Capital.",
         "no more than $300 million"),
    ],
)  # fmt: skip
def test_an_upper_bound_in_a_sentence_keeps_its_words_and_is_a_ceiling(sentence: str, written: str) -> None:
    (mention,) = parse_text_article(sentence).mentions
    assert mention.amount == written
    money = parse_amount(mention.amount, "USD").money
    assert (money.value, money.is_ceiling, money.is_floor) == (300_000_000, True, False)


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


@pytest.mark.parametrize("text", ["hasta 800.000 £", "up to $800.000", "more than 800.000 GBP"])
def test_a_bound_before_points_no_continental_reading_takes_stays_unparseable(text: str) -> None:
    """Eight hundred or eight hundred thousand: no reading of the cell says which, so it is quarantined
    rather than served as 800."""
    assert parse_amount(text, "EUR").status is AmountStatus.UNPARSEABLE


def test_a_cell_of_euros_grouped_by_points_is_thousands() -> None:
    money = parse_amount("800.000 euros", "USD").money
    assert (money.value, money.currency) == (800_000, "EUR")
