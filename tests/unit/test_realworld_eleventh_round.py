"""Issue 10's eleventh round, in our own words: a company a story names in full once and shortly after.

A story names a company in full once ('Tallowmere Games.', 'Quenby Photonics Inc.', 'Brindle
Therapeutics BRND.O') and calls it by its first word where it reports the raise. The full name is the
company's: the words after the short name count while they are words names end with, up to the end of
the sentence, so the next sentence's first word ('Tallowmere Games. That ...') or a ticker is never part
of it.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.prose import extract_prose_mentions, resolve_short_names

PUBLISHED = date(2026, 3, 20)


def _resolved(text: str) -> list[tuple[str | None, str | None]]:
    """(company, amount) of every mention of `text` read as one paragraph, short names resolved."""
    mentions = resolve_short_names(extract_prose_mentions([text], published=PUBLISHED), text)
    return [(m.company, m.amount) for m in mentions]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("The top spot went to Denver-based Tallowmere Games. Tallowmere raised $40 million from Kestrel "
         "Fund.", "Tallowmere Games"),
        ("Quenby Photonics Inc. builds optical links. Quenby raised $34 million in a Series A.",
         "Quenby Photonics"),
        ("Shares of Brindle Therapeutics BRND.O rose on Monday. Brindle raised $250 million in its IPO.",
         "Brindle Therapeutics"),
        ("Chips were led by Pellmore Semiconductors.\nWhile Pellmore raised $3 million, others waited.",
         "Pellmore Semiconductors"),
        ("Hallam Biopharma Inc.’s chief executive spoke. Hallam closed a $100 million Series C.",
         "Hallam Biopharma"),
    ],
)  # fmt: skip
def test_a_short_name_takes_the_full_name_the_story_gives_it(text: str, company: str) -> None:
    [(name, _)] = _resolved(text)
    assert name is not None
    assert name.removesuffix(" Inc") == company


@pytest.mark.parametrize(
    "text",
    [
        # the words after it are no name's ending: 'Tallowmere Harbour' is another name
        "Tallowmere Harbour opened. Tallowmere raised $40 million from Kestrel Fund.",
        # a group's umbrella words alone make no fuller name
        "Tallowmere Global Inc. listed. Tallowmere raised $40 million from Kestrel Fund.",
    ],
)
def test_no_fuller_name_from_words_names_do_not_end_with(text: str) -> None:
    assert _resolved(text) == [("Tallowmere", "$40 million")]


def test_an_acronym_defined_where_no_deal_is_stated_is_the_full_name() -> None:
    text = (
        "Fennick Partners sold its stake in The Quiet Lantern Studios (QLS) at a profit. "
        "After QLS's $27 million Series C from Brae Capital, the firm waited."
    )
    assert _resolved(text) == [("The Quiet Lantern Studios", "$27 million")]


def test_an_acronym_no_name_defines_stays_as_written() -> None:
    text = "Analysts at Fennick Partners (FP) were surprised. QLC raised $27 million in a Series C."
    assert _resolved(text) == [("QLC", "$27 million")]


# -- a clause that opens before its subject ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "deals"),
    [
        ("While Pellmore raised $3 million, others waited.", [("Pellmore", "$3 million")]),
        ("While Pellmore raised $3 million, Quenby raised $2 million.",
         [("Pellmore", "$3 million"), ("Quenby", "$2 million")]),
        ("Although Pellmore closed a $3 million seed round, it cut staff.", [("Pellmore", "$3 million")]),
    ],
)  # fmt: skip
def test_a_subordinate_clause_keeps_its_subject(text: str, deals: list[tuple[str, str]]) -> None:
    assert _resolved(text) == deals


# -- a fund named after 'from' is the investor, not the money's purpose -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tallowmere raised $40 million from Kestrel Fund.",
        "Tallowmere raised $40 million led by Kestrel Growth Fund.",
    ],
)
def test_money_from_a_fund_is_a_raise(text: str) -> None:
    assert _resolved(text) == [("Tallowmere", "$40 million")]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel raised $40 million for its third fund.",
        "Kestrel raised $40 million across two funds.",
    ],
)
def test_money_for_a_fund_is_still_no_raise(text: str) -> None:
    assert _resolved(text) == []


# -- from the blind batch dev-828..857 ----------------------------------------------------------------------


def _deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(m.company, m.amount, m.round_text) for m in extract_prose_mentions([text], published=PUBLISHED)]


def test_rounds_each_owned_by_a_name_after_them_are_each_a_deal() -> None:
    text = (
        "Those totals include the $90 million round that Quenby Health raised in March, the $40 million "
        "round that Brindle Labs raised in January and the $25 million round that Tallowmere closed in May."
    )
    assert _deals(text) == [
        ("Quenby Health", "$90 million", None),
        ("Brindle Labs", "$40 million", None),
        ("Tallowmere", "$25 million", None),
    ]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Earlier, Fortnite-maker Pellmore Games landed $60 million in funding.", "Pellmore Games"),
        ("Chatbot-creator Quenby raised $6 million in a seed round.", "Quenby"),
    ],
)
def test_what_a_company_makes_before_its_name_is_no_part_of_it(text: str, company: str) -> None:
    assert [deal[0] for deal in _deals(text)] == [company]


@pytest.mark.parametrize(
    ("headline", "company"),
    [
        ("Payments Platform Quenby Raises $18.6m", "Quenby"),
        ("Pellmore Joins Unicorn Club With $120 Mn Series E Round", "Pellmore"),
    ],
)
def test_a_headline_names_the_company_after_its_description_and_before_its_verb(
    headline: str, company: str
) -> None:
    assert [deal[0] for deal in _deals(headline)] == [company]


def test_a_headline_about_a_company_it_does_not_name_gives_no_company() -> None:
    assert _deals("A Nordic AI Company Just Raised $4.3 Billion Without Selling Equity") == []


@pytest.mark.parametrize(
    "text",
    [
        "Canada’s Quenby said Jan. 5 it has raised $35 million ahead of its first launch.",
        "Quenby said on March 3, 2023 that it had raised $35 million ahead of its first launch.",
    ],
)
def test_a_company_that_said_on_a_date_that_it_raised_is_the_company(text: str) -> None:
    assert [deal[:2] for deal in _deals(text)] == [("Quenby", "$35 million")]


def test_a_lender_providing_money_to_a_company_is_not_the_company() -> None:
    text = (
        "The Nordic Investment Bank is providing €20 million in venture-debt financing to Danish "
        "medical-device company Pellmore to build its second plant."
    )
    assert _deals(text) == [("Pellmore", "€20 million", "debt")]


def test_an_ipo_of_a_company_sized_before_it_is_that_company_s() -> None:
    text = "Last year the ₹3,042.5-crore IPO of Quenby Technologies was subscribed 69 times."
    assert _deals(text) == [("Quenby Technologies", "₹3,042.5-crore", "ipo")]


@pytest.mark.parametrize(
    "text",
    [
        "Quenby makes drones. Wall Street is taking notice: the company just raised $30 million.",
        "Quenby makes drones. Demand is strong: the startup raised $50 million last week.",
        "Quenby makes drones. Kestrel has been a key backer: the startup raised $40 million from it.",
    ],
)
def test_what_a_sentence_speaks_of_before_a_colon_is_not_the_company(text: str) -> None:
    # the words before the colon are about a market, a mood or an investor as often as the company
    assert [company for company, _ in _resolved(text)] == ["Quenby"]


def test_a_reference_after_a_colon_with_no_one_before_it_names_no_company() -> None:
    assert _deals("Update: the startup just raised $50 million from investors.") == []


# -- the words between a company and its verb, looked for only where they can end ----------------------------


@pytest.mark.parametrize(
    "subject",
    [
        "Quenby has",
        "Quenby said it had",
        "Quenby said Jan. 5 that it has",
        "Quenby is in advanced talks for about",
        "Quenby on Monday",
        "Quenby this week",
        "Quenby quietly",
        "Quenby is gearing up",
        "Quenby told Reuters it",
        "Quenby est sur le point de",
    ],
)
def test_the_words_between_a_company_and_its_verb_are_taken_off(subject: str) -> None:
    from assets.parsing.subjects import _without_trailing_words

    assert _without_trailing_words(subject) == "Quenby"


# -- a total's included rounds, and a further round ----------------------------------------------------------


def test_a_round_of_a_stage_included_in_a_total_is_a_deal_of_the_company_s_past() -> None:
    text = (
        "Pellmore raised $8 million in a Series A extension. This brings the total funding for the "
        "Pune-based company to $40 million, including a $11 million Series A round in March 2021."
    )
    found = [(m.company, m.amount, m.round_text, m.announced) for m in extract_prose_mentions([text])]
    assert found == [
        ("Pellmore", "$8 million", "series_a", None),
        ("Pellmore", "$11 million", "series_a", "March 2021"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a part of no stage stays a part of the total
        "Pellmore raised $8 million in a Series B. Its total funding is $40 million, including $10 million "
        "in debt.",
        # no total: what a round includes is its own parts
        "Pellmore raised $8 million in a Series B, including a $2 million seed extension from its angels.",
    ],
)
def test_no_past_round_from_a_part_of_no_stage_or_without_a_total(text: str) -> None:
    assert [m.amount for m in extract_prose_mentions([text])] == ["$8 million"]


def test_a_further_sum_after_a_raise_is_the_next_round_dated_by_its_own_month() -> None:
    text = "Quenby raised $1.1bn in September, followed by a further $433m in October."
    found = [(m.company, m.amount, m.announced) for m in extract_prose_mentions([text], published=PUBLISHED)]
    assert found == [("Quenby", "$1.1bn", "September 2025"), ("Quenby", "$433m", "October 2025")]


# -- the red-team pass over this round's rules: what they must leave alone -----------------------------------


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a month's abbreviation alone, or before a word, is a name; before a day it is a date
        ("Jun raised $4 million in seed funding led by Brae Capital.", "Jun"),
        ("NOV raised $15 million from Kestrel Fund.", "NOV"),
        ("Mar 3 Labs raised $2 million in seed funding.", "Mar 3 Labs"),
        # what a headline calls a company, before a word names end with, is part of the name
        ("Open Platform Labs raised $8 million in a seed round.", "Open Platform Labs"),
        ("Rainbow Unicorn Games raised $3 million from Brae Capital.", "Rainbow Unicorn Games"),
        ("Cloud Firm Partners closed a $20 million Series A.", "Cloud Firm Partners"),
        # a headline verb inside a name
        ("Big Hits Studios Raises $5 Million Seed Round", "Big Hits Studios"),
        # ... and outside one
        ("Quenby Hits $5 Billion Valuation After $665 Million Round", "Quenby"),
        ("Quenby Launches IPO To Raise $500 Million", "Quenby"),
        ("Quenby Taps Kestrel For $200 Million Debt Raise", "Quenby"),
        # ('Launches' before one word names end with is still the verb: 'Smart Taps' or 'Blue Launches
        # Robotics' as names lose to these headlines, which are the common kind)
        ("Quenby Launches AI, Raises $8 Million From Kestrel", "Quenby"),
        ("Quenby Taps $25 Million Venture Debt Facility", "Quenby"),
        ("Insurtech Platform Quenby Health Raises $14M", "Quenby Health"),
        ("Oct. 3 Quenby raised $8 million in a seed round.", "Quenby"),
        # a no-break space between the company and its verb's words
        ("Quenby Robotics,\u00a0which said Feb. 14 it had raised $22 million, is hiring.", "Quenby Robotics"),
        ("Quenby Robotics said on Monday it\u00a0has raised $20 million in a Series B.", "Quenby Robotics"),
    ],
)  # fmt: skip
def test_names_the_rules_must_not_cut(text: str, company: str) -> None:
    assert [name for name, _ in _resolved(text)] == [company]


@pytest.mark.parametrize(
    "text",
    [
        # another capitalised word after the ending: another name ('Quenby Media Head' is a job)
        "Quenby raised $450 million. Quenby Media Head Lena Ortiz confirmed the round.",
        "Quenby raised $30 million in a Series B. At Quenby Sciences Day, the team showed new assays.",
        # an acronym in use before a definition is a name of its own
        "QLC raised $80 million in a round led by Brae Capital. Customers of the Quiet Ledger Council (QLC) "
        "were not affected.",
    ],
)
def test_no_fuller_name_from_a_later_job_title_event_or_definition(text: str) -> None:
    assert [name for name, _ in _resolved(text)] == [text.split()[0]]


def test_a_clause_s_opening_word_before_a_word_names_end_with_leaves_no_bare_ending() -> None:
    assert _resolved("When Labs raised $3 million in a seed round.") == []


def test_an_ipo_by_a_bank_s_client_is_not_the_bank_s() -> None:
    # (the client is not read either: no deal rather than the bank's)
    assert _resolved("The $500 million IPO by Fennick Partners client Quenby priced.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Quenby secured $3 million from government subsidies last year.",
        "Quenby raised $12 million from fees last year, its chief executive said.",
        "Quenby got $1 million with subsidies from the state of Bavaria.",
    ],
)
def test_money_from_subsidies_or_fees_is_no_raise(text: str) -> None:
    assert _resolved(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Quenby secured a $20 million credit facility, with a further $10 million available upon milestones.",
        "Quenby raised $20 million and expects to raise a further $10 million later this year.",
        "Quenby closed a $20 million seed round, and a further $10 million could follow in December.",
        "Quenby raised $20 million in a Series B, and a further $10 million is expected to close soon.",
    ],
)
def test_a_further_sum_still_to_come_is_no_round(text: str) -> None:
    assert _resolved(text) == [("Quenby", "$20 million")]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # a fund, the investors' own total, a round still to close (the clause's own deal, no past one),
        # one announced now
        ("Quenby raised $20 million. Kestrel Ventures has raised $1 billion so far, including a $200 million "
         "Series A fund.", ["$20 million"]),
        ("Quenby raised $20 million in a Series B. Its investors have now raised $3 billion in total, "
         "including a $500 million seed vehicle in 2021.", ["$20 million"]),
        ("Quenby has raised $60 million to date, including a $20 million Series B expected to close in 2025.",
         ["$20 million"]),
        ("Quenby has raised $60 million in total, including a $20 million Series C announced today.", []),
        # undated: the news itself as often as a past round
        ("Quenby raised $20 million. Brindle has raised $50 million so far, including a $30 million "
         "Series B.", ["$20 million"]),
    ],
)  # fmt: skip
def test_no_past_round_from_a_total_s_fund_plan_or_undated_round(text: str, amounts: list[str]) -> None:
    assert [amount for _, amount in _resolved(text)] == amounts


def test_a_total_s_past_round_leaves_the_lead_to_the_deal_before() -> None:
    paragraphs = [
        "Quenby raised $20 million in a Series B.",
        "The round was led by Kestrel, which also backs Brindle, a rival whose total funding is $60 million, "
        "including a $25 million Series B in 2024.",
    ]
    mentions = extract_prose_mentions(paragraphs, published=PUBLISHED)
    found = [(m.company, m.amount, m.announced, m.lead_investors) for m in mentions]
    assert found == [("Quenby", "$20 million", None, ["Kestrel"]), ("Brindle", "$25 million", "2024", [])]


def test_a_deal_set_against_rounds_other_companies_raised_stays_its_own() -> None:
    text = (
        "Quenby raised $20 million, which is more than the $12 million round that Brindle raised in 2024 "
        "and the $8 million round that Tallowmere raised in 2023."
    )
    assert _resolved(text) == [
        ("Quenby", "$20 million"),
        ("Brindle", "$12 million"),
        ("Tallowmere", "$8 million"),
    ]


# -- the words that date a deal: a month counted from publication, a capitalised 'On', a month and year ----


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        ("Quenby, which maps lithium deposits, raised $19 million in a Series B last month.", "last month"),
        ("Quenby raised a $20 million Series E in the middle of last month.", "the middle of last month"),
        ("On April 29, Quenby announced an oversubscribed $100 million Series A.", "April 29"),
        ("In October 2025, Quenby announced the close of a $15 million Series A round.", "October 2025"),
        # a day in the clause dates it more closely than the month
        ("Quenby said on Monday it raised $10 million last month.", "Monday"),
    ],
)
def test_the_words_that_date_a_deal(text: str, announced: str) -> None:
    assert [m.announced for m in extract_prose_mentions([text], published=PUBLISHED)] == [announced]


def test_last_month_is_the_month_before_publication() -> None:
    from assets.normalize.mentions import announced_fields

    assert announced_fields("late last month", None, PUBLISHED, "day") == (
        date(2026, 2, 1),
        "explicit",
        "month",
    )
    assert announced_fields("last month", None, None, None) == (None, "undated", None)


def test_last_month_on_a_page_dated_only_by_its_year_is_dated_as_the_page() -> None:
    from assets.normalize.mentions import announced_fields

    assert announced_fields("last month", None, date(2024, 1, 1), "year") == (
        date(2024, 1, 1),
        "published",
        "year",
    )


# -- the second red-team pass, over the first one's fixes ------------------------------------------------


def test_a_subject_of_white_space_alone_does_not_crash() -> None:
    text = "(Reuters)\u00a0, said it raised $10 million."
    assert _resolved(text) == []  # (it raised IndexError, and the whole document yielded nothing)


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Quenby raised $20M in March and a further $15 million in June.", ["$20M", "$15 million"]),
        ("Quenby raised $20 million, then a further $10 million available upon milestones.", ["$20 million"]),
        ("Quenby raised $20 million, and another $8 million will come from its angels.", ["$20 million"]),
        ("Quenby raised $20 million in May and plans to add a further $5 million soon.", ["$20 million"]),
    ],
)  # fmt: skip
def test_a_further_sum_is_a_round_when_told_as_raised(text: str, amounts: list[str]) -> None:
    assert [amount for _, amount in _resolved(text)] == amounts


@pytest.mark.parametrize(
    "text",
    [
        "Quenby raised $30 million from funds advised by Kestrel Partners.",
        "Quenby raised $30 million from pension funds and family offices.",
    ],
)
def test_money_from_funds_is_a_raise(text: str) -> None:
    assert _resolved(text) == [("Quenby", "$30 million")]


def test_an_ipo_by_a_company_is_its_own() -> None:
    found = _deals("The $500 million IPO by Quenby Robotics was the year's largest.")
    assert found == [("Quenby Robotics", "$500 million", "ipo")]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Quenby Robotics CEO Lena Ortiz spoke. Quenby raised $20 million.", "Quenby Robotics"),
        (
            "Pellmore Semiconductors GmbH builds chips. Pellmore raised $20 million.",
            "Pellmore Semiconductors",
        ),
        ("Quenby AI Pte Ltd builds models. Quenby raised $20 million.", "Quenby AI"),
    ],
)
def test_a_fuller_name_before_a_legal_form_or_an_officer_s_title(text: str, company: str) -> None:
    assert [name for name, _ in _resolved(text)] == [company]


def test_an_acronym_a_headline_uses_before_the_story_defines_it() -> None:
    paragraphs = [
        "QLS raises $27 million",
        "The Quiet Lantern Studios (QLS) makes lamps. QLS's $27 million Series C was led by Brae Capital.",
    ]
    text = "\n\n".join(paragraphs)
    mentions = resolve_short_names(extract_prose_mentions(paragraphs, published=PUBLISHED), text)
    assert {m.company for m in mentions} == {"The Quiet Lantern Studios"}


def test_a_total_s_round_dated_by_a_quarter() -> None:
    text = "Quenby has raised $60 million to date, including a $30 million Series B in Q3 2024."
    found = [(m.amount, m.round_text) for m in extract_prose_mentions([text], published=PUBLISHED)]
    assert ("$30 million", "series_b") in found


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("March 2026 (ref INV-2026-03-01)", (date(2026, 3, 1), "month")),
        ("2026-02-23-2026-03-01", (date(2026, 2, 23), "day")),
        ("-2026-02-03", (None, None)),
    ],
)
def test_a_glued_date_in_a_cell_is_read_past(cell: str, expected: tuple[date | None, str | None]) -> None:
    from assets.normalize.mentions import announced_fields

    announced, _, precision = announced_fields(cell, None, None, None)
    assert (announced, precision) == expected


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # 'Will' and 'May' as names and months are no modal verbs
        ("Quenby raised $50M in February and another $20M from Will Ventures.", ["$50M", "$20M"]),
        ("Quenby raised $18M in a Series A, followed by a further $22M in May.", ["$18M", "$22M"]),
    ],
)  # fmt: skip
def test_a_further_sum_beside_a_name_or_month_that_reads_as_a_verb(text: str, amounts: list[str]) -> None:
    assert [amount for _, amount in _resolved(text)] == amounts


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Zelmar Labs Team Lead Ana Ruiz spoke. Zelmar raised $5 million in a seed round.", "Zelmar Labs"),
        (
            "Shares of Halvard Health Monday rose. Halvard raised $15 million from Fennick Fund.",
            "Halvard Health",
        ),
        ("Quenby raised $30 million in a Series A. Quenby Works Council members were told.", "Quenby"),
    ],
)
def test_a_fuller_name_stops_only_at_words_of_another_thing_s_name(text: str, company: str) -> None:
    assert [name for name, _ in _resolved(text)] == [company]


def test_a_total_s_round_keeps_the_words_of_its_period() -> None:
    text = "Quenby has raised $75 million to date, including a $30 million Series B in Q3 2024."
    [past] = [m for m in extract_prose_mentions([text], published=PUBLISHED) if m.amount == "$30 million"]
    assert past.announced == "Q3 2024"


@pytest.mark.parametrize(
    "text",
    [
        "Quenby raised $20 million in 2024, less than the $40 million raised by Brindle in 2023.",
        "Quenby raised $20 million, more than the $12 million Brindle raised last year.",
    ],
)
def test_a_round_another_company_raised_is_no_past_round_of_this_one(text: str) -> None:
    assert [(name, amount) for name, amount in _resolved(text) if name == "Quenby"] == [
        ("Quenby", "$20 million")
    ]


def test_a_headline_s_milestone_is_no_company() -> None:
    assert _resolved("Mirelle Crosses 10,000 Customers, Raises $22M") == []
    assert [name for name, _ in _resolved("Customers Bank raised $20 million in a debt round.")] == [
        "Customers Bank"
    ]
