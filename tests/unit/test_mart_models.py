"""Mart models: malformed mart rows are caught under the mart rule they break."""

from __future__ import annotations

import pandas as pd
import pytest

from assets.validate.quarantine import SchemaLevelError, validate_frame
from schemas.mart_schemas import MART_MODELS
from schemas.rules import MART_RULES
from schemas.tables.marts import MARTS as MART_TABLES


def _failed(mart: str, frame: pd.DataFrame) -> list[list[str]]:
    """Rules broken per failing row; declared columns the test does not care about are filled with None."""
    full = frame.reindex(columns=MART_TABLES[mart].names)
    return validate_frame(full, MART_MODELS[mart], MART_RULES).rejected["failed_checks"].tolist()


def test_a_well_formed_mart_passes():
    frame = pd.DataFrame(
        {
            "quarter": ["2026-Q1"],
            "layer": ["inference"],
            "deal_count": [2],
            "disclosed_deal_count": [1],
            "amount_usd_total": [10],
            "share_of_quarter": [1.0],
        }
    )
    assert _failed("mart_funding_by_layer", frame) == []


def test_null_negative_and_out_of_range_aggregates_are_named():
    frame = pd.DataFrame(
        {
            "quarter": ["2026-Q1", "2026-Q2", "2026-Q3"],
            "layer": ["a", "b", "c"],
            "deal_count": [1, None, 1],
            "disclosed_deal_count": [1, 1, -1],
            "amount_usd_total": [5, 5, 5],
            "share_of_quarter": [1.0, 1.0, 1.2],
        }
    )
    assert _failed("mart_funding_by_layer", frame) == [
        ["mart_aggregates_present"],
        ["mart_aggregates_nonnegative", "mart_shares_in_unit_interval"],
    ]


def test_duplicate_ranks_are_caught():
    frame = pd.DataFrame(
        {"deal_id": ["a", "b"], "rank": [1, 1], "amount_usd": [5, 4], "share_of_total": [0.5, 0.4]}
    )
    assert _failed("mart_top_deals", frame) == [["mart_ranks_unique"], ["mart_ranks_unique"]]


def test_a_mart_missing_a_declared_column_is_a_schema_level_failure():
    frame = pd.DataFrame({"quarter": ["2026-Q1"], "layer": ["inference"]})
    with pytest.raises(SchemaLevelError, match="column_in_dataframe on FundingByLayer: deal_count"):
        validate_frame(frame, MART_MODELS["mart_funding_by_layer"], MART_RULES)


def test_every_mart_has_a_model():
    from warehouse.database import MARTS

    assert set(MART_MODELS) == set(MARTS)


def test_concentration_rows_name_their_grain_and_a_year_row_cannot_pose_as_all():
    frame = pd.DataFrame(
        {
            "period_grain": ["year", "all", "all", "quarter"],
            "period": ["2026", "all", "2026", "2026-Q1"],
            "disclosed_deal_count": [3, 3, 3, 3],
            "amount_usd_total": [10, 10, 10, 10],
            "top_1_share": [0.5] * 4,
        }
    )
    assert _failed("mart_capital_concentration", frame) == [
        ["mart_period_grain_known"],
        ["mart_period_grain_known"],
    ]
