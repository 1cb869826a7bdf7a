"""The thirty-first round: a listing's report names the company on its first day, the money in the next
sentence.

A report of a listing often opens on the trading ('Shares of Quenby jumped 40% in their debut') and
gives the proceeds after it, with a subject that points back: 'The IPO raised ...', 'The offering
raised ...', 'It raised ...'. The first sentence speaks of a deal but states none, so it used to name no
one the next could mean, and 'The IPO' was no subject that points back at all: the proceeds were lost.
Now a sentence of a listing's first day (a debut, going public, a first day of trading, an offer price)
gives its subject to the next sentence, and a raise of no stated round told right after it, at no other
time, is the listing. A company's listing or debut on a named market ('in its Nasdaq listing', 'its Hong
Kong debut') is an IPO too.

The same reports also showed:
- a listing's whole and the company's part of it: '£275 million, of which £200 million was new money'
  (the part is the company's raise, the whole is not; a private round's 'of which $10 million was new
  money' is still the whole round);
- a subject that points back and says what it sold: 'The company sold 14.5 million shares at $21 each,
  raising $305 million';
- 'The IPO of Quenby raised', and the possessive of a name ending in s ("Hoshizora Foods' initial public
  offering raised");
- a sum many raised together ('companies in Minnesota, which collectively raised $775 million') is
  nobody's round, whoever owns the sentence's subject.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.prose_reading import deals_of_paragraph

PUBLISHED = date(2025, 3, 4)


def _deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return deals_of_paragraph(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shares of Larkspur Semiconductor jumped 40% on their first day of trading in Shanghai. "
            "The IPO raised 3.1 billion yuan.",
            ("Larkspur Semiconductor", "ipo", "3.1 billion yuan"),
        ),
        (
            "Tessaly's shares closed at 82.90 yuan in Shanghai on Wednesday, far above the offer price. "
            "Its initial public offering raised 4.2 billion yuan.",
            ("Tessaly", "ipo", "4.2 billion yuan"),
        ),
        (
            "Ferrous Labs rose 12% in its Hong Kong debut on Friday. It raised HK$2.1 billion.",
            ("Ferrous Labs", "ipo", "HK$2.1 billion"),
        ),
        (
            "Carrick Energy went public on Friday. The offering raised $410 million.",
            ("Carrick Energy", "ipo", "$410 million"),
        ),
    ],
)
def test_the_proceeds_after_a_listings_first_day_are_that_listing(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _deals(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Carrick Energy went public on Friday. It had raised $41 million from Accel in 2021.",
        "Carrick Energy went public on Friday. The company previously raised $41 million from Accel.",
        "Carrick Energy went public on Friday. The company has raised $41 million from Accel and Index.",
    ],
)
def test_a_round_of_the_past_told_after_a_listing_stays_no_listing(text: str) -> None:
    [(company, round_text, amount)] = _deals(text)
    assert (company, amount) == ("Carrick Energy", "$41 million")
    assert round_text != "ipo"


def test_a_listed_companys_stock_moving_names_no_one_for_the_next_sentence() -> None:
    # ('Shares of Nvidia rose 3% on Friday' is no listing's first day: 'The company' is still Ferrous Labs)
    text = (
        "Ferrous Labs makes memory chips. Shares of Nvidia rose 3% on Friday. "
        "The company raised $41 million in a Series A."
    )
    assert _deals(text) == [("Ferrous Labs", "series_a", "$41 million")]


def test_a_company_listed_long_ago_names_no_listing_for_its_next_raise() -> None:
    text = (
        "Listed in both Hong Kong and New York, Ormond Data's shares have soared 400% over the past year. "
        "Ormond Data raised $1.2 billion for its overseas unit in December from SoftBank and Citadel."
    )
    [(company, round_text, amount)] = _deals(text)
    assert (company, amount) == ("Ormond Data", "$1.2 billion")
    assert round_text != "ipo"


@pytest.mark.parametrize(
    "sentence",
    [
        "The chipmaker Ferrous Labs raised $320 million in its Nasdaq listing on Tuesday.",
        "Tessaly raised HK$2.2 billion in its Hong Kong listing, the largest this year.",
        "Carrick Energy raised A$300 million in its ASX debut.",
    ],
)
def test_a_listing_on_a_named_market_is_an_ipo(sentence: str) -> None:
    [(_, round_text, _)] = _deals(sentence)
    assert round_text == "ipo"


def test_a_listings_new_money_is_the_companys_raise_not_the_whole_offering() -> None:
    text = (
        "Shares in Ashby Analytics rose 9% in their first morning of trade in London. The offering raised "
        "£275 million, of which £200 million was new money for the company and the rest went to its founders."
    )
    assert _deals(text) == [("Ashby Analytics", "ipo", "£200 million")]


def test_a_fresh_issue_told_after_the_whole_is_the_companys_raise() -> None:
    sentence = (
        "Kestrel Tea Estates listed at a 9 per cent premium on the NSE after an IPO that raised ₹480 crore, "
        "of which ₹180 crore was a fresh issue and the rest an offer for sale by the promoters."
    )
    [(company, round_text, amount)] = _deals(sentence)
    assert (company, round_text, amount) == ("Kestrel Tea Estates", "ipo", "₹180 crore")


def test_new_money_in_a_private_round_leaves_the_round_whole() -> None:
    assert _deals("Moravia Labs raised $50 million, of which $10 million was new money from Accel.") == [
        ("Moravia Labs", None, "$50 million")
    ]


def test_a_company_pointed_back_to_sells_shares_and_raises() -> None:
    text = (
        "Ledgewell makes payroll software for small firms. The company sold 14.5 million shares at $21 "
        "apiece, raising about $305 million."
    )
    assert _deals(text) == [("Ledgewell", None, "$305 million")]


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("The IPO of Madhavpur Microfinance raised ₹1,020 crore.", "Madhavpur Microfinance"),
        ("Hoshino Foods' initial public offering raised 12 billion yen.", "Hoshino Foods"),
    ],
)
def test_the_listing_of_a_named_company_as_the_subject(sentence: str, company: str) -> None:
    [(found, round_text, _)] = _deals(sentence)
    assert (found, round_text) == (company, "ipo")


def test_a_sum_many_raised_together_is_nobodys_round() -> None:
    sentence = (
        "Pellam Sonics' current round reflects a strong year for medical companies in Minnesota, which "
        "collectively raised nearly $775 million in the first half."
    )
    assert _deals(sentence) == []


def test_a_debut_after_a_share_sale_is_that_listing() -> None:
    sentence = (
        "Fernhill Labs slipped 1.4% from its offer price in its US debut after a $252 million share sale."
    )
    assert _deals(sentence) == [("Fernhill Labs", "ipo", "$252 million")]


def test_a_market_value_told_after_a_debut_is_no_listing() -> None:
    text = (
        "Skyfell Geospatial rose 31% on its first day of trading on Tuesday. "
        "Skyfell closed the day with a market capitalisation of A$71 million."
    )
    assert [deal for deal in _deals(text) if deal[1] == "ipo"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Quenford debuted its new inference chip at a trade show on Tuesday. It raised $50 million.",
        "Quenford's app debuted in the UK last month. It raised $12 million.",
        "Quenford Motors' green bond debuted on the Luxembourg exchange. The company raised $500 million.",
    ],
)
def test_a_debut_that_is_no_listing_of_the_company_makes_no_ipo(text: str) -> None:
    assert [deal for deal in _deals(text) if deal[1] == "ipo"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another company's listing, after the subject's move
        ("Quenford shares fell 4% after the Solvane IPO that raised $300 million.",
         [("Solvane", "ipo", "$300 million")]),
        ("Quenford's shares rose 8% on Monday after Solvane's debut on Nasdaq. "
         "The IPO raised $400 million.", []),
        # a customer listed, then the company raised: no listing of the company
        ("Shares of Solvane, Quenford's biggest customer, jumped 30% on their first day of trading. "
         "Quenford raised $40 million from Accel.", [("Quenford", None, "$40 million")]),
    ],
)  # fmt: skip
def test_a_listing_is_the_company_that_listed(text: str, expected: list) -> None:
    assert _deals(text) == expected


def test_an_offer_price_said_on_any_day_makes_no_listing_of_a_later_raise() -> None:
    text = (
        "Quenford's shares closed 12% above their IPO price on Friday. "
        "The company raised $40 million from Accel last month."
    )
    assert _deals(text) == [("Quenford", None, "$40 million")]
