"""Asset `documents`, partitioned by source: fetch each source of the run into the raw store.

A per-source stage: it writes the source's own output folder (`assets/source_outputs.py`) and never the
working database, so sources can be fetched in parallel processes. `combined_mentions` loads the rows
into the working tables `documents`, `fetch_log` and `source_listings`.
"""

from datetime import UTC, datetime

import dagster as dg
import pandas as pd

from assets.fetching.collect import PreviousVersion, collect_source
from assets.fetching.resource import HttpFetcherResource
from assets.metadata import log_progress, preview
from assets.source_outputs import FetchState
from assets.source_partitions import SOURCE_PARTITIONS, partitioned_sources
from assets.source_store import SourceStoreResource
from assets.sources import SourceRegistryResource

FETCH_CHECK = "sources_fetched"
_LOG_COLUMNS = [
    "source_id",
    "url",
    "status",
    "http_status",
    "bytes",
    "attempts",
    "error_class",
    "error_message",
]


def previous_versions(state: FetchState) -> dict[str, PreviousVersion]:
    """What conditional GET and change detection compare with: the newest stored body of each URL, and
    the newest validators the server gave (even when its bytes did not change)."""
    previous = {}
    for url, version in state.versions.items():
        validators = state.validators.get(url, {})
        previous[url] = PreviousVersion(
            version["sha256"], validators.get("etag"), validators.get("last_modified")
        )
    return previous


def _source_metadata(
    source_id: str, log: pd.DataFrame, new_versions: int, state: FetchState
) -> dict[str, object]:
    """What a source's partition shows: did this fetch succeed, and what the source holds now."""
    errors = log[log["status"] == "error"] if len(log) else log
    statuses = log["status"].value_counts().to_dict() if len(log) else {}
    return {
        "fetch": "failed" if len(errors) else "ok",
        "failed_urls": len(errors),
        "new_versions": new_versions,
        "dagster/row_count": len(state.current_documents(source_id)),  # the versions the source serves now
        "fetches": {str(k): int(v) for k, v in statuses.items()},
        "errors": preview(errors, ["url", "error_class", "error_message"]) if len(errors) else "none",
    }


@dg.asset(
    group_name="ingest",
    kinds={"python"},
    partitions_def=SOURCE_PARTITIONS,
    check_specs=[
        dg.AssetCheckSpec(
            FETCH_CHECK, asset="documents", description="Every source of the run fetched without error."
        )
    ],
)
def documents(
    context: dg.AssetExecutionContext,
    sources: SourceRegistryResource,
    fetcher: HttpFetcherResource,
    source_store: SourceStoreResource,
) -> dg.MaterializeResult:
    """Document versions of the run's sources: one row per (source, URL) whose fetched bytes differ from
    its last version. Partitioned by source id.

    Fetches each source through one HTTP/file client and stores bodies in the content-addressed raw
    store. Writes, per source, a batch of new versions and fetch attempts and the source's new fetch
    state (`data/sources/<id>/`); `combined_mentions` loads them into the working database. A failing
    source keeps its last good documents and does not stop the others; its partition's metadata says
    `fetch: failed` with the errors.
    """
    selected, _ = partitioned_sources(context, sources.load())
    outputs, store = source_store.outputs(), source_store.open_raw_store()
    client = fetcher.client(sources.registry_path.parent)
    now, run_id = datetime.now(UTC).replace(tzinfo=None), context.run.run_id
    logs, new_versions = [], 0
    try:
        for number, source in enumerate(selected, start=1):
            log_progress(context, f"fetching {source.id} ({number} of {len(selected)} sources)")
            state = outputs.fetch_state(source.id)
            collected = collect_source(source, client, store, previous_versions(state), run_id, now)
            state = outputs.record_fetch(
                source.id, run_id, now, collected.documents, collected.log, collected.listing
            )
            log = pd.DataFrame(collected.log, columns=_LOG_COLUMNS)
            metadata = _source_metadata(source.id, log, len(collected.documents), state)
            context.add_asset_metadata(metadata, partition_key=source.id)
            logs.append(log)
            new_versions += len(collected.documents)
    finally:
        client.close()
    log_frame = pd.concat(logs, ignore_index=True) if logs else pd.DataFrame(columns=["source_id", "status"])
    errors = log_frame[log_frame["status"] == "error"]
    failing = sorted(errors["source_id"].unique())
    for row in errors.itertuples():
        context.log.warning(f"{row.source_id}: {row.url}: {row.error_class}: {row.error_message}")
    return dg.MaterializeResult(
        metadata={
            "sources_in_run": len(selected),
            "new_versions_in_run": new_versions,
            "fetch_log": preview(
                log_frame,
                ["source_id", "url", "status", "http_status", "bytes", "attempts", "error_class"],
                limit=20,
            ),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name=FETCH_CHECK,
                passed=not failing,
                severity=dg.AssetCheckSeverity.WARN,
                metadata={
                    "failing_sources": ", ".join(failing) or "none",
                    "errors": preview(errors, ["source_id", "url", "error_class", "error_message"]),
                },
            )
        ],
    )
