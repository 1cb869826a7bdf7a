"""Dates as sources write them: ISO, RFC 2822 e-mail headers, spelled-out forms and configured formats."""

from __future__ import annotations

from datetime import date

import pytest

from assets.normalize.dates import parse_date


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
