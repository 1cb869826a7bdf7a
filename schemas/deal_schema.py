"""pandera model for `deals`, the resolved one-row-per-deal table. Failures block the marts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from schemas.duckdb_memory import scratch_duckdb
from schemas.rules import DEAL_RULES, MERGE_WINDOW_DAYS
from schemas.tables import DEALS, Table
from schemas.tables.pandera_fields import declared_model
from schemas.taxonomy import default_taxonomy
from schemas.vocabulary import STAGELESS_ROUNDS

_NAME_LISTS = pyarrow.list_(pyarrow.string())


def _in_duckdb(rows: pyarrow.Table, sql: str) -> pyarrow.Table:
    """`sql` run by a private in-memory DuckDB over `rows` as the table `rows`: list and window work
    that pandas does row by row or through sorts, DuckDB does as set work on both cores."""
    with scratch_duckdb() as connection:
        connection.register("rows", rows)
        return connection.sql(sql).to_arrow_table()


def _name_lists(s: pd.Series) -> pyarrow.ChunkedArray:
    """A column of name lists as Arrow lists: Arrow lists (`pd.ArrowDtype`) as they are, Python lists
    converted."""
    if isinstance(s.dtype, pd.ArrowDtype):
        return pyarrow.chunked_array(pyarrow.array(s))
    return pyarrow.chunked_array([pyarrow.array(s.tolist(), type=_NAME_LISTS, from_pandas=True)])


def names_within(names: pd.Series, lists: pd.Series) -> np.ndarray:
    """Per row, whether every name of the list in `names` is in the list in `lists` (a missing list is
    an empty one; a missing name is within only a list that has one too, as sets compare). Judged by
    DuckDB over the two as Arrow lists: comparing pairs in numpy cost half a second a million deals,
    Python sets row by row several seconds."""
    rows = pyarrow.table({"names": _name_lists(names), "lists": _name_lists(lists)})
    # `list_has_all` passes over missing elements: they are compared on their own
    missing = "len(list_filter(coalesce({l}, []), lambda x: x is null)) > 0"
    sql = (
        "select list_has_all(coalesce(lists, []), coalesce(names, [])) "
        f"and (not {missing.format(l='names')} or {missing.format(l='lists')}) from rows"
    )
    return _in_duckdb(rows, sql).column(0).to_numpy()


def clashing_rounds(df: pd.DataFrame, window_days: int) -> np.ndarray:
    """Per row of `df`, whether it is one of two deals of one company and status sharing a stated
    stage (neither unknown nor stageless 'venture') within `window_days` of each other, by
    `announced_date`. An undated deal is near every date (resolution merges it by round alone): it
    clashes with its neighbours. Neighbours by date within each company, status and round, in DuckDB:
    sorting the company names in pandas cost a second a million deals."""
    rows = pyarrow.table(
        {
            "position": pyarrow.array(np.arange(len(df), dtype=np.int64)),
            **{c: pyarrow.array(df[c], type=pyarrow.string()) for c in ("company", "status", "round_type")},
            "day": pyarrow.array(pd.to_datetime(df["announced_date"]), type=pyarrow.timestamp("us")),
        }
    )
    stageless = ", ".join(f"'{r}'" for r in sorted(STAGELESS_ROUNDS))
    # Whole days between neighbours, floored as a difference of timestamps is; NULL when either is undated.
    gap = "(epoch_us(day) - epoch_us({other})) // 86400000000"
    sql = f"""
        select position from (
            select position, day,
                lag(position) over byday as before, lag(day) over byday as before_day,
                lead(position) over byday as after, lead(day) over byday as after_day
            from rows
            where coalesce(round_type not in ({stageless}), true)
            window byday as (partition by company, status, round_type order by day nulls last, position)
        )
        where (before is not null and coalesce({gap.format(other="before_day")} <= {window_days}, true))
           or (after is not null and coalesce(-({gap.format(other="after_day")}) <= {window_days}, true))
    """
    clashing = np.zeros(len(df), dtype=bool)
    clashing[_in_duckdb(rows, sql).column("position").to_numpy()] = True
    return clashing


def _rule(name: str) -> dict[str, str]:
    rule = DEAL_RULES[name]
    return {"name": rule.name, "description": rule.description}


class _DealRules(pa.DataFrameModel):
    """The rules of a deal (columns: `schemas.tables.DEALS`)."""

    class Config:
        strict = False
        coerce = True

    @pa.check("deal_id", **_rule("deal_id_unique"))
    def _deal_id_unique(cls, s: Series[str]) -> Series[bool]:
        return ~s.duplicated(keep=False)

    @pa.check("amount_usd", **_rule("deal_amount_nonnegative"))
    def _amount_nonnegative(cls, s: Series[int]) -> Series[bool]:
        return s >= 0

    @pa.dataframe_check(**_rule("deal_segment_known"))
    def _segment_known(cls, df: pd.DataFrame) -> Series[bool]:
        # Looked up once per distinct segment: a lookup per row of a million deals cost 0.15 s.
        layers = default_taxonomy().layer_by_segment()
        segments = df["segment"].astype("category")
        expected = segments.map(layers).astype(df["layer"].dtype)
        return (segments.isin(layers.keys()) & (expected == df["layer"])).fillna(False).astype(bool)

    @pa.dataframe_check(**_rule("lead_investors_within_investors"))
    def _leads_within_investors(cls, df: pd.DataFrame) -> Series[bool]:
        return pd.Series(names_within(df["lead_investors"], df["investors"]), index=df.index)

    @pa.dataframe_check(**_rule("deal_has_evidence"))
    def _has_evidence(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["mention_count"] >= 1) & (df["source_count"] >= 1)

    @pa.dataframe_check(**_rule("one_deal_per_round_window"))
    def _one_deal_per_round_window(cls, df: pd.DataFrame) -> Series[bool]:
        # Stageless rounds merge only when their figures agree (assets/resolve/merge.py), and a reported
        # round is never merged into an announced one: neither can clash here.
        return pd.Series(~clashing_rounds(df, MERGE_WINDOW_DAYS), index=df.index)


# The columns the deal rules read: the check validates these alone (the table's own column types and NOT
# NULL constraints already hold the rest), so a million deals do not carry their lists through pandera.
DEAL_RULE_COLUMNS = tuple(
    c.name for c in DEALS.columns if c.name in {name for rule in DEAL_RULES.values() for name in rule.columns}
)
DealSchema = declared_model(
    "DealSchema",
    Table(DEALS.name, DEALS.comment, tuple(c for c in DEALS.columns if c.name in DEAL_RULE_COLUMNS)),
    _DealRules,
    "The rules of a deal, over the columns they read.",
)
