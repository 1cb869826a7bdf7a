"""The marts: aggregate tables over `deals`, built by the SQL in `warehouse/marts/` (one file each) into
these declared columns. Amounts in whole US dollars, shares in 0..1."""

from __future__ import annotations

from schemas.tables.model import Column, Table

CAPITAL_CONCENTRATION = Table(
    "mart_capital_concentration",
    "How concentrated capital is: share of each period's disclosed total taken by its largest deals. Grain: "
    "period_grain x period: one row per calendar year (period_grain = 'year') and one row for all years "
    "(period_grain = 'all'). Filter on period_grain before summing or charting: the two grains count every "
    "deal twice.",
    (
        Column(
            "period_grain",
            "VARCHAR",
            "year (one row per calendar year) or all (one row for the whole table); never sum across both.",
            required=True,
        ),
        Column("period", "VARCHAR", "Calendar year of announcement (YYYY), undated, or all."),
        Column("disclosed_deal_count", "INTEGER", "Deals with a disclosed amount in the period."),
        Column("amount_usd_total", "BIGINT", "Sum of disclosed amounts, whole USD."),
        Column(
            "top_1_share",
            "DOUBLE",
            "Share of the total in the largest deal (0..1; NULL when the disclosed total is 0).",
        ),
        Column("top_3_share", "DOUBLE", "Share in the 3 largest deals (0..1)."),
        Column("top_5_share", "DOUBLE", "Share in the 5 largest deals (0..1)."),
        Column("top_10_share", "DOUBLE", "Share in the 10 largest deals (0..1)."),
        Column(
            "hhi",
            "DOUBLE",
            "Herfindahl-Hirschman index over deal shares (0..1; 1 = one deal holds everything).",
        ),
    ),
    public=True,
)

# The quarter of announcement, as both quarterly marts key their rows.
QUARTER_COLUMNS = (
    Column(
        "quarter_start",
        "DATE",
        "First day of the quarter of announcement; NULL for deals dated only by their year, and undated ones.",
    ),
    Column(
        "quarter",
        "VARCHAR",
        "Quarter label, e.g. 2026-Q1; '2026 (year only)' for deals dated only by their year; undated for "
        "deals nothing dates.",
    ),
)

FUNDING_BY_LAYER = Table(
    "mart_funding_by_layer",
    "Funding by stack layer and quarter, with each layer's share of the quarter. Grain: quarter x layer. Whole US dollars.",
    (
        *QUARTER_COLUMNS,
        Column(
            "layer",
            "VARCHAR",
            "Stack layer slug (hardware, compute, models, inference, tooling, applications, non_ai, unclassified).",
        ),
        Column("deal_count", "INTEGER", "Deals announced."),
        Column("disclosed_deal_count", "INTEGER", "Deals with a disclosed amount."),
        Column("amount_usd_total", "BIGINT", "Sum of disclosed amounts, whole USD."),
        Column(
            "share_of_quarter",
            "DOUBLE",
            "This layer's share of the quarter's disclosed total (0..1); NULL when the quarter has none.",
        ),
    ),
    public=True,
)

FUNDING_BY_SEGMENT = Table(
    "mart_funding_by_segment",
    "Funding by segment and quarter. Grain: quarter x segment. Amounts in whole US dollars; sums reconcile with deals.",
    (
        *QUARTER_COLUMNS,
        Column("layer", "VARCHAR", "Stack layer slug of the segment."),
        Column("segment", "VARCHAR", "Segment slug."),
        Column("segment_label", "VARCHAR", "Segment display label."),
        Column("deal_count", "INTEGER", "Deals announced, disclosed amount or not."),
        Column("disclosed_deal_count", "INTEGER", "Deals with a disclosed amount."),
        Column("amount_usd_total", "BIGINT", "Sum of disclosed amounts, whole USD."),
        Column(
            "amount_usd_median", "BIGINT", "Median disclosed amount, whole USD; NULL when none disclosed."
        ),
        Column("amount_usd_max", "BIGINT", "Largest disclosed amount, whole USD."),
    ),
    public=True,
)

INVESTOR_ACTIVITY = Table(
    "mart_investor_activity",
    "Investor activity: deals joined and led. Grain: investor. Amounts are whole-deal sizes in US dollars, not individual cheques.",
    (
        Column("investor", "VARCHAR", "Canonical investor name."),
        Column("deal_count", "INTEGER", "Deals the investor took part in (lead or not)."),
        Column("lead_count", "INTEGER", "Deals the investor led or co-led."),
        Column("deal_amount_usd_total", "BIGINT", "Sum of disclosed amounts of those deals, whole USD."),
        Column("led_amount_usd_total", "BIGINT", "Sum of disclosed amounts of the deals it led, whole USD."),
        Column("first_deal_date", "DATE", "Earliest announcement date."),
        Column("last_deal_date", "DATE", "Latest announcement date."),
        Column("segments", "VARCHAR[]", "Segments of those deals."),
    ),
    public=True,
)

TOP_DEALS = Table(
    "mart_top_deals",
    "The 100 largest deals by disclosed amount. Grain: deal. Whole US dollars.",
    (
        Column("rank", "INTEGER", "1 = largest disclosed amount; ties broken by date, then company."),
        Column("deal_id", "VARCHAR", "deals.deal_id."),
        Column("company", "VARCHAR", "Canonical company name."),
        Column("round_type", "VARCHAR", "Round-type slug."),
        Column("amount_usd", "BIGINT", "Amount raised, whole USD."),
        Column("amount_is_floor", "BOOLEAN", "True when the amount is a lower bound."),
        Column("amount_is_ceiling", "BOOLEAN", "True when the amount is an upper bound ('up to')."),
        Column("valuation_usd", "BIGINT", "Valuation, whole USD."),
        Column("segment", "VARCHAR", "Segment slug."),
        Column("segment_label", "VARCHAR", "Segment display label."),
        Column("layer", "VARCHAR", "Stack layer slug."),
        Column("announced_date", "DATE", "Announcement date."),
        Column(
            "announced_date_precision",
            "VARCHAR",
            "How exactly the date is known: day, month, quarter or year (a date of year precision is 1 January "
            "of its year: show the year alone).",
        ),
        Column("lead_investors", "VARCHAR[]", "Lead investors."),
        Column("source_count", "INTEGER", "Distinct sources reporting the deal."),
        Column(
            "share_of_total",
            "DOUBLE",
            "Share of all disclosed capital in deals (0..1; NULL when that capital is 0).",
        ),
    ),
    public=True,
)


MARTS = {
    t.name: t
    for t in (FUNDING_BY_SEGMENT, FUNDING_BY_LAYER, TOP_DEALS, CAPITAL_CONCENTRATION, INVESTOR_ACTIVITY)
}
