"""Tables of the extraction stage: mentions as written, the parse ledger, and what was held or failed."""

from __future__ import annotations

from schemas.tables.columns import (
    DEAL_STATUS,
    DOCUMENT_SHA256,
    ERROR_CLASS,
    ERROR_MESSAGE,
    INTEGER,
    LOCATOR,
    MENTION_KEY,
    MENTION_TEXT,
    METHOD,
    PUBLISHED_DATE,
    PUBLISHED_PRECISION,
    RECORD_ID,
    RUN_ID,
    SHA256,
    SNIPPET,
    SOURCE_ID,
    SOURCE_KIND,
    TIMESTAMP,
    URL,
    VARCHAR,
    VARCHAR_LIST,
)  # fmt: skip
from schemas.tables.model import Column, Table

FINGERPRINT = Column(
    "fingerprint",
    VARCHAR,
    "Hash of the parsing code, vocabularies and source options the document was parsed under; a change "
    "re-parses it.",
    required=True,
)
MENTIONS = Column("mentions", INTEGER, "Deal mentions found.", required=True)
DOCUMENTS_KEY = Column(
    "documents_key",
    VARCHAR,
    "Hash of the (url, sha256) pairs the source serves: accept-drop accepts exactly these.",
    required=True,
)

EXTRACTED_MENTIONS = Table(
    "extracted_mentions",
    "One row per deal mention in the current version of each document, every field as the source wrote it. "
    "A view over the extractions' Parquet files, kept beside the working file (assets/extracted_files.py).",
    (
        RECORD_ID,
        SOURCE_ID,
        SOURCE_KIND,
        DOCUMENT_SHA256,
        URL,
        PUBLISHED_DATE,
        PUBLISHED_PRECISION,
        METHOD,
        LOCATOR,
        SNIPPET,
        *MENTION_TEXT,
        DEAL_STATUS.but(
            comment="announced, or reported when the text says others tell of it or it is still in talks."
        ),
        Column(
            "date_format", VARCHAR, "strptime format for announced_text, from the source options (exports)."
        ),
        Column("default_currency", VARCHAR, "Currency of bare numbers, from the source options (exports)."),
        Column("lead_investors_text", VARCHAR_LIST, "Lead investors as the source wrote them."),
        Column("investors_text", VARCHAR_LIST, "All investors as the source wrote them, leads first."),
        Column(
            "context", VARCHAR, "Text describing the company, used to infer a segment when none is stated."
        ),
        FINGERPRINT,
    ),
    view=True,
)

# The same rows with a key: normalisation writes only what it derives, keyed by where each mention is in
# the files, and the text it used to copy (snippets, locators, cells as written) is read from here.
EXTRACTED_ROWS = Table(
    "extracted_rows",
    "One row per deal mention, as extracted_mentions, with its mention_key. A view over the same Parquet "
    "files: normalized_mentions, rejected_deals and deal_sources read the mentions' text through it.",
    (MENTION_KEY, *EXTRACTED_MENTIONS.columns),
    view=True,
)

DOCUMENT_EXTRACTIONS = Table(
    "document_extractions",
    "One row per current document version: parsed or failed, how many mentions, under which parser "
    "fingerprint, in which run. The ledger that lets unchanged documents skip parsing.",
    (
        SOURCE_ID,
        URL,
        SHA256,
        FINGERPRINT,
        Column("status", VARCHAR, "parsed or error.", required=True),
        MENTIONS,
        ERROR_CLASS,
        ERROR_MESSAGE,
        Column(
            "parsed_run_id",
            VARCHAR,
            "Run that actually parsed it (earlier than the current run when reused).",
            required=True,
        ),
    ),
)

EXTRACTION_ERRORS = Table(
    "extraction_errors",
    "One row per current document version that could not be parsed at all (unreadable export, undecodable "
    "body, parse budget exceeded...). Its last good mentions stand (see source_holds); the document stays stored.",
    (
        SOURCE_ID,
        URL,
        SHA256,
        ERROR_CLASS.but(
            comment="Stable error class: corrupt_blob, missing_blob, parse_budget_exceeded, or the exception class.",
            required=True,
        ),
        ERROR_MESSAGE.but(required=True),
        RUN_ID.but(comment="Dagster run that tried."),
    ),
    public=True,
)

SOURCE_HOLDS = Table(
    "source_holds",
    "One row per document (or whole source) whose new version yields far fewer mentions than its last good "
    "one: the last good mentions are kept, and the source_volume check fails, until the source recovers or a "
    "user runs `python3 tasks.py accept-drop SOURCE_ID`.",
    (
        SOURCE_ID,
        URL.but(
            comment="The held document; NULL when the whole source is held (it names fewer documents than before).",
            required=False,
        ),
        Column(
            "previous_mentions", INTEGER, "Mentions of the last good version (still used).", required=True
        ),
        Column("new_mentions", INTEGER, "Mentions the new version yields.", required=True),
        Column("reason", VARCHAR, "Why the new version was not taken.", required=True),
        DOCUMENTS_KEY,
    ),
    public=True,
)

DROP_ACCEPTANCES = Table(
    "drop_acceptances",
    "One row per drop a user accepted: the source may yield fewer mentions while it serves exactly the "
    "documents named by documents_key. An acceptance is removed once the source serves other documents.",
    (
        SOURCE_ID,
        DOCUMENTS_KEY,
        Column("accepted_at", TIMESTAMP, "When the user accepted the drop (UTC).", required=True),
        Column("previous_mentions", INTEGER, "Mentions the source had before the drop.", required=True),
        Column("new_mentions", INTEGER, "Mentions it yields after the drop.", required=True),
    ),
    history=True,
)
