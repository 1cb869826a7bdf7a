"""Asset `extracted_mentions`: every deal mention in the current version of every document."""

import dagster as dg
import duckdb
import pandas as pd

from assets.documents import documents
from assets.metadata import counts, preview
from assets.parsing.dispatch import TRANSIENT_ERRORS, extract_documents
from assets.parsing.fingerprint import source_fingerprint
from assets.sources import SourceRegistryResource
from assets.stage_inputs import inputs_digest, mark_finished, mark_started, unchanged
from assets.validate.source_volume import documents_key, keep_last_good
from schemas.reference.resource import ReferenceDataResource
from warehouse.data_dir import DataDirResource
from warehouse.database import accepted_drops, current_documents

PARSE_CHECK = "documents_parsed"
STAGE = "extracted_mentions"
_TABLES = ("extracted_mentions", "document_extractions", "extraction_errors", "source_holds")


def _previous(connection: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    """The table as the last run left it, or an empty frame on the first run."""
    try:
        return connection.execute(f"select * from {table}").df()
    except duckdb.CatalogException:
        return pd.DataFrame(columns=["source_id", "url", "sha256", "fingerprint", "document_sha256"])


def _inputs_digest(current: pd.DataFrame, registry: dict, accepted: dict[str, str]) -> str:
    """What extraction reads: each current document version (not when it was fetched: an unchanged
    re-fetch changes nothing), the fingerprint its source parses under, the accepted drops and the
    sources in registry order."""
    versions = [
        [row.source_id, row.url, row.sha256, row.content_type, getattr(row, "published_hint", None),
         source_fingerprint(registry[row.source_id])]
        for row in current.itertuples()
    ]  # fmt: skip
    return inputs_digest(STAGE, versions, sorted(accepted.items()), list(registry))


def _parse_check(errors: pd.DataFrame) -> dg.AssetCheckResult:
    """Passes when every current document could be parsed; lists the ones that could not."""
    return dg.AssetCheckResult(
        check_name=PARSE_CHECK,
        passed=errors.empty,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"unparsed_documents": len(errors), "errors": preview(errors)},
    )


def _as_they_are(connection: duckdb.DuckDBPyConnection, documents: int) -> dg.MaterializeResult:
    """The result of a run whose inputs are those of the last finished one: the tables stand."""
    mentions, held = connection.execute(
        "select (select count(*) from extracted_mentions), (select count(*) from source_holds)"
    ).fetchone()
    errors = connection.execute("select * from extraction_errors").df()
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": mentions,
            "unchanged": True,
            "documents": documents,
            "documents_parsed": 0,
            "documents_reused": documents,
            "held_documents": held,
        },
        check_results=[_parse_check(errors)],
    )


@dg.asset(
    group_name="transform",
    deps=[documents],
    kinds={"python", "duckdb"},
    check_specs=[
        dg.AssetCheckSpec(
            PARSE_CHECK, asset="extracted_mentions", description="Every current document could be parsed."
        )
    ],
)
def extracted_mentions(
    context: dg.AssetExecutionContext,
    sources: SourceRegistryResource,
    data_dir: DataDirResource,
    reference_data: ReferenceDataResource,
) -> dg.MaterializeResult:
    """One row per deal mention (export row, table-in-page row, or prose sentence) in the newest version
    of every document of every enabled source, with provenance: source, document sha256 and URL,
    extraction method, locator and snippet. Reads stored bodies only (replays need no network), and
    parses a document version again only when the parsing code or its source's options changed.
    """
    registry = {source.id: source for source in sources.load()}
    working = data_dir.working()
    run_id = context.run.run_id
    with working.connect() as connection, reference_data.in_use():
        current = current_documents(connection, list(registry))
        previous_ledger = _previous(connection, "document_extractions")
        accepted = accepted_drops(connection)
        digest = _inputs_digest(current, registry, accepted)
        retrying = (
            previous_ledger["error_class"].isin(TRANSIENT_ERRORS).any() if len(previous_ledger) else False
        )
        if not retrying and unchanged(connection, STAGE, digest, list(_TABLES)):
            return _as_they_are(connection, len(current))
        mark_started(connection, STAGE, run_id)
        previous_mentions = _previous(connection, "extracted_mentions")
    with reference_data.in_use():  # the vocabularies parsing reads, and the fingerprint made of them
        result = extract_documents(
            current,
            registry,
            data_dir.open_raw_store(),
            previous_ledger,
            previous_mentions,
            context.run.run_id,
        )
    ledger = result.ledger
    mentions, holds = keep_last_good(list(registry), result.mentions, ledger, previous_mentions, accepted)
    # An acceptance covers the documents a source served when the user accepted; once it serves others
    # (it recovered, or broke again), the protection is back.
    spent = [s for s, key in accepted.items() if s in registry and documents_key(ledger, s) != key]
    for hold in holds.itertuples():
        context.log.warning(
            f"{hold.source_id}: kept {hold.previous_mentions} last good mentions of "
            f"{hold.url or 'the source'}: {hold.reason}"
        )
    errors = ledger[ledger["status"] == "error"] if len(ledger) else ledger
    for row in errors.itertuples():
        context.log.warning(f"could not parse {row.url}: {row.error_class}: {row.error_message}")
    error_columns = ["source_id", "url", "sha256", "error_class", "error_message", "run_id"]
    error_rows = errors.rename(columns={"parsed_run_id": "run_id"}).reindex(columns=error_columns)
    with working.connect() as connection:
        working.replace(connection, "extracted_mentions", mentions)
        working.replace(connection, "source_holds", holds)
        if spent:
            connection.execute("delete from drop_acceptances where list_contains(?, source_id)", [spent])
        working.replace(connection, "document_extractions", ledger)
        working.replace(connection, "extraction_errors", error_rows)
        mark_finished(connection, STAGE, digest, run_id)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(mentions),
            "unchanged": False,
            "documents": len(current),
            "documents_parsed": result.parsed,
            "documents_reused": result.reused,
            "held_documents": len(holds),
            "by_source": counts(mentions["source_id"]) if len(mentions) else {},
            "by_method": counts(mentions["method"]) if len(mentions) else {},
            "preview": preview(
                mentions,
                [
                    "source_id",
                    "method",
                    "locator",
                    "company_text",
                    "round_text",
                    "amount_text",
                    "valuation_text",
                    "segment_text",
                ],
            ),
        },
        check_results=[_parse_check(error_rows)],
    )
