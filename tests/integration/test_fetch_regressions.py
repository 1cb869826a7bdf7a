"""Regressions: fetch faults review found (robots.txt rules, redirects, trickling bodies, retry pacing)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from assets.fetching.collect import collect_source
from assets.fetching.http_client import HttpClient
from assets.fetching.raw_store import RawStore
from assets.parsing.dispatch import extract_document
from assets.sources import parse_registry
from tests.integration.http_fixtures import (
    Site,
    article_page,
    fetch,
    paths,
    quick_fetcher,
    quick_policy,
    registry_toml,
    served_db,
)
from tests.integration.pipeline import run_refresh

MB = 1024 * 1024


# ---- robots.txt is read with urllib.robotparser, which predates RFC 9309 ------------------------------


def test_robots_the_longest_matching_rule_wins(httpserver):
    """RFC 9309 §2.2.2: the most specific (longest) match wins, so /news/deals/ is allowed here."""
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /news/\nAllow: /news/deals/\n", content_type="text/plain"
    )
    httpserver.expect_request("/news/deals/orrin-labs.html").respond_with_data("Orrin Labs raised $40M.")
    outcome = fetch(httpserver.url_for("/news/deals/orrin-labs.html"), respect_robots=True)
    assert (outcome.status, outcome.error_class) == ("ok", None)


def test_robots_wildcards_and_end_anchors_are_honoured(httpserver):
    """RFC 9309 §2.2.3: '*' matches any characters and '$' ends the pattern."""
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /*.mbox$\n", content_type="text/plain"
    )
    httpserver.expect_request("/archive/founders.mbox").respond_with_data("From x\n")
    outcome = fetch(httpserver.url_for("/archive/founders.mbox"), respect_robots=True)
    assert (outcome.status, outcome.error_class) == ("error", "robots")
    assert paths(httpserver) == ["/robots.txt"]


# ---- robots.txt is fetched outside the checks every other request goes through ------------------------


def test_robots_txt_redirected_to_a_local_file_is_not_read(httpserver, tmp_path):
    """An http robots.txt redirecting to file:// must not make dealmap read local files (think /dev/zero)."""
    local = tmp_path / "robots.txt"
    local.write_text("User-agent: *\nDisallow: /deals/\n")
    httpserver.expect_request("/robots.txt").respond_with_data(
        "", status=302, headers={"Location": local.as_uri()}
    )
    httpserver.expect_request("/deals/orrin-labs.html").respond_with_data("Orrin Labs raised $40M.")
    outcome = fetch(httpserver.url_for("/deals/orrin-labs.html"), respect_robots=True, file_roots=())
    # Only the local file says /deals/ is disallowed: that verdict means the file was read.
    assert "disallowed by robots.txt" not in (outcome.error_message or "")


def test_robots_txt_download_is_capped(httpserver):
    """A robots.txt is read like any body: streamed under a cap (RFC 9309 §2.5 asks for at least 500 KiB)."""
    produced = 0

    def huge_robots(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            nonlocal produced
            for _ in range(40):
                produced += MB // 2
                yield b"# " + b"x" * (MB // 2 - 3) + b"\n"

        return Response(body(), headers={"Content-Type": "text/plain"})

    httpserver.expect_request("/robots.txt").respond_with_handler(huge_robots)
    httpserver.expect_request("/page.html").respond_with_data("ok")
    fetch(httpserver.url_for("/page.html"), respect_robots=True, max_bytes=MB)
    assert produced < 20 * MB


# ---- the overall deadline and the attempt count ------------------------------------------------------


def test_the_deadline_bounds_a_body_that_trickles_in(httpserver, stall):
    """Each byte comes within the read timeout, so only the deadline can stop a 12-byte, 3-second body."""

    def drip(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(12):
                stall.wait(0.25)
                yield b"x"

        return Response(body(), headers={"Content-Type": "text/plain", "Content-Length": "12"})

    httpserver.expect_request("/drip").respond_with_handler(drip)
    outcome = fetch(httpserver.url_for("/drip"), read_timeout_s=1.0, deadline_s=1.0, retries=0)
    assert (outcome.status, outcome.error_class) == ("error", "deadline")
    assert outcome.elapsed_s < 2.0


def test_a_body_read_timeout_counts_the_one_request_made(httpserver, stall):
    """A stall after the headers is not retried, so fetch_log must not claim retries + 1 attempts."""

    def stalls_after_headers(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield b"<p>Orrin Labs"
            stall.wait(5)
            yield b" raised $40M.</p>"

        return Response(body(), headers={"Content-Type": "text/html", "Content-Length": "30"})

    httpserver.expect_request("/stall").respond_with_handler(stalls_after_headers)
    outcome = fetch(httpserver.url_for("/stall"), read_timeout_s=0.3, retries=2)
    assert outcome.error_class == "read_timeout"
    assert len(httpserver.log) == 1
    assert outcome.attempts == 1


# ---- the per-host interval ----------------------------------------------------------------------------


def test_retries_keep_the_per_host_interval(httpserver):
    """FetchPolicy.min_host_interval_s: 'Minimum time between two requests to the same host'."""
    site = Site(httpserver)
    site.fail("/flaky", 500)
    client = HttpClient(quick_policy(min_host_interval_s=0.3, retries=1, backoff_factor=0.01))
    outcome = client.fetch(site.url("/flaky"))
    first, retry = site.seen("/flaky")
    assert outcome.attempts == 2
    assert retry.at - first.at >= 0.29


def test_the_robots_txt_request_keeps_the_per_host_interval(httpserver):
    site = Site(httpserver)
    site.publish("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    site.publish("/page.html", "Orrin Labs raised $40M.", "text/plain")
    client = HttpClient(quick_policy(min_host_interval_s=0.3, respect_robots=True))
    assert client.fetch(site.url("/page.html")).ok
    robots, page = site.requests
    assert (robots.path, page.path) == ("/robots.txt", "/page.html")
    assert page.at - robots.at >= 0.29


# ---- text that comes out wrong after a correct fetch --------------------------------------------------


def fetched_mentions(httpserver: HTTPServer, tmp_path: Path, body: bytes, content_type: str) -> list[dict]:
    """Serve one article page, collect it as the pipeline does and extract its mentions."""
    url = Site(httpserver).publish("/article.html", body, content_type)
    (source,) = parse_registry(registry_toml([{"id": "wire", "kind": "article", "url": url}]), tmp_path)
    store = RawStore(tmp_path / "raw")
    collected = collect_source(source, HttpClient(quick_policy()), store, {}, "run", datetime(2026, 3, 3))
    (document,) = collected.documents
    sha256 = document["sha256"]
    frame = extract_document(source, url, sha256, document["content_type"], store.path(sha256))
    return frame[["company_text", "amount_text", "round_text"]].to_dict("records")


def test_a_windows_1252_page_labelled_latin_1_keeps_its_euro_sign(httpserver, tmp_path):
    """WHATWG Encoding: the label 'iso-8859-1' means windows-1252, where 0x80 is '€' (not U+0080)."""
    page = article_page(
        ["Café Quântico raised €40 million in a Series B led by Northwind Ventures."],
        title="Café Quântico",
        published="2026-03-10",
        meta_charset="iso-8859-1",
    )
    mentions = fetched_mentions(httpserver, tmp_path, page.encode("cp1252"), "text/html; charset=iso-8859-1")
    assert mentions == [
        {"company_text": "Café Quântico", "amount_text": "€40 million", "round_text": "series_b"}
    ]


@pytest.mark.parametrize("company", ["Éclair Systems", "Øresund Labs", "Über Analytics"])
def test_a_company_name_may_start_with_an_accented_capital(httpserver, tmp_path, company):
    page = article_page(
        [f"{company} raised €40 million in a Series B led by Northwind Ventures."],
        title=company,
        published="2026-03-10",
    )
    mentions = fetched_mentions(httpserver, tmp_path, page.encode("utf-8"), "text/html; charset=utf-8")
    assert mentions == [{"company_text": company, "amount_text": "€40 million", "round_text": "series_b"}]


# ---- a whole refresh ----------------------------------------------------------------------------------


def test_a_refresh_where_nothing_is_rejected_succeeds(httpserver, tmp_path):
    """Every mention valid: the quarantine is empty, and the refresh must still publish its deals."""
    site = Site(httpserver)
    url = site.publish(
        "/news/orrin-labs.html",
        article_page(
            ["Orrin Labs raised a $40M Series B led by Northwind Ventures."],
            title="Orrin Labs",
            published="2026-03-09",
        ),
        "text/html; charset=utf-8",
    )
    registry = tmp_path / "sources.toml"
    registry.write_text(
        registry_toml([{"id": "orrin-news", "kind": "article", "url": url}]), encoding="utf-8"
    )
    result = run_refresh(tmp_path / "data", registry, fetcher=quick_fetcher())
    failures = [e.step_key for e in result.all_events if e.is_step_failure]
    assert failures == []
    with served_db(tmp_path / "data") as served:
        assert served.execute("select company, amount_usd from deals").fetchall() == [
            ("Orrin Labs", 40_000_000)
        ]
