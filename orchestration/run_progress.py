"""What a person reads while a run goes: one line per stage with its counts, failures in full, a bar.

`RunProgress` reads a run's event log entries (the records Dagster stores for the run, as the UI shows
them) and turns them into lines: a stage's line is printed once every asset it plans is materialised,
a failing step or check is printed when it happens, and `finish` prints what never ran. Counts come
from the materialisation metadata each asset reports (`dagster/row_count`, `fetches`, ...); an asset no
stage names gets a line of its own. Durations are seconds of wall time from a stage's first step start
to its last step end.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dagster import DagsterEventType, EventLogEntry

BAR_WIDTH = 24
_PROJECT = str(Path(__file__).resolve().parent.parent)


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
    Stage("normalise", ("normalized_mentions",)),
    Stage("validate", ("valid_mentions", "rejected_deals")),
    Stage("resolve", ("deals", "deal_sources")),
    Stage("investors", ("deal_investors",)),
    Stage("marts", prefix="mart_"),
    Stage("publish", ("dealmap_duckdb",)),
    Stage("report", ("investment_map",)),
)


def _n(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


@dataclass
class _Totals:
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
        return " " + template.format(*(_n(self.numbers[key]) for key in keys))


def _fetch(t: Mapping[str, _Totals]) -> str:
    docs = t["documents"]
    fetches = {k.split(".", 1)[1]: v for k, v in docs.tallies.items() if k.startswith("fetches.")}
    fetched = fetches.pop("ok", 0)
    unchanged = fetches.pop("unchanged", 0) + fetches.pop("not_modified", 0)
    failed = fetches.pop("error", 0)
    others = "".join(f", {_n(v)} {k}" for k, v in sorted(fetches.items()))
    sources = f"{_n(docs.numbers['sources'])} sources: " if "sources" in docs.numbers else ""
    return (
        f"{sources}{_n(fetched)} documents fetched, {_n(unchanged)} unchanged, {_n(failed)} failed{others}; "
        f"{_n(docs.numbers['new_versions'])} new versions"
    )


def _extract(t: Mapping[str, _Totals]) -> str:
    e = t["extracted_mentions"]
    parsed = e.clause("({} parsed, {} reused)", "documents_parsed", "documents_reused")
    return f"{_n(e.rows())} mentions from {_n(e.numbers['documents'])} documents{parsed}"


def _normalise(t: Mapping[str, _Totals]) -> str:
    n = t["normalized_mentions"]
    missing = n.tallies["amount_status.missing"]
    return f"{_n(n.rows())} mentions, {_n(missing)} without an amount"


def _validate(t: Mapping[str, _Totals]) -> str:
    kept, quarantined = t["valid_mentions"], t["rejected_deals"]
    warned = kept.clause("({} with warnings)", "rows_with_warnings")
    return f"{_n(kept.rows())} kept{warned}, {_n(quarantined.rows())} quarantined"


def _resolve(t: Mapping[str, _Totals]) -> str:
    deals, kept = t["deals"].rows(), t["valid_mentions"].rows() if "valid_mentions" in t else None
    merged = f", {_n(kept - deals)} merged into others" if kept is not None else ""
    return f"{_n(deals)} deals from {_n(t['deal_sources'].rows())} mentions{merged}"


def _marts(t: Mapping[str, _Totals], stage: Stage) -> str:
    marts = {key: totals for key, totals in t.items() if stage.owns(key)}
    rows = sum(totals.rows() for totals in marts.values())
    return f"{len(marts)} marts, {_n(rows)} rows"


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"


def _file(t: Mapping[str, _Totals], asset: str) -> str:
    f = t[asset]
    size = f.numbers["bytes"]
    return f"{f.text.get('path', asset)} ({_size(size)})" if size else f.text.get("path", asset)


def _generic(t: Mapping[str, _Totals], asset: str) -> str:
    totals = t[asset]
    return f"{_n(totals.rows())} rows" if "dagster/row_count" in totals.numbers else "materialised"


def stage_text(stage: Stage, totals: Mapping[str, _Totals]) -> str:
    """The counts of a finished stage (missing metadata reads as 0: the line never breaks a run)."""
    known = {
        "fetch": _fetch,
        "extract": _extract,
        "normalise": _normalise,
        "validate": _validate,
        "resolve": _resolve,
        "investors": lambda t: f"{_n(t['deal_investors'].rows())} deal–investor rows",
        "marts": lambda t: _marts(t, stage),
        "publish": lambda t: _file(t, "dealmap_duckdb"),
        "report": lambda t: _file(t, "investment_map"),
    }
    safe = defaultdict(_Totals, totals)
    if stage.name in known:
        return known[stage.name](safe)
    return _generic(safe, stage.assets[0])


def _check_details(evaluation: object) -> str:
    description = getattr(evaluation, "description", None)
    if description:
        return description
    scalars = [
        f"{key} {value.value}"
        for key, value in evaluation.metadata.items()
        if isinstance(value.value, int | str) and len(str(value.value)) <= 60 and "\n" not in str(value.value)
    ]
    return ", ".join(scalars[:4])


def error_lines(error: object, indent: str = "    ", frames: int = 8) -> list[str]:
    """A Dagster error and its causes, then where the project's code raised it: what a person acts on.

    Dagster wraps a step's exception in its own error; the stack shown is the first cause's, only its
    frames in the project's own files (not Dagster's or the libraries'), the last `frames` of them.
    """
    chain = []
    while error is not None:
        chain.append(error)
        error = error.cause or error.context
    lines = [f"{indent}{line}" for e in chain for line in e.message.rstrip().splitlines()]
    user = next((e for e in chain if not e.cls_name or not e.cls_name.startswith("Dagster")), chain[-1])
    own = [frame for frame in user.stack if _PROJECT in frame and "site-packages" not in frame]
    lines += [f"{indent}{line}" for frame in own[-frames:] for line in frame.rstrip().splitlines()]
    return lines


def _interruption(error: object) -> bool:
    """Whether a run or step ended because it was interrupted (SIGINT, or SIGTERM turned into it)."""
    while error is not None:
        if error.cls_name in ("KeyboardInterrupt", "DagsterExecutionInterruptedError"):
            return True
        error = error.cause or error.context
    return False


class RunProgress:
    """The readable story of one run, fed its event log entries in order."""

    def __init__(self, stages: Iterable[Stage] = STAGES) -> None:
        self.stages = list(stages)
        self.planned: set[str] = set()
        self.planned_checks = 0
        self.totals: dict[str, _Totals] = {}
        self.checks: Counter = Counter()
        self.step_starts: dict[str, float] = {}
        self.step_ends: dict[str, float] = {}
        self.asset_steps: dict[str, set[str]] = defaultdict(set)
        self.running: dict[str, float] = {}
        self.printed: set[str] = set()
        self.failed = False
        self.failed_steps: list[str] = []
        self.interrupted = False
        self.started_at: float | None = None
        self.ended_at: float | None = None

    def _stage_of(self, asset: str) -> Stage:
        for stage in self.stages:
            if stage.owns(asset):
                return stage
        stage = Stage(asset, (asset,))
        self.stages.append(stage)
        return stage

    def feed(self, entry: EventLogEntry) -> list[str]:
        """The lines this entry completes (often none)."""
        event = entry.dagster_event
        if event is None:
            return []
        kind, step = event.event_type, event.step_key
        if kind == DagsterEventType.RUN_START:
            self.started_at = entry.timestamp
        elif kind == DagsterEventType.ASSET_MATERIALIZATION_PLANNED:
            self.planned.add(event.asset_key.to_user_string())
            self._stage_of(event.asset_key.to_user_string())
        elif kind == DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED:
            self.planned_checks += 1
        elif kind == DagsterEventType.STEP_START:
            self.step_starts[step] = self.running[step] = entry.timestamp
        elif kind == DagsterEventType.ASSET_MATERIALIZATION:
            materialization = event.step_materialization_data.materialization
            asset = materialization.asset_key.to_user_string()
            self.totals.setdefault(asset, _Totals()).add(materialization.metadata)
            self.asset_steps[asset].add(step)
        elif kind == DagsterEventType.ASSET_CHECK_EVALUATION:
            return self._check(event.asset_check_evaluation_data)
        elif kind == DagsterEventType.STEP_SUCCESS:
            self.step_ends[step] = entry.timestamp
            self.running.pop(step, None)
            return self._finished_stages()
        elif kind == DagsterEventType.STEP_FAILURE:
            self.failed = True
            self.failed_steps.append(step)
            self.step_ends[step] = entry.timestamp
            self.running.pop(step, None)
            error = event.step_failure_data.error
            if _interruption(error):
                self.interrupted = True
                return [f"STOPPED   step {step}: interrupted (Ctrl-C or SIGTERM)"]
            return [f"FAILED    step {step}:", *error_lines(error)]
        elif kind == DagsterEventType.ENGINE_EVENT and getattr(event.engine_event_data, "error", None):
            self.failed = True
            return [f"FAILED    {event.message}", *error_lines(event.engine_event_data.error)]
        elif kind in (DagsterEventType.RUN_SUCCESS, DagsterEventType.RUN_FAILURE):
            self.ended_at = entry.timestamp
            self.failed |= kind == DagsterEventType.RUN_FAILURE
            error = event.job_failure_data.error if kind == DagsterEventType.RUN_FAILURE else None
            if _interruption(error):  # between steps, or while resources were set up
                self.interrupted = True
                return [] if self.failed_steps else ["STOPPED   run: interrupted (Ctrl-C or SIGTERM)"]
            if error is not None and not self.failed_steps:  # a step's failure is printed already
                return [f"FAILED    run: {event.message}", *error_lines(error)]
        return []

    def _check(self, evaluation: object) -> list[str]:
        severity = evaluation.severity.value.lower() if not evaluation.passed else "passed"
        self.checks["error" if severity == "error" else severity] += 1
        if evaluation.passed:
            return []
        label = "warning" if severity == "warn" else "FAILED"
        where = f"{evaluation.check_name} on {evaluation.asset_key.to_user_string()}"
        return [f"{label:<9} check {where}: {_check_details(evaluation)}"]

    def _finished_stages(self) -> list[str]:
        lines = []
        for stage in self.stages:
            assets = [a for a in self.planned if stage.owns(a)]
            if stage.name in self.printed or not assets:
                continue
            steps = set().union(*(self.asset_steps[a] for a in assets))
            if any(a not in self.totals for a in assets) or steps & self.running.keys():
                continue
            self.printed.add(stage.name)
            lines.append(self._stage_line(stage, assets, steps))
        return lines

    def _stage_line(self, stage: Stage, assets: list[str], steps: set[str]) -> str:
        seconds = max(self.step_ends[s] for s in steps) - min(self.step_starts[s] for s in steps)
        unchanged = " (unchanged)" if all(self.totals[a].all_unchanged for a in assets) else ""
        text = f"{stage.name:<9} {stage_text(stage, self.totals)}{unchanged}"
        return f"{text:<88} {seconds:5.1f} s"

    def finish(self) -> list[str]:
        """Stages that never finished, the checks, and the run's outcome with its duration."""
        lines = self._finished_stages()
        planned = [s for s in self.stages if any(map(s.owns, self.planned))]
        missing = [s.name for s in planned if s.name not in self.printed]
        if missing:
            lines.append(f"{'not run':<9} {', '.join(missing)}")
        if self.checks or self.planned_checks:
            c = self.checks
            lines.append(
                f"{'checks':<9} {c['passed']} passed, {c['warn']} with a warning, {c['error']} failed"
                + (f", {self.planned_checks - c.total()} not run" if self.planned_checks > c.total() else "")
            )
        return lines

    def bar(self, now: float | None = None) -> str:
        """`[#####.....] 12/35 · mart_top_deals 2 s · 14 s`: assets and checks done of those planned."""
        now = time.time() if now is None else now
        total = len(self.planned) + self.planned_checks
        done = sum(1 for a in self.planned if a in self.totals) + self.checks.total()
        filled = round(BAR_WIDTH * done / total) if total else 0
        current = " ".join(f"{step} {now - since:.0f} s" for step, since in self.running.items())
        elapsed = f"{now - self.started_at:.0f} s" if self.started_at else "starting"
        return f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} · {current or '…'} · {elapsed}"
