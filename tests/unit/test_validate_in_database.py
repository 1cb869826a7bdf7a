"""Validation in the working database judges the mentions part by part and gives what one pass gives."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd
import pytest

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.sources import Source, SourceKind
from assets.validate import in_database
from bench.export_scale import write_export
from warehouse.database import Warehouse, create_table

NOW = datetime(2026, 6, 1, 12, 0)


@pytest.fixture(scope="module")
def normalized(tmp_path_factory) -> pd.DataFrame:
    """400 export rows (1% bad), two of them given the record id of a third."""
    export = tmp_path_factory.mktemp("export") / "export.csv"
    write_export(export, 400)
    source = Source(id="synthetic", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    frame = normalize_mentions(extract_document(source, export.as_uri(), "1" * 64, None, export))
    frame.loc[[10, 250], "record_id"] = frame.loc[3, "record_id"]
    return frame


def _validated(frame: pd.DataFrame) -> tuple[tuple[int, int], list[tuple], list[tuple]]:
    connection = duckdb.connect()
    try:
        for name in ("normalized_mentions", "valid_mentions", "rejected_deals"):
            create_table(connection, name)
        Warehouse._insert(connection, "normalized_mentions", frame)
        counts = in_database.validate_table(connection, "run-1", NOW)
        valid = connection.execute("select record_id, warnings from valid_mentions order by all").fetchall()
        rejected = connection.execute(
            "select record_id, failed_checks, reason from rejected_deals order by all"
        ).fetchall()
    finally:
        connection.close()
    return counts, valid, rejected


def test_parts_split_by_record_id_judge_as_one_pass_does(normalized: pd.DataFrame, monkeypatch) -> None:
    whole = _validated(normalized)
    monkeypatch.setattr(in_database, "PART_ROWS", 37)  # eleven parts
    parted = _validated(normalized)
    assert parted == whole
    (valid_rows, rejected_rows), _, rejected = parted
    assert valid_rows + rejected_rows == len(normalized)
    shared = normalized.loc[3, "record_id"]
    duplicates = [r for r in rejected if r[0] == shared]
    assert len(duplicates) == 3  # every mention sharing the id, though they fell in different positions
    assert all("record_id_unique" in checks for _, checks, _ in duplicates)
    assert {"amount_nonnegative", "currency_known"} <= {c for _, checks, _ in rejected for c in checks}


def test_no_mentions_validate_to_no_rows(normalized: pd.DataFrame) -> None:
    assert _validated(normalized.iloc[0:0]) == ((0, 0), [], [])
