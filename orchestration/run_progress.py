"""What a person reads while a run goes: one line per stage with its counts, failures in full, a bar.

`RunProgress` reads a run's event log entries (the records Dagster stores for the run, as the UI shows
them) and turns them into lines: a stage's line (orchestration/stage_lines.py) is printed once every
asset it plans is materialised, a failing step or check is printed when it happens, and `finish` prints
what never ran. Durations are seconds of wall time from a stage's first step start to its last step end.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from dagster import DagsterEventType, EventLogEntry, JsonMetadataValue, MarkdownMetadataValue

from assets.metadata import PROGRESS_PREFIX
from orchestration.stage_lines import STAGES, Stage, Totals, number, stage_text

BAR_WIDTH = 24
_PROJECT = str(Path(__file__).resolve().parent.parent)


_DETAIL_CHARS = 300
"""How much of one text a check's line shows: enough for a few sources' counts, rates and limits."""


def _check_details(evaluation: object) -> str:
    """What a check's line says after its name: its description, else its numbers and texts (the first
    four; a long text cut, never left out: 'sources_over_limit' is what a user acts on), else the names
    of what it recorded. Markdown and JSON (previews, tables) are for the UI."""
    description = getattr(evaluation, "description", None)
    if description:
        return description
    details = []
    for key, value in evaluation.metadata.items():
        if isinstance(value, MarkdownMetadataValue | JsonMetadataValue) or not isinstance(
            value.value, int | float | str
        ):
            continue
        text = number(value.value) if isinstance(value.value, int) else str(value.value).strip()
        if not text:
            continue
        first = text.splitlines()[0]
        if first != text or len(first) > _DETAIL_CHARS:
            first = first[: _DETAIL_CHARS - 1] + "…"
        details.append(f"{key} {first}")
    if not details:
        return f"see {', '.join(evaluation.metadata)} in the Dagster UI" if evaluation.metadata else ""
    return ", ".join(details[:4])


def error_lines(error: object, indent: str = "    ", frames: int = 8, project: str = _PROJECT) -> list[str]:
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
    own = [frame for frame in user.stack if project in frame and "site-packages" not in frame]
    lines += [f"{indent}{line}" for frame in own[-frames:] for line in frame.rstrip().splitlines()]
    return lines


_INTERRUPTED_INSIDE = re.compile(r"\b(?:DagsterExecutionInterruptedError|KeyboardInterrupt)\b")


def _interruption(error: object) -> bool:
    """Whether a run or step ended because it was interrupted (SIGINT, or SIGTERM turned into it). A signal
    that lands while DuckDB runs a query ends the query with DuckDB's own error ('Query interrupted', an
    InterruptException or a RuntimeError), not a KeyboardInterrupt: the project never interrupts a query
    itself, so that error is the signal's too."""
    while error is not None:
        if error.cls_name in ("KeyboardInterrupt", "DagsterExecutionInterruptedError", "InterruptException"):
            return True
        if error.cls_name == "RuntimeError" and "Query interrupted" in (error.message or ""):
            return True
        if _INTERRUPTED_INSIDE.search(error.message or ""):
            # (a signal inside a Python function DuckDB was streaming from reaches the step as DuckDB's
            # error about that stream, naming the interruption only in its text)
            return True
        error = error.cause or error.context
    return False


class RunProgress:
    """The readable story of one run, fed its event log entries in order."""

    def __init__(self, stages: Iterable[Stage] = STAGES) -> None:
        self.stages = list(stages)
        self.planned: set[str] = set()
        self.planned_checks = 0
        self.totals: dict[str, Totals] = {}
        self.checks: Counter = Counter()
        self.step_starts: dict[str, float] = {}
        self.step_ends: dict[str, float] = {}
        self.asset_steps: dict[str, set[str]] = defaultdict(set)
        self.running: dict[str, float] = {}
        self.notes: dict[str, str] = {}  # the latest progress a running step logged
        # Lines of checks that did not pass, printed when their step ends: after the line of the stage
        # the step finished, as a check that runs in its asset's step would otherwise come first.
        self.held: dict[str, list[str]] = defaultdict(list)
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
            # What the code logged: warnings and errors are printed (a source that failed to fetch, a
            # stale writer lock taken over); the rest stays in the event log.
            if entry.level < logging.WARNING:
                if entry.step_key and entry.user_message.startswith(PROGRESS_PREFIX):
                    # 'progress: deal-tracker-export (3/6 sources)': where a long step is, for the bar.
                    self.notes[entry.step_key] = entry.user_message.removeprefix(PROGRESS_PREFIX).strip()
                return []
            where = f"{entry.step_key}: " if entry.step_key else ""
            return [f"{'warning':<9} {where}{entry.user_message.strip().splitlines()[0]}"]
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
            self.totals.setdefault(asset, Totals()).add(materialization.metadata)
            self.asset_steps[asset].add(step)
        elif kind == DagsterEventType.ASSET_CHECK_EVALUATION:
            lines = self._check(event.asset_check_evaluation_data)
            if step is None:
                return lines
            self.held[step] += lines
        elif kind == DagsterEventType.STEP_SUCCESS:
            self.step_ends[step] = entry.timestamp
            self.running.pop(step, None)
            return self._finished_stages() + self.held.pop(step, [])
        elif kind == DagsterEventType.STEP_FAILURE:
            self.failed = True
            self.failed_steps.append(step)
            self.step_ends[step] = entry.timestamp
            self.running.pop(step, None)
            error = event.step_failure_data.error
            checked = self.held.pop(step, [])
            if _interruption(error):
                self.interrupted = True
                return [*checked, f"STOPPED   step {step}: interrupted (Ctrl-C or SIGTERM)"]
            return [*checked, f"FAILED    step {step}:", *error_lines(error)]
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
        if self.started_at is None:  # the plan is still being written
            return f"[{'.' * BAR_WIDTH}] starting"
        total = len(self.planned) + self.planned_checks
        done = sum(1 for a in self.planned if a in self.totals) + self.checks.total()
        filled = round(BAR_WIDTH * done / total) if total else 0
        current = " ".join(
            f"{step} {self.notes[step] + ' ' if step in self.notes else ''}{now - since:.0f} s"
            for step, since in self.running.items()
        )
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        return f"[{bar}] {done}/{total} · {current or '…'} · {now - self.started_at:.0f} s"
