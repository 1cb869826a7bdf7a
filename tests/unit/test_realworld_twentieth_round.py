"""The twentieth round: dates as news writes them, and deals dated to a period rather than a day.

- A month given with its year through 'of' ('in May of 2021', 'In June of 2021, ...') is that month.
- A month of last year ('in July last year', 'In July last year, ...') is that month of the year before
  publication, whatever month the text is published in; 'Early last year, ...' is the year before.
- A clause may open with a connective before its month ('Then in late March, ...').
- A raise of this year is dated by the month and year its phrase names ('in June 2025', a list item's
  '(March 2025)', 'at a $300 billion valuation in March 2025'), by 'last October', by a month said of its
  round ('in an August round'), or by a period between its verb and its amount ('raised capital in early
  2022 in a $450 million Series D'); the early or late part of a year is its first or last quarter.
- A page with no date of its own writes a month said alone ('In August, ...') without its year, and
  normalisation dates it by the period the page is dated by: that month of the year its text names, or the
  latest such month up to the month in its URL; a page nothing dates leaves it undated.
- Resolution measures the distance between two mentions between the periods they are dated to: a mention
  dated by its page's year may be any day of that year, so the month a body states joins it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from assets.normalize.document_dates import MONTH, YEAR, latest_named_period
from assets.normalize.mentions import announced_fields
from assets.parsing.prose import extract_prose_mentions
from assets.resolve.merge import resolve_deals
from tests.unit.test_merge import mention
from tests.unit.test_resolve_in_database import _landed, _resolved_as_python_resolves


def _dated(text: str, published: date | None) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, announced words) of every mention of `text`."""
    return [(m.company, m.amount, m.announced) for m in extract_prose_mentions([text], published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Notably, Korvid was valued at $90 million at the time of a $12 million raise in May of 2021.",
            [("Korvid", "$12 million", "May 2021")],
        ),
        (
            "In June of 2021, Pellmark closed a $40 million Series C.",
            [("Pellmark", "$40 million", "June 2021")],
        ),
        (
            "Tarrow Grid, a Leeds-based app, was among the winners, securing £18m in July last year.",
            [("Tarrow Grid", "£18m", "July 2022")],
        ),
        ("In July last year, Quenby raised $5 million.", [("Quenby", "$5 million", "July 2022")]),
        (
            "Early last year, Ostrel secured a $90 million credit facility from Harbor Bank.",
            [("Ostrel", "$90 million", "2022")],
        ),
        (
            "Then in late March, Lindqvist Pay closed a US$4 million extension of its seed round.",
            [("Lindqvist Pay", "US$4 million", "March 2023")],
        ),
    ],
)
def test_a_month_with_of_or_last_year_and_an_opening_after_a_connective_date_the_deal(text, expected) -> None:
    assert _dated(text, date(2023, 12, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Halvard Labs invested $14 billion in Orrin AI in June 2025, taking a minority stake.",
            [("Orrin AI", "$14 billion", "June 2025")],
        ),
        (
            "2. Tessellate – $4 Billion (March 2025): Tessellate raised $4 billion to grow its platform.",
            [("Tessellate", "$4 Billion", "March 2025")],
        ),
        (
            "Corvane raised over $40 billion at a $300 billion valuation in March 2025, led by Harbor.",
            [("Corvane", "over $40 billion", "March 2025")],
        ),
        (
            "It was valued at $800 million when Peltra raised $50 million last October from Caladon.",
            [("Peltra", "$50 million", "October 2024")],
        ),
        (
            "Sleep tech firm Dorwin raised $100 million in an August round.",
            [("Dorwin", "$100 million", "August 2025")],
        ),
        (
            "Quillon last raised capital in early 2022 in a $450 million Series D round led by Parafin.",
            [("Quillon", "$450 million", "Q1 2022")],
        ),
        (
            "Vantor raised a $150 million Series D in late 2023.",
            [("Vantor", "$150 million", "Q4 2023")],
        ),
        # a month still to come is a plan, not the deal's date
        (
            "Marlow raised $8 million at a $90 million valuation in November 2025.",
            [("Marlow", "$8 million", None)],
        ),
    ],
)
def test_a_raise_of_this_year_is_dated_by_the_month_its_words_name(text, expected) -> None:
    assert _dated(text, date(2025, 9, 2)) == expected


def test_a_month_of_last_year_is_the_year_before_even_when_the_month_is_still_to_come() -> None:
    # published in January: July is later in the year, but 'last year' says which July
    assert _dated("Quenby raised $5 million in July last year.", date(2024, 1, 10)) == [
        ("Quenby", "$5 million", "July 2023")
    ]


def test_a_page_without_a_date_writes_the_month_alone_and_no_month_of_last_year() -> None:
    assert _dated("In August, Redwick Materials raised over $1 billion in a Series D round.", None) == [
        ("Redwick Materials", "over $1 billion", "August")
    ]
    assert _dated("Marlow raised $8 million in September.", None) == [("Marlow", "$8 million", "September")]
    # a round of the past whose year the page cannot give: kept, undated
    assert _dated("Marlow raised $8 million in July last year.", None) == [
        ("Marlow", "$8 million", "earlier, undated")
    ]
    assert _dated("In October 2025, Marlow raised $8 million.", None) == [
        ("Marlow", "$8 million", "October 2025")
    ]


@pytest.mark.parametrize(
    ("published", "precision", "expected"),
    [
        (date(2023, 1, 1), "year", (date(2023, 8, 1), "explicit", "month")),  # the year its text names
        (date(2023, 7, 1), "quarter", (date(2023, 8, 1), "explicit", "month")),
        (
            date(2023, 6, 1),
            "month",
            (date(2022, 8, 1), "explicit", "month"),
        ),  # '/2023/06/': the latest August
        (date(2023, 9, 5), "day", (date(2023, 8, 1), "explicit", "month")),
        (None, None, (None, "undated", None)),  # nothing dates the page: no year for it
    ],
)
def test_a_month_alone_is_dated_by_the_period_the_page_is_dated_by(published, precision, expected) -> None:
    assert announced_fields("August", None, published, precision) == expected


def test_an_exports_month_alone_still_follows_its_date_format() -> None:
    # a date cell that is only a month is no date in the export's format: validation names it
    assert announced_fields("August", "%Y-%m-%d", date(2023, 1, 1), "year") == (None, "explicit", None)


def test_a_month_given_with_of_dates_a_page_by_its_month() -> None:
    period = latest_named_period("The company closed its round in May of 2021, and grew fast.")
    assert (period.day, period.precision) == (date(2021, 5, 1), MONTH)
    assert latest_named_period("It grew fast in 2021.").precision == YEAR


def _round(record_id: str, announced: str, precision: str, basis: str, **facts) -> dict:
    stated = {"round_type": "series_b", "amount_usd": 40_000_000} | facts
    return mention(
        record_id, announced_date=announced, announced_date_precision=precision, date_basis=basis, **stated
    )


def test_a_mention_dated_by_its_pages_year_joins_the_month_its_body_states() -> None:
    # the page is dated only by the year its text names (1 January); the body says 'in November': 334 days
    # from the first of the year, but within the year the page is dated to
    deals, sources = resolve_deals(
        pd.DataFrame(
            [
                _round("headline", "2023-01-01", "year", "published"),
                _round("body", "2023-11-01", "month", "explicit"),
            ]
        )
    )
    assert len(deals) == 1
    assert (deals.iloc[0]["announced_date"], deals.iloc[0]["announced_date_precision"]) == (
        date(2023, 11, 1),
        "month",
    )
    assert sorted(sources["record_id"]) == ["body", "headline"]


def test_months_further_apart_than_the_window_stay_two_deals() -> None:
    deals, _ = resolve_deals(
        pd.DataFrame(
            [
                _round("spring", "2023-01-01", "month", "explicit"),
                _round("autumn", "2023-10-01", "month", "explicit"),  # 243 days after January ends
            ]
        )
    )
    assert sorted(deals["announced_date"]) == [date(2023, 1, 1), date(2023, 10, 1)]


def test_the_database_path_joins_periods_as_python_does() -> None:
    rows = [
        _round("headline", "2023-01-01", "year", "published"),
        _round("body", "2023-11-01", "month", "explicit"),
        _round("spring", "2021-01-01", "month", "explicit", company="Ostrel", company_key="ostrel"),
        _round("autumn", "2021-10-01", "month", "explicit", company="Ostrel", company_key="ostrel"),
        # the second quarter of 2022 begins 152 days after October 2021 ends: it joins autumn, not spring
        _round(
            "quarter",
            "2022-04-01",
            "quarter",
            "published",
            company="Ostrel",
            company_key="ostrel",
            round_type="venture",
        ),
    ]
    valid = pd.DataFrame(rows).assign(warnings=[[] for _ in rows], amount_status="parsed",
                                      valuation_status="missing")  # fmt: skip
    deals, _ = _resolved_as_python_resolves(_landed(valid, "valid_mentions"))
    radix = deals[deals["company"] == "RadixArk"]
    assert list(radix["mention_count"]) == [2]
    assert sorted(deals[deals["company"] == "Ostrel"]["mention_count"]) == [1, 2]
