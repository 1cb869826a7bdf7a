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


def test_a_capital_e_or_y_is_a_name_not_a_joiner() -> None:
    # only the lower-case 'et', 'y' and 'e' join names: 'E Ink Ventures' and 'Y Combinator' are names
    text = "Quenby raised $20 million led by Harrow Capital, E Ink Ventures and Y Combinator."
    assert _investors(text) == [("Quenby", ["Harrow Capital", "E Ink Ventures", "Y Combinator"], [])]


@pytest.mark.parametrize(
    ("sentence", "leads", "others"),
    [
        # 'menée par', 'liderada por' name a lead only after a word for the round
        (
            "Ostrel lève 10 M€ pour industrialiser un procédé issu d'un projet mené par le CNRS.",
            [],
            [],
        ),
        ("Quenby, la empresa liderada por María López, recauda 3 millones de euros.", [], []),
        ("Quenby recauda 5 millones de euros en un sector liderado por Telefonia Vela y Repsa.", [], []),
        ("A Quenby, liderada pelo CEO João Silva, captou R$ 30 milhões.", [], []),
        (
            "Quenby recauda 9 millones de euros en una ronda de 5,5 millones encabezada por Kivo.",
            ["Kivo"],
            [],
        ),
        # 'auprès de' names investors right after an amount, not customers, places or suppliers
        ("Ostrel lève 12 millions d'euros pour déployer sa solution auprès de La Banque Orvel.", [], []),
        ("Ostrel lève 2 millions d'euros et s'installe auprès de Station K.", [], []),
        ("Ostrel lève 5 millions d'euros et obtient des crédits cloud auprès de Nimbus Cloud.", [], []),
        ("Quenby récolte 46 millions d'euros, dont 35 millions auprès de Tencent.", [], ["Tencent"]),
        # one firm, not two
        (
            "Ostrel lève 11 millions d'euros lors d'un tour mené par Durand et Fils Capital.",
            ["Durand et Fils Capital"],
            [],
        ),
        (
            "Halvex raised $8 million in a round led by Harrow Capital y Asociados.",
            ["Harrow Capital y Asociados"],
            [],
        ),
        # 'del', 'des', and plural funds
        (
            "Quenby recauda 8 millones de euros con la participación del fondo Bonsel Partners.",
            [],
            ["Bonsel Partners"],
        ),
        (
            "A Quenby captou R$ 20 milhões em rodada liderada pelos fundos Kasdel e Monarel.",
            ["Kasdel", "Monarel"],
            [],
        ),
    ],
)
def test_what_romance_leads_and_investors_do_not_name(
    sentence: str, leads: list[str], others: list[str]
) -> None:
    ((_, found_leads, found_others),) = _investors(sentence)
    assert (found_leads, found_others) == (leads, others)


def test_two_companies_under_a_plural_portuguese_verb_give_no_single_company() -> None:
    assert [m.company for m in read_mentions("A Quenby e a Ostrel captaram R$ 10 milhões cada.")] == []


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        # the speaker raised: the verb after 'que' has no subject of its own, or a pronoun
        (
            "Quenby dijo el martes que cerró una ronda de 20 millones de dólares liderada por Kaszek.",
            "Quenby",
        ),
        ("Ostrel a annoncé mardi qu'elle avait levé 12 millions d'euros.", "Ostrel"),
        # a subject of its own after 'que' is the one that raised
        ("El fundador Juan Pérez dijo que Quenby cerró una ronda de 20 millones de dólares.", "Quenby"),
    ],
)
def test_who_said_it_in_romance_news(sentence: str, company: str) -> None:
    assert [m.company for m in read_mentions(sentence)] == [company]


def test_startups_of_a_region_that_had_raised_are_no_company() -> None:
    text = "En 2022, les start-up de la région Aura avaient levé près de 700 millions d'euros."
    assert [m.company for m in read_mentions(text) if m.company] == []
