"""Asset `combined_mentions`: the first combining stage. Loads what the per-source stages wrote into the
working database, and takes every source's current extraction into `extracted_mentions`.

The per-source stages (`documents`, `extracted_mentions`, partitioned by source) never open the working
DuckDB file; this stage is the one writer that loads their output (`assets/source_outputs.py`):
- each fetch batch is appended to `documents`, `fetch_log` and `source_listings`, then removed;
- each enabled source's current extraction becomes its rows of `extracted_mentions`, except where its new
  version yields far less than its last good one: those keep their last good mentions (`source_holds`).
  `extracted_mentions` is a view over the extractions' own Parquet files, kept beside the working file
  (`assets/extracted_files.py`), not a copy of them.
"""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from assets.extracted import extracted_mentions
from assets.extracted_files import combined_folder, keep_files, point_view, remove_others
from assets.freshness import CADENCE_SPEC, source_cadence
from assets.metadata import preview
from assets.source_outputs import BATCH_TABLES, SourceOutputs, ledgers, mention_keys
from assets.source_store import SourceStoreResource
from assets.sources import SourceRegistryResource
from assets.stage_inputs import inputs_digest, mark_finished, mark_started, unchanged
from assets.validate.source_volume import MENTION_KEYS_SQL, documents_key, keep_last_good
from warehouse.data_dir import DataDirResource
from warehouse.database import accepted_drops, read_frame, transaction

# The stage is named after the working table it builds (normalisation digests what it recorded).
STAGE = "extracted_mentions"
_TABLES = ("extracted_mentions", "document_extractions", "extraction_errors", "source_holds")
_ERROR_COLUMNS = ["source_id", "url", "sha256", "error_class", "error_message", "run_id"]
_PREVIEW = ["source_id", "method", "locator", "company_text", "round_text", "amount_text", "valuation_text",
            "segment_text"]  # fmt: skip

# A version equal to the newest one stored for its URL is not a new version (a source fetched without its
# fetch state, e.g. the first fetch after an upgrade, stores what it finds as new).
_LOAD_DOCUMENTS = """
    insert into documents by name
    select * from read_parquet(?, union_by_name = true) as incoming
    where incoming.sha256 is distinct from (
        select stored.sha256 from documents as stored
        where stored.source_id = incoming.source_id and stored.url = incoming.url
        order by stored.fetched_at desc, stored.sha256 limit 1
    )
"""


def _loaded(connection: duckdb.DuckDBPyConnection, batches: list[Path]) -> set[Path]:
    """The batches whose (source, run) is in the working database already (a run that stopped after
    loading them and before removing them)."""
    keys: dict[tuple[str, str], list[Path]] = {}
    for batch in batches:
        keys.setdefault((batch.parent.parent.name, batch.name.split("-", 1)[1]), []).append(batch)
    found = connection.execute(
        "select distinct source_id, run_id from (select source_id, run_id from fetch_log "
        "union all select source_id, run_id from source_listings) "
        "where (source_id, run_id) in (select unnest($1), unnest($2))",
        [[k[0] for k in keys], [k[1] for k in keys]],
    ).fetchall()
    # (a run fetches a source once: two batches of one source and run are never told apart, and neither
    # is loaded twice)
    return {batch for key in found for batch in keys.get(key, [])}


def _rounds(batches: list[Path]) -> list[list[Path]]:
    """`batches` as rounds that each hold one batch of a source at most, a source's older batches in
    earlier rounds: a round is loaded as one, each document version compared with those stored before."""
    rounds: list[list[Path]] = []
    seen: dict[str, int] = {}
    for batch in batches:  # oldest first within a source
        source_id = batch.parent.parent.name
        index = seen[source_id] = seen.get(source_id, -1) + 1
        if index == len(rounds):
            rounds.append([])
        rounds[index].append(batch)
    return rounds


def load_fetch_batches(connection: duckdb.DuckDBPyConnection, outputs: SourceOutputs) -> int:
    """Append every pending fetch batch to the history tables, then remove it; returns how many were
    loaded. The batches are loaded a round at a time (`_rounds`), one statement per table for all the
    batches of a round and one transaction per round: a statement and a transaction per batch cost a
    refresh of 400 sources seconds."""
    pending = list(outputs.pending_batches())
    done = _loaded(connection, pending) if pending else set()
    loaded = 0
    for batches in _rounds([batch for batch in pending if batch not in done]):
        with transaction(connection):
            connection.execute(_LOAD_DOCUMENTS, [[str(batch / "documents.parquet") for batch in batches]])
            for table in BATCH_TABLES[1:]:
                connection.execute(
                    f"insert into {table} by name select * from read_parquet(?, union_by_name = true)",
                    [[str(batch / f"{table}.parquet") for batch in batches]],
                )
        loaded += len(batches)
        for batch in batches:
            shutil.rmtree(batch)
    for batch in done:
        shutil.rmtree(batch)
    return loaded


def _previous_mentions(connection: duckdb.DuckDBPyConnection, columns: str = "*") -> pd.DataFrame:
    """extracted_mentions (or the `columns` SQL selects of it) as the last run left it, or an empty frame
    on the first run (or when its files beside the working file were removed: as when the table was)."""
    try:
        return read_frame(connection, f"select {columns} from extracted_mentions")
    except (duckdb.CatalogException, duckdb.IOException):
        return pd.DataFrame(columns=["source_id", "url", "document_sha256", "fingerprint"])


def _previous_ledger(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """document_extractions as the last run left it, or an empty frame on the first run."""
    try:
        return connection.execute("select * from document_extractions").df()
    except duckdb.CatalogException:
        return pd.DataFrame(columns=["source_id"])


def _reset_sources(
    connection: duckdb.DuckDBPyConnection, outputs: SourceOutputs, registry: list[str]
) -> list[tuple[str, int]]:
    """Sources whose fetch state names versions the working database does not hold (it was deleted or
    moved): their fetch state is dropped, so that their next fetch downloads every URL again and the
    document history is whole again. Returns (source id, versions) of each."""
    stored = {row[0] for row in connection.execute("select distinct source_id from documents").fetchall()}
    return outputs.forget_fetched([source_id for source_id in registry if source_id not in stored])


def registry_changes(registry: list[str], never_fetched: list[str], previous_keys: pd.DataFrame) -> list[str]:
    """What a user is told of sources whose deals this run leaves out because of the registry, not the
    source: one that backed deals in the last run and is no longer enabled (removed from sources.toml,
    renamed or disabled), and one that is enabled but was never fetched (added, and not yet refreshed: no
    fetch state, whatever a replay extracted from its no documents)."""
    previous = previous_keys["source_id"].value_counts() if len(previous_keys) else pd.Series(dtype=int)
    lines = [
        f"{source_id}: no longer an enabled source in sources.toml (removed, renamed or disabled): its "
        f"{count:,} mentions are left out, and the deals only it backed leave the served file"
        for source_id, count in sorted(previous.items())
        if source_id not in registry
    ]
    lines += [
        f"{source_id}: never fetched, so none of its deals are in this refresh; refresh every source "
        "(python3 tasks.py refresh) or its partition"
        for source_id in never_fetched
        if source_id not in previous.index
    ]
    return lines


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    nonempty = [f for f in frames if len(f)]
    return pd.concat(nonempty, ignore_index=True) if nonempty else pd.DataFrame()


def _as_they_are(
    connection: duckdb.DuckDBPyConnection, batches: int, cadence: dg.AssetCheckResult
) -> dg.MaterializeResult:
    """The result of a run whose inputs are those of the last finished one: the tables stand."""
    mentions, documents, held = connection.execute(
        "select (select count(*) from extracted_mentions), (select count(*) from document_extractions), "
        "(select count(*) from source_holds)"
    ).fetchone()
    metadata = {"dagster/row_count": mentions, "unchanged": True, "documents": documents}
    return dg.MaterializeResult(
        metadata=metadata | {"held_documents": held, "batches_loaded": batches}, check_results=[cadence]
    )


@dg.asset(
    group_name="transform", deps=[extracted_mentions], kinds={"python", "duckdb"}, check_specs=[CADENCE_SPEC]
)
def combined_mentions(
    context: dg.AssetExecutionContext,
    sources: SourceRegistryResource,
    source_store: SourceStoreResource,
    data_dir: DataDirResource,
) -> dg.MaterializeResult:
    """One row per deal mention of every enabled source (working table `extracted_mentions`): each
    source's latest extraction, whichever run made it, or its last good mentions where the new version
    yields far fewer (`source_holds`). Also loads every source's new document versions and fetch
    attempts into `documents`, `fetch_log` and `source_listings`, and rebuilds the extraction ledger
    (`document_extractions`) and `extraction_errors`. Then checks each watched source's cadence on the
    documents it loaded (`assets/freshness.py`).
    """
    loaded = sources.load()
    registry = [source.id for source in loaded]
    outputs, working, run_id = source_store.outputs(), data_dir.working(), context.run.run_id
    extractions = {source_id: outputs.current_extraction(source_id) for source_id in registry}
    with working.connect() as connection:
        batches = load_fetch_batches(connection, outputs)
        for source_id, versions in _reset_sources(connection, outputs, registry):
            context.log.warning(
                f"{source_id}: the working database holds none of the {versions} document versions its "
                "fetch state names (the database was deleted or moved); its next fetch downloads them again"
            )
        accepted = accepted_drops(connection)
        digests = [[source_id, e.digest if e else None] for source_id, e in extractions.items()]
        digest = inputs_digest(STAGE, digests, sorted(accepted.items()), registry)
        cadence = source_cadence(connection, loaded)  # on every document version loaded, new ones too
        kept = combined_folder(working.path, digest)
        never = outputs.never_fetched(registry)
        if kept is not None and unchanged(connection, STAGE, digest, list(_TABLES)):
            point_view(connection, kept)  # where the files are now
            if never:  # still never fetched: said on every run until it is
                served = _previous_mentions(connection, "distinct source_id")
                for line in registry_changes(registry, never, served):
                    context.log.warning(line)
            return _as_they_are(connection, batches, cadence)
        mark_started(connection, STAGE, run_id)
        previous_keys = _previous_mentions(connection, MENTION_KEYS_SQL)
        previous_ledger = _previous_ledger(connection)
    current = [e for e in extractions.values() if e is not None]
    # A source with no extraction of its own yet (a data folder from before per-source outputs, or an
    # extraction removed) keeps the rows it had: having no output is not yielding nothing.
    unextracted = [source_id for source_id, e in extractions.items() if e is None]
    carried_keys = previous_keys[previous_keys["source_id"].isin(unextracted)]
    carried_ledger = previous_ledger[previous_ledger["source_id"].isin(unextracted)]
    for source_id in sorted(set(carried_keys["source_id"])):
        context.log.info(f"{source_id}: no extraction of its own yet; its last mentions are kept")
    for line in registry_changes(registry, never, previous_keys):
        context.log.warning(line)
    ledger = _concat([ledgers(current), carried_ledger])
    # Holds are decided on counts per document, read from a few columns: most runs hold nothing, and then
    # the mentions go from the extractions' Parquet files into the working table without passing through
    # Python (a million-row export's frame, read and copied, cost a gigabyte).
    keys = _concat([mention_keys(current), carried_keys])
    _, holds = keep_last_good(registry, keys, ledger, previous_keys, accepted)
    if holds.empty and carried_keys.empty:
        mentions = None
    else:
        with working.connect() as connection:
            previous = _previous_mentions(connection)
        carried = previous[previous["source_id"].isin(unextracted)]
        mentions, holds = keep_last_good(
            registry, _concat([*(e.mentions() for e in current), carried]), ledger, previous, accepted
        )
    # An acceptance covers the documents a source served when the user accepted; once it serves others
    # (it recovered, or broke again), the protection is back.
    spent = [s for s, key in accepted.items() if s in registry and documents_key(ledger, s) != key]
    for hold in holds.itertuples():
        context.log.warning(
            f"{hold.source_id}: kept {hold.previous_mentions} last good mentions of "
            f"{hold.url or 'the source'}: {hold.reason}"
        )
    errors = ledger[ledger["status"] == "error"] if len(ledger) else ledger
    error_rows = errors.rename(columns={"parsed_run_id": "run_id"}).reindex(columns=_ERROR_COLUMNS)
    folder = keep_files(working.path, digest, [e.mentions_path for e in current], mentions)
    with working.connect() as connection:
        point_view(connection, folder)
        working.replace(connection, "source_holds", holds)
        if spent:
            connection.execute("delete from drop_acceptances where list_contains(?, source_id)", [spent])
        working.replace(connection, "document_extractions", ledger)
        working.replace(connection, "extraction_errors", error_rows)
        mark_finished(connection, STAGE, digest, run_id)
        by_source = dict(
            connection.execute(
                "select source_id, count(*) from extracted_mentions group by source_id order by source_id"
            ).fetchall()
        )
        shown = read_frame(connection, f"select {', '.join(_PREVIEW)} from extracted_mentions limit 5")
    remove_others(working.path, folder)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": sum(by_source.values()),
            "unchanged": False,
            "documents": len(ledger),
            "held_documents": len(holds),
            "batches_loaded": batches,
            "by_source": by_source,
            "preview": preview(shown, _PREVIEW) if len(shown) else "_(no rows)_",
        },
        check_results=[cadence],
    )
