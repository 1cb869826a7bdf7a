"""Deal cards: a company's deal printed as labelled lines, as trackers and newsletters print them.

    Jan. 7—Aviceda Therapeutics          1                          Company: Revolut
    Series: C                            Xaira Therapeutics         Round: Series E
    Amount: $207.5 million               Amount: $1 billion         Amount: $800M
    Investors: Co-led by Omega Funds     Series: Unknown            Date: July 2021
                                         Month: April

A card is a title line naming the company (after a day or a rank perhaps), or a `Company:` line, with at
least two labelled lines: an amount that holds money and a round of a known stage. Its lines are whole
lines of the text, and no value runs on into a sentence. Its labelled values are joined into
the words the clause reader reads (`clause_words`: '$207.5 million Series C, co-led by Omega Funds'); the
snippet a card's deal keeps is the card's own lines, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assets.normalize.amounts import find_money
from assets.normalize.rounds import find_round
from assets.parsing.alternation import one_of
from assets.parsing.date_phrases import MONTH
from assets.parsing.sentences import split_sentences

_COMPANY = ("company", "startup", "name")
_AMOUNT = ("amount", "amount raised", "raised", "funding", "deal size", "round size", "size")
_ROUND = ("series", "round", "stage", "round type", "funding round")
_INVESTORS = ("investors", "investor", "lead investors", "lead investor", "led by", "backers")
_DATE = ("date", "month", "announced")
_VALUATION = ("valuation", "post-money valuation", "post-money")
_LABELS = (*_COMPANY, *_AMOUNT, *_ROUND, *_INVESTORS, *_DATE, *_VALUATION, "sector", "industry", "location")

# 'Series: C' (a label of the list above, its value after the colon)
_LABEL = one_of("|".join(_LABELS))
_FIELD = re.compile(rf"^\s*(?P<label>{_LABEL})\s*:\s*(?P<value>\S.*?)\s*$", re.IGNORECASE)
# What a title line may open on before the name: a day ('Jan. 7—'), a rank ('1', '#2', '3.').
_TITLE_OPENING = re.compile(rf"^\s*(?:(?P<day>{MONTH}\s+\d{{1,2}})\s*[—–-]\s*|#?\d{{1,3}}[.)]?\s+)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_STAGE_LETTER = re.compile(r"^(?:pre-?)?[A-K]\d?$", re.IGNORECASE)
_LED = re.compile(r"^(?:co-)?led\s+by\b", re.IGNORECASE)
_MAX_TITLE_WORDS = 8
_NAME_JOINERS = frozenset({"of", "and", "&", "the", "de", "for", "a"})
_HEADING_WORDS = frozenset(
    {"facts", "summary", "notes", "overview", "details", "highlights", "results", "update", "updates",
     "report", "snapshot", "profile", "info", "information", "terms", "breakdown", "recap", "glance",
     "numbers", "data"}
)  # fmt: skip


@dataclass(frozen=True)
class DealCard:
    """One card of a paragraph's lines."""

    first: int
    """Index of its first line (the title, or its first labelled line)."""
    last: int
    """Index of its last labelled line."""
    company: str
    """The company as the card writes it (title or `Company:` value)."""
    fields: dict[str, str]
    """{kind: value}: kind one of company, amount, round, investors, date, valuation."""
    day: str | None = None
    """The day its title opens on ('Jan. 7'), if any."""

    def clause_words(self) -> str:
        """The card's deal as the clause reader reads it: amount, round, valuation, investors."""
        words = [self.fields["amount"]]
        stage = self.fields.get("round", "")
        if _STAGE_LETTER.match(stage):
            words.append(f"Series {stage.upper()}")  # 'Series: C'
        elif stage and stage.lower() not in ("unknown", "undisclosed", "n/a", "-"):
            words.append(stage if "round" in stage.lower() else f"{stage} round")
        if "valuation" in self.fields:
            words.append(f"at a {self.fields['valuation']} valuation")
        text = " ".join(words)
        investors = self.fields.get("investors")
        if investors:
            text += (
                f", {investors[0].lower()}{investors[1:]}" if _LED.match(investors) else f", from {investors}"
            )
        return text

    def announced(self) -> str | None:
        """The date its date line states when it names a year ('Date: March 2024'), else its title's day,
        else its date line ('Month: April')."""
        stated = self.fields.get("date")
        if stated and _YEAR.search(stated):
            return stated
        return self.day or stated


def _kind(label: str) -> str:
    label = label.lower()
    for kind, labels in (
        ("company", _COMPANY),
        ("amount", _AMOUNT),
        ("round", _ROUND),
        ("investors", _INVESTORS),
        ("date", _DATE),
        ("valuation", _VALUATION),
    ):
        if label in labels:
            return kind
    return "other"


def _title(line: str) -> tuple[str, str | None] | None:
    """(name, day) of a title line, or None when the line cannot be one."""
    if ":" in line or not line.strip():
        return None
    opening = _TITLE_OPENING.match(line)
    day = opening["day"] if opening else None
    name = line[opening.end() if opening else 0 :].strip().rstrip(".")
    words = name.split()
    if not words or len(words) > _MAX_TITLE_WORDS:
        return None
    # a name's words are capitalised ('Aviceda Therapeutics'); a heading's are not ('Key facts'), or end on
    # what a heading is ('Key Funding Facts', 'Meeting Notes')
    if not all(word[0].isupper() or word[0].isdigit() or word.lower() in _NAME_JOINERS for word in words):
        return None
    if words[-1].lower() in _HEADING_WORDS:
        return None
    return name, day


# A label inside a line: a card whose line breaks were lost ('Jan. 7—Alebund Pharmaceutical Series: C
# Amount: RMB 550 million Investors: ...').
_INLINE_LABEL = re.compile(rf"(?<=\s)(?:{_LABEL})\s*:\s", re.IGNORECASE)


def _card_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines with each run-together card cut back into its title and labelled lines, and for each
    line the index of the line it comes from."""
    cut: list[str] = []
    origin: list[int] = []
    for index, line in enumerate(lines):
        labels = list(_INLINE_LABEL.finditer(line)) if line.count(":") >= 2 else []
        if len(labels) < 2:
            cut.append(line)
            origin.append(index)
            continue
        starts = [0, *(label.start() for label in labels)]
        ends = [*(label.start() for label in labels), len(line)]
        pieces = [line[start:end].strip() for start, end in zip(starts, ends, strict=True)]
        for piece in pieces if pieces[0] else pieces[1:]:
            cut.append(piece)
            origin.append(index)
    return cut, origin


def deal_cards(lines: list[str]) -> list[DealCard]:
    """The deal cards among a paragraph's lines, in order; `first` and `last` index `lines`."""
    if sum(line.count(":") for line in lines) < 2:
        return []  # a card has two labelled lines at least
    lines, origin = _card_lines(lines)
    cards: list[DealCard] = []
    index = 0
    while index < len(lines):
        start = index
        fields: dict[str, str] = {}
        while index < len(lines) and (found := _FIELD.match(lines[index])):
            fields.setdefault(_kind(found["label"]), found["value"])
            index += 1
        labelled = index - start
        if labelled == 0:
            index += 1
            continue
        titled = _title(lines[start - 1]) if start > 0 and "company" not in fields else None
        company = fields.get("company") or (titled[0] if titled else None)
        first = start - 1 if titled and "company" not in fields else start
        if company and labelled >= 2 and _states_a_round(fields) and _whole_lines(origin, first, index - 1):
            fields.pop("other", None)
            day = titled[1] if titled else None
            cards.append(DealCard(origin[first], origin[index - 1], company, fields, day))
    return cards


def _states_a_round(fields: dict[str, str]) -> bool:
    """Whether the fields state a funding round: money in the amount and a known stage in the round ('Series:
    C', 'Round: Seed'). A prize, a salary, a grant programme or a fund's size names no such stage."""
    amount, stage = fields.get("amount"), fields.get("round", "")
    # (a value that runs on into another sentence is prose, not a card's field: 'Led by Sarova Partners.
    # Separately, Dendral raised ...')
    if (
        not amount
        or not find_money(amount)
        or any(len(split_sentences(value)) > 1 for value in fields.values())
    ):
        return False
    stage = f"Series {stage}" if _STAGE_LETTER.match(stage) else stage
    return find_round(stage) not in (None, "unknown")


def _whole_lines(origin: list[int], first: int, last: int) -> bool:
    """Whether the card's pieces make up whole lines of the paragraph: a card run together after prose
    ('... Also this week — Company: Bellwork Round: Seed Amount: $2 million') leaves that prose unread.
    (`origin` rises line by line: a piece opens its line when the piece before it is of another line.)"""
    opens = first == 0 or origin[first - 1] != origin[first]
    closes = last == len(origin) - 1 or origin[last + 1] != origin[last]
    return opens and closes
