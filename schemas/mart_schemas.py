"""pandera models for the marts: aggregates present and nonnegative, shares in [0, 1], ranks unique.

The SQL checks in warehouse/checks.py prove the marts reconcile with `deals`; these prove each mart row is
well formed. Both block publication when they fail.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.rules import MART_RULES
from schemas.tables.marts import MARTS as MART_TABLES
from schemas.tables.pandera_fields import declared_model


def _rule(name: str) -> dict[str, str]:
    rule = MART_RULES[name]
    return {"name": rule.name, "description": rule.description}


def _present_and_nonnegative(columns: list[str]) -> tuple[classmethod, classmethod]:
    """The two aggregate checks, bound to `columns`, for a model to adopt."""

    def present(cls, df: pd.DataFrame) -> pd.Series:
        return df[columns].notna().all(axis=1)

    def nonnegative(cls, df: pd.DataFrame) -> pd.Series:
        return ((df[columns] >= 0) | df[columns].isna()).all(axis=1)

    return (
        pa.dataframe_check(**_rule("mart_aggregates_present"))(present),
        pa.dataframe_check(**_rule("mart_aggregates_nonnegative"))(nonnegative),
    )


def _shares_in_unit_interval(columns: list[str]) -> classmethod:
    def within(cls, df: pd.DataFrame) -> pd.Series:
        return (((df[columns] >= 0) & (df[columns] <= 1 + 1e-12)) | df[columns].isna()).all(axis=1)

    return pa.dataframe_check(**_rule("mart_shares_in_unit_interval"))(within)


class _Mart(pa.DataFrameModel):
    class Config:
        strict = False
        # DuckDB hands an empty result's text columns over as `object` and a filled one's as pandas
        # strings: coercing makes both one dtype, so an empty mart is valid (empty is a state, not an
        # error). The declaration fixes the column types; these models check rows.
        coerce = True


class _FundingBySegmentRules(_Mart):
    """Grain: quarter x segment."""

    _present, _nonnegative = _present_and_nonnegative(
        ["deal_count", "disclosed_deal_count", "amount_usd_total"]
    )


class _FundingByLayerRules(_Mart):
    """Grain: quarter x layer."""

    _present, _nonnegative = _present_and_nonnegative(
        ["deal_count", "disclosed_deal_count", "amount_usd_total"]
    )
    _shares = _shares_in_unit_interval(["share_of_quarter"])


class _TopDealsRules(_Mart):
    """Grain: deal, ranked by disclosed amount."""

    _present, _nonnegative = _present_and_nonnegative(["rank", "amount_usd"])
    _shares = _shares_in_unit_interval(["share_of_total"])

    @pa.dataframe_check(**_rule("mart_ranks_unique"))
    def _ranks_unique(cls, df: pd.DataFrame) -> Series[bool]:
        return ~df["rank"].duplicated(keep=False) & (df["rank"] >= 1)


class _CapitalConcentrationRules(_Mart):
    """Grain: period_grain x period (each year, and all)."""

    _present, _nonnegative = _present_and_nonnegative(["disclosed_deal_count", "amount_usd_total"])

    @pa.dataframe_check(**_rule("mart_period_grain_known"))
    def _period_grain_known(cls, df: pd.DataFrame) -> Series[bool]:
        return df["period_grain"].isin(["year", "all"]) & (
            (df["period_grain"] == "all") == (df["period"] == "all")
        )

    _shares = _shares_in_unit_interval(["top_1_share", "top_3_share", "top_5_share", "top_10_share", "hhi"])


class _InvestorActivityRules(_Mart):
    """Grain: investor."""

    _present, _nonnegative = _present_and_nonnegative(
        ["deal_count", "lead_count", "deal_amount_usd_total", "led_amount_usd_total"]
    )


_RULES: dict[str, type[pa.DataFrameModel]] = {
    "mart_funding_by_segment": _FundingBySegmentRules,
    "mart_funding_by_layer": _FundingByLayerRules,
    "mart_top_deals": _TopDealsRules,
    "mart_capital_concentration": _CapitalConcentrationRules,
    "mart_investor_activity": _InvestorActivityRules,
}
# Each mart's model: its declared columns (schemas/tables/marts.py) with its rules.
MART_MODELS: dict[str, type[pa.DataFrameModel]] = {
    name: declared_model(rules.__name__.strip("_").removesuffix("Rules"), MART_TABLES[name], rules)
    for name, rules in _RULES.items()
}
