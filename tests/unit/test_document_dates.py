"""Dating a document that states no publication date: its URL, then the periods its text names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assets.normalize.document_dates import DatedPeriod, latest_named_period, url_date
from assets.normalize.mentions import References, normalize_record
from assets.parsing.dispatch import extract_document
from assets.sources import Source, SourceKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Orrin raised $8M in March 2025; it had raised a seed in 2023.",
            DatedPeriod(date(2025, 3, 1), "month"),
        ),
        ("Signed on 14 February 2026 in Oslo.", DatedPeriod(date(2026, 2, 14), "day")),
        ("Posted Jan. 6, 2024 by the desk.", DatedPeriod(date(2024, 1, 6), "day")),
        ("Deal volume for Q3 2024 fell.", DatedPeriod(date(2024, 7, 1), "quarter")),
        ("In the second quarter of 2025, rounds grew.", DatedPeriod(date(2025, 4, 1), "quarter")),
        ("Venture funding shrank in 2023 and will recover by 2030.", DatedPeriod(date(2023, 1, 1), "year")),
        (
            "The market could reach $90 billion through 2031, up from 2022.",
            DatedPeriod(date(2022, 1, 1), "year"),
        ),
        ("issued 2025-09 Brannock Labs closes its round", DatedPeriod(date(2025, 9, 1), "month")),
        ("Plans for 2024-2026 were set.", None),  # a span of years, not a month
        ("It hired 2,024 engineers and grew 2025% in a year.", None),
        ("Kestrel raised $2025 million.", None),
        # a range of days ends on the day named; 'to' a year is still a forecast
        ("This week's briefing covers 2 to 8 March 2026.", DatedPeriod(date(2026, 3, 8), "day")),
        ("Spending will grow from 2024 to 2029.", DatedPeriod(date(2024, 1, 1), "year")),
        ("No dates here at all.", None),
        # a date inside a file name or a slug, and the end of a range of ISO dates, date the text
        ("Attached: Kestrel_Digest_2026-03-01.pdf, this week's rounds", DatedPeriod(date(2026, 3, 1), "day")),
        ("Week of 2026-02-23-2026-03-01: the rounds", DatedPeriod(date(2026, 3, 1), "day")),
        # a founding year is the company's age, not the page's date
        ("Founded in 2018, Orrin has raised $40 million.", None),
        ("Orrin, established in March 2019, raised $9M in 2024.", DatedPeriod(date(2024, 1, 1), "year")),
        ("Orrin's app, launched in May 2025, raised its profile.", DatedPeriod(date(2025, 5, 1), "month")),
        # a copyright notice dates the site's theme, not the page
        ("© 2020, Harbor theme by Someone", None),
        (
            "Copyright © 2019-2024 Example Media. Orrin raised $5M in March 2023.",
            DatedPeriod(date(2023, 3, 1), "month"),
        ),
        ("©2021 News Ltd. All rights reserved.", None),
        # '(c)' is a list's third item, and a byline's month is the page's
        (
            "(a) Q1 2024: shipped. (b) Q2 2024: hired. (c) Q3 2024: raised.",
            DatedPeriod(date(2024, 7, 1), "quarter"),
        ),
        ("By Jane Ostrow | Copyright March 2024, Robotics Ledger", DatedPeriod(date(2024, 3, 1), "month")),
        ("Photo ©\nJune 2024 - Hyphae raised $5 million.", DatedPeriod(date(2024, 6, 1), "month")),
    ],
)
def test_latest_named_period(text: str, expected: DatedPeriod | None) -> None:
    assert latest_named_period(text) == expected


def test_a_year_adds_nothing_to_a_month_of_the_same_year() -> None:
    assert latest_named_period("In May 2025 the round closed, the largest of 2025.") == DatedPeriod(
        date(2025, 5, 1), "month"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2024/01/06/orrin-raises", DatedPeriod(date(2024, 1, 6), "day")),
        ("https://news.example/tech/2023-11/orrin", DatedPeriod(date(2023, 11, 1), "month")),
        ("https://news.example/2024/13/40/bad", None),
        ("https://news.example/orrin-raises-2023-funds", None),
        # a month and year in the slug
        (
            "https://news.example/chip-funding-slows-in-august-2025-analysis",
            DatedPeriod(date(2025, 8, 1), "month"),
        ),
        ("https://news.example/recap/october_2024.html", DatedPeriod(date(2024, 10, 1), "month")),
        ("https://news.example/mayday-2024-report", None),
    ],
)
def test_url_date(url: str, expected: DatedPeriod | None) -> None:
    assert url_date(url) == expected


def _extract(tmp_path: Path, text: str, name: str = "page.txt", hint: date | None = None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    source = Source(id="s", name="S", kind=SourceKind.ARTICLE, url=path.as_uri())
    return extract_document(source, path.as_uri(), "0" * 64, "text/plain", path, hint)


def test_an_undated_page_takes_the_latest_month_its_text_names(tmp_path: Path) -> None:
    frame = _extract(tmp_path, "Orrin raised $12 million in a Series A.\n\nThe round closed in April 2025.")
    assert frame[["company_text", "published_date", "published_precision"]].values.tolist() == [
        ["Orrin", date(2025, 4, 1), "month"]
    ]
    record = normalize_record(frame.iloc[0].to_dict(), References.of())
    assert (record["announced_date"], record["announced_date_precision"], record["date_basis"]) == (
        date(2025, 4, 1),
        "month",
        "published",
    )


def test_a_feed_date_wins_over_the_text(tmp_path: Path) -> None:
    frame = _extract(
        tmp_path, "Orrin raised $12 million in a Series A. It was founded in 2023.", hint=date(2026, 2, 3)
    )
    assert frame[["published_date", "published_precision"]].values.tolist() == [[date(2026, 2, 3), "day"]]


def test_a_stated_month_is_a_month(tmp_path: Path) -> None:
    row = {"company_text": "Orrin", "amount_text": "$5M", "announced_text": "March 2025"}
    record = normalize_record(row, References.of())
    assert (record["announced_date"], record["announced_date_precision"]) == (date(2025, 3, 1), "month")


def test_periods_far_apart_in_a_long_page_are_all_seen() -> None:
    filler = "words without any period at all " * 20_000
    text = f"Founded in 2019. {filler}It raised again in March 2025. {filler}Revenue grew 2026% since."
    assert latest_named_period(text) == DatedPeriod(date(2025, 3, 1), "month")


def test_a_feed_date_dates_the_rounds_a_page_places_last_year(tmp_path: Path) -> None:
    # The page states no date, but its feed entry does: 'last year' is the year before that.
    text = "Quillmere raised $40 million in a Series B. It raised $9 million last year, led by Tarn Capital."
    frame = _extract(tmp_path, text, hint=date(2025, 6, 2))
    rows = frame[["company_text", "amount_text", "announced_text"]].values.tolist()
    assert ["Quillmere", "$9 million", "2024"] in rows


def test_a_url_date_dates_the_rounds_a_page_places_last_year(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Vantor Grid raised $12 million last year, led by Ostra Partners.", encoding="utf-8")
    source = Source(id="s", name="S", kind=SourceKind.ARTICLE, url=path.as_uri())
    frame = extract_document(source, "https://news.example/2023/05/vantor", "0" * 64, "text/plain", path)
    assert frame[["company_text", "amount_text", "announced_text"]].values.tolist() == [
        ["Vantor Grid", "$12 million", "2022"]
    ]


def test_a_period_after_the_day_the_text_is_read_does_not_date_it() -> None:
    text = "Three chip startups raised $1.1 billion this week in March 2026; the real test comes in 2027."
    assert latest_named_period(text, not_after=date(2026, 12, 2)) == DatedPeriod(date(2026, 3, 1), "month")
    assert latest_named_period(text) == DatedPeriod(date(2027, 1, 1), "year")


def test_a_day_without_its_year_on_a_page_nothing_dates_leaves_the_deal_undated(tmp_path: Path) -> None:
    # The page names no year anywhere: 'December 8' is a day of a year nobody knows. The deal is kept,
    # undated, rather than quarantined as an unreadable date.
    frame = _extract(tmp_path, "On December 8, Orrin announced a $12 million Series A.")
    assert frame[["company_text", "announced_text", "published_date"]].values.tolist() == [
        ["Orrin", None, None]
    ]
    record = normalize_record(frame.iloc[0].to_dict(), References.of())
    assert record["announced_date"] is None


def test_a_day_without_its_year_on_a_dated_page_takes_the_page_s_year(tmp_path: Path) -> None:
    frame = _extract(
        tmp_path, "On December 8, Orrin announced a $12 million Series A.", hint=date(2025, 12, 10)
    )
    record = normalize_record(frame.iloc[0].to_dict(), References.of())
    assert (record["announced_date"], record["date_basis"]) == (date(2025, 12, 8), "explicit")
