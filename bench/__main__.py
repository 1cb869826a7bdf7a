"""Run every benchmark: `python3 tasks.py bench [--rows N] [--scale-rows N ...]` (or `python -m bench`)."""

from __future__ import annotations

import argparse

from bench import (
    export_scale,
    fetch_budget,
    fused_bound,
    many_sources,
    pipeline_throughput,
    real_exports,
    robustness,
)
from bench.extraction.evaluate import evaluate, format_report
from bench.extraction.realworld.report import format_realworld_report
from bench.extraction.realworld.scoring import SPEED_PASSES, evaluate_realworld


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000, help="rows in the synthetic export")
    parser.add_argument(
        "--scale-rows", type=int, nargs="+", default=[10_000, 100_000],
        help="export sizes refreshed through the Dagster CLI (add 1000000 for the full-size run)",
    )  # fmt: skip
    args = parser.parse_args()
    for split in ("dev", "holdout"):
        for line in format_report(split, evaluate(split)):
            print(line)
        print()
    # Real-world writing (texts rebuilt from bench/extraction/realworld): aggregate figures only, so the
    # blind holdout stays blind here too.
    for split in ("dev", "holdout"):
        for line in format_realworld_report(evaluate_realworld(split, speed_passes=SPEED_PASSES)):
            print(line)
        print()
    pipeline_throughput.run(args.rows)
    print()
    export_scale.main(["--rows", *map(str, args.scale_rows)])
    print()
    many_sources.main([])
    print()
    fused_bound.main([])
    print()
    real_exports.run()
    print()
    fetch_budget.run()
    print()
    robustness.run()


if __name__ == "__main__":
    main()
