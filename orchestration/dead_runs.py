"""Runs whose process died: marked failed, so they stop holding the run queue.

A run killed with SIGKILL (or on a machine that stopped) never reports its end: Dagster keeps it STARTED.
With one run at a time (`max_concurrent_runs: 1`, as tasks.py writes the instance), such a run holds the
queue's only slot for good, and the daily schedule and the inbox sensor queue runs that never start,
without an error, until freshness fails a day later. The writer lock (`warehouse/run_lock.py`) already
survives a killed holder; this does the same for Dagster's own record of the run.

Every event a run stores carries the pid of the process that wrote it, and the newest is the run worker's
(the process `tasks.py refresh` runs the job in, or the one the default run launcher started). A STARTED
run whose newest event's process no longer exists on this machine is dead. Only runs launched on this
machine are judged: under another run launcher (Docker, Kubernetes) a pid means nothing here, and nothing
is marked. A pid the system has given to a new process meanwhile keeps its run STARTED, as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import dagster as dg
from dagster._core.launcher import DefaultRunLauncher


@dataclass(frozen=True)
class DeadRun:
    run: dg.DagsterRun
    pid: int

    @property
    def reason(self) -> str:
        return (
            f"dealmap marked this run failed: its process (pid {self.pid}) ended without finishing it "
            "(killed, or the machine stopped), and a STARTED run would hold the run queue's only slot"
        )


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this machine (one of another user's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run_worker_pid(instance: dg.DagsterInstance, run_id: str) -> int | None:
    """The pid of the process that wrote the run's newest event: its run worker. None when no stored
    event names one."""
    cursor = None
    for _ in range(10):  # the newest events carry it; a run whose last 1,000 do not is left alone
        page = instance.get_records_for_run(run_id, cursor=cursor, limit=100, ascending=False)
        for record in page.records:
            event = record.event_log_entry.dagster_event
            if event is not None and event.pid is not None:
                return event.pid
        if not page.has_more:
            return None
        cursor = page.cursor
    return None


def dead_runs(instance: dg.DagsterInstance) -> Iterator[DeadRun]:
    """The STARTED runs of `instance` whose run worker's process no longer exists on this machine."""
    if not isinstance(instance.run_launcher, DefaultRunLauncher):
        return
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])):
        pid = run_worker_pid(instance, run.run_id)
        if pid is not None and pid != os.getpid() and not pid_alive(pid):
            yield DeadRun(run, pid)


def fail_dead_runs(instance: dg.DagsterInstance) -> list[DeadRun]:
    """Mark every dead run failed (`dead_runs`), with the reason in its event log; returns them."""
    found = list(dead_runs(instance))
    for dead in found:
        instance.report_run_failed(dead.run, dead.reason)
    return found
