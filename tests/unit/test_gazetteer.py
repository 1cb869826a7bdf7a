"""Places, their adjectives, sectors, outlets, public bodies and investors never raised the deal."""

from __future__ import annotations

from pathlib import Path

import pytest

from assets.parsing.prose import extract_prose_mentions
from schemas.gazetteer import Gazetteer, default_gazetteer
from schemas.reference import ReferenceDataError


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Nigeria", "place"),
        ("Saudi Arabia", "place"),
        ("Lagos", "place"),
        ("Southeast Asia", "place"),
        ("Kenyan startups", "place"),
        ("South African fintech", "place"),
        ("Philippine", "place"),
        ("TechCrunch", "outlet"),
        ("Deputy Prime Minister", "public body"),
        ("Ministry of Digital Economy", "public body"),
        ("Web3", "sector"),
        ("Food tech", "sector"),
        ("Sequoia", "investor"),
        ("Harrow Bay Capital", "investor"),
        ("Tern Ventures", "investor"),
    ],
)
def test_not_a_company(name: str, why: str) -> None:
    assert default_gazetteer().not_a_company(name) == why


@pytest.mark.parametrize(
    "name", ["Quillfort", "Lagos Robotics", "Kenyan Solar Works", "Orrin AI", "Mistral AI"]
)
def test_companies_named_after_places_stay_companies(name: str) -> None:
    assert default_gazetteer().not_a_company(name) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Ghana raised $40 million in startup funding in May, up from April.",
        "Kenyan startups raised $244 million, a third of the total.",
        "Additionally, the growth pool secured 90 billion won for later rounds.",
        "In June 2025, a total of $1.2 billion was raised across 140 rounds.",
        "If Harbor Capital's $1 billion round closes, it would be the year's largest.",
        "Meanwhile, the Sovereign Scale-up Fund raised $300 million from pension savers.",
    ],
)
def test_totals_and_non_companies_are_not_deals(sentence: str) -> None:
    assert [m.company for m in extract_prose_mentions([sentence])] == []


def test_money_a_minister_announces_for_a_company_is_the_company_s() -> None:
    found = extract_prose_mentions(
        ["The Deputy Prime Minister announced $120 million for Quillfort to expand compute."]
    )
    assert [(m.company, m.amount) for m in found] == [("Quillfort", "$120 million")]


def test_a_company_from_a_place_still_raises() -> None:
    found = extract_prose_mentions(["Lagos-based Tallyhub raised $6 million in a seed round."])
    assert [(m.company, m.amount) for m in found] == [("Tallyhub", "$6 million")]


def test_a_misspelt_list_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.toml"
    path.write_text('[places]\ndemonym = ["Kenyan"]\n[outlets]\nnames = "TechCrunch"\n', encoding="utf-8")
    with pytest.raises(ReferenceDataError) as raised:
        Gazetteer.load(path)
    assert any("'names' must be a list of text" in p for p in raised.value.problems)
    assert any("[places] unknown key 'demonym'" in p for p in raised.value.problems)


@pytest.mark.parametrize(
    "sentence",
    [
        "Web3 raised nearly $40 million this month, and logistics raised $6 million.",
        "Harrow Bay Capital and Tern Ventures are now seeking $1 billion and $850 million, respectively.",
        "Sequoia raised $960 million for its seed funds.",
        "Payments startup raised $5 million in a round led by Kestrel.",
        "Healthcare company closes $12 million seed round",
        "Insurance startup secures $8M Series A",
    ],
)
def test_sectors_and_investors_are_not_the_company_that_raised(sentence: str) -> None:
    assert [m.company for m in extract_prose_mentions([sentence]) if m.amount] == []


@pytest.mark.parametrize(
    "name",
    ["Capital One", "Partnerly", "Venturo Robotics", "Sidewalk Infrastructure Partners", "Quenby Payments"],
)
def test_names_that_only_look_like_investors_stay_companies(name: str) -> None:
    assert default_gazetteer().not_a_company(name) is None


def test_corporations_are_read_from_their_own_list_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.toml"
    path.write_text('[corporates]\nnames = ["Harrow Motors"]\n', encoding="utf-8")
    gazetteer = Gazetteer.load(path)
    assert gazetteer.is_corporate("harrow motors")
    assert not gazetteer.is_corporate("Harrow Capital")
    assert gazetteer.not_a_company("Harrow Motors") is None  # a corporation raises rounds of its own too
    path.write_text('[corporates]\nname = ["Harrow Motors"]\n', encoding="utf-8")
    with pytest.raises(ReferenceDataError) as raised:
        Gazetteer.load(path)
    assert any("[corporates] unknown key 'name'" in p for p in raised.value.problems)


def test_group_words_make_the_name_before_them_a_group():
    gazetteer = default_gazetteer()
    assert gazetteer.is_group_word("startups")
    assert gazetteer.is_group_word("Sector")
    assert gazetteer.is_group_word("industry")
    assert not gazetteer.is_group_word("Labs")
