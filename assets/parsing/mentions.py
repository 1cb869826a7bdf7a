"""The unit every parser produces: one deal as a document states it, before normalisation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from assets.normalize.document_dates import DatedPeriod


class Method(StrEnum):
    """How a mention was extracted; also its precedence when sources disagree (see assets/resolve)."""

    TABLE_ROW = "table_row"  # a row of a CSV/JSON export: the most structured
    # A row of a deal table inside a document: an HTML table, or a Markdown pipe table in a newsletter (same
    # precedence: a table's columns say what each cell is).
    DOCUMENT_TABLE = "document_table"
    PROSE = "prose"  # a sentence of an article or newsletter


@dataclass
class DealMention:
    """Raw facts of one deal mention, as text, plus where in its document it was found.

    Every field is the source's own wording; units, currencies, names and vocabularies are resolved later
    by `assets.normalize`. `locator` is stable for a given document version ('table[0]/row[3]',
    'p[4]/s[1]', 'row[17]'), so together with the document's sha256 it identifies the mention.
    """

    method: Method
    locator: str
    snippet: str
    company: str | None
    round_text: str | None = None
    amount: str | None = None
    currency: str | None = None
    valuation: str | None = None
    segment: str | None = None
    announced: str | None = None
    lead_investors: list[str] = field(default_factory=list)
    investors: list[str] = field(default_factory=list)
    status: str = "announced"
    """'announced', or 'reported' when the text says the round is told by others or still in talks."""
    context: str | None = None
    """Free text that describes the company, used to infer a segment when none is stated: one line per
    source, the most specific first (the deal's own clause, then sentences around it that describe the
    company, then the document's title)."""


@dataclass
class ParsedDocument:
    """What a parser read from one document: its metadata and the deal mentions in it."""

    mentions: list[DealMention]
    title: str | None = None
    published: date | None = None
    date_format: str | None = None
    """strptime format for `announced` values (table exports configure it), None for free text."""
    named_period: DatedPeriod | None = None
    """For a document without a publication date: the latest period its text names (document_dates.py)."""
    dollar: str | None = None
    """What its bare '$' is when its source sets no currency ('AUD', 'CAD'; `dollars.py`), else None."""
    unmarked: str | None = None
    """The currency of its sums raised without one ('raised 16.5 million'): the one its money is mostly
    written in (`dollars.unmarked_currency`), else None."""


def add_context(mentions: list[DealMention], text: str | None) -> list[DealMention]:
    """The mentions with `text` added as their least specific context line (a document's title)."""
    if text and text.strip():
        for mention in mentions:
            mention.context = "\n".join(filter(None, (mention.context, " ".join(text.split()))))
    return mentions


def record_key_prefix(source_id: str, url: str, document_sha256: str, method: str) -> str:
    """What a record id hashes before the locator (`record_id`)."""
    return "\x1f".join((source_id, url, document_sha256, method)) + "\x1f"


def record_id_sql(prefix: str, locator: str) -> str:
    """`record_id` as a DuckDB expression over the SQL expressions `prefix` (`record_key_prefix`) and
    `locator`: an export's million ids are hashed in the statement that writes its rows."""
    return f"substr(sha256({prefix} || {locator}), 1, 20)"


def record_id(source_id: str, url: str, document_sha256: str, method: str, locator: str) -> str:
    """Stable id of one mention: the same document version at the same location always yields the same
    ids. The URL is part of it because identical bytes can stand at two locations of one source (an issue
    saved twice, feed entries that all return one paywall page): each is its own mention."""
    key = record_key_prefix(source_id, url, document_sha256, method) + locator
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
