"""Telling a refresh being stopped from a document that failed to parse."""

from __future__ import annotations

import duckdb


def interrupted_query(error: BaseException) -> bool:
    """Whether `error` is how DuckDB ends a query that Ctrl-C or SIGTERM reached: its InterruptException,
    or, from some of its calls, a RuntimeError 'Query interrupted'. The project never interrupts a query
    itself, so such an error is the signal's (orchestration/run_progress.py reads it so in a run's log)."""
    return isinstance(error, duckdb.InterruptException) or (
        type(error) is RuntimeError and "Query interrupted" in str(error)
    )
