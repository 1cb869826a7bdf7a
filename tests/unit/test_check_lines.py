"""What the refresh prints about a check and about a run that read nothing: never an empty explanation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.refresh_command import _nothing_read
from orchestration.run_progress import _check_details


@dataclass
class _Evaluation:
    metadata: dict[str, dg.MetadataValue] = field(default_factory=dict)
    description: str | None = None


def test_a_long_text_is_cut_not_left_out() -> None:
    over = "; ".join(
        f"source-{i}: 4 of 6 mentions quarantined (67%), over its max_rejection_rate of 50%" for i in range(9)
    )
    details = _check_details(
        _Evaluation(
            {"sources_over_limit": dg.MetadataValue.text(over), "rates": dg.MetadataValue.md("| a |\n|---|")}
        )
    )
    assert details.startswith("sources_over_limit source-0: 4 of 6 mentions quarantined (67%), over its")
    assert details.endswith("…")
    assert "| a |" not in details  # tables are for the UI


def test_numbers_short_texts_and_a_description() -> None:
    evaluation = _Evaluation(
        {"rows_in": dg.MetadataValue.int(1200), "note": dg.MetadataValue.text("two\nlines")}
    )
    assert _check_details(evaluation) == "rows_in 1,200, note two…"
    assert _check_details(_Evaluation({}, "Every source fetched.")) == "Every source fetched."


def test_a_check_with_only_tables_points_at_the_ui() -> None:
    assert (
        _check_details(_Evaluation({"preview": dg.MetadataValue.md("| x |")}))
        == "see preview in the Dagster UI"
    )


def _served(path: Path, documents: int, statuses: list[str]) -> Path:
    with duckdb.connect(str(path)) as connection:
        connection.execute("create table documents as select range as i from range(?)", [documents])
        connection.execute("create table fetch_log (status varchar)")
        for status in statuses:
            connection.execute("insert into fetch_log values (?)", [status])
    return path


def test_a_refresh_that_read_no_document_because_every_fetch_failed(tmp_path: Path) -> None:
    assert _nothing_read(_served(tmp_path / "a.duckdb", 0, ["error", "error"]))
    assert not _nothing_read(_served(tmp_path / "b.duckdb", 0, ["error", "ok"]))  # one source read, empty
    assert not _nothing_read(_served(tmp_path / "c.duckdb", 3, ["error"]))  # the last good documents stand
    assert not _nothing_read(_served(tmp_path / "d.duckdb", 0, []))


def test_the_way_out_of_a_hold_names_the_command_for_each_held_source() -> None:
    from assets.published import _accept_hint

    assert (
        _accept_hint(["tracker", "tracker"])
        == "if the drop is real, run python3 tasks.py accept-drop tracker"
    )
    assert _accept_hint(["wire", "tracker"]) == (
        "if a drop is real, run python3 tasks.py accept-drop SOURCE_ID for that source (tracker, wire)"
    )
