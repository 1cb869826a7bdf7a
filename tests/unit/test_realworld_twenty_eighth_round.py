"""The twenty-eighth round: a sentence of two pieces and one amount gives the amount to its own piece.

'Quenby raised a Series A; Talvio raised $8 million.' was one clause (a sentence was cut into pieces only
for two amounts or more), and its first subject took the money. Now a sentence with one amount, cut at a
semicolon (or 'while', 'whereas'), into pieces whose deal verbs each have a company of their own as
subject (different companies), is read piece by piece. A piece that refers back ('it raised', 'the
company raised', 'the round was led by'), a piece of the same company under a shorter name, or a piece
with no deal verb leaves the sentence whole.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from assets.parsing.prose import extract_prose_mentions


def _deals(sentence: str) -> list[tuple[str | None, str | None, list[str]]]:
    """(company, amount, lead investors) of every mention of one sentence read as prose."""
    return [(m.company, m.amount, m.lead_investors) for m in extract_prose_mentions([sentence])]


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        ("Quenby raised a Series A; Talvio raised $8 million.", [("Talvio", "$8 million", [])]),
        (
            # the first piece's round is a deal of its own, with no amount said
            "Quenby closed its seed round; Talvio raised $8 million from Kestrel.",
            [("Quenby", "undisclosed", []), ("Talvio", "$8 million", [])],
        ),
        ("Quenby landed a Series B, while Talvio raised $8 million.", [("Talvio", "$8 million", [])]),
    ],
)
def test_the_amount_goes_to_the_piece_that_raises_it(sentence: str, deals: list) -> None:
    assert _deals(sentence) == deals


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        # the second piece tells of the same deal
        ("Quenby raised $8 million; the round was led by Kestrel.", [("Quenby", "$8 million", ["Kestrel"])]),
        ("Kestrel led the round; Quenby raised $8 million.", [("Quenby", "$8 million", ["Kestrel"])]),
        ("Quenby raised $8 million in a seed round; it plans to hire.", [("Quenby", "$8 million", [])]),
        # 'while' of time: one piece has no deal verb
        ("Quenby raised $8 million while expanding to Lisbon.", [("Quenby", "$8 million", [])]),
        # a piece that points back to the company
        ("Quenby got a new chief executive; it raised $8 million.", [("Quenby", "$8 million", [])]),
        ("Quenby closed its Series A; the company raised $8 million.", [("Quenby", "$8 million", [])]),
        # the same company, under a shorter name
        ("Quenby Bio closed its Series A; Quenby raised $8 million.", [("Quenby Bio", "$8 million", [])]),
    ],
)
def test_a_sentence_of_one_deal_stays_whole(sentence: str, deals: list) -> None:
    assert _deals(sentence) == deals
