"""Serve an earlier refresh again: `python -m warehouse.rollback [RUN_ID]` (or `tasks.py rollback`).

Every publish keeps the served file it replaces in `served_history/` (see warehouse/publish.py). A
rollback copies one of those back beside the served file, makes it durable and renames it over the served
file, the same atomic swap a publish makes, under the same lock: BI tools reading the served file keep
their snapshot, and the next connection sees the restored refresh whole. The file it replaces is kept in
the history too, so a rollback can itself be undone.

Without a run id it restores the refresh served just before the current one (a hidden log in the history
records the order files were served in): after a publish, the previous refresh; after a rollback, the
refresh rolled back from (a second bare rollback undoes the first), and after rolling back and then
refreshing, the refresh rolled back to, never the one rolled away from. With a run id (or a unique
prefix of one, or a kept file's name) it restores that one.
`--list` prints what is kept and changes nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from schemas.taxonomy import default_taxonomy
from schemas.vocabulary import default_round_types
from warehouse.data_dir import DataDirResource
from warehouse.database import attached_read_only
from warehouse.ddl import identifier
from warehouse.publish import (
    SERVED_KEEP_ENV,
    ServedKeepError,
    history_dir,
    history_name,
    history_pattern,
    kept_names,
    parse_stamp,
    publish_lock,
    remove_stale_builds,
    remove_stale_partials,
    served_keep,
    served_order_path,
    set_aside_stale_wal,
    stale_wal_message,
    swap_into_place,
    temporary_beside,
)
from warehouse.report.markup import Labels
from warehouse.report.output import report_path
from warehouse.report.write import write_served_report
from warehouse.run_lock import WriterBusy, writer_lock


class RollbackError(LookupError):
    """Nothing to roll back to, or a run id that names no kept refresh (or more than one)."""


@dataclass(frozen=True)
class KeptRefresh:
    """One served file kept in the history."""

    run_id: str
    published_at: datetime
    """When it was published (naive UTC)."""
    bytes: int
    path: Path

    @property
    def label(self) -> str:
        return describe(self.run_id, self.published_at)


@dataclass(frozen=True)
class RollbackReport:
    served: Path
    restored: KeptRefresh
    changed: bool
    """False when the requested refresh was being served already."""
    keep: int
    replaced: str | None = None
    """The name the replaced served file was kept under (None: keep is 0, or nothing was served)."""
    history_removed: tuple[str, ...] = ()
    """`.partial` files of killed runs, then kept files beyond the newest `keep`, removed: the replaced
    file among them when it is older than all of those."""
    report: Path | None = None
    """The investment map, rewritten from the restored file."""
    stale_wal: Path | None = None
    """Where a write-ahead log found beside the served file was set aside (`set_aside_stale_wal`)."""
    report_removed: Path | None = None
    """The investment map, removed: it could not be rebuilt from the restored file (an older release's)."""


def served_path(data_dir: Path | str | None = None) -> Path:
    """The served file in `data_dir` (default `$DEALMAP_DATA_DIR`, else ./data), as the pipeline places it."""
    return DataDirResource(data_dir=str(data_dir or "")).served_path


def identify(served: Path, name: str) -> tuple[str, datetime]:
    """(run id, published_at) of the kept file `name`, from the name `warehouse.publish` gave it."""
    match = history_pattern(served).fullmatch(name)
    if match is None:
        raise ValueError(f"{name!r} is not the name of a kept {served.name}")
    return match["run_id"], parse_stamp(match["published_at"])


def _kept(served: Path, name: str) -> KeptRefresh:
    path = history_dir(served) / name
    return KeptRefresh(*identify(served, name), path.stat().st_size, path)


def list_served(data_dir: Path | str | None = None) -> list[KeptRefresh]:
    """The refreshes kept for the served file in `data_dir` (run id, published_at, size, path), newest
    first. Read from the file names, which `warehouse.publish` makes; no kept file is opened."""
    served = served_path(data_dir)
    kept = []
    for name in reversed(kept_names(served)):
        try:
            kept.append(_kept(served, name))
        except FileNotFoundError:  # removed by a publish since it was listed
            continue
    return kept


def served_name(data_dir: Path | str | None = None) -> str | None:
    """The name the served file would be kept under (its run and published time); None if there is none."""
    served = served_path(data_dir)
    return history_name(served, served) if served.is_file() else None


def describe(run_id: str, published_at: datetime) -> str:
    """`run <id> (published <time> UTC)`: how messages name a refresh."""
    return f"run {run_id} (published {published_at:%Y-%m-%d %H:%M:%S} UTC)"


def _listing(kept: list[KeptRefresh]) -> str:
    if not kept:
        return "no refresh is kept"
    return "kept: " + "; ".join(k.label for k in kept)


def choose(
    kept: list[KeptRefresh], current: str | None, run_id: str | None, served_order: list[str] | None = None
) -> KeptRefresh:
    """The kept refresh to restore. With no `run_id`: the one served most recently before the current one
    (`served_order`: kept names, oldest first; `current` is the served file's kept name), else the newest
    by publish time; after rolling back from C to B and refreshing, that is B, not C. With a `run_id`: the
    one whose run id is `run_id`, or starts with it, or whose file is named `run_id`. An unknown or
    ambiguous id is a `RollbackError` listing what is kept."""
    if run_id is None:
        earlier = [k for k in kept if k.path.name != current]
        if not earlier:
            raise RollbackError(
                f"nothing to roll back to: no refresh other than the served one is kept; {_listing(kept)}"
            )
        by_name = {k.path.name: k for k in earlier}
        served_last = next((by_name[n] for n in reversed(served_order or []) if n in by_name), None)
        return served_last or earlier[0]
    run_id = run_id.strip()
    for matches in (
        [k for k in kept if run_id in (k.run_id, k.path.name)],
        [k for k in kept if run_id and k.run_id.startswith(run_id)],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise RollbackError(
                f"run id {run_id!r} is ambiguous: it matches {len(matches)} kept refreshes "
                f"({'; '.join(k.label for k in matches)}); give more of the run id, or the file name "
                "`--list` shows"
            )
    raise RollbackError(f"no kept refresh has run id {run_id!r}; {_listing(kept)}")


def rollback(data_dir: Path | str | None, run_id: str | None, keep: int | None = None) -> RollbackReport:
    """Serve the kept refresh `run_id` names (see `choose`) again, atomically, keeping the file it replaces.

    `keep` is how many replaced files the history keeps (default `$DEALMAP_SERVED_KEEP`, else 5). Under
    the publish lock, so it never interleaves with a publish; if it fails the served file and the history
    are as they were.
    """
    keep = served_keep(keep)
    served = served_path(data_dir)
    if not served.parent.is_dir():
        raise RollbackError(f"nothing to roll back to: there is no data directory {served.parent}")
    # The writer lock too: a refresh running now would publish over the restored file moments later, so
    # a rollback during a refresh fails at once naming it (as does a refresh started during a rollback).
    working = DataDirResource(data_dir=str(data_dir or "")).working_path
    with writer_lock(working, "rollback"), publish_lock(served.parent):
        remove_stale_builds(served)
        stale = remove_stale_partials(served)
        stale_wal = set_aside_stale_wal(served)  # (before anything opens the served file and replays it)
        current = served_name(data_dir)
        target = choose(list_served(data_dir), current, run_id, _served_order(served))
        if target.path.name == current:
            return RollbackReport(
                served, target, changed=False, keep=keep, history_removed=stale, stale_wal=stale_wal
            )
        restoring = temporary_beside(served)
        try:
            # With its times: a file without refresh_info is named by its modification time, and keeps it.
            shutil.copy2(target.path, restoring)
            with open(restoring, "rb") as handle:
                os.fsync(handle.fileno())
            _check_readable(restoring, target)
            replaced, removed = swap_into_place(restoring, served, keep)
        finally:
            restoring.unlink(missing_ok=True)
        report, report_removed = _rewrite_report(served)
    return RollbackReport(
        served, target, True, keep, replaced, stale + removed, report, stale_wal, report_removed
    )


def _rewrite_report(served: Path) -> tuple[Path | None, Path | None]:
    """The page people open describes what is served: after a rollback, the restored refresh, not the one
    rolled away from. A page that cannot be rebuilt from the restored file is removed rather than left
    showing other figures. (the page rewritten, the page removed); both None when there was no page."""
    page = report_path(served.parent)
    if not page.exists():
        return None, None
    try:
        write_served_report(served, _labels())
    except duckdb.Error:
        page.unlink(missing_ok=True)
        return None, page
    return page, None


def _served_order(served: Path) -> list[str]:
    log = served_order_path(served)
    return log.read_text(encoding="utf-8").split() if log.exists() else []


def _check_readable(copy: Path, target: KeptRefresh) -> None:
    """A kept file is served again only if it reads whole as a dealmap database: a truncated, damaged or
    foreign file in the history is an error, and the served file stays as it is. Every column of every
    table is read, so DuckDB checks every block's checksum (`count(*)` alone reads none of a table's data
    and passed a file with damaged blocks)."""
    try:
        with attached_read_only(copy, "kept") as connection:
            # a table of that name is not enough: a client's own `deals` is no refresh to serve
            connection.execute("select count(deal_id), count(amount_usd) from deals").fetchone()
            tables = connection.execute(
                "select table_name from duckdb_tables() where database_name = 'kept' order by all"
            ).fetchall()
            for (table,) in tables:
                connection.execute(f"select max(hash(*columns(*))) from kept.{identifier(table)}").fetchone()
    except duckdb.Error as error:
        raise RollbackError(f"{target.path.name} is not a readable dealmap database: {error}") from error


def _labels() -> Labels:
    return Labels.from_reference(default_taxonomy(), default_round_types())


def _print_list() -> None:
    keep = served_keep()
    served = served_path()
    current = served_name()
    print(f"served: {served}" if current else f"served: {served} (none yet)")
    print(f"kept in {history_dir(served)} (newest first; {SERVED_KEEP_ENV}={keep}):")
    kept = list_served()
    if not kept:
        print("  nothing kept yet")
    for refresh in kept:
        marker = "  <- served now" if refresh.path.name == current else ""
        published = f"{refresh.published_at:%Y-%m-%d %H:%M:%S} UTC"
        print(f"  {published}  {refresh.run_id}  {refresh.bytes:,} bytes  {refresh.path.name}{marker}")


def _undo_hint(report: RollbackReport) -> str:
    if report.replaced is None:
        if report.keep == 0:
            return f"the file it replaced was not kept ({SERVED_KEEP_ENV}=0)"
        return "there was no served file before"
    run_id, published_at = identify(report.served, report.replaced)
    if report.replaced in report.history_removed:
        return (
            f"the refresh it replaced, {describe(run_id, published_at)}, was not kept: it is older than "
            f"the newest {report.keep} kept ({SERVED_KEEP_ENV})"
        )
    same_run = [k for k in list_served() if k.run_id == run_id]
    argument = run_id if len(same_run) == 1 else report.replaced
    return (
        f"the refresh it replaced, {describe(run_id, published_at)}, is kept: "
        f"`python3 tasks.py rollback {argument}` undoes this"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m warehouse.rollback",
        description="Serve an earlier refresh again (default: the previous one), atomically.",
    )
    parser.add_argument("run_id", nargs="?", help="run id of a kept refresh, or a unique prefix of one")
    parser.add_argument("--list", action="store_true", help="print the kept refreshes and change nothing")
    args = parser.parse_args(argv)
    if args.list and args.run_id:
        parser.error("--list takes no run id")
    try:
        if args.list:
            _print_list()
            return 0
        report = rollback(None, args.run_id)
    except (RollbackError, ServedKeepError, WriterBusy) as error:
        print(f"rollback: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"rollback failed: {error}", file=sys.stderr)
        return 1
    if report.stale_wal is not None:
        print(f"warning: {stale_wal_message(report.stale_wal)}", file=sys.stderr)
    if not report.changed:
        print(f"{report.served} already serves {report.restored.label}: nothing changed")
        return 0
    print(f"rolled back: {report.served} now serves {report.restored.label}")
    if report.report is not None:
        print(f"report: {report.report} (rewritten from it)")
    if report.report_removed is not None:
        print(f"report: {report.report_removed} removed: it could not be rebuilt from the restored file")
    print(_undo_hint(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
