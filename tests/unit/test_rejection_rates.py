"""Per-source rejection rates against each source's limit."""

from __future__ import annotations

import pandas as pd

from assets.validate.rejection_rates import rates_of_counts, rejection_rates


def test_rates_use_each_sources_limit_or_the_default():
    normalized = pd.DataFrame({"source_id": ["a"] * 4 + ["b"] * 2 + ["c"]})
    rejected = pd.DataFrame({"source_id": ["a", "a", "a", "b"]})
    rates = rejection_rates(normalized, rejected, {"b": 0.6}, 0.5).set_index("source_id")
    assert rates.loc["a", ["mentions", "rejected", "rate", "limit", "within_limit"]].tolist() == [
        4,
        3,
        0.75,
        0.5,
        False,
    ]
    assert rates.loc["b", ["rate", "limit", "within_limit"]].tolist() == [0.5, 0.6, True]
    assert rates.loc["c", ["rejected", "rate", "within_limit"]].tolist() == [0, 0.0, True]


def test_no_mentions_no_rates():
    assert rejection_rates(pd.DataFrame(), pd.DataFrame(), {}, 0.5).empty


def test_a_source_with_nothing_rejected_has_rate_zero():
    normalized = pd.DataFrame({"source_id": ["a", "a"]})
    rates = rejection_rates(normalized, pd.DataFrame(columns=["source_id"]), {}, 0.5)
    assert rates[["source_id", "rejected", "rate", "within_limit"]].values.tolist() == [["a", 0, 0.0, True]]


def test_counts_give_the_rates_the_rows_give():
    normalized = pd.DataFrame({"source_id": ["a"] * 4 + ["b"] * 2 + ["c"]})
    rejected = pd.DataFrame({"source_id": ["a", "a", "a", "b"]})
    from_rows = rejection_rates(normalized, rejected, {"b": 0.6}, 0.5)
    from_counts = rates_of_counts({"a": 4, "b": 2, "c": 1}, {"a": 3, "b": 1}, {"b": 0.6}, 0.5)
    pd.testing.assert_frame_equal(from_counts, from_rows)
    assert from_counts["source_id"].tolist() == ["a", "b", "c"]
    assert from_counts["within_limit"].tolist() == [False, True, True]
