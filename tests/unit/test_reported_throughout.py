"""A round a document reports in one place and states flatly in another is one reported round."""

from __future__ import annotations

import pytest

from assets.parsing.denials import reported_throughout
from assets.parsing.mentions import DealMention, Method
from assets.parsing.text_article import parse_text_article


def _document(text: str) -> list[tuple[str | None, str | None, str]]:
    """(company, amount, status) of every mention of `text` read as a whole plain-text page."""
    return sorted((m.company, m.amount, m.status) for m in parse_text_article(text).mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline states it, the body hedges it: the outlet reports the round
        ("Pellmark raises $500M for its orbital data centres\n\n"
         "Pellmark has reportedly secured $500 million in a funding round, people familiar with the "
         "matter said.",
         {("Pellmark", "$500M", "reported"), ("Pellmark", "$500 million", "reported")}),
        # the same sum written two ways is the same sum
        ("Quorrel landed $1.2bn in fresh capital.\n\nQuorrel is said to have raised $1.2 billion from "
         "Fenwick Capital.",
         {("Quorrel", "$1.2bn", "reported"), ("Quorrel", "$1.2 billion", "reported")}),
    ],
)  # fmt: skip
def test_a_flat_statement_of_a_reported_sum_is_reported_too(text: str, expected: set) -> None:
    assert set(_document(text)) == expected


def test_another_sum_or_another_company_keeps_its_own_status() -> None:
    text = (
        "Quorrel raised $40 million in a Series B led by Fenwick Capital in 2024.\n\n"
        "Quorrel is reportedly in talks to raise $400 million, sources said.\n\n"
        "Pellmark raised $400 million in a Series C led by Orrin Partners."
    )
    assert _document(text) == [
        ("Pellmark", "$400 million", "announced"),
        ("Quorrel", "$40 million", "announced"),
        ("Quorrel", "$400 million", "reported"),
    ]


def test_table_rows_and_mentions_without_a_sum_are_left_as_they_are() -> None:
    """A deal table's row states its own status (its Status column); a mention with no sum read names no
    sum to match."""
    row = DealMention(Method.TABLE_ROW, "table[0]/row[1]", "Quorrel | $5M", "Quorrel", amount="$5M")
    bare = DealMention(Method.PROSE, "p[2]/s[0]", "Quorrel raised a round", "Quorrel")
    rumour = DealMention(Method.PROSE, "p[1]/s[0]", "Quorrel reportedly raised $5M", "Quorrel",
                         amount="$5 million", status="reported")  # fmt: skip
    reported_throughout([row, bare, rumour])
    assert (row.status, bare.status, rumour.status) == ("announced", "announced", "reported")


@pytest.mark.parametrize(
    "text",
    [
        # another stage of the same size, rumoured after an earlier round
        "Kestrel Labs raised $20 million in a Series A led by Fenwick Capital in 2023.\n\n"
        "Kestrel Labs is reportedly raising $20 million in a Series B led by Harbor Ventures.",
        "Kestrel Labs raised $20 million in a Series A led by Fenwick Capital.\n\n"
        "Kestrel Labs is reportedly in talks to raise another $20 million in a Series B.",
        # a loan beside a rumoured raise of its size
        "Kestrel Labs secured a $20 million debt facility from Harbor Bank.\n\n"
        "Kestrel Labs is reportedly raising $20 million from investors, sources said.",
        # the same size in another year
        "Kestrel Labs raised $20 million in 2023.\n\n"
        "Kestrel Labs is reportedly raising $20 million, sources said.",
    ],
)
def test_another_round_of_the_same_size_keeps_its_status(text: str) -> None:
    """Only the same round is told once: another stage, another kind of money or another date is another
    round, and an announced one stays announced."""
    statuses = [status for _, _, status in _document(text)]
    assert sorted(statuses) == ["announced", "reported"]
