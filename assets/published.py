"""Asset `dealmap_duckdb`: the served DuckDB file that BI tools open read-only, published atomically."""

from collections.abc import Iterable
from datetime import UTC, datetime

import dagster as dg
import duckdb
import pandas as pd

from assets.investment_map import rewrite_investment_map
from assets.metadata import DAILY_REFRESH_FRESHNESS, markdown_table
from assets.stage_inputs import StageNotBuilt, last_digest, require_built
from schemas.reference.resource import ReferenceDataResource
from schemas.tables import TABLES
from schemas.taxonomy import Taxonomy, default_taxonomy
from schemas.vocabulary import RoundTypes, default_round_types
from warehouse.data_dir import DataDirResource
from warehouse.database import MARTS
from warehouse.publish import publish, stale_wal_message

PUBLIC_TABLES = [*(name for name, table in TABLES.items() if table.public), *MARTS]
# The stage whose recorded inputs digest names the content of each public table it writes: a table the
# served file already holds under that digest is not copied again (warehouse/publish.py). The others
# (documents, fetch_log, ...) change with every fetch and are always copied; they are small.
STAGE_OF_TABLE = {
    "deals": "deals",
    "deal_sources": "deals",
    "deal_investors": "deal_investors",
    "rejected_deals": "valid_mentions",
    **{mart: mart for mart in MARTS},
}


def table_digests(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Public table -> the digest its stage last finished with (tables of unfinished stages left out)."""
    found = {table: last_digest(connection, stage) for table, stage in STAGE_OF_TABLE.items()}
    return {table: digest for table, digest in found.items() if digest}


SERVED_CHECK = "served_file_matches_working"
VOLUME_CHECK = "source_volume"


def reference_tables(
    run_id: str, published_at: datetime, taxonomy: Taxonomy, rounds: RoundTypes
) -> dict[str, pd.DataFrame]:
    """Lookup tables for BI joins (segment and round labels) and a one-row description of the refresh."""
    segments = pd.DataFrame(
        [
            {
                "segment": s.slug,
                "segment_label": s.label,
                "layer": s.layer,
                "layer_label": taxonomy.layers[s.layer].label,
                "layer_rank": taxonomy.layers[s.layer].rank,
            }
            for s in taxonomy.segments.values()
        ]
    )
    round_types = pd.DataFrame([{"round_type": k, "round_label": v} for k, v in rounds.labels.items()])
    refresh = pd.DataFrame([{"run_id": run_id, "published_at": published_at}])
    return {"segments": segments, "round_types": round_types, "refresh_info": refresh}


@dg.asset(
    group_name="publish",
    deps=["deals", "deal_investors", "deal_sources", "rejected_deals", "documents", *MARTS],
    kinds={"duckdb"},
    freshness_policy=DAILY_REFRESH_FRESHNESS,
    # Both checks run in the publishing step: a step of its own cost Dagster more than the check.
    check_specs=[
        dg.AssetCheckSpec(
            SERVED_CHECK,
            asset="dealmap_duckdb",
            blocking=True,
            description="The served file opens read-only and holds the same deals as the working database.",
        ),
        dg.AssetCheckSpec(
            VOLUME_CHECK,
            asset="dealmap_duckdb",
            blocking=True,
            description="No source lost most of its mentions: a document or source whose new version yields "
            "far fewer mentions than its last good one is served from its last good mentions, and this check "
            "fails naming it, both counts and the reason, until it recovers or a user runs "
            "`python3 tasks.py accept-drop SOURCE_ID`.",
        ),
    ],
)
def dealmap_duckdb(
    context: dg.AssetExecutionContext, data_dir: DataDirResource, reference_data: ReferenceDataResource
) -> dg.MaterializeResult:
    """The served file `$DEALMAP_DATA_DIR/dealmap.duckdb`: public tables (deals, deal_sources,
    rejected_deals, documents, fetch_log, extraction_errors, marts, reference tables), with COMMENTs.
    Built beside the served file, checkpointed, then renamed into place atomically.
    """
    published_at = datetime.now(UTC).replace(tzinfo=None)
    references = reference_data.for_run()
    if not data_dir.working_path.exists():
        raise StageNotBuilt(
            "dealmap_duckdb publishes the working database, which does not exist yet: run the refresh job "
            "for every source (python3 tasks.py refresh)"
        )
    with data_dir.working().connect(read_only=True) as working:
        require_built(working, PUBLIC_TABLES, "dealmap_duckdb")
        digests = table_digests(working)
    report = publish(
        data_dir.working_path,
        data_dir.served_path,
        PUBLIC_TABLES,
        reference_tables(
            context.run.run_id, published_at, default_taxonomy(references), default_round_types(references)
        ),
        table_digests=digests,
    )
    if report.stale_wal is not None:
        context.log.warning(f"{report.path}: {stale_wal_message(report.stale_wal)}")
    with duckdb.connect(str(report.path), read_only=True) as served:
        served_deals = served.execute("select count(*), coalesce(sum(amount_usd), 0) from deals").fetchone()
    with data_dir.working().connect(read_only=True) as working:
        working_deals = working.execute("select count(*), coalesce(sum(amount_usd), 0) from deals").fetchone()
        volume = source_volume(working)
    if not volume.passed:
        # The failing check stops the investment_map step, and the page would go on describing the refresh
        # this publish replaced: it is written here, from the file just published.
        page, _, _ = rewrite_investment_map(data_dir, reference_data)
        context.log.info(f"{page}: rewritten with the publish (the held source stops the report step)")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(report.path)),
            "bytes": report.bytes,
            "row_counts": report.row_counts,
            # Left by refreshes killed while publishing, removed before this one.
            "stale_builds_removed": list(report.stale_removed),
            # The file this publish replaced, kept for `python3 tasks.py rollback`, and what fell out.
            "kept_for_rollback": report.history_added or "none",
            # Tables the served file already held with the same content: taken from it, not copied again.
            "tables_unchanged": list(report.tables_kept),
            "history_removed": list(report.history_removed),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name=SERVED_CHECK,
                passed=served_deals == working_deals,
                metadata={"served": str(served_deals), "working": str(working_deals)},
            ),
            volume,
        ],
    )


def _accept_hint(source_ids: Iterable[str]) -> str:
    """The way out of a hold, when the drop is real: the command, for each held source."""
    held = sorted(set(source_ids))
    command = "python3 tasks.py accept-drop"
    if len(held) == 1:
        return f"if the drop is real, run {command} {held[0]}"
    return f"if a drop is real, run {command} SOURCE_ID for that source ({', '.join(held)})"


def source_volume(connection: duckdb.DuckDBPyConnection) -> dg.AssetCheckResult:
    """The `source_volume` check of `dealmap_duckdb`: the sources held at their last good mentions."""
    holds = connection.execute("select * from source_holds order by source_id, url").df()
    lines = [
        f"{h.source_id}: {h.url or 'whole source'}: {h.previous_mentions} -> {h.new_mentions} mentions "
        f"({h.reason})"
        for h in holds.itertuples()
    ]
    return dg.AssetCheckResult(
        asset_key="dealmap_duckdb",
        check_name=VOLUME_CHECK,
        passed=holds.empty,
        description=(
            "; ".join(lines) + f": the last good mentions are served; {_accept_hint(holds['source_id'])}"
            if lines
            else "every source yields its usual mentions"
        ),
        metadata={
            "held_sources": ", ".join(sorted(set(holds["source_id"]))) or "none",
            "holds": dg.MetadataValue.md(markdown_table(holds, limit=len(holds) or 1)),
        },
    )
