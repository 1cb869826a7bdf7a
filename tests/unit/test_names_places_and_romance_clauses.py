"""The fifteenth round of real-world rules: 'The … Company' names, grants received, share sales, a
company's possessive before its round, sentence fillers such as 'Here,', and French, Spanish and Portuguese
news that sets two raises against each other ('tandis que') or names the company before 'que'."""

from __future__ import annotations

import pytest

from tests.unit.prose_reading import read_deals


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # two raises set against each other are two deals, each with its own amount
        (
            "Quenby récolte 30 millions d'euros, tandis que Brimwell lève 12 millions d'euros.",
            [("Quenby", "30 millions d'euros", None), ("Brimwell", "12 millions d'euros", None)],
        ),
        (
            "Quenby lève 30 millions d'euros, tandis qu'Orrin Labs boucle un tour de 8 millions d'euros.",
            [("Quenby", "30 millions d'euros", None), ("Orrin Labs", "8 millions d'euros", None)],
        ),
        (
            "Quenby lève 30 millions d'euros, alors que Brimwell a levé 12 millions d'euros en mai.",
            [("Quenby", "30 millions d'euros", None), ("Brimwell", "12 millions d'euros", None)],
        ),
        (
            "Quenby recaudó 30 millones de euros, mientras que Brimwell levantó 12 millones de euros.",
            [("Quenby", "30 millones de euros", None), ("Brimwell", "12 millones de euros", None)],
        ),
        (
            "Quenby captou R$ 40 milhões, enquanto a Brimwell levantou R$ 15 milhões.",
            [("Quenby", "R$ 40 milhões", None), ("Brimwell", "R$ 15 milhões", None)],
        ),
        # French verbs of raising
        (
            "La pépite lyonnaise Quenby récolte 12 millions d'euros.",
            [("Quenby", "12 millions d'euros", None)],
        ),
        (
            "Quenby a récolté 9 millions d'euros auprès de Brimwell.",
            [("Quenby", "9 millions d'euros", None)],
        ),
        # the company named before 'que', as before 'which'
        (
            "O destaque do mês vai para a fintech Quenby, que levantou US$ 52 milhões.",
            [("Quenby", "US$ 52 milhões", None)],
        ),
        (
            "Here, the standout is robotics startup Quenby, which raised $30 million.",
            [("Quenby", "$30 million", None)],
        ),
        (
            "Ici, la palme revient à Quenby, qui a levé 20 millions d'euros.",
            [("Quenby", "20 millions d'euros", None)],
        ),
    ],
)
def test_romance_contrasts_verbs_and_fillers(sentence: str, deals: list[tuple]) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # 'The … Company' is a company's name; 'the company' points back to the one named before
        (
            "The Exploration Company lève 40 millions d'euros.",
            [("The Exploration", "40 millions d'euros", None)],
        ),
        ("The Browser Company raised $50 million.", [("The Browser", "$50 million", None)]),
        (
            "Quenby raised $5 million. The company also closed a $2 million loan.",
            [("Quenby", "$5 million", None), ("Quenby", "$2 million", "debt")],
        ),
        ("The Robotics Company Raises $5M.", []),  # what a company is, in a headline: no name
        ("Quenby is a robotics firm. The Robotics Company Raises $5M.", [("Quenby", "$5M", None)]),
        # a company's own share sale; its possessive before its round, whatever the subject
        (
            "Quenby completed a $300 million share sale to fund its expansion.",
            [("Quenby", "$300 million", None)],
        ),
        (
            "Neurotech drew interest too, exemplified by Brimwell's $19 million raise for implants.",
            [("Brimwell", "$19 million", None)],
        ),
        # an owner's possessive, then what the company is and its name: the named company, not the owner
        (
            "Elon Musk's AI startup Quenby just pulled off a fundraising feat, raising $10 billion.",
            [("Quenby", "$10 billion", None)],
        ),
        # a grant received: typed a grant (before the twentieth round, no round)
        (
            "Orrin Labs has been granted NOK 4 million by a state agency.",
            [("Orrin Labs", "NOK 4 million", "grant")],
        ),
        ("Quenby was granted $2 million by the Department of Energy.", [("Quenby", "$2 million", "grant")]),
        ("Quenby was granted a $3 million loan by a state bank.", [("Quenby", "$3 million", "debt")]),
    ],
)
def test_names_grants_and_owners(sentence: str, deals: list[tuple]) -> None:
    assert read_deals(sentence) == deals


@pytest.mark.parametrize(
    "sentence",
    [
        # a place's startups in aggregate are no company, 'in' a place or not
        "Startups in Berlin raised $2 billion last year.",
        "Fintechs in London raised $4 billion in the first half.",
        # 'in' something that is no place does not make a name
        # someone's unnamed company is not the someone
        # (found by a second red-team pass) a share sale whose words say whose shares or money they are
        "Quenby completed a $300 million share sale in Brimwell.",
        "Brimwell Group completed a $500 million share sale, cutting its stake in Quenby to 10%.",
        "Quenby completed a $200 million share sale on behalf of existing investors.",
        # a person with an office before 'que'
        "El fundador de Brimwell, Tomás Vidal, que recaudó 6 millones de euros en 2024, vende la empresa.",
        "Jim Keller's company signed a big Series D round worth around $693M.",
        # not a raise
        "Quenby was granted a patent for its $3 million machine.",
        "Quenby was granted $12 million in tax credits.",
        "Quenby received $2 million in compensation after the fire.",
        "Quenby a récolté 2 millions d'euros de chiffre d'affaires l'an dernier.",
        "Quenby récolte les fruits de sa levée de 10 millions d'euros réalisée en 2024.",
        "Brimwell's largest investor completed a $300 million share sale.",
        # French 'mobilise' rallies staff or commits public money as often as it raises: no deal verb
        "L'État mobilise 500 millions d'euros pour soutenir les start-up de la défense.",
        # a person before 'que' / 'who' is no company
        "El inversor Juan Pérez, que recaudó 3 millones de euros para Quenby, dejó la compañía.",
        # a filler 'Here,' is not the company ...
    ],
)
def test_what_stays_no_deal(sentence: str) -> None:
    assert read_deals(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Here, the standout is robotics startup Quenby, which raised $30 million.", "Quenby"),
        # ... but a company named Here or Aqui, then described, is the company
        ("HERE, the Dutch mapping firm, raised $150 million from carmakers.", "HERE"),
        ("Aqui, a Lisbon payments startup, raised €5 million in a seed round.", "Aqui"),
    ],
)
def test_here_as_filler_or_name(sentence: str, company: str) -> None:
    assert [deal[0] for deal in read_deals(sentence)] == [company]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # (found by a second red-team pass) what a company does, named by a money noun, is no such money
        ("Accel invested $15 million in compensation startup Quenby.", [("Quenby", "$15 million", None)]),
        (
            "Quenby raised a $30 million guarantee-backed loan from Santander.",
            [("Quenby", "$30 million", "debt")],
        ),
        # a round 'for' a company named after it is that company's, whoever's possessive stands before it
        (
            "Healthcare led, helped by Tom Reyes's $5 million seed round for Talvora.",
            [("Talvora", "$5 million", "seed")],
        ),
        # a company's own share sale, dated by its month
        (
            "Quenby also closed a $300 million share sale in April at a $29 billion valuation.",
            [("Quenby", "$300 million", None)],
        ),
    ],
)
def test_descriptions_are_not_money_nouns(sentence: str, deals: list[tuple]) -> None:
    assert read_deals(sentence) == deals


def test_whom_a_company_spoke_to_is_no_company() -> None:
    # (the company that spoke is not read either: a miss rather than the outlet as the company)
    companies = [
        deal[0] for deal in read_deals("Quenby dijo a El País que cerró una ronda de 5 millones de euros.")
    ]
    assert "El País" not in companies
