"""Print a real-world report: aggregate figures (safe for the blind holdout) and the misses by class."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from bench.extraction.evaluate import summarize_deal
from bench.extraction.realworld.diagnosis import UNREAD
from bench.extraction.realworld.miss_classes import CLASSES
from bench.extraction.realworld.scoring import LOST_AT, UNSEEN, RealWorldReport


def _rate(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.3f})" if whole else f"{part} of 0"


def format_realworld_report(report: RealWorldReport) -> Iterator[str]:
    """Aggregate figures only (safe for the blind holdout)."""
    saved = report.saved
    yield (
        f"extraction quality on {report.split}: {report.texts_scored} of {saved.total} texts scored, "
        f"{report.labelled_deals} labelled deals ({report.reported} reported)"
    )
    yield from (f"  ! {line}" for line in saved.problems())
    if report.errors:
        yield f"  ! {len(report.errors)} texts failed to parse (not scored)"
    yield f"  {'field':<24}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines = [
        ("deal", report.deals),
        ("deal (company+amount)", report.deals_company_amount),
        ("deal (no stage as one)", report.deals_stage_unstated),
    ]
    for name, score in [*lines, *report.fields.items()]:
        yield (
            f"  {name:<24}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}"
            f"{score.tp:>6}{score.fp:>6}{score.fn:>6}"
        )
    yield (
        f"  reported deals found: deal {_rate(report.reported_right, report.reported)}, "
        f"company+amount {_rate(report.reported_company_amount, report.reported)}; status (announced or "
        f"reported) right on {_rate(report.status_right, report.status_scored)} deals right on company+amount"
    )
    yield (
        "  announced date in the labelled month/quarter/year: "
        f"{_rate(report.dated_right, report.dated)} deals right on company+amount with a labelled date"
    )
    yield (
        "  labelled deals with a mention right on company+amount before validation: "
        f"{_rate(report.mentioned, report.labelled_deals)}"
    )
    yield (
        "  missed deals whose amount is published under a shorter or longer form of their name (each also "
        f"a false deal): {report.other_name_form}"
    )
    rules = ", ".join(f"{rule} {n}" for rule, n in report.quarantined.most_common()) or "none"
    quarantined = f"{report.quarantined_mentions} quarantined (by rule: {rules})"
    yield f"  mentions: {report.mentions} extracted, {quarantined}"
    yield from _speed(report)


def _speed(report: RealWorldReport) -> Iterator[str]:
    if not report.texts_scored or report.extract_seconds <= 0:
        return
    per_second = report.texts_scored / report.extract_seconds
    floor = report.extract_seconds / report.floor_seconds if report.floor_seconds > 0 else float("inf")
    passes = report.pass_seconds or [report.extract_seconds]
    each = ", ".join(f"{report.texts_scored / seconds:.0f}" for seconds in passes)
    best = (
        f"the fastest of {len(passes)} cold passes ({each} texts/s)" if len(passes) > 1 else "one cold pass"
    )
    yield (
        f"  speed: extract_document {report.extract_seconds:.2f} s for {report.texts_scored} texts "
        f"({report.text_chars / 1000:.0f} k characters): {per_second:.1f} texts/s on one core, "
        f"{floor:.1f}x the floor (read, decode, split sentences: {report.floor_seconds:.3f} s); {best}"
    )


def format_misses(report: RealWorldReport, blind: bool) -> Iterator[str]:
    """Per-class counts; unless `blind`, then every miss with its text id, label, prediction and evidence."""
    counts = report.class_counts()
    quarantined = Counter(rule for miss in report.misses for rule in miss.quarantined)
    yield f"misses by class on {report.split} (missed = labelled deal not right; false = unlabelled deal)"
    yield f"  {'class':<24}{'missed':>8}{'false':>8}"
    for name in CLASSES:
        yield f"  {name:<24}{counts[name]['missed']:>8}{counts[name]['false']:>8}"
    total_missed = sum(c["missed"] for c in counts.values())
    total_false = sum(c["false"] for c in counts.values())
    yield f"  {'total':<24}{total_missed:>8}{total_false:>8}"
    with_rule = sum(1 for miss in report.misses if miss.quarantined)
    rules = ", ".join(f"{rule} {n}" for rule, n in quarantined.most_common()) or "none"
    yield f"  missed deals whose company had a quarantined mention: {with_rule} (rules: {rules})"
    yield from _by_language(report)
    yield from _lost_at(report)
    if blind:
        return
    for error in report.errors:
        yield f"  error: {error}"
    for miss in report.misses:
        yield f"\n[{miss.kind} {miss.miss_class}] {miss.text_id}"
        yield f"    label: {_label(miss.gold)}"
        yield f"    found: {summarize_deal(miss.found)}"
        if miss.quarantined:
            yield f"    quarantined mention: {', '.join(miss.quarantined)}"
        if miss.kind == "missed":
            yield f"    lost at: {miss.stage}" + (f" ({miss.unread})" if miss.unread else "")
        yield f"    {'span' if miss.kind == 'missed' else 'snippet'}: {miss.evidence}"


def _label(gold: dict[str, Any] | None) -> str:
    """The label as the scorer compares it, plus what the manifest wrote when that differs (money, status)."""
    text = summarize_deal(gold)
    if gold is None:
        return text
    money = gold["money"]
    if money["currency"] not in (None, "USD"):
        text += f" [{money['amount_usd']} {money['currency']}, valuation {money['valuation_usd']}]"
    if gold["floor"]:
        text += " (floor)"
    if gold["status"] == "reported":
        text += " (reported)"
    if gold["announced_date"] is not None:
        text += f" precision={gold['date_precision']}"
    return text


def _by_language(report: RealWorldReport) -> Iterator[str]:
    """Labelled deals got right, missed, and false deals, by the language and by the style of their text
    (counts only)."""
    for title, groups in (("language", report.by_language), ("style", report.by_style)):
        heading = f"by {title} of the text:"
        yield f"  {heading:<26}{'texts':>6}{'labelled':>10}{'right':>7}{'missed':>8}{'false':>7}"
        for name, counts in sorted(groups.items(), key=lambda item: -item[1]["texts"]):
            yield (
                f"    {name:<24}{counts['texts']:>6}{counts['labelled']:>10}{counts['right']:>7}"
                f"{counts['missed']:>8}{counts['false']:>7}"
            )


def _lost_at(report: RealWorldReport) -> Iterator[str]:
    """Missed deals by the stage where they were lost (counts only)."""
    stages = Counter(miss.stage for miss in report.misses if miss.kind == "missed")
    yield "  missed deals by where they were lost:"
    for stage, meaning in LOST_AT.items():
        yield f"    {stages[stage]:>4}  {stage}: {meaning}"
    steps = Counter(miss.unread for miss in report.misses if miss.kind == "missed" and miss.unread)
    yield f"  of those lost before any mention ({UNSEEN}), the first reading step that failed:"
    for step, meaning in UNREAD.items():
        yield f"    {steps[step]:>4}  {step}: {meaning}"
    yield from _lost_by_style(report)


# Short headings for the style table: the stages of LOST_AT, a deal lost before any mention by the reading
# step that failed (UNREAD).
_HEADINGS = {"round": "round", "amount": "amount", "validation or resolution": "resolved",
             "company": "company", "amount only": "no amount", UNSEEN: "unread",
             "no amount labelled": "undiscl.", "amount not read": "amt unread",
             "read as another figure": "other fig", "no clause keeps it": "no clause",
             "no deal words": "no words", "refers back": "refers", "no company": "no company",
             "another amount taken": "other amt", "lost in the document": "doc lost"}  # fmt: skip


def _lost_by_style(report: RealWorldReport) -> Iterator[str]:
    """Missed deals by the style of their text and where they were lost; a deal lost before any mention
    by the reading step that failed (counts only)."""
    missed = [miss for miss in report.misses if miss.kind == "missed"]
    if not missed:
        return
    counts = Counter((miss.style, miss.unread or miss.stage) for miss in missed)
    columns = [c for c in _HEADINGS if any(where == c for _, where in counts)]
    yield "  missed deals by style of the text and where lost (before any mention: the step that failed):"
    yield f"    {'style':<12}" + "".join(f"{_HEADINGS[c]:>11}" for c in columns)
    for style, _ in Counter(miss.style for miss in missed).most_common():
        yield f"    {style:<12}" + "".join(f"{counts[(style, c)]:>11}" for c in columns)
