"""The twenty-third round: names in the slot a description opens, and prose a page hides.

- A name that opens on a pronoun ('Our', 'We', 'My', 'Your') is a company's when what the company is
  stands right before it ("Grid storage startup Our Daily Volt raised ..."); anywhere else the pronoun is
  the writer's ("We Raise $5M").
- A one-word name the gazetteer knows only as a small town is the company's right after what the company
  is ("robotics startup Quellon's $12 million Series A"), never on its own.
- A date glued to the next sentence by its full stop ("closed on May 4.Orvane raised", "in 2023.Shares")
  ends a sentence, as a lower-case word glued so already did; a decimal, a name with a stop inside
  ("42.Flow", "1.Inch Labs") and a numbered league ("the 2.Bundesliga") stay whole.
- A page laid out as a table (an email newsletter flattened into one line of pipes) keeps its running
  prose in long cells: they are read as paragraphs.
- "With the new funding, <Company>, which ... since 2019, has raised $X" is a total: a year before the
  amount is no figure of its own.
- "The Series C funding round, which ..., takes its total to $X" gives its stage to the deal just stated,
  whatever other figures the sentence holds, unless it raises another amount or is of another time or
  company ("The Series B round in 2022 raised $20 million", "The Series C round at Nuvola ...").
- A quotation that opens on the company ('"Quorrel, the leader in ..., is thrilled to announce the closing
  of $X in Series C funding') names it; "<Person>, the chief executive, said <Company> raised" names the
  company the speaker names.
- A round the press tells ("According to reports, Quorrel is raising $450 million", "..., according to
  media reports.", "Quorrel's reported $1.5 billion round") is reported, not announced, unless the company
  confirmed it.
- A history told before the deal's amount keeps its rounds to itself ("from a $150 million Series D in 2023
  to a $300 million Series E in 2024, and now a $1.5 billion raise": the $1.5 billion names no round),
  but not a round the amount's own words continue ("After a $10 million Series B in 2022, Quorrel closed
  its Series B extension of $20 million").
- The participle's subject may be set off by what it is ("The battery giant, Quorrel Cells, known for its
  packs, made a splash with its listing, raising ...") or end on 'by' ("also made waves by raising ...").
- A round "ahead of its IPO" or "before its listing" is no IPO (an anchor book "ahead of the IPO" is);
  "its listing", "trading debut" and "debuted on Nasdaq" name an IPO.
- A second raiser set off by ', and' may be described in up to five words ("..., and online gold loan
  marketplace Pellmark raised $32.5 million").
- The first lead described in a word or two before its name ("led by crypto exchange Pellbit", "co-led by
  carmakers Vantor and Quellmotor", "led by strategic partner and licensee Orvane") is read as the lead;
  not a later one ("led by Sandvale and lender Koval"), a name holding such a word ("Pacific Exchange
  Ventures"), a general partner, or a corporation called a giant (its money is typed by its round).
- An investor written with a person as its owner first ("Peter Thiel's Founders Fund") is the fund; a
  firm's own fund, a name holding a possessive ("McDonald's Ventures", "St. Mary's Health Ventures") and
  a firm's partner stay as written; flags set after investors' names do not end their list.
- "led by the US private equity firm X", "led by US asset manager X": the investor after its country's
  code ("US Venture Partners" is a name); "Dana Reyes-led Quorrel Labs raised" names no lead (a
  hyphen-led name followed by a company's name leads the company, not a round); "Finland-based" is no
  investor.
- A raise told by a participle after the subject's main verb ("Quorrel topped the charts, bagging $8
  million") is the subject's, for 'bagging' and 'securing' as for 'raising' (not 'netting' or 'landing':
  "sold its unit, netting $50 million").

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.newsletter import markdown_paragraphs
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.sentences import split_sentences
from assets.parsing.subjects import company_in_subject, described_company
from assets.parsing.text_article import parse_text_article


def _read(text: str) -> list[tuple[str | None, str | None]]:
    """(company, amount) of every mention of `text`."""
    return [(m.company, m.amount) for m in extract_prose_mentions([text])]


def _prose_deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention of `text` read as one paragraph of prose."""
    return [(m.company, m.amount, m.round_text) for m in extract_prose_mentions([text])]


def _article_deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention of `text` read as a whole page (paragraphs, tables)."""
    return [(m.company, m.amount, m.round_text) for m in parse_text_article(text).mentions]


def _leads(text: str) -> list[list[str]]:
    """The lead investors of every mention of `text` read as prose."""
    return [m.lead_investors for m in extract_prose_mentions([text])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grid storage startup Our Daily Volt Inc. raised $210 million in its Series B round, the company "
         "said Thursday.", [("Our Daily Volt", "$210 million")]),
        ("Seoul-based We Tutor raised $40 million in a Series C round.", [("We Tutor", "$40 million")]),
        ("Budgeting app maker My Pocket Ledger closed a $9 million seed round.",
         [("My Pocket Ledger", "$9 million")]),
        # the writer's pronoun: no description before it
        ("We Raise $5 Million to Build the Future of Farming", []),
        ("Our Series B: $40 million to grow the team", []),
    ],
)  # fmt: skip
def test_a_pronoun_opens_a_name_only_after_a_description(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("subject", "company"),
    [
        ("Battery startup Our Daily Volt Inc.", "Our Daily Volt"),
        ("Lagos-based We Tutor", "We Tutor"),
        ("We Tutor", None),
        ("Battery startup Our Series A", None),  # a round, not a name
        ("the startup Our", None),  # one word is the pronoun alone
    ],
)
def test_subjects_with_a_pronoun_first(subject: str, company: str | None) -> None:
    assert company_in_subject(subject) == company


def test_a_town_name_is_a_company_only_after_a_description() -> None:
    # 'Zama' is a town in the gazetteer and the name of a cryptography company
    assert described_company("Zama", "cryptography startup ") == "Zama"
    assert described_company("Zama", "investors in ") is None
    assert described_company("Zama", "") is None
    assert described_company("Berlin", "fintech startup ") is None  # a city is never one
    assert _read(
        "The largest rounds were Pellmark's $89 million raise and cryptography startup Zama's $73 million "
        "Series A."
    ) == [("Pellmark", "$89 million"), ("Zama", "$73 million")]
    assert _read("Cryptography startup Zama raised $73 million in a Series A.") == [("Zama", "$73 million")]
    assert _read("Zama raised $73 million in a Series A.") == []


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The round closed on May 4.Orvane raised $450 million in a Series E.",
         ["The round closed on May 4.", "Orvane raised $450 million in a Series E."]),
        ("Revenue doubled in 2024.Shares rose.", ["Revenue doubled in 2024.", "Shares rose."]),
        ("It ended Sept. 30.Pellmark raised $5M.", ["It ended Sept. 30.", "Pellmark raised $5M."]),
        # a name or a label with a number and a stop inside stays whole
        ("Berlin startup 42.Flow raised €6 million.", ["Berlin startup 42.Flow raised €6 million."]),
        ("Web3 platform 1.Inch Labs raised $12 million.", ["Web3 platform 1.Inch Labs raised $12 million."]),
        ("Lumora, the 2.Bundesliga club sponsor, raised €5 million.",
         ["Lumora, the 2.Bundesliga club sponsor, raised €5 million."]),
        ("On 6.March 2025 Lumora raised $5 million.", ["On 6.March 2025 Lumora raised $5 million."]),
        ("Pellmark raised $5.7 billion.", ["Pellmark raised $5.7 billion."]),
        ("Character.Ai raised $5 million.", ["Character.Ai raised $5 million."]),
        ("It sold 1,250.Then it stopped.", ["It sold 1,250.Then it stopped."]),  # a figure's group, kept
    ],
)  # fmt: skip
def test_a_number_glued_to_the_next_sentence_ends_it(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


_LAYOUT_PAGE = (
    "| | | The Orbit Letter | | 04/06/2026 | | | | | Satellite bus maker Quellon Orbital raised $120 million "
    "to double production of its platforms. The company announced the Series B round on Tuesday, led by "
    "Harrow Growth. | | |\n"
)


def test_prose_in_a_layout_table_is_read() -> None:
    paragraphs = markdown_paragraphs(_LAYOUT_PAGE)
    assert paragraphs == [
        "Satellite bus maker Quellon Orbital raised $120 million to double production of its platforms. "
        "The company announced the Series B round on Tuesday, led by Harrow Growth."
    ]
    mentions = parse_text_article(_LAYOUT_PAGE).mentions
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Quellon Orbital", "$120 million", "series_b")
    ]


def test_a_deal_table_row_is_no_prose() -> None:
    table = "| Company | Amount | Round |\n| --- | --- | --- |\n| Quellon Orbital | $120M | Series B |\n"
    assert markdown_paragraphs(table) == []
    assert [(m.company, m.amount) for m in parse_text_article(table).mentions] == [
        ("Quellon Orbital", "$120M")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year before the amount: still the clause's first figure, so the amount is the total
        ("With the new cash infusion, Quorrel, which has built grid sensors since 2019, has raised about "
         "$237 million.", []),
        # another amount before it: the rule stands aside, as before
        ("With the new funding, Quorrel, which raised $5 million in 2021, has raised $90 million.",
         [("Quorrel", "$90 million"), ("Quorrel", "$5 million")]),
        ("Quorrel, which has built grid sensors since 2019, has raised $90 million in a Series B.",
         [("Quorrel", "$90 million")]),
    ],
)  # fmt: skip
def test_a_year_is_no_figure_before_a_total(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_a_sentence_opening_on_the_round_gives_its_stage_despite_its_figures() -> None:
    told = "Pellmark has secured $1.05 billion in a fresh round of funding, led by Harrow Growth. "
    assert _article_deals(
        told + "The Series C funding round, which saw Tern Capital join, takes its total raised to over $1.3 "
        "billion."
    ) == [("Pellmark", "$1.05 billion", "series_c")]
    # a round of another time keeps the deal's own
    assert _article_deals(told + "The Series B round in 2022 raised $200 million.")[0] == (
        "Pellmark",
        "$1.05 billion",
        "venture",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Pellmark, the leader in warehouse robotics, is thrilled to announce the successful closing of "
         "$40 million in Series C funding.", [("Pellmark", "$40 million")]),
        ("\"Pellmark is thrilled to announce $40 million in Series C funding,\" the company said.",
         [("Pellmark", "$40 million")]),
        # a quotation that opens on a pronoun names no one
        ("“We are thrilled to have raised $5 million,” said the chief executive.", []),
    ],
)  # fmt: skip
def test_a_quotation_opening_on_the_company_names_it(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("While Quorrel Systems topped the funding charts, bagging $8 million, Pellmark took the second spot "
         "and raised $6 million.", [("Quorrel Systems", "$8 million"), ("Pellmark", "$6 million")]),
        ("Quorrel topped the charts, bagging $8 million in a seed round.", [("Quorrel", "$8 million")]),
        # netting and landing tell money made, not raised
        ("Kestrix sold its logistics unit to Harlan Group, netting $50 million.", []),
        ("Vectra Foods launched in 300 stores, landing $9 million in first-year sales.", []),
        ("Quorrel opened a Lisbon office, securing $8 million from Tern Capital.",
         [("Quorrel", "$8 million")]),
        # money a company makes is no raise
        ("Quorrel, netting $8 million in revenue, grew fast.", []),
    ],
)  # fmt: skip
def test_a_participle_raise_is_the_subjects(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_what_the_red_team_found_stays_fixed() -> None:
    told = "Pellmark raised $50 million, led by Harrow Growth. "
    # a round of another time, another company, another amount: no stage for the deal just stated
    for later in (
        "The Series B round in 2022 raised $20 million.",
        "The Series C round at Nuvola totalled $90 million.",
        "The Series A round it closed two years ago was $12 million.",
        "This pre-seed financing of $500,000 was Nuvola's.",
    ):
        assert _article_deals(told + later)[0] == ("Pellmark", "$50 million", None), later
    # 'In total' with a year before the amount keeps its digit guard: a named Series B is the round
    assert _read("In total, 2025 saw Quorrel raise $30 million in a Series B.") == [
        ("Quorrel", "$30 million")
    ]
    # 'in a new round' after the amount: the round, not a total
    assert _read(
        "With the new funding in 2025, Quorrel has raised $15 million in a new round led by Tern Capital."
    ) == [("Quorrel", "$15 million")]
    # a count is no year: the rule stands aside
    assert _read("With the new funding, Quorrel, which runs 2000 clinics, has raised $90 million.") == [
        ("Quorrel", "$90 million")
    ]
    # the speaker of a quotation is no company; the company she names is
    assert _read("“Marta Velez, the chief executive, said Lumora raised $12 million.") == [
        ("Lumora", "$12 million")
    ]
    assert _read("Pellmark said Tuesday it raised $12 million.") == [("Pellmark", "$12 million")]
    assert _read("Tern Capital said Monday Lumora raised $12 million.") == [("Lumora", "$12 million")]
    # a table of events tells each in a sentence: every row's deal is read
    events = (
        "| Date | Event |\n| --- | --- |\n"
        "| 2024 | Dashel raised $15 million in a Series A round led by Harbor Lane Capital to hire its first "
        "engineers. |\n"
        "| 2026 | Dashel raised $60 million in a Series B round led by Ashgrove Partners. The round was told "
        "on Tuesday. |\n"
    )
    assert _article_deals(events) == [
        ("Dashel", "$15 million", "series_a"),
        ("Dashel", "$60 million", "series_b"),
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("According to reports, grocery app Quorrel is raising $450 million at a $7 billion valuation.",
         "reported"),
        ("Quorrel is raising $450 million, according to media reports.", "reported"),
        # a report that is not the press's, or a cue in another clause, leaves the round announced
        ("According to a report released by the company, Quorrel raised $20 million in a Series A.",
         "announced"),
        ("Reports say the market is cooling, yet Quorrel raised $15 million in a seed round.", "announced"),
        ("Quorrel's reported $40 million in revenue helped it close a $90 million Series C.", "announced"),
        ("Quorrel's reported $90 million Series C was confirmed by the company on Monday.", "announced"),
        ("Quorrel’s reported $1.5 billion round at a $13 billion valuation is a signal.", "reported"),
        ("Quorrel raised $45 million in a Series B.", "announced"),
    ],
)  # fmt: skip
def test_a_round_the_press_tells_is_reported(text: str, status: str) -> None:
    assert [m.status for m in extract_prose_mentions([text])] == [status]


def test_money_a_company_reports_is_no_round() -> None:
    assert _read("Quorrel reported $450 million in revenue.") == []
    assert _read("Quorrel's reported revenue of $40 million grew by half.") == []


def test_a_history_told_before_the_amount_keeps_its_rounds() -> None:
    assert _prose_deals(
        "Quorrel's rapid ascent, from a $150 million Series D in late 2023 to a $300 million Series E in "
        "late 2024, and now a $1.5 billion raise, shows what investors want."
    ) == [
        ("Quorrel", "$1.5 billion", None),
        ("Quorrel", "$150 million", "series_d"),
        ("Quorrel", "$300 million", "series_e"),
    ]
    # a round named after the amount, by the planned total it is part of, stays the deal's
    assert _prose_deals(
        "Quorrel only secured 80 billion won out of the 160 billion won planned for the Series C round in "
        "2023."
    )[0] == ("Quorrel", "80 billion won", "series_c")
    # the deal's own words name its round: kept
    assert _prose_deals(
        "Quorrel raised $40 million in a Series B round, two years after its $12 million Series B in 2022."
    )[0] == ("Quorrel", "$40 million", "series_b")


@pytest.mark.parametrize(
    ("text", "round_text"),
    [
        ("After a $10 million Series B in 2022, Quorrel has closed its Series B extension of $20 million.",
         "series_b"),
        ("Following its $35 million Series B in 2023, Quorrel raised a $20 million extension.", "series_b"),
        ("In its Series B, Quorrel raised $30 million in 2023 and a further $20 million this week.",
         "series_b"),
        ("After a $40 million Series B in 2023, Quorrel raised $25 million more in the same round this week.",
         "series_b"),
        ("After a $12 million Series A in 2024, Quorrel raised $40 million.", None),
    ],
)  # fmt: skip
def test_a_round_continued_after_a_history_keeps_its_stage(text: str, round_text: str | None) -> None:
    assert _prose_deals(text)[0][2] == round_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The battery giant, Quorrel Cells (QRC), known for supplying carmakers, made a splash with its "
         "listing, raising HK$35.7 billion.", [("Quorrel Cells", "HK$35.7 billion", "ipo")]),
        ("Another big winner, Pellmark Pharma, a drug maker from Suzhou, also made waves by raising HK$9.9 "
         "billion.", [("Pellmark Pharma", "HK$9.9 billion", None)]),
        ("The battery giant, Quorrel, made a splash with its listing, raising $5 million.",
         [("Quorrel", "$5 million", "ipo")]),
        # who the participle's subject is stays unread when it is no name
        ("The company, which makes batteries, debuted on Nasdaq, raising $5 million.", []),
        ("Investors in Quorrel made money by selling shares, raising $5 million.", []),
    ],
)  # fmt: skip
def test_a_participles_subject_set_off_by_what_it_is(text: str, expected: list) -> None:
    assert _prose_deals(text) == expected


@pytest.mark.parametrize(
    ("text", "round_text"),
    [
        ("Quorrel raised $9.6 million ahead of its IPO next year.", None),
        ("Quorrel raised $9.6 million before its planned listing.", None),
        ("Quorrel raised a $20 million Series C ahead of its planned IPO.", "series_c"),
        ("Ahead of the IPO, Quorrel raised ₹178 crore from anchor investors.", "ipo"),
        ("Quorrel raised $9.6 million in its IPO.", "ipo"),
        ("Quorrel debuted on Nasdaq, raising $9.6 million.", "ipo"),
    ],
)  # fmt: skip
def test_a_round_before_the_listing_is_no_ipo(text: str, round_text: str | None) -> None:
    assert _prose_deals(text)[0][2] == round_text


def test_a_second_raiser_described_in_five_words() -> None:
    assert _prose_deals(
        "Ledger app Quorrel raised $100 million in its Series C round led by Tern Capital and Ashgrove, and "
        "online gold loan marketplace Pellmark raised $32.5 million."
    ) == [("Quorrel", "$100 million", "series_c"), ("Pellmark", "$32.5 million", None)]


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("Quorrel raised $8 million in a seed round led by crypto exchange Pellbit.", [["Pellbit"]]),
        ("Quorrel closed a $200 million Series D co-led by carmakers Vantor and Quellmotor.",
         [["Vantor", "Quellmotor"]]),
        ("Quorrel raised an $87 million Series H, led by strategic partner and licensee Orvane, a Thai "
         "company.", [["Orvane"]]),
        ("Quorrel raised $8 million led by Pellbit and Tern Capital.", [["Pellbit", "Tern Capital"]]),
        # a corporation called a giant, or a list of backers, names no lead
        ("Chip giant Vantor invests $10 million in Quorrel.", [[]]),
        ("Quorrel raised $8 million from investors including Pellbit.", [[]]),
    ],
)  # fmt: skip
def test_a_lead_described_before_its_name(text: str, leads: list) -> None:
    assert _leads(text) == leads


@pytest.mark.parametrize(
    ("text", "leads", "investors"),
    [
        ("Quorrel raised $500 million in a round headed by Dana Reyes’s Harrow Founders Fund.",
         ["Harrow Founders Fund"], ["Harrow Founders Fund"]),
        ("Quorrel secures ₹160 crore from Arun Mehta’s 3Peak Ventures.", [], ["3Peak Ventures"]),
        # a firm's own fund, a name holding a possessive and a firm's partner stay as written
        ("Quorrel raised $20 million led by Harrow's Opportunity Fund II.", ["Harrow's Opportunity Fund II"],
         ["Harrow's Opportunity Fund II"]),
        ("Quorrel raised $20 million led by Moody's Analytics Ventures.", ["Moody's Analytics Ventures"],
         ["Moody's Analytics Ventures"]),
        ("Quorrel raised $20 million led by St. Mary's Health Ventures.", ["St. Mary's Health Ventures"],
         ["St. Mary's Health Ventures"]),
        ("Quorrel raised $5 million led by McDonald's Ventures.", ["McDonald's Ventures"],
         ["McDonald's Ventures"]),
        ("Quorrel 🇨🇴 raised a $3 Million Seed round led by Tern Partners 🇺🇸 and Harrow Ventures 🇺🇸 with "
         "funding from Pell Capital 🇺🇸.", ["Tern Partners", "Harrow Ventures"],
         ["Tern Partners", "Harrow Ventures", "Pell Capital"]),
    ],
)  # fmt: skip
def test_investors_written_with_owners_and_flags(text: str, leads: list, investors: list) -> None:
    (mention,) = extract_prose_mentions([text])
    assert (mention.lead_investors, mention.investors) == (leads, investors)


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("Quorrel raised $75 million in a funding round led by the US private equity firm Harrow.",
         [["Harrow"]]),
        ("Quorrel bags $700 million in round led by US asset manager Pellvest.", [["Pellvest"]]),
        ("Dana Reyes-led Quorrel Labs raised $2 billion in a Series B round.", [[]]),
        ("Quorrel raised a Harrow Capital-led $75 million Series A.", [["Harrow Capital"]]),
        ("Quorrel raised $75 million in a Harrow-led funding round.", [["Harrow"]]),
        ("Quorrel raised $1 billion led by private equity firm Tern, and Finland-based ring maker Pellmark "
         "raised $900 million.", [["Tern"], []]),
    ],
)  # fmt: skip
def test_leads_from_their_country_and_hyphen(text: str, leads: list) -> None:
    assert _leads(text) == leads


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # what the third red team found, kept fixed
        ("Quorrel raised $12 million led by Sandvale and lender Koval.", [["Sandvale"]]),
        ("Quorrel raised $9 million led by Harbrook and Exchange Capital.",
         [["Harbrook", "Exchange Capital"]]),
        ("Quorrel raised $12 million in a Series A led by Pacific Exchange Ventures.",
         [["Pacific Exchange Ventures"]]),
        ("Quorrel raised $12 million in a Series A led by US Venture Partners.", [["US Venture Partners"]]),
        ("Quorrel raised $9 million led by Harbrook, with US lender Koval adding debt.", [["Harbrook"]]),
        ("Quorrel raised $9 million in a round led by general partner Dana Ferro of Harbrook.", [[]]),
        ("Quorrel raised $30 million in a Harbrook-led Round.", [["Harbrook"]]),
        ("Quorrel raised $30 million in a Harbrook-led SAFE.", [["Harbrook"]]),
        ("Quorrel closed a Harbrook-led $30 million extension.", [["Harbrook"]]),
    ],
)  # fmt: skip
def test_what_the_third_red_team_found(text: str, leads: list) -> None:
    assert _leads(text) == leads


def test_a_total_after_and_is_no_second_raiser() -> None:
    assert _prose_deals(
        "Quorrel closed a $12 million Series A led by Harrow, and the round takes the amount Quorrel has "
        "raised to $30 million."
    ) == [("Quorrel", "$12 million", "series_a")]
