"""The stages of a refresh as a person names them, and the line of counts each prints when it finishes.

A stage is a few assets (`validate` is `valid_mentions` and `rejected_deals`); its line reads the
materialisation metadata those assets report in the run (`dagster/row_count`, `fetches`, `new_versions`,
...), summed over their materialisations (a partitioned asset reports once per partition). Metadata an
asset did not report reads as 0 or is left out: a line never breaks a run. Sizes in bytes are shown in
kB or MB (10^3, 10^6).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stage:
    """A stage of the refresh as a person names it, and the assets whose materialisations make it."""

    name: str
    assets: tuple[str, ...] = ()
    prefix: str | None = None  # every asset whose key starts with it (the marts)

    def owns(self, asset: str) -> bool:
        return asset in self.assets or (self.prefix is not None and asset.startswith(self.prefix))


STAGES = (
    Stage("fetch", ("documents",)),
    Stage("extract", ("extracted_mentions",)),
    Stage("combine", ("combined_mentions",)),
    Stage("normalise", ("normalized_mentions",)),
    Stage("validate", ("valid_mentions", "rejected_deals")),
    Stage("resolve", ("deals", "deal_sources")),
    Stage("investors", ("deal_investors",)),
    Stage("marts", prefix="mart_"),
    Stage("publish", ("dealmap_duckdb",)),
    Stage("report", ("investment_map",)),
)


def number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _count(n: int, noun: str) -> str:
    """`1 document`, `9 documents`."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


@dataclass
class Totals:
    """The metadata of every materialisation of one asset in the run, numbers summed (partitions add up)."""

    count: int = 0
    numbers: Counter = field(default_factory=Counter)
    tallies: Counter = field(default_factory=Counter)  # dict-valued metadata such as `fetches`, summed
    text: dict[str, str] = field(default_factory=dict)
    all_unchanged: bool = True

    def add(self, metadata: Mapping[str, object]) -> None:
        self.count += 1
        values = {key: getattr(value, "value", value) for key, value in metadata.items()}
        self.all_unchanged &= values.get("unchanged") is True
        for key, value in values.items():
            if isinstance(value, bool):
                continue
            if isinstance(value, int):
                self.numbers[key] += value
            elif isinstance(value, dict) and all(isinstance(v, int) for v in value.values()):
                self.tallies.update({f"{key}.{k}": v for k, v in value.items()})
            elif isinstance(value, str):
                self.text[key] = value

    def rows(self) -> int:
        return self.numbers["dagster/row_count"]

    def clause(self, template: str, *keys: str) -> str:
        """` (12 parsed, 3 reused)` when the asset reported every key (an unchanged stage reports fewer)."""
        if not all(key in self.numbers for key in keys):
            return ""
        return " " + template.format(*(number(self.numbers[key]) for key in keys))


def _fetch(t: Mapping[str, Totals]) -> str:
    docs = t["documents"]
    fetches = {k.split(".", 1)[1]: v for k, v in docs.tallies.items() if k.startswith("fetches.")}
    fetched = fetches.pop("ok", 0)
    unchanged = fetches.pop("unchanged", 0) + fetches.pop("not_modified", 0)
    failed = fetches.pop("error", 0)
    others = "".join(f", {number(v)} {k}" for k, v in sorted(fetches.items()))
    # One materialisation per source partition of the run.
    sources = f"{_count(docs.count, 'source')}: " if docs.count else ""
    counts = f"{number(unchanged)} unchanged, {number(failed)} failed{others}"
    versions = _count(docs.numbers["new_versions"], "new version")
    return f"{sources}{_count(fetched, 'document')} fetched, {counts}; {versions}"


def _extract(t: Mapping[str, Totals]) -> str:
    e = t["extracted_mentions"]
    parsed = e.clause("({} parsed, {} reused)", "documents_parsed", "documents_reused")
    return f"{_count(e.rows(), 'mention')} from {_count(e.numbers['documents'], 'document')}{parsed}"


def _combine(t: Mapping[str, Totals]) -> str:
    c = t["combined_mentions"]
    held = c.numbers["held_documents"]
    kept = f"; last good mentions kept for {_count(held, 'document')}" if held else ""
    return f"{_count(c.rows(), 'mention')} of every source in the working database{kept}"


def _normalise(t: Mapping[str, Totals]) -> str:
    n = t["normalized_mentions"]
    missing = n.tallies["amount_status.missing"]
    return f"{number(n.rows())} mentions, {number(missing)} without an amount"


def _validate(t: Mapping[str, Totals]) -> str:
    kept, quarantined = t["valid_mentions"], t["rejected_deals"]
    warned = kept.clause("({} with warnings)", "rows_with_warnings")
    return f"{number(kept.rows())} kept{warned}, {number(quarantined.rows())} quarantined"


def _resolve(t: Mapping[str, Totals]) -> str:
    deals, kept = t["deals"].rows(), t["valid_mentions"].rows() if "valid_mentions" in t else None
    merged = f", {number(kept - deals)} merged into others" if kept is not None else ""
    return f"{number(deals)} deals from {number(t['deal_sources'].rows())} mentions{merged}"


def _marts(t: Mapping[str, Totals], stage: Stage) -> str:
    marts = {key: totals for key, totals in t.items() if stage.owns(key)}
    rows = sum(totals.rows() for totals in marts.values())
    return f"{len(marts)} marts, {number(rows)} rows"


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"


def _file(t: Mapping[str, Totals], asset: str) -> str:
    f = t[asset]
    size = f.numbers["bytes"]
    return f"{f.text.get('path', asset)} ({_size(size)})" if size else f.text.get("path", asset)


def _generic(t: Mapping[str, Totals], asset: str) -> str:
    totals = t[asset]
    return f"{number(totals.rows())} rows" if "dagster/row_count" in totals.numbers else "materialised"


def stage_text(stage: Stage, totals: Mapping[str, Totals]) -> str:
    """The counts of a finished stage (missing metadata reads as 0: the line never breaks a run)."""
    known = {
        "fetch": _fetch,
        "extract": _extract,
        "combine": _combine,
        "normalise": _normalise,
        "validate": _validate,
        "resolve": _resolve,
        "investors": lambda t: f"{number(t['deal_investors'].rows())} deal–investor rows",
        "marts": lambda t: _marts(t, stage),
        "publish": lambda t: _file(t, "dealmap_duckdb"),
        "report": lambda t: _file(t, "investment_map"),
    }
    safe = defaultdict(Totals, totals)
    if stage.name in known:
        return known[stage.name](safe)
    return _generic(safe, stage.assets[0])
