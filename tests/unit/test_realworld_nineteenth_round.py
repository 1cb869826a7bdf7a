"""The nineteenth round of real-world rules: a list whose amounts name their owners in mixed forms (a
subject with its deal verb beside possessives, 'into', 'by' and 'an investment in'); an undated round of
the company's past, told as closed, is a deal whose date stays empty (`EARLIER_UNDATED`, normalised to
date_basis `undated`) instead of being dropped or given the page's date; a round that 'comes on the heels
of' or 'follows' another; an Australian site retelling US news writes US dollars."""

from __future__ import annotations

from datetime import date

import pytest

from assets.normalize.mentions import announced_fields
from assets.parsing.dollars import dollar_currency
from schemas.vocabulary import EARLIER_UNDATED, UNDATED
from tests.unit.prose_reading import read_deals, read_mentions

# -- lists whose amounts name their owners in mixed forms ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        (
            "These include Quenby raising a $41bn round led by SoftBank, Tarvo's $13bn raise in September "
            "and Meta's investment of more than $14bn into Volsk.",
            [("Quenby", "$41bn", None), ("Tarvo", "$13bn", None), ("Volsk", "more than $14bn", None)],
        ),
        (
            "The quarter saw Quenby's $90 million Series C, a $30 million seed for Tarvo and Volsk raising "
            "$12 million.",
            [
                ("Quenby", "$90 million", "series_c"),
                ("Tarvo", "$30 million", "seed"),
                ("Volsk", "$12 million", None),
            ],
        ),
        # an amount 'in' a company is its investment only after 'investment'
        (
            "Alongside Dunmere's $10 million investment in Ghanaian lender Ostrel and Pellmore's $9 million "
            "loan, the month was busy.",
            [("Ostrel", "$10 million", None), ("Pellmore", "$9 million", "debt")],
        ),
        (
            "Analysts pointed to Quorra's £700m Series C, whilst battery maker Ostrel raised £25m.",
            [("Quorra", "£700m", "series_c"), ("Ostrel", "£25m", None)],
        ),
    ],
)
def test_a_list_of_owners_in_mixed_forms_gives_each_its_amount(
    sentence: str, deals: list[tuple[str, str, str | None]]
) -> None:
    assert read_deals(sentence) == deals


def test_the_lead_of_a_verbs_item_is_its_own() -> None:
    mentions = read_mentions(
        "These include Quenby raising a $41bn round led by SoftBank, Tarvo's $13bn raise in September "
        "and Meta's investment of more than $14bn into Volsk."
    )
    assert [(m.company, m.lead_investors) for m in mentions] == [
        ("Quenby", ["SoftBank"]),
        ("Tarvo", []),
        ("Volsk", []),
    ]


def test_an_investor_before_a_later_owner_stays_with_its_item() -> None:
    mentions = read_mentions(
        "Investors including Accel put $80m into Lumeo, while Brimwell raised $15m in a seed round."
    )
    assert [(m.company, m.amount, m.investors) for m in mentions] == [
        ("Lumeo", "$80m", ["Accel"]),
        ("Brimwell", "$15m", []),
    ]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # subjects with their verbs alone are split by their verbs, as before ('for' names a purpose)
        (
            "Tarvo secured $325M for cancer care, Quenby landed $120M for AI-driven discovery, and Volsk "
            "raised $73M for surgical robots.",
            [("Tarvo", "$325M", None), ("Quenby", "$120M", None), ("Volsk", "$73M", None)],
        ),
        # beside a subject and its verb, 'for' names the money's purpose as often as its owner
        (
            "Synthesia secured €174 million for avatars, while Berlin's brand n8n raised €156.3 million for "
            "workflow automation and London's Quantexa got €152 million.",
            [
                ("Synthesia", "€174 million", None),
                ("n8n", "€156.3 million", None),
                ("Quantexa", "€152 million", None),
            ],
        ),
        # an acquisition's price for a company is no owner's round
        (
            "Dunmere paid over $100 million for Hofy, which raised $30.2 million from VCs.",
            [("Hofy", "$30.2 million", None)],
        ),
    ],
)  # fmt: skip
def test_verbs_and_purposes_keep_their_old_reading(
    sentence: str, deals: list[tuple[str, str, str | None]]
) -> None:
    assert read_deals(sentence) == deals


def test_leads_given_respectively_are_not_all_given_to_the_last_item() -> None:
    # leads given 'respectively' cannot be shared out item by item: no list rather than wrong leads
    mentions = read_mentions(
        "The list includes Tarvo raising a $20m Series A, Volsk's $45m Series B, and Ostrel's $120m "
        "Series C, led by Accel, Index and Tiger respectively."
    )
    assert not any(m.lead_investors == ["Accel", "Index", "Tiger"] for m in mentions)


def test_a_person_who_raised_is_no_item_of_a_list() -> None:
    deals = read_deals(
        "Anna Berg, who raised $40m for her last startup, and Tarvo's $15m Series A were profiled."
    )
    assert "Anna Berg" not in [company for company, _, _ in deals]


# -- undated rounds of the past ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "deal"),
    [
        ("Quenby previously raised $5 million.", ("Quenby", "$5 million", None)),
        (
            "Brimwell raised $22 million in a Series A round. The startup previously raised $4 million in a "
            "seed round led by Playfair.",
            ("Brimwell", "$4 million", "seed"),
        ),
        (
            "Quenby raised $50 million in a Series C. The company had previously raised an oversubscribed "
            "pre-seed round of $700k.",
            ("Quenby", "$700k", "pre_seed"),
        ),
        (
            "Corvane had previously raised $2 million in pre-seed funding and now plans to raise $20 "
            "million.",
            ("Corvane", "$2 million", "pre_seed"),
        ),
        ("Brimwell, which previously raised $12 million, was acquired by Dunmere for $60 million.",
         ("Brimwell", "$12 million", None)),
    ],
)  # fmt: skip
def test_an_undated_round_of_the_past_is_a_deal_whose_date_stays_empty(
    text: str, deal: tuple[str, str, str | None]
) -> None:
    mentions = read_mentions(text)
    past = [m for m in mentions if (m.company, m.amount, m.round_text) == deal]
    assert len(past) == 1
    assert past[0].announced == EARLIER_UNDATED
    assert ("Dunmere", "$60 million") not in [(m.company, m.amount) for m in mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Tarvo had previously planned to raise $40 million.",
        "Quenby had previously been in talks to raise $60 million.",
        "Harrowgate previously raised $15 million, but the round collapsed.",
        "Volsk had previously sought to raise $50 million.",
        "Ostrel previously raised $12 million over the years from angels.",
        "Halden previously raised $20 million in seed and Series A funding combined.",
        "Lumeo raised $12 million. Previously, Lumeo raised $4 million in a seed round that was never "
        "completed.",
        "Tarvo's CEO Jonas Ek, who previously raised $30m, said Quenby was a bargain.",
        "Volsk has raised $90 million to date.",
    ],
)
def test_what_only_looks_like_an_undated_round_of_the_past_is_none(text: str) -> None:
    assert [m for m in read_mentions(text) if m.announced == EARLIER_UNDATED] == []


def test_a_dated_round_of_the_past_keeps_its_period() -> None:
    mentions = read_mentions(
        "Quenby raised $50 million in a Series C. It previously raised $8 million in 2024."
    )
    assert [(m.amount, m.announced) for m in mentions] == [("$50 million", None), ("$8 million", "2024")]


def test_an_earlier_stage_before_the_deal_keeps_the_pages_month() -> None:
    # 'earlier this month' is of the page's month: the earlier stage is not marked undated
    mentions = read_mentions(
        "Quenby raised $30M in Series C funding after closing a $15M Series B earlier this month."
    )
    assert [(m.amount, m.round_text) for m in mentions] == [("$30M", "series_c"), ("$15M", "series_b")]
    assert mentions[1].announced is None


@pytest.mark.parametrize("published", ["2026-03-02", None])
def test_the_undated_marker_normalises_to_an_empty_undated_date(published: str | None) -> None:
    assert announced_fields(EARLIER_UNDATED, None, published, "day") == (None, UNDATED, None)


def test_an_undated_round_of_the_past_is_published_undated_not_at_the_pages_date() -> None:
    assert announced_fields(None, None, "2026-03-02", "day") == (date(2026, 3, 2), "published", "day")
    assert announced_fields(EARLIER_UNDATED, None, "2026-03-02", "day")[0] is None


# -- rounds that follow another ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        (
            "Quenby raised $12 million in a Series A. It follows a $1.5 million seed round.",
            ("$1.5 million", "seed"),
        ),
        (
            "Quenby raised $12 million in a Series A. This funding comes on the heels of a $1.5 million Seed "
            "round raised in September of the previous year, led by Hambro Perks.",
            ("$1.5 million", "seed"),
        ),
        (
            "Quenby raised $12 million in a Series A. It comes on the heels of a $1.5 million seed round "
            "raised in September 2024.",
            ("$1.5 million", "seed"),
        ),
    ],
)
def test_a_round_followed_is_an_earlier_round_of_its_own(text: str, earlier: tuple[str, str]) -> None:
    mentions = read_mentions(text)
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Quenby", "$12 million", "series_a"),
        ("Quenby", *earlier),
    ]


def test_what_follows_must_be_a_round() -> None:
    # a loss, a fine or a price followed is no round of the past
    assert read_deals("Quenby raised $10 million. It follows a $5 million loss.") == [
        ("Quenby", "$10 million", None)
    ]


def test_a_rivals_round_followed_stays_the_rivals() -> None:
    deals = read_deals(
        "Quenby raised $10 million. The news comes two weeks after rival Tarvo raised $40 million."
    )
    assert ("Quenby", "$40 million", None) not in deals


# -- an Australian site retelling US news -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Sydney-based Quenby raised $37m from Blackbird, Australia's largest fund.", "AUD"),
        ("Quenby raised $37m. Tarvo raised $12m.", "AUD"),  # nothing says whose news: the site's dollar
        ("U.S. health startups raised $5 billion; Quenby raised $600 million in Boston.", None),
        # naming both countries, an Australian site still writes its own dollar
        ("Quenby, of Sydney, raised $40m to expand into the U.S.", "AUD"),
    ],
)
def test_an_australian_site_writes_us_dollars_only_for_us_news(text: str, currency: str | None) -> None:
    assert dollar_currency(text, "https://news.example.com.au/story") == currency
