"""Article pages saved as plain text: the 'Published:' line, tables whose cells the dump glued together,
pipe tables, and prose."""

from __future__ import annotations

from datetime import date

from assets.parsing.glued_tables import glued_tables
from assets.parsing.html_article import published_in_text
from assets.parsing.mentions import ParsedDocument
from assets.parsing.newsletter import text_mentions
from assets.parsing.table_rows import table_mentions


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return any(tag in head for tag in ("<html", "<body", "<p>", "<p ", "<div", "<table", "<!doctype"))


def parse_text_article(text: str, known_date: date | None = None) -> ParsedDocument:
    """`known_date` (the date a feed entry or the page's URL gives) dates the text when it states none
    itself, so that its 'last year' and 'in March' place rounds in time."""
    published = published_in_text(text[:4096])
    tables, rest = glued_tables(text)
    mentions = [m for index, rows in enumerate(tables) for m in table_mentions(rows, index)]
    mentions.extend(text_mentions(rest, published or known_date))
    return ParsedDocument(mentions=mentions, published=published)
