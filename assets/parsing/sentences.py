"""Split running text into sentences without breaking on abbreviations, initials or decimals."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "vs",
        "etc",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "dept",
        "fig",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
    ]
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9$€£¥₹])")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, in order, white space trimmed.

    A period after 'Inc', 'Corp', 'Jan', an initial ('U.S.', 'J.') or inside a number ('$3.5B') does not
    end a sentence.
    """
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()].rstrip('"”’)')
        last_word = before.split()[-1].rstrip(".!?").lower() if before.split() else ""
        if before.endswith(".") and (
            last_word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last_word)
        ):
            continue
        sentences.append(text[start : match.start()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]
