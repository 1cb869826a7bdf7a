"""Names in running text: the name that ends a subject, lists of names, and linear searches for names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.parsing.clause_mention import _POSSESSIVE
from assets.parsing.deal_clauses import _PARENTHETICAL_DEAL
from assets.parsing.prose import _OWNER_OF_ROUND
from assets.parsing.prose_names import (
    end_name,
    finditer_from_name,
    names_before,
    read_names,
    search_from_name,
)


@pytest.mark.parametrize(
    ("subject", "name"),
    [
        ("Orrin Labs", "Orrin Labs"),
        ("Kraków-based Wisła Labs", "Wisła Labs"),
        ("Fintech startup Quillpay", "Quillpay"),
        ("Earlier this week, Bank of Tern", "Bank of Tern"),
        ("The Lisbon team at Brown & Reyes Capital", None),  # after a preposition: not the subject
        ("Rival Vexa", "Vexa"),
        ("the market", None),
        ("Mexico City-based Cuentalia", "Cuentalia"),
        ("Acme Inc. Labs", "Acme Inc. Labs"),
        (" ".join(f"Word{i}" for i in range(400)) + " and Orrin Labs", "Orrin Labs"),
    ],
)
def test_end_name(subject: str, name: str | None) -> None:
    assert end_name(subject) == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Accel and Spark Capital", ["Accel", "Spark Capital"]),
        ("Fintech startups Quillpay and Brassica", ["Quillpay", "Brassica"]),
        (
            "In a busy week, Tern Capital, Pell Partners and existing investor a16z",
            ["Tern Capital", "Pell Partners", "a16z"],
        ),
        ("Acme plus The ", ["Acme"]),  # white space at the end does not make 'The' a role word
        ("the round, which", []),
        (", ".join(f"Fund{i}" for i in range(300)), [f"Fund{i}" for i in range(300)]),
    ],
)
def test_names_before(text: str, names: list[str]) -> None:
    assert names_before(text) == names


def test_read_names_reads_in_place_between_bounds() -> None:
    text = "raised $5M from Accel, Spark Capital (lead) and Index Ventures at a $40M valuation"
    start = text.index("Accel")

    names, end = read_names(text, start)

    assert names == ["Accel", "Spark Capital", "Index Ventures"]
    assert text[end:] == " at a $40M valuation"
    assert read_names(text, start, text.index(" and")) == (["Accel", "Spark Capital"], text.index(" and"))


NAME_TOKENS = (
    "Acme", "Labs", "of", "&", "Inc.", "Corp.", "abc.", "'s", "’s", "(Seed)", "(", ")", "$5M", "round", "x",
    "iPhone", "McX", "A.", "seed", "Öland", ",", "12", "Series B", "funding", "investment",
)  # fmt: skip
name_text = st.lists(st.sampled_from(NAME_TOKENS), max_size=20).map(" ".join)


@settings(max_examples=400, deadline=None, database=None)
@given(text=name_text, pattern=st.sampled_from([_POSSESSIVE, _PARENTHETICAL_DEAL, _OWNER_OF_ROUND]))
def test_searching_from_names_finds_what_a_plain_search_finds(text: str, pattern: re.Pattern[str]) -> None:
    plain = pattern.search(text)
    linear = search_from_name(pattern, text)
    assert (linear and (linear.span(), linear.groups())) == (plain and (plain.span(), plain.groups()))
    assert [m.span() for m in finditer_from_name(pattern, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "sentence", "found"),
    [
        (_POSSESSIVE, "Orrin Labs' new $12M round closed.", "Orrin Labs"),
        (_OWNER_OF_ROUND, "Orrin's Series A was led by Tern.", "Orrin"),
        (_PARENTHETICAL_DEAL, "Quorra ($60M Series B), Ilex Health ($12M seed)", "Quorra"),
        (_POSSESSIVE, " ".join(["Alpha Beta Gamma"] * 300) + " raised money.", None),
    ],
)
def test_search_from_name(pattern: re.Pattern[str], sentence: str, found: str | None) -> None:
    match = search_from_name(pattern, sentence)
    assert (match.group(1) if match else None) == found
