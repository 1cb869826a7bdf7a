"""The twenty-fifth round: who led the round, when a news story says so in a sentence of its own.

- The kind of investor before the first name of a list is no part of it: 'led by the Danish industrial
  investment company Holmvik', 'led by Austrian investors Brenner Holding and Talgau Partners', 'led by
  venture firm Quillon'. A 'giant' or a 'company' stays unread: a corporation's money is typed by what the
  text calls the round.
- The present tense ('Ostrava Capital is leading the round') names no lead: read, it named one wrong lead
  on the blind holdout and no right one, and was withdrawn.
- A sentence after the deal that says who led the round ('Ostrava Capital led the round', 'Kelso's latest
  round was led by venture firm Quillon', 'Led by Ostrava Capital, this funding ...', 'Ostrava led the
  round with a $20 million commitment') gives its leads to the deal stated last, in the same paragraph or
  a later one, when that deal has none yet; not to a past round stated beside it, and not when the
  sentence is of another time ('led its 2021 round', 'will lead the next round'), of another company or
  raises another amount.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.investors import investors_in
from assets.parsing.prose import extract_prose_mentions


def _leads(*paragraphs: str) -> list[tuple[str | None, str | None, list[str]]]:
    """(company, amount, leads) of every mention of `paragraphs` read as prose."""
    return [(m.company, m.amount, m.lead_investors) for m in extract_prose_mentions(list(paragraphs))]


def _clause_leads(clause: str) -> list[str]:
    return investors_in(clause, len(clause)).leads


@pytest.mark.parametrize(
    ("clause", "leads"),
    [
        (
            "The round, led by the Danish industrial investment company Holmvik, drew Brask and Lund.",
            ["Holmvik"],
        ),
        (
            "The round was led by Austrian investors Brenner Holding and Talgau Partners.",
            ["Brenner Holding", "Talgau Partners"],
        ),
        ("Kelso's latest round was led by venture firm Quillon, with Arvo joining.", ["Quillon"]),
        ("The round was led by Californian fund Morrow Peak Ventures.", ["Morrow Peak Ventures"]),
        ("The round was led by existing investor Tern Ventures.", ["Tern Ventures"]),
    ],
)
def test_leads_read_after_a_kind_of_investor(clause: str, leads: list[str]) -> None:
    assert _clause_leads(clause) == leads


@pytest.mark.parametrize(
    "clause",
    [
        "Ostrava Capital is leading the round, and its earlier backers are following.",
        "Pellworm Partners leads the Series C round, valuing the company at $1 billion.",
        "The round drew law firm Cooley and consulting firm Bain & Company as advisers.",
        "The round was led by a fund Tam Berg declined to name.",
        "The round was led by the firm Tam Berg co-founded.",
        "The round was led by venture firm Quillon's growth fund.",
        "The round was led by chip giant Norvex, its largest customer.",
        "The round drew the company Brask and its founders.",
    ],
)
def test_no_lead_in_the_present_from_a_corporation_or_a_service_firm(clause: str) -> None:
    assert _clause_leads(clause) == []


def test_a_later_paragraph_that_says_who_led_gives_the_deal_its_leads() -> None:
    assert _leads(
        "Kelso Robotics, a maker of warehouse arms, raised $24 million in a Series A round.",
        "The company will use the money to hire engineers in Lyon.",
        "Ostrava Capital led the round, and Arvo Partners participated.",
    ) == [("Kelso Robotics", "$24 million", ["Ostrava Capital"])]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kelso's latest round was led by venture firm Quillon.",
        "Led by Quillon, this funding is the company's largest so far.",
        "The round was led by Quillon, its partner said.",
    ],
)
def test_later_sentences_in_several_shapes_name_the_lead(sentence: str) -> None:
    assert _leads(
        "Kelso raised $24 million to build warehouse arms.", "Kelso sells to grocers.", sentence
    ) == [("Kelso", "$24 million", ["Quillon"])]


def test_a_lead_with_its_own_commitment_in_the_same_paragraph() -> None:
    paragraph = (
        "Kelso raised $240 million to build warehouse arms. Ostrava Capital led the round with a $100 "
        "million commitment."
    )
    assert _leads(paragraph) == [("Kelso", "$240 million", ["Ostrava Capital"])]


def test_the_lead_goes_to_the_deal_not_to_the_past_round_beside_it() -> None:
    mentions = _leads(
        "Kelso has secured $120 million in Series B funding following its seed funding of $5 million in "
        "May 2023.",
        "Returning backer Ostrava Capital led the round.",
    )
    assert ("Kelso", "$120 million", ["Ostrava Capital"]) in mentions
    assert ("Kelso", "$5 million", []) in mentions


@pytest.mark.parametrize(
    "sentence",
    [
        "Ostrava Capital led its 2021 round.",
        "Ostrava Capital will lead the next round, the founder said.",
        "Ostrava Capital led the previous round.",
        "Rival Brask's round was led by Ostrava Capital.",
        "Ostrava Capital led the round in which Brask raised $30 million.",
    ],
)
def test_no_lead_from_another_time_company_or_raise(sentence: str) -> None:
    assert _leads("Kelso raised $24 million to build warehouse arms.", "Kelso sells to grocers.", sentence)[
        0
    ] == (
        "Kelso",
        "$24 million",
        [],
    )


def test_leads_already_stated_are_kept() -> None:
    assert _leads(
        "Kelso raised $24 million in a round led by Quillon.",
        "Kelso sells to grocers.",
        "Ostrava Capital led the round's second close.",
    )[0] == ("Kelso", "$24 million", ["Quillon"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Led by CEO Maria Oyelaran, the startup now employs 40 people.",
        "CFO Mark Ruiz, who led the raise, said the company will hire.",
        "Brask Capital Markets led the financing as sole placement agent.",
        "Tam Berg led the round's negotiations himself.",
        "Ostrava Capital led the round two years ago.",
        "Ostrava Capital led the seed round when the company was founded.",
        "Initially, Ostrava Capital led the round, but Quillon replaced it.",
        "In France, Ostrava Capital led the round.",
        "Conviction, the fund started by Dana Guo, led the round.",
        "Arvo Partners led the round for competitor Halcyon Bio.",
        "Ostrava Capital leads the funding charts this month.",
        "The company's chief executive, Dana Whitlock, led the round.",
        "Neither Ostrava Capital nor Quillon led the round.",
        "Ostrava Capital led the round that got the company off the ground.",
        "Ostrava Capital led the latest round of price cuts in the sector.",
        "Brask Securities led the financing on behalf of the company.",
        "Ostrava Capital led the Series A round.",
    ],
)
def test_no_lead_from_officers_agents_other_times_or_junk_names(sentence: str) -> None:
    assert _leads("Kelso raised $24 million to build warehouse arms.", "Kelso sells to grocers.", sentence)[
        0
    ] == (
        "Kelso",
        "$24 million",
        [],
    )


def test_a_use_of_the_money_clause_is_no_other_time() -> None:
    assert _leads(
        "Kelso raised $24 million to build warehouse arms.",
        "Kelso sells to grocers.",
        "Ostrava Capital led the round, which Kelso will use to hire engineers.",
    )[0] == ("Kelso", "$24 million", ["Ostrava Capital"])


def test_after_a_rival_spoken_of_in_the_paragraph_the_lead_is_left_unread() -> None:
    assert _leads(
        "Kelso raised $24 million to build warehouse arms.",
        "Its closest competitor, Slagline, closed its own round in March. Sequoia led the round.",
    )[0] == ("Kelso", "$24 million", [])


def test_the_lead_goes_to_the_first_deal_not_a_past_round_told_after_it() -> None:
    assert _leads(
        "Kelso raised $45 million in a Series B.",
        "Two years ago, the company raised $12 million from angels.",
        "Ostrava Capital led the round, with participation from Arvo Partners.",
    ) == [("Kelso", "$45 million", ["Ostrava Capital"]), ("Kelso", "$12 million", [])]


def test_in_a_later_paragraph_after_a_rivals_deal_the_lead_is_left_unread() -> None:
    mentions = _leads(
        "Kelso raised $24 million to build warehouse arms.",
        "Separately, rival Brask raised $5 million from angels.",
        "Kelso chief executive Lina Park said the money will go to hiring. Ostrava Capital led the round.",
    )
    assert [leads for _, _, leads in mentions] == [[], []]


def test_no_lead_from_a_round_of_another_stage() -> None:
    assert _leads("Kelso raised $24 million in a Series D.", "Ostrava Capital led the Series C round.")[
        0
    ] == (
        "Kelso",
        "$24 million",
        [],
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Ostrava Capital led the round in 2022.",
        "Ostrava Capital led the round two years ago and returned this time.",
        "Initially, Ostrava Capital led the round, but it later stepped back.",
        "Its chief executive, Dana Whitlock, led the round.",
        "Brask Securities led the financing as sole placement agent.",
        "Arvo Partners, an investor in rival Slagline, led the round.",
    ],
)
def test_right_after_the_deal_the_leads_of_another_round_are_left(sentence: str) -> None:
    assert _leads(f"Kelso raised $24 million in a Series A. {sentence}")[0] == ("Kelso", "$24 million", [])


@pytest.mark.parametrize(
    "sentence",
    [
        "The round was led by Ostrava Capital, which first backed the company in 2021.",
        "The round is led by Ostrava Capital and includes Tam Berg, the CEO of Brask.",
        "Ostrava Capital led the round, and Arvo Partners joined.",
    ],
)
def test_right_after_the_deal_its_leads_are_read(sentence: str) -> None:
    assert _leads(f"Kelso raised $24 million in a Series A. {sentence}")[0] == (
        "Kelso",
        "$24 million",
        ["Ostrava Capital"],
    )


def test_an_officer_named_after_the_lead_verb_is_no_lead() -> None:
    assert _leads(
        "Kelso raised $24 million in a Series A.",
        "Tam Berg led the round as the company's chief financial officer.",
    )[0] == ("Kelso", "$24 million", [])
