"""Sentence splitting: real boundaries split; abbreviations, initials and decimals do not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.parsing.sentences import _ABBREVIATIONS, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Orrin raised $20M. Vexa raised $45M.", ["Orrin raised $20M.", "Vexa raised $45M."]),
        ("Revenue hit $3.5B. Costs fell? Yes!", ["Revenue hit $3.5B.", "Costs fell?", "Yes!"]),
        ("Acme Inc. raised $3.5B. Then it hired.", ["Acme Inc. raised $3.5B.", "Then it hired."]),
        ("On Jan. 5 the U.S. firm raised. It grew.", ["On Jan. 5 the U.S. firm raised.", "It grew."]),
        ("J. Smith led it. Next came more.", ["J. Smith led it.", "Next came more."]),
        ("No. 1 on the list raised. Good.", ["No. 1 on the list raised.", "Good."]),
        ("It was e.g. fine. Done.", ["It was e.g. fine.", "Done."]),
        ("Acme raised $5M. 2026 was busy.", ["Acme raised $5M.", "2026 was busy."]),
        ("Acme raised $5M.\nBeta raised $3M.", ["Acme raised $5M.", "Beta raised $3M."]),
        ("Valued at $1.2 billion. The rest.", ["Valued at $1.2 billion.", "The rest."]),
        ("one sentence without an end", ["one sentence without an end"]),
        ("  padded.  ", ["padded."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


# Sentences of ordinary words: two letters or more (none looks like an initial), none an abbreviation.
sentence = st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{2,8}){0,6}[.!?]", fullmatch=True).filter(
    lambda s: s.split()[-1].rstrip(".!?").lower() not in _ABBREVIATIONS
)


@settings(max_examples=100, deadline=None, database=None)
@given(sentences=st.lists(sentence, min_size=1, max_size=5))
def test_split_sentences_recovers_joined_sentences(sentences: list[str]) -> None:
    assert split_sentences(" ".join(sentences)) == sentences


def test_a_sentence_may_start_with_an_accented_capital() -> None:
    assert split_sentences("Acme raised $5M. Ørsted Labs raised $3M.") == [
        "Acme raised $5M.",
        "Ørsted Labs raised $3M.",
    ]


def test_sentences_glued_without_a_space_are_split_but_dotted_names_stay_whole() -> None:
    text = "The market has a new contender.Quillfort raised $9 million. Infra.Grid raised $5M at Booking.com."
    assert split_sentences(text) == [
        "The market has a new contender.",
        "Quillfort raised $9 million.",
        "Infra.Grid raised $5M at Booking.com.",
    ]


def test_a_ranked_items_number_stays_with_its_item() -> None:
    assert split_sentences("6. Voyage Harvest: $52M") == ["6. Voyage Harvest: $52M"]
    assert split_sentences("1. Quenby: $1.2 billion. 2. Kelvar: $5M") == [
        "1. Quenby: $1.2 billion.",
        "2. Kelvar: $5M",
    ]
    # a number that ends a sentence still ends it
    assert split_sentences("It rose to 6. Then it fell.") == ["It rose to 6.", "Then it fell."]
