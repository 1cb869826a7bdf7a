"""Served-file history and rollback: the newest N replaced files kept, restored atomically, by id or not."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import tasks
import warehouse.publish as publish_module
from warehouse.publish import (
    SERVED_KEEP_ENV,
    PublishReport,
    ServedKeepError,
    history_dir,
    publish,
    served_order_path,
)
from warehouse.rollback import RollbackError, list_served, rollback, served_path
from warehouse.rollback import main as rollback_main

REPO_ROOT = Path(__file__).resolve().parents[2]
FIRST_PUBLISHED = datetime(2025, 1, 1)


@pytest.fixture(autouse=True)
def _default_keep(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SERVED_KEEP_ENV, raising=False)


def _working(path: Path, deals: int) -> Path:
    with duckdb.connect(str(path)) as connection:
        connection.execute("create or replace table deals (deal_id varchar, amount_usd bigint)")
        connection.execute("insert into deals select 'd' || i, i * 1000 from range(?) t(i)", [deals])
    return path


def _published_at(hour: int) -> datetime:
    return FIRST_PUBLISHED + timedelta(hours=hour)


def _publish(data: Path, deals: int, run_id: str | None, hour: int = 0) -> PublishReport:
    """Publish `deals` rows into `data`'s served file as the refresh `run_id` (None: no refresh_info)."""
    working = _working(data.parent / "work.duckdb", deals)
    extra = None
    if run_id is not None:
        extra = {"refresh_info": pd.DataFrame([{"run_id": run_id, "published_at": _published_at(hour)}])}
    return publish(working, served_path(data), ["deals"], extra)


def _contents(path: Path) -> tuple[int, str | None]:
    """(deals, refresh_info.run_id) of a served or kept file, read as a new reader would."""
    with duckdb.connect() as connection:  # attached: never an instance this process already holds
        connection.execute(f"attach '{path}' as f (read_only)")
        deals = connection.execute("select count(*) from f.deals").fetchone()[0]
        try:
            run_id = connection.execute("select run_id from f.refresh_info").fetchone()[0]
        except duckdb.CatalogException:
            run_id = None
    return deals, run_id


def _history(data: Path) -> dict[str, bytes]:
    """Every file in the history folder, hidden ones too, with its bytes; but the log of the order they
    were served in (`served_order_path`), which the rollback tests read on their own."""
    folder = history_dir(served_path(data))
    if not folder.exists():
        return {}
    log = served_order_path(served_path(data)).name
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != log}


def _kept_name(hour: int, run_id: str) -> str:
    return f"dealmap.{_published_at(hour):%Y%m%dT%H%M%S}.000000Z.{run_id}.duckdb"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.mark.parametrize(("setting", "publishes", "kept"), [(None, 7, 5), ("2", 4, 2)])
def test_history_keeps_the_newest_n_replaced_files_named_by_time_and_run(
    data: Path, monkeypatch: pytest.MonkeyPatch, setting: str | None, publishes: int, kept: int
):
    if setting is not None:
        monkeypatch.setenv(SERVED_KEEP_ENV, setting)
    reports = [_publish(data, deals=i, run_id=f"run-{i}", hour=i) for i in range(1, publishes + 1)]

    expected = list(range(publishes - 1, publishes - 1 - kept, -1))  # newest first; the last is served
    refreshes = list_served(data)
    assert [k.run_id for k in refreshes] == [f"run-{i}" for i in expected]
    assert [k.published_at for k in refreshes] == [_published_at(i) for i in expected]
    assert [k.path.name for k in refreshes] == [_kept_name(i, f"run-{i}") for i in expected]
    assert [_contents(k.path) for k in refreshes] == [(i, f"run-{i}") for i in expected]
    assert all(k.bytes == k.path.stat().st_size > 0 for k in refreshes)
    assert sorted(_history(data)) == sorted(k.path.name for k in refreshes)  # nothing else, nothing hidden
    assert _contents(served_path(data)) == (publishes, f"run-{publishes}")
    assert reports[0].history_added is None  # nothing was served before the first
    assert reports[-1].history_added == _kept_name(publishes - 1, f"run-{publishes - 1}")
    oldest = publishes - 1 - kept
    assert reports[-1].history_removed == (_kept_name(oldest, f"run-{oldest}"),)


def test_keep_zero_keeps_nothing_and_empties_the_history(data: Path, monkeypatch: pytest.MonkeyPatch):
    for i in (1, 2, 3):
        _publish(data, deals=i, run_id=f"run-{i}", hour=i)
    assert [k.run_id for k in list_served(data)] == ["run-2", "run-1"]

    monkeypatch.setenv(SERVED_KEEP_ENV, "0")
    report = _publish(data, deals=4, run_id="run-4", hour=4)
    _publish(data, deals=5, run_id="run-5", hour=5)

    assert report.history_added is None
    assert report.history_removed == (_kept_name(1, "run-1"), _kept_name(2, "run-2"))
    assert list_served(data) == []
    assert _history(data) == {}
    assert _contents(served_path(data)) == (5, "run-5")


@pytest.mark.parametrize("setting", ["-1", "five", "2.5", "1e3", "3 files", "+3"])
def test_a_bad_keep_setting_is_a_clear_error_before_anything_changes(
    data: Path, monkeypatch: pytest.MonkeyPatch, setting: str
):
    _publish(data, deals=1, run_id="run-1", hour=1)
    _publish(data, deals=2, run_id="run-2", hour=2)
    served, history = served_path(data).read_bytes(), _history(data)

    monkeypatch.setenv(SERVED_KEEP_ENV, setting)
    with pytest.raises(
        ServedKeepError,
        match=re.escape(f"{SERVED_KEEP_ENV}={setting!r} is not a number of served files to keep"),
    ):
        _publish(data, deals=3, run_id="run-3", hour=3)
    with pytest.raises(ServedKeepError, match=SERVED_KEEP_ENV):
        rollback(data, None)

    assert served_path(data).read_bytes() == served
    assert _history(data) == history


def test_a_keep_argument_is_checked_too(data: Path):
    with pytest.raises(ServedKeepError, match="keep=-1"):
        publish(_working(data.parent / "work.duckdb", 1), served_path(data), ["deals"], keep=-1)
    assert not served_path(data).exists()


def test_rollback_without_a_run_id_restores_the_previous_refresh_and_a_second_one_undoes_it(data: Path):
    _publish(data, deals=3, run_id="run-1", hour=1)
    _publish(data, deals=5, run_id="run-2", hour=2)

    report = rollback(data, None)

    assert _contents(served_path(data)) == (3, "run-1")
    assert report.changed
    assert report.restored.run_id == "run-1"
    assert report.replaced == _kept_name(2, "run-2")
    assert [k.run_id for k in list_served(data)] == ["run-2", "run-1"]

    undo = rollback(data, None)  # the newest kept refresh other than the served one: the one rolled back from

    assert _contents(served_path(data)) == (5, "run-2")
    assert undo.restored.run_id == "run-2"
    assert [k.run_id for k in list_served(data)] == ["run-2", "run-1"]  # kept once each, not twice
    assert sorted(p.name for p in data.iterdir()) == ["dealmap.duckdb", "served_history", "work"]
    # Only the writer lock rollback takes (emptied again): rollback never opens the working database.
    assert [(p.name, p.read_text()) for p in (data / "work").iterdir()] == [("dealmap_work.duckdb.lock", "")]


def test_rollback_by_run_id_by_prefix_and_by_file_name(data: Path):
    runs = [("alpha-7f3a", 2), ("beta-91c2", 3), ("gamma-0d4e", 4), ("delta", 6)]
    for hour, (run_id, deals) in enumerate(runs):
        _publish(data, deals=deals, run_id=run_id, hour=hour)

    assert rollback(data, "alpha-7f3a").restored.run_id == "alpha-7f3a"
    assert _contents(served_path(data)) == (2, "alpha-7f3a")

    assert rollback(data, "bet").restored.run_id == "beta-91c2"
    assert _contents(served_path(data)) == (3, "beta-91c2")

    rollback(data, _kept_name(2, "gamma-0d4e"))
    assert _contents(served_path(data)) == (4, "gamma-0d4e")

    before = served_path(data).read_bytes()
    again = rollback(data, "gamma")
    assert not again.changed
    assert served_path(data).read_bytes() == before
    assert [k.run_id for k in list_served(data)] == ["delta", "gamma-0d4e", "beta-91c2", "alpha-7f3a"]


def test_an_unknown_or_ambiguous_run_id_is_an_error_listing_what_is_kept(data: Path):
    for hour, run_id in enumerate(["run-a1", "run-a2", "run-b1", "run-c1"]):
        _publish(data, deals=hour + 1, run_id=run_id, hour=hour)
    served, history = served_path(data).read_bytes(), _history(data)

    with pytest.raises(RollbackError) as unknown:
        rollback(data, "zzz")
    message = str(unknown.value)
    assert "no kept refresh has run id 'zzz'" in message
    assert all(f"run {run_id} (published" in message for run_id in ["run-a1", "run-a2", "run-b1"])

    with pytest.raises(RollbackError) as ambiguous:
        rollback(data, "run-a")
    message = str(ambiguous.value)
    assert "'run-a' is ambiguous: it matches 2 kept refreshes" in message
    assert "run run-a1 (published 2025-01-01 00:00:00 UTC)" in message
    assert "run run-a2 (published 2025-01-01 01:00:00 UTC)" in message
    assert "run-b1" not in message

    assert served_path(data).read_bytes() == served
    assert _history(data) == history


def test_nothing_to_roll_back_to_is_an_error(data: Path):
    with pytest.raises(RollbackError, match=r"nothing to roll back to: .* no refresh is kept"):
        rollback(data, None)
    _publish(data, deals=1, run_id="run-1", hour=1)
    with pytest.raises(RollbackError, match="nothing to roll back to"):
        rollback(data, None)
    assert _contents(served_path(data)) == (1, "run-1")


def _in_another_process(path: Path) -> tuple[int, str]:
    """What a BI tool (another process) opening the served file read-only sees now."""
    code = "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
    code += "print(c.execute('select count(*), any_value(run_id) from deals, refresh_info').fetchone())"
    completed = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    count, run_id = completed.stdout.strip().strip("()").split(", ")
    return int(count), run_id.strip("'")


def test_a_reader_keeps_its_snapshot_during_a_rollback_while_a_new_reader_sees_the_restored_one(data: Path):
    _publish(data, deals=3, run_id="run-1", hour=1)
    _publish(data, deals=5, run_id="run-2", hour=2)
    reader = duckdb.connect(str(served_path(data)), read_only=True)
    try:
        assert reader.execute("select count(*) from deals").fetchone()[0] == 5
        rollback(data, None)  # must not wait for, or disturb, the open reader
        assert reader.execute("select count(*) from deals").fetchone()[0] == 5
        assert reader.execute("select run_id from refresh_info").fetchone()[0] == "run-2"
        assert _in_another_process(served_path(data)) == (3, "run-1")
    finally:
        reader.close()


def _disk_gone(*_: object) -> None:
    raise OSError("disk gone")


def _publish_failing_at_the_swap(monkeypatch: pytest.MonkeyPatch, working: Path, served: Path) -> None:
    """A publish whose rename over the served file fails, after the replaced file was linked into the
    history."""
    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", _disk_gone)
        with pytest.raises(OSError, match="disk gone"):
            publish(working, served, ["deals"])


def test_a_failed_publish_leaves_the_served_file_and_the_history_as_they_were(
    data: Path, monkeypatch: pytest.MonkeyPatch
):
    _publish(data, deals=1, run_id="run-1", hour=1)
    working = _working(data.parent / "work.duckdb", 9)
    _publish_failing_at_the_swap(monkeypatch, working, served_path(data))
    assert not history_dir(served_path(data)).exists()  # the folder it made for the first kept file, too

    _publish(data, deals=2, run_id="run-2", hour=2)
    served, history = served_path(data).read_bytes(), _history(data)
    assert list(history) == [_kept_name(1, "run-1")]

    with pytest.raises(duckdb.CatalogException):  # the build fails
        publish(working, served_path(data), ["deals", "no_such_table"])
    _publish_failing_at_the_swap(monkeypatch, working, served_path(data))

    assert served_path(data).read_bytes() == served
    assert _history(data) == history
    assert sorted(p.name for p in data.iterdir()) == ["dealmap.duckdb", "served_history"]


def test_a_killed_publish_never_shows_a_kept_file_and_the_next_publish_cleans_up(data: Path):
    _publish(data, deals=1, run_id="run-1", hour=1)
    _publish(data, deals=2, run_id="run-2", hour=2)
    # Dies at the swap, as SIGKILL would, after linking the served file into the history.
    code = (
        "import os, sys; import warehouse.publish as p\n"
        "os.replace = lambda *a: os._exit(9)\n"
        "p.publish(sys.argv[1], sys.argv[2], ['deals'])\n"
    )
    working = _working(data.parent / "work.duckdb", 7)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    killed = subprocess.run([sys.executable, "-c", code, str(working), str(served_path(data))], env=env)

    assert killed.returncode == 9
    assert [k.run_id for k in list_served(data)] == ["run-1"]
    partials = [name for name in _history(data) if name.endswith(".partial")]
    assert len(partials) == 1

    report = _publish(data, deals=3, run_id="run-3", hour=3)

    assert report.history_removed == tuple(partials)
    assert list(_history(data)) == [_kept_name(1, "run-1"), _kept_name(2, "run-2")]


def test_a_stop_just_after_the_swap_still_keeps_the_replaced_file_under_its_name(
    data: Path, monkeypatch: pytest.MonkeyPatch
):
    # Ctrl-C landing between the rename and the kept file's naming left it a `.partial`: the next publish
    # removed it, and that refresh could no longer be rolled back to.
    _publish(data, deals=1, run_id="run-1", hour=1)
    real_fsync_dir, calls = publish_module._fsync_dir, []

    def interrupted_once(path: Path) -> None:
        calls.append(path)
        if len(calls) == 1:  # the first: right after the rename of the new file over the served one
            raise KeyboardInterrupt
        real_fsync_dir(path)

    monkeypatch.setattr(publish_module, "_fsync_dir", interrupted_once)
    with pytest.raises(KeyboardInterrupt):
        _publish(data, deals=2, run_id="run-2", hour=2)

    assert _contents(served_path(data)) == (2, "run-2")
    assert list(_history(data)) == [_kept_name(1, "run-1")]
    assert [k.run_id for k in list_served(data)] == ["run-1"]


def test_the_refresh_command_reads_whose_tables_the_served_file_holds(data: Path):
    from orchestration.refresh_command import _serves

    assert not _serves(served_path(data), "run-1")  # no served file yet
    _publish(data, deals=1, run_id="run-1", hour=1)
    assert _serves(served_path(data), "run-1")
    assert not _serves(served_path(data), "run-2")
    served_path(data).write_bytes(b"not a database")
    assert not _serves(served_path(data), "run-1")


def test_served_files_without_refresh_info_are_kept_as_unknown_runs_by_their_time(data: Path):
    for deals in (2, 3, 4):
        _publish(data, deals=deals, run_id=None)

    kept = list_served(data)
    assert [k.run_id for k in kept] == ["unknown", "unknown"]
    assert [_contents(k.path) for k in kept] == [(3, None), (2, None)]
    for refresh in kept:
        modified = datetime(1970, 1, 1) + timedelta(microseconds=refresh.path.stat().st_mtime_ns // 1000)
        assert refresh.published_at == modified

    assert rollback(data, None).restored == kept[0]
    assert _contents(served_path(data)) == (3, None)
    with pytest.raises(RollbackError, match="'unknown' is ambiguous: it matches 3 kept refreshes"):
        rollback(data, "unknown")
    rollback(data, kept[1].path.name)
    assert _contents(served_path(data)) == (2, None)
    assert len(list_served(data)) == 3  # the restored copies keep their time, so they are not kept twice


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m warehouse.rollback ARGS` in a new process on `data` (seconds: it imports dagster)."""
    environment = {k: v for k, v in os.environ.items() if k != SERVED_KEEP_ENV}
    environment |= {"DEALMAP_DATA_DIR": str(data), "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "warehouse.rollback", *args]
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=data)


def test_the_command_lists_what_is_kept_and_rolls_back(data: Path):
    _publish(data, deals=3, run_id="run-1", hour=1)
    _publish(data, deals=5, run_id="run-2", hour=2)

    listed = _cli(data, "--list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        f"served: {served_path(data)}",
        f"kept in {data / 'served_history'} (newest first; {SERVED_KEEP_ENV}=5):",
        f"  2025-01-01 01:00:00 UTC  run-1  {list_served(data)[0].bytes:,} bytes  {_kept_name(1, 'run-1')}",
    ]

    rolled = _cli(data)
    assert rolled.returncode == 0, rolled.stderr
    assert rolled.stdout.splitlines() == [
        f"rolled back: {served_path(data)} now serves run run-1 (published 2025-01-01 01:00:00 UTC)",
        "the refresh it replaced, run run-2 (published 2025-01-01 02:00:00 UTC), is kept: "
        "`python3 tasks.py rollback run-2` undoes this",
    ]
    assert _contents(served_path(data)) == (3, "run-1")


def test_the_command_marks_the_served_refresh_and_explains_errors(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """The same `main` the command runs, in this process (the subprocess runs are above)."""
    _publish(data, deals=3, run_id="run-1", hour=1)
    _publish(data, deals=5, run_id="run-2", hour=2)
    rollback(data, "run-1")
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(data))

    assert rollback_main(["--list"]) == 0
    sizes = {k.run_id: f"{k.bytes:,} bytes  {k.path.name}" for k in list_served(data)}
    assert capsys.readouterr().out.splitlines()[2:] == [
        f"  2025-01-01 02:00:00 UTC  run-2  {sizes['run-2']}",
        f"  2025-01-01 01:00:00 UTC  run-1  {sizes['run-1']}  <- served now",
    ]

    assert rollback_main(["nope"]) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err == (
        "rollback: no kept refresh has run id 'nope'; kept: run run-2 (published 2025-01-01 02:00:00 UTC); "
        "run run-1 (published 2025-01-01 01:00:00 UTC)\n"
    )

    assert rollback_main(["run-1"]) == 0
    assert capsys.readouterr().out == (
        f"{served_path(data)} already serves run run-1 (published 2025-01-01 01:00:00 UTC): nothing changed\n"
    )

    monkeypatch.setenv(SERVED_KEEP_ENV, "lots")
    assert rollback_main([]) == 1
    assert (
        f"rollback: {SERVED_KEEP_ENV}='lots' is not a number of served files to keep"
        in capsys.readouterr().err
    )
    with pytest.raises(SystemExit) as usage:
        rollback_main(["--list", "run-1"])
    assert usage.value.code == 2
    assert "--list takes no run id" in capsys.readouterr().err
    assert _contents(served_path(data)) == (3, "run-1")


def test_tasks_rollback_runs_the_module_with_the_arguments(monkeypatch: pytest.MonkeyPatch):
    commands: list[tuple[str, ...]] = []
    monkeypatch.setattr(tasks, "_run", lambda *args, env=None: commands.append(tuple(map(str, args))))
    tasks.COMMANDS["rollback"]({}, ["run-1"])
    assert commands == [(str(tasks._bin(tasks.VENV, "python")), "-m", "warehouse.rollback", "run-1")]
    assert "tasks.py rollback [RUN_ID | --list]" in tasks.__doc__


def test_a_kept_file_that_is_not_a_database_is_refused_and_nothing_changes(tmp_path: Path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    for hour, deals in enumerate((3, 5, 7)):
        _publish(data_dir, deals, f"run-{hour}", hour)
    served = data_dir / "dealmap.duckdb"
    before = served.read_bytes()
    junk = data_dir / "served_history" / "dealmap.20991231T000000.000000Z.junk.duckdb"
    junk.write_bytes(b"not a database")
    with pytest.raises(RollbackError, match=r"junk\.duckdb is not a readable dealmap database"):
        rollback(data_dir, "junk")
    assert served.read_bytes() == before
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".building")]


def test_a_kept_file_with_damaged_blocks_is_refused_and_nothing_changes(data: Path):
    # `count(*)` opened the file and read no data block: a kept file with damaged blocks was served, and
    # every query of its deals then failed on a checksum
    _publish(data, deals=400_000, run_id="run-1", hour=1)
    _publish(data, deals=3, run_id="run-2", hour=2)
    kept = history_dir(served_path(data)) / _kept_name(1, "run-1")
    with kept.open("r+b") as handle:
        handle.seek(kept.stat().st_size // 2)
        handle.write(os.urandom(256 * 1024))
    before = served_path(data).read_bytes()

    with pytest.raises(RollbackError, match=r"run-1\.duckdb is not a readable dealmap database: .*checksum"):
        rollback(data, "run-1")

    assert served_path(data).read_bytes() == before
    assert _contents(served_path(data)) == (3, "run-2")


def test_a_bare_rollback_after_rolling_back_and_refreshing_restores_what_was_served_last(tmp_path: Path):
    """Refreshes A, B, C; the user rolls back from C to B (C was bad), then a refresh publishes D: a bare
    rollback must bring back B, the refresh served just before D, not C, the newest by publish time."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    for hour, (deals, run_id) in enumerate(((3, "run-a"), (5, "run-b"), (7, "run-c"))):
        _publish(data_dir, deals, run_id, hour)
    rollback(data_dir, "run-b")
    assert _contents(served_path(data_dir)) == (5, "run-b")
    _publish(data_dir, 9, "run-d", 3)
    rollback(data_dir, None)
    assert _contents(served_path(data_dir)) == (5, "run-b")
    # The log is hidden: listing and pruning see only kept refreshes.
    assert [k.run_id for k in list_served(data_dir)] == ["run-d", "run-c", "run-b", "run-a"]
    log = served_order_path(served_path(data_dir)).read_text(encoding="utf-8").split()
    assert [name.split(".")[-2] for name in log] == ["run-a", "run-b", "run-c", "run-b", "run-d"]


def _leave_a_wal(served: Path) -> bytes:
    """A client opens the served file read-write (BI tools must not), deletes a row and dies before
    closing: its change stays in `dealmap.duckdb.wal`. Returns the log's bytes."""
    code = (
        "import duckdb, os, sys; c = duckdb.connect(sys.argv[1]); "
        "c.execute('delete from deals where amount_usd = 0'); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(served)], check=True)
    wal = Path(f"{served}.wal")
    assert wal.exists()
    return wal.read_bytes()


def test_a_clients_write_ahead_log_is_set_aside_not_replayed_onto_the_next_publish(data: Path):
    _publish(data, deals=3, run_id="run-1", hour=1)
    written = _leave_a_wal(served_path(data))

    report = _publish(data, deals=5, run_id="run-2", hour=2)

    assert _contents(served_path(data)) == (5, "run-2")  # the deleted row is not deleted here
    assert report.stale_wal is not None
    assert report.stale_wal.read_bytes() == written  # kept for the client, out of DuckDB's way
    assert not Path(f"{served_path(data)}.wal").exists()
    assert report.stale_wal.name.startswith("dealmap.duckdb.wal.set-aside-")


def test_a_rollback_sets_a_clients_write_ahead_log_aside_too(data: Path):
    _publish(data, deals=3, run_id="run-1", hour=1)
    _publish(data, deals=5, run_id="run-2", hour=2)
    _leave_a_wal(served_path(data))

    report = rollback(data, None)

    assert _contents(served_path(data)) == (3, "run-1")
    assert report.stale_wal is not None
    assert report.stale_wal.exists()
    assert not Path(f"{served_path(data)}.wal").exists()


def test_a_clients_own_deals_table_is_no_refresh_to_serve(data: Path):
    """A BI client that opened the served path read-write before the first publish left a file with a
    table of its own named `deals`: it is kept (as `unknown`), but never served again."""
    served_path(data).parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(served_path(data))) as client:
        client.execute("create table deals (x integer)")
        client.execute("insert into deals values (1)")
    _publish(data, deals=3, run_id="run-1", hour=1)
    (foreign,) = [p for p in history_dir(served_path(data)).iterdir() if ".unknown." in p.name]
    with pytest.raises(RollbackError, match=r"unknown\.duckdb is not a readable dealmap database: .*deal_id"):
        rollback(data, "unknown")
    assert _contents(served_path(data)) == (3, "run-1")
    assert foreign.exists()


def test_a_report_that_cannot_be_rebuilt_is_removed_and_said_so(data: Path, capsys, monkeypatch):
    """A kept file of an older release holds too little for the investment map: the page describing the
    refresh rolled away from is removed, and the rollback says so."""
    _publish(data, deals=3, run_id="run-1", hour=1)
    _publish(data, deals=5, run_id="run-2", hour=2)
    page = served_path(data).parent / "investment_map.html"
    page.write_text("<html>run-2</html>", encoding="utf-8")
    monkeypatch.setenv("DEALMAP_DATA_DIR", str(data))
    assert rollback_main(["run-1"]) == 0
    out = capsys.readouterr().out
    assert not page.exists()
    assert f"report: {page} removed: it could not be rebuilt from the restored file" in out
