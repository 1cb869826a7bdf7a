#!/usr/bin/env python3
"""dealmap's commands. Needs only Python 3.11+ and pip on the machine.

The first run installs uv (pinned) into .tools/ and the locked dependencies (uv.lock) into .venv/; later
runs reuse them and only re-sync when the lock changes.

    python3 tasks.py refresh   full refresh on the sources in sources.toml -> data/dealmap.duckdb
                               (--partition SOURCE_ID: fetch only that source, then combine as usual)
    python3 tasks.py test      lint + format check + the test suite (what CI runs)
    python3 tasks.py ui        the Dagster UI (dagster dev) on http://127.0.0.1:3000
    python3 tasks.py bench     the benchmarks in bench/
    python3 tasks.py lint      ruff check, ruff format --check and sqlfluff on the mart SQL only
    python3 tasks.py accept-drop SOURCE_ID
                               let a held source drop to what its new version yields (see README)
    python3 tasks.py rollback [RUN_ID | --list]
                               serve an earlier refresh again (default: the previous one), atomically;
                               --list prints the refreshes kept in data/served_history (see README)
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
VENV = ROOT / ".venv"
UV_VERSION = "0.13.9"


def _bin(env: Path, name: str) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / name


def _run(*args: object, env: dict[str, str] | None = None) -> None:
    command = [str(a) for a in args]
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_environment() -> dict[str, str]:
    """Install uv and the locked dependencies if needed; return the environment to run tools in."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- runs under whatever python3 the machine has
        sys.exit(f"dealmap needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    uv = _bin(TOOLS, "uv")
    if not uv.exists():
        print(f"tasks.py: installing uv {UV_VERSION} into {TOOLS}", flush=True)
        venv.create(TOOLS, with_pip=True, clear=True)
        _run(_bin(TOOLS, "python"), "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}")
    env = dict(os.environ)
    # Use this Python; never download one (the machine may only reach package registries).
    env.update(UV_PYTHON_DOWNLOADS="never", UV_PROJECT_ENVIRONMENT=str(VENV), UV_NO_PROGRESS="1")
    _run(uv, "sync", "--locked", "--quiet", "--python", sys.executable, env=env)
    env.setdefault("DAGSTER_HOME", str(ROOT / ".dagster_home"))
    _ensure_dagster_home(Path(env["DAGSTER_HOME"]))
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = f"{_bin(VENV, '')}{os.pathsep}{env.get('PATH', '')}"
    return env


# One run at a time: every run writes the same working DuckDB file, which allows a single writer.
DAGSTER_YAML = """\
# Written by tasks.py for the local Dagster instance; edit freely.
concurrency:
  runs:
    max_concurrent_runs: 1
telemetry:
  enabled: false
"""


def _ensure_dagster_home(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")


def refresh(env: dict[str, str], extra: list[str]) -> None:
    # The `refresh` job (orchestration/jobs.py), so the run shows under it in the UI with the scheduled ones;
    # `dg launch` reads the project from pyproject.toml (`dagster job execute` is deprecated for it).
    # Every source in one run: the `sources` partitions are synced with sources.toml, then the run covers
    # their range (`--partition SOURCE_ID` instead refreshes one source and what follows it).
    if "--partition" not in extra:
        synced = subprocess.run(
            [_bin(VENV, "python"), "-m", "orchestration.source_partitions"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        if synced.returncode != 0:
            sys.exit(synced.stderr.strip())
        extra = ["--partition-range", synced.stdout.strip(), *extra]
    _run(_bin(VENV, "dg"), "launch", "--job", "refresh", *extra, env=env)
    _run(_bin(VENV, "python"), "-m", "warehouse.summary", env=env)


def lint(env: dict[str, str], extra: list[str]) -> None:
    _run(_bin(VENV, "ruff"), "check", ".", env=env)
    _run(_bin(VENV, "ruff"), "format", "--check", ".", env=env)
    # The marts' SQL (dialect and rules in pyproject.toml); the table DDL in warehouse/tables is not linted.
    _run(_bin(VENV, "sqlfluff"), "lint", "warehouse/marts", env=env)


def test(env: dict[str, str], extra: list[str]) -> None:
    lint(env, [])
    # One worker per core: the integration tests are many small whole-graph runs.
    _run(_bin(VENV, "pytest"), "-n", "auto", *extra, env=env)


def ui(env: dict[str, str], extra: list[str]) -> None:
    _run(_bin(VENV, "dagster"), "dev", *extra, env=env)


def bench(env: dict[str, str], extra: list[str]) -> None:
    _run(_bin(VENV, "python"), "-m", "bench", *extra, env=env)


def accept_drop(env: dict[str, str], extra: list[str]) -> None:
    _run(_bin(VENV, "python"), "-m", "warehouse.accept_drop", *extra, env=env)


def rollback(env: dict[str, str], extra: list[str]) -> None:
    _run(_bin(VENV, "python"), "-m", "warehouse.rollback", *extra, env=env)


COMMANDS = {
    "refresh": refresh,
    "test": test,
    "lint": lint,
    "ui": ui,
    "bench": bench,
    "accept-drop": accept_drop,
    "rollback": rollback,
}


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[argv[0]](ensure_environment(), argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
