"""`python -m bench.extraction [--split dev|holdout|rw-dev|rw-holdout|invented] [--misses]
[--speed-passes N]`: print extraction precision/recall/F1 on the hand-written corpus (dev, holdout), the
real-world one (rw-dev, rw-holdout) or the set of invented news a helper wrote blind to the code (invented,
scored as the real-world splits are), and on the last two the extraction's speed.

rw-holdout is blind: its report and its `--misses` give aggregate figures and per-class counts only."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.extraction.evaluate import evaluate, format_report
from bench.extraction.realworld.manifest import REALWORLD
from bench.extraction.realworld.report import format_misses, format_realworld_report
from bench.extraction.realworld.scoring import SPEED_PASSES, evaluate_realworld

INVENTED = Path(__file__).resolve().parent / "invented"
"""The invented set's root: `invented/manifest.jsonl` and `texts/invented/`, in the real-world layout."""
REAL_WORLD = {
    "rw-dev": ("dev", REALWORLD),
    "rw-holdout": ("holdout", REALWORLD),
    "invented": ("invented", INVENTED),
}
BLIND = frozenset({"rw-holdout"})


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="dev", choices=["dev", "holdout", *REAL_WORLD])
    parser.add_argument("--misses", action="store_true", help="list every missed or spurious deal")
    parser.add_argument(
        "--speed-passes",
        type=int,
        default=SPEED_PASSES,
        help="timed cold passes over a real-world split, the first in this process, the others each in a "
        f"fresh one; the fastest is reported, with every pass's figure (default {SPEED_PASSES})",
    )
    args = parser.parse_args()
    if args.speed_passes < 1:
        parser.error("--speed-passes: at least 1 (the scoring's own pass)")
    if args.split in REAL_WORLD:
        split, root = REAL_WORLD[args.split]
        rw_report = evaluate_realworld(split, root, speed_passes=args.speed_passes)
        for line in format_realworld_report(rw_report):
            print(line)
        if args.misses:
            print()
            for line in format_misses(rw_report, blind=args.split in BLIND):
                print(line)
        return
    report = evaluate(args.split)
    for line in format_report(args.split, report):
        print(line)
    if args.misses:
        print(f"\n{len(report.misses)} misses:")
        for miss in report.misses:
            print(miss)


if __name__ == "__main__":
    main()
