"""Asset `investment_map`: a self-contained HTML report of what the served file holds, written beside it."""

from pathlib import Path

import dagster as dg

from assets.stage_inputs import StageNotBuilt
from schemas.reference.resource import ReferenceDataResource
from schemas.taxonomy import default_taxonomy
from schemas.vocabulary import default_round_types
from warehouse.data_dir import DataDirResource
from warehouse.publish import served_digests
from warehouse.report.data import ReportData
from warehouse.report.deal_figures_cache import deal_figures_path
from warehouse.report.markup import Labels
from warehouse.report.write import write_served_report


@dg.asset(
    group_name="publish",
    # What the served file holds, once it is published: a failed publish leaves the page as it was.
    deps=["dealmap_duckdb"],
    kinds={"html"},
)
def investment_map(data_dir: DataDirResource, reference_data: ReferenceDataResource) -> dg.MaterializeResult:
    """The investment map `$DEALMAP_DATA_DIR/investment_map.html`: one page, opened offline in any browser,
    with bar charts (inline SVG, no script) and tables of disclosed capital by stack layer and quarter, by
    segment, the largest deals, top-1/3/10 concentration per year, the most active lead investors, step-ups
    between a company's rounds, and the freshness and coverage of the sources. Amounts in whole US dollars,
    shown in readable units; every figure comes from `deals`, through the marts or SQL over deals. Written
    to a temporary file beside it, then renamed into place. The step-ups and deal counts of deals that
    stand (the served `deals` published under the same digest) are those the last page computed.
    """
    served = data_dir.served_path
    if not served.is_file():
        raise StageNotBuilt(
            f"investment_map reads the served file {served}, which does not exist yet: materialise "
            "dealmap_duckdb first, or run the refresh job for every source (python3 tasks.py refresh)"
        )
    path, data, size = rewrite_investment_map(data_dir, reference_data)
    metadata = {
        "path": dg.MetadataValue.path(str(path)),
        "bytes": size,
        "deals": data.overview.deal_count,
        "disclosed_usd": data.disclosed_usd,
        "step_ups": data.step_up_count,
        "deal_figures_unchanged": data.deal_figures_kept,
        "run_id": data.run_id or "unknown",
    }
    if data.overall is not None:  # no disclosed amount yet: no share to report
        metadata["top_3_share"] = dg.MetadataValue.float(data.overall.top_3_share)
    return dg.MaterializeResult(metadata=metadata)


def rewrite_investment_map(
    data_dir: DataDirResource, reference_data: ReferenceDataResource
) -> tuple[Path, ReportData, int]:
    """Write the investment map of the served file now: (its path, what it shows, its bytes)."""
    references = reference_data.for_run()
    labels = Labels.from_reference(default_taxonomy(references), default_round_types(references))
    working, served = data_dir.working_path, data_dir.served_path
    deals_digest = served_digests(working, served).get("deals")
    return write_served_report(served, labels, deal_figures_path(working), deals_digest)
