"""How far two labellings of the same texts agree: the ceiling any extractor is measured under.

`python -m bench.extraction.realworld.agreement <split> <second-labelling.jsonl> [--show]`

The second labelling is a manifest of the same form (README: "Manifest format"), made by a labeller who
never saw the committed labels, for some or all of the split's texts. Its deals are scored against the
committed ones exactly as the extractor's are, with the committed labels as the truth: a deal agrees when
company (name key), amount (within 2%, both in the label's own currency, or both undisclosed) and round type
agree; "company+amount" ignores the round and "no stage as one" counts `venture` and `unknown` as one.
The figures are a ceiling, not a target: where two careful readers of the same rules differ, an extractor
that matches one of them is scored wrong by the other.

`--show` lists each disagreement with both labels (never for the holdout, whose labels nobody tuning reads).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assets.normalize.mentions import References
from bench.extraction.evaluate import Score, amounts_close, match
from bench.extraction.realworld.manifest import REALWORLD, ManifestText, gold_deals, load_manifest
from bench.extraction.realworld.scoring import count_pair, same_round

SPLITS = ("dev", "holdout")


def labels_amount_equal(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """Two labels' amounts agree: within 2% in their own currency when both name the same one, else in
    US dollars; both undisclosed agree."""
    a, b = first["money"], second["money"]
    if a["amount_usd"] is None or b["amount_usd"] is None:
        return a["amount_usd"] is None and b["amount_usd"] is None
    if a["currency"] == b["currency"]:
        return amounts_close(int(a["amount_usd"]), int(b["amount_usd"]))
    return amounts_close(first["amount_usd"], second["amount_usd"])


@dataclass
class Agreement:
    """Counts of one comparison, the committed labels taken as the truth."""

    texts: int = 0
    committed: int = 0
    second: int = 0
    deals: Score = field(default_factory=Score)
    company_amount: Score = field(default_factory=Score)
    stage_unstated: Score = field(default_factory=Score)
    disagreements: list[tuple[str, dict | None, dict | None]] = field(default_factory=list)


def compare(committed: list[ManifestText], second: list[ManifestText], refs: References) -> Agreement:
    """Score `second`'s deals against `committed`'s, over the texts both label."""
    by_id = {text.id: text for text in second}
    result = Agreement()
    for text in committed:
        other = by_id.get(text.id)
        if other is None:
            continue
        result.texts += 1
        firsts, seconds = gold_deals(text, refs.names), gold_deals(other, refs.names)
        result.committed += len(firsts)
        result.second += len(seconds)
        for first, then in match(firsts, seconds, labels_amount_equal):
            money = first is not None and then is not None and labels_amount_equal(first, then)
            agree = money and first["round_type"] == then["round_type"]  # type: ignore[index]
            count_pair(result.deals, first, then, agree)
            count_pair(result.company_amount, first, then, money)
            count_pair(result.stage_unstated, first, then, money and same_round(first, then))  # type: ignore[arg-type]
            if not agree:
                result.disagreements.append((text.id, first, then))
    return result


def _line(name: str, score: Score) -> str:
    return (
        f"  {name:<24} precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}"
        f"  (agree {score.tp}, second only {score.fp}, committed only {score.fn})"
    )


def _label(deal: dict[str, Any] | None) -> str:
    if deal is None:
        return "-"
    money = deal["money"]
    return f"{deal['company']} {deal['round_type']} {money['amount_usd']} {money['currency']}"


def format_agreement(split: str, result: Agreement, show: bool) -> Iterator[str]:
    yield (
        f"label agreement on {split}: {result.texts} texts labelled twice, {result.committed} committed "
        f"deals, {result.second} in the second labelling (the committed labels as the truth)"
    )
    yield _line("deal", result.deals)
    yield _line("deal (company+amount)", result.company_amount)
    yield _line("deal (no stage as one)", result.stage_unstated)
    if show:
        for text_id, first, then in result.disagreements:
            yield f"  {text_id}: committed {_label(first)} | second {_label(then)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=SPLITS)
    parser.add_argument("second", type=Path, help="the second labelling: a manifest of the same form")
    parser.add_argument("--show", action="store_true", help="list the disagreements (dev only)")
    args = parser.parse_args(argv)
    if args.show and args.split == "holdout":
        print("the holdout's labels are not shown: run without --show", file=sys.stderr)
        return 2
    try:
        second = load_manifest(args.second)
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as error:
        print(f"cannot read the second labelling {args.second}: {error}", file=sys.stderr)
        return 2
    committed = load_manifest(REALWORLD / args.split / "manifest.jsonl")
    result = compare(committed, second, References.of())
    if not result.texts:
        print(f"the second labelling shares no text id with {args.split}", file=sys.stderr)
        return 2
    for line in format_agreement(args.split, result, args.show):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
