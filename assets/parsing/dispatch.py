"""One stored document -> its deal mentions as a frame with provenance, whatever its kind and format."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from assets.fetching.issue_files import is_maildir_message
from assets.fetching.raw_store import CorruptBlob, MissingBlob, RawStore
from assets.frames import is_missing
from assets.normalize.dates import yearless_day
from assets.normalize.document_dates import DAY, DatedPeriod, latest_named_period, url_date
from assets.parsing.budget import BUDGET_ERROR_CLASS, configured_budget_s, parse_budget
from assets.parsing.decoding import decode_html, decode_text
from assets.parsing.dollars import dollar_currency, names_no_currency, unmarked_currency
from assets.parsing.fingerprint import source_fingerprint
from assets.parsing.interrupts import interrupted_query
from assets.parsing.mentions import Method, ParsedDocument, record_id, record_id_sql, record_key_prefix
from assets.parsing.roundups import dated_by_roundup, dated_by_roundup_in_year
from assets.parsing.table_export import MENTIONS_VIEW, table_mentions
from assets.read_ahead import read_ahead
from assets.source_kinds import KINDS, Listing, Reading
from assets.sources import Source
from schemas.reference.reference_data import current_reference_data
from schemas.tables import EXTRACTED_MENTIONS
from warehouse.arrow_frames import arrow_schema, text_frame

EXTRACTED_COLUMNS = EXTRACTED_MENTIONS.names
# One index for every page's frame: building it from the names infers a string dtype each time, which
# cost a page of a few deals about a twentieth of its whole extraction. (An index is immutable: frames
# share it safely.)
_EXTRACTED_INDEX = pd.Index(EXTRACTED_COLUMNS)
_MENTION_TO_COLUMN = {
    "company": "company_text",
    "amount": "amount_text",
    "currency": "currency_text",
    "valuation": "valuation_text",
    "segment": "segment_text",
    "announced": "announced_text",
    "lead_investors": "lead_investors_text",
    "investors": "investors_text",
}


# The mention fields that are columns (the rest, such as the method, are written apart).
_TEXT_FIELDS = frozenset({*_MENTION_TO_COLUMN, "round_text", "locator", "status"})

TRANSIENT_ERRORS = frozenset({CorruptBlob.error_class, MissingBlob.error_class, BUDGET_ERROR_CLASS})


class UnsupportedDocument(ValueError):
    """The document's format is not one its source kind can hold."""


def _suffix(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).suffix.lower()


def _is_plain_text(content_type: str | None, url: str) -> bool:
    return bool(content_type and content_type.lower().startswith("text/plain")) or _suffix(url) == ".txt"


def _is_html(content_type: str | None, url: str) -> bool:
    return bool(content_type and "html" in content_type.lower()) or _suffix(url) in (".html", ".htm")


def _known_date(url: str, published_hint: date | None) -> date | None:
    """The date a page is known by outside its text (its feed entry's, else its URL's): the year its prose
    says 'last year' from. A period the text names is not used: it may be any year the text looks back on."""
    from_url = url_date(url)
    return published_hint or (from_url.day if from_url else None)


# The prose and page readers are imported where a page is read: a refresh of exports alone never loads
# them (a fifth of a second of every such run).
def _read_web_page(
    url: str, content_type: str | None, body_path: Path, published_hint: date | None = None
) -> list[ParsedDocument]:
    from assets.parsing.html_article import parse_article
    from assets.parsing.text_article import looks_like_html, parse_text_article

    text = decode_html(body_path.read_bytes(), content_type)
    known = _known_date(url, published_hint)
    if _is_plain_text(content_type, url) and not looks_like_html(text):
        document = _with_named_period(parse_text_article(text, known), text)  # a page saved as text
        opening = text
    else:
        document = parse_article(text, known)
        opening = " ".join(filter(None, [document.title, *(m.snippet for m in document.mentions[:1])]))
    dated_by_roundup(document.mentions, opening, document.published)
    if document.published is None and known is None:
        dated_by_roundup_in_year(document.mentions, opening, document.named_period)
    document.dollar = dollar_currency(text, url)
    return [_with_unmarked(document, text)]


def _with_unmarked(document: ParsedDocument, text: str) -> ParsedDocument:
    """The document with the currency of its sums raised without one, when it has any (read only then:
    a page of figures has many amounts): the one its other deals are mostly in, else its amounts are."""
    bare = [names_no_currency(mention.amount) for mention in document.mentions]
    if any(bare):
        named = (
            m.amount for m, unmarked in zip(document.mentions, bare, strict=True) if m.amount and not unmarked
        )
        document.unmarked = unmarked_currency(" ; ".join(named)) or unmarked_currency(text)
    return document


def _with_named_period(document: ParsedDocument, text: str) -> ParsedDocument:
    if document.published is None:
        document.named_period = latest_named_period(text, not_after=date.today())
    return document


def _read_newsletter_issue(
    url: str, content_type: str | None, body_path: Path, published_hint: date | None = None
) -> list[ParsedDocument]:
    from assets.parsing.html_article import parse_article
    from assets.parsing.newsletter import parse_eml, parse_markdown_issue, parse_mbox

    suffix = _suffix(url)
    if suffix == ".mbox" or (content_type or "").startswith("application/mbox"):
        return parse_mbox(body_path)
    if (
        suffix == ".eml"
        or (content_type or "").startswith("message/rfc822")
        or is_maildir_message(PurePosixPath(urlsplit(url).path))
    ):
        return [parse_eml(body_path.read_bytes())]
    if _is_html(content_type, url):
        html = decode_html(body_path.read_bytes(), content_type)
        return [_with_unmarked(parse_article(html, _known_date(url, published_hint)), html)]
    text = decode_text(body_path.read_bytes(), content_type)
    return [_with_unmarked(_with_named_period(parse_markdown_issue(text), text), text)]


# The readers of text documents, by how a kind reads (assets/source_kinds.py).
_TEXT_READERS: dict[Reading, Callable[[str, str | None, Path, date | None], list[ParsedDocument]]] = {
    Reading.WEB_PAGE: _read_web_page,
    Reading.NEWSLETTER_ISSUE: _read_newsletter_issue,
}


def parse_stored_document(
    source: Source, url: str, content_type: str | None, body_path: Path, published_hint: date | None = None
) -> list[ParsedDocument]:
    """Parse one stored body according to its source kind and format (an mbox holds many issues);
    `published_hint` (a feed entry's date) dates prose that states no date of its own."""
    kind = KINDS[source.kind]
    if kind.listing is Listing.FEED_ENTRIES and url == source.url:
        return []  # the feed itself only lists entries; each entry page is its own document
    reader = _TEXT_READERS.get(kind.reading)
    if reader is None:
        raise UnsupportedDocument(f"{source.kind} documents are not parsed as text documents")
    return reader(url, content_type, body_path, published_hint)


def document_date(document: ParsedDocument, published_hint: date | None, url: str) -> DatedPeriod | None:
    """When the document was written: its own publication date, else the date its feed entry gives,
    else the date in its URL, else the latest period its text names (with how exactly each is known)."""
    if document.published is not None:
        return DatedPeriod(document.published, DAY)
    if published_hint is not None:
        return DatedPeriod(published_hint, DAY)
    return url_date(url) or document.named_period


def _records_from_parsed(
    documents: list[ParsedDocument], stored: StoredDocument, provenance: dict[str, Any]
) -> list[dict[str, Any]]:
    """Complete extracted_mentions rows, built as dicts: a page yields a handful of rows, and building
    them as a frame column by column cost more than parsing the page."""
    rows = []
    # What a bare number or a bare '$' means: the source's currency ('raised $37m' in a source of Australian
    # news set to AUD is A$37m), else what the page shows its dollar is (`dollars.py`).
    currency = stored.source.options.get("currency")
    for document in documents:
        dollar = currency or document.dollar
        unmarked = document.unmarked if dollar is None else None
        dated = document_date(document, stored.published_hint, stored.url)
        for mention in document.mentions:
            row = dict.fromkeys(EXTRACTED_COLUMNS)
            # vars(), not asdict(): asdict deep-copies every investor list, which a page of thousands of
            # deals pays for in seconds; the mention is not used again.
            row.update(
                (_MENTION_TO_COLUMN.get(k, k), v) for k, v in vars(mention).items() if k in _TEXT_FIELDS
            )
            row.update(provenance)
            row["method"] = method = str(mention.method)
            row["default_currency"] = dollar
            if unmarked and row["currency_text"] is None and names_no_currency(mention.amount):
                row["currency_text"] = unmarked
            row["published_date"] = dated.day if dated else None
            row["published_precision"] = dated.precision if dated else None
            if dated is None and yearless_day(row["announced_text"]):
                # 'On December 8' on a page nothing dates: a day of a year the page never gives leaves the
                # deal undated (its snippet keeps the words), not quarantined as an unreadable date
                row["announced_text"] = None
            row["snippet"] = _bounded(mention.snippet)
            row["context"] = _bounded(mention.context)
            row["record_id"] = record_id(stored.source.id, stored.url, stored.sha256, method, mention.locator)
            rows.append(row)
    return rows


# A snippet is evidence a reader looks at, not a copy of the page: a paragraph of thousands of deals
# would otherwise be stored once per deal (memory growing with the square of the paragraph).
MAX_SNIPPET_CHARS = 2_000


def _bounded(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_SNIPPET_CHARS:
        return text
    return text[: MAX_SNIPPET_CHARS - 1] + "…"


@dataclass(frozen=True)
class StoredDocument:
    """One stored document version, as parsing needs it."""

    source: Source
    url: str
    sha256: str
    content_type: str | None
    body_path: Path
    published_hint: date | None = None
    """A feed entry's date: stands in when the document states no publication date."""

    def provenance(self) -> dict[str, Any]:
        """The extracted_mentions columns every row of the document shares."""
        return {
            "source_id": self.source.id,
            "source_kind": str(self.source.kind),
            "document_sha256": self.sha256,
            "url": self.url,
            "fingerprint": source_fingerprint(self.source),
        }


def _rows_of_text_document(stored: StoredDocument) -> pd.DataFrame:
    documents = parse_stored_document(
        stored.source, stored.url, stored.content_type, stored.body_path, stored.published_hint
    )
    return _object_frame(_records_from_parsed(documents, stored, stored.provenance()))


def _object_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """`rows` as a frame of object columns in `EXTRACTED_COLUMNS` order, built as one 2-D block of cells.
    Object columns: inferring a string dtype per column costs more than a page of parsing. One block: the
    list-of-dicts constructor checks each of the two dozen columns on its own, which cost a page of a few
    deals about a tenth of its whole extraction."""
    cells = np.empty((len(rows), len(EXTRACTED_COLUMNS)), dtype=object)
    for i, row in enumerate(rows):
        for j, column in enumerate(EXTRACTED_COLUMNS):
            cells[i, j] = row[column]  # one cell at a time: an investor list stays one cell
    return pd.DataFrame(cells, columns=_EXTRACTED_INDEX, dtype=object, copy=False)


TABLE_ROW = str(Method.TABLE_ROW)


def _shared_values(stored: StoredDocument) -> dict[str, Any]:
    """The extracted_mentions columns every row of a table export holds alike: its provenance, the
    method and the source's options (text, or NULL when the option is not set)."""
    source = stored.source
    return stored.provenance() | {
        "method": TABLE_ROW,
        "date_format": source.options.get("date_format"),
        "default_currency": source.options.get("currency"),
    }


def _table_row_query(
    connection: duckdb.DuckDBPyConnection, stored: StoredDocument, shared: Collection[str]
) -> str:
    """The extracted_mentions columns of a table export that vary by row, as one query over
    `MENTIONS_VIEW`, in the declared order and types, leaving out the `shared` ones (`_shared_values`).
    The record ids' prefix comes in as a variable (text), never as SQL text."""
    source = stored.source
    prefix = record_key_prefix(source.id, stored.url, stored.sha256, TABLE_ROW)
    connection.execute("set variable record_prefix = ?", [prefix])
    expressions = {column: field for field, column in _MENTION_TO_COLUMN.items()} | {
        "round_text": "round_text",
        "context": "context",
        "status": "status",
        "snippet": "snippet",
        "locator": "locator",
        "record_id": record_id_sql("getvariable('record_prefix')", "locator"),
    }
    columns = ", ".join(
        f"cast({expressions.get(c.name, 'null')} as {c.type}) as {c.name}"
        for c in EXTRACTED_MENTIONS.columns
        if c.name not in shared
    )
    return f"select {columns} from (select *, 'row[' || row_number || ']' as locator from {MENTIONS_VIEW})"


_EXTRACTED_SCHEMA = arrow_schema(EXTRACTED_MENTIONS)
# Columns with a value of their own on (nearly) every row: a dictionary of them is never used, and
# building one until it overflows cost about a tenth of writing the file.
_UNIQUE_PER_ROW = frozenset({"record_id", "locator", "snippet"})
_DICTIONARY_COLUMNS = [name for name in _EXTRACTED_SCHEMA.names if name not in _UNIQUE_PER_ROW]
# Rows per batch read from DuckDB, and so per row group of the file: DuckDB's own row group size.
_BATCH_ROWS = 122_880


def _with_shared(batch: pa.RecordBatch, shared: dict[str, Any]) -> pa.RecordBatch:
    """`batch` (the columns that vary by row) with the shared columns added, in the declared columns
    and types. A shared column is one value repeated by Arrow: computed per row in DuckDB and encoded by
    its Parquet writer, the eight of them cost about 0.4 s of CPU a million rows."""
    return pa.record_batch(
        [
            pa.repeat(pa.scalar(shared[f.name], f.type), batch.num_rows)
            if f.name in shared
            else batch.column(f.name).cast(f.type)
            for f in _EXTRACTED_SCHEMA
        ],
        schema=_EXTRACTED_SCHEMA,
    )


@contextmanager
def _table_export_batches(stored: StoredDocument) -> Iterator[Iterator[pa.RecordBatch]]:
    """The export's extracted_mentions rows as Arrow record batches in the declared schema (every
    column optional), in the file's order, read from the file as they are consumed (inside the block)."""
    source = stored.source
    fmt = str(source.options.get("format") or _suffix(stored.url).lstrip(".") or "csv")
    encoding = source.options.get("encoding")
    with table_mentions(stored.body_path, fmt, dict(source.columns), encoding) as connection:
        shared = _shared_values(stored)
        reader = connection.sql(_table_row_query(connection, stored, shared)).to_arrow_reader(_BATCH_ROWS)
        yield (_with_shared(batch, shared) for batch in reader)


def _rows_of_table_export(stored: StoredDocument) -> pd.DataFrame:
    with _table_export_batches(stored) as batches:
        return text_frame(pa.Table.from_batches(list(batches), schema=_EXTRACTED_SCHEMA))


def write_table_export(stored: StoredDocument, target: Path) -> int:
    """Write the extracted_mentions rows of a table export straight to the Parquet file `target`, batch
    by batch (a million rows as a frame cost seconds and a gigabyte); returns how many.

    DuckDB reads and shapes the rows; pyarrow writes them: DuckDB's Parquet writer took about twice the
    CPU for the same rows (2.4 s against 1.1 s a million), and writes a column it can prove has no NULL
    as required, where the declaration has every column optional."""
    rows = 0
    with (
        _table_export_batches(stored) as batches,
        # DuckDB reads on one thread (the file's order), pyarrow encodes on the other: a million rows in
        # 1.9 s rather than 2.6 s
        read_ahead(batches, "extract-read") as read,
        pq.ParquetWriter(target, _EXTRACTED_SCHEMA, use_dictionary=_DICTIONARY_COLUMNS) as writer,
    ):
        for batch in read:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def extract_document(
    source: Source,
    url: str,
    sha256: str,
    content_type: str | None,
    body_path: Path,
    published_hint: date | None = None,
) -> pd.DataFrame:
    """extracted_mentions rows for one stored document version (may be empty).

    `published_hint` (a feed entry's date) stands in when the document states no publication date.
    """
    stored = StoredDocument(source, url, sha256, content_type, body_path, published_hint)
    # One reference data for the whole document, put in use here so that the thousands of lookups a page
    # makes find it in the context variable instead of resolving the reference directory each time.
    with current_reference_data().in_use():
        return _ROW_READERS[KINDS[source.kind].reading](stored)


# Rows of one stored document, by how a kind reads (assets/source_kinds.py).
_ROW_READERS: dict[Reading, Callable[[StoredDocument], pd.DataFrame]] = {
    Reading.TABLE_EXPORT: _rows_of_table_export,
    Reading.WEB_PAGE: _rows_of_text_document,
    Reading.NEWSLETTER_ISSUE: _rows_of_text_document,
}


@dataclass
class Extraction:
    """Mentions of all current documents, and the ledger saying how each document was handled."""

    mentions: pd.DataFrame
    ledger: pd.DataFrame
    """document_extractions rows: source_id, url, sha256, fingerprint, status, mentions, error..."""
    parsed: int
    reused: int
    files: dict[Path, int] = field(default_factory=dict)
    """Mentions written straight to Parquet (table exports, given a spool folder), in the declared
    columns: each file and its number of rows. They are mentions as much as the frame's rows."""

    def count(self) -> int:
        """How many mentions, in the frame and in the files."""
        return len(self.mentions) + sum(self.files.values())


DocumentVersion = tuple[str, str, str, str]
"""(source_id, url, sha256, parser fingerprint): one document version as parsed under one code."""


def _parsed_before(previous_ledger: pd.DataFrame) -> dict[DocumentVersion, Any]:
    return {(r.source_id, r.url, r.sha256, r.fingerprint): r for r in previous_ledger.itertuples()}


def reused_versions(
    current: pd.DataFrame, sources: dict[str, Source], previous_ledger: pd.DataFrame
) -> set[DocumentVersion]:
    """The current document versions whose earlier parse `extract_documents` reuses: the only ones whose
    earlier mentions it reads (a re-parsed export's million earlier rows need not be read at all). A parse
    of the same bytes under the same code ends the same way, failure included; a damaged or missing blob
    (the collector restores it) or a run out of time (load varies) does not, so those failures are never
    reused."""
    done = _parsed_before(previous_ledger)
    keys = {
        (d.source_id, d.url, d.sha256, source_fingerprint(sources[d.source_id])) for d in current.itertuples()
    }
    return {key for key in keys if key in done and done[key].error_class not in TRANSIENT_ERRORS}


def extract_documents(
    current: pd.DataFrame,
    sources: dict[str, Source],
    store: RawStore,
    previous_ledger: pd.DataFrame,
    previous_mentions: pd.DataFrame,
    run_id: str,
    budget_s: float | None = None,
    spool: Path | None = None,
) -> Extraction:
    """Mentions for every current document, parsing only versions not parsed under the same fingerprint.

    `current` has one row per (source_id, url) with the newest sha256 (warehouse.current_documents). A
    document that fails to parse becomes a ledger row with status 'error' and yields no mentions; it never
    stops the others. Each document has `budget_s` seconds to parse (default: `configured_budget_s()`);
    past it, its row has error class 'parse_budget_exceeded'. Such a document is tried again on the next
    run: whether it finishes in time depends on the machine's speed (the budget counts CPU seconds, so not
    on its load), not only on the document.
    """
    budget_s = configured_budget_s() if budget_s is None else budget_s
    done = _parsed_before(previous_ledger)
    reused_keys = reused_versions(current, sources, previous_ledger)
    # Keyed by fingerprint too: mentions held from a last good version parsed under other code or options
    # (assets/validate/source_volume.py) are not what this document version yields now.
    earlier_mentions = (
        dict(tuple(previous_mentions.groupby(["source_id", "url", "document_sha256", "fingerprint"])))
        if len(previous_mentions)
        else {}
    )
    frames, ledger, parsed, reused = [], [], 0, 0
    files: dict[Path, int] = {}
    for document in current.itertuples():
        source = sources[document.source_id]
        fingerprint = source_fingerprint(source)
        key = (document.source_id, document.url, document.sha256, fingerprint)
        if key in reused_keys:
            earlier = done[key]
            ledger.append(earlier._asdict() | {"Index": None})
            frames.append(earlier_mentions.get(key))
            reused += 1
            continue
        entry = {
            "source_id": document.source_id,
            "url": document.url,
            "sha256": document.sha256,
            "fingerprint": fingerprint,
            "parsed_run_id": run_id,
        }
        hint = getattr(document, "published_hint", None)
        content_type = None if is_missing(document.content_type) else document.content_type
        try:
            with parse_budget(budget_s, document.url):
                body_path = store.verified_path(document.sha256)
                if spool is not None and KINDS[source.kind].reading is Reading.TABLE_EXPORT:
                    stored = StoredDocument(source, document.url, document.sha256, content_type, body_path)
                    target = spool / f"{len(files):04d}.parquet"
                    files[target] = found = write_table_export(stored, target)
                else:
                    frame = extract_document(
                        source,
                        document.url,
                        document.sha256,
                        content_type,
                        body_path,
                        None if is_missing(hint) else hint,
                    )
                    frames.append(frame)
                    found = len(frame)
        except Exception as error:  # one bad document must not stop the refresh; the ledger records it
            if interrupted_query(error):
                # Ctrl-C or SIGTERM reached a DuckDB query: the refresh is being stopped, the document did
                # not fail. Recorded as a failed parse, the run went on to succeed, and every later
                # refresh reused the failure until the document changed.
                raise KeyboardInterrupt(f"interrupted while parsing {document.url}") from error
            ledger.append(
                entry
                | {
                    "status": "error",
                    "mentions": 0,
                    "error_class": getattr(error, "error_class", type(error).__name__),
                    "error_message": str(error) or repr(error),
                }
            )
        else:
            ledger.append(
                entry | {"status": "parsed", "mentions": found, "error_class": None, "error_message": None}
            )
        parsed += 1
    nonempty = [f for f in frames if f is not None and len(f)]
    mentions = pd.concat(nonempty, ignore_index=True) if nonempty else pd.DataFrame()
    ledger_frame = pd.DataFrame(ledger).drop(columns=["Index"], errors="ignore")
    return Extraction(mentions.reindex(columns=EXTRACTED_COLUMNS), ledger_frame, parsed, reused, files)
