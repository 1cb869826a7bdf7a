"""The twenty-eighth round: a sentence of two pieces and one amount gives the amount to its own piece; a
raise whose own verb is negated is no deal.

'Quenby raised a Series A; Talvio raised $8 million.' was one clause (a sentence was cut into pieces only
for two amounts or more), and its first subject took the money. Now a sentence with one amount, cut at a
semicolon (or 'while', 'whereas'), into pieces whose deal verbs each have a company of their own as
subject (different companies), is read piece by piece. A piece that refers back ('it raised', 'the
company raised', 'the round was led by'), a piece of the same company under a shorter name, or a piece
with no deal verb leaves the sentence whole.

'Talvio has not raised $8 million', 'has yet to raise', 'has not yet closed its $8 million round', "won't
raise": a verb of raising negated or still to come, with the amount as its object, is no deal. A
negation of another verb ('which had not raised money before, closed ...', 'has not yet announced the
investors in its $8 million round'), an amount that is not the verb's object ('had not raised outside
capital until this week's $8 million round'), 'not only raised', or a name's own 'Not' leaves the deal.

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


@pytest.mark.parametrize(
    "sentence",
    [
        "Talvio has not raised $8 million.",
        "Talvio has not raised $8 million from Kestrel, its chief executive said.",
        "Talvio has yet to raise $8 million.",
        "Talvio has not yet closed its $8 million round.",
        "Talvio hasn't raised $8 million.",
        "Talvio won't raise $8 million this year, its finance chief said.",
        # as headlines write it
        "Talvio Has Not Raised $8M, CEO Says",
        "Talvio Hasn't Raised $8M",
        "Talvio Yet To Close $8M Round",
        "Talvio Will Raise $8M",  # as 'Talvio will raise $8 million' reads
    ],
)
def test_a_raise_whose_own_verb_is_negated_is_no_deal(sentence: str) -> None:
    assert _deals(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "deals"),
    [
        ("Talvio has not only raised $8 million but also hired 40 people.", [("Talvio", "$8 million", [])]),
        (
            "Talvio, which had not raised money before, closed an $8 million seed round.",
            [("Talvio", "$8 million", [])],
        ),
        (
            "Talvio, which has never raised outside money, secured $8 million from Kestrel.",
            [("Talvio", "$8 million", [])],
        ),
        ("Talvio raised $8 million, not $10 million.", [("Talvio", "$8 million", [])]),
        # the amount is not the negated verb's object
        (
            "Talvio had not raised outside capital until this week's $8 million seed round.",
            [("Talvio", "$8 million", [])],
        ),
        (
            "Talvio has not yet announced the investors in its $8 million round.",
            [("Talvio", "$8 million", [])],
        ),
        # a name's own 'Not' or 'Will' is no negation nor modal
        ("Free Will Raises $8M Seed Round", [("Free Will", "$8M", [])]),
        (
            "Forget-Me-Not raised $8 million in a round led by Kestrel.",
            [("Forget-Me-Not", "$8 million", ["Kestrel"])],
        ),
    ],
)
def test_a_negation_of_another_verb_leaves_the_deal(sentence: str, deals: list) -> None:
    assert _deals(sentence) == deals
