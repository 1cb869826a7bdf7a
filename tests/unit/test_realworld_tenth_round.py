"""Shapes of listed companies' releases and share prices, in our own words (issue 10's tenth round).

A release defines its issuer once ('Quarrow Mining Inc. ("Quarrow" or the "Company")') and then says
"the Company" throughout; it sells shares in offerings only a listed company makes (a private placement,
a rights issue, a placing), which are post-IPO rounds; the securities it defines ("the Units", "the
Bonus Shares") are no company; and a price per share ('opened at A$29.90') is never the sum raised.
"""

from __future__ import annotations

from datetime import date

import pytest

from assets.normalize.amounts import find_money
from assets.parsing.mentions import DealMention
from assets.parsing.money_roles import Role, money_role
from assets.parsing.prose import extract_prose_mentions, resolve_short_names
from assets.parsing.prose_names import valid_company
from assets.parsing.releases import issuer_definition, listed_issuer

PUBLISHED = date(2026, 3, 20)


def _deals(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention, in order."""
    mentions: list[DealMention] = extract_prose_mentions(list(paragraphs), published=PUBLISHED)
    return [(m.company, m.amount, m.round_text) for m in mentions]


# -- the issuer a release defines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "issuer"),
    [
        ('OSLO, March 2, 2026 -- Quarrow Mining Inc. ("Quarrow" or the "Company") (TSXV: QRW)',
         "Quarrow Mining Inc."),
        ("Lindqvist Bio AB (publ) (the “Company”) has resolved to carry out a share issue.",
         "Lindqvist Bio AB"),
        ("Tellhaven Corp. (“Tellhaven” or the “Corporation”) (CSE: TLV) is pleased to announce",
         "Tellhaven Corp."),
        ('Palomere Ltd (the "Company" or "Palomere") announces the result of its placing.', "Palomere Ltd"),
    ],
)  # fmt: skip
def test_a_release_defines_its_issuer_once(opening: str, issuer: str) -> None:
    defined = issuer_definition(opening)
    assert defined is not None
    assert defined.name == issuer


@pytest.mark.parametrize(
    "text",
    [
        'The notes (the "Notes") carry interest at 8%.',
        "The company said it would raise more later.",  # no defined term
        'Units (the "Units") are sold at $0.10.',
    ],
)
def test_no_issuer_without_a_name_defined_as_the_company(text: str) -> None:
    assert issuer_definition(text) is None


def test_the_company_in_a_release_is_its_issuer() -> None:
    found = _deals(
        'VANCOUVER, March 2, 2026 -- Quarrow Mining Inc. ("Quarrow" or the "Company") (TSXV: QRW) reports '
        "on its exploration program.",
        "The Company is pleased to announce that it has closed a non-brokered private placement for gross "
        "proceeds of $4,200,000.",
    )
    assert found == [("Quarrow Mining", "$4,200,000", "post_ipo")]


def test_the_company_stays_the_issuer_after_an_investor_is_named() -> None:
    found = _deals(
        'Tellhaven Corp. ("Tellhaven" or the "Corporation") (CSE: TLV) announces a strategic investment.',
        "Orlan Capital has agreed to buy 2,000,000 shares from treasury.",
        "The Corporation raised $1.5 million in the first tranche of the private placement.",
    )
    assert ("Tellhaven", "$1.5 million", "post_ipo") in found


def test_a_lowercase_company_is_not_the_defined_issuer() -> None:
    """'the company' in a story names whoever the story is about, not a release's defined issuer."""
    found = _deals(
        'Quarrow Mining Inc. ("Quarrow" or the "Company") (TSXV: QRW) sold its stake in Belvane.',
        "Belvane is a battery startup. The startup raised $8 million in a Series A round last year.",
    )
    assert all(company != "Quarrow Mining" for company, _, _ in found)


# -- offerings only a listed company makes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Quarrow Mining Inc. (TSX Venture: QRW) closed its placement.", True),
        ("Sorvik Therapeutics (Nasdaq: SRVK) today announced", True),
        ("Palomere plc (AIM: PLM), the video platform", True),
        ("Hollis Data, Inc. (NYSE:HLD), a holding company", True),
        ("Quarrow raised $5 million (about C$7 million) from investors.", False),
        ("Lumo (YC W24) raised a seed round.", False),
    ],
)
def test_a_listed_issuer_is_known_by_its_ticker(text: str, listed: bool) -> None:
    assert listed_issuer(text) is listed


@pytest.mark.parametrize(
    "sentence",
    [
        "Sorvik Therapeutics (Nasdaq: SRVK) announced its rights issue, which raised SEK 30 million.",
        "Palomere plc (AIM: PLM) has raised £2.5 million through a placing and subscription.",
        "Quarrow Mining Inc. (TSXV: QRW) closed a brokered private placement of units for $3 million.",
    ],
)  # fmt: skip
def test_a_listed_companys_share_offering_is_a_post_ipo_round(sentence: str) -> None:
    [(_, _, round_type)] = _deals(sentence)
    assert round_type == "post_ipo"


def test_a_private_companys_placement_keeps_its_own_round() -> None:
    [(company, _, round_type)] = _deals(
        "Belvane, a battery startup, raised $8 million in a private placement."
    )
    assert company == "Belvane"
    assert round_type != "post_ipo"


def test_a_listed_companys_stated_round_stands() -> None:
    [(_, _, round_type)] = _deals(
        "Sorvik Therapeutics (Nasdaq: SRVK) secured a $20 million term loan facility."
    )
    assert round_type == "debt"


# -- defined securities are no company -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["The Bonus Shares", "Subscription Shares", "Units", "Convertible Debentures", "Company", "Corporation"],
)
def test_securities_and_the_bare_word_company_are_no_name(name: str) -> None:
    assert valid_company(name) is None


@pytest.mark.parametrize("name", ["Field Notes", "Sharesies", "Unity Software"])
def test_names_near_those_words_stay_names(name: str) -> None:
    assert valid_company(name) == name


def test_a_sentence_about_defined_shares_gives_no_deal() -> None:
    found = _deals(
        "The directors have confirmed they will subscribe for 727,000 Subscription Shares, raising a "
        "further £80,000."
    )
    assert all(company != "Subscription Shares" for company, _, _ in found)


# -- a price per share is not the sum raised --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Verandah Foods listed on the ASX and traded at A$29.90 by midday.", "A$29.90"),
        ("The shares opened at HK$144.60, above the offer price.", "HK$144.60"),
        ("Bonus shares are priced at $0.065, the closing market price.", "$0.065"),
    ],
)
def test_a_small_sum_without_a_multiplier_is_a_price(sentence: str, written: str) -> None:
    moneys = find_money(sentence)
    [money] = [m for m in moneys if m.text == written]
    assert money_role(sentence, money, moneys, PUBLISHED) is Role.OTHER


def test_a_listing_priced_per_share_gives_no_deal_of_that_price() -> None:
    found = _deals("Verandah Foods went public on the ASX on Thursday and traded at A$29.90 by midday.")
    assert all(amount != "A$29.90" for _, amount, _ in found)


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Tessaly raised $396,000.08 in gross proceeds.", "$396,000.08"),
        ("Orvane raised $5 million in seed funding.", "$5 million"),
        ("Kestrel lève 12 millions d'euros.", "12 millions d'euros"),
    ],
)
def test_a_sum_with_a_multiplier_or_of_thousands_is_still_money_raised(sentence: str, written: str) -> None:
    moneys = find_money(sentence)
    [money] = [m for m in moneys if m.text == written]
    assert money_role(sentence, money, moneys, PUBLISHED) is Role.RAISE


def test_a_companys_total_funding_is_no_deal() -> None:
    found = _deals(
        "Sources said Quillfort had raised money every few months, that its total funding exceeded $1 "
        "billion, and that it was valued at $14 billion."
    )
    assert all(amount != "$1 billion" for _, amount, _ in found)


def test_the_low_end_of_a_range_written_without_its_multiplier_is_still_the_amount() -> None:
    [(company, amount, _)] = _deals(
        "Quillfort is reportedly raising $450–$500 million at a $7 billion valuation."
    )
    assert (company, amount) == ("Quillfort", "at least $450 million")


@pytest.mark.parametrize("round_words", ["seed", "Series B", "funding round"])
def test_a_valuation_named_after_its_round_is_a_valuation(round_words: str) -> None:
    sentence = f"Quillfort raised $475 million at a $4.5 billion {round_words} valuation."
    [mention] = extract_prose_mentions([sentence], published=PUBLISHED)
    assert (mention.company, mention.amount, mention.valuation) == (
        "Quillfort",
        "$475 million",
        "$4.5 billion",
    )


def test_a_rumour_its_company_calls_incorrect_is_no_deal() -> None:
    found = _deals(
        '"Recent rumors claiming that Quillfort has raised $500 million at a valuation of $6.5 billion are '
        'incorrect," the company said in a statement.'
    )
    assert found == []


# -- a place's adjective before a name -------------------------------------------------------------------


def test_a_place_adjective_before_a_listed_name_is_where_it_is_from() -> None:
    found = _deals("Other raises include Ghanaian Quillpay ($10m) and Senegalese Tamso Job ($1m).")
    assert [(company, amount) for company, amount, _ in found] == [("Quillpay", "$10m"), ("Tamso Job", "$1m")]


@pytest.mark.parametrize("name", ["American Express", "Swiss Re", "Turkish Airlines"])
def test_a_company_named_with_a_place_adjective_keeps_it(name: str) -> None:
    assert valid_company(name) == name


@pytest.mark.parametrize("name", ["Saudi Arabia", "Nigerian FinTech Firms", "South African startups"])
def test_a_place_or_group_led_by_an_adjective_is_still_no_company(name: str) -> None:
    assert valid_company(name) is None


# -- round-ups, reports and bulletins (read after the round's blind batch was scored) -----------------------


def test_a_list_of_owned_rounds_with_a_word_of_size_gives_each_its_deal() -> None:
    found = _deals(
        "Deals included Orrinby’s mega $100 million Series A round, Vexa Pay’s $17 million Series B, "
        "Tallow’s $77 million pre-Series C, and Quenby’s $25 million Series A."
    )
    assert found == [
        ("Orrinby", "$100 million", "series_a"),
        ("Vexa Pay", "$17 million", "series_b"),
        ("Tallow", "$77 million", "venture"),  # a round before a lettered one is no round of that letter
        ("Quenby", "$25 million", "series_a"),
    ]


def test_a_person_named_after_an_office_is_no_company() -> None:
    found = _deals("The company’s founder and chief executive Ada Lind netted between $20mn and $30mn.")
    assert found == []


def test_a_report_denied_with_which_indicated_is_no_deal() -> None:
    found = _deals(
        "Musk had denied a similar report for Quillfort back in May, which indicated the firm had secured "
        "$135 million from investors."
    )
    assert found == []


@pytest.mark.parametrize("words", ["strategic financing", "strategic funding"])
def test_strategic_financing_is_a_strategic_round(words: str) -> None:
    [(_, _, round_type)] = _deals(f"Quillfort announced $21.5 million in {words} led by Tern Foundation.")
    assert round_type == "strategic"


def test_a_ticker_given_after_a_name_is_that_company() -> None:
    text = (
        "Another listing, Lindqvist Graphite (ASX: LQG), makes battery anodes. LQG raised $10 million "
        "through its IPO."
    )
    [mention] = resolve_short_names(extract_prose_mentions([text], published=PUBLISHED), text)
    assert (mention.company, mention.amount, mention.round_text) == (
        "Lindqvist Graphite",
        "$10 million",
        "ipo",
    )


@pytest.mark.parametrize("name", ["TSX Venture Exchange", "London Stock Exchange"])
def test_a_stock_exchange_is_no_company(name: str) -> None:
    assert valid_company(name) is None


def test_one_name_with_a_round_after_it_is_a_deal() -> None:
    found = _deals(
        "Our pick of the month is one of them, Brackwater (US), with a $40 million Series A led by Tern."
    )
    assert found == [("Brackwater", "$40 million", "series_a")]


def test_one_name_with_another_figure_stays_an_aside() -> None:
    assert _deals("Brackwater, with $5M in revenue, is growing fast.") == []


def test_with_a_described_name_completing_a_round_is_that_companys_deal() -> None:
    found = _deals(
        "The payments sector saw one financing event, with the stablecoin network Quillpay completing a "
        "$5.5 million seed round led by Tern."
    )
    assert found == [("Quillpay", "$5.5 million", "seed")]


def test_the_company_in_talks_with_lenders_is_the_borrower_not_a_lender() -> None:
    found = _deals(
        "Brackwater is a French AI startup.",
        "The company is in talks with French lenders, including Tern Bank, to raise $130 million in debt.",
    )
    assert found == [("Brackwater", "$130 million", "debt")]


def test_a_company_leading_a_list_names_no_lead_investor() -> None:
    mentions = extract_prose_mentions(
        ["Agritech startup Quillpay raised $15 million in Series A, leading the list, followed by Orrin."],
        published=PUBLISHED,
    )
    assert [(m.company, m.lead_investors) for m in mentions] == [("Quillpay", [])]


@pytest.mark.parametrize(
    "sentence",
    [
        "The company is a customer of Vexa, which raised $50 million in a Series B in May.",
        "The company said Vexa raised $50 million in a Series B in May.",
        "The company is in talks with Vexa, which raised $50 million in May.",
    ],
)
def test_another_company_named_as_the_subject_of_the_raise_keeps_it(sentence: str) -> None:
    found = _deals("Brackwater is a French AI startup.", sentence)
    assert [(company, amount) for company, amount, _ in found] == [("Vexa", "$50 million")]


@pytest.mark.parametrize("verb", ["completed", "is completing", "closed"])
def test_the_price_of_an_acquisition_is_no_raise(verb: str) -> None:
    assert _deals(f"Brackwater {verb} the acquisition of Vexa for $50 million.") == []
