"""Fetch batches go into the working database a round at a time: every source's batch of one run in one
statement per table, a source's older batch before its newer one, none twice."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from assets.combined import load_fetch_batches
from assets.source_outputs import SourceOutputs
from warehouse.database import Warehouse

START = datetime(2026, 6, 1, 6, 0)


def _fetch(outputs: SourceOutputs, source_id: str, run: int, sha: str) -> None:
    """One fetch of the source's single page `u`, as run `run` records it."""
    when, run_id = START + timedelta(days=run), f"run-{run}"
    document = {"source_id": source_id, "url": "u", "sha256": sha * 64, "fetched_at": when,
                "status": "new", "bytes": 3, "content_type": "text/html", "run_id": run_id,
                "published_hint": None}  # fmt: skip
    attempt = {"run_id": run_id, "source_id": source_id, "url": "u", "attempted_at": when, "status": "ok"}
    outputs.record_fetch(source_id, run_id, when, [document], [attempt], ["u"])


def test_batches_of_many_sources_and_runs_load_once_each_in_order(tmp_path: Path):
    outputs, working = SourceOutputs(tmp_path / "sources"), Warehouse(tmp_path / "work.duckdb")
    for number in range(30):
        _fetch(outputs, f"src-{number:02d}", 1, "a")
    # Two runs whose batches were never loaded: src-00 served a new page, then the first one again
    _fetch(outputs, "src-00", 2, "b")
    _fetch(outputs, "src-00", 3, "a")
    _fetch(outputs, "src-01", 2, "a")  # the same page again: no new version
    with working.connect() as connection:
        assert load_fetch_batches(connection, outputs) == 33
        versions = connection.execute(
            "select source_id, run_id, left(sha256, 1) from documents order by source_id, run_id"
        ).fetchall()
        attempts = connection.execute("select count(*), count(distinct source_id) from fetch_log").fetchone()
        listings = connection.execute("select count(*) from source_listings").fetchone()[0]
    assert versions[:4] == [("src-00", "run-1", "a"), ("src-00", "run-2", "b"), ("src-00", "run-3", "a"),
                            ("src-01", "run-1", "a")]  # fmt: skip
    assert len(versions) == 32  # 30 first versions, src-00's two changes; src-01's same page is no row
    assert attempts == (33, 30)
    assert listings == 33
    assert list(outputs.pending_batches()) == []


def test_a_batch_loaded_before_a_run_stopped_is_not_loaded_again(tmp_path: Path):
    outputs, working = SourceOutputs(tmp_path / "sources"), Warehouse(tmp_path / "work.duckdb")
    _fetch(outputs, "src-a", 1, "a")
    _fetch(outputs, "src-b", 1, "a")
    (batch_a,) = (tmp_path / "sources" / "src-a" / "batches").iterdir()
    kept = tmp_path / "kept"
    shutil.copytree(batch_a, kept)
    with working.connect() as connection:
        assert load_fetch_batches(connection, outputs) == 2
    # The run stopped after loading src-a's batch and before removing it; src-c fetched meanwhile
    shutil.copytree(kept, batch_a)
    _fetch(outputs, "src-c", 2, "c")
    with working.connect() as connection:
        assert load_fetch_batches(connection, outputs) == 1
        rows = connection.execute(
            "select source_id, count(*) from fetch_log group by source_id order by source_id"
        ).fetchall()
    assert rows == [("src-a", 1), ("src-b", 1), ("src-c", 1)]
    assert list(outputs.pending_batches()) == []
