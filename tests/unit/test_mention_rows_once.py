"""The mention rows written once (normalized_values beside the extraction files) give every table a full copy
gave: an export through the working database's path against the per-mention path, row by row."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.extracted_files import keep_files, point_view
from assets.normalize.columnar import create_normalized_mentions, normalize_table
from assets.normalize.mentions import References, normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.resolve.in_database import resolve_in_database
from assets.resolve.merge import resolve_deals
from assets.sources import Source, SourceKind
from assets.validate.in_database import validate_table
from assets.validate.quarantine import validate_frame
from bench.export_scale import write_export
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES
from schemas.taxonomy import default_taxonomy
from warehouse.database import Warehouse, create_table

NOW = datetime(2026, 6, 1, 12, 0)
SOURCES = ["synthetic"]
# What differs between the paths by design: when the quarantine was written, and when a deal was first
# seen (the database reads it from the documents table, empty here).
RUN_COLUMNS = {"rejected_deals": ["run_id", "rejected_at"], "deals": ["first_seen_at"]}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> pd.DataFrame:
    """1,500 export rows (1% bad, about three rounds a company), two given the record id of a third."""
    export = tmp_path_factory.mktemp("export") / "export.csv"
    write_export(export, 1_500)
    source = Source(id="synthetic", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    frame = extract_document(source, export.as_uri(), "1" * 64, None, export)
    frame.loc[[10, 250], "record_id"] = frame.loc[3, "record_id"]
    return frame


def _through_the_database(connection: duckdb.DuckDBPyConnection, extracted: pd.DataFrame, work: Path) -> None:
    """As a refresh leaves the working file: the extraction's file, then each stage's tables and views."""
    point_view(connection, keep_files(work / "work.duckdb", "0" * 64, [], extracted))
    for name in ("normalized_values", "documents", "deal_sightings"):
        create_table(connection, name)
    normalize_table(connection, References.of())
    create_normalized_mentions(connection)
    validate_table(connection, "run-1", NOW)
    resolve_in_database(connection, default_taxonomy(), SOURCES, NOW)


def _differences(connection: duckdb.DuckDBPyConnection, table: str, expected: pd.DataFrame) -> tuple:
    """(rows in `table`, rows expected, rows only in `table`, rows only expected), `expected` landed in
    `table`'s declared types, the run's own columns left out."""
    connection.execute(f"create or replace table expected as select * from {table} limit 0")
    Warehouse._insert(connection, table, expected.reindex(columns=_names(connection, table)), into="expected")
    left_out = RUN_COLUMNS.get(table)
    columns = f"* exclude ({', '.join(left_out)})" if left_out else "*"
    found, wanted = (f"select {columns} from {t}" for t in (table, "expected"))
    return connection.execute(
        f"select (select count(*) from {table}), (select count(*) from expected), "
        f"(select count(*) from ({found} except all {wanted})), "
        f"(select count(*) from ({wanted} except all {found}))"
    ).fetchone()


def _names(connection: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [d[0] for d in connection.execute(f"select * from {table} limit 0").description]


def test_every_table_holds_the_rows_the_per_mention_path_gives(
    extracted: pd.DataFrame, tmp_path: Path
) -> None:
    checked = validate_frame(normalize_mentions(extracted), NormalizedMentionSchema, RECORD_RULES)
    deals, evidence = resolve_deals(checked.valid, source_order=SOURCES)
    expected = {
        "normalized_mentions": normalize_mentions(extracted),
        "valid_mentions": checked.valid,
        "rejected_deals": checked.rejected,
        "deals": deals,
        "deal_sources": evidence,
    }
    with duckdb.connect(str(tmp_path / "work.duckdb")) as connection:
        _through_the_database(connection, extracted, tmp_path)
        found = {table: _differences(connection, table, rows) for table, rows in expected.items()}
        snippets = connection.execute(
            "select count(*), count(snippet), count(locator) from rejected_deals"
        ).fetchone()
    assert (
        found
        == {
            "normalized_mentions": (1_500, 1_500, 0, 0),
            "valid_mentions": (1_482, 1_482, 0, 0),
            "rejected_deals": (18, 18, 0, 0),  # 15 bad rows and the 3 sharing a record id
            "deals": (*found["deals"][:2], 0, 0),
            "deal_sources": (1_482, 1_482, 0, 0),
        }
    )
    assert found["deals"][0] == found["deals"][1] < 1_482  # some mentions merged
    assert snippets == (18, 18, 18)  # the quarantine's text read back from the extraction file
