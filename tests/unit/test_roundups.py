"""A monthly round-up's month for the deals it states without a date (`assets/parsing/roundups.py`)."""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.mentions import DealMention, Method
from assets.parsing.roundups import dated_by_roundup, roundup_month


@pytest.mark.parametrize(
    ("opening", "published", "month"),
    [
        (
            "Indian startups secured $1.3 billion in funding in May, the most this year.",
            date(2024, 6, 6),
            "May 2024",
        ),
        (
            "Kenya, Nigeria attract 76 percent of African startup funds in Nov",
            date(2024, 12, 9),
            "November 2024",
        ),
        ("Startup funding plunges 78% in Jan", date(2024, 2, 15), "January 2024"),
        # December's round-up read in January is last year's
        ("Deals of the month: startups raised $2 billion in December", date(2025, 1, 8), "December 2024"),
        ("Startups raised $900 million in March 2025", date(2025, 4, 2), "March 2025"),
    ],
)
def test_a_roundup_names_the_month_it_covers(opening: str, published: date, month: str) -> None:
    assert roundup_month(opening, published) == month


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        # the month of publication is news of the day, not a round-up's month
        ("Startups raised $1 billion in June so far", date(2024, 6, 20)),
        # a month long before, or a month ahead
        ("Quenby was founded in March and raised funding", date(2024, 11, 2)),
        ("Funding is expected to pick up in July", date(2024, 6, 6)),
        # no money across companies in the opening
        ("The weather in May was the warmest on record", date(2024, 6, 6)),
    ],
)
def test_other_openings_cover_no_month(opening: str, published: date) -> None:
    assert roundup_month(opening, published) is None


def _deal(company: str, announced: str | None) -> DealMention:
    return DealMention(method=Method.PROSE, locator=company, snippet="", company=company, announced=announced)


def test_a_roundups_undated_deals_take_its_month_and_dated_ones_keep_theirs() -> None:
    deals = [_deal("Flipkart", "May 2024"), _deal("TechnoSport", None), _deal("Libas", None)]
    dated_by_roundup(deals, "Indian startups secured $1.3 billion in funding in May.", date(2024, 6, 6))
    assert [d.announced for d in deals] == ["May 2024", "May 2024", "May 2024"]
    deals = [_deal("Flipkart", "April 2024"), _deal("TechnoSport", None), _deal("Libas", None)]
    dated_by_roundup(deals, "Indian startups secured $1.3 billion in funding in May.", date(2024, 6, 6))
    assert [d.announced for d in deals] == ["April 2024", "May 2024", "May 2024"]


def test_a_story_of_one_or_two_deals_is_no_roundup() -> None:
    deals = [_deal("Quenby", None), _deal("Ostrel", None)]
    dated_by_roundup(deals, "Startups secured $1.3 billion in funding in May.", date(2024, 6, 6))
    assert [d.announced for d in deals] == [None, None]
