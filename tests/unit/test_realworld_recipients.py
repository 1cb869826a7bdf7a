"""Who took the money, when the sentence says it indirectly, in our own words (issue 10's eighth round).

Each test states a shape seen in real funding news: a subordinate clause whose subject points back to the
company the sentence opened on, verbs of purpose ('priced it ... to raise'), a predicate after a
description, a round told inside what another sentence 'followed', a former name in brackets, the round
or the preposition written before a name, and the company a deal-less sentence names as the winner.
"""

from __future__ import annotations

from datetime import date

from assets.normalize.amounts import find_money
from assets.normalize.rounds import find_round
from assets.parsing.mentions import DealMention
from assets.parsing.money_roles import ClauseRoles, Role
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.prose_names import valid_company
from assets.parsing.subjects import company_in_subject

PUBLISHED = date(2026, 3, 20)


def _mentions(*paragraphs: str) -> list[DealMention]:
    return extract_prose_mentions(list(paragraphs), published=PUBLISHED)


def _deals(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention, in order."""
    return [(m.company, m.amount, m.round_text) for m in _mentions(*paragraphs)]


# -- a subordinate clause's subject points back within the sentence ----------------------------------


def test_it_in_a_when_clause_is_the_company_the_sentence_opened_on() -> None:
    sentence = (
        "The new price came as Brindlework nearly doubled its valuation of $300 million when it last "
        "raised $45 million."
    )
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Brindlework", "$45 million")]


def test_a_description_after_after_is_the_company_whose_shares_moved() -> None:
    sentence = (
        "Kestrel Bank Ltd shares climbed 20% on their first day of trading, after the online lender raised "
        "$410 million in the country's biggest IPO this year."
    )
    assert _deals(sentence) == [("Kestrel Bank", "$410 million", "ipo")]


# -- verbs before an infinitive of purpose -----------------------------------------------------------


def test_the_company_that_priced_its_offering_to_raise_took_the_money() -> None:
    sentence = (
        "Grid storage maker Voltaren Inc. enlarged its offering and priced it at the top of the range to "
        "raise $520 million."
    )
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Voltaren", "$520 million")]


def test_startups_that_combined_to_raise_name_no_company() -> None:
    sentence = "In the first half, climate startups on Harbor Ledger combined to raise about $2.1 billion."
    assert _deals(sentence) == []


def test_a_percentage_before_to_is_no_purpose() -> None:
    assert company_in_subject("The money raised in listings fell about 40% to") is None


# -- a predicate after a description set off by commas -----------------------------------------------


def test_a_description_with_an_owner_ends_before_hits() -> None:
    sentence = "Plover, Northwind's payments network, hits $4B valuation in $300M funding round"
    assert _deals(sentence) == [("Plover", "$300M", "venture")]


# -- a round told inside what another sentence followed ----------------------------------------------


def test_a_round_in_which_a_named_company_raised_is_a_deal_even_after_followed() -> None:
    sentence = (
        "The merger talks followed a large funding round in which Calder Security raised $800 million "
        "from growth investors."
    )
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Calder Security", "$800 million")]


def test_followed_without_a_named_subject_still_points_back() -> None:
    # 'It' points back to the company stated before; the seed it followed is an earlier round of its own
    assert _deals("Marlow raised $30 million in a Series B. It followed a $10 million seed.") == [
        ("Marlow", "$30 million", "series_b"),
        ("Marlow", "$10 million", "seed"),
    ]


# -- a former name is no round of the past ------------------------------------------------------------


def test_a_former_name_in_brackets_leaves_the_round_in_the_present() -> None:
    sentence = "Tessaly (formerly Brightcart) raised a $22 million round from Oak Bridge Capital."
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Tessaly", "$22 million")]


def test_formerly_before_an_amount_still_places_it_in_the_past() -> None:
    def role(text: str) -> Role:
        moneys = find_money(text)
        return ClauseRoles(text, moneys, PUBLISHED).of(moneys[0])

    assert role("Tessaly formerly raised $5 million from angels") is Role.PAST_RAISE
    assert role("Tessaly (formerly Brightcart) raised $5 million from angels") is Role.RAISE


# -- what is written before a name ---------------------------------------------------------------------


def test_a_preposition_that_sets_a_deal_apart_is_not_part_of_the_name() -> None:
    assert valid_company("Without Ostravo") == "Ostravo"
    assert valid_company("Excluding Pellmark Labs") == "Pellmark Labs"
    assert valid_company("Inside Quillpay") is None  # a feature's title, as before


def test_the_round_written_before_a_bracketed_name_is_its_round() -> None:
    sentence = "Las rondas Serie C de Tarquí (40 M USD) y Serie A de Velmo (12 M USD) animaron el mercado."
    assert _deals(sentence) == [("Tarquí", "40 M USD", "series_c"), ("Velmo", "12 M USD", "series_a")]


def test_serie_is_the_lettered_round_in_other_languages() -> None:
    assert [find_round(t) for t in ("una Serie D", "une série B", "eine Serie-A-Runde")] == [
        "series_d",
        "series_b",
        "series_a",
    ]


def test_a_colon_run_into_a_name_does_not_cut_it() -> None:
    assert company_in_subject("posted 2025-03-02 :Tamsin Data Centers, which builds campuses,") == (
        "Tamsin Data Centers"
    )


# -- the winner a deal-less sentence names --------------------------------------------------------------


def test_the_company_that_grabbed_the_largest_round_is_who_the_next_sentence_means() -> None:
    assert [
        (c, a)
        for c, a, _ in _deals("Orinth Labs grabbed the largest round. The developer raised $900 million.")
    ] == [("Orinth Labs", "$900 million")]


def test_funding_seen_by_a_company_names_who_the_next_sentence_means() -> None:
    text = (
        "The biggest funding this quarter was seen by Pavo. The jewellery company raised $18 million in May."
    )
    assert [(c, a) for c, a, _ in _deals(text)] == [("Pavo", "$18 million")]


# -- an investor as the subject: the round it joins or leads is someone else's ------------------------


def test_an_investor_that_participated_in_a_round_is_not_its_company() -> None:
    sentence = "Halvern Capital also participated in Dario Venn’s Plexa $2 billion funding round last year."
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Plexa", "$2 billion")]


def test_money_committed_to_a_companys_raising_is_that_companys() -> None:
    sentence = "Pension fund Greyfield said it had committed $1.2 billion to Vantora’s raising this week."
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Vantora", "$1.2 billion")]


def test_an_investor_leading_a_round_for_an_unnamed_project_is_no_deal() -> None:
    sentence = (
        "Orchard Rock, a venture firm, is leading a funding round of $90 million for a new payments chain."
    )
    assert _deals(sentence) == []


def test_an_investor_that_led_a_round_in_a_named_company_still_names_it() -> None:
    assert [(c, a) for c, a, _ in _deals("Orchard Rock led a $40 million Series B in Tavim.")] == [
        ("Tavim", "$40 million")
    ]


# -- a fund raises to invest, not a round ------------------------------------------------------------


def test_money_raised_to_back_startups_is_a_fund() -> None:
    sentence = "Venture firm Lattice Ridge has raised $210 million to back early-stage climate startups."
    assert _deals(sentence) == []


def test_a_vc_giant_that_secures_money_is_a_fund() -> None:
    assert _deals("Crypto VC Giant Borrowdale Secures $150 Million in Funding") == []


def test_a_venture_firm_that_invests_in_a_named_company_is_its_investor() -> None:
    sentence = (
        "This month, the venture capital firm Tarn Ventures closed a deal to invest $300 million in Quell."
    )
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Quell", "$300 million")]


# -- a person's possessive before a name ---------------------------------------------------------------


def test_a_persons_possessive_is_not_part_of_the_company_name() -> None:
    assert valid_company("Dario Venn’s Plexa") == "Plexa"
    assert valid_company("Zerodha's Rainmatter") == "Zerodha's Rainmatter"  # one word may be the name's


# -- a heading names what the money is for; an owner's effort names who raised --------------------------


def test_a_heading_that_names_what_the_money_is_for_names_no_company() -> None:
    assert _deals("$410M: Series B for Migraine Treatment") == []
    assert valid_company("Ardent Therapies") == "Ardent Therapies"  # a name may end with other such words


def test_the_owner_of_an_achievement_of_raising_took_the_money() -> None:
    sentence = "One highlight is Corvel AI’s recent achievement of raising over $120 million this spring."
    assert [(c, a) for c, a, _ in _deals(sentence)] == [("Corvel AI", "over $120 million")]


def test_a_possessive_round_with_its_amount_in_brackets_is_the_owners() -> None:
    sentence = "While a third the size of Plexa’s Series D ($9B), the climb to a $20B valuation stands out."
    assert [(c, a, r) for c, a, r in _deals(sentence)] == [("Plexa", "$9B", "series_d")]
