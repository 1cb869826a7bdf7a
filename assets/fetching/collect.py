"""Fetch every document of one source into the raw store, returning new document versions and a log.

A source names one document (article, table export), a directory of newsletter issues on disk, or a feed
whose entries are fetched as articles. A fetch that returns the bytes already stored (or a 304) adds no
document version. A failed fetch adds a log row and nothing else: the source keeps its last good documents.

- Time: all of a source's fetches share one budget (`source_budget_s`); once it is spent, the URLs left are
  logged as `source_budget_exhausted` without a request.
- Stored bodies: before a conditional GET the previous version's blob is verified. A 304 cannot restore lost
  bytes, so a corrupt or missing blob is fetched again without validators and stored again; the log row
  names `corrupt_blob` / `missing_blob`, with status `error` when the body could not be restored.
- Trust: a feed's entry links and every redirect are learned from remote content; only hops on the origin of
  the source's own URL may reach non-public addresses (see addresses.py).
- Files: a newsletter directory is checked against the allowed file roots before it is listed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from assets.fetching.addresses import origin_of
from assets.fetching.exchange import SOURCE_BUDGET, Limit
from assets.fetching.feeds import FeedEntry, NotAFeed, UnsafeFeed, entries_to_fetch, parse_feed, screen_xml
from assets.fetching.http_client import (
    FetchError,
    FetchOutcome,
    HttpClient,
    check_file_root,
    file_url_path,
)
from assets.fetching.issue_files import NEWSLETTER_SUFFIXES, is_maildir, is_maildir_message, issue_entries
from assets.fetching.raw_store import BlobError, RawStore
from assets.source_kinds import KINDS, Listing
from assets.sources import Source

DEFAULT_MAX_FEED_ENTRIES = 20
NOT_AN_ISSUE = "not_an_issue"


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


def source_urls(source: Source, file_roots: tuple[Path, ...]) -> tuple[list[str], list[str]]:
    """The document URLs of a source, and why each entry of its folder that is not read is not.

    A newsletter directory on disk expands to its issue files, once it is known to be under `file_roots`
    (`FetchError` otherwise: nothing outside them is listed). Any other entry it holds (a PDF, a
    subfolder, a broken link) is named with why, so that nobody wonders why an issue they saved gave no
    deal; hidden ones that are no issue ('.DS_Store', a mail client's partial write) are passed over."""
    if KINDS[source.kind].listing is Listing.ISSUE_FILES and source.is_file:
        path = check_file_root(file_url_path(source.url), file_roots)
        if path.is_dir():
            urls, unread = [], []
            for entry in issue_entries(path):
                why = not_an_issue(entry)
                if why is None:
                    urls.append(entry.resolve().as_uri())
                elif not entry.name.startswith("."):
                    unread.append(why)
            return urls, unread
    return [source.url], []


def not_an_issue(path: Path) -> str | None:
    """Why the entry `path` of a newsletter folder is not read as an issue, or None when it is."""
    # (a name the file system holds in another encoding than UTF-8 is shown with a replacement mark: the
    # message is stored as UTF-8)
    name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if path.is_file() and is_maildir_message(path) and is_maildir(path.parent.parent):
        return None  # one e-mail, read as an .eml is
    if path.is_dir():
        if path.suffix.lower() == ".mbox":
            return f"{name}: an Apple Mail export (a folder); point the source at the mbox file inside it"
        return f"{name}: a folder; issues are read from the newsletter folder itself, not its subfolders"
    if not path.is_file():
        return f"{name}: not a readable file (a broken link or a special file)"
    if path.suffix.lower() not in NEWSLETTER_SUFFIXES:
        return (
            f"{name}: not a newsletter issue ({path.suffix or 'no suffix'}); save issues as "
            f"{', '.join(NEWSLETTER_SUFFIXES)}"
        )
    return None


def unread_entries(unread: list[str], shown: int = 10) -> str:
    """One message for the entries of a newsletter folder that are not read: the first `shown`, then how
    many more (a folder of a thousand PDFs is one line of the fetch log, not a thousand)."""
    more = f"; and {len(unread) - shown} more" if len(unread) > shown else ""
    return f"{len(unread)} not read in the folder: {'; '.join(unread[:shown])}{more}"


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
        self.origin = origin_of(source.url)
        seconds = client.policy.source_budget_s
        self.budget = Limit(time.monotonic() + seconds, SOURCE_BUDGET, seconds)
        self.budget_spent = False

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
        body_needed: bool = False,
    ) -> bytes | None:
        """Fetch one URL; store and record a new version if its bytes changed. Returns the current body
        (new or stored), or None when the fetch failed. On a 304 the stored body is read only when
        `body_needed` (a feed, whose entries the caller reads); other callers get b'': what they fetch is
        parsed later from the store, and `_damaged` verified the stored bytes just before the request (a
        100 MB export read and hashed again cost 0.3 s of every unchanged refresh)."""
        if self.budget_spent or time.monotonic() >= self.budget.ends_at:
            self.budget_spent = True
            message = f"not fetched: the source's {self.budget.seconds:g} s budget is spent"
            self.error(url, SOURCE_BUDGET, message)
            return None
        before = self.previous.get(url)
        damaged = self._damaged(before)
        conditional = before is not None and damaged is None
        outcome = self.client.fetch(
            url,
            etag=before.etag if conditional else None,
            last_modified=before.last_modified if conditional else None,
            max_bytes=self.source.max_bytes,
            trusted_origin=self.origin,
            budget=self.budget,
        )
        self.budget_spent = self.budget_spent or outcome.error_class == SOURCE_BUDGET
        if outcome.status == "not_modified" and before is not None:
            try:
                body = self.store.get(before.sha256) if body_needed else b""
            except BlobError as error:  # damaged since it was checked: the next run fetches it whole
                self.log(_blames(outcome, error, "the server answered 304: not restored this run"), "error")
                return None
            self.log(outcome, "not_modified", before.sha256)
            return body
        if outcome.status != "ok" or outcome.body is None:
            if damaged is not None:
                _blames(outcome, damaged, f"fetching it again failed ({outcome.error_message})")
            self.log(outcome, "error")
            return None
        if screen is not None:
            try:
                screen(outcome.body)
            except UnsafeFeed as refusal:
                outcome.error_class, outcome.error_message = "unsafe_xml", str(refusal)
                self.log(outcome, "error")
                return None
        return self._kept(outcome, before, damaged, parent_url, published_hint)

    def _kept(
        self,
        outcome: FetchOutcome,
        before: PreviousVersion | None,
        damaged: BlobError | None,
        parent_url: str | None,
        published_hint: date | None,
    ) -> bytes:
        """Store a body just read and record it: a new version when its bytes changed, else 'unchanged'."""
        assert outcome.body is not None
        url = outcome.url
        sha256 = hashlib.sha256(outcome.body).hexdigest()
        same = before is not None and before.sha256 == sha256
        # The stored blob of these very bytes was verified before the request (`_damaged`): storing them
        # again would only read and hash it once more (a 100 MB export, 0.2 to 0.6 s of every refresh).
        if not (same and damaged is None):
            self.store.put(outcome.body, sha256)
        if damaged is not None:
            _blames(outcome, damaged, "restored from a new download" if same else "replaced by a new version")
        if same:
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

    def _damaged(self, before: PreviousVersion | None) -> BlobError | None:
        """Why the previous version's stored body cannot be trusted, if it cannot."""
        if before is None:
            return None
        try:
            self.store.verified_path(before.sha256)
        except BlobError as error:
            return error
        return None

    def collect_feed(self) -> None:
        body = self.fetch(self.source.url, screen=screen_xml, body_needed=True)
        if body is None:
            return
        limit = int(self.source.options.get("max_entries", DEFAULT_MAX_FEED_ENTRIES))
        try:
            entries = entries_to_fetch(parse_feed(body, self.source.url), self.previous, limit)
        except UnsafeFeed as refusal:  # a version stored before screening existed
            self.error(self.source.url, "unsafe_xml", str(refusal))
            return
        except NotAFeed as refusal:
            self.error(self.source.url, "not_a_feed", str(refusal))
            return
        # Entry links come from the feed's author: a remote feed may only point at http(s) pages.
        allowed = ("http", "https", "file") if self.source.is_file else ("http", "https")
        for entry in entries:
            if entry.inline is not None:
                self.keep_inline(entry)
                continue
            if urlsplit(entry.link).scheme.lower() not in allowed:
                self.error(entry.link, "entry_scheme", f"feed entry link with a refused scheme: {entry.link}")
                continue
            self.fetch(entry.link, parent_url=self.source.url, published_hint=entry.published)

    def keep_inline(self, entry: FeedEntry) -> None:
        """Store and record a feed entry that carries its text and links to no page, as a document of its
        own under the address `parse_feed` gave it (the feed's URL and the entry's id)."""
        before = self.previous.get(entry.link)
        outcome = FetchOutcome(
            url=entry.link, status="ok", body=entry.inline, content_type="text/html; charset=utf-8"
        )
        self._kept(outcome, before, self._damaged(before), self.source.url, entry.published)

    def collect_listed(self) -> None:
        """Fetch every URL the source names now (its own, or the issue files of its folder)."""
        try:
            urls, unread = source_urls(self.source, self.client.policy.file_roots)
        except FetchError as refusal:
            self.error(self.source.url, refusal.error_class, str(refusal))
            return
        except OSError as error:
            self.error(self.source.url, "listing", f"{type(error).__name__}: {error}")
            return
        if unread:
            self.error(self.source.url, NOT_AN_ISSUE, unread_entries(unread))
        self.result.listing = urls
        for url in urls:
            self.fetch(url)

    def collect(self) -> Collection:
        _COLLECTORS[KINDS[self.source.kind].listing](self)
        return self.result


# How each way of listing documents is collected (assets/source_kinds.py says which way each kind lists).
_COLLECTORS: dict[Listing, Callable[[_Collector], None]] = {
    Listing.ITS_URL: _Collector.collect_listed,
    Listing.ISSUE_FILES: _Collector.collect_listed,
    Listing.FEED_ENTRIES: _Collector.collect_feed,
}


def _blames(outcome: FetchOutcome, damage: BlobError, what_then: str) -> FetchOutcome:
    """Name the damaged blob in the outcome's log row: its error class, and what became of it."""
    outcome.error_class, outcome.error_message = damage.error_class, f"{damage}; {what_then}"
    return outcome


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
