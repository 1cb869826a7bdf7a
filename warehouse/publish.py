"""Publish the served DuckDB file that BI tools read, atomically.

The new file is built beside the served one from the working database, checkpointed and closed, then
renamed over the served file (`os.replace`: atomic on POSIX). A BI tool that has the old file open keeps
reading the old, complete version; the next connection sees the new complete version. Nobody ever sees
half a refresh, and a refresh never waits for readers (they open the file `read_only`).

The file being built is `.<served name>.<uuid>.building` (DuckDB adds `.wal` beside it). A refresh killed
while publishing leaves them behind, one of them as large as the served file: the next publish removes
them, and only them. Publishes hold a lock on the directory, one after the other, so what it removes is
never another publish's file in progress.

The file a publish replaces is kept in `served_history/` beside it, for `warehouse.rollback` to restore,
named by when it was published and by which run, from its `refresh_info`
(`dealmap.20250101T120000.000000Z.<run_id>.duckdb`: names sort by time; a file without `refresh_info` is
named by its modification time and the run `unknown`). The newest `$DEALMAP_SERVED_KEEP` (default 5; 0
keeps none) stay, older ones are removed. The replaced file is hard-linked (copied where links are not
allowed) under a hidden `.partial` name before the swap and given its real name only after it: a failed
publish leaves the history as it was, a killed one leaves a `.partial` the next publish removes, and the
history never shows a half-written file. Once the swap is done no kept file shares its inode with the
served file (a rollback restores a copy). Rollbacks take the same lock.

A table whose content is known by a digest (the inputs digest its stage recorded, `table_digests`) and
that the served file already holds under that digest is not copied again: the new file starts as a copy
of the served one and only the other tables are rebuilt in it. A state file beside the working file
(`<working name>.published.json`) says which served file was published (path, device, inode, size,
modification time) with which digests; a served file it does not describe (a rollback restored another,
someone replaced it, the state file is missing or unreadable) is rebuilt whole. An unchanged refresh of
a large warehouse then costs a file copy and its small tables, not a rebuild of every table.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from schemas.tables.millions import in_millions, is_whole_dollars
from schemas.tables.model import Column
from schemas.tables.reference import SERVED_ONLY
from warehouse.arrow_frames import arrow_schema, frame_to_arrow
from warehouse.database import attached_read_only, reading_working, transaction
from warehouse.ddl import comments_sql, identifier, literal

try:
    import fcntl
except ImportError:  # Windows: no flock; publishes there are not serialised
    fcntl = None  # type: ignore[assignment]


# The served file is written in DuckDB 1.0's storage format, not the writing library's own (2.0 here): BI
# tools bundle DuckDB 1.x (the DuckDB CLI on PyPI, Evidence, DBeaver and Metabase drivers), and a reader
# refuses a file newer than itself outright. Every feature the file uses (lists, comments) is in 1.0's
# format, and on dealmap's tables it is no larger than 1.4's; DuckDB 1.0.0 itself was seen to read it,
# and tests read it with the 1.5 CLI from PyPI.
SERVED_STORAGE_VERSION = "v1.0.0"

# Tables are copied into the new file this many at a time, each from a cursor of its own. One copy keeps
# DuckDB's two threads busy only part of the time (a row group is read, then compressed and written); two
# at once fill the gaps. At a million deals the four large tables took 4.2 s copied side by side against
# 5.0 s one after another (load average about 3); three at a time were no faster than two.
COPY_THREADS = 2

SERVED_KEEP_ENV = "DEALMAP_SERVED_KEEP"
DEFAULT_SERVED_KEEP = 5
HISTORY_DIR = "served_history"
UNKNOWN_RUN = "unknown"
"""The run id a kept file is named with when it holds no readable `refresh_info`."""
_STAMP = "%Y%m%dT%H%M%S.%fZ"


class ServedKeepError(ValueError):
    """`$DEALMAP_SERVED_KEEP` (or a `keep` argument) is not a whole number of files, 0 or more."""


def served_keep(keep: int | None = None) -> int:
    """How many replaced served files to keep: `keep` if given, else `$DEALMAP_SERVED_KEEP` (unset or
    empty: 5). 0 keeps none. Anything but a whole number, 0 or more, is a `ServedKeepError`."""
    if keep is None:
        text = os.environ.get(SERVED_KEEP_ENV, "").strip()
        if not text:
            return DEFAULT_SERVED_KEEP
        if not re.fullmatch(r"[0-9]+", text):
            raise ServedKeepError(
                f"{SERVED_KEEP_ENV}={text!r} is not a number of served files to keep: use a whole number, "
                f"0 or more (0 keeps none; unset keeps {DEFAULT_SERVED_KEEP})"
            )
        return int(text)
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 0:
        raise ServedKeepError(f"keep={keep!r} is not a number of served files to keep: use 0 or more")
    return keep


def history_dir(served_db: Path) -> Path:
    """The folder the served files a publish or rollback replaced are kept in."""
    return served_db.parent / HISTORY_DIR


def served_order_path(served_db: Path) -> Path:
    """A hidden log in the history folder: the names kept files were kept under, oldest first. A kept file
    was served until the moment it was kept, so the log's last entries are the refreshes served most
    recently, whatever their publish times (a rollback serves an older one again)."""
    return history_dir(served_db) / ".served-order"


def _log_served_until_now(served_db: Path, name: str) -> None:
    with open(served_order_path(served_db), "a", encoding="utf-8") as log:
        log.write(name + "\n")


def history_pattern(served_db: Path) -> re.Pattern[str]:
    """Exactly the names `history_name` makes for `served_db`, with groups `published_at` and `run_id`."""
    return re.compile(
        re.escape(served_db.stem)
        + r"\.(?P<published_at>[0-9]{8}T[0-9]{6}\.[0-9]{6}Z)\.(?P<run_id>[A-Za-z0-9_-]{1,100})"
        + re.escape(served_db.suffix)
    )


def _stamp(moment: datetime) -> str:
    """`20250101T120000.000000Z`: fixed width, so names sort by time (`strftime`'s `%Y` is not padded
    below year 1000 on every platform)."""
    return f"{moment.year:04d}{moment:%m%dT%H%M%S.%f}Z"


def parse_stamp(text: str) -> datetime:
    """The naive UTC time a `published_at` group of `history_pattern` names."""
    return datetime.strptime(text, _STAMP)


def _run_id_for_name(run_id: object) -> str:
    """A run id as part of a file name. Dagster's are UUIDs and pass unchanged; anything else is cut to
    letters, digits, `-` and `_`, so it can never make a path."""
    text = re.sub(r"[^A-Za-z0-9_-]+", "-", str(run_id or "")).strip("-")[:100]
    return text or UNKNOWN_RUN


def refresh_identity(path: Path) -> tuple[datetime, str]:
    """(published_at as naive UTC, run id) of a served file, from its one-row `refresh_info`. A file
    without a readable one (a test's, or not a DuckDB file at all) is known by its modification time and
    the run id `unknown`."""
    try:
        with attached_read_only(path, "served") as connection:
            row = connection.execute("select published_at, run_id from refresh_info").fetchone()
    except duckdb.Error:
        row = None
    published_at, run_id = row or (None, None)
    if isinstance(published_at, datetime):
        if published_at.tzinfo is not None:
            published_at = published_at.astimezone(UTC).replace(tzinfo=None)
    else:
        published_at = datetime(1970, 1, 1) + timedelta(microseconds=path.stat().st_mtime_ns // 1000)
    return published_at, _run_id_for_name(run_id)


def history_name(path: Path, served_db: Path, identity: tuple[datetime, str] | None = None) -> str:
    """The name the served file at `path` is kept under: `<stem>.<published_at>.<run_id><suffix>`, from
    its `refresh_info` (`refresh_identity`) unless its `identity` is known already."""
    published_at, run_id = identity or refresh_identity(path)
    return f"{served_db.stem}.{_stamp(published_at)}.{run_id}{served_db.suffix}"


def _refresh_of(extra_tables: Mapping[str, pd.DataFrame]) -> tuple[datetime, str] | None:
    """(published_at, run id) of the `refresh_info` a publish writes, as `refresh_identity` reads them
    back from the file: converted as the file gets them (`frame_to_arrow`). None when it writes none, or
    not one row with a time."""
    rows = extra_tables.get("refresh_info")
    if rows is None or len(rows) != 1:
        return None
    try:
        stored = frame_to_arrow(rows, arrow_schema(SERVED_ONLY["refresh_info"])).to_pylist()[0]
    except (KeyError, TypeError, ValueError):  # the file would not get it either: the publish fails
        return None
    published_at = stored.get("published_at")
    if not isinstance(published_at, datetime):
        return None
    if published_at.tzinfo is not None:
        published_at = published_at.astimezone(UTC).replace(tzinfo=None)
    return published_at, _run_id_for_name(stored.get("run_id"))


def kept_names(served_db: Path) -> list[str]:
    """Names of the files kept for `served_db`, oldest first. Other files in the folder are not ours."""
    pattern = history_pattern(served_db)
    try:
        with os.scandir(history_dir(served_db)) as entries:
            names = [
                e.name for e in entries if e.is_file(follow_symlinks=False) and pattern.fullmatch(e.name)
            ]
    except FileNotFoundError:
        return []
    return sorted(names)


@dataclass(frozen=True)
class PublishReport:
    path: Path
    row_counts: dict[str, int]
    bytes: int
    stale_removed: tuple[str, ...] = ()
    """Names of `.building` files left by earlier killed publishes, removed before this one."""
    history_added: str | None = None
    """Name of the file the replaced served file is kept as in `served_history/` (None: nothing kept)."""
    history_removed: tuple[str, ...] = ()
    """Names removed from `served_history/`: `.partial` files left by killed publishes, then kept files
    older than the newest `keep`."""
    tables_kept: tuple[str, ...] = ()
    """Tables taken as they were from the served file (same digest), not copied from the working file."""
    stale_wal: Path | None = None
    """Where a write-ahead log found beside the served file was set aside (`set_aside_stale_wal`)."""


@dataclass(frozen=True)
class _WorkingCatalog:
    """The columns and comments of the working tables and views, read once for every table a publish
    copies: read per table, twice, the catalog queries bound every working view again each time (their
    Parquet files' footers included), some 30 queries of 5 ms and more."""

    columns: dict[str, list[tuple[str, str, str | None]]]
    """Table or view -> its (column, DuckDB type, comment), in column order."""
    comments: dict[str, str | None]
    """Table or view -> its comment."""

    @classmethod
    def read(cls, connection: duckdb.DuckDBPyConnection, work: str) -> _WorkingCatalog:
        """The catalog of the working file attached as `work`."""
        columns: dict[str, list[tuple[str, str, str | None]]] = {}
        for table, name, kind, comment in connection.execute(
            "select table_name, column_name, data_type, comment from duckdb_columns() "
            "where database_name = ? order by table_name, column_index",
            [work],
        ).fetchall():
            columns.setdefault(table, []).append((name, kind, comment))
        # A working view (deal_sources) is served as a table with the view's comments.
        comments = connection.execute(
            "select table_name, comment from duckdb_tables() where database_name = $1 "
            "union all select view_name, comment from duckdb_views() where database_name = $1",
            [work],
        ).fetchall()
        return cls(columns, dict(comments))

    def millions_columns(self, table: str) -> list[tuple[str, Column]]:
        """(whole-dollar column, its millions column) of a working table, in column order."""
        columns = self.columns.get(table, [])
        return [(name, in_millions(name)) for name, kind, _ in columns if is_whole_dollars(name, kind)]

    def comments_sql(self, table: str) -> list[str]:
        """The COMMENT statements that give `bi.<table>` the comments of the working table."""
        statements = []
        if self.comments.get(table):
            statements.append(f"comment on table bi.{table} is {literal(self.comments[table])}")
        statements += [
            f'comment on column bi.{table}."{column}" is {literal(comment)}'
            for column, _, comment in self.columns.get(table, [])
            if comment is not None
        ]
        return statements


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be fsynced
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _building_name(served_db: Path) -> str:
    return f".{served_db.name}.{uuid.uuid4().hex}.building"


def temporary_beside(served_db: Path) -> Path:
    """A fresh name beside the served file for a file about to be renamed over it. A killed process
    leaves it behind; `remove_stale_builds` removes it."""
    return served_db.with_name(_building_name(served_db))


def _stale_pattern(served_db: Path) -> re.Pattern[str]:
    """Exactly the names `_building_name` makes (and DuckDB's `.wal` of them), nothing else."""
    return re.compile(re.escape(f".{served_db.name}.") + r"[0-9a-f]{32}\.building(?:\.wal)?")


def _partial_pattern(served_db: Path) -> re.Pattern[str]:
    """Exactly the names `_keep_replaced` gives a kept file before the swap, nothing else."""
    return re.compile(re.escape(f".{served_db.name}.") + r"[0-9a-f]{32}\.partial")


def _remove_matching(directory: Path, pattern: re.Pattern[str]) -> list[str]:
    removed = []
    with contextlib.suppress(FileNotFoundError), os.scandir(directory) as entries:
        for entry in entries:
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)
                removed.append(entry.name)
    return removed


def remove_stale_builds(served_db: Path) -> tuple[str, ...]:
    """Remove the `.building` files earlier, killed publishes (or rollbacks) left beside `served_db`;
    their names.

    Only regular files whose whole name matches the pattern, in that directory; never the served file.
    Call it only under `publish_lock`, when no other publish can be building.
    """
    return tuple(sorted(_remove_matching(served_db.parent, _stale_pattern(served_db))))


def remove_stale_partials(served_db: Path) -> tuple[str, ...]:
    """Remove the `.partial` files killed publishes (or rollbacks) left in the history folder; their
    names. Never a kept file. Call it only under `publish_lock`."""
    return tuple(sorted(_remove_matching(history_dir(served_db), _partial_pattern(served_db))))


@contextlib.contextmanager
def publish_lock(directory: Path) -> Iterator[None]:
    """An exclusive lock on the served file's directory for one publish (or rollback). The OS drops it
    when the process ends, so a killed publish never leaves it held (and no lock file is left either)."""
    if fcntl is None:
        yield
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


@dataclass(frozen=True)
class _Kept:
    """The served file about to be replaced, linked under a hidden name in the history folder."""

    partial: Path
    name: str
    created_folder: bool


def _keep_replaced(served_db: Path, identity: tuple[datetime, str] | None = None) -> _Kept | None:
    """Link (or copy) the served file into the history under a hidden `.partial` name, and work out the
    name it will be kept under (from `identity` when known: `history_name`). None when there is no
    served file yet."""
    if not served_db.is_file():
        return None
    folder = history_dir(served_db)
    created_folder = not folder.is_dir()
    folder.mkdir(exist_ok=True)
    partial = folder / f".{served_db.name}.{uuid.uuid4().hex}.partial"
    try:
        try:
            os.link(served_db, partial)  # instant, and the served file was made durable when published
        except OSError:  # a filesystem without hard links: a copy, durable before it counts
            shutil.copy2(served_db, partial)
            _fsync_file(partial)
        return _Kept(partial, history_name(partial, served_db, identity), created_folder)
    except BaseException:
        _discard(_Kept(partial, "", created_folder))
        raise


def _discard(kept: _Kept) -> None:
    """Undo `_keep_replaced`: the history is as it was."""
    kept.partial.unlink(missing_ok=True)
    if kept.created_folder:
        with contextlib.suppress(OSError):  # only if still empty
            kept.partial.parent.rmdir()


def _commit(kept: _Kept) -> str:
    """Give the kept file its name. If that refresh is kept already (the served file was itself restored
    from the history, or replaced before by a publish that was killed), the copy is dropped."""
    final = kept.partial.with_name(kept.name)
    if final.exists():
        kept.partial.unlink()
    else:
        os.replace(kept.partial, final)
        _fsync_dir(final.parent)
    return kept.name


def prune_history(served_db: Path, keep: int) -> tuple[str, ...]:
    """Remove all but the newest `keep` kept files (by published time); their names. Under `publish_lock`."""
    names = kept_names(served_db)
    removed = names[: max(len(names) - keep, 0)]
    for name in removed:
        (history_dir(served_db) / name).unlink(missing_ok=True)
    if removed:
        _fsync_dir(history_dir(served_db))
    return tuple(removed)


def swap_into_place(
    new_file: Path, served_db: Path, keep: int, replaced: tuple[datetime, str] | None = None
) -> tuple[str | None, tuple[str, ...]]:
    """Rename `new_file` (complete and fsynced, beside the served file) over `served_db`, keeping the
    file it replaces in the history when `keep` > 0, then remove all but the newest `keep` kept files.
    `replaced`: the (published_at, run id) of the served file when known (the state file's record), so that
    naming it needs no read of it.

    Returns the name the replaced file is kept under (None: none kept) and the names removed. If the
    rename fails, the served file and the history are as they were. Call it only under `publish_lock`.
    """
    kept = _keep_replaced(served_db, replaced) if keep > 0 else None
    try:
        os.replace(new_file, served_db)
    except BaseException:
        if kept:
            _discard(kept)
        raise
    # The rename happened: the file it replaced is kept under its name even when Ctrl-C or SIGTERM lands
    # now (it was left as a `.partial`, which the next publish removes: that refresh lost from rollback).
    try:
        _fsync_dir(served_db.parent)
    finally:
        added = _commit(kept) if kept else None
    if added:
        _log_served_until_now(served_db, added)
    return added, prune_history(served_db, keep)


def published_state_path(working_db: Path) -> Path:
    """The file beside the working file naming the served file the last publish wrote and the digests of
    its tables (kept there, not beside the served file: that folder is the BI tools')."""
    return working_db.with_name(f"{working_db.name}.published.json")


def _identity(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _served_state(working_db: Path, served_db: Path) -> dict[str, Any]:
    """The state file, when it describes the served file that is there now; else empty (either missing
    or unreadable, or another file served: a rollback restored one, someone replaced it)."""
    try:
        state = json.loads(published_state_path(working_db).read_text(encoding="utf-8"))
        if state["served"] == str(served_db.resolve()) and state["identity"] == _identity(served_db):
            return state
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}


def served_digests(working_db: Path, served_db: Path) -> dict[str, str]:
    """The table digests the served file was published with; none when the state file does not describe
    the file that is there now (or either is missing or unreadable)."""
    return _digests_in(_served_state(working_db, served_db))


def _digests_in(state: dict[str, Any]) -> dict[str, str]:
    digests = state.get("digests")
    return {str(k): str(v) for k, v in digests.items()} if isinstance(digests, dict) else {}


def _refresh_in(state: dict[str, Any]) -> tuple[datetime, str] | None:
    """(published_at, run id) of the served file as the publish that wrote it recorded them in `state`:
    naming it in the history then needs no read of its `refresh_info` (attaching a large served file to
    read one row cost a tenth of a second of every refresh)."""
    try:
        published_at, run_id = state["refresh"]
        return datetime.fromisoformat(published_at), _run_id_for_name(run_id)
    except (KeyError, TypeError, ValueError):
        return None


def _record_served(
    working_db: Path,
    served_db: Path,
    digests: Mapping[str, str],
    refresh: tuple[datetime, str] | None,
) -> None:
    """Write the state file for the file just swapped into place (atomically: a torn one would only cost
    a whole rebuild, but it is not left half-written either)."""
    state = published_state_path(working_db)
    partial = state.with_name(f"{state.name}.{uuid.uuid4().hex}")
    described = {
        "served": str(served_db.resolve()),
        "identity": _identity(served_db),
        "digests": dict(digests),
        "refresh": [refresh[0].isoformat(), refresh[1]] if refresh else None,
    }
    try:
        partial.write_text(json.dumps(described), "utf-8")
        os.replace(partial, state)
    finally:
        partial.unlink(missing_ok=True)


def _drop_all_but(connection: duckdb.DuckDBPyConnection, kept: set[str]) -> None:
    """Empty the file being built of every table but `kept` (a copy of the served file holds them all)."""
    names = connection.execute(
        "select table_name from duckdb_tables() where database_name = 'bi' and schema_name = 'main'"
    ).fetchall()
    for (name,) in names:
        if name not in kept:
            connection.execute(f"drop table bi.{identifier(name)}")


def set_aside_stale_wal(served_db: Path) -> Path | None:
    """Move a write-ahead log found beside the served file out of DuckDB's way; where it went, or None.

    Every publish checkpoints and closes the file it builds before renaming it into place, so a
    `dealmap.duckdb.wal` is never a publish's own: a client opened the served file read-write (BI tools
    must open it `read_only`), changed it and died. DuckDB replays a WAL onto whatever file carries the
    name when it is next opened: the next refresh's file, a rolled-back one, every BI tool's view of them.
    It is renamed, not deleted: the client's changes are kept for whoever made them. Call it under
    `publish_lock`.
    """
    wal = Path(f"{served_db}.wal")
    if not wal.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = served_db.with_name(f"{served_db.name}.wal.set-aside-{stamp}")
    os.replace(wal, aside)
    return aside


def stale_wal_message(aside: Path) -> str:
    """What a user is told when a WAL was set aside, and what to do."""
    return (
        f"a write-ahead log beside the served file (left by a client that opened it read-write and did not "
        f"close it) was set aside as {aside.name}, not replayed onto this refresh; open the served file "
        f"read_only (see the README)"
    )


def publish(
    working_db: Path,
    served_db: Path,
    tables: list[str],
    extra_tables: dict[str, pd.DataFrame] | None = None,
    keep: int | None = None,
    table_digests: Mapping[str, str] | None = None,
) -> PublishReport:
    """Copy `tables` (with their comments) from the working file into a new served file, atomically.

    `extra_tables` maps the name of a table declared in `schemas.tables.reference` to its rows, for
    tables built outside the working file (reference data such as the taxonomy). `table_digests` maps
    some of `tables` to a digest of their content: those the served file holds under the same digest are
    kept from it rather than copied again.

    The served file it replaces is kept in `served_history/`, and all but the newest `keep` kept files
    are removed; `keep` defaults to `$DEALMAP_SERVED_KEEP`, else 5. A bad value is a `ServedKeepError`
    before anything changes; a publish that fails leaves the served file and the history as they were.
    """
    keep = served_keep(keep)
    served_db = Path(served_db)
    served_db.parent.mkdir(parents=True, exist_ok=True)
    digests = {t: d for t, d in (table_digests or {}).items() if t in tables and d}
    with publish_lock(served_db.parent):
        stale, partials = remove_stale_builds(served_db), remove_stale_partials(served_db)
        stale_wal = set_aside_stale_wal(served_db)
        # (a served file a client changed holds other rows than its digests say: nothing is taken from it)
        state = _served_state(Path(working_db), served_db) if served_db.is_file() and not stale_wal else {}
        served, replaced = _digests_in(state), _refresh_in(state)
        # What the next publish needs of the new file: the digests of its tables, and its refresh to name
        # it by (worked out before the swap: nothing may fail after it)
        refresh = _refresh_of(extra_tables or {})
        kept = tuple(t for t in tables if t in digests and served.get(t) == digests[t])
        counts, (added, removed) = _build_and_swap(
            working_db, served_db, tables, extra_tables or {}, keep, kept, replaced
        )
        if digests or refresh:
            _record_served(Path(working_db), served_db, digests, refresh)
        else:  # nothing to take from this file next time
            published_state_path(Path(working_db)).unlink(missing_ok=True)
    size = served_db.stat().st_size
    return PublishReport(
        served_db, counts, size, stale, added, partials + removed, tables_kept=kept, stale_wal=stale_wal
    )


def _copy_table(
    connection: duckdb.DuckDBPyConnection, work: str, catalog: _WorkingCatalog, table: str
) -> list[str]:
    """Copy one table (or view) of the working file (catalog `work`) into `bi`, with the millions columns
    of its whole-dollar ones, in a cursor of its own; the COMMENT statements it needs."""
    with connection.cursor() as cursor:
        millions = catalog.millions_columns(table)
        in_millions = "".join(f", {identifier(c)} / 1e6 as {identifier(m.name)}" for c, m in millions)
        query = f"select *{in_millions} from {identifier(work)}.{table}"
        # No column is given a compression (`USING COMPRESSION`): DuckDB keeps that in the table's catalog
        # entry even in 1.0's storage format, and DuckDB 1.0 then cannot read the file at all ("field id
        # mismatch"). The trials DuckDB runs to choose one cost about a fifth of writing a table.
        cursor.execute(f"create table bi.{table} as {query}")
        return [
            *catalog.comments_sql(table),
            *(
                f"comment on column bi.{table}.{identifier(column.name)} is {literal(column.comment)}"
                for _, column in millions
            ),
        ]


def _copy_tables(connection: duckdb.DuckDBPyConnection, work: str, tables: list[str]) -> list[str]:
    """Copy `tables` into `bi`, `COPY_THREADS` at a time; the COMMENT statements they need, in table
    order. The first error is raised once every copy has ended (none is left running on the file)."""
    catalog = _WorkingCatalog.read(connection, work)
    with ThreadPoolExecutor(max_workers=COPY_THREADS, thread_name_prefix="publish") as pool:
        copies = [pool.submit(_copy_table, connection, work, catalog, table) for table in tables]
        wait(copies)
    return [statement for copy in copies for statement in copy.result()]


def _fill(
    connection: duckdb.DuckDBPyConnection,
    work: str,
    tables: list[str],
    extra_tables: dict[str, pd.DataFrame],
    kept: tuple[str, ...],
) -> None:
    """Fill the file attached as `bi` from the working file (catalog `work`): every table but the `kept`
    ones, then the extra tables, then every comment. The comments go in one transaction: each COMMENT ON
    committed on its own cost a commit of the new file's catalog (a few hundred of them, half the time of
    a publish). The tables are copied one transaction each, as large as they are, `COPY_THREADS` at a
    time."""
    _drop_all_but(connection, set(kept))
    comments = _copy_tables(connection, work, [t for t in tables if t not in kept])
    for name, frame in extra_tables.items():
        declaration = SERVED_ONLY[name]
        connection.register("extra_rows", frame_to_arrow(frame, arrow_schema(declaration)))
        connection.execute(f"create table bi.{name} as select * from extra_rows")
        connection.unregister("extra_rows")
        comments += comments_sql(declaration, f"bi.{identifier(name)}")
    with transaction(connection):
        for statement in comments:
            connection.execute(statement)


def _build_and_swap(
    working_db: Path,
    served_db: Path,
    tables: list[str],
    extra_tables: dict[str, pd.DataFrame],
    keep: int,
    kept: tuple[str, ...] = (),
    replaced: tuple[datetime, str] | None = None,
) -> tuple[dict[str, int], tuple[str | None, tuple[str, ...]]]:
    """Build the new file beside the served one (from a copy of it when some tables are `kept` as they
    are), then swap it into place (`swap_into_place`); row counts per table and what the history gained
    and lost. Whatever happens, the file being built does not outlive the call."""
    building = temporary_beside(served_db)
    counts: dict[str, int] = {}
    try:
        if kept:
            shutil.copyfile(served_db, building)
        # The working file is read where it is open (a run's) or attached read-only, the new file beside it.
        with reading_working(Path(working_db)) as (connection, work):
            connection.execute(
                f"attach {literal(str(building))} as bi (storage_version {literal(SERVED_STORAGE_VERSION)})"
            )
            try:
                _fill(connection, work, tables, extra_tables, kept)
                for table in [*tables, *extra_tables]:
                    counts[table] = connection.execute(f"select count(*) from bi.{table}").fetchone()[0]
                connection.execute("checkpoint bi")
            finally:  # a run's database outlives this call: it must not keep the file attached
                connection.execute("detach database if exists bi")
        _fsync_file(building)
        history = swap_into_place(building, served_db, keep, replaced)
    finally:
        building.unlink(missing_ok=True)
        Path(f"{building}.wal").unlink(missing_ok=True)
    return counts, history
