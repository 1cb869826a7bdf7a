"""One row of `deals` for tests that build a warehouse by hand: every column filled as a plain announced
deal, overridden by what the test cares about."""

from __future__ import annotations

import datetime as dt


def deal_row(**fields: object) -> dict:
    """A `deals` row: an announced deal with no investors, conflicts or warnings, `fields` overriding."""
    row = {
        "deal_id": None,
        "company": None,
        "company_aliases": [],
        "round_type": "series_a",
        "amount_usd": None,
        "amount_is_floor": False,
        "amount_is_ceiling": False,
        "valuation_usd": None,
        "valuation_is_floor": False,
        "currency": None,
        "amount_original": None,
        "lead_investors": [],
        "investors": [],
        "announced_date": None,
        "announced_date_precision": "day",
        "status": "announced",
        "first_seen_at": dt.datetime(2026, 5, 12, 8, 0),
        "date_basis": "explicit",
        "segment": None,
        "segment_label": None,
        "layer": None,
        "source_count": 1,
        "mention_count": 1,
        "conflicts": [],
        "warnings": [],
    }
    unknown = set(fields) - set(row)
    if unknown:
        raise KeyError(f"not columns of deals: {sorted(unknown)}")
    return row | fields
