"""Split running text into sentences without breaking on abbreviations, initials or decimals."""

from __future__ import annotations

import re

from assets.parsing.date_phrases import MONTH
from schemas.reference.wording import CURRENCY_SIGNS

_ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        # German: 'bzw.', 'inkl.' ('Mio.', 'Mrd.' after a number: `_AFTER_A_NUMBER`)
        "bzw",
        "inkl",
        "ggf",
        "evtl",
        "sog",
        "vgl",
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
_BOUNDARY = re.compile(rf"(?<=[.!?])(?P<close>[\"”’)]*)\s+(?=[\"“‘(]*[A-ZÀ-ÖØ-ÞĀ-Ž0-9{CURRENCY_SIGNS}])")
# Pages scraped without their paragraph breaks glue sentences together: 'with a bang.Mistral AI has
# raised'. A word in lower case or a date (a month's day or a year: 'closed on March 6.SandboxAQ closed',
# 'in 2023.Military'), its full stop, then a capitalised word: a boundary, given its space back
# ('Infra.Market' and 'Booking.com' are names, and stay whole, as do '42.Flow', '1.Inch' and the
# '2.Bundesliga'). Looked for only where the quick test for a stop before a capitalised word finds one:
# most texts have none.
_GLUE_HINT = re.compile(r"[.!?](?=[A-Z][a-z])")  # starts at a stop: the scan passes letters by
_LOWER_WORD_BEFORE = re.compile(
    rf"(?:(?<![\w.])[a-z]{{2,}}|\b{MONTH}\s\d{{1,2}}|(?<![\w.,$€£¥₹])(?:19|20)\d\d)$"
)


def _unglued(text: str) -> str:
    """`text` with a space after each full stop that glues two sentences together."""
    cuts = [
        hint.end()
        for hint in _GLUE_HINT.finditer(text)
        if _LOWER_WORD_BEFORE.search(text, max(0, hint.start() - 40), hint.start())
    ]
    if not cuts:
        return text
    pieces = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return " ".join(pieces)


# A capital letter after these words is a name ('Series B.'), not an initial ('J. Doe').
_LETTER_NAMES = frozenset({"series", "class", "round", "tier", "plan", "type", "grade", "part", "phase"})


# Sentences in deal reporting run to a few hundred characters (the longest in the labelled corpus has 315).
# Text that goes on far longer without a full stop is not a sentence a reader could follow (a scraped
# list, a dump of figures); it is read in pieces of at most this many characters, cut between words, so
# that the work per sentence stays bounded and a paragraph of any length is read in linear time.
MAX_SENTENCE_CHARS = 1_000
# The words before a full stop that decide whether it ends a sentence are short ('Inc.', 'U.S.', 'B.'):
# looking at this many characters before it, not at the whole sentence so far, keeps a paragraph of many
# abbreviations linear.
_ABBREVIATION_WINDOW = 64


_ABOUT = re.compile(r"\b[Cc]a\.$")
# German multipliers: abbreviations only right after a number.
_AFTER_A_NUMBER = frozenset({"mio", "mrd", "tsd"})


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """True when text[start:end] ends with an abbreviation or an initial ('Inc.', 'U.S.', 'J.')."""
    if text[end - 1 : end] != "." or end <= start:
        return False
    window_start = max(start, end - _ABBREVIATION_WINDOW)
    words = text[window_start:end].split()
    if window_start > start and words:
        words = words[1:]  # the first word may be cut by the window
    if not words:
        return False
    last = words[-1].rstrip(".!?").lower()
    if last in _ABBREVIATIONS:
        return True
    if last in _AFTER_A_NUMBER:
        # '5 Mio. Euro' goes on; 'co-founded by Mio. Beta raised' and 'Irvine, Ca. Beta' end there
        return len(words) > 1 and bool(re.fullmatch(r"[\d.,'’]+", words[-2]))
    if re.fullmatch(r"(?:[a-z]\.)*[a-z]", last):
        return not (len(last) == 1 and len(words) > 1 and words[-2].lower() in _LETTER_NAMES)
    return False


def _pieces(sentence: str) -> list[str]:
    """A sentence longer than `MAX_SENTENCE_CHARS` cut between words into pieces no longer than it."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    pieces, start = [], 0
    while len(sentence) - start > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS  # a word longer than the cap is cut inside
        pieces.append(sentence[start:cut].strip())
        start = cut
        while sentence[start : start + 1].isspace():
            start += 1
    pieces.append(sentence[start:].strip())
    return [piece for piece in pieces if piece]


# A ranked list's number before its item: '6. Voyage Foods: $52M' is one sentence, not '6.' and the rest.
_RANK_ONLY = re.compile(r"\s*#?\d{1,3}\.")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, in order, white space trimmed; closing quotes stay with their sentence.

    A period after 'Inc', 'Corp', 'Jan', an initial ('U.S.', 'J.') or inside a number ('$3.5B') does not
    end a sentence, nor does one after a ranked list's number that opens a sentence ('6. Voyage Foods:
    $52M'); one after 'Series B' does. A sentence longer than `MAX_SENTENCE_CHARS` comes back in
    pieces.
    """
    text = _unglued(text)
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + len(match["close"])
        if _ends_with_abbreviation(text, start, match.start()) or _RANK_ONLY.fullmatch(text, start, end):
            continue
        if _ABOUT.search(text, max(start, match.start() - 4), match.start()) and (
            text[match.end() : match.end() + 1].isdigit()
            or text[match.end() : match.end() + 1] in ("$", "€", "£")
        ):
            continue  # 'ca. 900.000 Euro': German's 'about', before a number ('Irvine, Ca. Beta' ends there)
        sentences.append(text[start:end].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [piece for s in sentences if s for piece in _pieces(s)]
