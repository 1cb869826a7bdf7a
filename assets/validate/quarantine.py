"""Split a frame into rows that pass a pandera model and rows to quarantine, with every rule each broke.

pandera's own `drop_invalid_rows` drops silently; here every failing row is kept, keyed by its position,
with the names of the rules it broke and a readable reason. A failure that is not about rows (a missing
column, a wrong dtype) is a `SchemaLevelError`: the step fails rather than quarantining everything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
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


def _names_by_row(found: list[tuple[str, np.ndarray]], order: dict[str, int]) -> pd.Series:
    """Row position -> the rule names it broke, in catalogue order (then by name), once each, from each
    check's failing positions. Appended check by check in that order: a sort of (row, rule) pairs cut
    into lists cost twice as much at a million rows, where one in seven breaks a rule."""
    names: dict[int, list[str]] = {}
    for name, positions in sorted(found, key=lambda item: (order.get(item[0], len(order)), item[0])):
        for position in positions.tolist():
            row = names.setdefault(position, [])
            if not row or row[-1] != name:  # two checks of one name: the row broke the rule once
                row.append(name)
    rows = sorted(names)
    return pd.Series([names[r] for r in rows], index=pd.Index(rows, dtype="int64"), dtype=object)


@dataclass
class Verdicts:
    """What validation found, by row position: only rows that broke a rule appear."""

    failed: pd.Series
    """Position -> error-severity rule names, in catalogue order."""
    warned: pd.Series
    """Position -> warn-severity rule names."""
    rule_counts: dict[str, int]
    warned_counts: dict[str, int]


def _verdicts_of(found: list[tuple[str, np.ndarray]], rules: dict[str, Rule]) -> Verdicts:
    """Verdicts from each check's name and the row positions that failed it."""
    order = {name: position for position, name in enumerate(rules)}
    warn = {n for n, rule in rules.items() if rule.severity is Severity.WARN}
    failed = _names_by_row([f for f in found if f[0] not in warn], order)
    warned = _names_by_row([f for f in found if f[0] in warn], order)
    return Verdicts(
        failed=failed,
        warned=warned,
        rule_counts=dict(Counter(name for names in failed for name in names)),
        warned_counts=dict(Counter(name for names in warned for name in names)),
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
    found = [(str(name), rows.to_numpy()) for name, rows in pairs.groupby("check")["index"]]
    return _verdicts_of(found, rules)


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
    found: list[tuple[str, np.ndarray]] = []

    def record(check: Any, checked: pd.DataFrame | pd.Series, passed: Any) -> None:
        if not isinstance(passed, pd.Series):  # a verdict on the whole frame, not on rows
            if not bool(passed):
                raise SchemaLevelError(f"{schema.__name__} cannot validate this frame: {check.name}")
            return
        found.append((check.name, checked.index[~passed.fillna(False).astype(bool).to_numpy()].to_numpy()))

    for check in model.checks:
        passed = check._check_fn(frame)
        if check.ignore_na and isinstance(passed, pd.Series):
            passed = passed | frame.isna().all(axis="columns")
        record(check, frame, passed)
    for name, column in model.columns.items():
        for check in column.checks:
            values = frame[name].dropna() if check.ignore_na else frame[name]
            record(check, values, check._check_fn(values))
    return _verdicts_of(found, rules)


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
    # Rows as plain dicts of the columns a rule names (snippets and provenance are never shown), read
    # column by column as Python objects: building a Series per row (iterrows) cost most of explaining
    # 10,000 rows, and `to_dict("records")` boxing value by value most of the rest. A list stays a list.
    shown = list(dict.fromkeys(c for rule in rules.values() for c in rule.columns if c in rejected.columns))
    columns = [rejected[c].tolist() for c in shown]
    rows = [dict(zip(shown, values, strict=True)) for values in zip(*columns, strict=True)]
    if not shown:
        rows = [{} for _ in range(len(rejected))]
    return [explain(row, checks, rules) for row, checks in zip(rows, rejected["failed_checks"], strict=True)]
