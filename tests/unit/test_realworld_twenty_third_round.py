"""The twenty-third round: names in the slot a description opens, and prose a page hides.

- A name that opens on a pronoun ('Our', 'We', 'My', 'Your') is a company's when what the company is
  stands right before it ("Grid storage startup Our Daily Volt raised ..."); anywhere else the pronoun is
  the writer's ("We Raise $5M").
- A one-word name the gazetteer knows only as a small town is the company's right after what the company
  is ("robotics startup Quellon's $12 million Series A"), never on its own.
- A number glued to the next sentence by its full stop ("closed on May 4.Orvane raised") ends a sentence,
  as a lower-case word glued so already did; a decimal or a name with a stop inside stays whole.
- A page laid out as a table (an email newsletter flattened into one line of pipes) keeps its running
  prose in long cells: they are read as paragraphs.
- "With the new funding, <Company>, which ... since 2019, has raised $X" is a total: a year before the
  amount is no figure of its own.
- "The Series C funding round, which ..., takes its total to $X" gives its stage to the deal just stated,
  whatever figures the sentence holds.
- A quotation that opens on the company ('"Quorrel, the leader in ..., is thrilled to announce the closing
  of $X in Series C funding') names it.
- A raise told by a participle after the subject's main verb ("Quorrel topped the charts, bagging $8
  million") is the subject's, for 'bagging', 'netting', 'securing' and 'landing' as for 'raising'.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.newsletter import markdown_paragraphs
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.sentences import split_sentences
from assets.parsing.subjects import company_in_subject, described_company
from assets.parsing.text_article import parse_text_article


def _read(text: str) -> list[tuple[str | None, str | None]]:
    """(company, amount) of every mention of `text`."""
    return [(m.company, m.amount) for m in extract_prose_mentions([text])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grid storage startup Our Daily Volt Inc. raised $210 million in its Series B round, the company "
         "said Thursday.", [("Our Daily Volt", "$210 million")]),
        ("Seoul-based We Tutor raised $40 million in a Series C round.", [("We Tutor", "$40 million")]),
        ("Budgeting app maker My Pocket Ledger closed a $9 million seed round.",
         [("My Pocket Ledger", "$9 million")]),
        # the writer's pronoun: no description before it
        ("We Raise $5 Million to Build the Future of Farming", []),
        ("Our Series B: $40 million to grow the team", []),
    ],
)  # fmt: skip
def test_a_pronoun_opens_a_name_only_after_a_description(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("subject", "company"),
    [
        ("Battery startup Our Daily Volt Inc.", "Our Daily Volt"),
        ("Lagos-based We Tutor", "We Tutor"),
        ("We Tutor", None),
        ("Battery startup Our Series A", None),  # a round, not a name
        ("the startup Our", None),  # one word is the pronoun alone
    ],
)
def test_subjects_with_a_pronoun_first(subject: str, company: str | None) -> None:
    assert company_in_subject(subject) == company


def test_a_town_name_is_a_company_only_after_a_description() -> None:
    # 'Zama' is a town in the gazetteer and the name of a cryptography company
    assert described_company("Zama", "cryptography startup ") == "Zama"
    assert described_company("Zama", "investors in ") is None
    assert described_company("Zama", "") is None
    assert described_company("Berlin", "fintech startup ") is None  # a city is never one
    assert _read(
        "The largest rounds were Pellmark's $89 million raise and cryptography startup Zama's $73 million "
        "Series A."
    ) == [("Pellmark", "$89 million"), ("Zama", "$73 million")]
    assert _read("Cryptography startup Zama raised $73 million in a Series A.") == [("Zama", "$73 million")]
    assert _read("Zama raised $73 million in a Series A.") == []


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The round closed on May 4.Orvane raised $450 million in a Series E.",
         ["The round closed on May 4.", "Orvane raised $450 million in a Series E."]),
        ("Revenue doubled in 2024.Shares rose.", ["Revenue doubled in 2024.", "Shares rose."]),
        ("Pellmark raised $5.7 billion.", ["Pellmark raised $5.7 billion."]),
        ("Character.Ai raised $5 million.", ["Character.Ai raised $5 million."]),
        ("It sold 1,250.Then it stopped.", ["It sold 1,250.Then it stopped."]),  # a figure's group, kept
    ],
)  # fmt: skip
def test_a_number_glued_to_the_next_sentence_ends_it(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


_LAYOUT_PAGE = (
    "| | | The Orbit Letter | | 04/06/2026 | | | | | Satellite bus maker Quellon Orbital raised $120 million "
    "to double production of its platforms. The company announced the Series B round on Tuesday, led by "
    "Harrow Growth. | | |\n"
)


def test_prose_in_a_layout_table_is_read() -> None:
    paragraphs = markdown_paragraphs(_LAYOUT_PAGE)
    assert paragraphs == [
        "Satellite bus maker Quellon Orbital raised $120 million to double production of its platforms. "
        "The company announced the Series B round on Tuesday, led by Harrow Growth."
    ]
    mentions = parse_text_article(_LAYOUT_PAGE).mentions
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Quellon Orbital", "$120 million", "series_b")
    ]


def test_a_deal_table_row_is_no_prose() -> None:
    table = "| Company | Amount | Round |\n| --- | --- | --- |\n| Quellon Orbital | $120M | Series B |\n"
    assert markdown_paragraphs(table) == []
    assert [(m.company, m.amount) for m in parse_text_article(table).mentions] == [
        ("Quellon Orbital", "$120M")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year before the amount: still the clause's first figure, so the amount is the total
        ("With the new cash infusion, Quorrel, which has built grid sensors since 2019, has raised about "
         "$237 million.", []),
        # another amount before it: the rule stands aside, as before
        ("With the new funding, Quorrel, which raised $5 million in 2021, has raised $90 million.",
         [("Quorrel", "$90 million"), ("Quorrel", "$5 million")]),
        ("Quorrel, which has built grid sensors since 2019, has raised $90 million in a Series B.",
         [("Quorrel", "$90 million")]),
    ],
)  # fmt: skip
def test_a_year_is_no_figure_before_a_total(text: str, expected: list) -> None:
    assert _read(text) == expected


def _deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(m.company, m.amount, m.round_text) for m in parse_text_article(text).mentions]


def test_a_sentence_opening_on_the_round_gives_its_stage_despite_its_figures() -> None:
    told = "Pellmark has secured $1.05 billion in a fresh round of funding, led by Harrow Growth. "
    assert _deals(
        told + "The Series C funding round, which saw Tern Capital join, takes its total raised to over $1.3 "
        "billion."
    ) == [("Pellmark", "$1.05 billion", "series_c")]
    # a round of another time keeps the deal's own
    assert _deals(told + "The Series B round in 2022 raised $200 million.")[0] == (
        "Pellmark",
        "$1.05 billion",
        "venture",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Pellmark, the leader in warehouse robotics, is thrilled to announce the successful closing of "
         "$40 million in Series C funding.", [("Pellmark", "$40 million")]),
        ("\"Pellmark is thrilled to announce $40 million in Series C funding,\" the company said.",
         [("Pellmark", "$40 million")]),
        # a quotation that opens on a pronoun names no one
        ("“We are thrilled to have raised $5 million,” said the chief executive.", []),
    ],
)  # fmt: skip
def test_a_quotation_opening_on_the_company_names_it(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("While Quorrel Systems topped the funding charts, bagging $8 million, Pellmark took the second spot "
         "and raised $6 million.", [("Quorrel Systems", "$8 million"), ("Pellmark", "$6 million")]),
        ("Quorrel topped the charts, netting $8 million in a seed round.", [("Quorrel", "$8 million")]),
        ("Quorrel opened a Lisbon office, securing $8 million from Tern Capital.",
         [("Quorrel", "$8 million")]),
        # money a company makes is no raise
        ("Quorrel, netting $8 million in revenue, grew fast.", []),
    ],
)  # fmt: skip
def test_a_participle_raise_is_the_subjects(text: str, expected: list) -> None:
    assert _read(text) == expected
