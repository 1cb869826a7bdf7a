"""`tasks.py replay`: the replay job over every source from the command line, nothing fetched."""

from __future__ import annotations

import io
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.refresh_command import run_refresh


def test_replay_parses_the_stored_documents_again_and_fetches_nothing(tmp_path: Path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(tmp_path / "data"))
    assert run_refresh(verbose=False, out=io.StringIO()) == 0
    served = tmp_path / "data" / "dealmap.duckdb"
    with duckdb.connect(str(served), read_only=True) as connection:
        deals, fetches = connection.execute(
            "select (select count(*) from deals), (select count(*) from fetch_log)"
        ).fetchone()

    out = io.StringIO()
    assert run_refresh(verbose=False, out=out, replay=True) == 0

    with dg.DagsterInstance.get() as instance:
        (last,) = instance.get_runs(limit=1)
    assert last.job_name == "replay"
    assert last.tags["dealmap/launched_by"] == "tasks.py replay"
    with duckdb.connect(str(served), read_only=True) as connection:
        run_id, replayed, fetched_again = connection.execute(
            "select (select run_id from refresh_info), (select count(*) from deals), "
            "(select count(*) from fetch_log)"
        ).fetchone()
    assert run_id == last.run_id  # the replay published
    assert (replayed, fetched_again) == (deals, fetches)  # same deals, no fetch logged
    assert "fetch " not in out.getvalue()
