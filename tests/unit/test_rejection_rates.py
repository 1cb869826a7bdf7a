"""Per-source rejection rates against each source's limit."""

from __future__ import annotations

from assets.validate.rejection_rates import rejection_rates


def test_rates_use_each_sources_limit_or_the_default():
    rates = rejection_rates({"a": 4, "b": 2, "c": 1}, {"a": 3, "b": 1}, {"b": 0.6}, 0.5)
    assert rates["source_id"].tolist() == ["a", "b", "c"]  # highest rate first
    rates = rates.set_index("source_id")
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
    rates = rejection_rates({}, {}, {}, 0.5)
    assert rates.empty
    assert rates.columns.tolist() == ["source_id", "mentions", "rejected", "rate", "limit", "within_limit"]


def test_a_source_with_nothing_rejected_has_rate_zero():
    rates = rejection_rates({"a": 2}, {}, {}, 0.5)
    assert rates[["source_id", "rejected", "rate", "within_limit"]].values.tolist() == [["a", 0, 0.0, True]]


def test_a_source_left_with_no_mention_has_lost_none() -> None:
    """Its rows all stated nothing (an export of empty rows): 0 of 0 is a rate of 0, within any limit, never
    NaN (which failed the check whatever the limit, and blocked every source's publish)."""
    rates = rejection_rates({"empty": 0, "a": 2}, {}, {"empty": 1.0}, 0.5)
    row = rates.set_index("source_id").loc["empty"]
    assert (row["rate"], bool(row["within_limit"])) == (0.0, True)
