"""Fetch every document of one source into the raw store, returning new document versions and a log.

A source names one document (article, table export, feed) or, for newsletters on disk, a directory of
issue files. A fetch that returns the bytes already stored (or a 304) adds no document version. A failed
fetch adds a log row and nothing else: the source keeps its last good documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assets.fetching.http_client import FetchOutcome, HttpClient, file_url_path
from assets.fetching.raw_store import RawStore
from assets.sources import Source, SourceKind

NEWSLETTER_SUFFIXES = (".md", ".markdown", ".eml", ".mbox", ".html", ".htm", ".txt")


@dataclass(frozen=True)
class PreviousVersion:
    """The latest stored version of one URL: what conditional GET and change detection compare with."""

    sha256: str
    etag: str | None
    last_modified: str | None


def source_urls(source: Source) -> list[str]:
    """The document URLs of a source: a newsletter directory on disk expands to its issue files."""
    if source.kind is SourceKind.NEWSLETTER and source.is_file:
        path = file_url_path(source.url)
        if path.is_dir():
            return [
                p.resolve().as_uri()
                for p in sorted(path.iterdir())
                if p.is_file() and p.suffix.lower() in NEWSLETTER_SUFFIXES
            ]
    return [source.url]


def _log_row(
    source: Source, outcome: FetchOutcome, run_id: str, at: datetime, status: str, sha256: str | None
) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "source_id": source.id,
        "url": outcome.url,
        "final_url": outcome.final_url,
        "attempted_at": at,
        "status": status,
        "http_status": outcome.http_status,
        "bytes": len(outcome.body) if outcome.body is not None else None,
        "elapsed_s": outcome.elapsed_s,
        "attempts": outcome.attempts,
        "error_class": outcome.error_class,
        "error_message": outcome.error_message,
        "sha256": sha256,
    }


def collect_source(
    source: Source,
    client: HttpClient,
    store: RawStore,
    previous: dict[str, PreviousVersion],
    run_id: str,
    now: datetime,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(new document rows, fetch-log rows) for one source. Never raises for a bad source or document."""
    documents: list[dict[str, Any]] = []
    log: list[dict[str, Any]] = []
    try:
        urls = source_urls(source)
    except OSError as error:
        failed = FetchOutcome(
            url=source.url,
            status="error",
            error_class="listing",
            error_message=f"{type(error).__name__}: {error}",
        )
        return [], [_log_row(source, failed, run_id, now, "error", None)]
    for url in urls:
        before = previous.get(url)
        outcome = client.fetch(
            url,
            etag=before.etag if before else None,
            last_modified=before.last_modified if before else None,
            max_bytes=source.max_bytes,
        )
        if outcome.status != "ok" or outcome.body is None:
            log.append(_log_row(source, outcome, run_id, now, outcome.status, None))
            continue
        sha256 = store.put(outcome.body)
        if before is not None and before.sha256 == sha256:
            log.append(_log_row(source, outcome, run_id, now, "unchanged", sha256))
            continue
        log.append(_log_row(source, outcome, run_id, now, "ok", sha256))
        documents.append(
            {
                "source_id": source.id,
                "url": url,
                "final_url": outcome.final_url,
                "sha256": sha256,
                "fetched_at": now,
                "status": "new" if before is None else "changed",
                "http_status": outcome.http_status,
                "content_type": outcome.content_type,
                "bytes": len(outcome.body),
                "etag": outcome.etag,
                "last_modified": outcome.last_modified,
                "run_id": run_id,
            }
        )
    return documents, log
