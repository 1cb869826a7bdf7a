"""Tables of the fetch stage: what was fetched (history kept across runs)."""

from __future__ import annotations

from schemas.tables.columns import (
    BIGINT,
    DATE,
    DOUBLE,
    ERROR_CLASS,
    ERROR_MESSAGE,
    INTEGER,
    RUN_ID,
    SHA256,
    SOURCE_ID,
    TIMESTAMP,
    URL,
    VARCHAR,
    VARCHAR_LIST,
)  # fmt: skip
from schemas.tables.model import Column, Table

FINAL_URL = Column("final_url", VARCHAR, "The URL the body came from, after redirects.")
HTTP_STATUS = Column(
    "http_status", INTEGER, "HTTP status of the fetch; NULL for file:// documents and failures."
)
ETAG = Column("etag", VARCHAR, "ETag validator the server sent, sent back as If-None-Match next time.")
LAST_MODIFIED = Column(
    "last_modified",
    VARCHAR,
    "Last-Modified validator the server sent, sent back as If-Modified-Since next time.",
)

DOCUMENTS = Table(
    "documents",
    "One row per fetched document version: a URL whose bytes differ from its previous version. Append-only; "
    "bodies are in the raw store under sha256, and the newest row per (source_id, url) is the version parsed.",
    (
        SOURCE_ID,
        URL,
        FINAL_URL,
        SHA256,
        Column("fetched_at", TIMESTAMP, "When this version was fetched (UTC).", required=True),
        Column(
            "status",
            VARCHAR,
            "new (first version of this URL) or changed (bytes differ from the previous version).",
            required=True,
        ),
        HTTP_STATUS,
        Column("content_type", VARCHAR, "Content-Type the server declared."),
        Column("bytes", BIGINT, "Body size in bytes.", required=True),
        ETAG,
        LAST_MODIFIED,
        RUN_ID.but(comment="Dagster run that fetched this version."),
        Column("parent_url", VARCHAR, "For feed entries: the feed that listed this page."),
        Column(
            "published_hint",
            DATE,
            "For feed entries: the entry date, used when the page states no publication date.",
        ),
    ),
    history=True,
    public=True,
)

FETCH_LOG = Table(
    "fetch_log",
    "One row per fetch of one URL in one run: ok, unchanged, not_modified or error, with the reason. Append-only.",
    (
        RUN_ID,
        SOURCE_ID,
        URL.but(comment="URL requested."),
        FINAL_URL,
        Column("attempted_at", TIMESTAMP, "When the run fetched (UTC).", required=True),
        Column(
            "status",
            VARCHAR,
            "ok (new version stored), unchanged (same bytes), not_modified (HTTP 304, or a file:// file whose "
            "ETag is the one stored: not read again) or error.",
            required=True,
        ),
        HTTP_STATUS,
        Column("bytes", BIGINT, "Body bytes received."),
        Column("elapsed_s", DOUBLE, "Wall time of the fetch in seconds, retries included."),
        Column("attempts", INTEGER, "HTTP attempts made (1 = no retry)."),
        ERROR_CLASS.but(
            comment="Stable error slug: http_404, read_timeout, deadline, too_large, truncated_body, private_address, "
            "source_budget_exhausted, corrupt_blob..."
        ),
        ERROR_MESSAGE,
        SHA256.but(comment="SHA-256 of the body received, when one was.", required=False),
        ETAG,
        LAST_MODIFIED,
    ),
    history=True,
    public=True,
)

SOURCE_LISTINGS = Table(
    "source_listings",
    "One row per source per run whose listing was read: the document URLs it names now. The newest row per source "
    "decides which documents are current (feeds are cumulative and have none). Append-only.",
    (
        SOURCE_ID,
        RUN_ID.but(comment="Dagster run that read the listing."),
        Column("listed_at", TIMESTAMP, "When the listing was read (UTC).", required=True),
        Column(
            "urls",
            VARCHAR_LIST,
            "The document URLs the source named (a newsletter folder's files, or the registry URL).",
            required=True,
        ),
    ),
    history=True,
)
