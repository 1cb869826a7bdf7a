"""The investment map page: headline figures, then one section per view of the marts, in one HTML file.

The page is self-contained (styles inline, charts inline SVG, no script) and says so to the browser: its
Content-Security-Policy allows no script, font, image or connection at all, so even a name that slipped
past escaping could not run or call out, and the browser would report the attempt.
"""

from __future__ import annotations

from warehouse.report import sections
from warehouse.report.coverage import coverage
from warehouse.report.data import ReportData
from warehouse.report.markup import Labels, facts_list
from warehouse.report.units import moment, share, usd
from warehouse.safe_text import html_text

TITLE = "dealmap · investment map"
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

STYLE = """
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --rule: #e4e7eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); background: #fff; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 4px; }
.subtitle, .lead, figcaption, footer { color: var(--muted); }
nav { margin: 12px 0 4px; display: flex; flex-wrap: wrap; gap: 6px 16px; }
nav a { color: #0b5cad; text-decoration: none; }
section { border-top: 1px solid var(--rule); padding: 20px 0 8px; }
figure { margin: 8px 0 12px; overflow-x: auto; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg .label, svg .legend { fill: var(--ink); }
svg .value { fill: #3e4c59; }
svg .axis { fill: var(--muted); font-size: 11px; }
dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 14px 0; }
dl div { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 10px; }
dt { color: var(--muted); font-size: 12px; }
dd { margin: 2px 0 0; font-size: 18px; font-weight: 600; }
.coverage-facts dd { font-size: 15px; }
table { border-collapse: collapse; margin: 4px 0 12px; font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.empty { padding: 12px 14px; background: #f5f7fa; border-radius: 6px; }
footer { border-top: 1px solid var(--rule); padding: 12px 24px 32px; font-size: 12px; }
"""

NAV = (
    ("layers", "Stack layers"),
    ("segments", "Segments"),
    ("top-deals", "Largest deals"),
    ("concentration", "Concentration"),
    ("leads", "Lead investors"),
    ("step-ups", "Step-ups"),
    ("coverage", "Freshness and coverage"),
)


def headline(data: ReportData) -> str:
    """The figures a reader looks for first; `data-*` attributes carry them exactly."""
    overview = data.overview
    overall = data.overall
    largest = data.top_deals[0] if data.top_deals else None
    facts = [
        ("Disclosed capital", usd(data.disclosed_usd, "$0"), {"usd": data.disclosed_usd}),
        ("Deals", overview.deal_count, {"deals": overview.deal_count}),
        ("With a disclosed amount", overview.disclosed_deal_count, {"deals": overview.disclosed_deal_count}),
        ("Companies", overview.company_count, {"companies": overview.company_count}),
        ("Top-3 share", share(overall.top_3_share if overall else None),
         {"share": overall.top_3_share if overall else None}),
        ("Largest deal", f"{largest.company} · {usd(largest.amount_usd)}" if largest else "—",
         {"usd": largest.amount_usd if largest else None}),
    ]  # fmt: skip
    return facts_list(facts, "headline")


def _refresh(data: ReportData) -> str:
    """' (refresh <run id>)': which served refresh the page describes, for a reader comparing it with a
    dashboard's `refresh_info`."""
    if not data.run_id:
        return ""
    run_id = html_text(data.run_id)
    return f' (refresh <span class="run-id" data-run-id="{run_id}">{run_id}</span>)'


def render_report(data: ReportData, labels: Labels | None = None) -> str:
    """The whole page as one string of HTML; `labels` gives display names of layers and round types."""
    labels = labels or Labels()
    nav = "".join(f'<a href="#{anchor}">{html_text(text)}</a>' for anchor, text in NAV)
    body = [
        sections.layers_by_quarter(data, labels),
        sections.segments(data, labels),
        sections.top_deals(data, labels),
        sections.concentration(data),
        sections.lead_investors(data),
        sections.step_ups(data, labels),
        coverage(data),
    ]
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html_text(CONTENT_SECURITY_POLICY)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="dealmap">'
        f"<title>{html_text(TITLE)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>AI infrastructure investment map</h1>"
        f"<p class='subtitle'>Venture deals dealmap found in its sources, as of "
        f"{html_text(moment(data.generated_at))}{_refresh(data)}. Amounts are disclosed amounts in US "
        "dollars; a deal without a disclosed amount counts as a deal but adds nothing to a total.</p>"
        f"{headline(data)}<nav>{nav}</nav></header>"
        "<main>" + "".join(body) + "</main>"
        "<footer>Written by dealmap from the marts of the served file (mart_funding_by_layer, "
        "mart_funding_by_segment, mart_top_deals, mart_capital_concentration, mart_investor_activity) and "
        "SQL over deals. Every figure traces back to the deals table; the deals trace back to their "
        "documents in deal_sources.</footer>"
        "</body></html>\n"
    )
