"""A real refresh of the samples with the raw store on a non-default fsspec location (`memory://`, a
`file://` URI) and the working and served DuckDB files moved out of the data directory; and the errors a
location that cannot be used gives, naming the setting."""

from __future__ import annotations

import importlib.util
import re
import uuid
from pathlib import Path

import duckdb
import fsspec
import pytest

from tests.integration.pipeline import run_refresh
from warehouse.data_dir import DataDirResource

WORKING = Path("work") / "dealmap_work.duckdb"


def deal_rows(served: Path) -> list[tuple]:
    with duckdb.connect(str(served), read_only=True) as connection:
        return connection.execute("select company, round_type, amount_usd from deals order by all").fetchall()


@pytest.fixture(scope="module")
def default_deals(tmp_path_factory) -> list[tuple]:
    data_dir = tmp_path_factory.mktemp("default")
    assert run_refresh(data_dir).success
    return deal_rows(data_dir / "dealmap.duckdb")


def test_a_memory_raw_store_and_moved_duckdb_files_refresh_the_samples_to_the_same_deals(
    tmp_path: Path, default_deals: list[tuple]
) -> None:
    root = f"memory://dealmap-{uuid.uuid4().hex}/raw"
    storage = DataDirResource(
        data_dir=str(tmp_path / "data"),
        raw_store=root,
        working_db=str(tmp_path / "scratch" / "pipeline.duckdb"),
        served_db=(tmp_path / "bi" / "deals.duckdb").as_uri(),
    )

    assert run_refresh(tmp_path / "data", storage=storage).success

    assert deal_rows(tmp_path / "bi" / "deals.duckdb") == default_deals
    assert (tmp_path / "scratch" / "pipeline.duckdb").is_file()
    assert not (tmp_path / "data" / "raw").exists()
    assert not (tmp_path / "data" / "dealmap.duckdb").exists()
    assert not (tmp_path / "data" / WORKING).exists()
    memory = fsspec.filesystem("memory")
    with duckdb.connect(str(tmp_path / "bi" / "deals.duckdb"), read_only=True) as connection:
        digests = {row[0] for row in connection.execute("select sha256 from documents").fetchall()}
    blobs = memory.find(root.removeprefix("memory:/"))
    assert {blob.rsplit("/", 1)[1] for blob in blobs} == digests
    # The parsers read every body through a verified local copy of the remote blob.
    cached = {p.name for p in (tmp_path / "data" / "raw_cache").rglob("*") if p.is_file()}
    assert cached == digests


def test_a_file_uri_raw_store_outside_the_data_directory(tmp_path: Path, default_deals: list[tuple]) -> None:
    storage = DataDirResource(data_dir=str(tmp_path / "data"), raw_store=(tmp_path / "bodies").as_uri())

    assert run_refresh(tmp_path / "data", storage=storage).success

    assert deal_rows(tmp_path / "data" / "dealmap.duckdb") == default_deals
    assert len([p for p in (tmp_path / "bodies").rglob("*") if p.is_file()]) > 5
    assert not (tmp_path / "data" / "raw").exists()
    assert not (tmp_path / "data" / "raw_cache").exists()  # a local store needs no copies


def test_the_environment_places_each_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DEALMAP_RAW_STORE", "s3://deals-bucket/raw")
    monkeypatch.setenv("DEALMAP_WORKING_DB", "file:///srv/dealmap/work.duckdb")
    monkeypatch.setenv("DEALMAP_SERVED_DB", str(tmp_path / "bi" / "dealmap.duckdb"))

    resource = DataDirResource()

    assert resource.raw_store_location == "s3://deals-bucket/raw"
    assert resource.working_path == Path("/srv/dealmap/work.duckdb")
    assert resource.served_path == tmp_path / "bi" / "dealmap.duckdb"
    monkeypatch.delenv("DEALMAP_RAW_STORE")
    assert DataDirResource().raw_store_location == str(tmp_path / "data" / "raw")


@pytest.mark.parametrize(
    "value", ["md:dealmap", "ducklake:postgres:dbname=catalog", "s3://bucket/dealmap.duckdb"]
)
def test_a_served_file_that_is_not_local_is_refused_naming_the_variable(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEALMAP_SERVED_DB", value)
    scheme = value.split(":")[0]

    expected = f"DEALMAP_SERVED_DB='{value}': expected a local file path or a file:// URL; {scheme}: is not"

    with pytest.raises(ValueError, match=re.escape(expected)):
        _ = DataDirResource().served_path


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed here")
def test_a_bad_raw_store_fails_the_fetch_naming_the_setting_and_the_fix(tmp_path: Path) -> None:
    storage = DataDirResource(data_dir=str(tmp_path / "data"), raw_store="s3://deals-bucket/raw")

    result = run_refresh(tmp_path / "data", storage=storage, selection="documents")

    assert not result.success
    (failure,) = [event for event in result.all_events if event.is_step_failure]
    error = failure.step_failure_data.error
    messages = [error.message, *([error.cause.message] if error.cause else [])]
    expected = (
        "raw store 's3://deals-bucket/raw' (DEALMAP_RAW_STORE): the s3:// protocol needs the package 's3fs'"
    )
    assert any(expected in message for message in messages), messages
