"""Fetch hardening: verified raw blobs, a deadline on the whole exchange, cut-off responses, per-source
budgets, remote links to private addresses and newsletter folders outside the file roots."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import dagster as dg
import pandas as pd
import pytest
from pytest_httpserver import HTTPServer

from assets.fetching.collect import Collection, PreviousVersion, collect_source
from assets.fetching.http_client import HttpClient
from assets.fetching.raw_store import CorruptBlob, MissingBlob, RawStore
from assets.parsing.dispatch import extract_documents
from assets.sources import Source, parse_registry
from tests.integration.http_fixtures import (
    Site,
    article_page,
    fetch,
    quick_fetcher,
    quick_policy,
    registry_toml,
    rows,
    rss_feed,
    served_db,
    working_db,
)
from tests.integration.pipeline import check_results, run_refresh

ORRIN = article_page(
    ["Orrin Labs raised a $40M Series B led by Northwind Ventures."], title="Orrin", published="2026-03-09"
)
LUMENVALE = article_page(
    ["Lumenvale raised $8M in seed funding led by Kestrel Partners."],
    title="Lumenvale",
    published="2026-03-08",
)
WHEN = datetime(2026, 3, 3)


# ---- helpers --------------------------------------------------------------------------------------------


def one_source(tmp_path: Path, **entry: Any) -> Source:
    (source,) = parse_registry(registry_toml([{"id": "wire", "kind": "article", **entry}]), tmp_path)
    return source


def collect(
    source: Source, store: RawStore, previous: dict[str, PreviousVersion] | None = None, **policy: Any
) -> Collection:
    client = HttpClient(quick_policy(**policy))
    try:
        return collect_source(source, client, store, previous or {}, "run", WHEN)
    finally:
        client.close()


def previous_of(collection: Collection) -> dict[str, PreviousVersion]:
    return {
        d["url"]: PreviousVersion(d["sha256"], d["etag"], d["last_modified"]) for d in collection.documents
    }


def log_rows(collection: Collection, *columns: str) -> list[tuple[Any, ...]]:
    return [tuple(row[c] for c in columns) for row in collection.log]


def stored_files(store: RawStore) -> list[Path]:
    return sorted(p for p in store.root.rglob("*") if p.is_file()) if store.root.exists() else []


class RawServer:
    """A TCP server on 127.0.0.1 that answers every connection with `script(conn, stop)`: for responses no
    HTTP library would send (headers trickled or cut, bodies shorter than declared)."""

    def __init__(self, script: Callable[[socket.socket, threading.Event], None]):
        self.script, self.stop = script, threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.connections = 0
        self.threads: list[threading.Thread] = []
        self.accepting = threading.Thread(target=self._accept, daemon=True)
        self.accepting.start()

    def url(self, path: str = "/page.html", scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, suppress(OSError):  # OSError: the client hung up, as it should
            self.script(conn, self.stop)

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        for thread in self.threads:
            thread.join(5)


@contextmanager
def raw_server(script: Callable[[socket.socket, threading.Event], None]) -> Iterator[RawServer]:
    server = RawServer(script)
    try:
        yield server
    finally:
        server.close()


def read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


def trickle_headers(conn: socket.socket, stop: threading.Event) -> None:
    """Each header line arrives well within any read timeout; the header block never ends."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    line = 0
    while not stop.wait(0.1):
        conn.sendall(f"X-Padding-{line}: still coming\r\n".encode())
        line += 1


def cut_mid_headers(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nETag: "cut"\r\n')


def short_of_content_length(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    body = ORRIN.encode()
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body[: len(body) // 2]
    )


def chunked_without_last_chunk(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    half = ORRIN.encode()[:200]
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        + f"{len(half):x}\r\n".encode()
        + half
        + b"\r\n"
    )


def body_until_close_trickled(conn: socket.socket, stop: threading.Event) -> None:
    """A body framed by the end of the connection (no length, no chunks), one byte every 0.1 s."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
    while not stop.wait(0.1):
        conn.sendall(b"x")


def silent(conn: socket.socket, stop: threading.Event) -> None:
    stop.wait(10)


# ---- 9. the deadline bounds the whole exchange; a cut-off response is an error --------------------------


def test_trickled_header_lines_are_cut_at_the_deadline(tmp_path):
    store = RawStore(tmp_path / "raw")
    with raw_server(trickle_headers) as server:
        source = one_source(tmp_path, url=server.url())
        started = time.monotonic()
        collected = collect(source, store, deadline_s=1.0, read_timeout_s=5.0, retries=2)
        elapsed = time.monotonic() - started
    assert log_rows(collected, "url", "status", "error_class", "http_status", "bytes", "sha256") == [
        (server.url(), "error", "deadline", None, None, None)
    ]
    assert "past the 1 s deadline" in collected.log[0]["error_message"]
    assert collected.documents == []
    assert stored_files(store) == []
    assert (collected.log[0]["attempts"], server.connections) == (1, 1)  # cut, and no retry after it
    assert elapsed < 2.5  # before this fix: as long as the server kept sending lines


def test_a_body_framed_by_close_and_cut_by_the_deadline_is_not_a_document(tmp_path):
    store = RawStore(tmp_path / "raw")
    with raw_server(body_until_close_trickled) as server:
        collected = collect(one_source(tmp_path, url=server.url()), store, deadline_s=1.0, read_timeout_s=5.0)
    assert log_rows(collected, "status", "error_class", "http_status", "bytes") == [
        ("error", "deadline", 200, None)
    ]
    assert collected.documents == []
    assert stored_files(store) == []


def test_the_deadline_bounds_a_tls_handshake_that_never_finishes():
    with raw_server(silent) as server:
        started = time.monotonic()
        outcome = fetch(server.url(scheme="https"), deadline_s=1.0, connect_timeout_s=5.0, read_timeout_s=5.0)
        elapsed = time.monotonic() - started
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "deadline", None)
    assert elapsed < 2.5


@pytest.mark.parametrize(
    ("script", "error_class", "http_status", "connections"),
    [
        (cut_mid_headers, "truncated_headers", None, 3),  # retried like any broken response
        (short_of_content_length, "truncated_body", 200, 1),
        (chunked_without_last_chunk, "truncated_body", 200, 1),
    ],
)
def test_a_cut_off_response_is_an_error_and_the_last_good_version_stays(
    tmp_path, script, error_class, http_status, connections
):
    """A page stored by an earlier run now answers with a cut-off response: nothing new is stored."""
    store = RawStore(tmp_path / "raw")
    first_body = ORRIN.encode()
    with raw_server(script) as server:
        previous = {server.url(): PreviousVersion(store.put(first_body), '"v1"', None)}
        collected = collect(one_source(tmp_path, url=server.url()), store, previous, retries=2)
    assert log_rows(collected, "status", "error_class", "http_status", "bytes", "sha256") == [
        ("error", error_class, http_status, None, None)
    ]
    assert collected.documents == []
    assert [p.name for p in stored_files(store)] == [hashlib.sha256(first_body).hexdigest()]
    assert server.connections == connections


def test_a_retry_wait_past_the_deadline_is_not_taken(httpserver):
    httpserver.expect_request("/busy").respond_with_data("", status=429, headers={"Retry-After": "30"})
    started = time.monotonic()
    outcome = fetch(httpserver.url_for("/busy"), deadline_s=5.0, retries=3, retry_after_max_s=60)
    assert (outcome.status, outcome.error_class, outcome.http_status, outcome.attempts) == (
        "error",
        "deadline",
        429,
        1,
    )
    assert "retry wait after HTTP 429 of 30 s not taken" in outcome.error_message
    assert time.monotonic() - started < 2.5  # refused at once, not slept up to the deadline
    assert len(httpserver.log) == 1


# ---- 8. raw blobs are verified when read ----------------------------------------------------------------


def test_put_rewrites_a_file_whose_bytes_do_not_match_its_name(tmp_path):
    store = RawStore(tmp_path)
    body = ORRIN.encode()
    digest = hashlib.sha256(body).hexdigest()
    store.path(digest).parent.mkdir(parents=True)
    store.path(digest).write_bytes(body[:100])  # a truncated copy, as a crash mid-copy leaves it
    with pytest.raises(CorruptBlob) as corrupt:
        store.get(digest)
    assert (corrupt.value.sha256, corrupt.value.path) == (digest, store.path(digest))
    assert f"raw blob {digest} is corrupt: {store.path(digest)}" in str(corrupt.value)

    assert store.put(body) == digest
    assert store.get(digest) == body
    assert store.verified_path(digest).read_bytes() == body


def test_a_missing_blob_names_its_digest_and_path(tmp_path):
    store = RawStore(tmp_path)
    digest = hashlib.sha256(b"never stored").hexdigest()
    with pytest.raises(MissingBlob, match=f"raw blob {digest} is missing: no file {store.path(digest)}"):
        store.verified_path(digest)


@pytest.fixture
def published(httpserver: HTTPServer, tmp_path: Path) -> tuple[Site, Source, RawStore, Collection]:
    """A page with an ETag, collected once into a fresh store."""
    site = Site(httpserver)
    url = site.publish("/orrin.html", ORRIN, "text/html; charset=utf-8")
    source, store = one_source(tmp_path, url=url), RawStore(tmp_path / "raw")
    return site, source, store, collect(source, store)


@pytest.mark.parametrize("damage", ["truncate", "delete"])
def test_a_damaged_blob_is_fetched_again_without_validators_and_restored(published, damage):
    site, source, store, first = published
    (document,) = first.documents
    blob = store.path(document["sha256"])
    if damage == "truncate":
        blob.write_bytes(blob.read_bytes()[:50])
    else:
        blob.unlink()

    second = collect(source, store, previous_of(first))

    # No If-None-Match: a 304 would have confirmed bytes that are no longer on disk.
    assert [r.headers.get("If-None-Match") for r in site.seen("/orrin.html")] == [None, None]
    error_class = "corrupt_blob" if damage == "truncate" else "missing_blob"
    assert log_rows(second, "status", "error_class", "http_status", "sha256") == [
        ("unchanged", error_class, 200, document["sha256"])
    ]
    message = second.log[0]["error_message"]
    assert document["sha256"] in message
    assert str(blob) in message
    assert "restored from a new download" in message
    assert second.documents == []  # the same version, restored in place
    assert store.get(document["sha256"]) == ORRIN.encode()


def test_a_damaged_blob_that_cannot_be_fetched_again_is_an_error_row(published):
    site, source, store, first = published
    (document,) = first.documents
    store.path(document["sha256"]).write_bytes(b"<html>")
    site.fail("/orrin.html", 500)

    second = collect(source, store, previous_of(first), retries=0)

    assert log_rows(second, "status", "error_class", "http_status", "sha256") == [
        ("error", "corrupt_blob", 500, None)
    ]
    message = second.log[0]["error_message"]
    assert document["sha256"] in message
    assert "fetching it again failed (HTTP 500" in message
    assert second.documents == []


def test_parsing_a_corrupt_blob_fails_that_document_in_the_ledger_and_no_other(tmp_path):
    store = RawStore(tmp_path / "raw")
    registry = registry_toml(
        [
            {"id": "orrin", "kind": "article", "url": "https://news.example/orrin.html"},
            {"id": "lumenvale", "kind": "article", "url": "https://news.example/lumenvale.html"},
        ]
    )
    sources = {s.id: s for s in parse_registry(registry, tmp_path)}
    orrin, lumenvale = store.put(ORRIN.encode()), store.put(LUMENVALE.encode())
    store.path(orrin).write_bytes(ORRIN.encode()[:120])
    current = pd.DataFrame(
        [
            {"source_id": "orrin", "url": sources["orrin"].url, "sha256": orrin, "content_type": "text/html"},
            {
                "source_id": "lumenvale",
                "url": sources["lumenvale"].url,
                "sha256": lumenvale,
                "content_type": "text/html",
            },
        ]
    )
    extraction = extract_documents(current, sources, store, pd.DataFrame(), pd.DataFrame(), "run")
    ledger = extraction.ledger.set_index("source_id")
    assert (ledger.loc["orrin", "status"], ledger.loc["orrin", "error_class"]) == ("error", "corrupt_blob")
    assert orrin in ledger.loc["orrin", "error_message"]
    assert str(store.path(orrin)) in ledger.loc["orrin", "error_message"]
    assert (ledger.loc["lumenvale", "status"], ledger.loc["lumenvale", "mentions"]) == ("parsed", 1)
    assert extraction.mentions["company_text"].tolist() == ["Lumenvale"]


# ---- 12. a time budget per source -----------------------------------------------------------------------

ENTRY_DATES = [datetime(2026, 3, day, 9, 0, tzinfo=UTC) for day in (9, 8, 7)]


def publish_wire(site: Site, first_entry_status: int | None = None) -> str:
    """A feed of three entries on the site's own origin, newest first; returns the feed URL."""
    for name, page in (("orrin", ORRIN), ("lumenvale", LUMENVALE), ("brennholt", ORRIN)):
        site.publish(f"/wire/{name}.html", page, "text/html; charset=utf-8")
    entries = [
        (name, site.url(f"/wire/{name}.html"), when)
        for name, when in zip(("orrin", "lumenvale", "brennholt"), ENTRY_DATES, strict=True)
    ]
    return site.publish("/wire.rss", rss_feed("Wire", site.url("/"), entries), "application/rss+xml")


def test_a_huge_retry_after_with_a_tiny_budget_stops_the_source_at_once(httpserver, tmp_path):
    site = Site(httpserver)
    feed = publish_wire(site)
    httpserver.clear_all_handlers()
    httpserver.expect_request("/wire/orrin.html").respond_with_data(
        "later", status=429, headers={"Retry-After": "999999"}
    )
    Site(httpserver).resources.update(site.resources)  # everything else as published
    source = parse_registry(registry_toml([{"id": "wire", "kind": "feed", "url": feed}]), tmp_path)[0]
    store = RawStore(tmp_path / "raw")

    started = time.monotonic()
    collected = collect(source, store, source_budget_s=5.0, retries=3, retry_after_max_s=60)
    elapsed = time.monotonic() - started

    assert log_rows(collected, "url", "status", "error_class", "http_status", "attempts") == [
        (feed, "ok", None, 200, 1),
        (site.url("/wire/orrin.html"), "error", "source_budget_exhausted", 429, 1),
        (site.url("/wire/lumenvale.html"), "error", "source_budget_exhausted", None, 1),
        (site.url("/wire/brennholt.html"), "error", "source_budget_exhausted", None, 1),
    ]
    assert "retry wait after HTTP 429 of 60 s not taken" in collected.log[1]["error_message"]
    assert "budget is spent" in collected.log[2]["error_message"]
    assert [request.path for request, _ in httpserver.log] == ["/wire.rss", "/wire/orrin.html"]
    assert [d["url"] for d in collected.documents] == [feed]
    assert elapsed < 2.5  # the capped 60 s wait was refused at once, not slept up to the budget


def test_the_budget_cuts_a_fetch_in_progress(httpserver, tmp_path):
    site = Site(httpserver)
    feed = publish_wire(site)
    stalled = site.resources.pop("/wire/orrin.html")
    released = threading.Event()
    httpserver.clear_all_handlers()
    httpserver.expect_request("/wire/orrin.html").respond_with_handler(
        lambda request: released.wait(10) and stalled.body
    )
    Site(httpserver).resources.update(site.resources)
    source = parse_registry(registry_toml([{"id": "wire", "kind": "feed", "url": feed}]), tmp_path)[0]

    try:
        collected = collect(source, RawStore(tmp_path / "raw"), source_budget_s=2.0, deadline_s=10.0)
    finally:
        released.set()

    assert log_rows(collected, "status", "error_class", "http_status")[1:] == [
        ("error", "source_budget_exhausted", None),
        ("error", "source_budget_exhausted", None),
        ("error", "source_budget_exhausted", None),
    ]
    assert "past the 2 s source budget" in collected.log[1]["error_message"]
    assert "budget is spent" in collected.log[2]["error_message"]
    assert [d["url"] for d in collected.documents] == [feed]


def test_a_source_out_of_budget_keeps_its_last_good_documents(httpserver, tmp_path):
    site = Site(httpserver)
    url = site.publish("/orrin.html", ORRIN, "text/html; charset=utf-8")
    registry = tmp_path / "sources.toml"
    registry.write_text(
        registry_toml([{"id": "orrin-news", "kind": "article", "url": url}]), encoding="utf-8"
    )
    data_dir = tmp_path / "data"
    assert run_refresh(data_dir, registry, fetcher=quick_fetcher()).success

    httpserver.clear_all_handlers()
    httpserver.expect_request("/orrin.html").respond_with_data(
        "busy", status=503, headers={"Retry-After": "999999"}
    )
    second = run_refresh(data_dir, registry, fetcher=quick_fetcher(source_budget_s=1.0, retries=3))

    with working_db(data_dir) as work:
        log = rows(
            work, "select status, error_class, http_status from fetch_log where run_id = ?", second.run_id
        )
        documents = rows(work, "select url, run_id from documents")
    assert log == [{"status": "error", "error_class": "source_budget_exhausted", "http_status": 503}]
    assert [d["url"] for d in documents] == [url]
    with served_db(data_dir) as served:
        assert served.execute("select company, amount_usd from deals").fetchall() == [
            ("Orrin Labs", 40_000_000)
        ]
    check = check_results(second)[("documents", "sources_fetched")]
    assert (check.passed, check.metadata["failing_sources"].value) == (False, "orrin-news")
    assert check.severity == dg.AssetCheckSeverity.WARN


# ---- 13. links learned from remote content may not reach private addresses -----------------------------


@pytest.fixture
def other_port() -> Iterator[HTTPServer]:
    """A second server on 127.0.0.1 that must never be asked anything."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request("/admin").respond_with_data("internal admin console")
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def test_a_feed_entry_to_127_0_0_1_on_another_port_is_refused(httpserver_ipv4, other_port, tmp_path):
    site = Site(httpserver_ipv4)
    own = site.publish("/wire/orrin.html", ORRIN, "text/html; charset=utf-8")
    foreign = f"http://127.0.0.1:{other_port.port}/admin"
    feed = site.publish(
        "/wire.rss",
        rss_feed("Wire", site.url("/"), [("Orrin", own, ENTRY_DATES[0]), ("Admin", foreign, ENTRY_DATES[1])]),
        "application/rss+xml",
    )
    assert feed.startswith("http://127.0.0.1:")
    source = parse_registry(registry_toml([{"id": "wire", "kind": "feed", "url": feed}]), tmp_path)[0]

    collected = collect(source, RawStore(tmp_path / "raw"))

    assert log_rows(collected, "url", "status", "error_class", "http_status", "bytes") == [
        (feed, "ok", None, 200, len(site.resources["/wire.rss"].body)),
        (own, "ok", None, 200, len(ORRIN.encode())),  # the feed's own origin: the user chose it
        (foreign, "error", "private_address", None, None),
    ]
    assert "non-public address 127.0.0.1" in collected.log[2]["error_message"]
    assert other_port.log == []
    assert [d["url"] for d in collected.documents] == [feed, own]


def test_a_redirect_to_a_private_address_is_refused(httpserver, other_port, tmp_path):
    target = f"http://127.0.0.1:{other_port.port}/admin"
    httpserver.expect_request("/moved.html").respond_with_data("", status=302, headers={"Location": target})
    url = httpserver.url_for("/moved.html")

    collected = collect(one_source(tmp_path, url=url), RawStore(tmp_path / "raw"))

    assert log_rows(collected, "url", "final_url", "status", "error_class", "http_status", "bytes") == [
        (url, target, "error", "private_address", None, None)
    ]
    assert other_port.log == []


def test_dns_rebinding_cannot_slip_past_the_connection_check(httpserver, other_port, tmp_path, monkeypatch):
    """The name answers a public address to the early check and 127.0.0.1 to the next lookup: the
    connection checks what it resolved itself, and connects to nothing."""
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["93.184.216.34", "127.0.0.1"])
    asked: list[str] = []

    def rebinding_resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.example":
            return real_getaddrinfo(host, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        asked.append(address)
        return real_getaddrinfo(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_resolver)
    link = f"http://rebind.example:{other_port.port}/admin"
    httpserver.expect_request("/moved.html").respond_with_data("", status=302, headers={"Location": link})

    outcome = fetch(httpserver.url_for("/moved.html"))

    assert (outcome.status, outcome.error_class, outcome.http_status, outcome.final_url) == (
        "error",
        "private_address",
        None,
        link,
    )
    assert asked == ["93.184.216.34", "127.0.0.1"]
    assert other_port.log == []


# ---- 14. newsletter folders outside the file roots are refused before listing ---------------------------


@pytest.mark.parametrize("via_symlink", [False, True])
def test_a_newsletter_folder_outside_the_roots_is_refused_unlisted(tmp_path, via_symlink):
    roots = tmp_path / "registry"
    roots.mkdir()
    private = tmp_path / "private"
    private.mkdir()
    (private / "acquisition-talks-with-orrin.md").write_text("---\nsubject: secret\n---\nnot for dealmap")
    folder = private
    if via_symlink:
        folder = roots / "letters"
        folder.symlink_to(private, target_is_directory=True)
    (source,) = parse_registry(
        registry_toml([{"id": "letters", "kind": "newsletter", "url": folder.as_uri()}]), roots
    )
    collected = collect(source, RawStore(tmp_path / "raw"), file_roots=(roots,))
    assert log_rows(collected, "url", "status", "error_class", "http_status", "bytes") == [
        (folder.as_uri(), "error", "file_outside_roots", None, None)
    ]
    assert "acquisition-talks" not in repr(collected.log)
    assert collected.documents == []


def test_a_newsletter_folder_inside_the_roots_is_still_listed(tmp_path):
    roots = tmp_path / "registry"
    (roots / "letters").mkdir(parents=True)
    (roots / "letters" / "issue-1.md").write_text("---\nsubject: One\n---\nOrrin Labs raised $40M.")
    (roots / "letters" / "issue-2.md").write_text("---\nsubject: Two\n---\nLumenvale raised $8M.")
    (source,) = parse_registry(
        registry_toml([{"id": "letters", "kind": "newsletter", "url": "letters"}]), roots
    )
    collected = collect(source, RawStore(tmp_path / "raw"), file_roots=(roots,))
    assert [(Path(d["url"]).name, d["status"]) for d in collected.documents] == [
        ("issue-1.md", "new"),
        ("issue-2.md", "new"),
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html><body><p>Our newsroom moved.</p></body></html>", "no RSS or Atom root element"),
        (b"{{{ not xml at all", "not well-formed"),
    ],
)
def test_a_body_that_is_no_feed_is_an_error_not_an_empty_feed(
    tmp_path: Path, httpserver: HTTPServer, body: bytes, reason: str
) -> None:
    # it was logged 'ok' with no entry to fetch, and nothing said why the source stopped yielding
    httpserver.expect_request("/feed.rss").respond_with_data(body, content_type="application/rss+xml")
    source = one_source(tmp_path, kind="feed", url=httpserver.url_for("/feed.rss"))
    collected = collect(source, RawStore(tmp_path / "raw"))
    errors = [r for r in collected.log if r["status"] == "error"]
    assert [(r["url"], r["error_class"]) for r in errors] == [(httpserver.url_for("/feed.rss"), "not_a_feed")]
    assert reason in errors[0]["error_message"]


def test_an_empty_but_valid_feed_is_no_error(tmp_path: Path, httpserver: HTTPServer) -> None:
    body = b"<rss version='2.0'><channel><title>Quiet week</title></channel></rss>"
    httpserver.expect_request("/feed.rss").respond_with_data(body, content_type="application/rss+xml")
    source = one_source(tmp_path, kind="feed", url=httpserver.url_for("/feed.rss"))
    collected = collect(source, RawStore(tmp_path / "raw"))
    assert [r["status"] for r in collected.log] == ["ok"]
