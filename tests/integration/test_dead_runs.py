"""A run whose process is killed (SIGKILL) stays STARTED in Dagster's instance and, with one run at a time,
holds the queue's only slot: no scheduled refresh starts again. The dead_runs sensor, and the refresh
command before its run, mark such runs failed; a live run is left alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from orchestration.dead_runs import fail_dead_runs, run_worker_pid
from orchestration.sensors import dead_runs

# A job whose one step either kills its own process or waits (signalling it has started).
_RUN = """
import os, signal, sys, time
import dagster as dg

@dg.op
def step():
    open(sys.argv[2], "w").close()
    if sys.argv[1] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(120)

@dg.job
def doomed():
    step()

with dg.DagsterInstance.get() as instance:
    doomed.execute_in_process(instance=instance)
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "dagster_home"
    path.mkdir()
    (path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    monkeypatch.setenv("DAGSTER_HOME", str(path))
    return path


def _start(home: Path, mode: str) -> subprocess.Popen:
    ready = home / f"ready-{mode}"
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN, mode, str(ready)],
        env={**os.environ, "DAGSTER_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return process


def _started(instance: dg.DagsterInstance) -> list[str]:
    return [
        r.run_id for r in instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))
    ]


def test_a_killed_run_is_marked_failed_with_its_reason(home: Path) -> None:
    killed = _start(home, "kill")
    assert killed.wait(timeout=60) == -signal.SIGKILL
    with dg.DagsterInstance.get() as instance:
        (run_id,) = _started(instance)  # what Dagster keeps of a killed run
        pid = run_worker_pid(instance, run_id)
        assert pid == killed.pid

        found = fail_dead_runs(instance)

        assert [(d.run.run_id, d.pid) for d in found] == [(run_id, killed.pid)]
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.FAILURE
        failure = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.RUN_FAILURE).records
        assert (
            f"its process (pid {killed.pid}) ended without finishing it" in failure[0].event_log_entry.message
        )
        assert fail_dead_runs(instance) == []  # once


def test_a_live_run_is_left_alone_until_it_is_killed_and_the_sensor_then_fails_it(home: Path) -> None:
    live = _start(home, "wait")
    try:
        with dg.DagsterInstance.get() as instance:
            (run_id,) = _started(instance)
            with dg.build_sensor_context(instance=instance) as context:
                assert dead_runs(context).skip_message == "no dead run"
            assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.STARTED

            live.kill()
            live.wait(timeout=60)
            with dg.build_sensor_context(instance=instance) as context:
                assert dead_runs(context).skip_message == f"marked 1 dead run(s) failed: {run_id}"
            assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.FAILURE
    finally:
        live.kill()
        live.wait(timeout=60)
