"""Settings a run reads only at a late step (where the served file goes, how many to keep, DuckDB's memory
limit, the parse budget) are checked before the run starts: a bad one used to stop the refresh at the
publish, after every stage's work, or to be taken silently ('-1GB': no limit; a budget of 0: no document
parsed). Found by a red team."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from orchestration.refresh_command import check_settings, run_refresh
from warehouse.data_dir import DataDirResource
from warehouse.publish import served_keep

_SETTINGS = ("DEALMAP_SERVED_DB", "DEALMAP_WORKING_DB", "DEALMAP_SERVED_KEEP", "DEALMAP_DUCKDB_MEMORY_LIMIT",
             "DEALMAP_PARSE_BUDGET_S")  # fmt: skip


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in _SETTINGS:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "data"
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(path))
    return path


def test_the_defaults_pass(data: Path) -> None:
    check_settings()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEALMAP_DUCKDB_MEMORY_LIMIT", "-1GB", "DEALMAP_DUCKDB_MEMORY_LIMIT='-1GB': a negative size"),
        ("DEALMAP_DUCKDB_MEMORY_LIMIT", "1KB", "DEALMAP_DUCKDB_MEMORY_LIMIT='1KB': under 32 MiB"),
        ("DEALMAP_DUCKDB_MEMORY_LIMIT", "lots", "DEALMAP_DUCKDB_MEMORY_LIMIT='lots' is not a memory size"),
        ("DEALMAP_SERVED_KEEP", "two", "DEALMAP_SERVED_KEEP='two' is not a number of served files"),
        ("DEALMAP_PARSE_BUDGET_S", "0", "DEALMAP_PARSE_BUDGET_S='0': give at least 1 second"),
    ],
)  # fmt: skip
def test_a_bad_setting_is_named_before_a_run(
    data: Path, monkeypatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=message):
        check_settings()


def test_a_large_number_of_served_files_to_keep_is_a_number(data: Path, monkeypatch) -> None:
    monkeypatch.setenv("DEALMAP_SERVED_KEEP", "99999999999")
    check_settings()
    assert served_keep() == 99_999_999_999  # refused before: the check allowed nine digits


def test_the_served_file_may_not_be_the_working_file(data: Path, monkeypatch) -> None:
    monkeypatch.setenv("DEALMAP_SERVED_DB", str(data / "work" / "dealmap_work.duckdb"))
    with pytest.raises(ValueError, match="DEALMAP_SERVED_DB and DEALMAP_WORKING_DB both name"):
        DataDirResource().check_places()


@pytest.mark.parametrize("trailing", ["", "/"])
def test_the_served_file_may_not_be_a_directory(
    data: Path, monkeypatch, tmp_path: Path, trailing: str
) -> None:
    folder = tmp_path / "bi"
    if not trailing:
        folder.mkdir()
    monkeypatch.setenv("DEALMAP_SERVED_DB", f"{folder}{trailing}")
    with pytest.raises(
        ValueError, match=r"DEALMAP_SERVED_DB=.* names a directory: give the DuckDB file's path"
    ):
        DataDirResource().check_places()


def test_the_refresh_command_stops_before_any_work(data: Path, monkeypatch, tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("DEALMAP_SERVED_DB", str(data / "work" / "dealmap_work.duckdb"))
    out = io.StringIO()

    assert run_refresh(verbose=False, out=out) == 2

    assert out.getvalue().startswith(
        "refresh not started: DEALMAP_SERVED_DB and DEALMAP_WORKING_DB both name"
    )
    assert not (data / "raw").exists()  # nothing fetched
    assert not (data / "work").exists()


@pytest.mark.parametrize("limit", ["64MB", "500M", "2G", "1 GB", "4GiB"])
def test_ordinary_memory_limits_pass(data: Path, monkeypatch, limit: str) -> None:
    monkeypatch.setenv("DEALMAP_DUCKDB_MEMORY_LIMIT", limit)
    check_settings()


def test_the_working_file_by_another_path_is_still_the_working_file(
    data: Path, monkeypatch, tmp_path: Path
) -> None:
    (data / "work").mkdir(parents=True)
    link = tmp_path / "link"
    link.symlink_to(data / "work")
    monkeypatch.setenv("DEALMAP_SERVED_DB", str(link / ".." / "work" / "dealmap_work.duckdb"))
    with pytest.raises(ValueError, match="DEALMAP_SERVED_DB and DEALMAP_WORKING_DB both name"):
        DataDirResource().check_places()


def test_a_data_directory_that_is_a_file_is_named(tmp_path: Path, monkeypatch) -> None:
    # it failed with a raw NotADirectoryError naming the path but not the variable
    path = tmp_path / "data"
    path.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(path))
    with pytest.raises(ValueError, match=r"DEALMAP_DATA_DIR=.* is a file: give a directory"):
        DataDirResource().check_places()


def test_a_data_directory_that_cannot_be_created_is_said_before_the_run(
    data: Path, monkeypatch, tmp_path: Path
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(blocker / "sub"))
    with pytest.raises(ValueError, match=r"DEALMAP_DATA_DIR=.*sub.*cannot be created"):
        DataDirResource().check_places()


def test_a_deleted_working_database_makes_the_run_fetch_its_documents_again(data: Path) -> None:
    """Its fetch state said the documents were stored: the run would serve deals citing documents its
    `documents` table lacked, until the run after."""
    import json

    from assets.source_store import SourceStoreResource
    from orchestration.refresh_command import _refetch_without_working_database
    from orchestration.source_partitions import enabled_source_ids

    outputs = SourceStoreResource().outputs()
    source = enabled_source_ids()[0]
    state = outputs.folder(source) / "fetch_state.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"versions": {"u": {"sha256": "0" * 64}}, "validators": {}, "listing": None}))

    assert _refetch_without_working_database() == 1
    assert not state.exists()
    working = DataDirResource().working_path
    working.parent.mkdir(parents=True, exist_ok=True)
    working.write_bytes(b"")  # a working database stands: nothing is forgotten
    state.write_text(json.dumps({"versions": {"u": {"sha256": "0" * 64}}, "validators": {}, "listing": None}))
    assert _refetch_without_working_database() == 0
    assert state.exists()
