"""The deal_investors bridge: deals' investor lists as one row per (deal, investor)."""

from __future__ import annotations

import duckdb

from assets.deal_investors import _BRIDGE
from warehouse.database import create_table


def test_each_listed_investor_is_one_row_in_list_order_with_its_lead_flag():
    connection = duckdb.connect()
    connection.execute("create table deals (deal_id varchar, lead_investors varchar[], investors varchar[])")
    connection.execute(
        "insert into deals values ('d1', ['Lead A'], ['Lead A', 'Follow B', 'Follow C']), "
        "('d2', [], []), ('d3', ['X', 'Y'], ['X', 'Y'])"
    )
    create_table(connection, "deal_investors")
    connection.execute(_BRIDGE)
    rows = connection.execute(
        "select deal_id, investor, is_lead, investor_position from deal_investors order by all"
    ).fetchall()
    assert rows == [
        ("d1", "Follow B", False, 2),
        ("d1", "Follow C", False, 3),
        ("d1", "Lead A", True, 1),
        ("d3", "X", True, 1),
        ("d3", "Y", True, 2),
    ]
