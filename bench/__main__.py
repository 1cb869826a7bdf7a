"""Run every benchmark: `python3 tasks.py bench [--rows N]` (or `python -m bench`)."""

from __future__ import annotations

import argparse

from bench import pipeline_throughput


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000, help="rows in the synthetic export")
    args = parser.parse_args()
    pipeline_throughput.run(args.rows)


if __name__ == "__main__":
    main()
