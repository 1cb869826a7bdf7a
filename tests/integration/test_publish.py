"""Publishing the served DuckDB file: atomic swap, readers undisturbed, failures leave it untouched."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import warehouse.publish as publish_module
from schemas.tables.reference import SEGMENTS
from warehouse.database import Warehouse, kept_open
from warehouse.publish import SERVED_STORAGE_VERSION, history_name, publish


def _working(path: Path, deals: int) -> Path:
    with duckdb.connect(str(path)) as connection:
        connection.execute("create or replace table deals (deal_id varchar, amount_usd bigint)")
        connection.execute("comment on table deals is 'One row per deal.'")
        connection.execute("comment on column deals.amount_usd is 'Whole US dollars.'")
        connection.execute("insert into deals select 'd' || i, i * 1000 from range(?) t(i)", [deals])
    return path


def test_publish_copies_tables_comments_and_extra_tables(tmp_path: Path):
    working = _working(tmp_path / "work.duckdb", 3)
    served = tmp_path / "served" / "dealmap.duckdb"
    segment = {"segment": ["ai_chips"], "segment_label": ["AI chips"], "layer": ["hardware"]}
    extra = {"segments": pd.DataFrame(segment | {"layer_label": ["Hardware"], "layer_rank": [1]})}
    report = publish(working, served, ["deals"], extra)
    assert report.row_counts == {"deals": 3, "segments": 1}
    with duckdb.connect(str(served), read_only=True) as connection:
        assert connection.execute("select sum(amount_usd) from deals").fetchone()[0] == 3000
        comments = connection.execute("select table_name, comment from duckdb_tables() order by 1").fetchall()
        column = connection.execute(
            "select comment from duckdb_columns() where table_name = 'deals' and column_name = 'amount_usd'"
        ).fetchone()[0]
    assert comments == [("deals", "One row per deal."), ("segments", SEGMENTS.comment)]
    assert column == "Whole US dollars."
    assert sorted(p.name for p in served.parent.iterdir()) == ["dealmap.duckdb"]


def _count_in_another_process(path: Path) -> int:
    """What a BI tool (another process) opening the served file read-only sees now."""
    code = "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
    code += "print(c.execute('select count(*) from deals').fetchone()[0])"
    completed = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return int(completed.stdout)


def test_an_open_reader_keeps_its_snapshot_while_a_new_reader_sees_the_new_refresh(tmp_path: Path):
    working = _working(tmp_path / "work.duckdb", 3)
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"])
    reader = duckdb.connect(str(served), read_only=True)
    try:
        assert reader.execute("select count(*) from deals").fetchone()[0] == 3
        _working(working, 5)
        publish(working, served, ["deals"])  # must not wait for, or disturb, the open reader
        assert reader.execute("select count(*) from deals").fetchone()[0] == 3
        assert _count_in_another_process(served) == 5
    finally:
        reader.close()


def test_a_process_holding_any_connection_keeps_the_old_refresh_until_it_closes_them_all(tmp_path: Path):
    """What the README tells BI users: DuckDB keeps one instance per path in a process."""
    working = _working(tmp_path / "work.duckdb", 3)
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"])
    held = duckdb.connect(str(served), read_only=True)
    _working(working, 5)
    publish(working, served, ["deals"])
    opened_later = duckdb.connect(str(served), read_only=True)
    assert opened_later.execute("select count(*) from deals").fetchone()[0] == 3  # the same old instance
    opened_later.close()
    held.close()
    with duckdb.connect(str(served), read_only=True) as reopened:
        assert reopened.execute("select count(*) from deals").fetchone()[0] == 5


def test_the_served_file_is_in_a_storage_format_duckdb_1_reads(tmp_path: Path):
    served = tmp_path / "dealmap.duckdb"
    publish(_working(tmp_path / "work.duckdb", 2), served, ["deals"])
    with duckdb.connect() as connection:
        connection.execute(f"attach '{served}' as served (read_only)")
        version = connection.execute(
            "select tags['storage_version'] from duckdb_databases() where database_name = 'served'"
        ).fetchone()[0]
    assert version.rstrip("+") == SERVED_STORAGE_VERSION  # "v1.0.0+": readable by 1.0.0 and later


def test_a_failed_publish_leaves_the_served_file_and_no_debris(tmp_path: Path):
    working = _working(tmp_path / "work.duckdb", 2)
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"])
    before = served.read_bytes()
    with pytest.raises(duckdb.CatalogException):
        publish(working, served, ["deals", "no_such_table"])
    assert served.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dealmap.duckdb", "work.duckdb"]


def _two_tables(path: Path, deals: int, events: int) -> Path:
    _working(path, deals)
    with duckdb.connect(str(path)) as connection:
        connection.execute(
            "create or replace table fetch_log as select i as attempt from range(?) t(i)", [events]
        )
    return path


def _served_rows(served: Path) -> dict[str, int]:
    with duckdb.connect(str(served), read_only=True) as connection:
        names = [
            r[0] for r in connection.execute("select table_name from duckdb_tables() order by 1").fetchall()
        ]
        return {name: connection.execute(f"select count(*) from {name}").fetchone()[0] for name in names}


def test_a_table_with_the_digest_it_was_served_with_is_taken_from_the_served_file(tmp_path: Path):
    """Only tables whose digest changed are copied from the working file; the rest come from the served
    file as it was (the working table is changed behind the digest here to show which side it came from),
    with its comments, in the storage format BI tools read."""
    working = _two_tables(tmp_path / "work.duckdb", deals=3, events=1)
    served = tmp_path / "dealmap.duckdb"
    first = publish(working, served, ["deals", "fetch_log"], table_digests={"deals": "d1"})
    assert first.tables_kept == ()
    _two_tables(working, deals=5, events=2)
    second = publish(working, served, ["deals", "fetch_log"], table_digests={"deals": "d1"})
    assert second.tables_kept == ("deals",)
    assert _served_rows(served) == {"deals": 3, "fetch_log": 2}
    assert second.row_counts == {"deals": 3, "fetch_log": 2}
    with duckdb.connect() as connection:
        connection.execute(f"attach '{served}' as served (read_only)")
        version, comment = connection.execute(
            "select tags['storage_version'], "
            "(select comment from duckdb_tables() where table_name = 'deals') "
            "from duckdb_databases() where database_name = 'served'"
        ).fetchone()
    assert (version.rstrip("+"), comment) == (SERVED_STORAGE_VERSION, "One row per deal.")
    third = publish(working, served, ["deals", "fetch_log"], table_digests={"deals": "d2"})
    assert third.tables_kept == ()
    assert _served_rows(served) == {"deals": 5, "fetch_log": 2}
    fourth = publish(working, served, ["deals"], table_digests={"deals": "d2"})  # fetch_log no longer served
    assert (fourth.tables_kept, _served_rows(served)) == (("deals",), {"deals": 5})


def test_a_served_file_the_last_publish_did_not_write_is_rebuilt_whole(tmp_path: Path):
    """A rollback (or anyone) replacing the served file, or a lost state file: nothing is taken from it."""
    working = _two_tables(tmp_path / "work.duckdb", deals=3, events=1)
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"], table_digests={"deals": "d1"})
    replaced = tmp_path / "other.duckdb"
    publish(_working(tmp_path / "other_work.duckdb", 7), replaced, ["deals"])
    replaced.replace(served)
    _working(working, 4)
    assert publish(working, served, ["deals"], table_digests={"deals": "d1"}).tables_kept == ()
    assert _served_rows(served) == {"deals": 4}
    (tmp_path / "work.duckdb.published.json").write_text("{not json", encoding="utf-8")
    _working(working, 6)
    assert publish(working, served, ["deals"], table_digests={"deals": "d1"}).tables_kept == ()
    assert _served_rows(served) == {"deals": 6}


def test_a_run_publishes_from_the_working_file_it_keeps_open(tmp_path: Path):
    """Inside a run the working file is open already (`kept_open`): publishing reads it there, comments and
    all, and a failed publish leaves that database as it found it (the new file not attached)."""
    working = _working(tmp_path / "work.duckdb", 4)
    served = tmp_path / "dealmap.duckdb"
    with kept_open(working):
        with Warehouse(working).connect(read_only=True) as connection:
            assert connection.execute("select count(*) from deals").fetchone()[0] == 4
        report = publish(working, served, ["deals"])
        with pytest.raises(duckdb.CatalogException):
            publish(working, served, ["deals", "no_such_table"])
        with Warehouse(working).connect() as connection:
            attached = connection.execute("select database_name from duckdb_databases() where not internal")
            assert [r[0] for r in attached.fetchall()] == ["work"]
    assert report.row_counts == {"deals": 4}
    with duckdb.connect(str(served), read_only=True) as connection:
        assert connection.execute("select sum(amount_usd) from deals").fetchone()[0] == 6000
        comment = connection.execute("select comment from duckdb_tables() where table_name = 'deals'")
        assert comment.fetchone()[0] == "One row per deal."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dealmap.duckdb", "work.duckdb"]


def test_copied_tables_keep_the_working_types_and_no_compression_in_their_catalog(tmp_path: Path):
    """The served tables are typed as the working ones (the millions column as `create table ... as`
    types it), hold the same rows, and name no compression: DuckDB keeps `USING COMPRESSION` in a table's
    catalog entry even in 1.0's storage format, and DuckDB 1.0 then refuses the whole file ("field id
    mismatch"), as a compression hint once made it do."""
    working = tmp_path / "work.duckdb"
    with duckdb.connect(str(working)) as connection:
        connection.execute(
            "create table deals as select 'deal-' || (i % 3) as deal_id, ['fund ' || (i % 7)] as investors, "
            "'round ' || i as round_type, i * 1000 as amount_usd, date '2025-01-01' + i::integer as "
            "announced_date from range(5000) t(i)"
        )
        connection.execute("comment on column deals.amount_usd is 'Whole US dollars.'")
        working_types = connection.execute("describe deals").fetchall()
    served = tmp_path / "dealmap.duckdb"
    publish(working, served, ["deals"])
    with duckdb.connect() as connection:
        connection.execute(f"attach '{working}' as work (read_only)")
        connection.execute(f"attach '{served}' as served (read_only)")
        served_types = connection.execute("describe served.deals").fetchall()
        differing = connection.execute(
            "select count(*) from (select * from work.deals except all "
            "select * exclude (amount_usd_m) from served.deals)"
        ).fetchone()[0]
        table_sql = connection.execute(
            "select sql from duckdb_tables() where database_name = 'served' and table_name = 'deals'"
        ).fetchone()[0]
    assert [row[:2] for row in served_types] == [
        *(row[:2] for row in working_types),
        ("amount_usd_m", "DOUBLE"),
    ]
    assert differing == 0
    assert "COMPRESSION" not in table_sql.upper()


def _refresh(run_id: str, published_at: datetime) -> dict[str, pd.DataFrame]:
    return {"refresh_info": pd.DataFrame([{"run_id": run_id, "published_at": published_at}])}


def test_the_replaced_file_is_named_from_what_its_publish_recorded_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The state file records the refresh a publish wrote (time and run), so the next publish names the
    file it replaces without attaching it; a served file the state does not describe is read, and gets
    the same name."""
    working = _working(tmp_path / "work.duckdb", 2)
    served = tmp_path / "dealmap.duckdb"
    publish(
        working, served, ["deals"], extra_tables=_refresh("run-one", datetime(2026, 3, 1, 12, 0, 0, 123456))
    )
    read_back = history_name(served, served)
    assert read_back == "dealmap.20260301T120000.123456Z.run-one.duckdb"

    def unread(path: Path) -> tuple[datetime, str]:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(publish_module, "refresh_identity", unread)
    second = publish(
        working, served, ["deals"], extra_tables=_refresh("run-two", datetime(2026, 3, 2, 8, 30))
    )
    assert second.history_added == read_back
    monkeypatch.undo()
    (tmp_path / "work.duckdb.published.json").unlink()  # a state that no longer describes the file
    third = publish(working, served, ["deals"], extra_tables=_refresh("run-three", datetime(2026, 3, 3)))
    assert third.history_added == "dealmap.20260302T083000.000000Z.run-two.duckdb"


def test_a_refresh_written_oddly_is_named_as_the_file_stores_it_and_fails_nothing_after_the_swap(
    tmp_path: Path,
):
    """The refresh a publish records is converted as the file gets it: a missing run id is `unknown`, an
    integer time is microseconds (as Arrow stores it); neither fails the publish once the file is
    swapped."""
    working = _working(tmp_path / "work.duckdb", 2)
    served = tmp_path / "dealmap.duckdb"
    missing_run = pd.DataFrame(
        {"run_id": pd.array([None], dtype="string"), "published_at": [datetime(2026, 1, 2)]}
    )
    publish(working, served, ["deals"], extra_tables={"refresh_info": missing_run})
    as_integer = pd.DataFrame({"run_id": ["r1"], "published_at": [1_772_366_400_000_000]})
    second = publish(working, served, ["deals"], extra_tables={"refresh_info": as_integer})
    assert (
        second.history_added
        == history_name(_kept_file(second), served)
        == ("dealmap.20260102T000000.000000Z.unknown.duckdb")
    )
    third = publish(working, served, ["deals"], extra_tables=_refresh("r2", datetime(2026, 3, 5)))
    assert third.history_added == "dealmap.20260301T120000.000000Z.r1.duckdb"


def _kept_file(report) -> Path:
    return report.path.parent / "served_history" / report.history_added
