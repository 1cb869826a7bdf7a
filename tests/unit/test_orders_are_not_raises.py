"""Money customers commit is no raise: orders, pre-orders, purchase orders and supply deals, however the
company says it took them (in a statement, out of stealth, with a deal verb). Money raised to fill orders,
or 'in order to' grow, is still a raise."""

from __future__ import annotations

import pytest

from tests.unit.prose_reading import read_deals


@pytest.mark.parametrize(
    "sentence",
    [
        "Quenby said in a statement that it received a $50 million order from a utility.",
        "Quenby received a $50 million order from a utility.",
        "Quenby said on Tuesday that it had received $8 million in pre-orders.",
        "Quenby came out of stealth with $12 million in pre-orders.",
        "Quenby landed a $30 million purchase order from Brimwell.",
        "Quenby bagged a $12 million deal to supply chips to Brimwell.",
        "Quenby signed a $12 million supply deal with Brimwell.",
        "Quenby secured a €9 million offtake agreement with a steelmaker.",
        "Quenby Bags $40M Order From Navy",
    ],
)
def test_what_customers_commit_is_no_deal(sentence: str) -> None:
    assert read_deals(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "deal"),
    [
        ("Quenby raised $50 million in order to expand into Asia.", ("Quenby", "$50 million", None)),
        ("Quenby raised $50 million to fill orders from carmakers.", ("Quenby", "$50 million", None)),
        ("Quenby closed a $12 million funding deal to expand its team.", ("Quenby", "$12 million", None)),
        (
            "Quenby raised $20 million in Series A funding, with orders from three utilities.",
            ("Quenby", "$20 million", "series_a"),
        ),
        (
            "Quenby has raised $15 million in seed funding and has $40 million in orders.",
            ("Quenby", "$15 million", "seed"),
        ),
        # (found by a red-team pass: 'in order' in any form, and financing that orders back, are raises)
        (
            "Quenby raised $40 million in order for it to expand into Germany.",
            ("Quenby", "$40 million", None),
        ),
        ("Quenby raised $40 million in order, the company said, to grow.", ("Quenby", "$40 million", None)),
        (
            "Quenby received a $30 million order-backed loan from Brimwell Bank.",
            ("Quenby", "$30 million", "debt"),
        ),
        ("Quenby raised $25 million in order-book financing from a bank.", ("Quenby", "$25 million", None)),
        ("Quenby raised $30 million pre-order funding from Brimwell.", ("Quenby", "$30 million", None)),
        ("Quenby raised $12 million of order financing from Brimwell.", ("Quenby", "$12 million", None)),
        (
            "Quenby closed a $30 million deal to provide working capital for its expansion.",
            ("Quenby", "$30 million", None),
        ),
    ],
)
def test_a_raise_beside_orders_is_still_a_raise(sentence: str, deal: tuple[str, str, str | None]) -> None:
    assert read_deals(sentence) == [deal]
