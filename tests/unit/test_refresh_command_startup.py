"""What `python -m orchestration.refresh_command` sets up before its run: the collector back on, what it
imported frozen (never walked again by a full collection), and hypothesis kept out of the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import gc, runpy, sys
sys.argv = ["refresh_command", "--help"]
try:
    runpy.run_module("orchestration.refresh_command", run_name="__main__")
except SystemExit:
    pass
print(gc.isenabled(), gc.get_freeze_count(), "orchestration.definitions" in sys.modules,
      sys.modules.get("hypothesis", "absent"))
"""


def test_the_command_freezes_its_imports_and_collects_again() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    enabled, frozen, loaded, hypothesis = done.stdout.split()[-4:]
    assert enabled == "True"
    assert int(frozen) > 100_000  # Dagster, pandas, DuckDB and the code location's objects
    assert loaded == "True"
    assert hypothesis == "None"


def test_importing_the_module_leaves_the_collector_alone() -> None:
    probe = "import gc, orchestration.refresh_command; print(gc.isenabled(), gc.get_freeze_count())"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split()[-2:] == ["True", "0"]


def test_a_failed_run_on_a_nearly_full_disk_says_what_fills_it(tmp_path, monkeypatch):
    import shutil
    from collections import namedtuple

    from orchestration import refresh_command

    served = tmp_path / "dealmap.duckdb"
    served.write_bytes(b"x" * 1000)
    history = tmp_path / "served_history"
    history.mkdir()
    (history / "dealmap.20260101T000000.000000Z.run-1.duckdb").write_bytes(b"x" * (3 * 2**20))
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _: usage(100 * 2**20, 90 * 2**20, 10 * 2**20))
    hint = refresh_command.disk_hint(served)
    assert hint is not None
    assert hint.startswith(f"disk      10 MiB free in {tmp_path}: a refresh needs room")
    assert "served_history/ keeps 1 earlier served files (3.0 MiB; DEALMAP_SERVED_KEEP=5" in hint
    monkeypatch.setattr(shutil, "disk_usage", lambda _: usage(100 * 2**30, 1, 50 * 2**30))
    assert refresh_command.disk_hint(served) is None
