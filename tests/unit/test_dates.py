"""Dates as sources write them: ISO, RFC 2822, spelled out, configured, yearless and relative forms."""

from __future__ import annotations

from datetime import date

import pytest

from assets.normalize.dates import parse_date, relative_month, resolve_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-28", date(2026, 1, 28)),
        ("2026-01-28T12:03:03Z", date(2026, 1, 28)),
        ("2026-05-11T08:30:00+02:00", date(2026, 5, 11)),
        ("2026-05-11 08:30", date(2026, 5, 11)),
        ("2026/01/28", date(2026, 1, 28)),
        ("January 28, 2026", date(2026, 1, 28)),
        ("January 28 2026", date(2026, 1, 28)),
        ("Jan 28, 2026", date(2026, 1, 28)),
        ("Jan. 28, 2026", date(2026, 1, 28)),
        ("Sep. 4, 2026", date(2026, 9, 4)),
        ("Sept. 4, 2026", date(2026, 9, 4)),
        ("May 04, 2026", date(2026, 5, 4)),
        ("may 4, 2026", date(2026, 5, 4)),
        ("May 4, 2026.", date(2026, 5, 4)),
        ("  May 4, 2026 ", date(2026, 5, 4)),
        ("28 Jan 2026", date(2026, 1, 28)),
        ("28 January 2026", date(2026, 1, 28)),
        ("Wednesday, January 28, 2026", date(2026, 1, 28)),
        ("Wed, 28 Jan 2026", date(2026, 1, 28)),
        ("Wed, 28 Jan 2026 12:03:03 +0000", date(2026, 1, 28)),
        # The date as the sender wrote it, not shifted to UTC.
        ("Wed, 28 Jan 2026 23:30:00 -0800", date(2026, 1, 28)),
    ],
)
def test_parse_date_known_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "garbage",
        "the 31st of Smarch",
        "2026-02-30",
        "Q1 2026",
        "2026",
        "28/01/2026",
        "20260128",
    ],
)
def test_parse_date_unknown_or_impossible_is_none(text: str | None) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "formats", "expected"),
    [
        ("28/01/2026", ("%d/%m/%Y",), date(2026, 1, 28)),
        ("01/28/2026", ("%m/%d/%Y",), date(2026, 1, 28)),
        # The first configured format that fits wins: 01/02 is 2 January under %m/%d.
        ("01/02/2026", ("%m/%d/%Y", "%d/%m/%Y"), date(2026, 1, 2)),
        ("01/02/2026", ("%d/%m/%Y", "%m/%d/%Y"), date(2026, 2, 1)),
        # A value that does not fit the configured format still gets the built-in forms.
        ("2026-01-28", ("%d/%m/%Y",), date(2026, 1, 28)),
    ],
)
def test_parse_date_configured_formats_come_first(
    text: str, formats: tuple[str, ...], expected: date
) -> None:
    assert parse_date(text, formats) == expected


def test_parse_date_configured_format_that_does_not_fit_is_none() -> None:
    assert parse_date("01/28/2026", ("%d/%m/%Y",)) is None


# A Wednesday, so that weekdays before, on and after it are all exercised.
PUBLISHED = date(2026, 1, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Absolute dates ignore the publication date.
        ("March 3, 2025", date(2025, 3, 3)),
        ("2026-01-02", date(2026, 1, 2)),
        # Without a year: the year that puts the date on or before publication.
        ("Jan 19", date(2026, 1, 19)),
        ("Mar 2", date(2025, 3, 2)),
        ("December 9", date(2025, 12, 9)),
        ("Dec. 9", date(2025, 12, 9)),
        ("9 December", date(2025, 12, 9)),
        ("on the 3rd of January", date(2026, 1, 3)),
        ("Jan 21", date(2026, 1, 21)),
        # Relative to publication.
        ("today", date(2026, 1, 21)),
        ("yesterday", date(2026, 1, 20)),
        ("Yesterday.", date(2026, 1, 20)),
        ("last week", date(2026, 1, 14)),
        ("3 days ago", date(2026, 1, 18)),
        ("Monday", date(2026, 1, 19)),
        ("on Monday", date(2026, 1, 19)),
        ("Wednesday", date(2026, 1, 21)),  # the publication day itself
        ("last Wednesday", date(2026, 1, 14)),
        ("Thursday", date(2026, 1, 15)),
        ("Sunday", date(2026, 1, 18)),
    ],
)
def test_resolve_date_against_publication(text: str, expected: date) -> None:
    assert resolve_date(text, PUBLISHED) == expected


@pytest.mark.parametrize("text", ["Feb 30", "earlier this year", "late January", "next Monday", "", None])
def test_resolve_date_vague_or_impossible_is_none(text: str | None) -> None:
    assert resolve_date(text, PUBLISHED) is None


def test_resolve_date_without_publication_reads_absolute_dates_only() -> None:
    assert resolve_date("March 3, 2026", None) == date(2026, 3, 3)
    assert resolve_date("yesterday", None) is None
    assert resolve_date("Mar 2", None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last month", date(2024, 5, 1)),
        ("late last month", date(2024, 5, 1)),
        ("the middle of last month", date(2024, 5, 1)),
        ("Earlier this month", date(2024, 6, 1)),
        ("in the past month", None),  # the last thirty days, no month
        ("last monthly", None),
    ],
)
def test_relative_month_counts_from_publication(text: str, expected: date | None) -> None:
    assert relative_month(text, date(2024, 6, 6)) == expected


def test_relative_month_crosses_the_year_and_needs_a_publication_date() -> None:
    assert relative_month("last month", date(2024, 1, 15)) == date(2023, 12, 1)
    assert relative_month("last month", None) is None


@pytest.mark.parametrize("written", ["2026/03/04", "04.03.2026", "2026-03-04"])
def test_a_date_in_figures_is_a_day(written: str) -> None:
    from assets.normalize.mentions import announced_fields

    assert announced_fields(written, None, date(2026, 5, 1), "day") == (date(2026, 3, 4), "explicit", "day")
