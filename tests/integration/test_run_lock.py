"""One writer at a time: the working database's OS-level lock, between real processes and Dagster runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from orchestration.run_progress import RunProgress
from tests.conftest import REPO_ROOT
from tests.integration.pipeline import run_refresh
from warehouse.accept_drop import main as accept_drop_main
from warehouse.data_dir import DataDirResource
from warehouse.rollback import main as rollback_main
from warehouse.run_lock import lock_path_for, writer_lock

# A second process holding the lock as a real run does: a Dagster run of one asset that requires
# `data_dir`, which prints its run id once it runs (the lock is held from resource set-up) and waits for a
# line on stdin before finishing.
HOLDER = """
import sys
import dagster as dg
from warehouse.data_dir import DataDirResource

@dg.asset
def hold(context: dg.AssetExecutionContext, data_dir: DataDirResource) -> None:
    print("holding", context.run.run_id, flush=True)
    sys.stdin.readline()

result = dg.materialize([hold], resources={"data_dir": DataDirResource(data_dir=sys.argv[1])})
print("finished", result.success, flush=True)
"""


def _start_holder(data_dir: Path) -> tuple[subprocess.Popen, str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = holder.stdout.readline().split()
    assert line[:1] == ["holding"], f"the holder process did not start its run: {line}"
    return holder, line[1]


@pytest.fixture
def holder(data_dir: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    process, run_id = _start_holder(data_dir)
    yield process, run_id
    if process.poll() is None:
        process.kill()
        process.wait()


def _failure_message(result: dg.ExecuteInProcessResult) -> str:
    failure = next(e for e in result.all_events if e.event_type == dg.DagsterEventType.RUN_FAILURE)
    error = failure.job_failure_data.error
    messages = []
    while error is not None:
        messages.append(error.message)
        error = error.cause
    return "\n".join(messages)


def test_second_run_fails_at_once_naming_the_run_that_writes(data_dir, samples_dir, holder):
    process, holder_run = holder
    started = time.monotonic()
    result = run_refresh(data_dir, samples_dir.parent / "sources.toml")
    message = _failure_message(result)

    assert not result.success
    assert f"another refresh is running (pid {process.pid}, started " in message
    assert f"Dagster run {holder_run[:8]} of job __ephemeral_asset_job__" in message
    assert str(lock_path_for(DataDirResource(data_dir=str(data_dir)).working_path)) in message
    # No step ran: nothing was fetched, and the working database was never opened.
    assert not [e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_START]
    assert not (data_dir / "work" / "dealmap_work.duckdb").exists()
    assert time.monotonic() - started < 30  # the run did not wait for the holder

    # The first run goes on to finish normally, and the lock is free after it.
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.stdout.readline().split() == ["finished", "True"]
    assert process.wait() == 0
    assert lock_path_for(data_dir / "work" / "dealmap_work.duckdb").read_text() == ""


def test_lock_of_a_killed_run_is_taken_over(data_dir, samples_dir, holder):
    process, holder_run = holder
    lock_file = lock_path_for(data_dir / "work" / "dealmap_work.duckdb")
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = json.loads(lock_file.read_text())  # the record stays: the process had no chance to clear it
    assert (left["pid"], left["run_id"], left["activity"]) == (process.pid, holder_run, "refresh")

    instance = dg.DagsterInstance.ephemeral()
    # Up to the first stage that writes the working database (the per-source ones take no lock).
    loaded = ["documents", "extracted_mentions", "combined_mentions"]
    result = run_refresh(data_dir, samples_dir.parent / "sources.toml", instance, selection=loaded)

    assert result.success
    warnings = [
        record.user_message
        for record in instance.all_logs(result.run_id)
        if record.level == 30 and "writer lock" in record.user_message
    ]
    assert len(warnings) == 1
    assert f"left by a run that ended without releasing it (pid {process.pid}, started " in warnings[0]
    # `tasks.py refresh` prints it among the stage lines.
    progress = RunProgress()
    printed = [
        line
        for r in instance.get_records_for_run(result.run_id).records
        for line in progress.feed(r.event_log_entry)
    ]
    (shown,) = [line for line in printed if line.startswith("warning ")]
    assert shown.startswith("warning   ")
    assert shown.endswith(warnings[0])
    assert lock_file.read_text() == ""


PROBE = """
import sys
from pathlib import Path
from warehouse.run_lock import writer_lock
try:
    with writer_lock(Path(sys.argv[1]), "refresh", run_id=sys.argv[2] or None, job="refresh"):
        print("got it")
except Exception as error:
    print(error)
"""


def _probe(database: Path, run_id: str = "") -> str:
    """Try the lock from another process; what it printed."""
    command = [sys.executable, "-c", PROBE, str(database), run_id]
    return subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout


def test_lock_is_reentrant_within_a_process_and_exclusive_between_processes(tmp_path):
    database = tmp_path / "work" / "dealmap_work.duckdb"
    with writer_lock(database, "refresh", run_id="r1", job="refresh") as outer:
        with writer_lock(database, "refresh", run_id="r1", job="refresh") as inner:
            assert inner == outer
        # Still held after the inner block: another process is refused, and told who holds it.
        other_run = _probe(database, "r2")
        same_run = _probe(database, "r1")  # a step of the same run in another process (multiprocess executor)

    assert other_run.startswith(f"another refresh is running (pid {os.getpid()}, started ")
    assert "Dagster run r1 of job refresh" in other_run
    assert same_run.startswith(f"another step of this run writes the working database (pid {os.getpid()}, ")
    assert "must run one at a time (in-process executor)" in same_run
    assert lock_path_for(database).read_text() == ""
    assert _probe(database) == "got it\n"


def test_rollback_and_accept_drop_refuse_while_a_run_writes(data_dir, holder, capsys, monkeypatch):
    process, _ = holder
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(data_dir))

    assert rollback_main([]) == 1
    assert f"rollback: another refresh is running (pid {process.pid}, started " in capsys.readouterr().err
    assert accept_drop_main(["some-source"]) == 1
    assert capsys.readouterr().err.startswith(f"another refresh is running (pid {process.pid}, started ")
