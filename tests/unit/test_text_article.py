"""Pages saved as plain text: glued table rows, the 'Published:' line, prose that names its company first."""

from __future__ import annotations

from datetime import date

import pytest

from assets.parsing.glued_tables import glued_header, glued_tables, split_glued_row, split_wide_row
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.text_article import looks_like_html, parse_text_article

HEADERS = ["Startup", "Raised", "Sector"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CompanyAmountSegment", ["Company", "Amount", "Segment"]),
        ("StartupRaisedSector", HEADERS),
        ("Company Amount Segment", None),  # not glued: ordinary prose or a spaced header
        ("AIInfrastructureVentureCapital", None),  # tags, not table headers
    ],
)
def test_glued_headers_are_recognised_by_meaning(line, expected):
    assert glued_header(line) == expected


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        (
            "Orrin Labs$40M Series B ($300M)Inference platform",
            ["Orrin Labs", "$40M Series B ($300M)", "Inference platform"],
        ),
        ("Vexa (VX)$8MAI agents", ["Vexa (VX)", "$8M", "AI agents"]),
        (
            "Quill Works€25M raise / €120M valuationAI coding",
            ["Quill Works", "€25M raise / €120M valuation", "AI coding"],
        ),
        ("No money in this row at all", None),
        ("$40M with no company first", None),
    ],
)
def test_rows_split_around_their_money(row, cells):
    assert split_glued_row(row, HEADERS) == cells


def test_a_glued_table_becomes_rows_and_leaves_the_prose():
    text = "Intro line.\n\nStartupRaisedSector\nOrrin Labs$40M Series BInference platform\n\nClosing line."
    tables, rest = glued_tables(text)
    assert tables == [[HEADERS, ["Orrin Labs", "$40M Series B", "Inference platform"]]]
    assert rest == "Intro line.\n\nClosing line."


def test_a_text_page_reads_its_date_table_and_prose():
    page = (
        "Weekly deal map\n\nPublished: 2026-03-02\n\n"
        "StartupRaisedSector\nOrrin Labs$40M Series BInference platform\n\n"
        "Vexa Robotics raised an $8M seed round led by Northwind Ventures."
    )
    document = parse_text_article(page)
    assert document.published == date(2026, 3, 2)
    assert [(m.method, m.company, m.amount) for m in document.mentions] == [
        ("document_table", "Orrin Labs", "$40M"),
        ("prose", "Vexa Robotics", "$8M"),
    ]


def test_a_date_heading_dates_the_page_and_is_not_part_of_the_subject():
    page = (
        "date 2025-11-04 Ravelstone Power, a maker of grid batteries, has secured $40 million in what "
        "is the largest green loan in its region.\n\nThe company plans two plants."
    )
    document = parse_text_article(page)
    assert document.published == date(2025, 11, 4)
    assert [(m.company, m.amount, m.round_text) for m in document.mentions] == [
        ("Ravelstone Power", "$40 million", "debt")
    ]


def test_a_table_copied_with_tabs_is_read_as_a_table():
    page = (
        "Deals of the week\n\n"
        "Startup\tSector\tRaised\tStage\nOrlenta\tGrid\t$12M\tSeries A\nTessaly\tBio\t$3M\tSeed\n"
    )
    document = parse_text_article(page)
    assert [(m.method, m.company, m.amount, m.round_text) for m in document.mentions] == [
        ("document_table", "Orlenta", "$12M", "Series A"),
        ("document_table", "Tessaly", "$3M", "Seed"),
    ]


def test_tab_separated_lines_that_are_no_deal_table_stay_prose():
    page = "Name\tRole\nAda\tCEO\n\nOrlenta raised $12M in a Series A."
    document = parse_text_article(page)
    assert [(m.method, m.company) for m in document.mentions] == [("prose", "Orlenta")]


def test_records_written_one_field_per_line_under_the_name_are_deals():
    page = (
        "The biggest rounds of the year, ranked.\n"
        "1\nOrlenta Therapeutics\nAmount: $300 million\nSeries: B\nInvestors: Tern Capital, Pell Partners\n"
        "2\nTessaly Bio\nAmount: $120 million\nSeries: Unknown\n"
        "Tessaly also hired a chief medical officer."
    )
    document = parse_text_article(page)
    assert [(m.method, m.company, m.amount, m.round_text, m.investors) for m in document.mentions] == [
        (
            "document_table",
            "Orlenta Therapeutics",
            "$300 million",
            "Series B",
            ["Tern Capital", "Pell Partners"],
        ),
        ("document_table", "Tessaly Bio", "$120 million", "Unknown", []),
    ]


def test_a_record_with_a_field_for_its_company_leaves_the_line_above_as_a_heading():
    page = (
        "Orlenta Series E\n\n"
        "Deal Information\nCompany: Orlenta\nRound: Series E\nAmount: $800M\nValuation: $33B\n"
        "Date: July 2021\nInvestors: Tern Capital, Pell Partners\n"
    )
    document = parse_text_article(page)
    assert [(m.method, m.company, m.amount, m.round_text) for m in document.mentions] == [
        ("document_table", "Orlenta", "$800M", "Series E")
    ]


def test_field_lines_that_are_no_deal_record_stay_prose():
    page = "Orlenta raised $12M in a Series A.\nContact: press@orlenta.example\nPhone: 555 0100"
    document = parse_text_article(page)
    assert [(m.method, m.company, m.amount) for m in document.mentions] == [("prose", "Orlenta", "$12M")]


def test_html_is_not_mistaken_for_text():
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html("Published: 2026-03-02\n\nOrrin raised $5M.")


def test_the_team_behind_a_project_is_the_company_just_named():
    (mention,) = extract_prose_mentions(
        [
            "The week's surprise: Quillworks. "
            "The team behind the Quill compiler raised a $20M seed round led by Harbor."
        ]
    )
    assert (mention.company, mention.amount, mention.lead_investors) == ("Quillworks", "$20M", ["Harbor"])


def test_the_team_behind_a_project_with_no_company_named_is_no_deal():
    assert extract_prose_mentions(["The team behind the Quill compiler raised a $20M seed round."]) == []


# Wider glued tables: headers of several words, a place, a date, the round's own column.
WIDE_HEADER = "StartupHeadquartersFunds RaisedFunding StageInvestorsVertical"


def test_a_wide_glued_header_splits_where_a_capital_follows_a_lower_case_letter():
    assert glued_header(WIDE_HEADER) == [
        "Startup",
        "Headquarters",
        "Funds Raised",
        "Funding Stage",
        "Investors",
        "Vertical",
    ]
    assert glued_header("DateCompanyTrade NameDeal Size (₹ Cr)Investors / RoundLocation") == [
        "Date", "Company", "Trade Name", "Deal Size (₹ Cr)", "Investors / Round", "Location"
    ]  # fmt: skip
    assert glued_header("Weekly NewsletterSubscribe NowRead MoreShare This") is None  # no deal table


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        (
            "OrrinSingapore$21,000,000Series AHarrow PartnersHealthtech",
            ["Orrin", "Singapore", "$21,000,000", "Series A", "Harrow Partners", "Healthtech"],
        ),
        (
            "Vexa GroupVietnam$30,326,893Venture – Series UnknownPell SecuritiesMobility tech",
            [
                "Vexa Group",
                "Vietnam",
                "$30,326,893",
                "Venture – Series Unknown",
                "Pell Securities",
                "Mobility tech",
            ],
        ),
        ("No money in this row", None),
        ("OrrinAtlantis$21,000,000Series AHarrow PartnersHealthtech", None),  # no known place to cut at
    ],
)
def test_wide_rows_split_by_what_each_column_holds(row, cells):
    headers = glued_header(WIDE_HEADER)
    assert split_wide_row(row, headers) == cells


def test_a_wide_table_with_a_date_a_brand_and_a_unit_in_its_header_reads_each_row():
    page = (
        "Top deals of the week\n\n"
        "DateCompanyTrade NameDeal Size (₹ Cr)Investors / RoundLocation\n"
        "29 Sep 2025Brimwell Foods Pvt LtdBrimbox532Harrow Ventures, Pell Capital / Series DKolkata\n"
        "30 Sep 2025Quenby Ostrel Finance Pvt LtdQOF800Tern Partners / FundingMumbai\n"
        "S"
    )
    mentions = [m for m in parse_text_article(page).mentions if m.method == "document_table"]
    assert [(m.company, m.amount, m.round_text, m.investors, m.announced) for m in mentions] == [
        ("Brimbox", "532 crore", "Series D", ["Harrow Ventures", "Pell Capital"], "29 Sep 2025"),
        # an acronym of the legal name is no brand: the legal name stands
        ("Quenby Ostrel Finance Pvt Ltd", "800 crore", "Funding", ["Tern Partners"], "30 Sep 2025"),
    ]


def test_round_words_before_the_money_of_a_round_and_valuation_column_are_that_cell():
    page = (
        "CompanyRound / ValuationEst. ARRImplied MultipleLead InvestorWhat They Do\n"
        "OrrinSeries E / $5.5B~$150M~37xHarrow, PellEnterprise models\n"
        "Vexa LabsSeed / $40M~$2M~20xTernCoding agents"
    )
    mentions = [m for m in parse_text_article(page).mentions if m.method == "document_table"]
    assert [(m.company, m.valuation, m.round_text, m.lead_investors) for m in mentions] == [
        ("Orrin", "$5.5B", "series_e", ["Harrow", "Pell"]),
        ("Vexa Labs", "$40M", "seed", ["Tern"]),
    ]


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        # a place written 'City, Country' or as a region closes the location column whole
        (
            "Vantro PayBengaluru, India$8MSeries AHarrow VenturesFintech",
            ["Vantro Pay", "Bengaluru, India", "$8M", "Series A", "Harrow Ventures", "Fintech"],
        ),
        (
            "Kelvra LabsSoutheast Asia$5MSeries AHarrow VenturesHealthtech",
            ["Kelvra Labs", "Southeast Asia", "$5M", "Series A", "Harrow Ventures", "Healthtech"],
        ),
        # the money's currency letters and words stay with it
        (
            "Kopitech LabsSingaporeS$5MSeries AHarrow VenturesFood tech",
            ["Kopitech Labs", "Singapore", "S$5M", "Series A", "Harrow Ventures", "Food tech"],
        ),
        (
            "PeloraLondon$5 millionSeries A+Harrow VenturesHealthtech",
            ["Pelora", "London", "$5 million", "Series A+", "Harrow Ventures", "Healthtech"],
        ),
        # capitals inside a cell make the cut a guess: the row is not split
        ("OrrinLondon$6MSeries AHarrow VenturesB2B SaaS", None),
    ],
)
def test_wide_rows_keep_places_and_money_whole_and_refuse_to_guess(row, cells):
    headers = ["Company", "Headquarters", "Amount", "Round", "Investors", "Sector"]
    assert split_wide_row(row, headers) == cells


def test_a_menu_glued_over_one_headline_is_no_table():
    page = "HomeAboutCompany NewsFunding RoundsSubscribe\nVeltoAI raises $8M seed led by Harrow Ventures"
    tables, _ = glued_tables(page)
    assert tables == []


def test_a_brand_column_left_empty_keeps_the_company_and_a_round_investors_cell_reads_in_its_order():
    page = (
        "| Company | Brand | Amount | Round / Investors |\n|---|---|---|---|\n"
        "| Hestia Home Pvt Ltd | — | $5M | Series A / Harrow Ventures |\n"
        "| Kelso Foods Pvt Ltd | Munchbox | $8M | Seed / Undisclosed |\n"
    )
    mentions = parse_text_article(page).mentions
    assert [(m.company, m.round_text, m.investors) for m in mentions] == [
        ("Hestia Home Pvt Ltd", "Series A", ["Harrow Ventures"]),
        ("Munchbox", "Seed", []),
    ]


def test_an_earlier_round_in_a_valuation_cell_is_not_the_rows_round():
    page = (
        "| Company | Amount | Valuation |\n|---|---|---|\n"
        "| Orbis Grid | $50M | $1.2B (up from $400M at its Series B) |\n"
    )
    (mention,) = parse_text_article(page).mentions
    assert (mention.company, mention.amount, mention.round_text) == ("Orbis Grid", "$50M", None)
