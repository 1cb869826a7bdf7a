"""The possible_duplicates check: one round under two spellings no alias joins, counted twice."""

from __future__ import annotations

import datetime as dt

import duckdb

from assets.deals import POSSIBLE_DUPLICATES_ORDER, POSSIBLE_DUPLICATES_SQL


def _pairs(rows: list[tuple]) -> list[tuple]:
    with duckdb.connect() as connection:
        connection.execute(
            "create table deals (deal_id varchar, company varchar, round_type varchar, amount_usd bigint, "
            "announced_date date, status varchar)"
        )
        connection.executemany("insert into deals values (?, ?, ?, ?, ?, ?)", rows)
        return connection.execute(
            f"{POSSIBLE_DUPLICATES_SQL} order by {POSSIBLE_DUPLICATES_ORDER}"
        ).fetchall()


def test_one_round_under_two_spellings_or_two_round_labels_is_a_pair() -> None:
    march = dt.date(2026, 3, 11)
    pairs = _pairs([
        ("d1", "Kite", "series_a", 10_000_000, march, "announced"),
        ("d2", "Kite AI", "series_a", 10_000_000, march + dt.timedelta(days=2), "announced"),
        ("d3", "Heron Grid", "series_b", 40_000_000, march, "announced"),
        ("d4", "Heron Grid", "growth", 40_000_000, march, "announced"),
    ])  # fmt: skip
    assert [(p[0], p[2], p[4]) for p in pairs] == [
        ("Heron Grid", "Heron Grid", 40_000_000),
        ("Kite", "Kite AI", 10_000_000),
    ]


def test_other_amounts_dates_names_and_reported_rounds_are_no_pair() -> None:
    march = dt.date(2026, 3, 11)
    assert _pairs([
        ("d1", "Kite", "series_a", 10_000_000, march, "announced"),
        ("d2", "Kite AI", "series_a", 12_000_000, march, "announced"),  # another amount
        ("d3", "Kite AI", "series_a", 10_000_000, march + dt.timedelta(days=30), "announced"),  # a month on
        ("d4", "Kite Robotics", "series_a", 10_000_000, march, "announced"),  # another name
        ("d5", "Kite", "series_a", 10_000_000, march, "reported"),  # talks, then the round
        ("d6", "Vector Labs", "seed", None, march, "announced"),  # undisclosed
        ("d7", "Vector Labs", "seed", None, march, "announced"),
    ]) == []  # fmt: skip
