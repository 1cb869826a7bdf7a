"""The twenty-sixth round: what a company is worth, and when an undated round-up's deals took place.

- More ways of stating a valuation are read as one, never as money raised: 'The deal valued Kelso at $62
  billion', 'Investors valued the six-year-old, Oslo-based company at up to $13 billion', 'The post-money
  valuation lands at about $87 million', "pushes Kelso's valuation past $800 million", 'its valuation
  jumped to $2 billion' ('its value to' was tried and withdrawn: a token's or a
  round's value as often).
- A sentence stating only a valuation gives it to the deal it is about: in its paragraph, the deal stated
  last (not a loan stated beside it); in a later paragraph of a story about that company alone, the first
  deal; not when it is of another time ('in 2021', 'previously', 'would', 'could'), another company ('its
  rival'), or smaller than the amount raised. A loan or a grant is given no valuation.
- A page with no date of its own (none in its text or URL) that opens on the month it covers ('In the last
  week of March, ...', 'news from September 20-27, 2025', 'between September 29 and October 4') dates its
  deals with no date of their own to that month, in the year of the latest date its text names.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assets.normalize.amounts import find_money
from assets.normalize.document_dates import DAY, MONTH, YEAR, DatedPeriod
from assets.parsing.dispatch import parse_stored_document
from assets.parsing.mentions import DealMention, Method
from assets.parsing.money_roles import clause_roles
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.roundups import dated_by_roundup_in_year
from assets.sources import Source, SourceKind


def _roles(sentence: str) -> tuple[str | None, str | None]:
    """(first raise, first valuation) of a sentence, as written."""
    roles = clause_roles(sentence, find_money(sentence))
    raised, valuation = roles.first_raise(), roles.first_valuation()
    return (raised.text if raised else None, valuation.text if valuation else None)


def _valued(*paragraphs: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    """(company, round, amount, valuation) of every mention of `paragraphs` read as prose."""
    return [
        (m.company, m.round_text, m.amount, m.valuation) for m in extract_prose_mentions(list(paragraphs))
    ]


@pytest.mark.parametrize(
    ("sentence", "valuation"),
    [
        ("The deal valued Kelso at $62 billion, the company said.", "$62 billion"),
        ("Investors valued the six-year-old, Oslo-based company at up to $13 billion.", "$13 billion"),
        ("The post-money valuation lands at about $87 million.", "$87 million"),
        ("The new money pushes Kelso's valuation past $800 million.", "$800 million"),
        ("After the round its valuation jumped to $2 billion.", "$2 billion"),
    ],
)
def test_valuation_phrasings_are_read_as_valuations(sentence: str, valuation: str) -> None:
    assert _roles(sentence) == (None, valuation)


def test_a_raise_beside_a_valuation_stays_a_raise() -> None:
    assert _roles("Kelso raised $40 million from backers who valued Kelso at $400 million.") == (
        "$40 million",
        "$400 million",
    )
    assert _roles("Kelso was valued at a discount and raised $5 million.") == ("$5 million", None)


def test_the_valuation_sentence_after_a_round_and_a_loan_values_the_round() -> None:
    assert _valued(
        "Kelso closed a $10 billion Series J round, with an additional $5 billion in debt financing. "
        "Tern Capital joined as a new investor. The deal valued Kelso at $62 billion."
    ) == [
        ("Kelso", "series_j", "$10 billion", "$62 billion"),
        ("Kelso", "debt", "$5 billion", None),
    ]


@pytest.mark.parametrize(
    "later",
    [
        "The funding, which was raised at a valuation of $1.5 billion, was led by Tern Capital.",
        "This new funding round has propelled Kelso to a post-money valuation of $1.5 billion.",
        "This second round, led by Tern Capital, values Kelso at $1.5 billion, according to sources.",
        "As a result, Kelso is now worth $1.5 billion.",
    ],
)
def test_a_later_paragraph_values_the_deal_of_a_story_about_one_company(later: str) -> None:
    story = ["Kelso, a grid software startup, has raised $120 million in a round led by Tern Capital."]
    found = _valued(*story, "The company sells sensors to utilities.", later)
    assert [(company, amount, valuation) for company, _, amount, valuation in found] == [
        ("Kelso", "$120 million", "$1.5 billion")
    ]


@pytest.mark.parametrize(
    "later",
    [
        "Kelso was valued at $900 million in 2021.",  # another time
        "Kelso was previously valued at $900 million.",
        "The round could value Kelso at $3 billion.",  # not yet
        "Its rival Brandt is valued at $3 billion.",  # another company
        "Brandt is valued at $3 billion.",
        "The market for grid sensors is worth $300 billion.",  # a market, not the company
        "Kelso is now worth $50 million.",  # less than it raised: another figure
    ],
)
def test_a_later_valuation_of_another_time_or_company_values_nothing(later: str) -> None:
    story = ["Kelso, a grid software startup, has raised $120 million in a round led by Tern Capital."]
    assert _valued(*story, "The company sells sensors to utilities.", later)[0] == (
        "Kelso",
        None,
        "$120 million",
        None,
    )


def test_a_loan_alone_is_given_no_valuation_from_a_later_paragraph() -> None:
    story = ["Kelso has secured a $300 million debt facility from Brandt Bank."]
    assert _valued(*story, "The company makes sensors.", "Kelso is now worth $2 billion.")[0][3] is None


def _mentions(count: int) -> list[DealMention]:
    return [
        DealMention(Method.PROSE, f"p[{i}]/s[0]", "", f"Company {i}", amount="$5 million")
        for i in range(count)
    ]


@pytest.mark.parametrize(
    ("opening", "named", "announced"),
    [
        (
            "In the last week of March, the country's startups raised $150 million.",
            DatedPeriod(date(2025, 1, 1), YEAR),
            "March 2025",
        ),
        (
            "A roundup of startup funding deals from September 20-27, 2025, across cities.",
            DatedPeriod(date(2025, 1, 1), YEAR),
            "September 2025",
        ),
        (
            "Startups raised $296 million between September 29 and October 4, 2025.",
            DatedPeriod(date(2025, 10, 4), DAY),
            "October 2025",
        ),
        # the latest date the text names may be last week's: 'April 29' in a round-up of May
        (
            "Between May 8 and May 13, startups raised $72 million in funding.",
            DatedPeriod(date(2023, 4, 29), DAY),
            "May 2023",
        ),
        # December's round-up in a text whose latest date is January
        (
            "Funding deals in December slowed, startups said.",
            DatedPeriod(date(2024, 1, 1), MONTH),
            "December 2023",
        ),
    ],
)
def test_an_undated_roundup_dates_its_deals_by_the_month_it_covers(
    opening: str, named: DatedPeriod, announced: str
) -> None:
    mentions = _mentions(3)
    dated_by_roundup_in_year(mentions, opening, named)
    assert [m.announced for m in mentions] == [announced] * 3


@pytest.mark.parametrize(
    ("opening", "count"),
    [
        ("IPO activity from January to end-April 2022 shows 39 listings and $2 billion raised.", 3),  # months
        ("In the last week of March, the country's startups raised $150 million.", 2),  # too few deals
        ("The weather in March was mild, and the harvest was good.", 3),  # no funding spoken of
        ("Funding in March 2024 rose, startups said.", 3),  # a year other than the text's
    ],
)
def test_an_undated_roundup_dates_nothing_without_one_covered_month(opening: str, count: int) -> None:
    mentions = _mentions(count)
    dated_by_roundup_in_year(mentions, opening, DatedPeriod(date(2025, 1, 1), YEAR))
    assert [m.announced for m in mentions] == [None] * count


def test_a_deal_with_a_date_of_its_own_keeps_it() -> None:
    mentions = _mentions(3)
    mentions[0].announced = "February 2025"
    dated_by_roundup_in_year(
        mentions,
        "In the last week of March, startups raised $150 million.",
        DatedPeriod(date(2025, 1, 1), YEAR),
    )
    assert [m.announced for m in mentions] == ["February 2025", "March 2025", "March 2025"]


def _page_mentions(tmp_path: Path, text: str, url: str) -> list[tuple[str | None, str | None]]:
    body = tmp_path / "page.txt"
    body.write_text(text, encoding="utf-8")
    source = Source(id="news", kind=SourceKind.ARTICLE, url=url)
    documents = parse_stored_document(source, url, "text/plain", body)
    return [(m.company, m.announced) for d in documents for m in d.mentions]


_ROUNDUP = (
    "In the last week of March, the country's startups raised over $150 million across 20 deals.\n"
    "Kelso raised $50 million to grow its lending book.\n"
    "Brandt raised $14 million in a Series A round.\n"
    "Quillon raised $9 million in a seed round.\n"
    "Funding across 2025 has been strong, investors said.\n"
)


def test_an_undated_page_saved_as_text_is_dated_by_the_month_it_covers(tmp_path: Path) -> None:
    assert _page_mentions(tmp_path, _ROUNDUP, "https://news.example/startups-raise-150-million") == [
        ("Kelso", "March 2025"),
        ("Brandt", "March 2025"),
        ("Quillon", "March 2025"),
    ]


def test_a_page_dated_by_its_url_is_not_read_as_undated(tmp_path: Path) -> None:
    # its URL gives a day half a year after March: the dated reading gives no month, and the undated
    # reading must not give one either (the page's date stands, not the latest year its text names)
    found = _page_mentions(tmp_path, _ROUNDUP, "https://news.example/2025/09/30/startups-raise")
    assert [announced for _, announced in found] == [None] * 3
