"""The counts a refresh prints per stage, from the metadata its assets report, and how errors read."""

from __future__ import annotations

import dagster as dg
import pytest
from dagster._utils.error import SerializableErrorInfo

from orchestration.run_progress import _interruption, error_lines
from orchestration.stage_lines import STAGES, Stage, Totals, stage_text

FETCH = next(stage for stage in STAGES if stage.name == "fetch")


def _totals(*reports: dict[str, object]) -> Totals:
    totals = Totals()
    for metadata in reports:
        totals.add(metadata)
    return totals


def test_fetch_line_adds_up_every_materialisation_of_documents():
    # Two per-source partitions of `documents`, as Dagster stores them (metadata values wrapped).
    first = {"sources": dg.MetadataValue.int(1), "new_versions": 2, "fetches": {"ok": 2, "error": 1}}
    second = {"sources": 1, "new_versions": 0, "fetches": dg.MetadataValue.json({"not_modified": 3})}

    text = stage_text(FETCH, {"documents": _totals(first, second)})

    assert text == "2 sources: 2 documents fetched, 3 unchanged, 1 failed; 2 new versions"


def test_fetch_line_names_other_outcomes_and_speaks_of_one_source():
    report = {"sources": 1, "new_versions": 1, "fetches": {"ok": 1, "source_budget_exhausted": 4}}

    text = stage_text(FETCH, {"documents": _totals(report)})

    assert text == (
        "1 source: 1 document fetched, 0 unchanged, 0 failed, 4 source_budget_exhausted; 1 new version"
    )


def test_resolve_line_counts_merged_mentions_from_the_kept_ones():
    totals = {
        "valid_mentions": _totals({"dagster/row_count": 990_000, "rows_with_warnings": 5}),
        "deals": _totals({"dagster/row_count": 971_503}),
        "deal_sources": _totals({"dagster/row_count": 990_000}),
    }
    resolve = next(stage for stage in STAGES if stage.name == "resolve")

    assert stage_text(resolve, totals) == "971,503 deals from 990,000 mentions, 18,497 merged into others"


def test_an_unchanged_stage_leaves_out_what_it_did_not_report():
    validate = next(stage for stage in STAGES if stage.name == "validate")
    totals = {
        "valid_mentions": _totals({"dagster/row_count": 24, "unchanged": True}),
        "rejected_deals": _totals({"dagster/row_count": 4, "unchanged": True}),
    }

    assert stage_text(validate, totals) == "24 kept, 4 quarantined"
    assert all(t.all_unchanged for t in totals.values())


def test_an_asset_no_stage_names_gets_a_line_of_its_own():
    stage = Stage("source_freshness", ("source_freshness",))

    assert stage_text(stage, {"source_freshness": _totals({"dagster/row_count": 6})}) == "6 rows"
    assert stage_text(stage, {"source_freshness": _totals({})}) == "materialised"


def test_error_lines_give_every_cause_and_only_the_projects_frames():
    project_frame = '  File "/x/dealmap/warehouse/database.py", line 138, in limit_memory\n    set memory\n'
    error = SerializableErrorInfo(
        message='dagster._core.errors.DagsterExecutionStepExecutionError: Error in op "documents":\n',
        stack=['  File "/venv/site-packages/dagster/_core/plan.py", line 1, in run\n'],
        cls_name="DagsterExecutionStepExecutionError",
        cause=SerializableErrorInfo(
            message="warehouse.database.WarehouseConfigError: DEALMAP_DUCKDB_MEMORY_LIMIT='lots' is bad\n",
            stack=['  File "/venv/site-packages/dagster/_utils/__init__.py", line 9, in it\n', project_frame],
            cls_name="WarehouseConfigError",
        ),
    )

    lines = error_lines(error, indent="", project="/x/dealmap")

    assert lines == [
        'dagster._core.errors.DagsterExecutionStepExecutionError: Error in op "documents":',
        "warehouse.database.WarehouseConfigError: DEALMAP_DUCKDB_MEMORY_LIMIT='lots' is bad",
        '  File "/x/dealmap/warehouse/database.py", line 138, in limit_memory',
        "    set memory",
    ]


@pytest.mark.parametrize(
    ("cls_name", "message", "interrupted"),
    [
        ("KeyboardInterrupt", "KeyboardInterrupt\n", True),
        # a signal landing while DuckDB runs a query ends it with DuckDB's error, not a KeyboardInterrupt:
        # the run was reported 'FAILED' with a traceback, exit 1, though the user had pressed Ctrl-C
        ("RuntimeError", "RuntimeError: Query interrupted\n", True),
        ("InterruptException", "_duckdb.InterruptException: INTERRUPT Error: Interrupted!\n", True),
        ("RuntimeError", "RuntimeError: the export broke\n", False),
        # a signal inside a Python function DuckDB streams from: DuckDB's error names it in its text
        (
            "InvalidInputException",
            "_duckdb.InvalidInputException: exporting a stream from the object registered as "
            "'company_python' failed: DagsterExecutionInterruptedError:\n",
            True,
        ),
        ("InvalidInputException", "_duckdb.InvalidInputException: a bad cast\n", False),
    ],
)
def test_an_interrupted_query_is_an_interruption_not_a_failure(
    cls_name: str, message: str, interrupted: bool
):
    error = SerializableErrorInfo(
        message='dagster._core.errors.DagsterExecutionStepExecutionError: Error in op "combined_mentions":\n',
        stack=[],
        cls_name="DagsterExecutionStepExecutionError",
        cause=SerializableErrorInfo(message=message, stack=[], cls_name=cls_name),
    )
    assert _interruption(error) is interrupted
