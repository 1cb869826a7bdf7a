"""A time budget per document: parsing stops with a clear reason once one document has taken too long.

Parsing is linear in the size of a document, so a document under the size cap finishes in seconds; the
budget is the safety net for a shape nobody foresaw. It is cooperative: the parsers call `checkpoint`
between paragraphs, sentences, table rows and messages, and the first checkpoint past the deadline raises
`ParseBudgetExceeded`, saying where parsing had got to. `parse_budget` sets the budget around one
document's parse (`assets.parsing.dispatch.extract_documents` does); outside one, checkpoints never stop.

The budget is configured in one place: `DEALMAP_PARSE_BUDGET_S` (seconds), else `DEFAULT_PARSE_BUDGET_S`.
It counts the CPU time of the thread that parses, not the wall clock: a refresh on a machine busy with
other work (BI queries, a second refresh, the test suite) takes longer by the clock, and a genuine page cut
there yielded no deals on that run. Parsing a stored document is pure computation, so a runaway parse
spends CPU and is caught all the same.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

# The densest genuine page under the 5 MB size cap (tens of thousands of deals in one run-on paragraph,
# `bench/robustness.py`) takes about 30 s of CPU on a 2-core machine: the budget is twice that, so that a
# slower machine still parses it, while a shape that grows faster than its size is stopped within a minute.
DEFAULT_PARSE_BUDGET_S = 60.0
MIN_PARSE_BUDGET_S = 1.0
BUDGET_ENV = "DEALMAP_PARSE_BUDGET_S"
BUDGET_ERROR_CLASS = "parse_budget_exceeded"

clock: Callable[[], float] = time.thread_time
"""The clock budgets are measured with: the CPU seconds of the calling thread (tests replace it to step
time deterministically)."""


class ParseBudgetExceeded(RuntimeError):
    """Parsing one document took longer than its budget; the message names it and where parsing stopped."""

    error_class = BUDGET_ERROR_CLASS


def configured_budget_s() -> float:
    """Seconds one document may take to parse: `$DEALMAP_PARSE_BUDGET_S`, else the default."""
    raw = os.environ.get(BUDGET_ENV, "").strip()
    if not raw:
        return DEFAULT_PARSE_BUDGET_S
    try:
        seconds = float(raw)
    except ValueError:
        raise ValueError(f"{BUDGET_ENV}={raw!r} is not a number of seconds") from None
    if not seconds >= MIN_PARSE_BUDGET_S:  # also refuses NaN
        # 0 let no document be parsed: the refresh served what few table exports gave, with warnings only
        raise ValueError(
            f"{BUDGET_ENV}={raw!r}: give at least {MIN_PARSE_BUDGET_S:g} second a document "
            f"(default {DEFAULT_PARSE_BUDGET_S:g})"
        )
    return seconds


@dataclass(frozen=True)
class _Budget:
    seconds: float
    started: float
    document: str


_current: ContextVar[_Budget | None] = ContextVar("dealmap_parse_budget", default=None)


@contextmanager
def parse_budget(seconds: float, document: str) -> Iterator[None]:
    """Parse `document` (its URL, for the message) within `seconds`."""
    token = _current.set(_Budget(seconds, clock(), document))
    try:
        yield
    finally:
        _current.reset(token)


def checkpoint(where: str | Callable[..., str], *args: object) -> None:
    """Raise `ParseBudgetExceeded` when the current document's budget is spent.

    `where` says how far parsing got ('p[812]/s[3]', 'table[0]/row[4000]'): a text, or a function that
    `args` are passed to, called only to write the message (a checkpoint in a loop costs a clock read).
    """
    budget = _current.get()
    if budget is None:
        return
    elapsed = clock() - budget.started
    if elapsed >= budget.seconds:
        place = where(*args) if callable(where) else where
        raise ParseBudgetExceeded(
            f"parsing {budget.document} took longer than its budget of {budget.seconds:g} CPU seconds "
            f"({elapsed:.1f} s); it stopped at {place}, and the document yields no mentions until it parses "
            f"within the budget (set {BUDGET_ENV} to change it)"
        )
