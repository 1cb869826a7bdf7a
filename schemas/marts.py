"""pandera models for the marts: aggregates present and nonnegative, shares in [0, 1], ranks unique.

The SQL checks in warehouse/checks.py prove the marts reconcile with `deals`; these prove each mart row is
well formed. Both block publication when they fail.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.rules import MART_RULES


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
        # error). The mart's own SQL fixes the column types; these models check rows.
        coerce = True


class FundingBySegment(_Mart):
    """Grain: quarter x segment."""

    quarter: Series[str]
    segment: Series[str]
    _present, _nonnegative = _present_and_nonnegative(
        ["deal_count", "disclosed_deal_count", "amount_usd_total"]
    )


class FundingByLayer(_Mart):
    """Grain: quarter x layer."""

    quarter: Series[str]
    layer: Series[str]
    _present, _nonnegative = _present_and_nonnegative(
        ["deal_count", "disclosed_deal_count", "amount_usd_total"]
    )
    _shares = _shares_in_unit_interval(["share_of_quarter"])


class TopDeals(_Mart):
    """Grain: deal, ranked by disclosed amount."""

    deal_id: Series[str]
    _present, _nonnegative = _present_and_nonnegative(["rank", "amount_usd"])
    _shares = _shares_in_unit_interval(["share_of_total"])

    @pa.dataframe_check(**_rule("mart_ranks_unique"))
    def _ranks_unique(cls, df: pd.DataFrame) -> Series[bool]:
        return ~df["rank"].duplicated(keep=False) & (df["rank"] >= 1)


class CapitalConcentration(_Mart):
    """Grain: year (and 'all')."""

    period: Series[str]
    _present, _nonnegative = _present_and_nonnegative(["disclosed_deal_count", "amount_usd_total"])
    _shares = _shares_in_unit_interval(["top_1_share", "top_3_share", "top_5_share", "top_10_share", "hhi"])


class InvestorActivity(_Mart):
    """Grain: investor."""

    investor: Series[str]
    _present, _nonnegative = _present_and_nonnegative(
        ["deal_count", "lead_count", "deal_amount_usd_total", "led_amount_usd_total"]
    )


MART_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "mart_funding_by_segment": FundingBySegment,
    "mart_funding_by_layer": FundingByLayer,
    "mart_top_deals": TopDeals,
    "mart_capital_concentration": CapitalConcentration,
    "mart_investor_activity": InvestorActivity,
}
