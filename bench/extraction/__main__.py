"""`python -m bench.extraction [--split dev|holdout] [--misses]`: print extraction precision/recall/F1."""

from __future__ import annotations

import argparse

from bench.extraction.evaluate import evaluate, format_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", choices=["dev", "holdout"])
    parser.add_argument("--misses", action="store_true", help="list every missed or spurious deal")
    args = parser.parse_args()
    report = evaluate(args.split)
    for line in format_report(args.split, report):
        print(line)
    if args.misses:
        print(f"\n{len(report.misses)} misses:")
        for miss in report.misses:
            print(miss)


if __name__ == "__main__":
    main()
