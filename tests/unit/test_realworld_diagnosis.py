"""Why a labelled deal left no trace: each reading step, on sentences of our own."""

from __future__ import annotations

import pytest

from bench.extraction.realworld.diagnosis import UNREAD, why_unread


@pytest.mark.parametrize(
    ("span", "amount", "step"),
    [
        ("Quorra raised an undisclosed seed round.", None, "no amount labelled"),
        ("Quorra raised twelve and a half bucks.", 12_500_000, "amount not read"),
        ("Quorra is now valued at $900 million.", 900_000_000, "read as another figure"),
        ("It raised $12 million in a seed round.", 12_000_000, "refers back"),
        ("Sector watchers saw a $12 million fundraise in the quarter.", 12_000_000, "no deal words"),
        (
            "Quorra raised $20 million, after a $12 million seed that closed in 2019.",
            12_000_000,
            "another amount taken",
        ),
        ("Quorra raised $12 million in a seed round.", 12_000_000, "lost in the document"),
    ],
)
def test_the_first_step_that_fails(span: str, amount: float | None, step: str) -> None:
    assert step in UNREAD
    assert why_unread(span, amount, None) == step


def test_the_sentence_that_got_furthest_speaks_for_the_deal() -> None:
    span = "Quorra is valued at $12 million by some. Quorra raised $12 million in a seed round."
    assert why_unread(span, 12_000_000, None) == "lost in the document"
