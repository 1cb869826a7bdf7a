"""Shapes of real funding news read since the eighth round, in our own words (issue 10's ninth round).

A sum raised with no currency written ('raised 16.5 million', 'a 200 million Series A'), an investor's
list item ('Harrow Ventures: Led Quilto's $40M Series B'), a list item whose sentence only describes the
company named before its colon, a sentence that ends on the name the next one's 'It' means, and a company
that 'reported it raised'.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from assets.frames import as_list
from assets.normalize.amounts import find_money
from assets.normalize.mentions import References, normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.parsing.dollars import names_no_currency, unmarked_currency
from assets.parsing.mentions import DealMention
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.prose_names import valid_company
from assets.sources import Source, SourceKind
from assets.validate.quarantine import validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES

PUBLISHED = date(2026, 3, 20)


def _mentions(*paragraphs: str) -> list[DealMention]:
    return extract_prose_mentions(list(paragraphs), published=PUBLISHED)


def _deals(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention, in order."""
    return [(m.company, m.amount, m.round_text) for m in _mentions(*paragraphs)]


# -- a sum raised with no currency written ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Sorrelby raised 16.5 million in Series A funding.", "16.5 million"),
        ("It closed a 200 million Series A round led by Tern.", "200 million"),
        ("The agritech's 10.4 million pre-Series A round.", "10.4 million"),
        ("La start-up lève 40,5 millions pour son usine.", "40,5 millions"),
    ],
)
def test_a_sum_raised_without_a_currency_is_money_with_none(text: str, amount: str) -> None:
    found = find_money(text)
    assert [(m.text, m.currency) for m in found] == [(amount, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The app now has 5 million users.",
        "Revenue grew 20 million this year.",
        "It shipped 3 million units before the round.",
        "Sorrelby raised prices for 2 million customers.",
    ],
)
def test_a_sum_without_a_currency_elsewhere_is_no_money(text: str) -> None:
    assert find_money(text) == []


def test_the_unmarked_currency_is_the_one_most_amounts_name() -> None:
    assert unmarked_currency("€5 million ; €12 million ; $3 million") == "EUR"
    assert unmarked_currency("€5 million and $3 million") is None  # as often: no guess
    assert unmarked_currency("no money here") is None
    assert names_no_currency("16.5 million")
    assert not names_no_currency("$16.5 million")


def _extracted(tmp_path: Path, text: str) -> pd.DataFrame:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    url = "https://news.example.com/roundup"
    source = Source(id="news", kind=SourceKind.ARTICLE, url=url)
    return extract_document(source, url, "0" * 64, "text/plain", page, PUBLISHED)


def _rows(tmp_path: Path, text: str) -> list[dict]:
    return _extracted(tmp_path, text)[["company_text", "amount_text", "currency_text"]].to_dict("records")


def test_a_sum_without_a_currency_takes_the_one_the_pages_deals_are_in(tmp_path: Path) -> None:
    text = (
        "Fenwater raised €8 million in a seed round.\n\n"
        "Glasshook, a Lyon robotics startup, raised 12 million in Series A funding."
    )
    rows = _rows(tmp_path, text)
    assert {r["company_text"]: (r["amount_text"], r["currency_text"]) for r in rows} == {
        "Fenwater": ("€8 million", None),
        "Glasshook": ("12 million", "EUR"),
    }


def test_a_page_that_names_no_currency_leaves_it_empty_and_the_mention_is_quarantined(tmp_path: Path) -> None:
    text = "Glasshook, a Lyon robotics startup, raised 12 million in Series A funding."
    extracted = _extracted(tmp_path, text)
    assert list(zip(extracted["company_text"], extracted["currency_text"], strict=True)) == [
        ("Glasshook", None)
    ]
    # an amount of no known currency is not guessed: the mention lands in quarantine, never in deals
    result = validate_frame(
        normalize_mentions(extracted, References.of()), NormalizedMentionSchema, RECORD_RULES
    )
    assert result.valid.empty
    assert "amount_converted" in as_list(result.rejected["failed_checks"].iloc[0])


# -- an investor's list item -------------------------------------------------------------------------


def test_an_investor_list_item_gives_the_deal_to_the_company_it_led() -> None:
    item = "Harrow Ventures: Led Quilto's $40M Series B at $900M valuation, backs logistics software"
    (mention,) = _mentions(item)
    assert (mention.company, mention.amount, mention.round_text) == ("Quilto", "$40M", "series_b")
    assert mention.lead_investors == ["Harrow Ventures"]


def test_an_investor_that_backed_a_round_is_not_its_lead() -> None:
    (mention,) = _mentions("Fernhill Capital: Backed Ostrava Labs' $25M Series B, targets fintech tools")
    assert (mention.company, mention.amount) == ("Ostrava Labs", "$25M")
    assert mention.lead_investors == []


@pytest.mark.parametrize("name", ["Led Quilto", "Backed Quilto", "Co-led Quilto", "Invests Quilto"])
def test_a_verb_of_investing_is_not_part_of_a_name(name: str) -> None:
    assert valid_company(name) == "Quilto"
    assert valid_company(name.split()[0]) is None


# -- a list item whose sentence only describes the company before its colon ---------------------------


def test_a_described_subject_after_a_colon_is_the_named_item() -> None:
    assert _deals("Tessary: Solid-state battery maker secured $40M Series B funding") == [
        ("Tessary", "$40M", "series_b")
    ]
    assert _deals("Corvane: Direct air capture technology raised $68M for its first plant") == [
        ("Corvane", "$68M", None)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Details: Fintech companies raised $4.3 billion in September.",  # a plural: a sector's total
        "Update: The company closed a $12M seed round.",  # an article: names no one before the colon
        "Weekly roundup: Climate startups raised $310M this week.",
    ],
)
def test_a_colon_before_a_total_or_a_pointer_names_no_company(line: str) -> None:
    assert _deals(line) == []


# -- a sentence that ends on the name the next one means ------------------------------------------------


def test_it_after_a_sentence_ending_on_a_name_is_that_company() -> None:
    text = (
        "One company riding this wave is Quorrel AI. It raised a $200 million Series A led by Tern Capital."
    )
    assert _deals(text) == [("Quorrel AI", "$200 million", "series_a")]


def test_a_sentence_ending_on_a_partner_does_not_introduce_it() -> None:
    text = (
        "The company already works closely with the U.S. Coast Guard. The Oakland-based firm raised "
        "$90 million in Series C funding last year."
    )
    assert all(company != "U.S. Coast Guard" for company, _, _ in _deals(text))


# -- a company that reported it raised ------------------------------------------------------------------


def test_a_company_that_reported_it_raised_is_the_company() -> None:
    text = "As part of that shift, Veldra Health Inc. reported it raised $31 million in Series B financing."
    assert _deals(text) == [("Veldra Health", "$31 million", "series_b")]


def test_an_outlet_that_reported_it_raised_is_no_company() -> None:
    assert _deals("Reuters reported it raised $5 million.") == []
