"""The memory limit holds in every DuckDB connection dealmap opens, the private in-memory ones too."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from assets.parsing.table_export import TableExportError, table_mentions
from schemas import deal_schema
from schemas.duckdb_memory import MEMORY_LIMIT_ENV, WarehouseConfigError, private_duckdb
from warehouse.database import attached_read_only

_SETTING = "select current_setting('memory_limit')"


def test_a_private_connection_takes_the_limit_the_user_set(monkeypatch):
    with private_duckdb() as connection:
        assert connection.execute(_SETTING).fetchone()[0] == "953.6 MiB"  # the default, 1GB
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "512MB")
    with private_duckdb({"threads": 1}) as connection:
        assert connection.execute(_SETTING).fetchone()[0] == "488.2 MiB"
        assert connection.execute("select current_setting('threads')").fetchone()[0] == 1
        spill = Path(connection.execute("select current_setting('temp_directory')").fetchone()[0])
        assert spill.is_dir()
        assert spill.name.startswith("dealmap-duckdb-")
    assert not spill.exists()  # nothing left behind, and never in the working directory


def test_the_connection_reading_an_export_is_held_to_the_limit(tmp_path, monkeypatch):
    export = tmp_path / "deals.csv"
    export.write_text("company,amount,currency\nAcme Robotics,5000000,USD\n", encoding="utf-8")
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "256MB")
    with table_mentions(export, "csv") as connection:
        assert connection.execute(_SETTING).fetchone()[0] == "244.1 MiB"
    # A setting DuckDB refuses is the setting's error, not the export's
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "lots")
    with (
        pytest.raises(WarehouseConfigError, match="DEALMAP_DUCKDB_MEMORY_LIMIT='lots'"),
        table_mentions(export, "csv"),
    ):
        pass
    assert not issubclass(WarehouseConfigError, TableExportError)


def test_the_deal_rules_and_an_attached_file_use_limited_connections(tmp_path, monkeypatch):
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "lots")
    leads = pd.Series([["A"]])
    with pytest.raises(WarehouseConfigError):
        deal_schema.names_within(leads, pd.Series([["A", "B"]]))
    with pytest.raises(WarehouseConfigError), attached_read_only(tmp_path / "none.duckdb", "served"):
        pass
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "512MB")
    assert deal_schema.names_within(leads, pd.Series([["A", "B"]])).tolist() == [True]
