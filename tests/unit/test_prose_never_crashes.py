"""Prose reading never raises, whatever round-up sentence it is given.

An exception while reading one sentence fails its whole document: every deal of the page is lost (the
extraction step records the error and keeps nothing of the document). These tests build thousands of
round-up sentences from the forms the prose reader splits and joins (possessive lists, investments in a
company, 'secured by', relative clauses, contrasts, colons, brackets, histories looking back) with names
that are companies, investors, towns, places, people and pronouns, and amounts in every currency form,
from fixed seeds, and read each one. One such sentence ("Korvid's $30 million Series A and Sequoia's $100
million investment in Pellmark") once crashed the reader.

Every sentence here is generated from words written for these tests.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from assets.parsing.prose import extract_prose_mentions

NAMES = (
    "Korvid", "Pellmark", "Tarrow Grid", "Brimwell AI", "Zama", "Phoenix", "Sequoia", "Accel", "Singapore",
    "Tokyo", "Elon Musk", "The Bot Company", "Harrow Ventures", "Mesa", "Sweden", "Nvidia", "SoftBank",
    "Jane Roe", "It", "The startup", "they", "Norway", "Victoria", "Aurora", "OpenAI", "xAI",
)  # fmt: skip
AMOUNTS = (
    "$10 million", "$5M", "€40m", "£3.2bn", "₹500 crore", "US$ 12 million", "$1.1 billion",
    "$250 million-plus", "about $7 million", "up to $90m", "$3-5 million", "¥1.1 billion (US$152 million)",
)  # fmt: skip
ROUNDS = (
    "Series A", "seed round", "raise", "investment", "Series B", "funding", "debt round", "IPO", "grant",
    "pre-seed", "bet", "fund",
)  # fmt: skip
VERBS = (
    "raised", "secured", "closed", "landed", "emerged from stealth today with", "invested", "announced",
    "is in talks to raise", "had raised", "received", "took", "bagged",
)  # fmt: skip
GLUE = (
    " and ", ", ", "; ", " – ", ", while ", " whilst ", ", followed by ", " then ", ": ", " (", ") ",
    ", which ", " who ", " led by ", " in ", " into ", " for ", " secured by ", " raised by ", " from ",
    " valued at ", " at a ",
)  # fmt: skip


def _item(pick: random.Random) -> str:
    """One deal phrase in one of the forms a round-up writes."""
    name, amount, kind = pick.choice(NAMES), pick.choice(AMOUNTS), pick.choice(ROUNDS)
    form = pick.randrange(6)
    if form == 0:
        return f"{name}'s {amount} {kind}"
    if form == 1:
        return f"{name} {pick.choice(VERBS)} {amount}"
    if form == 2:
        return f"a {amount} {kind} for {name}"
    if form == 3:
        return f"{amount} {pick.choice(('secured by', 'raised by', 'bagged by'))} {name}"
    if form == 4:
        return f"{name}, which {pick.choice(VERBS)} {amount}"
    looking_back = pick.choice(("September", "2021", "March 2022", "the day"))
    return f"Back in {looking_back}, {name} {pick.choice(VERBS)} {amount}"


def _owned(pick: random.Random) -> str:
    """A possessive deal, perhaps an investor's investment in another name."""
    kind = pick.choice(ROUNDS)
    into = f" in {pick.choice(NAMES)}" if kind in ("investment", "bet") and pick.random() < 0.6 else ""
    return f"{pick.choice(NAMES)}'s {pick.choice(AMOUNTS)} {kind}{into}"


def _sentence(pick: random.Random) -> str:
    if pick.random() < 0.4:
        parts = [_owned(pick)]
        for _ in range(pick.randint(1, 3)):
            parts += [pick.choice((" and ", ", ", ", and ")), _owned(pick)]
        parts.append(pick.choice((" topped the week", ", both led by Accel,", " were announced", "")))
    else:
        parts = [_item(pick)]
        for _ in range(pick.randint(0, 4)):
            parts += [pick.choice(GLUE), _item(pick)]
    return "".join(parts) + pick.choice((".", "", " in June.", " last year."))


@pytest.mark.parametrize("seed", range(4))
def test_no_round_up_sentence_makes_the_reader_raise(seed) -> None:
    pick = random.Random(seed)
    read = 0
    for _ in range(2_500):
        text = _sentence(pick)
        published = pick.choice((None, date(2025, 6, 1)))
        mentions = extract_prose_mentions([text], published=published)  # must not raise
        assert all(isinstance(m.company, str) and m.company for m in mentions), text
        assert all(isinstance(name, str) for m in mentions for name in (*m.investors, *m.lead_investors)), (
            text
        )
        read += len(mentions)
    assert read > 1_000  # the sentences state deals: the reader is exercised, not only its early exits
