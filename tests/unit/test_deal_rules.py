"""The rules of the deals table: a clash of one company's rounds is named, legitimate pairs pass."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from assets.validate.quarantine import rejected_directly, validate_frame
from schemas.deal_schema import DEAL_RULE_COLUMNS, DealSchema
from schemas.rules import DEAL_RULES


def _deal(number: int, round_type: str, day: str, status: str = "announced") -> dict:
    return {
        "deal_id": f"d{number}", "company": "Kestrel Compute", "round_type": round_type,
        "amount_usd": 10_000_000 * number, "announced_date": pd.Timestamp(day), "status": status,
        "segment": "ai_chips", "layer": "hardware", "lead_investors": [], "investors": [],
        "source_count": 1, "mention_count": 1,
    }  # fmt: skip


def _failed(*deals: dict) -> list[list[str]]:
    frame = pd.DataFrame(list(deals)).reindex(columns=list(DEAL_RULE_COLUMNS))
    return validate_frame(frame, DealSchema, DEAL_RULES).rejected["failed_checks"].tolist()


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        (("series_a", "2024-01-10"), ("series_a", "2024-03-01"), True),  # one round reported twice
        (("series_a", "2024-01-10"), ("series_a", "2025-03-01"), False),  # outside the window
        (("series_a", "2024-01-10"), ("series_b", "2024-03-01"), False),  # two stages
        (("venture", "2024-01-10"), ("venture", "2024-03-01"), False),  # stageless, figures differ
        (("unknown", "2024-01-10"), ("unknown", "2024-03-01"), False),
    ],
)
def test_two_rounds_of_one_company(first, second, clash) -> None:
    failed = _failed(_deal(1, *first), _deal(2, *second))
    assert failed == ([["one_deal_per_round_window"]] * 2 if clash else [])


def test_a_reported_round_beside_the_announced_one_is_not_a_clash() -> None:
    """A reported round is never merged into an announced one, so the two stand side by side."""
    assert _failed(_deal(1, "seed", "2024-01-10", "reported"), _deal(2, "seed", "2024-02-01")) == []


def test_arrow_lists_are_judged_as_python_lists_are() -> None:
    """The deal rules read a million deals' investor lists as Arrow lists (assets/deals.py); the verdicts
    are those of the same deals with Python lists."""
    deals = [
        _deal(1, "series_a", "2024-01-10")
        | {"lead_investors": ["Fern VC"], "investors": ["Fern VC", "Moss"]},
        _deal(2, "series_a", "2024-03-01") | {"lead_investors": ["Fern VC", "Oak"], "investors": ["Fern VC"]},
        _deal(3, "seed", "2023-01-01") | {"lead_investors": ["Oak"], "investors": []},
        _deal(4, "seed", "2021-01-01") | {"lead_investors": [], "investors": ["Oak"]},
    ]
    frame = pd.DataFrame(deals).reindex(columns=list(DEAL_RULE_COLUMNS))
    arrow = frame.astype({c: pd.ArrowDtype(pa.list_(pa.string())) for c in ("lead_investors", "investors")})
    verdicts = [
        validate_frame(f, DealSchema, DEAL_RULES).rejected[["deal_id", "failed_checks"]].to_dict("records")
        for f in (frame, arrow)
    ]
    assert (
        verdicts[0]
        == verdicts[1]
        == [
            {"deal_id": "d1", "failed_checks": ["one_deal_per_round_window"]},
            {
                "deal_id": "d2",
                "failed_checks": ["lead_investors_within_investors", "one_deal_per_round_window"],
            },
            {"deal_id": "d3", "failed_checks": ["lead_investors_within_investors"]},
        ]
    )


def test_the_verdicts_do_not_depend_on_the_order_of_the_deals() -> None:
    """The check reads deals in storage order (not sorted by id): every rule must judge a row the same
    whatever rows come before it."""
    deals = [
        _deal(1, "series_a", "2024-01-10"),
        _deal(2, "series_a", "2024-03-01"),  # clashes with 1
        _deal(3, "series_b", "2024-03-01"),
        _deal(4, "series_c", "2025-06-01") | {"amount_usd": -5},
        _deal(5, "seed", "2023-02-02") | {"deal_id": "d3"},  # the id of another deal
        _deal(6, "seed", "2022-02-02") | {"lead_investors": ["Oakum"]},  # a lead not among investors
    ]
    frame = pd.DataFrame(deals).reindex(columns=list(DEAL_RULE_COLUMNS))
    verdicts = []
    for order in ([0, 1, 2, 3, 4, 5], [5, 3, 1, 4, 0, 2], [2, 4, 0, 5, 1, 3]):
        rejected, counts = rejected_directly(frame.iloc[order].reset_index(drop=True), DealSchema, DEAL_RULES)
        rows = sorted(
            zip(rejected["deal_id"], rejected["amount_usd"], rejected["failed_checks"], strict=True)
        )
        verdicts.append((rows, counts))
    assert verdicts[0] == verdicts[1] == verdicts[2]
    assert [(deal_id, checks) for deal_id, _, checks in verdicts[0][0]] == [
        ("d1", ["one_deal_per_round_window"]),
        ("d2", ["one_deal_per_round_window"]),
        ("d3", ["deal_id_unique"]),
        ("d3", ["deal_id_unique"]),
        ("d4", ["deal_amount_nonnegative"]),
        ("d6", ["lead_investors_within_investors"]),
    ]


def test_a_missing_lead_name_is_within_only_a_list_that_has_one_too() -> None:
    """DuckDB's `list_has_all` passes over missing elements; the rule compares them as sets do (and a
    pandas NA inside a Python list is read as missing, not refused)."""
    from schemas.deal_schema import names_within

    leads = pd.Series([["Fern VC", None], ["Fern VC", pd.NA], ["Fern VC"], None], dtype=object)
    investors = pd.Series([["Fern VC"], ["Fern VC", None], None, ["Oak"]], dtype=object)
    assert names_within(leads, investors).tolist() == [False, True, False, True]
