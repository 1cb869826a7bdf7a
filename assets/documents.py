"""Asset `documents`: fetch every registered source into the raw store."""

from datetime import UTC, datetime

import dagster as dg
import pandas as pd

from assets.fetching.collect import PreviousVersion, collect_source
from assets.fetching.resource import HttpFetcherResource
from assets.metadata import preview
from assets.sources import SourceRegistryResource
from warehouse.data_dir import DataDirResource

FETCH_CHECK = "sources_fetched"


def _previous_versions(data_dir: DataDirResource) -> dict[str, dict[str, PreviousVersion]]:
    with data_dir.working().connect() as connection:
        # The body to compare with is the newest stored version; the validators to send are the newest the
        # server gave, even when its bytes did not change (a new ETag on the same body must stick, or
        # every later run downloads the page again).
        rows = connection.execute(
            """
            with latest_version as (
                select source_id, url, sha256, etag, last_modified from documents
                qualify row_number() over (partition by source_id, url order by fetched_at desc, sha256) = 1
            ),
            latest_validators as (
                select source_id, url, etag, last_modified from fetch_log
                where status in ('ok', 'unchanged', 'not_modified')
                  and (etag is not null or last_modified is not null)
                qualify row_number() over (partition by source_id, url order by attempted_at desc) = 1
            )
            select v.source_id, v.url, v.sha256,
                   coalesce(f.etag, v.etag), coalesce(f.last_modified, v.last_modified)
            from latest_version v left join latest_validators f using (source_id, url)
            """
        ).fetchall()
    previous: dict[str, dict[str, PreviousVersion]] = {}
    for source_id, url, sha256, etag, last_modified in rows:
        previous.setdefault(source_id, {})[url] = PreviousVersion(sha256, etag, last_modified)
    return previous


@dg.asset(
    group_name="ingest",
    kinds={"python", "duckdb"},
    check_specs=[
        dg.AssetCheckSpec(
            FETCH_CHECK, asset="documents", description="Every enabled source fetched without error this run."
        )
    ],
)
def documents(
    context: dg.AssetExecutionContext,
    sources: SourceRegistryResource,
    fetcher: HttpFetcherResource,
    data_dir: DataDirResource,
) -> dg.MaterializeResult:
    """Document versions: one row per (source, URL) whose fetched bytes differ from the last version.

    Fetches every enabled source in `sources.toml` through one HTTP/file client, stores bodies in the
    content-addressed raw store and appends to `documents` (new versions) and `fetch_log` (every attempt).
    A failing source keeps its last good documents and does not stop the others.
    """
    registry = sources.load()
    previous = _previous_versions(data_dir)
    client = fetcher.client(sources.registry_path.parent)
    store, now = data_dir.open_raw_store(), datetime.now(UTC).replace(tzinfo=None)
    new_documents, log, listings = [], [], []
    try:
        for source in registry:
            collected = collect_source(
                source, client, store, previous.get(source.id, {}), context.run.run_id, now
            )
            new_documents += collected.documents
            log += collected.log
            if collected.listing is not None:
                listing = {"source_id": source.id, "run_id": context.run.run_id, "listed_at": now}
                listings.append(listing | {"urls": collected.listing})
    finally:
        client.close()
    documents_frame, log_frame = pd.DataFrame(new_documents), pd.DataFrame(log)
    with data_dir.working().connect() as connection:
        data_dir.working().append(connection, "documents", documents_frame)
        data_dir.working().append(connection, "fetch_log", log_frame)
        data_dir.working().append(connection, "source_listings", pd.DataFrame(listings))
        stored = connection.execute("select count(*) from documents").fetchone()[0]
    errors = log_frame[log_frame["status"] == "error"] if not log_frame.empty else log_frame
    failing = sorted(errors["source_id"].unique()) if not errors.empty else []
    for row in errors.itertuples():
        context.log.warning(f"{row.source_id}: {row.url}: {row.error_class}: {row.error_message}")
    status_counts = log_frame["status"].value_counts().to_dict() if not log_frame.empty else {}
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": stored,  # every document version stored, this run's and before
            "sources": len(registry),
            "new_versions": len(documents_frame),
            "fetches": {str(k): int(v) for k, v in status_counts.items()},
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
