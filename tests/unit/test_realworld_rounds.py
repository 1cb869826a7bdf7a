"""Rounds, histories and names told across a story's sentences, in our own words (issue 10's seventh round).

Each test states a shape seen in real funding news: the round a list's lead-in or a later sentence gives
a deal, debt named before its amount, a history's earlier and later rounds told beside the deal, and the
fuller name a story uses for the company it shortens.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.normalize.rounds import find_round
from assets.parsing.mentions import DealMention
from assets.parsing.newsletter import text_mentions
from assets.parsing.prose import extract_prose_mentions
from schemas.gazetteer import default_gazetteer

PUBLISHED = date(2026, 3, 20)


def _mentions(*paragraphs: str) -> list[DealMention]:
    return extract_prose_mentions(list(paragraphs), published=PUBLISHED)


def _rounds(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention, in order."""
    return [(m.company, m.amount, m.round_text) for m in _mentions(*paragraphs)]


# -- the round a list's lead-in names is every item's -------------------------------------------------


def test_a_bracketed_list_takes_the_round_its_lead_in_names() -> None:
    sentence = "Fresh seed checks went to Orlamo ($2.4M), Quillet ($3M) and Tarnway ($1.1M)."
    assert _rounds(sentence) == [
        ("Orlamo", "$2.4M", "seed"),
        ("Quillet", "$3M", "seed"),
        ("Tarnway", "$1.1M", "seed"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "This week's seed and Series A rounds include Orlamo ($2.4M), Quillet ($9M) and Tarnway ($1.1M).",
        "Seed and Series A rounds this week: Orlamo ($2.4M), Quillet ($9M) and Tarnway ($1.1M).",
    ],
)
def test_a_lead_in_naming_two_stages_gives_its_items_none(sentence: str) -> None:
    assert [r for _, _, r in _rounds(sentence)] == [None, None, None]


def test_later_stage_rounds_are_growth_rounds() -> None:
    assert find_round("most of it came from five later-stage rounds") == "growth"
    assert find_round("a later stage round") == "growth"


# -- the round a later sentence announces or restates ---------------------------------------------------


def test_a_follow_up_that_announces_a_round_types_the_deal_just_stated() -> None:
    paragraph = (
        "Orbital freight maker Kestrava has raised $90 million. "
        "The company announced Thursday a Series C round led by Palisade Growth."
    )
    assert _rounds(paragraph) == [("Kestrava", "$90 million", "series_c")]


def test_a_follow_up_that_announces_an_earlier_round_types_nothing() -> None:
    paragraph = (
        "Orbital freight maker Kestrava has raised $90 million. "
        "The company announced a seed round in 2021 with two angels."
    )
    assert _rounds(paragraph) == [("Kestrava", "$90 million", None)]


def test_a_sentence_opening_on_the_amount_restates_the_deal_with_its_round() -> None:
    first = "Grid software firm Voltaro pulled in $64 million this week."
    later = "The $64 million Series B was co-led by Harrow Capital and Tern Ventures."
    assert _rounds(first, "Voltaro sells to utilities.", later) == [("Voltaro", "$64 million", "series_b")]


def test_a_restated_amount_two_companies_share_types_neither() -> None:
    first = "Voltaro raised $20 million, and Quillet raised $20 million too."
    later = "The $20 million Series A was led by Harrow Capital."
    assert [r for _, _, r in _rounds(first, later)] == [None, None]


def test_a_later_paragraph_opening_on_the_round_types_it_despite_its_amounts() -> None:
    first = "Datavane has closed $300 million in new funding."
    later = "The funding round was led by Palisade Growth, which put in $120 million."
    mentions = _mentions(first, later)
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Datavane", "$300 million", "venture")
    ]
    assert mentions[0].lead_investors == ["Palisade Growth"]


# -- debt and strategic money ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In May, server farm builder Halvard secured a loan of up to $2.5 billion to fund two campuses.",
        "Cloud host Pyrelight closed $410 million in credit and lease financing for new GPUs.",
    ],
)
def test_debt_named_before_or_around_the_amount_is_debt(sentence: str) -> None:
    assert [r for _, _, r in _rounds(sentence)] == ["debt"]


def test_corporations_named_as_some_of_the_investors_make_no_strategic_round() -> None:
    sentence = "Lumeo raised $300 million from investors including Google and Salesforce."
    assert [r for _, _, r in _rounds(sentence)] == [None]


def test_a_corporation_investing_on_its_own_is_still_strategic() -> None:
    sentence = "Google invested $300 million in Lumeo."
    assert _rounds(sentence) == [("Lumeo", "$300 million", "strategic")]


# -- a history told beside the deal ---------------------------------------------------------------------


def test_an_earlier_stage_said_to_come_before_the_deal_is_a_deal_of_its_own() -> None:
    sentence = (
        "Fraudwatch platform Sentrio raised $48 million in a Series B led by Harrow Capital after "
        "closing a $16 million Series A earlier this year."
    )
    mentions = _mentions(sentence)
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Sentrio", "$48 million", "series_b"),
        ("Sentrio", "$16 million", "series_a"),
    ]
    assert mentions[1].announced is None  # undated: the page's date dates it, not the deal's day


def test_an_earlier_stage_two_years_before_is_a_deal_of_its_own() -> None:
    sentence = "Tollgrid raised $50 million in a Series B, two years after a $10 million Series A."
    assert _rounds(sentence) == [
        ("Tollgrid", "$50 million", "series_b"),
        ("Tollgrid", "$10 million", "series_a"),
    ]


def test_a_later_stage_said_to_come_before_the_deal_is_not_told_apart() -> None:
    sentence = "Sentrio raised $16 million in a seed round after a $48 million Series B."
    assert [m.amount for m in _mentions(sentence)] == ["$16 million"]


def test_the_round_a_history_tells_next_is_a_deal_of_its_own() -> None:
    sentence = "Compute lender Corvane raised $1.2 billion, followed by $5 billion in debt."
    assert _rounds(sentence) == [
        ("Corvane", "$1.2 billion", None),
        ("Corvane", "$5 billion", "debt"),
    ]


def test_more_money_from_another_backer_is_a_deal_of_its_own() -> None:
    paragraph = (
        "By June, Lumeo had landed $80 million from two carriers. "
        "Then Amazon committed $3 billion to it, followed by $1 billion more from Google."
    )
    amounts = [m.amount for m in _mentions(paragraph)]
    assert "$1 billion" in amounts
    assert "$3 billion" in amounts


# -- who the deal is of -----------------------------------------------------------------------------------


def test_a_participial_lead_in_does_not_hide_the_subject_pointing_back() -> None:
    paragraph = (
        "Quillet builds inference chips. "
        "Founded in 2021, the company raised a $75 million Series B in January 2026."
    )
    assert _rounds(paragraph) == [("Quillet", "$75 million", "series_b")]


def test_a_short_name_takes_the_one_fuller_form_the_text_writes() -> None:
    text = "Tokyo lab Orizuru AI builds small models.\n\nOrizuru has completed a $135 million funding round."
    assert [m.company for m in text_mentions(text, PUBLISHED)] == ["Orizuru AI"]


@pytest.mark.parametrize(
    "text",
    [
        # two fuller forms: which one is meant is not known
        "Orizuru AI and Orizuru Robotics are sister firms.\n\nOrizuru has raised $135 million.",
        # a legal form adds nothing to the name
        "Orizuru Inc. builds small models.\n\nOrizuru has raised $135 million.",
        # a capital after a comma and an article is another word, not part of the name
        "Orizuru, an AI-first lab, builds small models.\n\nOrizuru has raised $135 million.",
    ],
)
def test_a_short_name_stays_short_without_one_fuller_form(text: str) -> None:
    assert [m.company for m in text_mentions(text, PUBLISHED)] == ["Orizuru"]


# -- money that is no raise -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # a fine paid, in a headline
        "Telco Brandvale Gets $48m Fine for Data Breach",
        "Regulators handed Brandvale $48 million in penalties on Tuesday.",
        # money a company spends on its own sites
        "Cellmine announced plans to invest $14M to open a battery recycling plant in Orton County.",
        "Cellmine will invest $2 billion in a new cathode factory in Ohio.",
    ],
)
def test_fines_and_money_spent_on_sites_are_no_deals(sentence: str) -> None:
    assert _rounds(sentence) == []


def test_money_invested_in_a_company_is_still_its_raise() -> None:
    sentence = "Harrow Capital will invest $20 million in Cellmine, a battery recycler."
    assert [(c, a) for c, a, _ in _rounds(sentence)] == [("Cellmine", "$20 million")]


@pytest.mark.parametrize("name", ["Orton County", "Orton Municipality", "State of Orton"])
def test_local_government_is_no_company(name: str) -> None:
    assert default_gazetteer().not_a_company(name) == "public body"


# -- the month a sentence gives its deals before the amount -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "announced"),
    [
        ("In August, grid startup Voltaro raised $40 million.", "August 2025"),
        ("In early October, Quillet announced a $12 million seed round.", "October 2025"),
        # a month after the month of publication is last year's
        ("In December, Quillet raised $12 million.", "December 2024"),
        ("September 5 – Launch startup Orbitalis raised $90 million in a Series C.", "September 5, 2025"),
        # every clause of the sentence: the month is said before them all
        (
            "The largest funding in May went to Voltaro's $350 million round, followed by "
            "Quillet's $80 million.",
            "May 2025",
        ),
    ],
)
def test_a_month_said_before_the_amount_dates_the_deal(sentence: str, announced: str) -> None:
    mentions = extract_prose_mentions([sentence], published=date(2025, 11, 20))
    assert mentions
    assert {m.announced for m in mentions} == {announced}


def test_a_month_of_something_else_before_the_amount_dates_nothing() -> None:
    sentence = "Founded in May, Voltaro raised $40 million."
    (mention,) = extract_prose_mentions([sentence], published=date(2025, 11, 20))
    assert mention.announced is None
