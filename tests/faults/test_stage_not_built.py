"""One asset materialised on its own on a new data folder says what to run first, not a catalog error."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from tests.integration.pipeline import run_refresh


def _failure(result: dg.ExecuteInProcessResult) -> str:
    (failed,) = [e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE]
    error = failed.step_failure_data.error
    while error.cause is not None and "StageNotBuilt" not in error.cls_name:
        error = error.cause
    return f"{error.cls_name}: {error.message}"


@pytest.mark.parametrize(
    ("selection", "says"),
    [
        ("normalized_mentions", "normalized_mentions reads extracted_mentions, which the working database"),
        ("deal_investors", "deal_investors reads deals, which the working database does not have yet"),
        ("mart_top_deals", "mart_top_deals reads deals, which the working database does not have yet"),
        ("dealmap_duckdb", "dealmap_duckdb publishes the working database, which does not exist yet"),
        ("investment_map", "investment_map reads the served file"),
    ],
)
def test_a_stage_run_before_what_it_reads_names_what_to_run(tmp_path: Path, selection: str, says: str):
    result = run_refresh(tmp_path / "data", selection=selection)
    assert not result.success
    message = _failure(result)
    assert message.startswith("StageNotBuilt: ")
    assert says in message
    assert "python3 tasks.py refresh" in message
    assert not (tmp_path / "data" / "dealmap.duckdb").exists()


def test_publishing_a_working_file_that_lacks_a_public_table_names_it(tmp_path: Path):
    data = tmp_path / "data"
    assert run_refresh(data, selection="combined_mentions").success  # a working file, no stage after it
    result = run_refresh(data, selection="dealmap_duckdb")
    assert not result.success
    assert "dealmap_duckdb reads " in _failure(result)
    assert "deals" in _failure(result)
