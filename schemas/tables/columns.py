"""Columns that several tables share, each described once. A table that uses one differently says so with
`Column.but(...)`."""

from __future__ import annotations

from schemas.tables.model import Column

VARCHAR, BIGINT, INTEGER, DOUBLE = "VARCHAR", "BIGINT", "INTEGER", "DOUBLE"
BOOLEAN, DATE, TIMESTAMP, VARCHAR_LIST = "BOOLEAN", "DATE", "TIMESTAMP", "VARCHAR[]"

# --- where a row came from ----------------------------------------------------------------------------
SOURCE_ID = Column("source_id", VARCHAR, "Source slug from sources.toml.", required=True)
SOURCE_KIND = Column("source_kind", VARCHAR, "article, newsletter, feed or table.", required=True)
URL = Column(
    "url",
    VARCHAR,
    "Document URL, as the registry (or a folder listing, or a feed entry) gave it.",
    required=True,
)
SHA256 = Column(
    "sha256",
    VARCHAR,
    "SHA-256 of the raw body (hex): the raw-store key of the document version.",
    required=True,
)
DOCUMENT_SHA256 = SHA256.but(name="document_sha256")
RUN_ID = Column("run_id", VARCHAR, "Dagster run id.", required=True)
RECORD_ID = Column(
    "record_id",
    VARCHAR,
    "Stable id of the mention: hash of source, document URL, document sha256, method and locator.",
    required=True,
    key=True,
)
METHOD = Column(
    "method",
    VARCHAR,
    "table_row (CSV/JSON export), document_table (a table in a page, newsletter or text dump) or prose "
    "(a sentence).",
    required=True,
)
LOCATOR = Column(
    "locator",
    VARCHAR,
    "Where in the document: row[17], table[0]/row[3], p[4]/s[1], m[0]/p[2]/s[0].",
    required=True,
)
SNIPPET = Column("snippet", VARCHAR, "The row or sentence the mention came from.")
PUBLISHED_DATE = Column(
    "published_date",
    DATE,
    "When the document was written: its own publication date, its feed entry's, the date in its URL, or else "
    "the latest month, quarter or year its text names (see published_precision).",
)
PRECISION_VALUES = "day, month, quarter or year; a date of month precision is the first of its month"
PUBLISHED_PRECISION = Column(
    "published_precision", VARCHAR, f"How exactly published_date is known: {PRECISION_VALUES}."
)
MENTION_KEY = Column(
    "mention_key",
    BIGINT,
    "Where the mention is in the extraction files extracted_mentions reads: the file's number times 2^40 "
    "plus the row's number in that file. Stands while those files do (normalisation runs again when they "
    "change).",
    required=True,
)
ERROR_CLASS = Column("error_class", VARCHAR, "Stable error class.")
ERROR_MESSAGE = Column("error_message", VARCHAR, "Readable error detail.")

# --- a mention as the source wrote it -------------------------------------------------------------------
COMPANY_TEXT = Column("company_text", VARCHAR, "Company as the source wrote it.")
ROUND_TEXT = Column("round_text", VARCHAR, "Round as the source wrote it ('Series B', 'seed extension').")
AMOUNT_TEXT = Column("amount_text", VARCHAR, "Amount as the source wrote it ('$3.5B', '€40 million').")
CURRENCY_TEXT = Column(
    "currency_text", VARCHAR, "Currency as the source wrote it (exports with a currency column)."
)
VALUATION_TEXT = Column("valuation_text", VARCHAR, "Valuation as the source wrote it.")
SEGMENT_TEXT = Column("segment_text", VARCHAR, "Segment label as the source wrote it.")
ANNOUNCED_TEXT = Column("announced_text", VARCHAR, "Announcement date as the source wrote it.")
MENTION_TEXT = (
    COMPANY_TEXT,
    ROUND_TEXT,
    AMOUNT_TEXT,
    CURRENCY_TEXT,
    VALUATION_TEXT,
    SEGMENT_TEXT,
    ANNOUNCED_TEXT,
)

# --- a mention normalised -------------------------------------------------------------------------------
COMPANY = Column("company", VARCHAR, "Canonical company name, when one could be made.")
ROUND_TYPE = Column(
    "round_type", VARCHAR, "Round-type slug (seed, series_b, ipo...); the stated text when unrecognised."
)
AMOUNT_USD = Column(
    "amount_usd", BIGINT, "Amount raised in whole US dollars (converted at the announcement month's rate)."
)
AMOUNT_IS_FLOOR = Column(
    "amount_is_floor", BOOLEAN, "True when the source gave a lower bound ('$15B+', 'more than')."
)
AMOUNT_IS_CEILING = Column(
    "amount_is_ceiling", BOOLEAN, "True when the source gave an upper bound ('up to', 'as much as')."
)
VALUATION_USD = Column("valuation_usd", BIGINT, "Valuation in whole US dollars (post-money unless stated).")
VALUATION_IS_FLOOR = Column("valuation_is_floor", BOOLEAN, "True when the valuation is a lower bound.")
CURRENCY = Column(
    "currency", VARCHAR, "ISO 4217 currency the amount was reported in; the stated text when unknown."
)
AMOUNT_ORIGINAL = Column("amount_original", VARCHAR, "The amount as written, cleaned of surrounding words.")
LEAD_INVESTORS = Column("lead_investors", VARCHAR_LIST, "Canonical names of the investors that led.")
INVESTORS = Column("investors", VARCHAR_LIST, "Canonical names of all investors, leads included.")
ANNOUNCED_DATE = Column("announced_date", DATE, "Announcement date.")
DEAL_STATUS = Column(
    "status",
    VARCHAR,
    "announced, or reported: told by others or still in talks ('reportedly', 'in talks', 'sources say'). "
    "A reported round is never merged into an announced one.",
)
ANNOUNCED_DATE_PRECISION = Column(
    "announced_date_precision",
    VARCHAR,
    f"How exactly announced_date is known: {PRECISION_VALUES} ('March 2025' is a month, 'in 2023' a year).",
)
DATE_BASIS = Column(
    "date_basis",
    VARCHAR,
    "explicit (the source dates the deal), published (the document date stands in) or undated (nothing "
    "dates it, or the text tells an earlier round without a date: announced_date is NULL).",
)
SEGMENT = Column("segment", VARCHAR, "Segment slug from the taxonomy; the stated label when unrecognised.")
LAYER = Column("layer", VARCHAR, "Stack layer slug of the segment, when known.")
WARNINGS = Column("warnings", VARCHAR_LIST, "Warn-severity rules the row broke (kept, but flagged).")
