"""The working file's `deal_sources` is a view of the mentions through `deal_source_rows`: the same evidence
rows the full-width table held, and the served file still gets a real table of them."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from assets.resolve.in_database import resolve_in_database
from assets.resolve.merge import resolve_deals
from schemas.tables import DEAL_SOURCES
from schemas.tables.millions import served_table
from schemas.taxonomy import default_taxonomy
from tests.unit.test_resolve_in_database import (
    NOW,
    SOURCE_ORDER,
    _as_verdicts,
    _export_mentions,
    _landed,
    _mixed,
)
from warehouse.database import create_table
from warehouse.publish import publish

_MENTION_COLUMNS = [c for c in DEAL_SOURCES.names if c not in ("deal_id", "precedence")]


def _resolved_working_file(path: Path, valid: pd.DataFrame) -> None:
    """A working file as resolution leaves it, over `valid`; it held a `deal_sources` table before, as a
    working file of the release before does."""
    with duckdb.connect(str(path)) as connection:
        for name in ("documents", "deal_sightings", "deal_sources"):
            create_table(connection, name)
        _as_verdicts(connection, valid, path.parent)
        resolve_in_database(connection, default_taxonomy(), SOURCE_ORDER, NOW)


def _rows(connection: duckdb.DuckDBPyConnection, query: str) -> list[tuple]:
    return sorted(connection.execute(query).fetchall(), key=repr)


def test_deal_sources_is_a_declared_view_with_the_evidence_python_gives(tmp_path: Path) -> None:
    valid = _landed(pd.concat([_mixed(), _export_mentions(tmp_path)], ignore_index=True), "valid_mentions")
    working = tmp_path / "work.duckdb"
    _resolved_working_file(working, valid)
    _, expected = resolve_deals(valid, source_order=SOURCE_ORDER)
    expected = _landed(expected, "deal_sources")
    with duckdb.connect(str(working), read_only=True) as connection:
        kinds = connection.execute(
            "select table_name, 'table' from duckdb_tables() where table_name like 'deal_source%' "
            "union all select view_name, 'view' from duckdb_views() where view_name = 'deal_sources'"
        ).fetchall()
        comment = connection.execute("select comment from duckdb_views() where view_name = 'deal_sources'")
        comment = comment.fetchone()[0]
        columns = connection.execute(
            "select column_name, data_type, comment from duckdb_columns() where table_name = 'deal_sources' "
            "order by column_index"
        ).fetchall()
        narrow = connection.execute(
            "select count(*), count(distinct row_key) from deal_source_rows"
        ).fetchone()
        evidence = connection.execute("select * from deal_sources").df()
        # Each evidence row carries its mention's own facts, as the full-width copy did.
        mismatched = connection.execute(
            f"select count(*) from (select {', '.join(_MENTION_COLUMNS)} from deal_sources "
            f"except all select {', '.join(_MENTION_COLUMNS)} from valid_mentions)"
        ).fetchone()[0]
    assert sorted(kinds) == [("deal_source_rows", "table"), ("deal_sources", "view")]
    assert comment == DEAL_SOURCES.comment
    assert columns == [(c.name, c.type, c.comment) for c in DEAL_SOURCES.columns]
    assert narrow == (len(valid), len(valid))
    assert mismatched == 0
    # Rows per deal and their precedence, as Python resolves them.
    by_deal = evidence.sort_values(["deal_id", "precedence"]).groupby("deal_id")["record_id"].agg(list)
    expected_by_deal = (
        expected.sort_values(["deal_id", "precedence"]).groupby("deal_id")["record_id"].agg(list)
    )
    assert by_deal.to_dict() == expected_by_deal.to_dict()
    assert (evidence.groupby("deal_id")["precedence"].min() == 1).all()
    assert (evidence["precedence"] > 1).any()  # some deals merged mentions


def test_the_served_file_gets_a_table_with_the_views_rows_and_comments(tmp_path: Path) -> None:
    valid = _landed(_mixed(), "valid_mentions")
    working = tmp_path / "work.duckdb"
    _resolved_working_file(working, valid)
    served = tmp_path / "dealmap.duckdb"
    report = publish(working, served, ["deal_sources"], keep=0)
    assert report.row_counts == {"deal_sources": len(valid)}
    declared = served_table(DEAL_SOURCES)
    with duckdb.connect(str(working), read_only=True) as work, duckdb.connect(str(served)) as bi:
        in_working = _rows(work, "select *, amount_usd / 1e6, valuation_usd / 1e6 from deal_sources")
        in_served = _rows(bi, "select * from deal_sources")
        tables = bi.execute("select table_name, comment from duckdb_tables()").fetchall()
        views = bi.execute("select count(*) from duckdb_views() where not internal").fetchone()[0]
        columns = bi.execute(
            "select column_name, data_type, comment from duckdb_columns() where table_name = 'deal_sources' "
            "order by column_index"
        ).fetchall()
    assert in_served == in_working
    assert len(in_served) == len(valid)
    assert tables == [("deal_sources", DEAL_SOURCES.comment)]
    assert views == 0
    assert columns == [(c.name, c.type, c.comment) for c in declared.columns]
