"""Run every benchmark: `python3 tasks.py bench [--rows N]` (or `python -m bench`)."""

from __future__ import annotations

import argparse

from bench import pipeline_throughput, real_exports, robustness
from bench.extraction.evaluate import evaluate, format_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000, help="rows in the synthetic export")
    args = parser.parse_args()
    for split in ("dev", "holdout"):
        for line in format_report(split, evaluate(split)):
            print(line)
        print()
    pipeline_throughput.run(args.rows)
    print()
    real_exports.run()
    print()
    robustness.run()


if __name__ == "__main__":
    main()
