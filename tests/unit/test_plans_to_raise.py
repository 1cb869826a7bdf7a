"""A round still to come is reported, however the company puts it ('aims to raise', 'looks to raise');
a plan written after an amount raised is another round, and leaves that amount announced."""

from __future__ import annotations

import pytest

from tests.unit.prose_reading import read_mentions


def _statuses(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(m.company, m.amount, m.status) for m in read_mentions(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Quenby aims to raise $50 million by June.",
        "Quenby is aiming to raise $50 million by June.",
        "Quenby said it intends to raise $50 million next year.",
        "Quenby hopes to raise $50 million in a Series B.",
        "Quenby seeks to raise $50 million from family offices.",
        "Quenby wants to raise $50 million this year.",
        "Quenby said in a statement that it plans to raise $50 million.",
        # (read as no deal at all before: 'looks', 'expects', 'needs' and 'prepares' ended no subject)
        "Quenby looks to raise $50 million in its first outside round.",
        "Quenby expects to raise $50 million by June.",
        "Quenby needs to raise $50 million to keep building.",
        "Quenby prepares to raise $50 million.",
        "Quenby is poised to raise $50 million.",
    ],
)
def test_a_round_still_to_come_is_reported(sentence: str) -> None:
    assert _statuses(sentence) == [("Quenby", "$50 million", "reported")]


def test_a_plan_after_the_amount_raised_leaves_it_announced() -> None:
    text = "Quenby raised $20 million in a Series A and aims to raise $50 million next year."
    assert _statuses(text)[0] == ("Quenby", "$20 million", "announced")
    text = "Quenby raised $20 million in a Series A and plans to raise more next year."
    assert _statuses(text) == [("Quenby", "$20 million", "announced")]


def test_other_cues_still_make_the_amount_reported_wherever_they_stand() -> None:
    assert _statuses("Quenby raised $20 million, sources say, and plans to raise more.") == [
        ("Quenby", "$20 million", "reported")
    ]
    assert _statuses("Quenby is raising $50 million, Bloomberg reported, and plans to raise more.") == [
        ("Quenby", "$50 million", "reported")
    ]
