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
- A report's lede that sums up funding over a period that ended shortly before publication (a year, a month
  named without its year) dates the deals it lists without dates of their own, in plain text and HTML.
- A plan's month ('plans to raise $20 million in August') dates nothing; a period a plan is due in dates no
  page.
- Resolution measures the distance between two mentions between the periods they are dated to: a mention
  dated by its page's year may be any day of that year, so the month a body states joins it; a quarter or
  a year is near only what falls in it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from assets.normalize.amounts import find_money
from assets.normalize.document_dates import MONTH, YEAR, DatedPeriod, latest_named_period, reported_period
from assets.normalize.mentions import announced_fields
from assets.parsing.html_article import parse_article
from assets.parsing.newsletter import text_mentions
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


def test_a_year_is_near_only_what_falls_in_it() -> None:
    # a seed the text dates only by '2022' joins March 2022's seed, never May 2023's, 121 days past its end
    deals, sources = resolve_deals(
        pd.DataFrame(
            [
                _round("history", "2022-01-01", "year", "explicit", round_type="seed"),
                _round("march", "2022-03-01", "month", "explicit", round_type="seed"),
                _round("may", "2023-05-01", "month", "explicit", round_type="seed", amount_usd=8_000_000),
            ]
        )
    )
    assert sorted(deals["mention_count"]) == [1, 2]
    joined = deals[deals["mention_count"] == 2].iloc[0]["deal_id"]
    assert sorted(sources[sources["deal_id"] == joined]["record_id"]) == ["history", "march"]


def test_the_database_path_joins_periods_as_python_does() -> None:
    rows = [
        _round("headline", "2023-01-01", "year", "published"),
        _round("body", "2023-11-01", "month", "explicit"),
        _round("spring", "2021-01-01", "month", "explicit", company="Ostrel", company_key="ostrel"),
        _round("autumn", "2021-10-01", "month", "explicit", company="Ostrel", company_key="ostrel"),
        # the last quarter of 2021 holds October: it joins autumn, not spring
        _round(
            "quarter",
            "2021-10-01",
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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a plan's month is when it may close, not when it did
        ("Zenthra plans to raise $20 million in August.", date(2024, 10, 2), None),
        ("Bellhaven is in talks to raise $100 million in June.", date(2024, 10, 2), None),
        ("And in May, Hollins plans to raise $30 million.", date(2024, 6, 20), None),
        # a comma between a month and its year, as between a day and its year
        ("Halverd raised $14 million in May, 2023.", date(2024, 6, 20), "May 2023"),
        (
            "Finchley's $10 million round in May of 2021 was led by Teodor Capital.",
            date(2024, 6, 20),
            "May 2021",
        ),
    ],
)
def test_plans_take_no_month_and_a_comma_keeps_a_months_year(text, published, expected) -> None:
    assert [announced for _, _, announced in _dated(text, published)] == [expected]


def test_a_day_without_its_year_on_a_page_dated_by_a_year_is_a_day_of_that_year() -> None:
    # not the latest 5 September before 1 January 2023
    assert announced_fields("September 5", None, date(2023, 1, 1), "year") == (
        date(2023, 9, 5),
        "explicit",
        "day",
    )


@pytest.mark.parametrize(
    ("head", "published", "expected"),
    [
        (
            "Fintech companies in Ruritania secured $1.2 billion in 2022, ahead of their neighbours. Acme",
            date(2023, 1, 5),
            DatedPeriod(date(2022, 1, 1), YEAR),
        ),
        (
            "Total funding into healthtech companies fell 55 per cent to $1.4 billion last year, it says.",
            date(2023, 3, 29),
            DatedPeriod(date(2022, 1, 1), YEAR),
        ),
        # a year still running is no report of it
        (
            "European AI funding hit record levels in 2025, led by Quillon's $2 billion round.",
            date(2025, 11, 6),
            None,
        ),
        # no funding told: a mood, not a report
        (
            "With the market turning so sharply in 2022, many startups are now struggling. This week Varel",
            date(2023, 3, 3),
            None,
        ),
        # a fresh deal's lede names its company, not a group of startups
        (
            "Acme raised $20 million. Startups in the region raised $1.2 billion in 2024.",
            date(2025, 1, 10),
            None,
        ),
    ],
)
def test_a_reports_lede_gives_the_period_its_undated_deals_are_of(head, published, expected) -> None:
    assert reported_period(head, published) == expected


def test_an_html_report_dates_its_undated_deals_by_the_period_its_title_covers() -> None:
    page = (
        "<html><head><title>Startup funding rebounds to $878m in May</title></head><body><article>"
        "<p>Capital raised by startups in the region rebounded in May.</p>"
        "<p>Quillon, a logistics platform, raised $40 million from Harbor Capital.</p>"
        "</article></body></html>"
    )
    mentions = parse_article(page, known_date=date(2024, 6, 12)).mentions
    assert [(m.company, m.announced) for m in mentions] == [("Quillon", "May 2024")]


def test_a_plans_year_does_not_date_the_page() -> None:
    text = "The chip is due for sampling in early 2026. Quillon closed its round on 9 July 2025."
    assert latest_named_period(text) == DatedPeriod(date(2025, 7, 9), "day")


@pytest.mark.parametrize(
    "text",
    [
        "Buyers noticed big exits like Harrow's $9.4B acquisition of Clarin and Waylen's $1.3B buy of Iodex.",
        "Projects raised a total of $600 million, with lending projects taking the most, $197 million.",
        "Protocols raised $240 million in May, the most since January.",
    ],
)
def test_a_buy_and_a_group_of_projects_are_no_deal(text) -> None:
    assert _dated(text, date(2025, 9, 2)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a period opening the sentence without a comma
        ("In 2021 Gorsefield raised $4 million.", [("Gorsefield", "$4 million", "2021")]),
        (
            "In May of 2021 Ashdown raised $8 million in a seed round.",
            [("Ashdown", "$8 million", "May 2021")],
        ),
        # a quarter
        ("In the first quarter of 2023, Pellow raised $6 million.", [("Pellow", "$6 million", "Q1 2023")]),
        # a later statement's own period, not the opening's
        (
            "In 2021 Gorsefield raised $4 million, and in May of 2023 it raised $12 million.",
            [("Gorsefield", "$4 million", "2021"), ("Gorsefield", "$12 million", "May 2023")],
        ),
        # a period in an earlier amount's own phrase is that amount's
        (
            "Corvel had previously secured $155m in December 2022, and reports say it plans a $2bn raise.",
            [("Corvel", "$155m", "December 2022")],
        ),
    ],
)
def test_openings_without_a_comma_quarters_and_a_later_statements_period(text, expected) -> None:
    assert _dated(text, date(2024, 6, 20)) == expected


def test_the_company_an_investment_arrived_by_way_of_is_who_the_next_sentence_means() -> None:
    text = (
        "Halden raised $675 million in February. The other notable robotics investment arrived by way of 2R. "
        "The Norwegian firm, which counts Quorra as an early backer, brought in a healthy $100 million."
    )
    assert [(company, amount) for company, amount, _ in _dated(text, date(2024, 6, 20))] == [
        ("Halden", "$675 million"),
        ("2R", "$100 million"),
    ]


def test_pulled_before_an_amount_is_a_raise_and_pulled_out_is_not() -> None:
    assert _dated("Quorra Robotics pulled $600 million in May.", date(2024, 6, 20)) == [
        ("Quorra Robotics", "$600 million", "May 2024")
    ]
    assert _dated("Quenby pulled out of the $40 million deal.", date(2024, 6, 20)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The highest amount of lead investment was $150 million, given to the AI startup Charm.AI.",
            [("Charm.AI", "$150 million")],
        ),
        (
            "The largest round was of $108 million by online dairy platform Country Fresh.",
            [("Country Fresh", "$108 million")],
        ),
        (
            "Last year, the largest round was $108 million, raised by online dairy platform Country Fresh.",
            [("Country Fresh", "$108 million")],
        ),
        # what money is 'for' in a sentence with no deal verb names no taker
        ("The biggest deal was $135 million for nachos franchise Guzman y Gomez.", []),
    ],
)
def test_a_round_named_before_its_amount_and_its_taker_after_it(text, expected) -> None:
    assert [(company, amount) for company, amount, _ in _dated(text, date(2024, 6, 20))] == expected


def _text_deals(text: str, published: date | None) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, announced words) of every mention of a plain-text page."""
    return [(m.company, m.amount, m.announced) for m in text_mentions(text, published)]


def test_a_reports_month_dates_the_deals_it_lists_as_a_round_ups_month() -> None:
    text = "Ruritania: Two Countries Take 76 Percent of Startup Funds in Nov\n\nQuorra raised $12 million."
    assert _text_deals(text, date(2024, 12, 9)) == [("Quorra", "$12 million", "November 2024")]


def test_a_reports_period_dates_the_deals_it_lists() -> None:
    text = (
        "Nigerian fintech companies secured $1.2 billion in 2022, ahead of Kenya.\n\n"
        "Among them, Naira Stack raised a $200 million Series C and Kudi Bridge raised $40 million."
    )
    assert _text_deals(text, date(2023, 1, 20)) == [
        ("Naira Stack", "$200 million", "2022"),
        ("Kudi Bridge", "$40 million", "2022"),
    ]


@pytest.mark.parametrize(
    "news",
    [
        "Nimbrook, a London lender, has raised $12 million in a Series A.",
        "This week, Nimbrook raised $12 million in a Series A.",
        "Nimbrook raises $12 million in a Series A.",
    ],
)
def test_a_deal_told_as_todays_news_keeps_the_pages_date_under_a_reports_lede(news) -> None:
    text = f"Fintech startups in Britain raised 40% less last year than in 2022, data shows.\n\n{news}"
    assert _text_deals(text, date(2024, 1, 12)) == [("Nimbrook", "$12 million", None)]


def test_a_plan_keeps_the_earlier_raise_and_a_reports_month_stays() -> None:
    assert _dated("Nimbrook plans to raise $12 million in August, after raising $4 million in March.",
                  date(2024, 6, 20)) == [("Nimbrook", "$12 million", None),
                                         ("Nimbrook", "$4 million", "March 2024")]  # fmt: skip
    # the month the talks were told in dates the report of them
    assert _dated("In June, Kilimo Pay said it was in talks to raise $45 million.", date(2024, 6, 20)) == [
        ("Kilimo Pay", "$45 million", "June 2024")
    ]


def test_a_pages_guessed_year_is_no_statement_and_keeps_the_window() -> None:
    # a page the year its text names dates (2023) and the day its body states, five days before that year
    deals, _ = resolve_deals(
        pd.DataFrame(
            [
                _round("title", "2023-01-01", "year", "published"),
                _round("body", "2022-12-26", "day", "explicit"),
            ]
        )
    )
    assert list(deals["mention_count"]) == [2]
    assert deals.iloc[0]["announced_date"] == date(2022, 12, 26)


def test_a_deal_carries_the_finest_date_its_text_states() -> None:
    # the lede's year comes first in the text, the body's month is finer: the deal is of March 2023
    rows = [
        _round("lede", "2023-01-01", "year", "explicit"),
        _round("body", "2023-03-01", "month", "explicit"),
    ]
    deals, _ = resolve_deals(pd.DataFrame(rows))
    assert (deals.iloc[0]["announced_date"], deals.iloc[0]["announced_date_precision"]) == (
        date(2023, 3, 1),
        "month",
    )
    valid = pd.DataFrame(rows).assign(warnings=[[] for _ in rows], amount_status="parsed",
                                      valuation_status="missing")  # fmt: skip
    in_database, _ = _resolved_as_python_resolves(_landed(valid, "valid_mentions"))
    assert list(in_database["announced_date_precision"]) == ["month"]


@pytest.mark.parametrize(
    "follow_up",
    [
        " The US-based startup raised the money in a Series B funding round led by Temasek.",
        "\n\nThe US-based startup raised the money in a Series B funding round led by Temasek.",
        " The funds came as part of a Series B round led by Temasek.",
        " The round was a Series B led by Temasek.",
    ],
)
def test_a_later_sentence_saying_the_money_came_in_a_round_gives_its_stage(follow_up) -> None:
    text = "Chip startup Quarrel has raised $110m from investors including Microsoft." + follow_up
    found = [(m.company, m.round_text, m.lead_investors) for m in text_mentions(text, date(2024, 1, 10))]
    assert found == [("Quarrel", "series_b", ["Temasek"])]


def test_a_round_of_another_time_gives_no_stage() -> None:
    found = text_mentions(
        "Chip startup Quarrel has raised $110m. The round follows a Series A in 2022.", None
    )
    assert [m.round_text for m in found] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quillsoft AB announces the outcome of its rights issue, which raises SEK 25.6 million.",
            [("Quillsoft", "post_ipo")],
        ),
        # ('placing' alone is no listed offering in prose: a verb as often)
        ("The placing of new shares raised £3 million for Brindle plc.", [("Brindle", None)]),
        # a private company's private placement is no listing's
        ("Acme, a private robotics startup, closed a $5 million private placement.", [("Acme", None)]),
        ("Guarantors have provided commitments of SEK 66.8 million in the rights issue.", []),
    ],
)
def test_offerings_only_a_listed_company_makes_are_post_ipo(text, expected) -> None:
    found = extract_prose_mentions([text], published=date(2024, 2, 1))
    assert [(m.company, m.round_text) for m in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norsken has been granted NOK 1 million from a regional agency.", [("Norsken", "grant")]),
        (
            "Tallis Labs was awarded $2 million by the National Science Foundation.",
            [("Tallis Labs", "grant")],
        ),
        ("Tallis Labs was awarded a $20 million contract by the Army.", []),
    ],
)
def test_money_granted_or_awarded_is_a_grant(text, expected) -> None:
    found = extract_prose_mentions([text], published=date(2024, 2, 1))
    assert [(m.company, m.round_text) for m in found] == expected


def test_a_sentence_about_a_companys_story_names_who_the_next_one_means() -> None:
    text = (
        "The scale of Baseline's ascent is the real story. Founded in 2019, the company raised a $150 "
        "million Series D in 2024, then a $300 million Series E in January 2026."
    )
    found = [
        (m.company, m.amount, m.announced) for m in extract_prose_mentions([text], published=date(2026, 6, 1))
    ]
    # the founding year dates no round
    assert sorted(found) == [
        ("Baseline", "$150 million", "2024"),
        ("Baseline", "$300 million", "January 2026"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a third red team's: the words after 'a' are no round named alone
        (
            "Orvella has secured $40 million in new funding. The round was a mix of equity and venture debt.",
            None,
        ),
        (
            "Orvella got $40 million. This money is a fraction of a Series D that rival Dovra raised.",
            None,
        ),
        (
            "Orvella got $40 million. The cash is in a Series B escrow account until regulators approve.",
            None,
        ),
        (
            "Orvella raised $40 million. This round is a departure from a Series B structure rivals use.",
            None,
        ),
        # 'placing' as a verb, a private company's share placement, credit and refunds 'granted' or 'awarded'
        ("Quorra raised $100 million in new funding, placing its valuation at $1.2 billion.", None),
        ("Privately held Lanthor completed a $2 million share placement with its angel investors.", None),
        ("Zentor was granted $50 million in credit lines by Harbor Bank.", None),
        ("Marrow Health was awarded $900,000 in back taxes refund by the IRS.", None),
    ],
)
def test_rounds_the_late_rules_must_not_read(text, expected) -> None:
    assert [m.round_text for m in text_mentions(text, date(2024, 2, 1))] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The scale of Musk's ambition is the real story. Founded in 2023, the company raised $6 billion.",
        "The success of Google's Gemini is one reason. Founded in 2021, the company raised $30 million.",
    ],
)
def test_a_name_the_subject_owns_is_who_it_means_only_for_its_story(text) -> None:
    assert extract_prose_mentions([text], published=date(2024, 2, 1)) == []


def test_a_round_closed_late_in_a_year_and_announced_early_in_the_next_is_one_deal() -> None:
    rows = [
        _round("history", "2021-10-01", "quarter", "explicit"),  # 'closed the round in late 2021'
        _round("news", "2022-01-05", "day", "explicit"),  # 'announced on January 5, 2022'
    ]
    deals, _ = resolve_deals(pd.DataFrame(rows))
    assert list(deals["mention_count"]) == [2]
    valid = pd.DataFrame(rows).assign(warnings=[[] for _ in rows], amount_status="parsed",
                                      valuation_status="missing")  # fmt: skip
    in_database, _ = _resolved_as_python_resolves(_landed(valid, "valid_mentions"))
    assert list(in_database["mention_count"]) == [2]


def test_a_month_said_alone_in_a_review_of_last_year_is_that_years() -> None:
    text = (
        "Startups in Chile raised $700 million in 2023, according to Andes Data. In January, Cosecha raised "
        "$10 million in a Series A. In June, Minera Verde raised $25 million in a Series B."
    )
    assert _text_deals(text, date(2024, 1, 20)) == [
        ("Cosecha", "$10 million", "January 2023"),
        ("Minera Verde", "$25 million", "June 2023"),
    ]


def test_an_amount_with_plus_written_out_is_a_floor_and_a_funding_nouns_amount() -> None:
    assert [(m.text, m.is_floor) for m in find_money("a $250 million-plus funding round")] == [
        ("$250 million-plus", True)
    ]
    assert [(m.text, m.is_floor) for m in find_money("$5 million plus fees")] == [("$5 million", False)]
    text = "Recent deals, such as Perplon AI's reported $250 million-plus funding, show investor appetite."
    assert [(m.company, m.amount) for m in extract_prose_mentions([text], published=date(2024, 2, 1))] == [
        ("Perplon AI", "$250 million-plus")
    ]
