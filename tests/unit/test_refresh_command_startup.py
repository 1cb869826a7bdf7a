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
