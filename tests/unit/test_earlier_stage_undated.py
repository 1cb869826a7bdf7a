"""An earlier stage told as what a raise came after, with nothing that dates it, keeps an empty date: dated by
the page, it was served as announced on the publication day, in the page's quarter and after the round it
preceded (a down step in the report's step-ups). How the empty date normalises (undated, not the page's
day) is tested with the marker in test_realworld_nineteenth_round.py.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.prose import extract_prose_mentions
from schemas.vocabulary import EARLIER_UNDATED

PUBLISHED = date(2026, 4, 7)


def _rounds(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (m.amount, m.round_text, m.announced) for m in extract_prose_mentions([text], published=PUBLISHED)
    ]


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        (
            "Corvid Systems raised a $60 million Series B led by Founders Fund on March 2, two months after "
            "its $15 million Series A.",
            ("$15 million", "series_a", EARLIER_UNDATED),
        ),
        (
            "Stork Compute raised $30 million in a Series A, following a $10 million seed round.",
            ("$10 million", "seed", EARLIER_UNDATED),
        ),
        # dated after all: by its own words, or by the page's month ('earlier this month')
        (
            "Quenby raised $30M in a Series C after a $15M Series B in 2024.",
            ("$15M", "series_b", "2024"),
        ),
        (
            "Quenby raised $30M in Series C funding after closing a $15M Series B earlier this month.",
            ("$15M", "series_b", None),
        ),
    ],
)
def test_an_earlier_stage_is_dated_only_by_what_the_text_says(sentence: str, earlier: tuple) -> None:
    found = _rounds(sentence)
    assert len(found) == 2
    assert found[1] == earlier
