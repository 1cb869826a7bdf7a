"""A round named as what a raise came after ('two months after its $15 million Series A', 'following a
$10 million seed round') is of the company's past, and the text gives it no date: like 'previously
raised', it is no deal of its own, and never one dated on the day the text was published (which put it in
the publication's quarter, after the round it preceded).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.prose import extract_prose_mentions

PUBLISHED = date(2026, 4, 7)


def _deals(text: str) -> list[tuple[str | None, str | None, str | None, date | None]]:
    return [
        (m.company, m.round_text, m.amount, m.announced)
        for m in extract_prose_mentions([text], published=PUBLISHED)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Corvid Systems raised a $60 million Series B led by Founders Fund on March 2, two months after "
            "its $15 million Series A.",
            [("Corvid Systems", "series_b", "$60 million")],
        ),
        (
            "Stork Compute raised $30 million in a Series A, following a $10 million seed round.",
            [("Stork Compute", "series_a", "$30 million")],
        ),
        (
            "Quenby closed a €20 million Series B on the heels of its €6 million seed.",
            [("Quenby", "series_b", "€20 million")],
        ),
    ],
)
def test_the_round_it_came_after_is_no_deal_of_the_publication_day(sentence, expected) -> None:
    assert [deal[:3] for deal in _deals(sentence)] == expected


def test_a_round_it_came_after_that_the_clause_dates_is_a_deal_of_that_period() -> None:
    found = _deals(
        "Fennick raised $20 million in a Series B, following a $10 million debt facility in August 2025."
    )
    assert [(d[0], d[2]) for d in found] == [("Fennick", "$20 million"), ("Fennick", "$10 million")]
