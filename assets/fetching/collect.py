"""Fetch every document of one source into the raw store, returning new document versions and a log.

A source names one document (article, table export), a directory of newsletter issues on disk, or a feed
whose entries are fetched as articles. A fetch that returns the bytes already stored (or a 304) adds no
document version. A failed fetch adds a log row and nothing else: the source keeps its last good documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from assets.fetching.feeds import UnsafeFeed, parse_feed, screen_xml
from assets.fetching.http_client import FetchOutcome, HttpClient, file_url_path
from assets.fetching.raw_store import RawStore
from assets.sources import Source, SourceKind

NEWSLETTER_SUFFIXES = (".md", ".markdown", ".eml", ".mbox", ".html", ".htm", ".txt")
DEFAULT_MAX_FEED_ENTRIES = 20


@dataclass(frozen=True)
class PreviousVersion:
    """The latest stored version of one URL: what conditional GET and change detection compare with."""

    sha256: str
    etag: str | None
    last_modified: str | None


@dataclass
class Collection:
    """What one source's fetch produced: new document rows, one log row per attempt, and the URLs the
    source names now (None when its listing could not be read, or for a feed, whose pages accumulate)."""

    documents: list[dict[str, Any]]
    log: list[dict[str, Any]]
    listing: list[str] | None = None


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


class _Collector:
    def __init__(
        self,
        source: Source,
        client: HttpClient,
        store: RawStore,
        previous: dict[str, PreviousVersion],
        run_id: str,
        now: datetime,
    ):
        self.source, self.client, self.store = source, client, store
        self.previous, self.run_id, self.now = previous, run_id, now
        self.result = Collection([], [])

    def log(self, outcome: FetchOutcome, status: str, sha256: str | None = None) -> None:
        self.result.log.append(
            {
                "run_id": self.run_id,
                "source_id": self.source.id,
                "url": outcome.url,
                "final_url": outcome.final_url,
                "attempted_at": self.now,
                "status": status,
                "http_status": outcome.http_status,
                "bytes": len(outcome.body) if outcome.body is not None else None,
                "elapsed_s": outcome.elapsed_s,
                "attempts": outcome.attempts,
                "error_class": outcome.error_class,
                "error_message": outcome.error_message,
                "sha256": sha256,
                "etag": outcome.etag,
                "last_modified": outcome.last_modified,
            }
        )

    def error(self, url: str, error_class: str, message: str) -> None:
        self.log(
            FetchOutcome(url=url, status="error", error_class=error_class, error_message=message), "error"
        )

    def fetch(
        self,
        url: str,
        parent_url: str | None = None,
        published_hint: date | None = None,
        screen: Callable[[bytes], None] | None = None,
    ) -> bytes | None:
        """Fetch one URL; store and record a new version if its bytes changed. Returns the current body
        (new or stored), or None when the fetch failed and nothing was stored before."""
        before = self.previous.get(url)
        outcome = self.client.fetch(
            url,
            etag=before.etag if before else None,
            last_modified=before.last_modified if before else None,
            max_bytes=self.source.max_bytes,
        )
        if outcome.status == "not_modified" and before is not None:
            self.log(outcome, "not_modified", before.sha256)
            return self.store.get(before.sha256)
        if outcome.status != "ok" or outcome.body is None:
            self.log(outcome, "error")
            return None
        if screen is not None:
            try:
                screen(outcome.body)
            except UnsafeFeed as refusal:
                outcome.error_class, outcome.error_message = "unsafe_xml", str(refusal)
                self.log(outcome, "error")
                return None
        sha256 = self.store.put(outcome.body)
        if before is not None and before.sha256 == sha256:
            self.log(outcome, "unchanged", sha256)
            return outcome.body
        self.log(outcome, "ok", sha256)
        self.result.documents.append(
            {
                "source_id": self.source.id,
                "url": url,
                "final_url": outcome.final_url,
                "sha256": sha256,
                "fetched_at": self.now,
                "status": "new" if before is None else "changed",
                "http_status": outcome.http_status,
                "content_type": outcome.content_type,
                "bytes": len(outcome.body),
                "etag": outcome.etag,
                "last_modified": outcome.last_modified,
                "run_id": self.run_id,
                "parent_url": parent_url,
                "published_hint": published_hint,
            }
        )
        return outcome.body

    def collect_feed(self) -> None:
        body = self.fetch(self.source.url, screen=screen_xml)
        if body is None:
            return
        limit = int(self.source.options.get("max_entries", DEFAULT_MAX_FEED_ENTRIES))
        try:
            entries = parse_feed(body, self.source.url, limit)
        except UnsafeFeed as refusal:  # a version stored before screening existed
            self.error(self.source.url, "unsafe_xml", str(refusal))
            return
        # Entry links come from the feed's author: a remote feed may only point at http(s) pages.
        allowed = ("http", "https", "file") if self.source.is_file else ("http", "https")
        for entry in entries:
            if urlsplit(entry.link).scheme.lower() not in allowed:
                self.error(entry.link, "entry_scheme", f"feed entry link with a refused scheme: {entry.link}")
                continue
            self.fetch(entry.link, parent_url=self.source.url, published_hint=entry.published)

    def collect(self) -> Collection:
        if self.source.kind is SourceKind.FEED:
            self.collect_feed()
            return self.result
        try:
            urls = source_urls(self.source)
        except OSError as error:
            self.error(self.source.url, "listing", f"{type(error).__name__}: {error}")
            return self.result
        self.result.listing = urls
        for url in urls:
            self.fetch(url)
        return self.result


def collect_source(
    source: Source,
    client: HttpClient,
    store: RawStore,
    previous: dict[str, PreviousVersion],
    run_id: str,
    now: datetime,
) -> Collection:
    """New document versions and fetch-log rows for one source. Never raises for a bad source or document."""
    return _Collector(source, client, store, previous, run_id, now).collect()
