"""Run every benchmark: `python3 tasks.py bench [--rows N]` (or `python -m bench`)."""

from __future__ import annotations

import argparse

from bench import fetch_budget, pipeline_throughput, real_exports, robustness
from bench.extraction.evaluate import evaluate, format_report
from bench.extraction.realworld.report import format_realworld_report
from bench.extraction.realworld.scoring import evaluate_realworld


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000, help="rows in the synthetic export")
    args = parser.parse_args()
    for split in ("dev", "holdout"):
        for line in format_report(split, evaluate(split)):
            print(line)
        print()
    # Real-world writing (texts rebuilt from bench/extraction/realworld): aggregate figures only, so the
    # blind holdout stays blind here too.
    for split in ("dev", "holdout"):
        for line in format_realworld_report(evaluate_realworld(split)):
            print(line)
        print()
    pipeline_throughput.run(args.rows)
    print()
    real_exports.run()
    print()
    fetch_budget.run()
    print()
    robustness.run()


if __name__ == "__main__":
    main()
