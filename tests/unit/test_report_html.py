"""The rendered investment map: what each section shows, and totals that reconcile with SQL over deals."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from lxml import html

from tests.unit.test_report_data import DEALS, GENERATED_AT, M, build_warehouse, deal
from warehouse.database import Warehouse
from warehouse.report.data import load_report
from warehouse.report.html import render_report
from warehouse.report.markup import Labels
from warehouse.report.units import usd

LABELS = Labels(
    {"hardware": "Hardware", "compute": "Compute", "applications": "Applications"},
    {"seed": "Seed", "series_a": "Series A", "series_b": "Series B", "growth": "Growth", "debt": "Debt"},
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Iterator[tuple[duckdb.DuckDBPyConnection, html.HtmlElement, str]]:
    """The hand-made warehouse (read-only), and its report as text and as a parsed tree."""
    warehouse = Warehouse(tmp_path_factory.mktemp("report") / "work.duckdb")
    build_warehouse(warehouse, DEALS)
    with warehouse.connect(read_only=True) as connection:
        page = render_report(load_report(connection, GENERATED_AT), LABELS)
        yield connection, html.fromstring(page), page


def _ints(elements) -> list[int]:
    return [int(e) for e in elements]


# --- reconciliation: what the page shows against sums computed here, straight from deals ---------------


def test_headline_total_is_the_sum_of_disclosed_amounts_in_deals(built):
    connection, tree, _ = built
    (total,) = connection.execute("select sum(amount_usd) from deals").fetchone()
    (headline,) = tree.xpath("//dl[@class='headline']/div[dt='Disclosed capital']/dd")
    assert int(headline.get("data-usd")) == total == 1_235_000_000
    assert headline.text_content() == usd(total) == "$1.2B"


def test_each_layer_total_and_count_reconciles_with_deals(built):
    connection, tree, _ = built
    expected = {
        layer: (count, amount)
        for layer, count, amount in connection.execute(
            "select layer, count(*), sum(amount_usd) from deals group by layer"
        ).fetchall()
    }
    rows = tree.xpath("//section[@id='layers']//tr[@data-layer]")
    shown = {
        row.get("data-layer"): (
            int(row.xpath("td[@data-deals]/@data-deals")[0]),
            int(row.xpath("td[@data-usd]/@data-usd")[0]),
        )
        for row in rows
    }
    assert shown == expected
    # Largest first, under the taxonomy's labels.
    assert [row.xpath("td")[0].text_content() for row in rows] == ["Compute", "Hardware", "Applications"]


def test_stacked_quarter_columns_add_up_to_each_quarter_in_deals(built):
    connection, tree, _ = built
    expected = dict(
        connection.execute(
            "select strftime(announced_date, '%Y') || '-Q' || quarter(announced_date), sum(amount_usd) "
            "from deals group by 1 having sum(amount_usd) is not null"
        ).fetchall()
    )
    columns = tree.xpath("//section[@id='layers']//*[local-name()='g'][@class='column']")
    shown = {
        c.get("data-key"): sum(_ints(c.xpath("*[local-name()='rect']/@data-value")))
        for c in columns
        if c.xpath("*[local-name()='rect']")
    }
    assert shown == expected
    # Every quarter from the first to the last is on the axis, deals or not (2024-Q1 .. 2026-Q2).
    assert len(columns) == 10


def test_concentration_shares_reconcile_with_deals_overall_and_per_year(built):
    connection, tree, _ = built
    shares = connection.execute(
        """
        with ranked as (
            select strftime(announced_date, '%Y') as year, amount_usd,
                   row_number() over (order by amount_usd desc) as overall_rank
            from deals where amount_usd is not null
        )
        select sum(amount_usd) filter (where overall_rank <= 1) / sum(amount_usd),
               sum(amount_usd) filter (where overall_rank <= 3) / sum(amount_usd),
               sum(amount_usd) filter (where overall_rank <= 10) / sum(amount_usd)
        from ranked
        """
    ).fetchone()
    (overall,) = tree.xpath("//section[@id='concentration']//tr[@data-period='all']")
    assert [float(s) for s in overall.xpath("td/@data-share")] == pytest.approx(list(shares))
    assert float(
        tree.xpath("//dl[@class='headline']/div[dt='Top-3 share']/dd/@data-share")[0]
    ) == pytest.approx(shares[1])
    yearly = dict(
        connection.execute(
            "select strftime(announced_date, '%Y'), sum(amount_usd) from deals "
            "where amount_usd is not null group by 1"
        ).fetchall()
    )
    rows = tree.xpath("//section[@id='concentration']//tr[@data-period!='all']")
    assert {r.get("data-period"): int(r.xpath("td/@data-usd")[0]) for r in rows} == yearly


def test_top_deal_bars_are_the_largest_disclosed_amounts_in_order(built):
    connection, tree, _ = built
    amounts = [
        row[0] for row in connection.execute(
            "select amount_usd from deals where amount_usd is not null order by amount_usd desc"
        ).fetchall()
    ]  # fmt: skip
    bars = tree.xpath("//section[@id='top-deals']//*[local-name()='rect'][@class='bar-fill']")
    assert _ints(b.get("data-usd") for b in bars) == amounts
    assert _ints(b.get("data-rank") for b in bars) == list(range(1, len(amounts) + 1))


# --- what each section shows ---------------------------------------------------------------------------


def test_sections_show_leads_step_ups_and_coverage(built):
    _, tree, _ = built
    leads = tree.xpath("//section[@id='leads']//*[local-name()='g'][@class='bar']")
    assert [g.get("data-key") for g in leads] == ["Kestrel", "Oakum"]
    assert "3 led · $110M" in leads[0].text_content()
    steps = tree.xpath("//section[@id='step-ups']//tbody/tr")
    assert len(steps) == 3
    assert [td.text_content() for td in steps[0].xpath("td")] == [
        "Arcfield",
        "Seed (2024-02-10)",
        "Series A (2025-03-01)",
        "valuation",
        "$100M",
        "$400M",
        "4.0×",
    ]
    assert [float(r) for r in tree.xpath("//section[@id='step-ups']//@data-ratio")[:3]] == [4.0, 2.0, 0.5]
    facts = {
        div.xpath("dt")[0].text_content(): div.xpath("dd")[0].text_content()
        for div in tree.xpath("//dl[@class='coverage-facts']/div")
    }
    assert facts["Rows in quarantine"] == "1"
    assert facts["Sources"] == "3"
    assert facts["Newest document fetched"] == "2026-05-31 06:00 UTC"
    assert facts["Report written"] == "2026-06-01 12:00 UTC"
    sources = tree.xpath("//section[@id='coverage']//tbody/tr/td[1]")
    assert [td.text_content() for td in sources] == ["wire", "digest", "dormant"]


def test_page_is_self_contained(built):
    _, tree, page = built
    assert not tree.xpath("//script | //link | //img | //iframe | //object")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert csp.startswith("default-src 'none'")
    assert len(tree.xpath("//*[local-name()='svg']")) == 7  # one chart in each of the seven sections


def test_an_empty_warehouse_renders_every_section_with_a_message(tmp_path):
    warehouse = Warehouse(tmp_path / "work.duckdb")
    build_warehouse(warehouse, [])
    with warehouse.connect(read_only=True) as connection:
        tree = html.fromstring(render_report(load_report(connection, GENERATED_AT)))
    assert len(tree.xpath("//section")) == 7
    assert len(tree.xpath("//section//p[@class='empty']")) == 6  # all but coverage, which lists the sources
    assert tree.xpath("//dl[@class='headline']/div[dt='Disclosed capital']/dd")[0].text_content() == "$0"
    # The sources were still fetched: coverage keeps its chart of them.
    assert len(tree.xpath("//*[local-name()='svg']")) == 1


def test_a_deal_dated_only_by_its_year_stays_out_of_that_years_first_quarter(tmp_path):
    """A deal its sources date only by the year is stored on 1 January: the chart leaves it out of Q1 and
    its caption says so, and the layer totals still count it."""
    year_only = deal("Elmstead", "series_a", "2025-01-01", 900 * M, None, "gpu_clouds")
    year_only |= {"announced_date_precision": "year"}

    def columns_and_caption(deals: list[dict], folder: str) -> tuple[list[bytes], str, html.HtmlElement]:
        warehouse = Warehouse(tmp_path / folder / "work.duckdb")
        warehouse.path.parent.mkdir()
        build_warehouse(warehouse, deals)
        with warehouse.connect(read_only=True) as connection:
            tree = html.fromstring(render_report(load_report(connection, GENERATED_AT), LABELS))
        layers = tree.xpath("//section[@id='layers']")[0]
        columns = layers.xpath(".//*[local-name()='g'][@class='column']")
        return [html.tostring(column) for column in columns], layers.text_content(), tree

    without, _, _ = columns_and_caption(DEALS, "without")
    columns, caption, tree_of_year_only = columns_and_caption([*DEALS, year_only], "with")
    assert columns == without  # not in 2025-Q1, nor in a column of its own
    assert "1 deal dated only by the year counts in the totals below, not in any quarter." in caption
    assert "nothing dates" not in caption
    top = tree_of_year_only.xpath("//section[@id='top-deals']//tbody/tr[td[2]='Elmstead']/td")
    assert top[5].text_content() == "2025"  # its year, not 2025-01-01


def test_an_undated_deal_counts_in_the_totals_not_on_the_time_axis(tmp_path):
    """A deal nothing dates has no quarter to stand in: the chart's axis is the dated quarters alone, its
    caption says how many deals are left off it, and the layer totals and top deals still count it."""
    undated = deal("Elmstead", "series_a", "2026-01-01", 900 * M, None, "gpu_clouds")
    undated |= {"announced_date": None, "announced_date_precision": None, "date_basis": "undated"}
    warehouse = Warehouse(tmp_path / "work.duckdb")
    build_warehouse(warehouse, [*DEALS, undated])
    with warehouse.connect(read_only=True) as connection:
        tree = html.fromstring(render_report(load_report(connection, GENERATED_AT), LABELS))
        (compute_total,) = connection.execute(
            "select sum(amount_usd) from deals where layer = 'compute'"
        ).fetchone()
    layers = tree.xpath("//section[@id='layers']")[0]
    columns = layers.xpath(".//*[local-name()='g'][@class='column']")
    assert columns[0].get("data-key") == "2024-Q1"
    assert len(columns) == 10
    assert "1 deal that nothing dates counts in the totals below, not in the chart." in layers.text_content()
    compute = layers.xpath(".//tr[@data-layer='compute']/td[@data-usd]/@data-usd")
    assert int(compute[0]) == compute_total > 900 * M  # Elmstead's 900M included
    top = [
        [td.text_content() for td in row.xpath("td")]
        for row in tree.xpath("//section[@id='top-deals']//tbody/tr")
    ]
    assert [row[1:3] + row[5:6] for row in top if row[1] == "Elmstead"] == [["Elmstead", "Series A", "—"]]


def test_deals_all_dated_only_by_their_year_draw_no_empty_time_axis(tmp_path):
    """With no deal dated to a quarter there is no chart to draw: the section says so, with how many deals
    the totals below count, and draws no axis of repeated ticks."""
    deals = [
        deal("Elmstead", "series_a", "2025-01-01", 900 * M, None, "gpu_clouds")
        | {"announced_date_precision": "year"},
        deal("Fenwick", "seed", "2024-01-01", 5 * M, None, "ai_chips") | {"announced_date_precision": "year"},
    ]
    warehouse = Warehouse(tmp_path / "work.duckdb")
    build_warehouse(warehouse, deals)
    with warehouse.connect(read_only=True) as connection:
        tree = html.fromstring(render_report(load_report(connection, GENERATED_AT), LABELS))
    layers = tree.xpath("//section[@id='layers']")[0]
    assert not layers.xpath(".//*[local-name()='svg']")
    assert layers.xpath(".//p[@class='empty']")[0].text_content() == (
        "No deal is dated to a quarter. 2 deals dated only by the year count in the totals below, not in "
        "any quarter."
    )
    assert len(layers.xpath(".//tbody/tr")) == 2  # the layer totals still count them
