"""Sentence shapes seen in real funding news, in our own words: each class of issue 10 that the rules read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assets.normalize.amounts import find_money, parse_amount
from assets.normalize.document_dates import covered_period, period_words
from assets.normalize.rounds import find_round
from assets.parsing.dispatch import extract_document
from assets.parsing.markdown_tables import markdown_table_mentions
from assets.parsing.newsletter import text_mentions
from assets.parsing.prose import extract_prose_mentions, resolve_short_names
from assets.parsing.table_rows import table_mentions
from assets.sources import Source, SourceKind


def _deals(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    """(company, amount) of every mention the paragraphs state, in order."""
    return [(m.company, m.amount) for m in extract_prose_mentions(list(paragraphs))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the company named after its amount, as the one that received it
        (
            "Highlights include a $22 million investment in Tessellate, a maker of grid sensors.",
            ("Tessellate", "$22 million"),
        ),
        (
            "Other deals: Harbor Capital’s $9 million Series A investment into Lisbon’s fintech Quillfort.",
            ("Quillfort", "$9 million"),
        ),
        (
            "Notable was the $14 million round raised by sleep-tech company Dormira.",
            ("Dormira", "$14 million"),
        ),
        # the name before what the company did, when the subject runs on past it
        (
            "Logistics startup Carrow recently turned unicorn after raising $80 million in a Series C.",
            ("Carrow", "$80 million"),
        ),
        (
            "Payroll platform Tallyhub has reached a $1bn valuation after receiving a $40m investment.",
            ("Tallyhub", "$40m"),
        ),
    ],
)
def test_ordinary_news_sentences(sentence: str, expected: tuple[str, str]) -> None:
    assert _deals(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "May 4 (Reuters) - Quillfort, a maker of grid sensors, said on Monday it had raised $30 million.",
            [("Quillfort", "$30 million")],
        ),
        ("Carrow expanded its Series A round to $18 million.", [("Carrow", "$18 million")]),
        (
            "Dormira clinched a $12 million deal, sleep-tech startup Restwell garnered $4 million.",
            [("Dormira", "$12 million"), ("Restwell", "$4 million")],
        ),
    ],
)
def test_wire_datelines_other_verbs_and_described_subjects(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(sentence) == expected


def test_bulleted_deals_of_a_text_page_are_read_one_by_one(tmp_path: Path) -> None:
    page = tmp_path / "roundup.txt"
    page.write_text(
        "Deals of the week\n\n"
        "  • Quillfort, a Porto-based lender, secured €12 million in funding.\n"
        "  • Dormira, another sleep-tech company, raised £4 million to enter Spain.\n"
        "  ▪ Carrow raised $30 million in a Series B.\n",
        encoding="utf-8",
    )
    source = Source(id="s", name="S", kind=SourceKind.ARTICLE, url=page.as_uri())
    frame = extract_document(source, page.as_uri(), "0" * 64, "text/plain", page)
    assert frame[["company_text", "amount_text"]].values.tolist() == [
        ["Quillfort", "€12 million"],
        ["Dormira", "£4 million"],
        ["Carrow", "$30 million"],
    ]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Quillfort is in talks to raise $40 million at a $400 million valuation.", "reported"),
        ("Carrow is reportedly raising $25 million in a Series B.", "reported"),
        ("Dormira raised $12 million, according to people familiar with the matter.", "reported"),
        ("Tallyhub is said to be raising $8 million from Harbor Capital.", "reported"),
        ("Tallyhub raised $8 million from Harbor Capital, the company said.", "announced"),
        ("Quenvel, en discussions avec deux fonds, a levé 40 millions d'euros.", "reported"),
    ],
)
def test_reported_rounds_are_marked(sentence: str, status: str) -> None:
    assert [m.status for m in extract_prose_mentions([sentence])] == [status]


@pytest.mark.parametrize(
    ("sentence", "round_text"),
    [
        ("Quillfort raised $40 million in a new funding round led by Harbor Capital.", "venture"),
        ("Carrow closed a $25 million round of funding.", "venture"),
        ("Dormira raised $12 million in a Series B funding round.", "series_b"),
    ],
)
def test_a_round_without_its_stage_is_venture(sentence: str, round_text: str) -> None:
    assert [m.round_text for m in extract_prose_mentions([sentence])] == [round_text]


@pytest.mark.parametrize(
    ("sentence", "amount", "valuation"),
    [
        (
            "Payroll app Tallyhub hit a valuation exceeding $1.1bn after receiving a $37m investment.",
            "$37m",
            "$1.1bn",
        ),
        (
            "Quillfort reached a valuation above $2 billion after raising $150 million.",
            "$150 million",
            "$2 billion",
        ),
        # A valuation keeps its lower-bound words, as an amount does (deals.valuation_is_floor).
        (
            "Carrow, now valued in excess of $900 million, raised $60 million.",
            "$60 million",
            "in excess of $900 million",
        ),
    ],
)
def test_a_valuation_is_never_the_amount_raised(sentence: str, amount: str, valuation: str) -> None:
    assert [(m.amount, m.valuation) for m in extract_prose_mentions([sentence])] == [(amount, valuation)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "La start-up Quillfort a bouclé une levée de 12 millions d'euros.",
            ("Quillfort", "12 millions d'euros"),
        ),
        ("Carrow levanta €3M con Harbor Capital.", ("Carrow", "€3M")),
        ("Dormira levantou US$ 32,1 milhões.", ("Dormira", "US$ 32,1 milhões")),
    ],
)
def test_money_as_written_around_the_world(sentence: str, expected: tuple[str, str]) -> None:
    assert _deals(sentence) == [expected]


@pytest.mark.parametrize(
    ("text", "value"), [("1,7 milliard d’euros", 1_700_000_000), ("US$ 32,1 milhões", 32_100_000)]
)
def test_foreign_multipliers(text: str, value: int) -> None:
    assert parse_amount(text).money.value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Quillfort has now secured more than $2 billion in equity and debt for its plants.",
        "Carrow has raised $80 million altogether.",
        "A regional fund awarded a $2M grant to the University of Halden for battery research.",
    ],
)
def test_totals_and_grants_to_universities_are_not_deals(sentence: str) -> None:
    assert extract_prose_mentions([sentence]) == []


def test_debt_beside_a_round_is_its_own_deal() -> None:
    sentence = "Carrow closed a $90 million Series C, with an additional $30 million in debt financing."
    found = [(m.company, m.amount, m.round_text) for m in extract_prose_mentions([sentence])]
    assert found == [("Carrow", "$90 million", "series_c"), ("Carrow", "$30 million", "debt")]


def test_a_lender_named_beside_a_round_adds_no_deal() -> None:
    sentence = "Carrow raised $90 million in a Series C from Harbor Capital, which also lent it money."
    assert [m.amount for m in extract_prose_mentions([sentence])] == ["$90 million"]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # The currency sign after the amount, as French writes it ('40 M€').
        (["Quenvel a levé 12 M€ auprès de Brume Capital."], [("Quenvel", "12 M€")]),
        # A description without an article after the name.
        (
            ["Orlanne, éditeur lyonnais de logiciels de paie, a levé 30 millions d'euros."],
            [("Orlanne", "30 millions d'euros")],
        ),
        # Deals in brackets within one part of a sentence cut at a semicolon, and a relative clause.
        (
            [
                "Deux secteurs dominent : la santé, avec Pivelle (20 M€), Tarsio (8 M€) ; "
                "et l'énergie, avec Corvane qui a levé 14 M€."
            ],
            [("Pivelle", "20 M€"), ("Tarsio", "8 M€"), ("Corvane", "14 M€")],
        ),
        # The investor as subject: 'versé ... dans'.
        (
            ["Nordhaven, qui a déjà versé 5 millions d'euros dans Quenvel, suit."],
            [("Quenvel", "5 millions d'euros")],
        ),
    ],
)
def test_french_news_sentences(sentences: list[str], expected: list[tuple[str, str]]) -> None:
    mentions = extract_prose_mentions(sentences)

    assert [(m.company, m.amount) for m in mentions] == expected


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Q3 2024 € rates rose.", []),
        ("The year 2025 € figures are out.", []),
        ("Quenvel raised 25€ and Orlanne 40 M€.", ["25€", "40 M€"]),  # glued, or after a multiplier
    ],
)
def test_a_year_before_a_currency_sign_is_no_amount(text: str, amounts: list[str]) -> None:
    assert [money.text for money in find_money(text)] == amounts


def test_a_cell_with_the_sign_after_the_amount() -> None:
    assert parse_amount("40 M€").money.value == 40_000_000
    assert parse_amount("2024 €").money is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Quenvel has secured a $2 billion loan package for its second plant.",
        "Quenvel Secures €300 Million in Green Loans",
        "Quenvel raised $5 million in venture debt and $3 million in equity.",
        "Quenvel took on $40 million in convertible notes.",
    ],
)
def test_debt_named_after_the_amount_makes_the_round_debt(sentence: str) -> None:
    (mention, *_) = extract_prose_mentions([sentence])

    assert (mention.company, mention.round_text) == ("Quenvel", "debt")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The quarter's standouts were Quenvel's £30m fundraise in May and Orlanne's £12m investment "
            "in June.",
            [("Quenvel", "£30m"), ("Orlanne", "£12m")],
        ),
        # The owner of an investment into a company is its investor.
        (
            "Other deals were Harrow Bay's $8 million Series A investment into Lisbon's Pivelle and Tarsio's "
            "$3 million deal.",
            [("Pivelle", "$8 million"), ("Tarsio", "$3 million")],
        ),
    ],
)
def test_each_owner_of_a_round_in_a_list_of_possessives_is_a_deal(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    mentions = extract_prose_mentions([sentence])

    assert [(m.company, m.amount) for m in mentions] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # who founded or runs the company, set off in its subject, is not the company
        (
            "Topping this week's rounds was Quillfort, the grid startup founded by Maren Oyelaran, which "
            "closed a $40 million Series B.",
            [("Quillfort", "$40 million")],
        ),
        (
            "Carrow Systems, set up by former rail engineers Tomas Vell and Idris Kane, raised $9 million.",
            [("Carrow Systems", "$9 million")],
        ),
        # a relative clause set off by no comma
        (
            "Dormira which is one of the larger sleep clinics in the region raised $ 12 million USD.",
            [("Dormira", "$ 12 million USD")],
        ),
        (
            "Tallyhub Ltd which is a payroll software maker was able to raise $ 6 million USD from angels.",
            [("Tallyhub", "$ 6 million USD")],
        ),
        # the amount as the passive's subject
        (
            "The quarter's standout was the US$45 million raised by Restwell, a sleep-tech provider.",
            [("Restwell", "US$45 million")],
        ),
        (
            "Of that total, $30 million was swept up by freight platform Lorrik in a single round.",
            [("Lorrik", "$30 million")],
        ),
        # a round-up's ranking
        ("Payments firm Brassica led the list with $70 million in funding.", [("Brassica", "$70 million")]),
        # companies described before their names, then 'respectively'
        (
            "Next came grid-sensor maker Quillfort, freight platform Lorrik and sleep-tech provider Restwell "
            "which raised $24 million, $12 million and $3 million, respectively.",
            [("Quillfort", "$24 million"), ("Lorrik", "$12 million"), ("Restwell", "$3 million")],
        ),
    ],
)
def test_subjects_set_off_described_or_after_the_amount(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(sentence) == expected


def test_amounts_given_respectively_to_companies_that_cannot_be_paired_give_no_deal() -> None:
    # Four amounts, and commas inside one description: which amount is whose cannot be told.
    sentence = (
        "The list went on with freight platform Lorrik, a maker of beds, sofas, and lamps Restwell, and "
        "payments firm Brassica which raised $24 million, $12 million, $9 million and $3 million, "
        "respectively."
    )
    assert extract_prose_mentions([sentence]) == []


def test_a_headline_that_describes_the_company_names_none_and_the_body_gives_it() -> None:
    paragraphs = [
        "Sensor Startup By Former Rail Engineers Raises $9M In Seed Funding",
        "The grid market has a new contender.Quillfort, a maker of grid sensors, has raised $9 million in "
        "seed funding.",
    ]
    assert _deals(*paragraphs) == [("Quillfort", "$9 million")]


@pytest.mark.parametrize(
    ("sentence", "leads"),
    [
        (
            "Quillfort raised $9 million in a round led by Oslo-based Fjordline Capital.",
            ["Fjordline Capital"],
        ),
        # a name cut short at a place ('US investment fir, Tiger ...', a typo) is no investor
        ("Lorrik raised $5 million in a round led by US investment fir, Harrow Capital.", []),
    ],
)
def test_lead_investors_lose_where_they_are_based_and_places_are_never_investors(
    sentence: str, leads: list[str]
) -> None:
    [mention] = extract_prose_mentions([sentence])
    assert mention.lead_investors == leads


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Quillfort went public on the Nasdaq on Friday, raising $150 million.", ("$150 million", "ipo")),
        (
            "Lorrik made its stock market debut on Tuesday after raising $900 million in a listing that "
            "valued it at $8 billion.",
            ("$900 million", "ipo"),
        ),
    ],
)
def test_a_company_that_goes_public_raises_in_an_ipo(sentence: str, expected: tuple[str, str]) -> None:
    [mention] = extract_prose_mentions([sentence])
    assert (mention.amount, mention.round_text) == expected


def test_companies_that_went_public_with_no_price_or_proceeds_of_theirs_are_no_deal() -> None:
    sentence = (
        "The fund sold stakes worth $1.2 billion in three listed startups — Quillfort, Lorrik and Restwell "
        "— that went public in 2021."
    )
    assert extract_prose_mentions([sentence]) == []


def test_the_name_before_its_own_verb_owns_a_raise_said_after_by_or_after() -> None:
    sentence = "Sleep-tech provider Restwell too earned unicorn status by raising $60 million from Harrow."
    assert _deals(sentence) == [("Restwell", "$60 million")]


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Quillfort CEO Maren Oyelaran said the company raised $15 million.", "Quillfort"),
        ("Lorrik co-founder Idris Kane told reporters the startup had raised $8 million.", "Lorrik"),
        ("Freight Software Startup Lorrik Raises $8M", "Lorrik"),
    ],
)
def test_the_company_of_an_officer_who_speaks_and_of_a_headline_that_describes_it(
    sentence: str, company: str
) -> None:
    assert [m.company for m in extract_prose_mentions([sentence])] == [company]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a list of rounds, each owned before or after its amount
        (
            [
                "Other deals include a $40 million Series C for the soil robotics startup Quillfort, "
                "Lorrik's $12M Series A, and a $9 million seed round for freight platform Tallyhub."
            ],
            [("Quillfort", "$40 million"), ("Lorrik", "$12M"), ("Tallyhub", "$9 million")],
        ),
        # a list of names, each with a relative clause that states its round
        (
            [
                "The week's total includes Lorrik, which raised $30 million to grow its freight network, "
                "Tallyhub, which received $8 million, and Restwell, which secured $2.5 million."
            ],
            [("Lorrik", "$30 million"), ("Tallyhub", "$8 million"), ("Restwell", "$2.5 million")],
        ),
        # a numbered item titled with its company and amount, then a sentence about 'the startup'
        (
            ["2. Quillfort (12 million USD): The startup run by an engineer has received 12 million USD."],
            [("Quillfort", "12 million USD")],
        ),
        # more verbs of raising
        (
            ["Grid maker Quillfort pocketed $16 million more for its Series B."],
            [("Quillfort", "$16 million")],
        ),
        (
            ["Swedish steelmaker H2 Forge gathered $300 million for its plant."],
            [("H2 Forge", "$300 million")],
        ),
        # the company the text named as a subject before 'It raised'
        (
            ["Online pharmacy Restwell was the only platform to become a unicorn. It raised $40 million."],
            [("Restwell", "$40 million")],
        ),
        # an investment in a company whose name opens words that run on
        (
            ["Harrow's $2 billion investment in Lorrik Games this spring was tied to a content deal."],
            [("Lorrik Games", "$2 billion")],
        ),
        # an investor that is to lead a round for a company
        (
            ["Harrow Capital is in talks to lead a round of $200 million for Quillfort."],
            [("Quillfort", "$200 million")],
        ),
        # a reference whose descriptors hold a comma
        (
            [
                "Quillfort Therapeutics raised $20 million in 2021.",
                "On May 9, the San Mateo, Calif.-based company closed a $90 million series C round.",
            ],
            [("Quillfort Therapeutics", "$20 million"), ("Quillfort Therapeutics", "$90 million")],
        ),
    ],
)
def test_lists_of_owned_rounds_titles_verbs_and_pointers(
    paragraphs: list[str], expected: list[tuple[str, str]]
) -> None:
    found = extract_prose_mentions(paragraphs)
    assert [(m.company, m.amount) for m in found] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Seed-stage funding also fell 52 per cent YoY to $75.2 million in 2022.",
        "Backed by Harrow Capital and Fenwick Partners, the fund aims to raise up to $400 million.",
        "In the week the token hit a historic peak of 111,000 USD, six projects raised money.",
        "This makes it the youngest unicorn in the region with a $1 billion valuation, displacing Quillfort.",
    ],
)
def test_periods_funds_peaks_and_lone_valuations_are_no_deals(sentence: str) -> None:
    assert extract_prose_mentions([sentence]) == []


def test_a_valuation_said_with_a_round_is_a_deal_of_undisclosed_size() -> None:
    sentence = "Rival Lorrik secured a $1.1 billion valuation in a round led by Harrow Capital."
    [mention] = extract_prose_mentions([sentence])
    assert (mention.company, mention.amount, mention.valuation) == ("Lorrik", None, "$1.1 billion")


def test_an_investor_fund_after_a_possessive_is_no_company() -> None:
    sentence = (
        "Metalware brand Tallyhub raises $3 million led by VC Grid and Harrow's Rainmatter, eyes ₹150 crore"
    )
    assert [m.company for m in extract_prose_mentions([sentence])] != ["Harrow"]


def test_a_short_form_the_text_defines_in_brackets_is_the_full_name() -> None:
    paragraphs = [
        "QFS Tops the Chart with $90 Million Funding",
        "The week's biggest deal came from Quillfort Financial Services (QFS), which secured $90 million.",
    ]
    assert {m.company for m in resolve_short_names(extract_prose_mentions(paragraphs))} == {
        "Quillfort Financial Services"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lorrik raised 458 cr from Harrow Capital.", [("458 cr", "INR", 4_580_000_000)]),
        ("A fresh issue of 11.54 crore shares", []),  # a count of shares, not rupees
        ("It has 2 crore users.", []),
    ],
)
def test_crore_without_a_rupee_sign_is_rupees_unless_it_counts_something(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert [(m.text, m.currency, int(m.value)) for m in find_money(text)] == expected


def test_a_round_in_crore_without_a_sign_keeps_its_currency() -> None:
    [mention] = extract_prose_mentions(["Lorrik raised a 870 cr series D round from Harrow Capital."])
    assert (mention.amount, mention.currency, mention.round_text) == ("870 cr", "INR", "series_d")


@pytest.mark.parametrize(
    ("sentence", "round_text", "leads"),
    [
        # debt as the company's trade is not a debt round
        ("Lorrik, which raised $50 million to expand its debt marketplace, is hiring.", None, []),
        # what kind of investor led is not the round's type, and the investor is the name after it
        (
            "Quillfort closed a series A funding round of $32m, spearheaded by private equity firm Harrow.",
            "series_a",
            ["Harrow"],
        ),
    ],
)
def test_words_about_the_business_or_the_investor_do_not_type_the_round(
    sentence: str, round_text: str | None, leads: list[str]
) -> None:
    [mention] = extract_prose_mentions([sentence])
    assert (mention.round_text, mention.lead_investors) == (round_text, leads)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The year's total rests on one deal: Harrow Motors’s $3 billion investment in Quillfort.", None),
        ("Microsoft’s $3 billion investment in Quillfort lifted the quarter.", ("strategic", ["Microsoft"])),
        ("Nvidia is investing $100 million into Lorrik as part of a partnership.", ("strategic", ["Nvidia"])),
        ("Tallyhub has drawn a $75 million investment from Samsung.", ("strategic", ["Samsung"])),
        # a corporation among venture investors does not make the round strategic
        ("Lorrik raised $50 million in a round led by Harrow Capital and Nvidia.", (None, None)),
    ],
)
def test_money_from_corporations_alone_is_a_strategic_round(
    sentence: str, expected: tuple[str | None, list[str] | None] | None
) -> None:
    [mention] = extract_prose_mentions([sentence])
    if expected is None:  # an investor the reference list does not know: the round keeps no type
        assert mention.round_text is None
        assert mention.investors == ["Harrow Motors"]
        return
    round_text, investors = expected
    assert mention.round_text == round_text
    if investors is not None:
        assert mention.investors == investors


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a non-deal sentence whose subject the next sentence's 'The company' points back to
        (
            ["Game studio Lorrik has broken a long slump. The company has secured 50 billion won."],
            [("Lorrik", "50 billion won")],
        ),
        # 'last' between the name and its verb; a past round with its valuation
        (
            ["Quillfort last raised in early 2022 in a $450 million Series D valuing it at $7 billion."],
            [("Quillfort", "$450 million")],
        ),
        # the company of an office ('became CEO of X, first raising ...')
        (
            ["Ana became CEO of Restwell Therapeutics Inc., first raising $20 million in a seed in 2021."],
            [("Restwell Therapeutics", "$20 million")],
        ),
        # a subject that did something 'with its' round
        (
            ["Right behind them, wellness brand Tallyhub drew attention with its $60 million funding round."],
            [("Tallyhub", "$60 million")],
        ),
    ],
)
def test_subjects_named_before_and_around_their_verbs(
    paragraphs: list[str], expected: list[tuple[str, str]]
) -> None:
    found = extract_prose_mentions(paragraphs, published=date(2025, 6, 1))
    assert [(m.company, m.amount) for m in found] == expected


def test_a_headline_verb_is_never_a_company() -> None:
    found = extract_prose_mentions(["Metalware Brand P•TAL Raises $3 Million in Series A Led by VC Grid"])
    assert "Raises" not in {m.company for m in found}


LISTINGS_PAGE = """Recent listings
Symbol | Company | Offer Date | Deal Size ($M) | Price Now |
---|---|---|---|---|
QFT | Quillfort | 12/11/24 | $625 | $101.00 |
$0.00
(0.0%)
|
LRK | Lorrik Systems | 11/27/24 | $9 | $4.02 |
TLH | Tallyhub | 11/05/24 | $1.2B | $7.10 |
"""


def test_a_table_of_listings_with_its_unit_in_the_header_and_cells_broken_over_lines() -> None:
    found = [(m.company, m.amount, m.round_text, m.announced) for m in markdown_table_mentions(LISTINGS_PAGE)]
    assert found == [
        ("Quillfort", "$625 million", "IPO", "2024-12-11"),
        ("Lorrik Systems", "$9 million", "IPO", "2024-11-27"),
        ("Tallyhub", "$1.2B", "IPO", "2024-11-05"),  # an amount that states its own unit keeps it
    ]


@pytest.mark.parametrize(
    ("dates", "read"),
    [
        (["27/11/24", "05/12/24"], ["2024-11-27", "2024-12-05"]),  # a first number past 12: day first
        (["11/27/24", "12/05/24"], ["2024-11-27", "2024-12-05"]),  # a second number past 12: month first
        (["11/05/24", "12/05/24"], ["11/05/24", "12/05/24"]),  # the column does not say: kept as written
    ],
)
def test_slash_dates_of_a_table_column_are_read_in_the_order_the_column_shows(
    dates: list[str], read: list[str]
) -> None:
    rows = [["Company", "Amount", "Date"]] + [[f"Co{i}", "$5M", day] for i, day in enumerate(dates)]
    assert [m.announced for m in table_mentions(rows, 0)] == read


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Gulf startups drew 22 investments totalling USD 65 million, with Lorrik earning USD 35 million.",
            [("Lorrik", "USD 35 million")],
        ),
        (
            "Tallyhub, which means ‘ledger’ in Finnish, has completed a $135 million funding round.",
            [("Tallyhub", "$135 million")],
        ),
        ("Fintechs lead as startups in the region raise $138 million in September 2024", []),
        ("Quillfort is earning $5 million in revenue a year.", []),
    ],
)
def test_absolute_phrases_appositives_before_the_verb_and_months_that_are_no_names(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "This round follows $150 million from backers including Harrow Capital and former Lorrik CEO Ana "
        "Vell, who had valued the company at $550 million.",
        "This brings the total funding for the Lyon-based company to $40 million.",
        "Layoffs hit the unicorns, Star-backed startup raises $36M: The Weekly Beat",
        "Ltd. has so far netted $63.5 million for its operations.",
        "14.6 C Friday, September 22, 2023 HomeTechLorrik raises $70 million to build robots",
        "And with $25bn raised by VCs in the last three years, there is plenty of dry powder.",
        "The startup announced its plan to raise 3 billion euros within two years to build data centres.",
    ],
)
def test_people_descriptions_corporate_forms_and_long_term_goals_are_no_companies_or_rounds(
    sentence: str,
) -> None:
    found = extract_prose_mentions([sentence])
    assert not {
        "Ana Vell",
        "Lorrik CEO Ana Vell",
        "Lyon-based",
        "Star-backed",
        "Ltd",
        "VCs",
        "2023 HomeTechLorrik",
    } & {m.company for m in found}
    assert "3 billion euros" not in {m.amount for m in found}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("closed a $12 million Series B2 round", "series_b"),
        ("its Series D1 extension", "series_d"),
        ("closed $75 million in a private financing", "venture"),
        ("picked up $115 million in equity financing", "venture"),
    ],
)
def test_tranches_and_unstaged_financings_name_their_round(text: str, slug: str) -> None:
    assert find_round(text) == slug


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # the round a new one follows, dated by the text, is a deal of its own
        (
            ["Lorrik said it has closed $75 million. It follows a $19 million Series D closed in 2021."],
            [("Lorrik", "$75 million", None), ("Lorrik", "$19 million", "series_d")],
        ),
        (
            [
                "Quillfort raised $80 million in a Series C. This funding follows a $210 million round "
                "in December 2021 and a $12 million loan in March."
            ],
            [
                ("Quillfort", "$80 million", "series_c"),
                ("Quillfort", "$210 million", None),
                ("Quillfort", "$12 million", "debt"),  # the loan of March, a deal of its own too
            ],
        ),
        # a round it follows that the text does not date is an earlier round of its own, undated (since the
        # nineteenth round: tests/unit/test_realworld_nineteenth_round.py)
        (
            ["Tallyhub raised $30 million. It follows a $10 million seed."],
            [("Tallyhub", "$30 million", None), ("Tallyhub", "$10 million", "seed")],
        ),
        # a company 'called' so
        (
            ["That gig, a startup called Restwell, has just raised a Series C of $33 million."],
            [("Restwell", "$33 million", "series_c")],
        ),
        # a name that starts with 'The'
        (
            ["Cairo platform The Linen Kingdom (TLK) has closed a USD 2.6 mn seed round."],
            [("The Linen Kingdom", "USD 2.6 mn", "seed")],
        ),
        # money from a strategic investor
        (
            ["Lorrik is now valued at $2 billion after raising $50 million from a strategic investor."],
            [("Lorrik", "$50 million", "strategic")],
        ),
    ],
)
def test_rounds_that_follow_called_names_and_strategic_investors(
    paragraphs: list[str], expected: list[tuple[str, str, str | None]]
) -> None:
    found = extract_prose_mentions(paragraphs, published=date(2023, 6, 1))
    assert [(m.company, m.amount, m.round_text) for m in found] == expected


def test_a_change_of_a_total_is_no_raise() -> None:
    sentence = (
        "The total funding raised by startups declined by 33 percent from $10.3 billion to $6.9 billion."
    )
    assert extract_prose_mentions(["Tracxn Report on the quarter.", sentence]) == []


def test_a_later_month_said_of_a_past_raise_is_last_years() -> None:
    paragraphs = ["Other rounds last year include energy startup Lorrik, which raised £30m in October."]
    [mention] = extract_prose_mentions(paragraphs, published=date(2024, 1, 10))
    assert mention.announced == "October 2023"


@pytest.mark.parametrize(
    ("head", "published", "words"),
    [
        (
            "Fintechs lead as startups in the region raise $138 million in September 2024",
            date(2024, 10, 8),
            "September 2024",
        ),
        ("Q3 2023 funding round-up", date(2023, 10, 20), "Q3 2023"),
        ("Startups have raised $2bn since March 2019", date(2024, 1, 1), None),  # long before publication
        ("Lorrik raises $5M", date(2024, 1, 1), None),
        ("September 2024 round-up", None, None),
    ],
)
def test_the_period_a_round_up_covers_is_read_from_its_title(
    head: str, published: date | None, words: str | None
) -> None:
    found = covered_period(head + "\n\nBody text.", published)
    assert (period_words(found) if found else None) == words


def test_deals_of_a_round_up_without_a_date_of_their_own_are_of_the_period_it_covers() -> None:
    text = "Startups raise $40M in September 2024\n\nLorrik raised $9M. Tallyhub raised $3M in May.\n"
    dated = {m.company: m.announced for m in text_mentions(text, date(2024, 10, 8))}
    assert dated == {"Lorrik": "September 2024", "Tallyhub": "May 2024"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lorrik has now raised $120 million in total, including a $20 million Series A in 2022 and a "
            "$60 million Series B in 2023.",
            [("$20 million", "series_a", "2022"), ("$60 million", "series_b", "2023")],
        ),
        (
            "Founded in 2019, Lorrik raised a $5 million seed round in 2020, followed by a $25 million "
            "Series A in 2022.",
            [("$5 million", "seed", "2020"), ("$25 million", "series_a", "2022")],
        ),
    ],
)
def test_every_dated_round_of_a_funding_history_sentence_is_a_deal(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    found = extract_prose_mentions(
        ["Lorrik raised $90 million in a Series C.", sentence], published=date(2025, 6, 1)
    )
    assert [(m.amount, m.round_text, m.announced) for m in found[1:]] == expected


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "Lorrik is raising $200 million in a round led by Harrow Capital, Bloomberg reported on Monday.",
            "reported",
        ),
        ("Lorrik raised $10 million, as first reported by TechWire.", "reported"),
        ("Lorrik raised $10 million, Chief Executive Ana Vell said on Monday.", "announced"),
    ],
)
def test_a_round_a_news_outlet_reported_is_reported(sentence: str, status: str) -> None:
    [mention] = extract_prose_mentions([sentence])
    assert mention.status == status


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Quillfort led the way there with a massive $675 million Series B.",
            [("Quillfort", "$675 million")],
        ),
        (
            "New investor Harrow led a $36 million Series B for Indian startup Lorrik, which builds probes.",
            [("Lorrik", "$36 million")],
        ),
        (
            "The Regional Bank announced a €300 million (US $325.3 million) loan to SES for probes.",
            [("SES", "€300 million")],
        ),
        (
            "Weekly Briefs – Lorrik Raises $36 Million, Agency Pays for Launch Service",
            [("Lorrik", "$36 Million")],
        ),
        (
            "Sweden’s Lorrik and H2 Forge secured the most capital, raising €5B and €4.75B respectively.",
            [("Lorrik", "€5B"), ("H2 Forge", "€4.75B")],
        ),
        ("Before that, he co-founded Tallyhub, which Harrow snapped up in 2016 for over $400 million.", []),
        ("Restwell was recently bought by private equity firm Fenwick for a mere $28 million.", []),
    ],
)
def test_idioms_loans_headline_columns_places_that_own_and_takeovers(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "snagged a whopping one hundred million dollars",
            [("one hundred million dollars", 100_000_000, "USD")],
        ),
        ("raised twenty-five million euros", [("twenty-five million euros", 25_000_000, "EUR")]),
        (
            "a hundred and twenty million pounds",
            [("a hundred and twenty million pounds", 120_000_000, "GBP")],
        ),
        ("two million users signed up", []),  # no currency: a count
        # in capitals, and beside figures (the words are looked for only where a sum in words can end)
        ("Raised Forty Million Dollars", [("Forty Million Dollars", 40_000_000, "USD")]),
        (
            "$5 million, then seven billion rupees",
            [("$5 million", 5_000_000, "USD"), ("seven billion rupees", 7_000_000_000, "INR")],
        ),
    ],
)
def test_sums_spelled_out_in_words_with_their_currency(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert [(m.text, int(m.value), m.currency) for m in find_money(text)] == expected


def test_a_round_spelled_out_in_words_is_stated_in_figures() -> None:
    [mention] = extract_prose_mentions(["Lorrik raised a cool seventy million dollars in a Series B."])
    assert (mention.company, mention.amount, mention.round_text) == ("Lorrik", "USD 70,000,000", "series_b")


def test_a_total_made_of_dated_investments_gives_the_investments_not_the_total() -> None:
    sentence = (
        "Harrow Motors has invested over $13 billion in Lorrik, including a $1 billion investment in 2019 "
        "and a $10 billion investment in 2023."
    )
    found = extract_prose_mentions([sentence], published=date(2024, 9, 12))
    assert [(m.company, m.amount, m.announced) for m in found] == [
        ("Lorrik", "$1 billion", "2019"),
        ("Lorrik", "$10 billion", "2023"),
    ]


def test_a_fund_closed_in_one_currency_and_converted_in_another_is_no_deal() -> None:
    sentence = "Harrow, a VC fund, closed a fund at over AUD $1 billion, which is about USD $640 million."
    assert extract_prose_mentions([sentence]) == []


@pytest.mark.parametrize(
    ("sentence", "leads"),
    [
        ("Lorrik raised $12 million in a Series A round, with Harrow Capital leading.", ["Harrow Capital"]),
        ("Lorrik raised $12 million in a Harrow Capital-led Series A.", ["Harrow Capital"]),
        ("Lorrik raised $12 million, with Harrow Capital and Tern participating.", []),
    ],
)
def test_leads_said_with_leading_or_hyphen_led(sentence: str, leads: list[str]) -> None:
    [mention] = extract_prose_mentions([sentence])
    assert mention.lead_investors == leads


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Only three rounds have raised €100 million or more: Lorrik in the space sector (€170 million), "
            "Tallyhub in energy (€150 million) and Restwell in quantum (€100 million).",
            [("Lorrik", "€170 million"), ("Tallyhub", "€150 million"), ("Restwell", "€100 million")],
        ),
        ("Highest funding per startup ($27.6 million); Lorrik, Tallyhub", []),
        ("Fintech firm Lorrik reported annual losses of 2.5B kroner ($241M) in 2023.", []),
    ],
)
def test_deals_in_brackets_after_a_name_and_where_it_works(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lorrik raises $11M / India, Staffing Platform / Harrow Partners, Tern", [("Lorrik", "$11M")]),
        ("Lorrik charges $30/month for access.", []),
        (
            "East Africa led the fundraising with $46.2 million, followed by Central Africa with "
            "$40.5 million and West Africa with $26.6 million.",
            [],
        ),
        (
            "Among the year's deals were a $300 million infusion into Lorrik from Harrow, energy firm "
            "Tallyhub’s $172 million raise, and Restwell’s $120 million Series E.",
            [("Lorrik", "$300 million"), ("Tallyhub", "$172 million"), ("Restwell", "$120 million")],
        ),
    ],
)
def test_list_separators_regions_and_infusions(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _deals(sentence) == expected


def test_described_companies_that_all_raised_one_amount_each_raised_it() -> None:
    sentence = (
        "Fintech Lorrik, energy company Tallyhub Energy, and AI platform Restwell all raised north of £150m."
    )
    found = _deals(sentence)
    assert found == [("Lorrik", "£150m"), ("Tallyhub Energy", "£150m"), ("Restwell", "£150m")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Jackson Hole, Wyoming-based Lorrik Farms has closed on $8.35 million in a Series A.",
            [("Lorrik Farms", "$8.35 million")],
        ),
        ("Raising €60 million at a time when fundraising for hardware is hard is no small feat.", []),
    ],
)
def test_a_place_then_where_the_company_is_based_and_gerunds_that_open_a_sentence(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(sentence) == expected


def test_an_appositive_that_says_where_the_company_is_based_keeps_the_name_before_it() -> None:
    sentence = "Lorrik, a UK-based ADAS & autonomy startup, secured $26 million in series A funding."
    assert _deals(sentence) == [("Lorrik", "$26 million")]


def test_what_a_sentence_comes_after_is_a_deal_when_it_names_who_received_it() -> None:
    sentence = (
        "This comes after Harrow had signed a letter of intent in September for a potential $500 million "
        "investment in London-based Lorrik, as investors pour billions into the field."
    )
    found = extract_prose_mentions([sentence], published=date(2025, 10, 1))
    assert [(m.company, m.amount) for m in found] == [("Lorrik", "$500 million")]


def _rounds(
    sentence: str, published: date | None = date(2025, 11, 5)
) -> list[tuple[str | None, str | None, str | None]]:
    """(company, round, amount) of every mention a sentence states, as a text of `published` would."""
    return [
        (m.company, m.round_text, m.amount) for m in extract_prose_mentions([sentence], published=published)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a round of another type beside the one stated, which the text dates: a deal of its own
        (
            "Payments startup Kovalo raised $18 million in Series B funding, after the $6 million debt "
            "facility it took on in June.",
            [("Kovalo", "series_b", "$18 million"), ("Kovalo", "debt", "$6 million")],
        ),
        (
            "Hearthline has raised $40 million in a Series C led by Brume Partners, after closing a "
            "$12 million Series B in March.",
            [("Hearthline", "series_c", "$40 million"), ("Hearthline", "series_b", "$12 million")],
        ),
        # new money beside the round, told as added
        (
            "Gridvolt raised $40 million in a Series B plus $10 million in venture debt.",
            [("Gridvolt", "series_b", "$40 million"), ("Gridvolt", "debt", "$10 million")],
        ),
        # 'another' round, told in the same breath
        (
            "Fresh from raising $300 million, grocery app Quickbay is already in talks to raise another "
            "$150 million, people familiar said.",
            [("Quickbay", None, "$300 million"), ("Quickbay", None, "$150 million")],
        ),
    ],
)
def test_a_second_round_in_one_clause_is_a_deal_of_its_own(sentence: str, expected: list) -> None:
    assert _rounds(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the parts of the round: not rounds of their own, and the round is still the deal
        (
            "Tollgrid raised $50 million in a Series B, including $10 million in venture debt.",
            [("Tollgrid", "series_b", "$50 million")],
        ),
        # a total to date, a valuation: no second deal
        (
            "Tollgrid raised $50 million in a Series B, bringing its total funding to $80 million.",
            [("Tollgrid", "series_b", "$50 million")],
        ),
        # a list of rounds none of which is dated or told as new: a history, not new deals
        (
            "Tollgrid raised $1 million in a seed round, $5 million in a Series A, $20 million in a "
            "Series B.",
            [("Tollgrid", "seed", "$1 million")],
        ),
        # the second amount is another company's round, not a second one of the first company
        (
            "Deals included a $120 million Series E for insurer Pallas Cover, the record $90 million "
            "Series B for hydrogen startup Elyso and more.",
            [("Pallas Cover", "series_e", "$120 million"), ("Elyso", "series_b", "$90 million")],
        ),
    ],
)
def test_parts_totals_undated_past_rounds_and_other_companies_rounds_are_no_second_deal(
    sentence: str, expected: list
) -> None:
    assert _rounds(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        (
            "Orbital launch start-up Hangzhou Skyreach Technology Co., Ltd. raised $80m in a Series C.",
            "Hangzhou Skyreach Technology",
        ),
        ("Fjordvalve AS raised $13 million in fresh capital via a convertible loan.", "Fjordvalve"),
        ("Turin-based start-up Lunaport SpA announced a €40 million Series B.", "Lunaport"),
        ("Brisbane's Koalytics Pty Ltd raised $5 million in a seed round.", "Koalytics"),
    ],
)
def test_corporate_forms_after_a_name_are_not_part_of_it(sentence: str, company: str) -> None:
    assert [name for name, _, _ in _rounds(sentence)] == [company]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the passive's owner after its descriptors, places joined by 'and' included
        (
            "The $35 million raised by Oslo- and Berlin-based payments bank Kvadra led the month.",
            [("Kvadra", "$35 million")],
        ),
        ("The $8 million raised by robotics maker Tindle topped the week.", [("Tindle", "$8 million")]),
        # a group is never the company: a sector, a count of startups
        ("That is far more than the $3bn raised by the UK AI sector last year.", []),
        ("Over $200 million was raised by 31 Kenyan startups in May.", []),
        # an appositive that opens with a place's possessive and has no closing comma
        (
            "Zamlo, Malawi's first venture-backed startup raised $250,000 from angels.",
            [("Zamlo", "$250,000")],
        ),
        # 'reported the close of' a round is the company's own announcement
        (
            "Veltrix SA reported the close of a series C funding round, raising $41 million from new "
            "investors.",
            [("Veltrix", "$41 million")],
        ),
        # comma-joined deals whose second subject has an acronym among its descriptors
        (
            "Courier firm Parcelo raised Rs 400 crore in a series D round, EV startup Voltra raised "
            "Rs 120 crore in a series A round.",
            [("Parcelo", "Rs 400 crore"), ("Voltra", "Rs 120 crore")],
        ),
    ],
)
def test_described_owners_groups_possessive_appositives_and_reported_closes(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a valuation whose company and verb follow the amount is no raise
        (
            "That is below the $1.8 billion Corvane was valued at in 2022, when it raised a $300 million "
            "Series D.",
            [("Corvane", "series_d", "$300 million")],
        ),
        # a sum over time with an undated part in brackets: neither is a deal
        ("The lender has now raised $40 million in venture capital (including a $5 million seed).", []),
        # one deal told in the simple past with its parts: the deal is the whole
        (
            "Marlow Bio received up to $120M in federal funding, including $8M committed upfront.",
            [("Marlow Bio", None, "up to $120M")],
        ),
        # the round a deal told in the simple past includes is a deal of its own
        (
            "Celdrive raised $1.5 billion in debt and equity financing this month, including a $600 million "
            "Series C.",
            [("Celdrive", "series_c", "$600 million")],
        ),
        # 'including' after deals of a period, not after a sum: the amount is a deal
        (
            "The quarter saw large deals, including a $75 million Series C for freight platform Haulwise.",
            [("Haulwise", "series_c", "$75 million")],
        ),
    ],
)
def test_valuations_named_after_the_amount_and_parts_of_sums(sentence: str, expected: list) -> None:
    assert _rounds(sentence) == expected


def test_the_subject_of_a_sentence_that_seems_or_plans_is_who_the_next_one_refers_to() -> None:
    paragraph = (
        "Meal-kit startup Brindle seems to be opening the year with a bridge round. The Pune-based startup "
        "is raising around $12 million from its existing investors."
    )
    assert _deals(paragraph) == [("Brindle", "$12 million")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the investor as subject, the company as what it backed, the money after 'with'
        (
            "Last month the fund backed Kelpwise, a seaweed packaging maker, with a $7 million investment.",
            [("Kelpwise", "$7 million")],
        ),
        # a company's fundraise owned before it, its amount later in the clause
        (
            "Drovo’s latest fundraise from family offices for up to $60 million is expected to be closed "
            "by May.",
            [("Drovo", "up to $60 million")],
        ),
    ],
)
def test_backed_with_money_and_an_owned_fundraise(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _deals(sentence) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # who reports it, set before the subject
        (
            "According to The Information, Quellbrook, the Oslo robotics maker, is reportedly raising "
            "another $80 million.",
            [("Quellbrook", "$80 million")],
        ),
        # the company tells an outlet it closed the round
        (
            "Varnaby builds ledger software. Today, the Leeds startup tells Sifted that it recently closed "
            "a $6 million seed led by Corvel Ventures.",
            [("Varnaby", "$6 million")],
        ),
        ("Ostrel told Reuters it had raised $25 million.", [("Ostrel", "$25 million")]),
    ],
)
def test_who_reports_it_before_the_subject_and_the_outlet_a_company_tells(
    paragraph: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(paragraph) == expected


def test_the_company_a_story_opens_on_is_who_the_startup_is() -> None:
    # doing what companies do: the later 'the startup' is it
    story = (
        "Cartowell wants to rebuild how teams share maps. "
        "The argument worked. Today, the collaborative software startup says it closed a $15 million "
        "Series A."
    )
    assert _deals(story) == [("Cartowell", "$15 million")]


@pytest.mark.parametrize(
    "story",
    [
        # a person described with 'who' is no company for 'the startup' to be
        "Orvane raised $40 million last week. Musgrave, who founded Orvane in 2021, has sued a rival. "
        "The startup raised $6 billion in a Series B last year.",
        # the deal's investor taking a stake is not who 'the startup' is next
        "Orvane secured $120 million, led by Avenhall Capital. Notably, Avenhall had acquired a stake in "
        "Orvane in May. The startup raised $6 billion in a Series B last year.",
        # the founders named after 'founded in 2018 by' are people, not the company
        "Orvane raised $40 million. The startup, founded in 2018 by Tesh Marlow and Mesa Sibley, was "
        "present in five countries. The company raised $6 billion in a Series B last year.",
    ],
)
def test_people_and_investors_as_subjects_leave_the_startup_as_it_was(story: str) -> None:
    assert {company for company, _ in _deals(story)} == {"Orvane"}


def test_a_market_worth_an_amount_is_no_valuation_of_the_deal_before() -> None:
    story = (
        "Ferrowyn raised $30 million. According to Gartwell Research, the overall robotics market is "
        "projected to be worth $909bn by 2030."
    )
    mentions = extract_prose_mentions([story])
    assert [(m.company, m.amount, m.valuation) for m in mentions] == [("Ferrowyn", "$30 million", None)]


def _history(*sentences: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, round, amount) of every mention a company profile's paragraph states."""
    mentions = extract_prose_mentions([" ".join(sentences)], published=date(2025, 11, 1))
    return [(m.company, m.round_text, m.amount) for m in mentions]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the round as the subject, valuing the company named before
        (
            "In March 2023, a $90 million Series D valued the company at $900 million.",
            [("Lantera", "series_d", "$90 million")],
        ),
        # the company's earlier rounds, listed as what its history includes
        (
            "Earlier funding rounds include a $31 million Series C in May 2022 led by Oakmere.",
            [("Lantera", "series_c", "$31 million")],
        ),
        (
            "The company's early funding included a $12 million Series A in April 2021 and a $3 million "
            "seed round in June 2020.",
            [("Lantera", "series_a", "$12 million"), ("Lantera", "seed", "$3 million")],
        ),
        # a valuation of before beside today's is neither the raise nor its valuation
        (
            "Lantera was valued at $2 billion in a June 2025 secondary sale, up from $900 million "
            "following its $80 million Series E in January 2025.",
            [("Lantera", "series_e", "$80 million")],
        ),
        # how long after the last thing told, then 'it'
        (
            "Just six months later, it had raised an Oakmere-led $40 million Series B.",
            [("Lantera", "series_b", "$40 million")],
        ),
    ],
)
def test_a_company_profiles_funding_history(sentence: str, expected: list) -> None:
    assert _history("Lantera is a payments app.", sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # rounds of other companies, not the one named before
        "Other rounds this week include a $31 million Series C for Oakmere.",
        # money as the subject
        "Money raised is also down from $42 billion raised in 2021 and $47 billion in 2020.",
    ],
)
def test_no_history_of_the_company_named_before(sentence: str) -> None:
    assert all(company != "Lantera" for company, _, _ in _history("Lantera is a payments app.", sentence))
    assert all(company not in ("Money", "Oakmere-led") for company, _, _ in _history(sentence))


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "Veltrix Energy (Energy): secured a $100 million Series A led by Hollin.",
            ("Veltrix Energy", "$100 million"),
        ),
        ("Pallas Bio: raised a $55 million Series B.", ("Pallas Bio", "$55 million")),
    ],
)
def test_a_list_items_name_then_its_deal_after_a_colon(item: str, expected: tuple[str, str]) -> None:
    assert _deals(item) == [expected]


def test_a_story_of_rounds_each_followed_by_the_next_is_dated_by_its_own_month() -> None:
    story = (
        "Kestrune is a Tokyo lab. Kestrune’s journey began with a $30 million seed round in January 2024, "
        "led by Halden Capital. This was followed by a Series A round in September 2024, raising about "
        "$200 million from a group of banks."
    )
    mentions = extract_prose_mentions([story], published=date(2025, 6, 1))
    assert [(m.company, m.round_text, m.amount, m.announced) for m in mentions] == [
        ("Kestrune", "seed", "$30 million", "January 2024"),
        ("Kestrune", "series_a", "$200 million", "September 2024"),
    ]


def test_a_round_a_deal_follows_is_an_earlier_round_of_its_own() -> None:
    # active 'follows' points back to an undated earlier round: a deal of its own, its date left empty
    assert _deals("Tallow raised $5 million. This funding follows a $10 million seed.") == [
        ("Tallow", "$5 million"),
        ("Tallow", "$10 million"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Here in the U.S., Ledgerline announced on August 11 that it had secured a $400 million "
            "warehouse facility from Monroe Park Capital.",
            [("Ledgerline", "debt", "$400 million")],
        ),
        (
            "Pellucid Bio emerged from stealth having raised $57 million to fund its platform.",
            [("Pellucid Bio", None, "$57 million")],
        ),
    ],
)
def test_warehouse_facilities_and_a_raise_after_having(sentence: str, expected: list) -> None:
    assert _history(sentence) == expected


def test_money_raised_to_fund_something_is_a_raise_and_a_fund_is_not() -> None:
    assert _deals("Pellucid Bio raised $57 million to fund its platform.") == [
        ("Pellucid Bio", "$57 million")
    ]
    assert _deals("Harrow Capital closed a $50 million fund.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the round owned by the company named before, as 'its'
        (
            "We covered its $100 million Series C round in November 2020.",
            [("Lantera", "series_c", "$100 million")],
        ),
        # 'its' before money that is no round, and "It's" that is 'it is', name nothing
        ("This marks the ministry’s first investment through its $2-billion compute strategy.", []),
        # a new total told after the raise is neither the raise nor a deal of its own
        (
            "The startup raised $21 million in February 2022, which brings its total Series A to "
            "$46 million.",
            [("Lantera", "series_a", "$21 million")],
        ),
    ],
)
def test_rounds_owned_by_the_company_named_before(sentence: str, expected: list) -> None:
    assert _history("Lantera is a payments app.", sentence) == expected


def _leads(*paragraphs: str) -> list[tuple[str | None, list[str]]]:
    """(company, leads) of every mention the paragraphs state."""
    return [(m.company, m.lead_investors) for m in extract_prose_mentions(list(paragraphs))]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # the investor as subject, leading now or about to
        (
            ["Fenwick Motors is leading a $60 million Series B round into Corrath Chem, a battery startup."],
            [("Corrath Chem", ["Fenwick Motors"])],
        ),
        (
            ["Pallow Ventures is in talks to lead a round of more than $200 million for Monrad Labs."],
            [("Monrad Labs", ["Pallow Ventures"])],
        ),
        # who led, described first, then named after a comma
        (
            ["Movra raised $100 million in a Series B round led by the company’s long-time partner, Uber."],
            [("Movra", ["Uber"])],
        ),
        # a city before its state's '-based' is no investor
        (
            [
                "Cardiowell raised $15 million in a round led by Boston-based Brightview Ventures and "
                "Durham, N.C.-based Hatteras Venture Partners."
            ],
            [("Cardiowell", ["Brightview Ventures", "Hatteras Venture Partners"])],
        ),
        # the lead told in a paragraph of its own after the deal
        (
            ["Dashwell has raised $32.8 million in a seed round.", "The round was led by Insight Partners."],
            [("Dashwell", ["Insight Partners"])],
        ),
    ],
)
def test_who_led_as_subject_described_or_in_a_later_paragraph(paragraphs: list[str], expected: list) -> None:
    assert _leads(*paragraphs) == expected


@pytest.mark.parametrize(
    ("sentence", "valuation"),
    [
        (
            "Tamsin has raised a $340 million Series C round, bringing its valuation up to over $1 billion.",
            "over $1 billion",
        ),
        (
            "Orvane is discussing raising $10 billion that could value the software startup at about "
            "$75 billion.",
            "$75 billion",
        ),
    ],
)
def test_valuations_brought_up_to_or_valued_with_a_described_company(sentence: str, valuation: str) -> None:
    (mention,) = extract_prose_mentions([sentence])
    assert mention.valuation == valuation


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a stock exchange is never the company ('after shares jump in Nasdaq debut')
        ("Novo-backed Lumaris valued at $787 million after shares jump in Nasdaq debut", []),
        # a headline's verb is no name
        ("AI Computer Startup Hits $4.5 Billion Valuation in Seed Round", []),
        # a numbered fund invests; it is no company raising
        (
            "Harbourline Africa Ventures I is backing founders through investments of up to $2 million in "
            "seed rounds.",
            [],
        ),
        # a ticker after the name is not part of it
        (
            "Lindqvist Pharmaceuticals LBRX.O, which debuted last month, raised more than $50 million in "
            "an IPO.",
            [("Lindqvist Pharmaceuticals", "more than $50 million")],
        ),
        # the company named before, described by its place
        (
            "Halvorsen makes drones. The Costa Mesa, California-based company closed a $2.5 billion "
            "Series G.",
            [("Halvorsen", "$2.5 billion")],
        ),
    ],
)
def test_exchanges_headline_verbs_numbered_funds_tickers_and_place_described_references(
    paragraph: str, expected: list[tuple[str, str]]
) -> None:
    assert _deals(paragraph) == expected


def test_a_denied_report_of_a_raise_is_no_deal() -> None:
    denial = (
        "Tech founder Ivo Brandt has denied the report claiming that his robotics company Pellwick has "
        "raised $500 million."
    )
    assert _deals(denial) == []
    # a denial of something else leaves the raise
    assert _deals("Pellwick, which denied reports that it was for sale, raised $5 million.") == [
        ("Pellwick", "$5 million")
    ]


def test_last_year_in_a_month_opens_a_clause_about_the_company_named_before() -> None:
    story = "Ferrant builds robots. Last year in May, the company raised $70 million in a funding round."
    mentions = extract_prose_mentions([story], published=date(2025, 3, 1))
    assert [(m.company, m.amount, m.announced) for m in mentions] == [("Ferrant", "$70 million", "May 2024")]


def test_a_listing_s_market_capitalisation_is_its_valuation_never_its_proceeds() -> None:
    mentions = extract_prose_mentions(
        ["Tavolo, a booking platform for restaurants, went public with an initial market capitalisation "
         "of JPY150 billion."]
    )  # fmt: skip
    assert [(m.company, m.amount, m.valuation, m.round_text) for m in mentions] == [
        ("Tavolo", None, "JPY150 billion", "ipo")
    ]
    both = extract_prose_mentions(
        ["Tavolo raised $180 million in its IPO, which gave it a market cap of $1.4 billion."]
    )
    assert [(m.company, m.amount, m.valuation) for m in both] == [("Tavolo", "$180 million", "$1.4 billion")]


def test_a_fund_closed_with_its_size_converted_in_brackets_is_no_deal() -> None:
    assert (
        _deals("Buyout firm Marrow Partners said it had raised 4.2bn euros ($4.55bn) for its latest fund.")
        == []
    )
    # the conversion alone does not make the money a fund's
    assert _deals("Quillon raised €12 million ($13.1 million) for its scheduling platform.") == [
        ("Quillon", "€12 million")
    ]


@pytest.mark.parametrize(
    "opening",
    ["Interestingly, the newest unicorn, payments startup Ardentis", "Notably, payments startup Ardentis",
     "Most notably, Ardentis", "However, Ardentis", "In addition, the startup Ardentis"],
)  # fmt: skip
def test_a_sentence_adverb_before_the_subject_is_not_the_company(opening: str) -> None:
    assert _deals(f"{opening} raised a modest $3.2 million in equity funding.") == [
        ("Ardentis", "$3.2 million")
    ]


def test_a_name_ending_in_ly_that_starts_the_sentence_is_still_the_company() -> None:
    assert _deals("Quietly, the note-taking app, raised $12 million.") == [("Quietly", "$12 million")]


@pytest.mark.parametrize(
    "sentence",
    [
        # a bar several companies cleared
        "The quarter saw Ardentis, Brovik, Calloway, Dunmore and Elstree raise over $100 million in a "
        "single round.",
        # one figure for two companies
        "Solar lenders Brovik and Calloway raising $465 million, most of the country's total.",
        "Brovik and Calloway raised $20 million.",
    ],
)
def test_an_amount_two_or_more_companies_raised_together_is_no_deal_of_either(sentence: str) -> None:
    assert _deals(sentence) == []


def test_amounts_each_of_two_companies_raised_stay_theirs() -> None:
    assert _deals("Brovik and Calloway raised $5 million and $8 million respectively.") == [
        ("Brovik", "$5 million"), ("Calloway", "$8 million")
    ]  # fmt: skip
    assert _deals("Brovik and Calloway each raised $6 million.") == [
        ("Brovik", "$6 million"),
        ("Calloway", "$6 million"),
    ]
    # investors named together before the company they funded
    assert _deals("Sequoia and Accel invested $20 million in Calloway.") == [("Calloway", "$20 million")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Solar startup ‘Sun Kettle’ secured $130 million for its business.", ("Sun Kettle", "$130 million")),
        ("The startup “Orvane” raised $5 million.", ("Orvane", "$5 million")),
        ('Logistics firm "Brovik Freight" closed a $9 million Series A.', ("Brovik Freight", "$9 million")),
    ],
)  # fmt: skip
def test_a_company_named_in_quotation_marks_is_named_without_them(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert _deals(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ardentis, Brovik, and Calloway were among the startups which raised over $100 million in a round.",
        "Brovik was among the startups that raised over $100 million this quarter.",
    ],
)
def test_companies_among_a_group_that_cleared_a_bar_have_no_deal_of_that_amount(sentence: str) -> None:
    assert _deals(sentence) == []


def test_a_time_beside_another_company_s_deal_is_no_subject_and_no_history() -> None:
    story = (
        "Just a few days prior to Ardentis, ride-hailing startup Brovik raised $200 million in its Series E."
    )
    assert _deals(story) == [("Brovik", "$200 million")]
    # a time before the company's own round still places the amount in its past
    history = extract_prose_mentions(["Prior to this round, Brovik raised $3 million in 2021."])
    assert [(m.company, m.amount, m.announced) for m in history] == [("Brovik", "$3 million", "2021")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Both Ardentis, a home goods brand, and Brovik Labs, a maker of speakers, secured $20 million each.",
        "Among them, payments app Ardentis and speaker maker Brovik Labs led with $20 million each.",
        "Ardentis and Brovik Labs each secured $20 million.",
    ],
)
def test_one_amount_said_of_each_of_two_described_companies_is_a_deal_of_each(sentence: str) -> None:
    assert _deals(sentence) == [("Ardentis", "$20 million"), ("Brovik Labs", "$20 million")]


def test_a_price_said_of_each_is_still_no_deal() -> None:
    assert _deals("Ardentis and Brovik tickets cost $10 each.") == []


def test_a_subject_that_points_back_to_no_company_named_before_is_no_deal() -> None:
    # no later reading of the same subject makes a company of its place
    assert _deals("The Costa Mesa, California-based company closed a $2.5 billion Series G round.") == []
    assert _deals("For its climate fund, it attracted €300 million from energy group Corvanta.") == []
    # with the company named before, the subject is that company
    assert _deals(
        "Halvorsen makes drones. The Costa Mesa, California-based company closed a $2.5 billion Series G."
    ) == [("Halvorsen", "$2.5 billion")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a newsletter's country flags after each name
        (
            "Veltrano 🇨🇱 raised a $6 million seed round led by Andes Forge 🇺🇸.",
            ("Veltrano", "seed", "$6 million"),
        ),
        # a pictograph before the verb
        ("Orbisk 🚀 closed a $12 million Series A.", ("Orbisk", "series_a", "$12 million")),
        # a ticker in square brackets
        (
            "Tarrow Health [TRW] raised $80 million in a Series C round.",
            ("Tarrow Health", "series_c", "$80 million"),
        ),
    ],
)
def test_marks_between_a_name_and_its_verb_are_no_part_of_the_subject(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert _rounds(sentence, published=None) == [expected]


def test_a_flag_after_a_lead_investor_is_no_part_of_its_name() -> None:
    mentions = extract_prose_mentions(
        ["Quenta 🇲🇽 raised $3 million in a seed round led by Corvid Capital 🇺🇸."]
    )
    assert [m.lead_investors for m in mentions] == [["Corvid Capital"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the closing plural round phrase is every listed company's round
        (
            "Brakel landed $9 million, Omnify raised $14 million and Tussock closed $31 million in their "
            "respective funding rounds.",
            [
                ("Brakel", "venture", "$9 million"),
                ("Omnify", "venture", "$14 million"),
                ("Tussock", "venture", "$31 million"),
            ],
        ),
        # a company that names its own round keeps it
        (
            "Brakel landed a $9 million Series B, Omnify raised $14 million and Tussock closed $31 million "
            "in separate seed rounds.",
            [
                ("Brakel", "series_b", "$9 million"),
                ("Omnify", "seed", "$14 million"),
                ("Tussock", "seed", "$31 million"),
            ],
        ),
    ],
)
def test_a_round_phrase_closing_a_list_of_raises_is_each_ones_round(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _rounds(sentence, published=None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Six startups closed rounds, with Pellwood, a Ghanaian logistics startup securing the largest "
            "amount at $18 million.",
            [("Pellwood", None, "$18 million")],
        ),
        # without the description, as before
        (
            "Six startups closed rounds, with Pellwood securing the largest amount at $18 million.",
            [("Pellwood", None, "$18 million")],
        ),
    ],
)
def test_the_name_of_a_with_phrase_may_carry_a_description(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _rounds(sentence, published=None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the company after 'while' is the subject of its own verb, not the owner of the amount before it
        # (neither clause is read as a deal yet: 'led its first round with' and a bare 'closed $3 million'
        # are gaps, pinned here so that closing them is a deliberate change)
        (
            "Last year, Dorvane led its first investment round with $18 million, while Pickett Labs closed "
            "$3 million.",
            [],
        ),
        # the amount goes to the company that owns it ("Quorra's"), not to the subject after 'whilst', whose
        # own £25m is read since the nineteenth round (a list of owners of two forms)
        (
            "Analysts pointed to Quorra's £700m Series C, whilst battery maker Ostrel raised £25m.",
            [("Quorra", "series_c", "£700m"), ("Ostrel", None, "£25m")],
        ),
        # a contrast before the amount changes nothing
        ("While rivals cut staff, Dorvane raised $18 million.", [("Dorvane", None, "$18 million")]),
    ],
)
def test_a_contrast_between_an_amount_and_a_later_verb_keeps_the_verbs_subject_from_the_amount(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _rounds(sentence, published=None) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a fund's size, said with the year it closed, and the fund before it said as 'another'
        "Harrowgate had closed its previous fund in 2021 at about $300 million and another in 2017 at about "
        "$120 million.",
        # regional hubs with their totals: cities of some 100,000 people or more are places
        "Startups in regional hubs such as Leeds (£120 million), Bristol (£95 million) and Cardiff "
        "(£40 million) drew money too.",
    ],
)
def test_fund_sizes_and_regional_totals_are_no_deals(sentence: str) -> None:
    assert _deals(sentence) == []


def test_a_raise_said_at_an_amount_states_the_price_not_the_raise() -> None:
    (mention,) = extract_prose_mentions(["Quillby raises at $9B, its chief executive said."])
    assert (mention.company, mention.amount, mention.valuation) == ("Quillby", None, "$9B")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Harlow plans an IPO; Quillby raises $40M; Brenna hires a new chief.", None),
        ("Quillby raises $40M; Harlow files for its IPO.", None),
        ("Quillby raises $40M in a Series B; Harlow files for its IPO.", "series_b"),
    ],
)
def test_a_round_named_in_another_part_of_a_semicolon_list_is_not_the_deals(
    sentence: str, expected: str | None
) -> None:
    (mention,) = extract_prose_mentions([sentence])
    assert (mention.company, mention.amount, mention.round_text) == ("Quillby", "$40M", expected)


def test_a_city_whose_name_a_company_bears_is_the_company() -> None:
    """'Aurora' is a city of 100,000 people and a company's name: the gazetteer lists it as both."""
    assert _deals("Aurora raised $20 million in a Series A led by Fernhill.") == [("Aurora", "$20 million")]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("raised $90 million in pre-IPO funding", None),
        ("a pre-IPO placement led by Fernhill", None),
        ("its pre-seed round", "pre_seed"),
        ("a pre-Series A round", "pre_series_a"),
        ("priced its IPO on Friday", "ipo"),
    ],
)
def test_a_round_before_another_is_not_that_round(phrase: str, expected: str | None) -> None:
    assert find_round(phrase) == expected


def test_a_round_counted_back_from_publication_is_its_own_deal_dated_so() -> None:
    """'14 months ago' dates the earlier round to a month counted back from publication, 'two years ago'
    to a year; the round after 'then' is the new deal."""
    text = (
        "Founded in 2019, Quillby raised a $150 million Series D roughly 14 months ago, then a $300 million "
        "Series E at a $5 billion valuation in January."
    )
    found = [
        (m.round_text, m.amount, m.valuation, m.announced)
        for m in extract_prose_mentions([text], published=date(2026, 3, 20))
    ]
    assert found == [
        ("series_e", "$300 million", "$5 billion", "January 2026"),
        ("series_d", "$150 million", None, "January 2025"),
    ]
    (older,) = extract_prose_mentions(
        ["Quillby raised a $40 million Series C two years ago."], published=date(2026, 3, 20)
    )
    assert (older.round_text, older.announced) == ("series_c", "2024")


@pytest.mark.parametrize(
    "sentence",
    [
        # a word that sizes the amount opens the headline: no company
        "Nearly £40m raised by Leeds robotics companies",
        "Roughly $25 million raised by Bristol climate startups this spring",
        # an amount in a currency code is no name
        "It set a price band of INR 310 to INR 326 per equity share for the IPO.",
    ],
)
def test_an_amounts_own_words_are_no_company(sentence: str) -> None:
    assert _deals(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # more verbs of raising
        (
            "Drone company Quillby locked down a $250 million Series D led by Fernhill.",
            ("Quillby", "$250 million"),
        ),
        ("Harlow sealed a $20 million Series A this week.", ("Harlow", "$20 million")),
        # an adverb in -ly between the name and its verb
        ("Quillby successfully raised $640 million last month.", ("Quillby", "$640 million")),
        # what the company has, set off after its name, is not its name
        (
            "Chip maker Quillby, with its custom Lattice Processing Units (LPU), also raised $64 million.",
            ("Quillby", "$64 million"),
        ),
    ],
)
def test_more_ways_a_company_and_its_verb_are_written(sentence: str, expected: tuple[str, str]) -> None:
    assert _deals(sentence) == [expected]


def test_a_list_whose_amounts_each_name_their_owner_after_by_or_for() -> None:
    """Every amount of the list names its owner: after 'round by', or after 'for' with no round noun."""
    sentence = (
        "Top investments in May included a $250 million debt round by lending platform Quillby and "
        "$200 million for the rival platform Harlow."
    )
    assert _deals(sentence) == [("Quillby", "$250 million"), ("Harlow", "$200 million")]
    # one amount whose 'for' names no company keeps the list from being read as owned items
    assert _deals("Quillby raised $5 million for its expansion into Kenya.") == [("Quillby", "$5 million")]


def test_a_description_set_off_by_spaced_hyphens_is_not_the_name() -> None:
    assert _deals(
        "Quillby - one of the robotics names from Leeds - on Tuesday said it had raised $50 million."
    ) == [("Quillby", "$50 million")]


def test_three_or_more_names_with_their_deals_in_brackets_are_deals_whatever_their_total() -> None:
    sentence = (
        "The top deals—Quillby ($2.3B), Harlow Digital ($787.5M) and Brenna ($500M)—accounted for about "
        "$3.6 billion, or most of the month's total."
    )
    assert _deals(sentence) == [("Quillby", "$2.3B"), ("Harlow Digital", "$787.5M"), ("Brenna", "$500M")]
    # two are not yet a list: the total stays the sentence's money
    assert _deals("Quillby ($2.3B) and Harlow ($787.5M) accounted for about $3.1 billion.") == []


def _mentions_of(
    *paragraphs: str, published: date | None = None
) -> list[tuple[str | None, str | None, str | None]]:
    """(company, round, amount) of every mention the paragraphs state, in order."""
    mentions = extract_prose_mentions(list(paragraphs), published=published)
    return [(m.company, m.round_text, m.amount) for m in mentions]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ', followed by' goes on to the next entry of a ranking: no round of the past
        (
            "The next-largest round was a $48 million financing for robotics company Quillbot Dynamics, "
            "followed by smaller rounds in chips.",
            [("Quillbot Dynamics", None, "$48 million")],
        ),
        # 'followed with': the next entry of a ranking, a raise of its own
        (
            "Voice startup Orvane followed with a $30 million Series B from Harbor Capital.",
            [("Orvane", "series_b", "$30 million")],
        ),
        # the raiser after 'by', described before its name; the next amount's owner after 'for'
        (
            "Top deals included a $90 million debt round by Kenyan solar lender Sunfra and $40 million for "
            "the rival platform Lumo.",
            [("Sunfra", "debt", "$90 million"), ("Lumo", None, "$40 million")],
        ),
        (
            "The largest deal was a £50 million raise by Tessaly, followed by a £30 million deal "
            "for Brontide and £20 million for Quillmark.",
            [
                ("Tessaly", None, "£50 million"),
                ("Brontide", None, "£30 million"),
                ("Quillmark", None, "£20 million"),
            ],
        ),
        # the recipient of an investor's round described before its name
        (
            "Harbor Capital led a $25m funding round in the Berlin-based AI coding startup Codewell",
            [("Codewell", "venture", "$25m")],
        ),
        (
            "Brask Corp and Vellum Industries were reportedly among the investors in a $1.8bn round for "
            "automotive chip maker Gravix, one of several.",
            [("Gravix", None, "$1.8bn")],
        ),
        # a subject told by what it did before its participle or its 'with'
        (
            "Healthtech firm Medora emerged as the top recipient, raising $193 million in a debt round.",
            [("Medora", "debt", "$193 million")],
        ),
        (
            "Lumenfield Reinsurance drove much of the activity, with a $1 billion raise from two insurers.",
            [("Lumenfield Reinsurance", None, "$1 billion")],
        ),
        (
            "Quillpay, the payments network, hits $5B valuation in $500M funding round",
            [("Quillpay", "venture", "$500M")],
        ),
        # rounds said in other words
        (
            "Fintech Lendora raised $4.6 Mn in equity funding from Harbor Capital.",
            [("Lendora", "venture", "$4.6 Mn")],
        ),
        ("In the seeding round, Farmly netted $500,000 from two angels.", [("Farmly", "seed", "$500,000")]),
        # a name that starts with a lower-case letter and a hyphen
        ("Chip startup d-Vector has raised $110m from investors.", [("d-Vector", None, "$110m")]),
        # French: the imperfect of 'lever'
        (
            "Il y a un an, Quillfort levait 40 millions de dollars.",
            [("Quillfort", None, "40 millions de dollars")],
        ),
    ],
)
def test_more_recipients_rankings_and_round_words(
    sentence: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert _mentions_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # places listed with their totals, 'respectively'
        "Kenya and Nigeria followed with $101 million and $85 million, respectively.",
        # an adverb opening the sentence
        "Globally, more than $2 billion was invested in seed-stage companies last month.",
        # a share's unit is no company
        "Late Tuesday, the chipmaker said that it had priced an offering of 2M shares at $2.40 per ADS, "
        "raising approximately $5M.",
        # a report the sentence calls wrong
        "Ravel's founder said a report that Ravel has secured $500 million from investors is inaccurate.",
    ],
)
def test_places_adverbs_share_units_and_dismissed_reports_are_no_deals(sentence: str) -> None:
    assert _mentions_of(sentence) == []


def test_an_amount_written_short_is_no_name_but_a_name_in_capitals_is() -> None:
    from assets.parsing.prose_names import valid_company

    assert [valid_company(n) for n in ("305m", "5m", "2.5bn", "24M")] == [None, None, None, "24M"]


def test_the_french_it_refers_back_to_the_company_named_before() -> None:
    mentions = _mentions_of(
        "Quillfort a levé 20 millions d'euros en 2022.", "Elle lève une série A de 100 M€ menée par Harbor."
    )
    assert [company for company, _, _ in mentions] == ["Quillfort", "Quillfort"]


def test_a_clause_opening_with_last_and_a_month_dates_the_latest_such_month() -> None:
    (february,) = extract_prose_mentions(
        ["Last May, Orvane, one of the hottest startups, raised $450 million from Harbor Capital."],
        published=date(2024, 2, 20),
    )
    (august,) = extract_prose_mentions(
        ["Last May, Orvane, one of the hottest startups, raised $450 million from Harbor Capital."],
        published=date(2024, 8, 20),
    )
    assert (february.company, february.announced, august.announced) == ("Orvane", "May 2023", "May 2024")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # people who raise for a company they start: the company when it is named, else no deal
        (
            "Physician author Ada Brenner and her co-founder raised $25 million for a new AI drug company "
            "called Velomir.",
            [("Velomir", None, "$25 million")],
        ),
        ("Tomas Reyl, a former chief scientist at Orvane, has raised $3bn for a new AI lab.", []),
        (
            "Ines Harrow, a former Quillpay executive, raised $2bn in 2025 months after launching her "
            "start-up, Lumenwise.",
            [("Lumenwise", None, "$2bn")],
        ),
        # ...but a company may raise for a new lab of its own
        ("Brontide raised $5 million for a new lab in Boston.", [("Brontide", None, "$5 million")]),
        # an investor that put money 'in the startup' is never the company
        ("Harbor Capital also invested €15 million ($16.3 million) in the startup during the round.", []),
        # a headline's description of the company, and what its money is for, are no names
        ("Chinese GPU Maker Raises $250 Million for Future GPU Development", []),
        # a wire's instrument code inside a name, and who backs it, are not part of it
        (
            "Brask 9984.T may invest $15 billion directly into Harbor-backed HRBR.O Quillpay, sources said.",
            [("Quillpay", None, "$15 billion")],
        ),
    ],
)
def test_founders_investors_headline_descriptions_and_codes_are_not_the_company(
    sentence: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert [(c, r, a.removeprefix("at least ")) for c, r, a in _mentions_of(sentence)] == expected


def test_names_keep_neither_a_month_a_leader_nor_an_opening_word() -> None:
    from assets.parsing.prose_names import valid_company

    names = ("Lumenfield’s February", "The Harbor Capital-led", "Inside Quillpay", "Orvane Maker Labs")
    assert [valid_company(n) for n in names] == ["Lumenfield", None, None, "Orvane Maker Labs"]


def test_a_list_of_owners_with_their_rounds_and_bracketed_valuations_is_one_deal_each() -> None:
    sentence = (
        "Standouts this year include Quillpay’s $2.3B round (its second this year, ~$29B valuation), "
        "Orvane’ $1.1B Series G (~$8B valuation), Lumenwise’s record $40B, and Brontide’s $750M Series E "
        "(nearly $6.9B valuation)."
    )
    assert _mentions_of(sentence) == [
        ("Quillpay", None, "$2.3B"),
        ("Orvane", "series_g", "$1.1B"),
        ("Lumenwise", None, "$40B"),
        ("Brontide", "series_e", "$750M"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a numbered item whose subject points back to the name before its colon
        (
            ["4. Velomir (databases): The Austin-based company closed a $109 million investment."],
            [("Velomir", None, "$109 million")],
        ),
        (["Update: The company closed a $10 million round."], []),
        # a fund named after what it is raises for investors, not as a company
        (["Seattle VC fund Harborline raises $100M to invest in early startups"], []),
        # a headline that denies the raise
        (["Founder Denies Getting $500 Million Toward $1 Billion Funding Goal For AI Company"], []),
        # money committed to the company named before
        (
            [
                "By August, Quillpay had landed $100 million from two telecoms.",
                "Then Orvane committed $4 billion to it.",
            ],
            [("Quillpay", None, "$100 million"), ("Quillpay", None, "$4 billion")],
        ),
    ],
)
def test_items_funds_denials_and_commitments(
    paragraphs: list[str], expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert _mentions_of(*paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ha raccolto 81,5 milioni di dollari nella sua offerta", ("81500000.0", "USD")),
        ("un round da 2 miliardi di euro", ("2000000000", "EUR")),
        ("Northvolt säkrar 5 miljarder dollar", ("5000000000", "USD")),
        ("een investering van 40 miljoen euro", ("40000000", "EUR")),
    ],
)
def test_italian_dutch_and_swedish_sums_are_money(text: str, expected: tuple[str, str]) -> None:
    (money,) = find_money(text)
    assert (str(money.value), money.currency) == expected


def test_german_sums_are_not_read_in_prose_whose_nouns_all_have_capitals() -> None:
    assert find_money("Das Unternehmen sammelte weitere 22 Millionen US-Dollar ein") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Quillfort säkrar 5 miljarder dollar för sin fabrik.", [("Quillfort", None, "5 miljarder dollar")]),
        (
            "Orvane ha raccolto 81,5 milioni di dollari nella sua offerta pubblica iniziale.",
            [("Orvane", "ipo", "81,5 milioni di dollari")],
        ),
        (
            "Lumenwise haalde bij zijn beursgang 990 miljoen dollar op.",
            [("Lumenwise", "ipo", "990 miljoen dollar")],
        ),
    ],
)
def test_raises_in_swedish_italian_and_dutch(
    sentence: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert _mentions_of(sentence) == expected


def test_the_italian_company_refers_back_and_is_no_name() -> None:
    assert (
        _mentions_of("L'azienda ha raccolto 81,5 milioni di dollari nella sua offerta pubblica iniziale.")
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # money a company spends on buildings of its own
        "Last year in May, Quillfort announced a new £350m investment into a data centre in Leeds.",
        "Brontide, a major developer, also announced a £2.5bn investment to develop UK data centres.",
        "Orvane is set to invest £1.9bn into a new data centre campus in Didcot, creating 1,500 jobs.",
        # words that open a sentence and name no one
        "There is the option for the lender to extend the debt facility to £356m.",
        "Another $483m has been raised from the operator's existing investors.",
        # a round the company says it is not raising
        "The founder said on Friday his firm Ravel was not in talks with investors to raise $6 billion.",
    ],
)
def test_buildings_openers_and_rounds_not_in_talks_are_no_deals(sentence: str) -> None:
    assert _mentions_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "• Ravel, Ines Harrow's generative ai company, closed a $6 billion Series B funding in 2024.",
            [("Ravel", "series_b", "$6 billion")],
        ),
        (
            "Lumenwise announced it had raised $400 million in a venture capital deal led by Harbor.",
            [("Lumenwise", "venture", "$400 million")],
        ),
        # a company's money in another company stays a deal
        ("Harbor Capital made a $40 million investment in Quillfort.", [("Quillfort", None, "$40 million")]),
    ],
)
def test_an_owner_of_two_words_and_venture_capital_deals(
    sentence: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert _mentions_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Quillpay's $40 billion Harbor-led round became the largest private funding ever.",
            [("Quillpay", None, "$40 billion")],
        ),
        ("Lumenwise emerging with $200 million.", [("Lumenwise", None, "$200 million")]),
        (
            "The Leeds software company Orvane, which builds defence AI, was ahead with 450 million euros.",
            [("Orvane", None, "450 million euros")],
        ),
    ],
)
def test_more_ways_a_round_up_names_its_raises(
    sentence: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert _mentions_of(sentence) == expected


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("$37m", "AUD", "AUD"),  # a bare '$' in a source of Australian dollars
        ("US$37m", "AUD", "USD"),
        ("$37m", None, "USD"),
        ("$37m", "EUR", "USD"),  # a default that is no dollar leaves '$' alone
        ("$1.35M CAD", None, "CAD"),  # the code after the amount says which dollar
        ("37 million", "AUD", "AUD"),
    ],
)
def test_which_dollar_a_bare_dollar_sign_is(text: str, default: str | None, expected: str) -> None:
    assert parse_amount(text, default).money.currency == expected


def test_an_article_source_with_a_currency_passes_it_to_its_mentions(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Sydney startup Quillfort raised $37m in a Series B led by Harbor Capital.\n", encoding="utf-8"
    )
    source = Source(
        id="au", name="AU", kind=SourceKind.ARTICLE, url=page.as_uri(), options={"currency": "AUD"}
    )
    frame = extract_document(source, page.as_uri(), "0" * 64, "text/plain", page)
    assert frame[["company_text", "amount_text", "default_currency"]].values.tolist() == [
        ["Quillfort", "$37m", "AUD"]
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Further, Quillfort Semiconductors, Orvane Chips and Brontide raised $4 Mn, $3.5 Mn and $3 Mn, "
            "respectively, during the year.",
            [
                ("Quillfort Semiconductors", None, "$4 Mn"),
                ("Orvane Chips", None, "$3.5 Mn"),
                ("Brontide", None, "$3 Mn"),
            ],
        ),
        (
            "Those deals made Lumenwise’s $800 million round and Ravel’s nearly $700 million in a Series D "
            "funding seem quaint.",
            [("Lumenwise", None, "$800 million"), ("Ravel", "series_d", "$700 million")],
        ),
        ("Shares closed on Wednesday at 1,601 yen, above the offer price of 1,455 yen per share.", []),
    ],
)
def test_lists_after_further_approximate_owned_amounts_and_shares(
    sentence: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert _mentions_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "When Microsoft announced a $10 billion follow-on investment into Quillpay in January 2023.",
        "Wire reports Microsoft is in talks to invest up to $100B in Quillpay.",
    ],
)
def test_a_corporation_that_puts_money_in_a_company_makes_a_strategic_round(sentence: str) -> None:
    (mention,) = extract_prose_mentions([sentence])
    assert (mention.company, mention.round_text, mention.investors) == (
        "Quillpay",
        "strategic",
        ["Microsoft"],
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a founder who raises for the company they name
        (
            "Ines Harrow, the founder behind Quillpay, raised $700 million for Velomir in a Series A.",
            [("Velomir", "series_a", "$700 million")],
        ),
        # ...while a company raising for a unit keeps the raise
        ("Brontide raised $5 million for Lumo, its new unit.", [("Brontide", None, "$5 million")]),
        # reports that their subject denies or calls false
        (
            "The founder denied the channel's previous report, which said the firm was raising $10 billion.",
            [],
        ),
        ("The founder says a wire report of Ravel's $15 billion fundraise is ‘false’", []),
        # a fund named with 'The' is no company: its investment goes to the one named after it
        (
            "The National Growth Fund recently approved a 560 billion won equity investment in Orvane.",
            [("Orvane", None, "560 billion won")],
        ),
    ],
)
def test_founders_naming_their_company_denied_reports_and_funds_named_with_the(
    sentence: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert _mentions_of(sentence) == expected
