"""Validation in the working database judges the mentions part by part and gives what one pass gives, and
what validation in Python gives: the same valid rows (read through the verdicts) and the same quarantine."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.normalize.mentions import normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.sources import Source, SourceKind
from assets.validate import in_database
from assets.validate.quarantine import validate_frame
from bench.export_scale import write_export
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES
from schemas.tables import VALID_MENTIONS
from tests.normalized_rows import land_normalized
from warehouse.database import Warehouse

NOW = datetime(2026, 6, 1, 12, 0)


def _normalized_export(export: Path) -> pd.DataFrame:
    source = Source(id="synthetic", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    return normalize_mentions(extract_document(source, export.as_uri(), "1" * 64, None, export))


@pytest.fixture(scope="module")
def normalized(tmp_path_factory) -> pd.DataFrame:
    """400 export rows (1% bad), two of them given the record id of a third."""
    export = tmp_path_factory.mktemp("export") / "export.csv"
    write_export(export, 400)
    frame = _normalized_export(export)
    frame.loc[[10, 250], "record_id"] = frame.loc[3, "record_id"]
    return frame


def _validated(frame: pd.DataFrame) -> tuple[tuple[int, int], list[tuple], list[tuple]]:
    connection, files = duckdb.connect(), tempfile.TemporaryDirectory()
    try:
        land_normalized(connection, frame, Path(files.name))
        counts = in_database.validate_table(connection, "run-1", NOW)
        valid = connection.execute("select record_id, warnings from valid_mentions order by all").fetchall()
        rejected = connection.execute(
            "select record_id, failed_checks, reason from rejected_deals order by all"
        ).fetchall()
    finally:
        connection.close()
        files.cleanup()
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


def _plain(rows: list[tuple]) -> list[tuple]:
    return sorted(rows, key=repr)


def _both_ways(frame: pd.DataFrame) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple], list[str]]:
    """(valid rows in the database, valid rows from Python's validation landed alike, quarantined
    (record id, failed checks) both ways, the columns of valid_mentions)."""
    python = validate_frame(frame, NormalizedMentionSchema, RECORD_RULES)
    connection, files = duckdb.connect(), tempfile.TemporaryDirectory()
    try:
        land_normalized(connection, frame, Path(files.name))
        in_database.validate_table(connection, "run-1", NOW)
        valid = connection.execute("select * from valid_mentions").fetchall()
        columns = [d[0] for d in connection.execute("select * from valid_mentions limit 0").description]
        connection.execute("create table expected as select * from valid_mentions limit 0")
        Warehouse._insert(connection, "valid_mentions", python.valid, into="expected")
        expected = connection.execute("select * from expected").fetchall()
        rejected = connection.execute("select record_id, failed_checks from rejected_deals").fetchall()
    finally:
        connection.close()
        files.cleanup()
    rejected_python = list(zip(python.rejected["record_id"], python.rejected["failed_checks"], strict=True))
    return _plain(valid), _plain(expected), _plain(rejected), _plain(rejected_python), columns


def test_valid_mentions_are_every_column_of_the_rows_python_keeps(normalized: pd.DataFrame) -> None:
    """The view over the verdicts holds what a copy of the passing rows held: every column, warnings too."""
    valid, expected, rejected, rejected_python, columns = _both_ways(normalized)
    assert columns == VALID_MENTIONS.names
    assert len(valid) == len(normalized) - 7  # 4 bad rows and the 3 sharing a record id
    assert valid == expected
    assert rejected == rejected_python
    assert any(row[-1] == ["amount_large_for_round"] for row in valid)


def test_bad_rows_are_quarantined_with_the_rules_they_broke(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    write_export(export, 600)
    frame = _normalized_export(export)
    _, _, rejected, _, _ = _both_ways(frame)
    by_row = dict(zip(frame["record_id"], frame["locator"], strict=True))
    assert sorted((by_row[record_id], checks) for record_id, checks in rejected) == [
        ("row[100]", ["amount_nonnegative"]),
        ("row[200]", ["currency_known"]),
        ("row[300]", ["amount_parseable"]),
        ("row[400]", ["announced_date_not_future"]),
        ("row[500]", ["company_present"]),
        ("row[600]", ["amount_nonnegative"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # every optional column empty: only a company, an amount and a date
        "company,round_type,amount,currency,valuation,segment,announced_date,lead_investors,investors\n"
        "Acme Robotics,,12000000,,,,2024-03-01,,\nBeta Labs,,,,,,2023-11-20,,\n",
        # one row
        "company,amount,announced_date\nGamma AI,5000000,2022-01-15\n",
    ],
    ids=["optional-columns-empty", "one-row"],
)
def test_sparse_exports_validate_as_python_validates_them(tmp_path: Path, text: str) -> None:
    export = tmp_path / "export.csv"
    export.write_text(text, encoding="utf-8")
    frame = _normalized_export(export)
    valid, expected, rejected, rejected_python, _ = _both_ways(frame)
    assert valid == expected
    assert rejected == rejected_python
    assert rejected == []
    assert len(valid) == len(frame) == text.count("\n") - 1
    names = VALID_MENTIONS.names
    # nothing states a segment: kept, flagged unclassified; an empty amount stays missing, not zero
    assert {(r[names.index("company")], r[names.index("amount_usd")], tuple(r[-1])) for r in valid} <= {
        ("Acme Robotics", 12_000_000, ("segment_unclassified",)),
        ("Beta Labs", None, ("segment_unclassified",)),
        ("Gamma AI", 5_000_000, ("segment_unclassified",)),
    }


@pytest.mark.parametrize("part_rows", [37, in_database.PART_ROWS], ids=["eleven-parts", "one-part"])
def test_the_quarantine_and_warnings_are_those_python_validation_gives(
    normalized: pd.DataFrame, part_rows: int, monkeypatch
) -> None:
    """Rules, reasons and warnings, row for row: the reasons quote the cells as written, which only the
    quarantined rows have read (no check reads them)."""
    frame = normalized.copy()
    # one row breaking three rules at once
    frame.loc[20, ["round_type", "amount_usd", "segment"]] = ["series_omega", -5, "Quantum sensing"]
    monkeypatch.setattr(in_database, "PART_ROWS", part_rows)
    python = validate_frame(frame, NormalizedMentionSchema, RECORD_RULES)
    (valid_rows, rejected_rows), valid, rejected = _validated(frame)
    assert (valid_rows, rejected_rows) == (len(python.valid), len(python.rejected)) == (392, 8)
    assert valid == sorted(zip(python.valid["record_id"], python.valid["warnings"], strict=True))
    columns = ["record_id", "failed_checks", "reason"]
    assert rejected == sorted(zip(*(python.rejected[c] for c in columns), strict=True))
    row_20 = next(r for r in rejected if r[0] == frame.loc[20, "record_id"])
    assert row_20[1] == ["round_type_known", "amount_nonnegative", "segment_known"]
    assert f"amount_text={frame.loc[20, 'amount_text']!r}" in row_20[2]
