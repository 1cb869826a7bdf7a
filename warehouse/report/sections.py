"""The sections of the investment map, one function each: `ReportData` in, an HTML fragment out.

Charts and tables show the same figures: the chart for the shape, the table for exact values (and the
`data-*` attributes on its cells carry them unrounded, in whole US dollars or shares 0..1).
"""

from __future__ import annotations

from datetime import date

from warehouse.report.data import TOP_N, ReportData
from warehouse.report.markup import Labels, cell, empty, figure, names, section, table
from warehouse.report.svg import Bar, ColumnGroup, Series, bar_chart, column_chart
from warehouse.report.units import counted, day, deals, multiple, percent, period, share, usd

NO_DEALS = "No deals yet: run a refresh on sources that report some."
NO_DISCLOSED = "No deal with a disclosed amount yet."
STEP_UPS_SHOWN = 15
SHARE_COLORS = {1: "#08519c", 3: "#4292c6", 10: "#9ecae1"}


def _amount(amount: int | None, floor: bool = False, ceiling: bool = False) -> str:
    """'$300M', '$300M+' (at least), 'up to $300M'."""
    if amount is None:
        return usd(amount)
    return ("up to " if ceiling and not floor else "") + usd(amount) + ("+" if floor else "")


QUARTERS_SHOWN = 20
SEGMENTS_SHOWN = 20


def quarter_labels(first: date, last: date) -> list[str]:
    """Every quarter label from the quarter of `first` to that of `last`, gaps included ('2026-Q1')."""
    labels = []
    year, quarter = first.year, (first.month - 1) // 3
    while (year, quarter) <= (last.year, (last.month - 1) // 3):
        labels.append(f"{year}-Q{quarter + 1}")
        year, quarter = (year + 1, 0) if quarter == 3 else (year, quarter + 1)
    return labels


def _when(announced: date | None, precision: str | None = None) -> str:
    """'on 2026-05-11', 'in 2026' (a date known to its year, month or quarter), or 'undated' for a deal
    nothing dates."""
    if announced is None:
        return "undated"
    return f"{'in' if precision in ('month', 'quarter', 'year') else 'on'} {period(announced, precision)}"


def layers_by_quarter(data: ReportData, labels: Labels) -> str:
    rows = data.layer_quarters
    if not rows:
        return section("layers", "Capital by stack layer", "Disclosed capital per quarter.", empty(NO_DEALS))
    present = {row.layer for row in rows}
    colors = labels.layer_colors(present)
    series = [Series(slug, labels.layer(slug), colors[slug]) for slug in labels.layer_order(present)]
    values: dict[str, dict[str, float]] = {}
    texts: dict[str, dict[str, str]] = {}
    for row in rows:
        values.setdefault(row.quarter, {})[row.layer] = row.amount_usd
        texts.setdefault(row.quarter, {})[row.layer] = f"{usd(row.amount_usd)} in {deals(row.deal_count)}"
    # A quarter without deals is drawn empty, not skipped: the x axis is time. Only the latest quarters
    # fit the chart; the layer totals below cover every quarter, and the deals nothing dates.
    dated = [row for row in rows if row.quarter_start is not None]
    every_quarter = quarter_labels(dated[0].quarter_start, dated[-1].quarter_start) if dated else []
    quarters = every_quarter[-QUARTERS_SHOWN:]
    groups = [ColumnGroup(q, values.get(q, {}), texts.get(q, {})) for q in quarters]
    chart = column_chart(groups, series, "Disclosed capital per quarter, stacked by stack layer", usd)
    notes = []
    if len(quarters) < len(every_quarter):
        notes.append(
            f"The latest {QUARTERS_SHOWN} of {len(every_quarter)} quarters; the totals below cover them all."
        )
    year_only = sum(row.deal_count for row in rows if row.quarter_start is None and row.quarter != "undated")
    if year_only:
        verb = "counts" if year_only == 1 else "count"
        notes.append(
            f"{deals(year_only)} dated only by the year {verb} in the totals below, not in any quarter."
        )
    undated = sum(row.deal_count for row in rows if row.quarter == "undated")
    if undated:
        verb = "counts" if undated == 1 else "count"
        notes.append(f"{deals(undated)} that nothing dates {verb} in the totals below, not in the chart.")
    caption = " ".join(notes) or None
    # No deal dated to a quarter (all dated only by their year, or undated): no time axis to draw.
    drawn = (
        figure(chart, caption)
        if quarters
        else empty(f"No deal is dated to a quarter. {caption or ''}".strip())
    )
    totals = data.layer_totals()
    deal_counts: dict[str, int] = {}
    for row in rows:
        deal_counts[row.layer] = deal_counts.get(row.layer, 0) + row.deal_count
    total = data.disclosed_usd
    table_rows = [
        [
            labels.layer(layer),
            cell(deal_counts[layer], numeric=True, deals=deal_counts[layer]),
            cell(usd(amount), numeric=True, usd=amount),
            cell(share(amount / total if total else None), numeric=True),
        ]
        for layer, amount in totals.items()
    ]
    return section(
        "layers",
        "Capital by stack layer",
        "Disclosed capital per quarter of announcement, stacked by the stack layer of each deal's segment.",
        drawn,
        table(
            ["Layer", "Deals", "Disclosed", "Share"],
            table_rows,
            row_data=[{"layer": layer} for layer in totals],
        ),
    )


def segments(data: ReportData, labels: Labels) -> str:
    if not data.segments:
        return section("segments", "Capital by segment", "Disclosed capital per segment.", empty(NO_DEALS))
    colors = labels.layer_colors(s.layer for s in data.segments)
    shown = data.segments[:SEGMENTS_SHOWN]
    bars = [
        Bar(
            s.segment_label,
            s.amount_usd,
            f"{usd(s.amount_usd)} · {deals(s.deal_count)}",
            tooltip=f"{s.segment_label} ({labels.layer(s.layer)}): "
            f"{usd(s.amount_usd)} in {deals(s.deal_count)}",
            color=colors[s.layer],
            key=s.segment,
            data={"usd": s.amount_usd},
        )
        for s in shown
    ]
    rest = data.segments[SEGMENTS_SHOWN:]
    if rest:
        amount = sum(s.amount_usd for s in rest)
        text = f"{usd(amount)} · {deals(sum(s.deal_count for s in rest))}"
        bars.append(Bar(f"{len(rest)} other segments", amount, text, color="#c7c7c7", data={"usd": amount}))
    return section(
        "segments",
        "Capital by segment",
        "Disclosed capital per segment over every quarter, coloured by stack layer.",
        figure(bar_chart(bars, "Disclosed capital per segment")),
    )


def top_deals(data: ReportData, labels: Labels) -> str:
    if not data.top_deals:
        return section("top-deals", "Largest deals", "The largest disclosed rounds.", empty(NO_DISCLOSED))
    colors = labels.layer_colors(d.layer for d in data.top_deals)
    bars = [
        Bar(
            d.company,
            d.amount_usd,
            f"{_amount(d.amount_usd, d.amount_is_floor, d.amount_is_ceiling)} · {share(d.share_of_total)}",
            tooltip=f"#{d.rank} {d.company}: {labels.round(d.round_type)}, "
            f"{_amount(d.amount_usd, d.amount_is_floor, d.amount_is_ceiling)}, "
            f"{_when(d.announced_date, d.announced_date_precision)}; {d.segment_label}; "
            f"led by {names(d.lead_investors)}",
            color=colors[d.layer],
            key=d.company,
            data={"usd": d.amount_usd, "rank": d.rank},
        )
        for d in data.top_deals
    ]
    rows = [
        [
            cell(d.rank, numeric=True),
            d.company,
            labels.round(d.round_type),
            cell(
                _amount(d.amount_usd, d.amount_is_floor, d.amount_is_ceiling), numeric=True, usd=d.amount_usd
            ),
            cell(usd(d.valuation_usd, "—"), numeric=True),
            period(d.announced_date, d.announced_date_precision),
            d.segment_label,
            names(d.lead_investors),
            cell(share(d.share_of_total), numeric=True, share=d.share_of_total),
        ]
        for d in data.top_deals
    ]
    return section(
        "top-deals",
        "Largest deals",
        f"The {len(data.top_deals)} largest disclosed rounds and their share of all disclosed capital "
        "(a + marks an amount stated as a floor).",
        figure(bar_chart(bars, "Largest deals by disclosed amount")),
        table(
            ["#", "Company", "Round", "Amount", "Valuation", "Announced", "Segment", "Led by", "Share"],
            rows,
        ),
    )


def concentration(data: ReportData) -> str:
    if data.overall is None:
        return section("concentration", "Concentration", "Top-N shares of capital.", empty(NO_DISCLOSED))
    periods = [*data.yearly, data.overall]
    series = [Series(f"top_{n}", f"Top {n}", SHARE_COLORS[n]) for n in TOP_N]
    groups = [
        ColumnGroup(
            "All years" if p.period == "all" else p.period,
            {f"top_{n}": p.top_share(n) for n in TOP_N},
            {f"top_{n}": share(p.top_share(n)) for n in TOP_N},
        )
        for p in periods
    ]
    title = "Share of disclosed capital in the largest deals"
    chart = column_chart(groups, series, title, percent, stacked=False, max_value=1.0)
    rows = [
        [
            "All years" if p.period == "all" else p.period,
            cell(p.disclosed_deal_count, numeric=True),
            cell(usd(p.amount_usd), numeric=True, usd=p.amount_usd),
            *(cell(share(p.top_share(n)), numeric=True, share=p.top_share(n)) for n in TOP_N),
            cell(f"{p.hhi:.3f}", numeric=True, hhi=p.hhi),
        ]
        for p in periods
    ]
    return section(
        "concentration",
        "Concentration of capital",
        "Share of each year's disclosed capital taken by its 1, 3 and 10 largest deals; HHI is the "
        "Herfindahl-Hirschman index over deal sizes (1 = one deal holds everything).",
        figure(chart),
        table(
            ["Period", "Disclosed deals", "Disclosed", *(f"Top {n}" for n in TOP_N), "HHI"],
            rows,
            row_data=[{"period": p.period} for p in periods],
        ),
    )


def lead_investors(data: ReportData) -> str:
    if not data.lead_investors:
        return section(
            "leads", "Most active lead investors", "Deals led.", empty("No lead investor named yet.")
        )
    bars = [
        Bar(
            i.investor,
            i.lead_count,
            f"{i.lead_count} led · {usd(i.led_amount_usd)}",
            tooltip=f"{i.investor}: led {i.lead_count} of {i.deal_count} deals joined, "
            f"{usd(i.led_amount_usd)} in the deals it led",
            key=i.investor,
            data={"leads": i.lead_count, "usd": i.led_amount_usd},
        )
        for i in data.lead_investors
    ]
    return section(
        "leads",
        "Most active lead investors",
        "Deals led (or co-led) per investor, with the full size of those deals: sources rarely state an "
        "investor's own cheque.",
        figure(bar_chart(bars, "Deals led per investor")),
    )


def step_ups(data: ReportData, labels: Labels) -> str:
    if not data.step_ups:
        return section(
            "step-ups",
            "Step-ups between rounds",
            "How a company's next round compares with its previous one.",
            empty("No company has two rounds on different dates with comparable figures yet."),
        )
    shown = data.step_ups[:STEP_UPS_SHOWN]
    bars = [
        Bar(
            s.company,
            s.ratio,
            f"{multiple(s.ratio)} {s.basis}",
            tooltip=f"{s.company}: {labels.round(s.from_round_type)} ({usd(s.from_usd)}, {day(s.from_date)}) "
            f"to {labels.round(s.to_round_type)} ({usd(s.to_usd)}, {day(s.to_date)}), by {s.basis}",
            color="#009e73" if s.ratio >= 1 else "#d55e00",
            key=s.to_deal_id,
            data={"ratio": s.ratio},
        )
        for s in shown
    ]
    rows = [
        [
            s.company,
            f"{labels.round(s.from_round_type)} ({day(s.from_date)})",
            f"{labels.round(s.to_round_type)} ({day(s.to_date)})",
            s.basis,
            cell(usd(s.from_usd), numeric=True, usd=s.from_usd),
            cell(usd(s.to_usd), numeric=True, usd=s.to_usd),
            cell(multiple(s.ratio), numeric=True, ratio=s.ratio),
        ]
        for s in shown
    ]
    return section(
        "step-ups",
        "Step-ups between rounds",
        f"{counted(data.step_up_count, 'step')} from one round to the company's next "
        f"({counted(data.step_up_companies, 'company', 'companies')}), largest first: "
        "the ratio of valuations when both rounds report one, else of amounts raised.",
        figure(bar_chart(bars, "Step-up from each round to the next", reference=(1.0, "1×"))),
        table(["Company", "From", "To", "By", "Before", "After", "Step"], rows),
    )
