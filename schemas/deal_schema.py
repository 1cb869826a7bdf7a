"""pandera model for `deals`, the resolved one-row-per-deal table. Failures block the marts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc
from pandera.typing import Series

from schemas.rules import DEAL_RULES, MERGE_WINDOW_DAYS
from schemas.tables import DEALS, Table
from schemas.tables.pandera_fields import declared_model
from schemas.taxonomy import default_taxonomy
from schemas.vocabulary import STAGELESS_ROUNDS


def names_within(names: pd.Series, lists: pd.Series) -> np.ndarray:
    """Per row, whether every name of the list in `names` is in the list in `lists`. Arrow lists
    (`pd.ArrowDtype`) are compared as columns: each (row, name) pair made one integer, the pairs of
    `names` looked up among those of `lists`; Python lists row by row."""
    if not isinstance(names.dtype, pd.ArrowDtype) or not isinstance(lists.dtype, pd.ArrowDtype):
        pairs = zip(names, lists, strict=True)
        return np.array([set(found) <= set(every) for found, every in pairs], dtype=bool)
    wanted, every = (pyarrow.chunked_array(pyarrow.array(s)).combine_chunks() for s in (names, lists))
    rows = [pc.list_parent_indices(a).to_numpy().astype(np.int64) for a in (wanted, every)]
    flat = [pc.list_flatten(a) for a in (wanted, every)]
    codes = pc.dictionary_encode(pyarrow.concat_arrays(flat)).indices.to_numpy(zero_copy_only=False)
    distinct = int(codes.max()) + 1 if len(codes) else 1
    keys = [
        r * distinct + c for r, c in zip(rows, (codes[: len(flat[0])], codes[len(flat[0]) :]), strict=True)
    ]
    within = np.ones(len(names), dtype=bool)
    within[rows[0][~np.isin(keys[0], keys[1])]] = False
    return within


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
        layers = default_taxonomy().layer_by_segment()
        return df["segment"].isin(layers.keys()) & (df["segment"].map(layers) == df["layer"])

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
        stated = df[~df["round_type"].isin(STAGELESS_ROUNDS)]
        # Grouped by codes of company, status and round (any order of the groups will do; sorting the
        # strings themselves cost a second a million deals), by day within each.
        codes = {c: pd.factorize(stated[c])[0] for c in ("company", "status", "round_type")}
        day = pd.to_datetime(stated["announced_date"])
        order = np.lexsort((day.to_numpy(), codes["round_type"], codes["status"], codes["company"]))
        ordered = pd.DataFrame(
            {**{c: values[order] for c, values in codes.items()}, "day": day.to_numpy()[order]},
            index=stated.index[order],
        )
        same = (
            (ordered["company"] == ordered["company"].shift())
            & (ordered["status"] == ordered["status"].shift())
            & (ordered["round_type"] == ordered["round_type"].shift())
        )
        # An undated deal is near every date (resolution merges it by round alone): NaT gaps are close.
        gap = (ordered["day"] - ordered["day"].shift()).dt.days
        close = same & (gap.le(MERGE_WINDOW_DAYS) | gap.isna())
        clashing = set(ordered.index[close]) | set(ordered.index[close.shift(-1, fill_value=False)])
        return pd.Series(~df.index.isin(list(clashing)), index=df.index)


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
