"""The sixteenth round of real-world rules: who led and who took part in French, Spanish and Portuguese news
('menée par', 'liderada por', 'auprès de', 'con la participación de'), their lists joined by 'et', 'y' and
'e', and the Portuguese article before a company's name ('A Quenby levantou')."""

from __future__ import annotations

import pytest

from tests.unit.prose_reading import read_mentions


def _investors(sentence: str) -> list[tuple[str | None, list[str], list[str]]]:
    """(company, leads, other investors) of every mention of `sentence`."""
    return [
        (m.company, m.lead_investors, [n for n in m.investors if n not in m.lead_investors])
        for m in read_mentions(sentence)
    ]


@pytest.mark.parametrize(
    ("sentence", "company", "leads", "others"),
    [
        (
            "Ostrel lève 12 millions d'euros lors d'une série A menée par Partech et Elaia.",
            "Ostrel",
            ["Partech", "Elaia"],
            [],
        ),
        (
            "Ostrel a levé 20 millions d'euros, un tour de table mené par le fonds Eurazeo.",
            "Ostrel",
            ["Eurazeo"],
            [],
        ),
        (
            "Quenby recauda 5 millones de euros en una ronda liderada por Seaya Ventures y Kibo.",
            "Quenby",
            ["Seaya Ventures", "Kibo"],
            [],
        ),
        (
            "Quenby cierra una ronda de 5 millones de euros encabezada por el fondo Kibo Ventures.",
            "Quenby",
            ["Kibo Ventures"],
            [],
        ),
        (
            "A Quenby levantou R$ 30 milhões em uma rodada liderada pela Kaszek e pela Valor Capital.",
            "Quenby",
            ["Kaszek", "Valor Capital"],
            [],
        ),
        (
            "Ostrel lève 12 millions d'euros auprès de Partech, Elaia et Kima.",
            "Ostrel",
            [],
            ["Partech", "Elaia", "Kima"],
        ),
        (
            "Quenby recauda 5 millones de euros con la participación de Kibo y Seaya.",
            "Quenby",
            [],
            ["Kibo", "Seaya"],
        ),
        (
            "A Quenby captou R$ 10 milhões com participação da Kaszek e da Valor.",
            "Quenby",
            [],
            ["Kaszek", "Valor"],
        ),
    ],
)
def test_leads_and_investors_in_romance_news(
    sentence: str, company: str, leads: list[str], others: list[str]
) -> None:
    assert _investors(sentence) == [(company, leads, others)]


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("A Quenby levantou R$ 30 milhões em uma rodada série A.", "Quenby"),
        ("O Ostrel captou US$ 5 milhões em rodada seed.", "Ostrel"),
        ("A Ostrel, startup de IA, captou US$ 5 milhões.", "Ostrel"),
    ],
)
def test_an_article_before_a_portuguese_name_is_not_part_of_it(sentence: str, company: str) -> None:
    assert [m.company for m in read_mentions(sentence)] == [company]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Nordic AI Company Just Raised $4.3 Billion Without Selling Equity",
        "A New Company Raised $4 Million",
    ],
)
def test_an_english_headline_opening_on_a_names_no_company(sentence: str) -> None:
    assert [m.company for m in read_mentions(sentence) if m.company] == []


def test_english_lists_keep_their_joiners() -> None:
    # 'et al.' and a capital 'E' are no list joiners in English
    assert _investors("Quenby raised $20 million in a Series E led by Harrow Capital and Pell Partners.") == [
        ("Quenby", ["Harrow Capital", "Pell Partners"], [])
    ]
