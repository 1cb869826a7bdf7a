"""Split a frame into rows that pass a pandera model and rows to quarantine, with every rule each broke.

pandera's own `drop_invalid_rows` drops silently; here every failing row is kept, keyed by its position,
with the names of the rules it broke and a readable reason. A failure that is not about rows (a missing
column, a wrong dtype) is a `SchemaLevelError`: the step fails rather than quarantining everything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from schemas.rules import Rule, Severity


class SchemaLevelError(ValueError):
    """The frame does not have the shape the model requires; no row-level verdict is possible."""


@dataclass
class ValidationResult:
    valid: pd.DataFrame
    """Rows that broke no error-severity rule (index reset)."""
    rejected: pd.DataFrame
    """Failing rows with `failed_checks` (list of rule names) and `reason` added."""
    rule_counts: dict[str, int] = field(default_factory=dict)
    """Rule name -> number of rows that broke it (rows breaking several rules count under each)."""
    warned: dict[str, int] = field(default_factory=dict)
    """Warn-severity rule name -> rows that broke it (kept in `valid`)."""


def _show(value: Any) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return "empty"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return repr(value) if isinstance(value, str) else str(value)


def explain(row: Mapping[str, Any] | pd.Series, checks: list[str], rules: dict[str, Rule]) -> str:
    """'amount_nonnegative: The amount is not negative. (amount_text='-5000000', amount_usd=-5000000)'."""
    parts = []
    for name in checks:
        rule = rules.get(name)
        if rule is None:
            parts.append(name)
            continue
        values = ", ".join(f"{c}={_show(row.get(c))}" for c in rule.columns if c in row)
        parts.append(f"{name}: {rule.description} ({values})")
    return "; ".join(parts)


def _names_by_row(pairs: pd.DataFrame, order: dict[str, int]) -> pd.Series:
    """Row index -> rule names it broke, in catalogue order."""
    if pairs.empty:
        return pd.Series(dtype=object)
    # Sorted once by row and catalogue position, then cut into one list per row (pairs are distinct):
    # a Python sort per row cost most of the grouping on large frames. The ranks are looked up in plain
    # Python: `Series.map` over Arrow-backed text calls back per value and cost several times more.
    checks = pairs["check"].to_numpy(dtype=object)
    ranked = pairs.assign(rank=np.fromiter((order.get(n, len(order)) for n in checks), np.int64, len(checks)))
    ranked = ranked.sort_values(["index", "rank", "check"], kind="stable")
    rows = ranked["index"].to_numpy()
    names = ranked["check"].tolist()
    starts = [0, *(np.flatnonzero(rows[1:] != rows[:-1]) + 1).tolist(), len(rows)]
    return pd.Series(
        [names[a:b] for a, b in pairwise(starts)],
        index=rows[starts[:-1]],
        dtype=object,
    )


@dataclass
class Verdicts:
    """What validation found, by row position: only rows that broke a rule appear."""

    failed: pd.Series
    """Position -> error-severity rule names, in catalogue order."""
    warned: pd.Series
    """Position -> warn-severity rule names."""
    rule_counts: dict[str, int]
    warned_counts: dict[str, int]


def _verdicts_of(pairs: pd.DataFrame, rules: dict[str, Rule]) -> Verdicts:
    """Verdicts from distinct (row position `index`, rule name `check`) pairs."""
    order = {name: position for position, name in enumerate(rules)}
    is_warn = pairs["check"].isin([n for n, rule in rules.items() if rule.severity is Severity.WARN])
    errors, warnings = pairs[~is_warn], pairs[is_warn]
    return Verdicts(
        failed=_names_by_row(errors, order),
        warned=_names_by_row(warnings, order),
        rule_counts=dict(Counter(errors["check"])),
        warned_counts=dict(Counter(warnings["check"])),
    )


def judge(frame: pd.DataFrame, schema: type[pa.DataFrameModel], rules: dict[str, Rule]) -> Verdicts:
    """Lazy-validate `frame` (a fresh 0..n-1 index) against `schema`; every rule each row broke.

    A failure that is not about rows (missing column, wrong dtype) raises `SchemaLevelError`.
    """
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        failures = errors.failure_cases
    else:
        empty = pd.Series(dtype=object)
        return Verdicts(empty, empty, {}, {})
    schema_level = failures[failures["index"].isna()]
    if not schema_level.empty:
        problems = "; ".join(
            f"{row.check} on {row.column}: {row.failure_case}" for row in schema_level.itertuples()
        )
        raise SchemaLevelError(f"{schema.__name__} cannot validate this frame: {problems}")
    pairs = failures[["index", "check"]].drop_duplicates().astype({"index": "int64"})
    return _verdicts_of(pairs, rules)


def judge_directly(frame: pd.DataFrame, schema: type[pa.DataFrameModel], rules: dict[str, Rule]) -> Verdicts:
    """`judge` without pandera's failure report: each check of the model is called on the coerced frame
    and only its verdicts are kept. pandera builds a table of every failing value of every column, which
    for a warn-level rule broken by one row in ten costs most of the validation of a large table; the
    verdicts are the same (tests/unit/test_record_rules.py compares the two). `frame` has a fresh index;
    the table it comes from enforces NOT NULL on required columns, which this does not check again.
    """
    model = schema.to_schema()
    try:
        frame = model.coerce_dtype(frame)
    except (SchemaError, SchemaErrors) as error:
        raise SchemaLevelError(f"{schema.__name__} cannot validate this frame: {error}") from error
    found: list[tuple[int, str]] = []

    def record(check: Any, checked: pd.DataFrame | pd.Series, passed: Any) -> None:
        if not isinstance(passed, pd.Series):  # a verdict on the whole frame, not on rows
            if not bool(passed):
                raise SchemaLevelError(f"{schema.__name__} cannot validate this frame: {check.name}")
            return
        failing = checked.index[~passed.fillna(False).astype(bool).to_numpy()]
        found.extend((int(position), check.name) for position in failing)

    for check in model.checks:
        passed = check._check_fn(frame)
        if check.ignore_na and isinstance(passed, pd.Series):
            passed = passed | frame.isna().all(axis="columns")
        record(check, frame, passed)
    for name, column in model.columns.items():
        for check in column.checks:
            values = frame[name].dropna() if check.ignore_na else frame[name]
            record(check, values, check._check_fn(values))
    pairs = pd.DataFrame(found, columns=["index", "check"]).drop_duplicates()
    return _verdicts_of(pairs, rules)


def _aligned(names: pd.Series, index: pd.Index) -> list[list[str]]:
    """Rule names per row of `index`, [] for rows that broke none: aligned once rather than looked up
    row by row (a Series lookup per row cost seconds per 100k rows)."""
    return [found if isinstance(found, list) else [] for found in names.reindex(index)]


def validate_frame(
    frame: pd.DataFrame, schema: type[pa.DataFrameModel], rules: dict[str, Rule]
) -> ValidationResult:
    """Lazy-validate `frame` against `schema`; route rows by the severity of the rules they broke.

    Rows breaking an error rule go to `rejected` (with `failed_checks` and `reason`); warn-severity rules
    only add their names to the row's `warnings`, wherever it goes.
    """
    frame = frame.reset_index(drop=True)
    verdicts = judge(frame, schema, rules)
    frame = frame.assign(warnings=_aligned(verdicts.warned, frame.index))
    return ValidationResult(
        valid=frame.drop(index=verdicts.failed.index).reset_index(drop=True),
        rejected=explained_failures(frame, verdicts.failed, rules).reset_index(drop=True),
        rule_counts=verdicts.rule_counts,
        warned=verdicts.warned_counts,
    )


def rejected_directly(
    frame: pd.DataFrame, schema: type[pa.DataFrameModel], rules: dict[str, Rule]
) -> tuple[pd.DataFrame, dict[str, int]]:
    """The rows of `frame` (a fresh index) that broke an error-severity rule, with `failed_checks` and
    `reason`, and the rows per rule: `validate_frame` for a check that only reports, without copying the
    rows that pass (`judge_directly`)."""
    verdicts = judge_directly(frame, schema, rules)
    return explained_failures(frame, verdicts.failed, rules).reset_index(drop=True), verdicts.rule_counts


def explained_failures(frame: pd.DataFrame, failed: pd.Series, rules: dict[str, Rule]) -> pd.DataFrame:
    """The rows of `frame` that `failed` names (position -> error rules), with `failed_checks` and the
    `reason` that explains them, on their own index."""
    rejected = frame.loc[failed.index].assign(failed_checks=failed.tolist())
    rejected["reason"] = _reasons(rejected, rules)
    return rejected


def _reasons(rejected: pd.DataFrame, rules: dict[str, Rule]) -> list[str]:
    """`explain` of every row of `rejected` (which has `failed_checks`)."""
    # Rows as plain dicts: building a Series per row (iterrows) cost most of explaining 10,000 rows, and
    # so did reading Arrow-backed text columns value by value (copied to objects, each is read at once;
    # list columns stay as they are, so a list still shows as a list).
    text = {c: object for c in rejected.columns if pd.api.types.is_string_dtype(rejected[c].dtype)}
    rows = rejected.astype(text).to_dict("records")
    return [explain(row, checks, rules) for row, checks in zip(rows, rejected["failed_checks"], strict=True)]
