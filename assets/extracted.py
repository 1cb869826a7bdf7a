"""Asset `extracted_mentions`, partitioned by source: every deal mention in each current document of the
run's sources.

A per-source stage: it reads the source's fetch state and stored bodies and writes the source's current
extraction (`assets/source_outputs.py`), never the working database. `combined_mentions` takes every
source's current extraction into the working table `extracted_mentions`, holding last good mentions.
"""

import dagster as dg
import pandas as pd

from assets.documents import documents
from assets.fetching.raw_store import RawStore
from assets.metadata import counts, log_progress, preview
from assets.parsing.fingerprint import source_fingerprint
from assets.source_outputs import SourceOutputs
from assets.source_partitions import SOURCE_PARTITIONS, partitioned_sources
from assets.source_store import SourceStoreResource
from assets.sources import Source, SourceRegistryResource
from assets.stage_inputs import inputs_digest
from schemas.reference.resource import ReferenceDataResource

PARSE_CHECK = "documents_parsed"
STAGE = "source_extraction"
_ERROR_COLUMNS = ["source_id", "url", "sha256", "error_class", "error_message", "run_id"]


def extraction_digest(current: pd.DataFrame, source: Source) -> str:
    """What one source's extraction reads: each current document version (not when it was fetched: an
    unchanged re-fetch changes nothing) and the fingerprint the source parses under (code, vocabularies,
    the source's options)."""
    versions = [[row.url, row.sha256, row.content_type, row.published_hint] for row in current.itertuples()]
    return inputs_digest(STAGE, source.id, versions, source_fingerprint(source))


def _parse_check(errors: pd.DataFrame) -> dg.AssetCheckResult:
    """Passes when every current document of the run's sources could be parsed; lists the ones that
    could not."""
    return dg.AssetCheckResult(
        check_name=PARSE_CHECK,
        passed=errors.empty,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"unparsed_documents": len(errors), "errors": preview(errors)},
    )


def _errors(ledger: pd.DataFrame) -> pd.DataFrame:
    """extraction_errors rows: the ledger's failed documents."""
    failed = ledger[ledger["status"] == "error"] if len(ledger) else ledger
    return failed.rename(columns={"parsed_run_id": "run_id"}).reindex(columns=_ERROR_COLUMNS)


def _transient_errors() -> frozenset[str]:
    from assets.parsing.dispatch import TRANSIENT_ERRORS

    return frozenset(TRANSIENT_ERRORS)


def extract_source(
    source: Source, outputs: SourceOutputs, store: RawStore, run_id: str
) -> tuple[dict[str, object], pd.DataFrame]:
    """Make the source's current extraction match its current documents; (its partition's metadata,
    its failed documents). A document version is parsed once per fingerprint; the rest is reused."""
    current = outputs.fetch_state(source.id).current_documents(source.id)
    digest = extraction_digest(current, source)
    previous = outputs.current_extraction(source.id)
    ledger = previous.ledger() if previous is not None else pd.DataFrame()
    # A failure that may not happen again (a damaged blob the collector restores, a parse out of time)
    # is retried even when nothing else changed.
    failures = ledger["error_class"].dropna() if len(ledger) else pd.Series(dtype=object)
    retrying = len(failures) > 0 and failures.isin(_transient_errors()).any()
    unchanged = previous is not None and previous.inputs_digest() == digest and not retrying
    if unchanged:
        mentions, parsed, reused = previous.mention_count(), 0, len(ledger)
        by_method: dict[str, int] = {}
    else:
        # The parsers (and what they import) are loaded when a document is to be parsed: an unchanged
        # refresh does without them (a fifth of a second of imports).
        from assets.parsing.dispatch import TABLE_ROW, extract_documents, reused_versions

        # Only the mentions of the versions parsed before are read again: those it reuses.
        reused = reused_versions(current, {source.id: source}, ledger)
        earlier = previous.mentions_of(reused) if previous is not None else pd.DataFrame()
        # Table exports are written straight to Parquet in the spool, then moved into the extraction.
        with outputs.spool(source.id) as spool:
            result = extract_documents(
                current, {source.id: source}, store, ledger, earlier, run_id, spool=spool
            )
            ledger, parsed, reused = result.ledger, result.parsed, result.reused
            mentions = result.count()
            by_method = counts(result.mentions["method"]) if len(result.mentions) else {}
            if result.files:
                by_method[TABLE_ROW] = by_method.get(TABLE_ROW, 0) + sum(result.files.values())
            outputs.record_extraction(source.id, digest, result.mentions, ledger, list(result.files))
    errors = _errors(ledger)
    metadata = {
        "unchanged": unchanged,
        "dagster/row_count": mentions,
        "mentions": mentions,
        "documents": len(current),
        "documents_parsed": parsed,
        "documents_reused": reused,
        "unparsed_documents": len(errors),
        "by_method": by_method,
    }
    return metadata, errors


@dg.asset(
    group_name="transform",
    deps=[documents],
    kinds={"python"},
    partitions_def=SOURCE_PARTITIONS,
    check_specs=[
        dg.AssetCheckSpec(
            PARSE_CHECK, asset="extracted_mentions", description="Every current document could be parsed."
        )
    ],
)
def extracted_mentions(
    context: dg.AssetExecutionContext,
    sources: SourceRegistryResource,
    source_store: SourceStoreResource,
    reference_data: ReferenceDataResource,
) -> dg.MaterializeResult:
    """One row per deal mention (export row, table-in-page row, or prose sentence) in the newest version
    of every document of the run's sources, with provenance: source, document sha256 and URL, extraction
    method, locator and snippet. Partitioned by source id.

    Reads stored bodies only (replays need no network), and parses a document version again only when
    the parsing code or its source's options changed. Writes each source's current extraction to
    `data/sources/<id>/extraction/`; `combined_mentions` loads every source's into the working database.
    """
    selected, _ = partitioned_sources(context, sources.load())
    outputs, store = source_store.outputs(), source_store.open_raw_store()
    all_errors, mentions = [], 0
    with reference_data.in_use():  # the vocabularies parsing reads, and the fingerprint made of them
        for number, source in enumerate(selected, start=1):
            log_progress(context, f"parsing {source.id} ({number} of {len(selected)} sources)")
            metadata, errors = extract_source(source, outputs, store, context.run.run_id)
            context.add_asset_metadata(metadata, partition_key=source.id)
            all_errors.append(errors)
            mentions += int(metadata["mentions"])
    errors = pd.concat(all_errors, ignore_index=True) if all_errors else pd.DataFrame(columns=_ERROR_COLUMNS)
    for row in errors.itertuples():
        context.log.warning(f"could not parse {row.url}: {row.error_class}: {row.error_message}")
    return dg.MaterializeResult(
        metadata={"sources_in_run": len(selected), "mentions_in_run": mentions},
        check_results=[_parse_check(errors)],
    )
