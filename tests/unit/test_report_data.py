"""The investment map's figures on a hand-made warehouse: step-ups, coverage, marts read, empty state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import pandas as pd
import pytest

from tests.deal_rows import deal_row
from warehouse.database import MARTS, Warehouse
from warehouse.report.data import (
    STEP_UPS_KEPT,
    DealCounts,
    StepUp,
    StepUps,
    compute_deal_counts,
    compute_deal_figures,
    compute_step_ups,
    load_report,
    load_sources,
)
from warehouse.report.deal_figures_cache import cached_figures, keep_figures
from warehouse.summary import summary_lines

M = 1_000_000
GENERATED_AT = dt.datetime(2026, 6, 1, 12, 0)
SEGMENTS = {
    "ai_chips": ("hardware", "AI chips"),
    "gpu_clouds": ("compute", "GPU clouds"),
    "voice_ai": ("applications", "Voice AI"),
}


def deal(
    company: str,
    round_type: str,
    announced: str,
    amount_usd: int | None,
    valuation_usd: int | None = None,
    segment: str = "ai_chips",
    leads: tuple[str, ...] = (),
    others: tuple[str, ...] = (),
) -> dict:
    """One row of `deals`; the leads are among the investors, as in deals."""
    layer, label = SEGMENTS[segment]
    return deal_row(
        deal_id=f"{company}-{round_type}".lower().replace(" ", "-"),
        company=company,
        round_type=round_type,
        amount_usd=amount_usd,
        valuation_usd=valuation_usd,
        lead_investors=list(leads),
        investors=[*leads, *others],
        announced_date=dt.date.fromisoformat(announced),
        first_seen_at=dt.datetime(2026, 5, 30, 8, 0),
        segment=segment,
        segment_label=label,
        layer=layer,
    )


# Five companies, ten rounds over 2024-2026. Arcfield steps up by valuation then by amount (its third round
# reports no valuation); Brindle's second round is a down round; Cobalt's two rounds share a day and Dunlin's
# first round discloses nothing, so neither yields a step.
DEALS = [
    deal("Arcfield", "seed", "2024-02-10", 20 * M, 100 * M, "ai_chips", ("Kestrel",), ("Oakum",)),
    deal("Arcfield", "series_a", "2025-03-01", 60 * M, 400 * M, "ai_chips", ("Kestrel",)),
    deal("Arcfield", "series_b", "2026-02-01", 120 * M, None, "ai_chips", ("Oakum",)),
    deal("Brindle", "series_a", "2025-06-01", 50 * M, 500 * M, "gpu_clouds"),
    deal("Brindle", "series_b", "2026-05-01", 30 * M, 250 * M, "gpu_clouds", ("Kestrel",)),
    deal("Cobalt", "seed", "2025-09-09", 10 * M, None, "voice_ai"),
    deal("Cobalt", "debt", "2025-09-09", 5 * M, None, "voice_ai"),
    deal("Dunlin", "seed", "2025-01-05", None, None, "voice_ai"),
    deal("Dunlin", "series_a", "2026-01-05", 40 * M, None, "voice_ai"),
    deal("Eider", "growth", "2026-03-03", 900 * M, 9_000 * M, "gpu_clouds", ("Oakum",), ("Kestrel",)),
]
FETCHED = dt.datetime(2026, 5, 31, 6, 0)


def build_warehouse(warehouse: Warehouse, deals: list[dict]) -> None:
    """`deals` with their marts, two sources' documents and fetches, their deal_sources and a rejected row."""
    sources = [
        {"deal_id": d["deal_id"], "source_id": "wire", "record_id": f"w-{d['deal_id']}"} for d in deals
    ]
    sources += [
        {"deal_id": d["deal_id"], "source_id": "digest", "record_id": f"d-{d['deal_id']}"} for d in deals[:2]
    ]
    with warehouse.connect() as connection:
        warehouse.replace(connection, "deals", pd.DataFrame(deals))
        for mart in MARTS:
            warehouse.build_mart(connection, mart)
        warehouse.replace(
            connection,
            "deal_sources",
            pd.DataFrame(
                [
                    {**s, "url": f"https://{s['source_id']}.example/1", "document_sha256": "ab" * 32,
                     "method": "html_table", "locator": "row 1", "precedence": 1}
                    for s in sources
                ]
            ),
        )  # fmt: skip
        warehouse.replace(
            connection,
            "rejected_deals",
            pd.DataFrame(
                [{"record_id": "r1", "source_id": "digest", "failed_checks": ["amount_parsed"],
                  "reason": "no amount", "run_id": "run-2", "rejected_at": FETCHED}]
            ),
        )  # fmt: skip
        documents = [
            ("wire", "https://wire.example/1", FETCHED - dt.timedelta(days=3)),
            ("wire", "https://wire.example/1", FETCHED),  # a second version of the same page
            ("wire", "https://wire.example/2", FETCHED - dt.timedelta(days=1)),
            ("digest", "https://digest.example/1", FETCHED - dt.timedelta(days=10)),
        ]
        warehouse.append(
            connection,
            "documents",
            pd.DataFrame(
                [{"source_id": s, "url": u, "sha256": f"{i:064x}", "fetched_at": t, "status": "new",
                  "bytes": 100, "run_id": "run-1"} for i, (s, u, t) in enumerate(documents)]
            ),
        )  # fmt: skip
        fetches = [
            ("run-1", "wire", "ok", FETCHED),
            ("run-1", "digest", "error", FETCHED - dt.timedelta(days=2)),
            ("run-2", "digest", "ok", FETCHED + dt.timedelta(hours=1)),
            ("run-2", "digest", "error", FETCHED + dt.timedelta(hours=1)),
            ("run-1", "dormant", "error", FETCHED - dt.timedelta(days=5)),  # never stored a document
        ]
        warehouse.append(
            connection,
            "fetch_log",
            pd.DataFrame(
                [{"run_id": r, "source_id": s, "url": f"https://{s}.example/{i}", "attempted_at": t,
                  "status": status} for i, (r, s, status, t) in enumerate(fetches)]
            ),
        )  # fmt: skip


@pytest.fixture(scope="module")
def connection(tmp_path_factory) -> Iterator[duckdb.DuckDBPyConnection]:
    """DEALS in a warehouse built once for the module; read-only, so no test can change it for another."""
    warehouse = Warehouse(tmp_path_factory.mktemp("report") / "work.duckdb")
    build_warehouse(warehouse, DEALS)
    with warehouse.connect(read_only=True) as read_only:
        yield read_only


def test_step_ups_compare_successive_rounds_by_valuation_else_amount(connection):
    day = dt.date.fromisoformat
    assert compute_step_ups(connection).largest == (
        StepUp("Arcfield", "arcfield-series_a", "seed", "series_a", day("2024-02-10"), day("2025-03-01"),
               "valuation", 100 * M, 400 * M, 4.0),
        StepUp("Arcfield", "arcfield-series_b", "series_a", "series_b", day("2025-03-01"), day("2026-02-01"),
               "amount", 60 * M, 120 * M, 2.0),
        StepUp("Brindle", "brindle-series_b", "series_a", "series_b", day("2025-06-01"), day("2026-05-01"),
               "valuation", 500 * M, 250 * M, 0.5),
    )  # fmt: skip


def test_the_report_keeps_the_largest_step_ups_and_counts_them_all(connection):
    everything = compute_step_ups(connection).largest
    assert len(everything) == 3
    assert compute_step_ups(connection, kept=1) == StepUps(3, 2, everything[:1])  # cut, counted whole
    data = load_report(connection, dt.datetime(2026, 12, 1))
    assert (data.step_up_count, data.step_up_companies) == (3, 2)
    assert data.step_ups == everything[:STEP_UPS_KEPT]  # in the query's order, largest first


def test_step_ups_follow_the_date_order_not_the_row_order(tmp_path):
    warehouse = Warehouse(tmp_path / "work.duckdb")
    later, earlier = (
        deal("Fenwick", "series_b", "2026-04-01", 90 * M),
        deal("Fenwick", "series_a", "2025-04-01", 30 * M),
    )
    build_warehouse(warehouse, [later, earlier])
    with warehouse.connect(read_only=True) as connection:
        (step,) = compute_step_ups(connection).largest
    assert (step.from_round_type, step.to_round_type, step.basis, step.ratio) == (
        "series_a",
        "series_b",
        "amount",
        3.0,
    )


def test_overview_counts_deals_quarantine_sources_and_fetch_times(connection):
    overview = load_report(connection, GENERATED_AT).overview
    assert overview.deal_count == 10
    assert overview.disclosed_deal_count == 9
    assert overview.company_count == 5
    assert (overview.first_announced, overview.last_announced) == (dt.date(2024, 2, 10), dt.date(2026, 5, 1))
    assert overview.rejected_count == 1
    assert overview.source_count == 3  # wire, digest, and dormant (fetched, never stored anything)
    assert overview.document_count == 3  # distinct URLs, not versions
    assert overview.newest_fetch == FETCHED
    assert overview.last_attempt == FETCHED + dt.timedelta(hours=1)


def test_sources_show_documents_deals_quarantine_and_errors_of_the_latest_run(connection):
    sources = load_sources(connection, compute_deal_counts(connection))
    rows = {s.source_id: s for s in sources}
    assert [s.source_id for s in sources] == ["wire", "digest", "dormant"]  # by deals backed
    wire, digest, dormant = rows["wire"], rows["digest"], rows["dormant"]
    assert (wire.document_count, wire.deal_count, wire.rejected_count, wire.error_count) == (2, 10, 0, 0)
    # digest's run-1 error is history; its latest run (run-2) had one error.
    assert (digest.document_count, digest.deal_count, digest.rejected_count, digest.error_count) == (
        1,
        2,
        1,
        1,
    )
    assert digest.newest_fetch == FETCHED - dt.timedelta(days=10)
    assert digest.last_attempt == FETCHED + dt.timedelta(hours=1)
    assert (dormant.document_count, dormant.deal_count, dormant.error_count, dormant.newest_fetch) == (
        0,
        0,
        1,
        None,
    )


def test_report_reads_layers_segments_top_deals_concentration_and_leads(connection):
    data = load_report(connection, GENERATED_AT)
    assert data.generated_at == GENERATED_AT
    assert data.layer_totals() == {"compute": 980 * M, "hardware": 200 * M, "applications": 55 * M}
    assert [(s.segment, s.deal_count, s.amount_usd) for s in data.segments] == [
        ("gpu_clouds", 3, 980 * M),
        ("ai_chips", 3, 200 * M),
        ("voice_ai", 4, 55 * M),
    ]
    assert [(d.rank, d.company, d.amount_usd) for d in data.top_deals[:3]] == [
        (1, "Eider", 900 * M),
        (2, "Arcfield", 120 * M),
        (3, "Arcfield", 60 * M),
    ]
    assert len(data.top_deals) == 9  # every disclosed deal: fewer than the 15 shown at most
    assert [c.period for c in data.concentration] == ["2024", "2025", "2026", "all"]
    assert data.disclosed_usd == 1_235 * M
    assert data.overall.top_3_share == pytest.approx(1_080 / 1_235)
    assert data.yearly[1].amount_usd == 125 * M
    assert data.yearly[0].top_1_share == 1.0
    assert [(i.investor, i.lead_count, i.led_amount_usd, i.deal_count) for i in data.lead_investors] == [
        ("Kestrel", 3, 110 * M, 4),
        ("Oakum", 2, 1_020 * M, 3),
    ]


def test_an_empty_warehouse_gives_an_empty_report_not_an_error(tmp_path):
    warehouse = Warehouse(tmp_path / "work.duckdb")
    build_warehouse(warehouse, [])
    with warehouse.connect(read_only=True) as connection:
        data = load_report(connection, GENERATED_AT)
    assert data.overview.deal_count == 0
    assert (data.layer_quarters, data.segments, data.top_deals, data.concentration) == ((), (), (), ())
    assert (data.lead_investors, data.step_ups) == ((), ())
    assert data.overall is None
    assert data.disclosed_usd == 0
    assert data.layer_totals() == {}


def test_figures_kept_for_the_same_deals_are_read_back_as_computed(connection, tmp_path):
    """The page of a refresh whose deals stand reads the step-ups and deal counts the last page kept (same
    deals digest, same queries); other deals, or no digest, compute them again."""
    kept = tmp_path / "work.duckdb.deal_figures.json"
    computed = compute_deal_figures(connection)
    assert (computed.step_ups.count, computed.step_ups.companies, len(computed.step_ups.largest)) == (3, 2, 3)
    assert computed.counts == DealCounts(
        10, 9, 5, dt.date(2024, 2, 10), dt.date(2026, 5, 1), (("digest", 2), ("wire", 10))
    )
    keep_figures(kept, "deals-digest-1", computed)
    assert cached_figures(kept, "deals-digest-1") == computed  # dates, amounts and ratios as they were
    assert cached_figures(kept, "deals-digest-2") is None
    assert cached_figures(kept, None) is None
    data = load_report(connection, GENERATED_AT, cached_figures(kept, "deals-digest-1"))
    assert (data.step_up_count, data.step_ups, data.deal_figures_kept) == (3, computed.step_ups.largest, True)
    assert data.overview == load_report(connection, GENERATED_AT).overview
    assert data.sources == load_report(connection, GENERATED_AT).sources
    assert load_report(connection, GENERATED_AT).deal_figures_kept is False
    keep_figures(kept, None, computed)  # deals of no known digest: nothing is kept for them
    assert not kept.exists()
    kept.write_text("{not json", encoding="utf-8")
    assert cached_figures(kept, "deals-digest-1") is None


def test_a_reported_round_adds_to_no_count_nor_to_the_deals_a_source_backs(tmp_path):
    """A round still in talks stays in deals, marked, and counts nowhere on the page: not in the deal
    counts, not in what each source backs (a source whose only deal is a rumour backs none yet), and not
    in the refresh's closing line, which names it apart."""
    rumour = deal("Fenwick", "series_b", "2026-04-01", 300 * M) | {"status": "reported"}
    warehouse = Warehouse(tmp_path / "work.duckdb")
    build_warehouse(warehouse, [rumour, *DEALS])  # the digest backs the rumour and Arcfield's seed
    with warehouse.connect(read_only=True) as read_only:
        counts = compute_deal_figures(read_only).counts
    assert (counts.deal_count, counts.deals_by_source) == (10, (("digest", 1), ("wire", 10)))
    lines = summary_lines(warehouse.path)
    disclosed = sum(d["amount_usd"] or 0 for d in DEALS)
    assert lines[0].endswith(
        f": 10 deals, ${disclosed:,} disclosed (and 1 reported, $300,000,000, not counted)"
    )
