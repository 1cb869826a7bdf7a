"""The figures of the investment map, read from the working DuckDB file as plain Python values.

Every figure comes from `deals`: through the marts (built from it by `warehouse/marts/*.sql`) or by the
SQL files beside this module. Nothing here formats or rounds; amounts stay whole US dollars (int) and
shares stay 0..1 (float) until `units` turns them into text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

import duckdb

HERE = Path(__file__).resolve().parent
STEP_UPS_SQL = HERE / "step_ups.sql"
SOURCES_SQL = HERE / "sources.sql"

TOP_DEALS = 15
# The largest step-ups the report reads: a warehouse of a million deals has hundreds of thousands of steps,
# and building each as a Python object cost seconds for a chart of the top 15.
STEP_UPS_KEPT = 100
# Step-ups largest first. A company steps up at most once a day (two rounds on one day are no step), so
# company and the later round's date settle every tie and the order is total.
STEP_UPS_ORDER = "ratio desc, company asc, to_date asc"
LEAD_INVESTORS = 12
# The concentration chart shows these top-N shares (columns of mart_capital_concentration).
TOP_N = (1, 3, 10)


@dataclass(frozen=True)
class Overview:
    """Headline counts over `deals`, `rejected_deals`, `documents` and `fetch_log`."""

    deal_count: int
    disclosed_deal_count: int
    company_count: int
    first_announced: date | None
    last_announced: date | None
    rejected_count: int
    source_count: int
    document_count: int
    """Distinct document URLs stored (each may have several versions)."""
    newest_fetch: datetime | None
    """When the newest document version was fetched (UTC): the last time any source changed."""
    last_attempt: datetime | None
    """When a source was last fetched, changed or not (UTC)."""


@dataclass(frozen=True)
class LayerQuarter:
    """One row of mart_funding_by_layer: a stack layer's disclosed capital in one quarter."""

    quarter_start: date | None  # None for deals dated only by their year, and undated ones
    quarter: str
    layer: str
    deal_count: int
    disclosed_deal_count: int
    amount_usd: int


@dataclass(frozen=True)
class SegmentTotal:
    """One segment over every quarter of mart_funding_by_segment."""

    segment: str
    segment_label: str
    layer: str
    deal_count: int
    amount_usd: int


@dataclass(frozen=True)
class TopDeal:
    """One row of mart_top_deals."""

    rank: int
    company: str
    round_type: str
    amount_usd: int
    amount_is_floor: bool
    amount_is_ceiling: bool
    valuation_usd: int | None
    announced_date: date
    announced_date_precision: str | None
    segment_label: str
    layer: str
    lead_investors: list[str]
    share_of_total: float


@dataclass(frozen=True)
class Concentration:
    """One period (a year, or 'all') of mart_capital_concentration."""

    period: str
    disclosed_deal_count: int
    amount_usd: int
    top_1_share: float
    top_3_share: float
    top_10_share: float
    hhi: float

    def top_share(self, n: int) -> float:
        return {1: self.top_1_share, 3: self.top_3_share, 10: self.top_10_share}[n]


@dataclass(frozen=True)
class LeadInvestor:
    """One investor of mart_investor_activity that led at least one deal."""

    investor: str
    lead_count: int
    led_amount_usd: int
    deal_count: int


@dataclass(frozen=True)
class StepUp:
    """One row of step_ups.sql: a company's round against its previous one."""

    company: str
    to_deal_id: str
    from_round_type: str
    to_round_type: str
    from_date: date
    to_date: date
    basis: str
    """'valuation' or 'amount': what the ratio compares."""
    from_usd: int
    to_usd: int
    ratio: float


@dataclass(frozen=True)
class StepUps:
    """How many step-ups there are, of how many companies, and the largest `STEP_UPS_KEPT` of them."""

    count: int
    companies: int
    largest: tuple[StepUp, ...]


@dataclass(frozen=True)
class DealCounts:
    """The page's counts over `deals` and `deal_sources` alone. With the step-ups, these are what a million
    deals make costly (distinct companies, distinct deals per source): kept while the deals stand."""

    deal_count: int
    disclosed_deal_count: int
    company_count: int
    first_announced: date | None
    last_announced: date | None
    deals_by_source: tuple[tuple[str, int], ...]
    """(source_id, deals it backs), by source_id."""


@dataclass(frozen=True)
class DealFigures:
    """Everything the page reads from `deals` and `deal_sources` alone (`deal_figures_cache.py` keeps it)."""

    step_ups: StepUps
    counts: DealCounts


@dataclass(frozen=True)
class SourceCoverage:
    """One row of sources.sql."""

    source_id: str
    document_count: int
    deal_count: int
    rejected_count: int
    error_count: int
    newest_fetch: datetime | None
    last_attempt: datetime | None


@dataclass(frozen=True)
class ReportData:
    """Everything the investment map shows, as of `generated_at` (UTC)."""

    generated_at: datetime
    overview: Overview
    layer_quarters: tuple[LayerQuarter, ...]
    segments: tuple[SegmentTotal, ...]
    top_deals: tuple[TopDeal, ...]
    concentration: tuple[Concentration, ...]
    lead_investors: tuple[LeadInvestor, ...]
    step_ups: tuple[StepUp, ...]
    sources: tuple[SourceCoverage, ...]
    run_id: str | None = None
    """The refresh the figures come from (the served file's `refresh_info`), when known."""
    step_up_count: int = 0
    """Every step-up, where `step_ups` holds only the largest `STEP_UPS_KEPT`."""
    step_up_companies: int = 0
    """Companies with at least one step-up."""
    deal_figures_kept: bool = False
    """The step-ups and deal counts were read from those kept for the same deals (`deal_figures_cache.py`),
    not computed."""

    @property
    def overall(self) -> Concentration | None:
        """The whole-table row of the concentration mart; None when no deal has a disclosed amount."""
        return next((row for row in self.concentration if row.period == "all"), None)

    @property
    def yearly(self) -> tuple[Concentration, ...]:
        return tuple(row for row in self.concentration if row.period != "all")

    @property
    def disclosed_usd(self) -> int:
        """All disclosed capital in `deals`, whole US dollars."""
        overall = self.overall
        return overall.amount_usd if overall else 0

    def layer_totals(self) -> dict[str, int]:
        """Disclosed capital per stack layer over every quarter, largest first (ties by layer slug)."""
        totals: dict[str, int] = {}
        for row in self.layer_quarters:
            totals[row.layer] = totals.get(row.layer, 0) + row.amount_usd
        return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


Row = TypeVar("Row")


def _rows(
    connection: duckdb.DuckDBPyConnection, cls: type[Row], sql: str, params: list | None = None
) -> tuple[Row, ...]:
    """The rows of `sql` as `cls` instances, columns in the order of the dataclass's fields."""
    return tuple(cls(*row) for row in connection.execute(sql, params or []).fetchall())


# Announced rounds, as the marts count them: a reported round is no deal of the page's figures.
DEAL_COUNTS_SQL = """
select count(*), count(amount_usd), count(distinct company), min(announced_date), max(announced_date)
from deals
where status = 'announced'
"""
# A deal several sources reported counts once for each of them.
# Announced deals only, as the headline counts them: a source whose only deal is a rumour backs none yet.
DEALS_BY_SOURCE_SQL = """
select s.source_id, count(distinct s.deal_id) filter (where d.status = 'announced')
from deal_sources s join deals d using (deal_id) group by s.source_id order by s.source_id
"""

# The overview's counts of what is not in `deals` (DealCounts has those).
OVERVIEW_SQL = """
with
rejected as (select count(*) from rejected_deals),
stored as (
    select
        (select count(distinct source_id) from (
            select source_id from documents union select source_id from fetch_log
        )),
        (select count(distinct url) from documents),
        (select max(fetched_at) from documents),
        (select max(attempted_at) from fetch_log)
)
select * from rejected, stored
"""


def compute_deal_counts(connection: duckdb.DuckDBPyConnection) -> DealCounts:
    by_source = tuple((source, count) for source, count in connection.execute(DEALS_BY_SOURCE_SQL).fetchall())
    return DealCounts(*connection.execute(DEAL_COUNTS_SQL).fetchone(), by_source)


def load_overview(connection: duckdb.DuckDBPyConnection, counts: DealCounts) -> Overview:
    deals = (counts.deal_count, counts.disclosed_deal_count, counts.company_count)
    return Overview(
        *deals, counts.first_announced, counts.last_announced, *connection.execute(OVERVIEW_SQL).fetchone()
    )


def load_layer_quarters(connection: duckdb.DuckDBPyConnection) -> tuple[LayerQuarter, ...]:
    return _rows(
        connection,
        LayerQuarter,
        "select quarter_start, quarter, layer, deal_count, disclosed_deal_count, amount_usd_total "
        "from mart_funding_by_layer order by quarter_start, quarter, layer",
    )


def load_segments(connection: duckdb.DuckDBPyConnection) -> tuple[SegmentTotal, ...]:
    """Segments largest first; a segment with only undisclosed deals is kept (at $0)."""
    return _rows(
        connection,
        SegmentTotal,
        "select segment, any_value(segment_label), any_value(layer), sum(deal_count)::integer, "
        "sum(amount_usd_total)::bigint as amount_usd from mart_funding_by_segment "
        "group by segment order by amount_usd desc, segment",
    )


def load_top_deals(connection: duckdb.DuckDBPyConnection, limit: int = TOP_DEALS) -> tuple[TopDeal, ...]:
    return _rows(
        connection,
        TopDeal,
        "select rank, company, round_type, amount_usd, amount_is_floor, amount_is_ceiling, valuation_usd, "
        "announced_date, "
        "announced_date_precision, "
        "segment_label, layer, lead_investors, share_of_total from mart_top_deals "
        "where rank <= ? order by rank",
        [limit],
    )


def load_concentration(connection: duckdb.DuckDBPyConnection) -> tuple[Concentration, ...]:
    """Years in order, then 'all'. Selected by period (not by any grain column), so a mart with extra
    columns reads the same."""
    return _rows(
        connection,
        Concentration,
        "select period, disclosed_deal_count, amount_usd_total, top_1_share, top_3_share, top_10_share, hhi "
        "from mart_capital_concentration order by period = 'all', period",
    )


def load_lead_investors(
    connection: duckdb.DuckDBPyConnection, limit: int = LEAD_INVESTORS
) -> tuple[LeadInvestor, ...]:
    return _rows(
        connection,
        LeadInvestor,
        "select investor, lead_count, led_amount_usd_total, deal_count from mart_investor_activity "
        "where lead_count > 0 order by lead_count desc, led_amount_usd_total desc, investor limit ?",
        [limit],
    )


# Counted and cut in one query over the step-ups computed once (`materialized`): a temporary table of
# them all, sorted, then read twice cost about half a second more at a million deals, and only the
# largest are wanted. `left join ... on true` keeps the counts when there is no step-up at all (one row,
# its step-up columns null).
STEP_UPS_SUMMARY_SQL = """
with
step_ups as materialized (
{step_ups}
),
counted as (select count(*) as step_up_count, count(distinct company) as company_count from step_ups),
largest as (select * from step_ups order by {order} limit ?)
select counted.*, largest.* from counted left join largest on true order by {order}
"""


def load_sources(connection: duckdb.DuckDBPyConnection, counts: DealCounts) -> tuple[SourceCoverage, ...]:
    """Sources by the deals they back (most first), then by source_id."""
    backed = dict(counts.deals_by_source)
    rows = connection.execute(SOURCES_SQL.read_text(encoding="utf-8")).fetchall()
    sources = [
        SourceCoverage(source, documents, backed.get(source, 0), *rest) for source, documents, *rest in rows
    ]
    return tuple(sorted(sources, key=lambda row: (-row.deal_count, row.source_id)))


def compute_step_ups(connection: duckdb.DuckDBPyConnection, kept: int = STEP_UPS_KEPT) -> StepUps:
    """Every step-up counted, and the largest `kept` (`STEP_UPS_ORDER`), from the deals of
    `connection`."""
    sql = STEP_UPS_SUMMARY_SQL.format(step_ups=STEP_UPS_SQL.read_text(encoding="utf-8"), order=STEP_UPS_ORDER)
    rows = connection.execute(sql, [kept]).fetchall()
    count, companies = rows[0][:2]
    # A step-up's company is never null (deals.company is not); a null one is the row of no step-up.
    largest = tuple(StepUp(*row[2:]) for row in rows if row[2] is not None)
    return StepUps(count, companies, largest)


def compute_deal_figures(connection: duckdb.DuckDBPyConnection) -> DealFigures:
    return DealFigures(compute_step_ups(connection), compute_deal_counts(connection))


def load_report(
    connection: duckdb.DuckDBPyConnection, generated_at: datetime, figures: DealFigures | None = None
) -> ReportData:
    """Every figure of the report from `connection`: the served file (`warehouse/report/write.py`), or any
    database with its tables. With `figures` (the step-ups and deal counts of the same deals, kept or
    computed before), those rather than computed."""
    kept = figures is not None
    figures = figures if figures is not None else compute_deal_figures(connection)
    step_ups = figures.step_ups
    return ReportData(
        generated_at=generated_at,
        overview=load_overview(connection, figures.counts),
        layer_quarters=load_layer_quarters(connection),
        segments=load_segments(connection),
        top_deals=load_top_deals(connection),
        concentration=load_concentration(connection),
        lead_investors=load_lead_investors(connection),
        step_ups=step_ups.largest,
        sources=load_sources(connection, figures.counts),
        step_up_count=step_ups.count,
        step_up_companies=step_ups.companies,
        deal_figures_kept=kept,
    )
