"""`python -m orchestration.refresh_command [--verbose]`: run the `refresh` job here and show its progress.

This is what `python3 tasks.py refresh` runs. The run is an ordinary run of the `refresh` job in the
Dagster instance of `$DAGSTER_HOME` (it shows in the UI beside the scheduled ones, with its whole DEBUG
log in the instance's event log). The console gets one line per stage with its counts, failing steps and
checks in full, a progress bar when the output is a terminal, then what the served file holds. With
`--verbose` Dagster's own console log (every event, DEBUG) is printed as well.

The lines come from the run's event log as stored, read by a second thread while the run executes in
the main one (where Dagster turns SIGINT, and here SIGTERM, into a clean interruption of the run).
Exit status: 0 when the run succeeded, 1 when it failed, 130 when it was interrupted.
"""

from __future__ import annotations

import gc

if __name__ == "__main__":
    # What this process imports (Dagster, pandas, DuckDB, pandera: over a million objects) lives as long as
    # it does, and the collector walked it again at every full collection: six of them, 0.35 s of a 5 s
    # refresh of a 30,000-row export. Off while importing; the imports are frozen (never walked again)
    # and collection turned back on below, before the run.
    gc.disable()

import argparse
import logging
import os
import shutil
import signal
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import NoReturn, TextIO

import dagster as dg
import duckdb

# Not exported by `dagster`, but what `dg launch` and `dagster job execute` build a run from.
from dagster._core.definitions.reconstruct import ReconstructableJob, ReconstructableRepository
from dagster._core.storage.tags import PARTITION_NAME_TAG

from assets.parsing.budget import configured_budget_s
from orchestration.dead_runs import fail_dead_runs
from orchestration.run_progress import RunProgress
from orchestration.source_partitions import enabled_source_ids, every_source_tags, sync_source_partitions
from orchestration.sqlite_commits import wal_speed_commits
from schemas.duckdb_memory import check_memory_limit
from schemas.settings import REPO_ROOT
from warehouse.data_dir import DataDirResource
from warehouse.publish import history_dir, kept_names, refresh_identity, served_keep
from warehouse.summary import summary_lines

SESSION_TAG = "dealmap/console_session"
# The bar is redrawn four times a second (its step clock ticks), the event log read once a second: each read
# is a few SQLite queries (about 10 ms of CPU), and on a 2-core machine a read every quarter second took
# 3 s of CPU from a million-row refresh.
POLL_S = 0.25
READ_S = 1.0


def refresh_job(name: str = "refresh") -> ReconstructableJob:
    """The `refresh` job (or `replay`), pointed at as `dg launch` points at it (the module of pyproject's
    code location, attribute `defs`), so the run's origin is the `dealmap` code location the UI
    re-executes it from."""
    repository = ReconstructableRepository.for_module(
        "orchestration.definitions", "defs", working_directory=str(REPO_ROOT)
    )
    return repository.get_reconstructable_job(name)


class Console:
    """Prints lines; on a terminal, keeps a progress bar as the last line and redraws it under new lines."""

    def __init__(self, out: TextIO, bar: bool) -> None:
        self.out, self.bar, self._drawn = out, bar, False

    def lines(self, lines: list[str]) -> None:
        if lines:
            self._clear()
            self.out.write("".join(f"{line}\n" for line in lines))
            self.out.flush()

    def draw(self, bar: str) -> None:
        if self.bar:
            self.out.write(f"\r\x1b[2K{bar}")
            self.out.flush()
            self._drawn = True

    def _clear(self) -> None:
        if self._drawn:
            self.out.write("\r\x1b[2K")
            self._drawn = False


class RunWatcher(threading.Thread):
    """Follows the run tagged with `session` in the instance's event log and prints its progress."""

    def __init__(self, instance: dg.DagsterInstance, session: str, console: Console) -> None:
        super().__init__(name="dealmap-progress", daemon=True)
        self.instance, self.session, self.console = instance, session, console
        self.progress = RunProgress()
        self.run_id: str | None = None
        self._stopping = threading.Event()

    def stop(self) -> None:
        self._stopping.set()

    def run(self) -> None:
        # The run's own instance, read from this thread: its storages open a connection per call (the
        # event log's behind a lock), as the webserver's request threads share one instance. An instance
        # of its own, built from the reference, set its storages up again (loading every migration script
        # to check the schema): half a second of CPU taken from the run on a 2-core machine.
        cursor, last_read = None, -READ_S
        while True:
            stopping = self._stopping.is_set()  # read before the last poll, so nothing stored is missed
            if stopping or time.monotonic() - last_read >= READ_S:
                cursor, last_read = self._poll(self.instance, cursor), time.monotonic()
            if stopping:
                break
            self.console.draw(self.progress.bar())
            self._stopping.wait(POLL_S)
        self.console.lines(self.progress.finish())

    def _poll(self, instance: dg.DagsterInstance, cursor: str | None) -> str | None:
        if self.run_id is None:
            runs = instance.get_runs(filters=dg.RunsFilter(tags={SESSION_TAG: self.session}), limit=1)
            if not runs:
                return None
            self.run_id = runs[0].run_id
            self.console.lines([f"refresh   run {self.run_id} (full log: the run in the Dagster UI)"])
        while True:
            page = instance.get_records_for_run(self.run_id, cursor=cursor, limit=1000)
            for record in page.records:
                self.console.lines(self.progress.feed(record.event_log_entry))
            cursor = page.cursor
            if not page.has_more:
                return cursor


def _interrupt_on_sigterm() -> None:
    # Dagster interrupts a run cleanly on SIGINT (the step stops, the run is marked failed, resources are
    # torn down and the writer lock released); SIGTERM would kill the process and leave the run STARTED.
    signal.signal(signal.SIGTERM, signal.getsignal(signal.SIGINT))


def _partition_tags(instance: dg.DagsterInstance, partition: str | None) -> dict[str, str]:
    """The run's partition tags: every enabled source in one run (the `sources` partitions synced with
    sources.toml first), or the one source `partition` (it must be a partition already)."""
    keys = sync_source_partitions(instance, enabled_source_ids())
    if partition is None:
        return every_source_tags(keys)
    if partition not in keys:
        known = ", ".join(keys) or "none"
        raise ValueError(f"--partition {partition!r}: no enabled source with that id (sources: {known})")
    return {PARTITION_NAME_TAG: partition}


def run_refresh(
    verbose: bool, out: TextIO = sys.stdout, partition: str | None = None, replay: bool = False
) -> int:
    """Run the `refresh` job in this process (every source, or the one source `partition`, then what
    combines them), or with `replay` the `replay` job (the stored documents parsed again, nothing
    fetched); print its progress and, when it succeeds, the served file."""
    _interrupt_on_sigterm()
    session = uuid.uuid4().hex
    console = Console(out, bar=out.isatty() and not verbose)
    # Dagster's console logger prints every event at DEBUG; the event log keeps them whatever its level.
    run_config = {} if verbose else {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
    with dg.DagsterInstance.get() as instance, wal_speed_commits(instance):
        try:
            partition_tags = _partition_tags(instance, partition)
            check_settings()
        except ValueError as error:  # a registry or setting error names the file or variable, and the field
            console.lines([f"refresh not started: {error}"])
            return 2
        # A run killed before (kill -9) stays STARTED in the instance; say so, and mark it failed, before
        # this one starts (the dead_runs sensor does the same where the daemon runs).
        for dead in fail_dead_runs(instance):
            console.lines([f"marked run {dead.run.run_id} failed: its process (pid {dead.pid}) had died"])
        refetched = 0 if replay else _refetch_without_working_database()
        if refetched:
            console.lines([f"note      the working database is gone: {refetched} sources' documents are "
                           "fetched again in this run (their history starts over)"])  # fmt: skip
        watcher = RunWatcher(instance, session, console)
        watcher.start()
        try:
            command = "replay" if replay else "refresh"
            result = dg.execute_job(
                refresh_job(command),
                instance=instance,
                run_config=run_config,
                tags={SESSION_TAG: session, "dealmap/launched_by": f"tasks.py {command}", **partition_tags},
                raise_on_error=False,
            )
        except KeyboardInterrupt:
            result = None
        finally:
            watcher.stop()
            watcher.join()
    served_db = DataDirResource().served_path
    if result is not None and result.success:
        console.lines(summary_lines(served_db))
        if _nothing_read(served_db):
            # (a registry whose every source failed to fetch on the first run: cron must not see success)
            console.lines(["refresh failed: no source could be read (every fetch failed: see the warnings "
                           "above and the fetch_log table); the served file holds no document"])  # fmt: skip
            return 1
        return 0
    # What the served file says, not whether its step reported: a stop just after the rename publishes
    # this run's tables before `dealmap_duckdb` records its materialization.
    published = watcher.run_id is not None and _serves(served_db, watcher.run_id)
    if published:
        served = "the served file holds this run's tables"
    elif served_db.exists():
        served = "the served file is still the previous refresh"
    else:
        served = "no file is served yet"
    if result is None or watcher.progress.interrupted:
        console.lines([f"interrupted: the run stopped; {served}"])
        return 130
    console.lines([f"refresh failed: run {result.run_id}; {served}"])
    hint = disk_hint(served_db)
    if hint:
        console.lines([hint])
    return 1


# Below this much free space beside the served file a failed run is likely the disk's doing: a refresh
# writes a new served file beside the old one, and the working file grows while stages run.
LOW_DISK_BYTES = 64 * 1024 * 1024


def disk_hint(served_db: Path) -> str | None:
    """What to tell a user whose refresh failed on a nearly full disk (the error itself names neither the
    folder nor what fills it), or None when there is room."""
    folder = served_db.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    if free >= max(LOW_DISK_BYTES, 2 * (served_db.stat().st_size if served_db.is_file() else 0)):
        return None
    kept = [history_dir(served_db) / name for name in kept_names(served_db)]
    held = sum(path.stat().st_size for path in kept if path.exists()) / 2**20
    return (
        f"disk      {free / 2**20:,.0f} MiB free in {folder}: a refresh needs room for a new served file "
        f"beside the old one; served_history/ keeps {len(kept)} earlier served files ({held:,.1f} MiB; "
        f"DEALMAP_SERVED_KEEP={served_keep()}, a smaller number keeps fewer)"
    )


def _refetch_without_working_database() -> int:
    """With no working database (deleted or moved) while sources remember what they fetched, forget that,
    so that this run fetches their documents again and the file it serves holds them: otherwise the run
    served deals citing documents its `documents` table did not have, until the next run. Returns how
    many sources will fetch again."""
    if DataDirResource().working_path.exists():
        return 0
    from assets.source_store import SourceStoreResource  # (only when there is anything to do)

    return len(SourceStoreResource().outputs().forget_fetched(enabled_source_ids()))


def check_settings() -> None:
    """The settings a run reads only at a later step, checked before it starts: where the working and
    served files go, how many served files to keep, DuckDB's memory limit, the parse budget. A ValueError
    names the variable: a bad one would otherwise stop the run at the publish, after every stage's work."""
    DataDirResource().check_places()
    served_keep()
    check_memory_limit()
    configured_budget_s()


def _nothing_read(served_db: Path) -> bool:
    """Whether the served file holds no document at all while every fetch it logs failed."""
    with duckdb.connect(str(served_db), read_only=True) as connection:
        documents = connection.execute("select count(*) from documents").fetchone()[0]
        fetches, failed = connection.execute(
            "select count(*), count(*) filter (where status = 'error') from fetch_log"
        ).fetchone()
    return documents == 0 and fetches > 0 and failed == fetches


def _serves(served_db: Path, run_id: str) -> bool:
    """Whether the served file is the one run `run_id` published (its `refresh_info` names the run)."""
    return served_db.is_file() and refresh_identity(served_db)[1] == run_id


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tasks.py refresh", description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="also print Dagster's DEBUG log")
    parser.add_argument(
        "--partition", metavar="SOURCE_ID", help="fetch and extract only this source, then combine as usual"
    )
    parser.add_argument(
        "--replay",
        action="store_true",
        help="run the replay job: parse the stored documents again and combine, fetching nothing "
        "(after an edit of schemas/reference; `tasks.py replay`)",
    )
    args = parser.parse_args(argv)
    return run_refresh(args.verbose, partition=args.partition, replay=args.replay)


def _import_for_the_run() -> None:
    """Import what the run loads (the code location) now and freeze it, then collect again as usual."""
    # pandera imports hypothesis, when it is installed (the dev group), to offer data synthesis that a
    # refresh never uses: kept out of this process, every run saves its import (0.1-0.5 s on 2 cores).
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    import orchestration.definitions  # noqa: F401

    gc.freeze()
    gc.enable()


def exit_now(code: int) -> NoReturn:
    """End the process with `code` without tearing the interpreter down. By now the run is over, every
    file and connection is closed and the instance disposed; unloading Dagster, pandas and the rest
    module by module only delayed the prompt (most of a second on a 2-core machine)."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _import_for_the_run()
    exit_now(main(sys.argv[1:]))
