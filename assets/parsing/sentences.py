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
_BOUNDARY = re.compile(r"(?<=[.!?])(?P<close>[\"”’)]*)\s+(?=[\"“‘(]*[A-ZÀ-ÖØ-ÞĀ-Ž0-9$€£¥₹])")
# A capital letter after these words is a name ('Series B.'), not an initial ('J. Doe').
_LETTER_NAMES = frozenset({"series", "class", "round", "tier", "plan", "type", "grade", "part", "phase"})


def _ends_with_abbreviation(before: str) -> bool:
    words = before.split()
    if not words or not before.endswith("."):
        return False
    last = words[-1].rstrip(".!?").lower()
    if last in _ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[a-z]\.)*[a-z]", last):
        return not (len(last) == 1 and len(words) > 1 and words[-2].lower() in _LETTER_NAMES)
    return False


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, in order, white space trimmed; closing quotes stay with their sentence.

    A period after 'Inc', 'Corp', 'Jan', an initial ('U.S.', 'J.') or inside a number ('$3.5B') does not
    end a sentence; one after 'Series B' does.
    """
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + len(match["close"])
        if _ends_with_abbreviation(text[start : match.start()]):
            continue
        sentences.append(text[start:end].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]
