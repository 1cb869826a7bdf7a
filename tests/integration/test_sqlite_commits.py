"""Dagster's SQLite storage under `wal_speed_commits`: NORMAL commits, the WAL kept between events, one
pooled connection per event-log file, and the same events stored and read back as without it."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest
import sqlalchemy
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from orchestration.sqlite_commits import wal_speed_commits


@dg.asset
def one_number() -> int:
    return 1


@dg.asset_check(asset=one_number)
def number_is_one() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


def _events(instance: dg.DagsterInstance, run_id: str) -> list[str]:
    entries = [r.event_log_entry for r in instance.get_records_for_run(run_id).records]
    return [e.dagster_event_type.value for e in entries if e.is_dagster_event]


def _synchronous(path: Path) -> int:
    """`pragma synchronous` of a new SQLAlchemy connection to `path` (2 is SQLite's FULL, 1 NORMAL)."""
    engine = sqlalchemy.create_engine(f"sqlite:///{path}", poolclass=sqlalchemy.pool.NullPool)
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql("pragma synchronous").scalar_one()
    finally:
        engine.dispose()


def test_a_run_stores_the_same_events_with_the_wal_kept_until_the_block_ends(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance:
        plain = dg.materialize([one_number, number_is_one], instance=instance)
        with wal_speed_commits(instance) as held:
            fast = dg.materialize([one_number, number_is_one], instance=instance)
            shard = home / "history" / "runs" / f"{fast.run_id}.db"
            inside = {
                "held": {Path(p).resolve() for p in held},
                "wal": Path(f"{shard}-wal").exists(),
                "synchronous": _synchronous(home / "history" / "runs.db"),
            }
        assert fast.success
        assert plain.success
        # The run's own file, the event index and the runs table stayed open, their WALs with them.
        assert {shard.resolve(), (home / "history" / "runs" / "index.db").resolve()} <= inside["held"]
        assert (home / "history" / "runs.db").resolve() in inside["held"]
        assert inside["wal"] is True
        assert inside["synchronous"] == 1
        # Closed when the block ends: the last connection checkpointed the WAL into the file.
        assert not held
        assert not Path(f"{shard}-wal").exists()
        assert _synchronous(home / "history" / "runs.db") == 2

    # Another instance on the same directory (as the UI would open it) reads every event of both runs.
    with dg.DagsterInstance.local_temp(str(home)) as reader:
        assert _events(reader, fast.run_id) == _events(reader, plain.run_id)
        assert "ASSET_MATERIALIZATION" in _events(reader, fast.run_id)
        assert "ASSET_CHECK_EVALUATION" in _events(reader, fast.run_id)
        latest = reader.get_latest_materialization_event(dg.AssetKey("one_number"))
        assert latest is not None
        assert latest.run_id == fast.run_id


def test_sqlite_files_outside_the_instance_are_left_as_they_are(tmp_path):
    elsewhere = tmp_path / "other.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{elsewhere}")
    with engine.begin() as connection:
        connection.exec_driver_sql("pragma journal_mode = wal")
        connection.exec_driver_sql("create table t (x integer)")
    engine.dispose()
    home = tmp_path / "home"
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance, wal_speed_commits(instance) as held:
        assert _synchronous(elsewhere) == 2
        assert str(elsewhere) not in held


def _connects_per_file(instance: dg.DagsterInstance) -> tuple[dict[str, int], object]:
    """A listener counting the DBAPI connections opened to each SQLite file (and the counts)."""
    counts: dict[str, int] = {}

    def count(connection: object, _record: object) -> None:
        rows = connection.execute("pragma database_list").fetchall()  # type: ignore[attr-defined]
        file = next((f for _, name, f in rows if name == "main"), "")
        counts[Path(file).name] = counts.get(Path(file).name, 0) + 1

    return counts, count


def test_the_event_log_keeps_one_connection_per_file_while_the_block_runs(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance:
        storage = instance.event_log_storage
        assert type(storage) is SqliteEventLogStorage
        counts, count = _connects_per_file(instance)
        sqlalchemy.event.listen(sqlalchemy.engine.Engine, "connect", count)
        try:
            plain = dg.materialize([one_number, number_is_one], instance=instance)
            plain_counts = dict(counts)
            counts.clear()
            with wal_speed_commits(instance):
                fast = dg.materialize([one_number, number_is_one], instance=instance)
                pooled_counts = dict(counts)
                assert "_connect" in vars(storage)
        finally:
            sqlalchemy.event.remove(sqlalchemy.engine.Engine, "connect", count)
        # Dagster connects anew for every event of a run (and every read); pooled, the run's new file is
        # connected to while Dagster creates it, then once more for the connection kept; the event index
        # (already there) once by the event log, and a few times by Dagster's other readers of it.
        assert plain_counts[f"{plain.run_id}.db"] > 10
        assert pooled_counts[f"{fast.run_id}.db"] <= 3
        assert plain_counts["index.db"] > 10
        assert pooled_counts["index.db"] <= plain_counts["index.db"] // 4
        # Dagster's own method again once the block ends, and it still works.
        assert "_connect" not in vars(storage)
        again = dg.materialize([one_number], instance=instance)
        assert again.success
        assert _events(instance, fast.run_id) == _events(instance, plain.run_id)


def test_a_storage_that_is_not_the_plain_sqlite_event_log_is_left_as_it_is(tmp_path):
    class OwnStorage(SqliteEventLogStorage):
        pass

    home = tmp_path / "home"
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance:
        storage = instance.event_log_storage
        storage.__class__ = OwnStorage
        with wal_speed_commits(instance):
            assert "_connect" not in vars(storage)
            assert dg.materialize([one_number], instance=instance).success


def test_a_block_inside_another_keeps_the_outer_blocks_pooling(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance:
        storage = instance.event_log_storage
        with wal_speed_commits(instance):
            outer = vars(storage)["_connect"]
            with wal_speed_commits(instance):
                assert vars(storage)["_connect"] is outer
            assert vars(storage)["_connect"] is outer  # the inner block's end leaves it
            assert dg.materialize([one_number], instance=instance).success
        assert "_connect" not in vars(storage)


def test_a_run_file_deleted_mid_block_fails_loudly_as_without_the_block(tmp_path):
    """A kept connection would write on into a deleted file and lose the events unseen; the kept engine is
    dropped, so the next read or write fails on the new, empty file as Dagster's own connection does."""
    home = tmp_path / "home"
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance, wal_speed_commits(instance):
        run_id = dg.materialize([one_number], instance=instance).run_id
        assert _events(instance, run_id)
        for path in (home / "history" / "runs").glob(f"{run_id}.db*"):
            path.unlink()
        with pytest.raises(sqlalchemy.exc.OperationalError, match="no such table"):
            instance.get_records_for_run(run_id)


def test_dynamic_partitions_are_read_without_an_engine_per_read(tmp_path):
    """Dagster asks whether the partitions table exists (an engine and a connection of its own) before
    each read of dynamic partitions; inside the block it is asked of SQLite once."""
    home = tmp_path / "home"
    home.mkdir()
    connects: list[object] = []

    def count(connection: object, _record: object) -> None:
        connects.append(connection)

    with dg.DagsterInstance.local_temp(str(home)) as instance:
        instance.add_dynamic_partitions("sources", [f"src-{n}" for n in range(5)])
        sqlalchemy.event.listen(sqlalchemy.engine.Engine, "connect", count)
        try:
            with wal_speed_commits(instance):
                before = len(connects)
                found = [instance.has_dynamic_partition("sources", f"src-{n}") for n in range(20)]
                inside = len(connects) - before
                assert instance.get_dynamic_partitions("sources")[:2] == ["src-0", "src-1"]
            assert "has_table" not in vars(instance.event_log_storage)  # Dagster's own again
            before = len(connects)
            assert instance.has_dynamic_partition("sources", "src-1")
            outside = len(connects) - before
        finally:
            sqlalchemy.event.remove(sqlalchemy.engine.Engine, "connect", count)
    assert found == [True] * 5 + [False] * 15
    assert inside <= 2  # the table once, the index's pooled connection once
    assert outside >= 1
