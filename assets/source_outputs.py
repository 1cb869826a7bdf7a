"""What the per-source stages write, one folder per source beside the raw store: `<data>/sources/<id>/`.

The per-source stages (`documents`, `extracted_mentions`, partitioned by source id) may run in parallel
processes, and the working DuckDB file allows one writing process: so they never open it. Each writes
its own files here, and the first combining stage (`combined_mentions`) loads them into the working
database. Every write is atomic (a temporary file or folder, then a rename), so a reader sees a
source's previous output or its new one, never half of one.

    sources/<id>/fetch_state.json          what the source serves now: per URL the newest stored version
                                           (sha256, content type, feed date) and the newest validators
                                           (ETag / Last-Modified), and the URLs its listing names
    sources/<id>/batches/<stamp>-<run>/    one fetch: `documents`, `fetch_log`, `source_listings` rows
                                           (Parquet, typed by the declared tables); removed once loaded
    sources/<id>/extraction/CURRENT        the digest of the current extraction, which is the folder
    sources/<id>/extraction/<digest>/      `mentions.parquet` (extracted_mentions rows),
                                           `ledger.parquet` (document_extractions rows) and `inputs`
                                           (the digest of what it read)

Source ids are registry slugs (`[a-z0-9][a-z0-9_-]*`, checked by `assets/sources.py`), so a folder
name built from one never leaves this tree.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from assets.validate.source_volume import MENTION_KEYS_SQL
from schemas.duckdb_memory import scratch_duckdb
from warehouse.arrow_frames import arrow_schema, frame_to_arrow
from warehouse.database import declared, read_frame

BATCH_TABLES = ("documents", "fetch_log", "source_listings")
# Fetch attempts whose validators the server gave for the body now stored (a new ETag on the same bytes
# must stick, or every later run downloads the page again).
_VALIDATING_STATUSES = ("ok", "unchanged", "not_modified")


@dataclass
class FetchState:
    """What one source serves now, as its last fetches left it."""

    versions: dict[str, dict[str, Any]] = field(default_factory=dict)
    """URL -> its newest stored version: sha256, content_type, published_hint (ISO date or None)."""
    validators: dict[str, dict[str, str | None]] = field(default_factory=dict)
    """URL -> the newest etag and last_modified the server gave."""
    listing: list[str] | None = None
    """The URLs the source named at its last readable listing (None: never listed, or a feed, whose
    pages accumulate)."""

    def updated(self, documents: list[dict[str, Any]], log: list[dict[str, Any]], listing: list[str] | None):
        """The state after one fetch: its new document versions, validators and listing."""
        versions = dict(self.versions)
        for row in documents:
            hint = row.get("published_hint")
            versions[row["url"]] = {
                "sha256": row["sha256"],
                "content_type": row.get("content_type"),
                "published_hint": hint.isoformat() if isinstance(hint, date) else None,
            }
        validators = dict(self.validators)
        for row in log:
            if row["status"] in _VALIDATING_STATUSES and (row.get("etag") or row.get("last_modified")):
                validators[row["url"]] = {"etag": row.get("etag"), "last_modified": row.get("last_modified")}
        return FetchState(versions, validators, self.listing if listing is None else list(listing))

    def current_documents(self, source_id: str) -> pd.DataFrame:
        """The newest version of every URL the source still names (all of them without a listing), as the
        columns extraction reads: source_id, url, sha256, content_type, published_hint."""
        named = set(self.listing) if self.listing is not None else None
        rows = [
            {
                "source_id": source_id,
                "url": url,
                "sha256": version["sha256"],
                "content_type": version.get("content_type"),
                "published_hint": date.fromisoformat(version["published_hint"])
                if version.get("published_hint")
                else None,
            }
            for url, version in sorted(self.versions.items())
            if named is None or url in named
        ]
        columns = ["source_id", "url", "sha256", "content_type", "published_hint"]
        return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class Extraction:
    """One source's current extraction: the folder holding its mentions and its ledger (read on demand:
    an export's mentions may be a million rows), named by `digest`, which changes whenever they do."""

    digest: str
    folder: Path

    def inputs_digest(self) -> str:
        """The digest of what the extraction read (its documents and fingerprint)."""
        return (self.folder / "inputs").read_text(encoding="utf-8").strip()

    def mentions(self) -> pd.DataFrame:
        return read_parquet(self.folder / "mentions.parquet")

    def mentions_of(self, versions: Collection[tuple[str, str, str, str]]) -> pd.DataFrame:
        """The mentions of these document versions only, (source_id, url, document_sha256, fingerprint),
        in the file's order: what a new extraction reuses, read without the rest (the earlier million
        rows of an export parsed again cost a gigabyte as a frame, for nothing). Empty when none."""
        if not versions:
            return pd.DataFrame()
        names = ["source_id", "url", "document_sha256", "fingerprint"]
        wanted = pa.table({name: [v[i] for v in versions] for i, name in enumerate(names)})
        with scratch_duckdb() as connection:
            connection.register("wanted", wanted)
            sql = (
                "select * exclude (file_row_number) from read_parquet(?, file_row_number = true) "
                f"semi join wanted using ({', '.join(names)}) order by file_row_number"
            )
            return read_frame(connection, sql, [str(self.mentions_path)])

    def ledger(self) -> pd.DataFrame:
        return read_parquet(self.folder / "ledger.parquet")

    def mention_count(self) -> int:
        return pq.ParquetFile(self.folder / "mentions.parquet").metadata.num_rows

    @property
    def mentions_path(self) -> Path:
        return self.folder / "mentions.parquet"

    def complete(self) -> bool:
        """Every file of the extraction is there."""
        names = ("mentions.parquet", "ledger.parquet", "inputs")
        return all((self.folder / name).is_file() for name in names)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_table(target: Path, frame: pd.DataFrame, table: str, files: list[Path]) -> None:
    """`frame`, typed by the declared table `table`, and the rows of the Parquet `files` (written in its
    declared columns already) as the one Parquet file `target`. A single file and no frame is moved,
    not copied: a million-row export's mentions are written once."""
    schema = arrow_schema(declared(table))
    if not files:
        pq.write_table(frame_to_arrow(frame, schema), target)
    elif len(files) == 1 and frame.empty:
        os.replace(files[0], target)
    else:
        with scratch_duckdb() as connection:
            rows = connection.read_parquet([str(path) for path in files])
            if not frame.empty:
                rows = rows.union(connection.from_arrow(frame_to_arrow(frame, schema)))
            rows.write_parquet(str(target))


def _write_tables(
    folder: Path,
    frames: dict[str, pd.DataFrame],
    tables: dict[str, str],
    texts: dict[str, str] | None = None,
    files: dict[str, list[Path]] | None = None,
) -> None:
    """Write each frame as `<name>.parquet`, typed by the declared table `tables[name]` (with the rows of
    the Parquet `files[name]`, if any), and each text as a file, into a new folder that appears whole
    (built under a temporary name, then renamed)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        for name, frame in frames.items():
            _write_table(temp / f"{name}.parquet", frame, tables[name], (files or {}).get(name, []))
        for name, text in (texts or {}).items():
            (temp / name).write_text(text, encoding="utf-8")
        os.replace(temp, folder)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def ledgers(extractions: Sequence[Extraction]) -> pd.DataFrame:
    """The ledgers of `extractions`, in their order, as one frame (no columns when there are none)."""
    return _read_all([e.folder / "ledger.parquet" for e in extractions])


def mention_keys(extractions: Sequence[Extraction]) -> pd.DataFrame:
    """What deciding on a hold reads of every mention of `extractions` (`MENTION_KEYS_SQL`: its source,
    document and which fields an export row gives), a fraction of the memory of the mentions themselves;
    in their order, as one frame (no columns when there are none)."""
    return _read_all([e.mentions_path for e in extractions], MENTION_KEYS_SQL)


def _read_all(paths: list[Path], columns: str = "*") -> pd.DataFrame:
    """`columns` (SQL) of the rows of the Parquet files at `paths`, file after file, in one query: a file
    read at a time cost a refresh of 400 sources seconds. Columns are matched by name (a file written
    before a column was declared lacks it)."""
    if not paths:
        return pd.DataFrame()
    with scratch_duckdb() as connection:
        sql = f"select {columns} from read_parquet(?, union_by_name = true)"
        return read_frame(connection, sql, [[str(path) for path in paths]])


def read_parquet(path: Path) -> pd.DataFrame:
    """A Parquet file as a frame typed as frames read from the working database are (`read_frame`)."""
    return _read_all([path])


class SourceOutputs:
    """The per-source output folders under `root` (`<data>/sources`)."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def folder(self, source_id: str) -> Path:
        return self.root / source_id

    # -- fetching -------------------------------------------------------------------------------------

    def fetch_state_path(self, source_id: str) -> Path:
        """Where the source's fetch state is kept: there once the source was fetched (or tried) at all."""
        return self.folder(source_id) / "fetch_state.json"

    def never_fetched(self, source_ids: Iterable[str]) -> list[str]:
        """The sources of `source_ids` never fetched (nor tried): no fetch state, whatever a replay
        extracted from their no documents. In the order given."""
        return [source_id for source_id in source_ids if not self.fetch_state_path(source_id).exists()]

    def fetch_state(self, source_id: str) -> FetchState:
        path = self.fetch_state_path(source_id)
        if not path.exists():
            return FetchState()
        data = json.loads(path.read_text(encoding="utf-8"))
        return FetchState(data["versions"], data["validators"], data["listing"])

    def record_fetch(
        self,
        source_id: str,
        run_id: str,
        fetched_at: datetime,
        documents: list[dict[str, Any]],
        log: list[dict[str, Any]],
        listing: list[str] | None,
    ) -> FetchState:
        """Write one fetch's rows as a batch for the combining stage, then the source's new state.

        The batch first: a fetch that stopped between the two leaves the old state, and the next fetch
        compares with it (at worst storing the same version twice), never a state naming a version the
        working database will not get."""
        listings = [{"source_id": source_id, "run_id": run_id, "listed_at": fetched_at, "urls": listing}]
        frames = {
            "documents": pd.DataFrame(documents),
            "fetch_log": pd.DataFrame(log),
            "source_listings": pd.DataFrame(listings if listing is not None else []),
        }
        batch = self.folder(source_id) / "batches" / f"{fetched_at:%Y%m%dT%H%M%S%f}-{run_id}"
        _write_tables(batch, frames, {name: name for name in BATCH_TABLES})
        state = self.fetch_state(source_id).updated(documents, log, listing)
        text = json.dumps(
            {"versions": state.versions, "validators": state.validators, "listing": state.listing}
        )
        _write_atomically(self.fetch_state_path(source_id), text)
        return state

    def pending_batches(self) -> Iterator[Path]:
        """Every fetch batch not yet loaded, oldest first within a source (any source folder: a source
        removed from the registry since it was fetched still has its history loaded)."""
        if not self.root.is_dir():
            return
        for source in sorted(p for p in self.root.iterdir() if p.is_dir()):
            batches = source / "batches"
            if batches.is_dir():
                yield from sorted(p for p in batches.iterdir() if p.is_dir() and not p.name.startswith("."))

    # -- extraction -----------------------------------------------------------------------------------

    def current_extraction(self, source_id: str) -> Extraction | None:
        """The source's current extraction, or None when it was never extracted or its folder is gone or
        incomplete (removed by hand, or a run stopped while replacing it): the next extraction of the
        source parses it again, and the combining stage keeps its last mentions until then."""
        pointer = self.folder(source_id) / "extraction" / "CURRENT"
        if not pointer.exists():
            return None
        digest = pointer.read_text(encoding="utf-8").strip()
        extraction = Extraction(digest, pointer.parent / digest)
        return extraction if extraction.complete() else None

    def forget_fetch_state(self, source_id: str) -> None:
        """Drop what the source's last fetches left, so that its next fetch downloads every URL again."""
        self.fetch_state_path(source_id).unlink(missing_ok=True)

    def forget_fetched(self, source_ids: Collection[str]) -> list[tuple[str, int]]:
        """Forget the fetch state of those of `source_ids` that remember document versions (their
        documents were lost with the working database); (source id, versions) of each."""
        forgotten = []
        for source_id in source_ids:
            versions = len(self.fetch_state(source_id).versions)
            if versions:
                self.forget_fetch_state(source_id)
                forgotten.append((source_id, versions))
        return forgotten

    @contextmanager
    def spool(self, source_id: str) -> Iterator[Path]:
        """A scratch folder beside the source's extractions for mention files written before the
        extraction that takes them is recorded (on the same filesystem: they are moved in by a rename).
        Removed afterwards; one left by a stopped run goes when the next extraction is recorded."""
        base = self.folder(source_id) / "extraction"
        base.mkdir(parents=True, exist_ok=True)
        # The recording removes every other folder in `base`, this one included once its files are moved.
        with tempfile.TemporaryDirectory(prefix=".spool-", dir=base, ignore_cleanup_errors=True) as scratch:
            yield Path(scratch)

    def record_extraction(
        self,
        source_id: str,
        inputs_digest: str,
        mentions: pd.DataFrame,
        ledger: pd.DataFrame,
        mention_files: list[Path] | None = None,
    ) -> str:
        """Make (`mentions` with the rows of the Parquet `mention_files`, `ledger`) the source's current
        extraction; returns its digest.

        Named by what was read and how each document ended (the same inputs parsed again after a
        transient failure give another name), the folder appears whole, then the pointer names it, then
        older folders go."""
        outcome = ledger.reindex(
            columns=["url", "sha256", "fingerprint", "status", "error_class", "mentions"]
        )
        text = json.dumps([inputs_digest, outcome.astype(str).values.tolist()])
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        base = self.folder(source_id) / "extraction"
        folder = base / digest
        if Extraction(digest, folder).complete():
            # Written before with this very outcome (a source parsed again after a transient failure, or a
            # pointer lost to a crash): kept as it is, never removed while a reader may use it.
            _write_atomically(base / "CURRENT", digest)
            return digest
        if folder.exists():  # an incomplete folder left by a stopped run
            shutil.rmtree(folder)
        _write_tables(
            folder,
            {"mentions": mentions, "ledger": ledger},
            {"mentions": "extracted_mentions", "ledger": "document_extractions"},
            {"inputs": inputs_digest},
            {"mentions": mention_files or []},
        )
        _write_atomically(base / "CURRENT", digest)
        for old in base.iterdir():
            if old.is_dir() and old.name != digest:
                shutil.rmtree(old, ignore_errors=True)
        return digest
