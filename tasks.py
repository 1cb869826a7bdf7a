#!/usr/bin/env python3
"""dealmap's commands. Needs only Python 3.11+ and pip on the machine.

The first run installs uv (pinned) into .tools/ and the locked dependencies (uv.lock) into .venv/; later
runs reuse them and only re-sync when the lock changes. Ctrl-C or SIGTERM stops a command and every
process it started (the child runs in its own process group, which is signalled, then killed if it lingers).

    python3 tasks.py refresh [--verbose] [--partition SOURCE_ID]
                               full refresh on the sources in sources.toml -> data/dealmap.duckdb: one line
                               per stage with its counts; --verbose adds Dagster's DEBUG log; --partition
                               fetches and extracts only that source, then combines as usual
    python3 tasks.py replay    the stored documents parsed and combined again, nothing fetched (after an
                               edit of schemas/reference: what the reference_data_changed sensor runs)
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

import contextlib
import os
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
VENV = ROOT / ".venv"
UV_VERSION = "0.13.9"


def _bin(env: Path, name: str) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / name


# How long a stopped child may take to shut down (dagster dev waits up to 30 s for each of its services).
STOP_GRACE_S = 45.0
# SIGHUP too: a closed terminal must not leave the child (in a process group of its own) running.
STOP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))
POSIX = os.name == "posix"


def _run(*args: object, env: dict[str, str] | None = None) -> None:
    """Run a command to the end; exit with its status, or 128 + the signal that stopped tasks.py."""
    command = [str(a) for a in args]
    received: list[int] = []
    children: list[subprocess.Popen] = []

    def forward(signum: int, _frame: object) -> None:
        # To the child only: it stops its own children (dagster dev its services, a run its log tailers);
        # whatever of its group outlives it is stopped by _reap_group.
        received.append(signum)
        if children and children[0].poll() is None:
            children[0].send_signal(signal.SIGINT if signum == signal.SIGINT else signal.SIGTERM)

    # Handlers first: a signal that lands while the child starts is forwarded once it exists.
    previous = {s: signal.signal(s, forward) for s in STOP_SIGNALS}
    try:
        # Its own process group: the terminal's Ctrl-C reaches tasks.py only, which passes it on, and the
        # group names every process the child starts (dagster dev's webserver, daemon and code servers).
        children.append(subprocess.Popen(command, cwd=ROOT, env=env, process_group=0 if POSIX else None))
        if received:
            forward(received.pop(), None)
        returncode = _wait(children[0], received)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if received:
        if POSIX:
            _reap_group(children[0].pid)
        sys.exit(128 + received[0])
    if returncode != 0:
        # A child killed by a signal (Popen reports -N) exits the way a shell reports it: 128 + N.
        sys.exit(returncode if returncode > 0 else 128 - returncode)


def _wait(child: subprocess.Popen, received: list[int]) -> int:
    deadline = None
    while True:
        try:
            return child.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            if received and deadline is None:
                deadline = time.monotonic() + STOP_GRACE_S
            if deadline is not None and time.monotonic() > deadline:
                print(f"tasks.py: {child.args[0]} still runs {STOP_GRACE_S:.0f} s on; killing it", flush=True)
                if POSIX:
                    _signal_group(child.pid, signal.SIGKILL)
                child.kill()
                return child.wait()


def _signal_group(group: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group has ended already
        os.killpg(group, signum)


def _reap_group(group: int) -> None:
    """After the child exits, nothing of its group may linger: wait a little, ask, then kill what is left."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        deadline = time.monotonic() + 5.0
        while _group_alive(group):
            if time.monotonic() > deadline:
                _signal_group(group, signum)
                break
            time.sleep(0.1)
        else:
            return


def _group_alive(group: int) -> bool:
    proc = Path("/proc")
    if not proc.is_dir():  # not Linux: ask the kernel (zombies count)
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    # Linux: a live member of the group; zombies waiting for init to reap them have stopped already.
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


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
    # Bytecode compiled once at install (uv skips it by default, and where PYTHONDONTWRITEBYTECODE is set
    # Python never caches it either): otherwise every process, each refresh and each test's subprocess,
    # compiles Dagster, pandas and the rest from source again, about 4 s a process on a 2-core machine.
    # Later syncs only check it (about 0.5 s).
    env["UV_COMPILE_BYTECODE"] = "1"
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
    # A run of the `refresh` job (orchestration/jobs.py) in the instance of DAGSTER_HOME, so it shows under
    # the job in the UI with the scheduled ones; orchestration/refresh_command.py syncs the `sources`
    # partitions with sources.toml, runs every source (or `--partition SOURCE_ID`) in one run and prints
    # its progress.
    _run(_bin(VENV, "python"), "-m", "orchestration.refresh_command", *extra, env=env)


def replay(env: dict[str, str], extra: list[str]) -> None:
    # The `replay` job over every source, as the `reference_data_changed` sensor runs it: the stored
    # documents parsed and combined again, nothing fetched.
    _run(_bin(VENV, "python"), "-m", "orchestration.refresh_command", "--replay", *extra, env=env)


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
    "replay": replay,
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
