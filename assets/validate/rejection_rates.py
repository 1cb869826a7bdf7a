"""Per-source rejection rates: the share of a source's mentions that the quarantine took."""

from __future__ import annotations

import pandas as pd


def rejection_rates(
    normalized: pd.DataFrame, rejected: pd.DataFrame, limits: dict[str, float], default_limit: float
) -> pd.DataFrame:
    """One row per source: mentions, rejected, rate, its limit and whether the rate is within it."""
    if normalized.empty:
        return pd.DataFrame(columns=["source_id", "mentions", "rejected", "rate", "limit", "within_limit"])
    mentions = normalized.groupby("source_id").size().rename("mentions")
    taken = (rejected.groupby("source_id").size() if len(rejected) else pd.Series(dtype="int64")).rename(
        "rejected"
    )
    rates = pd.concat([mentions, taken], axis=1).fillna(0).astype(int).reset_index(names="source_id")
    rates["rate"] = (rates["rejected"] / rates["mentions"]).round(4)
    rates["limit"] = rates["source_id"].map(limits).fillna(default_limit)
    rates["within_limit"] = rates["rate"] <= rates["limit"]
    return rates.sort_values("rate", ascending=False, ignore_index=True)
