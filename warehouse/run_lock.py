"""One writer at a time: an OS-level lock on the working DuckDB file, held for a whole run.

DuckDB lets one process write a database file. Dagster's run queue only orders the runs of one instance,
so two refreshes started from two instances (`dagster dev` and a cron job with another DAGSTER_HOME, say)
would otherwise meet half-way through at DuckDB's own lock. This lock is taken first, by whatever starts
a writer, and a second writer fails at once naming the first.

The lock is `fcntl.flock` on a file beside the database (`work/dealmap_work.duckdb.lock`). The file's
content says who holds it: pid, host, start time (UTC) and what runs (a Dagster run, a rollback...). The
operating system releases a flock when its process ends, however it ends (kill -9 included), so a lock
file left behind by a killed run never blocks: the next writer takes the lock, finds the dead holder's
record in the file, reports it as a stale lock taken over, and writes its own. A writer that finishes
empties the file; the file itself is never deleted (deleting a lock file races with a process that has
just opened it).

Within one process the lock is re-entrant: a process that holds it (a run whose resources are set up
twice) does not lock itself out.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; the lock is not taken there (DuckDB's own lock still holds)
    fcntl = None

# A holder writes its record right after taking the lock; a reader that finds the file still empty waits
# this long for it before naming an unknown holder.
_RECORD_WAIT_S = 1.0


class WriterBusy(RuntimeError):
    """Another process holds the working database's writer lock."""

    def __init__(self, message: str, holder: LockHolder | None) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) the lock: what ran, in which process, since when (ISO 8601, UTC)."""

    activity: str  # "refresh" for any Dagster run, "rollback", "accept-drop"
    pid: int
    host: str
    started_at: str
    run_id: str | None = None
    job: str | None = None

    def describe(self) -> str:
        started = self.started_at.replace("T", " ")
        where = "" if self.host == socket.gethostname() else f" on host {self.host}"
        run = f"; Dagster run {self.run_id[:8]} of job {self.job}" if self.run_id else ""
        return f"pid {self.pid}{where}, started {started} UTC{run}"


@dataclass(frozen=True)
class HeldLock:
    """The lock this process holds, and the dead holder's record when it took over a stale lock."""

    path: Path
    holder: LockHolder
    stale: LockHolder | None


_held: dict[Path, tuple[int, HeldLock, int]] = {}  # path -> (fd, lock, depth)
_held_guard = threading.Lock()


def lock_path_for(database: Path) -> Path:
    """The lock file of a DuckDB file: beside it, so every writer of that file finds the same lock."""
    return database.with_name(database.name + ".lock")


def _read_holder(fd: int) -> LockHolder | None:
    text = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip()
    if not text:
        return None
    try:
        return LockHolder(**json.loads(text))
    except (ValueError, TypeError):
        return None  # written by something else, or cut off: still a lock, with an unknown holder


def _busy(path: Path, fd: int, activity: str, run_id: str | None) -> WriterBusy:
    holder = _read_holder(fd)
    deadline = time.monotonic() + _RECORD_WAIT_S
    while holder is None and time.monotonic() < deadline:
        time.sleep(0.05)
        holder = _read_holder(fd)
    if holder is None:
        return WriterBusy(f"another refresh is running (holder unknown; lock {path})", None)
    if run_id is not None and holder.run_id == run_id:
        # The same run in two processes: a multiprocess executor running two working-database steps at once.
        return WriterBusy(
            f"another step of this run writes the working database ({holder.describe()}): steps that "
            f"require the data_dir resource must run one at a time (in-process executor); lock {path}",
            holder,
        )
    return WriterBusy(
        f"another {holder.activity} is running ({holder.describe()}); it holds {path}. Wait for it to "
        "finish, or stop it (a process that dies releases the lock)",
        holder,
    )


@contextmanager
def writer_lock(
    database: Path, activity: str, run_id: str | None = None, job: str | None = None
) -> Iterator[HeldLock]:
    """Hold the writer lock of `database` for the block; raise `WriterBusy` at once if another has it."""
    path = lock_path_for(database).resolve()
    if fcntl is None:
        yield HeldLock(path, _holder(activity, run_id, job), None)
        return
    with _held_guard:
        if path in _held:
            fd, held, depth = _held[path]
            _held[path] = (fd, held, depth + 1)
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield held
        finally:
            _leave(path)
        return
    held = _acquire(path, activity, run_id, job)
    try:
        yield held
    finally:
        _leave(path)


def _holder(activity: str, run_id: str | None, job: str | None) -> LockHolder:
    return LockHolder(
        activity=activity,
        pid=os.getpid(),
        host=socket.gethostname(),
        started_at=datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds"),
        run_id=run_id,
        job=job,
    )


def _acquire(path: Path, activity: str, run_id: str | None, job: str | None) -> HeldLock:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Never O_TRUNC: the file holds the current holder's record until this process has the lock.
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        try:
            raise _busy(path, fd, activity, run_id) from None
        finally:
            os.close(fd)
    # Whatever the file still says was written by a holder that never released it: it died.
    stale = _read_holder(fd)
    holder = _holder(activity, run_id, job)
    os.ftruncate(fd, 0)
    os.pwrite(fd, (json.dumps(asdict(holder)) + "\n").encode(), 0)
    os.fsync(fd)
    held = HeldLock(path, holder, stale)
    with _held_guard:
        _held[path] = (fd, held, 1)
    return held


def _leave(path: Path) -> None:
    with _held_guard:
        fd, held, depth = _held[path]
        if depth > 1:
            _held[path] = (fd, held, depth - 1)
            return
        del _held[path]
    os.ftruncate(fd, 0)  # a finished writer leaves no record: a record found later means a stale lock
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
