"""Per-source rejection rates: the share of a source's mentions that the quarantine took."""

from __future__ import annotations

import pandas as pd

_COLUMNS = ["source_id", "mentions", "rejected", "rate", "limit", "within_limit"]


def rejection_rates(
    mentions: dict[str, int], rejected: dict[str, int], limits: dict[str, float], default_limit: float
) -> pd.DataFrame:
    """One row per source of `mentions` (its count of mentions; `rejected`: its count quarantined, absent for
    none): mentions, rejected, rate, its limit and whether the rate is within it, highest rate first.

    Counts, as the working database gives them: a million mentions need not become a frame to be counted."""
    rates = pd.DataFrame(
        [(source, int(count), int(rejected.get(source, 0))) for source, count in mentions.items()],
        columns=_COLUMNS[:3],
    )
    # (a source left with no mention but rows that state nothing has lost none: 0 of 0 is 0, not NaN)
    rates["rate"] = (rates["rejected"] / rates["mentions"].where(rates["mentions"] > 0)).fillna(0.0).round(4)
    rates["limit"] = rates["source_id"].map(limits).fillna(default_limit).astype(float)
    rates["within_limit"] = rates["rate"] <= rates["limit"]
    return rates.sort_values("rate", ascending=False, ignore_index=True)
