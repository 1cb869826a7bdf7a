"""A refresh of many small sources: what each source adds to a refresh, first and unchanged.

`python -m bench.many_sources [--sources 1 100 400]`

For each count N: N table sources of one deal row each (a registry of many small feeds or files costs what
one large export does not: a file written, read and loaded per source), refreshed as `tasks.py refresh`
runs it, then again with nothing changed. Printed: seconds, and the milliseconds each source adds over
the one-source refresh measured in the same run; the floor is Dagster alone (three trivial assets through
its CLI, `bench.export_scale.dagster_floor`).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench.export_scale import REFRESH, REPO, _measured, dagster_floor


def _write_sources(folder: Path, count: int) -> Path:
    """`count` one-row CSV exports and their registry; the registry's path."""
    exports = folder / "exports"
    exports.mkdir(parents=True)
    entries = []
    for number in range(count):
        export = exports / f"export-{number}.csv"
        export.write_text(
            "company,round_type,amount,currency,announced_date\n"
            f"Company {number},Seed,{1_000_000 + number},USD,2026-03-{1 + number % 28:02d}\n",
            encoding="utf-8",
        )
        entries.append(f'[[source]]\nid = "src-{number}"\nkind = "table"\nurl = "{export.as_uri()}"\n')
    registry = folder / "sources.toml"
    registry.write_text("\n".join(entries), encoding="utf-8")
    return registry


def run_count(count: int, scratch: Path) -> dict[str, float | int]:
    folder = scratch / f"sources-{count}"
    registry = _write_sources(folder, count)
    home = folder / "dagster_home"
    home.mkdir()
    env = os.environ | {
        "DEALMAP_SOURCES": str(registry),
        "DEALMAP_DATA_DIR": str(folder / "data"),
        "DAGSTER_HOME": str(home),
        "PYTHONPATH": str(REPO),
    }
    first, peak, _ = _measured(REFRESH, env, REPO)
    second, _, _ = _measured(REFRESH, env, REPO)
    return {"sources": count, "seconds": first, "second_seconds": second, "peak_mib": peak}


def report(results: list[dict[str, float | int]], floor: float) -> None:
    print(f"many_sources: one-row table sources through the Dagster CLI (Dagster alone {floor:.1f} s)")
    print(f"  {'sources':>8}{'seconds':>9}{'ms/source':>11}{'x floor':>9}{'2nd run s':>11}{'ms/source':>11}"
          f"{'peak MiB':>10}")  # fmt: skip
    base = next((r for r in results if r["sources"] == 1), None)
    for r in results:
        extra = (r["sources"] - 1) or 1
        per = (r["seconds"] - base["seconds"]) / extra * 1000 if base and r is not base else float("nan")
        per2 = (
            (r["second_seconds"] - base["second_seconds"]) / extra * 1000
            if base and r is not base
            else float("nan")
        )
        print(f"  {r['sources']:>8,}{r['seconds']:>9.1f}{per:>11.1f}{r['seconds'] / floor:>9.2f}"
              f"{r['second_seconds']:>11.1f}{per2:>11.1f}{r['peak_mib']:>10,.0f}")  # fmt: skip
    print("  (ms/source: what each source adds over the one-source refresh of the same run)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, nargs="*", default=[1, 100, 400])
    args = parser.parse_args(argv)
    counts = sorted(set(args.sources) | {1})
    with tempfile.TemporaryDirectory(prefix="dealmap-many-sources-") as scratch:
        floor_home = Path(scratch) / "floor_home"
        floor_home.mkdir()
        floor = dagster_floor(Path(scratch), os.environ | {"DAGSTER_HOME": str(floor_home)})
        results = [run_count(count, Path(scratch)) for count in counts]
    report(results, floor)


if __name__ == "__main__":
    main()
