"""One paragraph of prose read as a refresh reads it, for the tests of the real-world rounds."""

from __future__ import annotations

from datetime import date

from assets.parsing.mentions import DealMention
from assets.parsing.prose import extract_prose_mentions, resolve_short_names

PUBLISHED = date(2026, 3, 20)
"""The publication date every paragraph is read under."""


def read_mentions(text: str) -> list[DealMention]:
    """Every mention of `text` read as one paragraph published on PUBLISHED, short names resolved."""
    return resolve_short_names(extract_prose_mentions([text], published=PUBLISHED), text)


def read_deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention of `text`."""
    return [(m.company, m.amount, m.round_text) for m in read_mentions(text)]


def deals_of_paragraph(text: str, published: date) -> list[tuple[str | None, str | None, str | None]]:
    """(company, round, amount) of every mention of `text` read as one paragraph published on
    `published`, names as the clauses give them (no short name resolved)."""
    return [(m.company, m.round_text, m.amount) for m in extract_prose_mentions([text], published=published)]
