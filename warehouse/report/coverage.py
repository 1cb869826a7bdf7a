"""The freshness and coverage section: what the figures rest on (sources, documents, fetches, quarantine)."""

from __future__ import annotations

from warehouse.report.data import ReportData
from warehouse.report.markup import cell, facts_list, figure, section, table
from warehouse.report.svg import Bar, bar_chart
from warehouse.report.units import counted, day, deals, moment


def coverage(data: ReportData) -> str:
    o = data.overview
    facts = [
        ("Sources", o.source_count, {}),
        ("Documents stored", o.document_count, {}),
        ("Newest document fetched", moment(o.newest_fetch), {}),
        ("Sources last checked", moment(o.last_attempt), {}),
        ("Deals", o.deal_count, {"deals": o.deal_count}),
        ("With a disclosed amount", o.disclosed_deal_count, {"deals": o.disclosed_deal_count}),
        ("Rows in quarantine", o.rejected_count, {"rejected": o.rejected_count}),
        ("Announced", f"{day(o.first_announced)} to {day(o.last_announced)}", {}),
        ("Report written", moment(data.generated_at), {}),
    ]
    parts = [facts_list(facts, "coverage-facts")]
    if data.sources:
        bars = [
            Bar(
                s.source_id,
                s.deal_count,
                f"{deals(s.deal_count)} · {counted(s.document_count, 'document')}",
                tooltip=f"{s.source_id}: backs {deals(s.deal_count)}, "
                f"{counted(s.document_count, 'document')} stored, newest fetched {moment(s.newest_fetch)}",
                key=s.source_id,
                data={"deals": s.deal_count},
            )
            for s in data.sources
        ]
        parts.append(figure(bar_chart(bars, "Deals each source backs")))
        rows = [
            [
                s.source_id,
                cell(s.document_count, numeric=True),
                cell(s.deal_count, numeric=True),
                cell(s.rejected_count, numeric=True),
                cell(s.error_count, numeric=True),
                moment(s.newest_fetch),
                moment(s.last_attempt),
            ]
            for s in data.sources
        ]
        headers = ["Source", "Documents", "Deals", "Quarantined", "Errors", "Newest document", "Last checked"]
        parts.append(table(headers, rows))
    return section(
        "coverage",
        "Freshness and coverage",
        "What the figures above rest on: the sources, what was fetched and when, and what was set aside. "
        "A deal several sources reported counts once per source.",
        *parts,
    )
