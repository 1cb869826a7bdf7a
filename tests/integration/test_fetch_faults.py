"""HTTP faults against real local servers: what each fetch outcome, fetch_log and documents row records."""

from __future__ import annotations

import gzip
import hashlib
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from assets.fetching.collect import PreviousVersion, collect_source
from assets.fetching.http_client import HttpClient
from assets.fetching.policy import VERSION
from assets.fetching.politeness import HostThrottle
from assets.fetching.raw_store import RawStore
from assets.sources import parse_registry
from tests.integration.http_fixtures import (
    Site,
    article_page,
    atom_feed,
    billion_laughs_feed,
    external_entity_feed,
    fetch,
    mbox_bytes,
    newsletter_issue,
    paths,
    quick_fetcher,
    quick_policy,
    registry_toml,
    rows,
    rss_feed,
    served_db,
    start_site,
    stop_site,
    working_db,
)
from tests.integration.pipeline import check_results, run_refresh

MB = 1024 * 1024


@pytest.fixture
def site(httpserver: HTTPServer) -> Site:
    return Site(httpserver)


# ---- 1. conditional GET -------------------------------------------------------------------------------


def test_etag_round_trip_comes_back_not_modified(site):
    url = site.publish(
        "/orrin.html", article_page(["Orrin Labs raised a $40M Series B."], title="Orrin"), "text/html"
    )
    client = HttpClient(quick_policy())
    first = client.fetch(url)
    second = client.fetch(url, etag=first.etag)
    assert (first.status, first.http_status, first.etag) == ("ok", 200, site.resources["/orrin.html"].etag)
    assert (second.status, second.http_status, second.body, second.etag) == (
        "not_modified",
        304,
        None,
        first.etag,
    )
    assert [r.headers.get("If-None-Match") for r in site.seen("/orrin.html")] == [None, first.etag]


def test_last_modified_round_trip_comes_back_not_modified(site):
    changed = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    url = site.publish("/wire.html", "<p>Quiet day.</p>", "text/html", etag=False, last_modified=changed)
    client = HttpClient(quick_policy())
    first = client.fetch(url)
    second = client.fetch(url, last_modified=first.last_modified)
    assert (first.status, first.etag, first.last_modified) == ("ok", None, "Mon, 02 Mar 2026 08:00:00 GMT")
    assert (second.status, second.http_status, second.body) == ("not_modified", 304, None)
    assert [r.headers.get("If-Modified-Since") for r in site.seen("/wire.html")] == [
        None,
        first.last_modified,
    ]


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_collect_source_adds_no_document_when_the_server_answers_304(site, tmp_path, validator):
    url = site.publish(
        "/deals.html",
        article_page(["Orrin Labs raised a $40M Series B led by Northwind Ventures."], title="Orrin"),
        "text/html; charset=utf-8",
        etag=validator == "etag",
        last_modified=datetime(2026, 3, 2, 8, 0, tzinfo=UTC) if validator == "last_modified" else None,
    )
    (source,) = parse_registry(registry_toml([{"id": "orrin", "kind": "article", "url": url}]), tmp_path)
    store, client = RawStore(tmp_path / "raw"), HttpClient(quick_policy())
    first = collect_source(source, client, store, {}, "run-1", datetime(2026, 3, 3))
    (document,) = first.documents
    previous = {url: PreviousVersion(document["sha256"], document["etag"], document["last_modified"])}
    second = collect_source(source, client, store, previous, "run-2", datetime(2026, 3, 4))

    assert (document["status"], document["http_status"], document["bytes"]) == (
        "new",
        200,
        len(site.resources["/deals.html"].body),
    )
    assert second.documents == []
    (log,) = second.log
    assert (log["status"], log["http_status"], log["sha256"], log["bytes"], log["error_class"]) == (
        "not_modified",
        304,
        document["sha256"],
        None,
        None,
    )
    header = "If-None-Match" if validator == "etag" else "If-Modified-Since"
    assert site.seen("/deals.html")[-1].headers.get(header) == document[validator]


# ---- 2-4. status codes and retries --------------------------------------------------------------------


@pytest.mark.parametrize("status", [403, 404, 410])
def test_a_client_error_is_not_retried(httpserver, status):
    httpserver.expect_request("/gone").respond_with_data("gone", status=status)
    outcome = fetch(httpserver.url_for("/gone"), retries=3)
    assert (outcome.status, outcome.error_class, outcome.http_status, outcome.attempts, outcome.body) == (
        "error",
        f"http_{status}",
        status,
        1,
        None,
    )
    assert paths(httpserver) == ["/gone"]


def test_429_with_retry_after_is_retried_after_the_wait(httpserver):
    httpserver.expect_ordered_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_ordered_request("/busy").respond_with_data("Orrin Labs raised $40M.")
    outcome = fetch(httpserver.url_for("/busy"), retries=2)
    assert (outcome.status, outcome.http_status, outcome.attempts, outcome.body) == (
        "ok",
        200,
        2,
        b"Orrin Labs raised $40M.",
    )
    assert outcome.elapsed_s >= 0.95  # Retry-After: 1 honoured (backoff alone would be ~0.01 s)
    assert paths(httpserver) == ["/busy", "/busy"]


def test_a_retry_after_beyond_the_cap_waits_only_the_cap(httpserver):
    httpserver.expect_ordered_request("/busy").respond_with_data(
        "", status=429, headers={"Retry-After": "3600"}
    )
    httpserver.expect_ordered_request("/busy").respond_with_data("ok")
    outcome = fetch(httpserver.url_for("/busy"), retries=2, retry_after_max_s=1)
    assert (outcome.status, outcome.attempts) == ("ok", 2)
    assert 0.95 <= outcome.elapsed_s < 3


@pytest.mark.parametrize("first_status", [408, 500, 502, 503, 504])
def test_a_transient_status_then_200_succeeds_on_the_retry(httpserver, first_status):
    httpserver.expect_ordered_request("/flaky").respond_with_data("down", status=first_status)
    httpserver.expect_ordered_request("/flaky").respond_with_data("up")
    outcome = fetch(httpserver.url_for("/flaky"), retries=2)
    assert (outcome.status, outcome.http_status, outcome.attempts, outcome.body) == ("ok", 200, 2, b"up")
    assert paths(httpserver) == ["/flaky", "/flaky"]


@pytest.mark.parametrize("retries", [0, 2])
def test_500_forever_gives_up_after_retries_plus_one_attempts(httpserver, retries):
    httpserver.expect_request("/broken").respond_with_data("boom", status=500)
    outcome = fetch(httpserver.url_for("/broken"), retries=retries)
    assert (outcome.status, outcome.error_class, outcome.http_status, outcome.attempts) == (
        "error",
        "http_500",
        500,
        retries + 1,
    )
    assert paths(httpserver) == ["/broken"] * (retries + 1)


# ---- 5. read timeouts ---------------------------------------------------------------------------------


def test_a_server_that_never_answers_times_out(httpserver, stall):
    def hang(request: Request) -> Response:
        stall.wait(5)
        return Response("too late")

    httpserver.expect_request("/hang").respond_with_handler(hang)
    outcome = fetch(httpserver.url_for("/hang"), read_timeout_s=0.3, retries=1)
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "read_timeout", None)
    assert outcome.attempts == 2  # a read timeout before the headers is retried
    assert outcome.elapsed_s < 2


def test_a_body_that_stalls_mid_download_times_out(httpserver, stall):
    def trickle(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield b"<p>Orrin Labs raised"
            stall.wait(5)
            yield b" $40M.</p>"

        return Response(body(), headers={"Content-Type": "text/html", "Content-Length": "30"})

    httpserver.expect_request("/trickle").respond_with_handler(trickle)
    outcome = fetch(httpserver.url_for("/trickle"), read_timeout_s=0.3, retries=0)
    assert (outcome.status, outcome.error_class, outcome.http_status, outcome.body) == (
        "error",
        "read_timeout",
        200,
        None,
    )
    assert outcome.elapsed_s < 2


# ---- 6. size caps -------------------------------------------------------------------------------------


class CountingBody:
    """A large streamed body that counts how much of it the server managed to hand over."""

    def __init__(self, total: int, chunk: int = MB):
        self.total, self.chunk, self.produced = total, chunk, 0

    def __iter__(self) -> Iterator[bytes]:
        while self.produced < self.total:
            self.produced += self.chunk
            yield b"x" * self.chunk


def test_a_declared_oversized_body_is_refused_without_downloading_it(httpserver):
    body = CountingBody(50 * MB)
    httpserver.expect_request("/huge").respond_with_handler(
        lambda request: Response(iter(body), headers={"Content-Length": str(body.total)})
    )
    httpserver.expect_request("/ping").respond_with_data("pong")
    outcome = fetch(httpserver.url_for("/huge"), max_bytes=MB)
    fetch(httpserver.url_for("/ping"))  # the server is single-threaded: /huge's handler has finished
    assert (outcome.status, outcome.error_class, outcome.http_status, outcome.body) == (
        "error",
        "too_large",
        200,
        None,
    )
    assert "Content-Length 52428800" in outcome.error_message
    assert body.produced < body.total / 2  # the client hung up instead of reading on


def test_an_undeclared_oversized_body_is_cut_off_while_streaming(httpserver):
    body = CountingBody(50 * MB, chunk=64 * 1024)
    httpserver.expect_request("/endless").respond_with_handler(lambda request: Response(iter(body)))
    httpserver.expect_request("/ping").respond_with_data("pong")
    outcome = fetch(httpserver.url_for("/endless"), max_bytes=256 * 1024)
    fetch(httpserver.url_for("/ping"))
    (_, response), *_ = httpserver.log
    assert "Content-Length" not in response.headers
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "too_large", None)
    assert body.produced < body.total / 2


def test_a_gzip_bomb_is_cut_off_by_its_decompressed_size(httpserver):
    bomb = gzip.compress(b"\0" * (20 * MB))
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="text/html"
    )
    outcome = fetch(httpserver.url_for("/bomb"), max_bytes=MB)
    assert len(bomb) < MB
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "too_large", None)


def test_a_sources_max_bytes_overrides_the_policy_either_way(httpserver, tmp_path):
    page = article_page(["Orrin Labs raised a $40M Series B led by Northwind Ventures."], title="Orrin")
    httpserver.expect_request("/page.html").respond_with_data(page, content_type="text/html")
    url, size = httpserver.url_for("/page.html"), len(page.encode())
    registry = registry_toml(
        [
            {"id": "tight", "kind": "article", "url": url, "max_bytes": size - 1},
            {"id": "roomy", "kind": "article", "url": url, "max_bytes": size},
        ]
    )
    tight, roomy = parse_registry(registry, tmp_path)
    client, store = HttpClient(quick_policy(max_bytes=100)), RawStore(tmp_path / "raw")
    refused = collect_source(tight, client, store, {}, "run", datetime(2026, 3, 3))
    accepted = collect_source(roomy, client, store, {}, "run", datetime(2026, 3, 3))
    assert refused.documents == []
    assert [(r["status"], r["error_class"]) for r in refused.log] == [("error", "too_large")]
    assert [(d["source_id"], d["bytes"]) for d in accepted.documents] == [("roomy", size)]


# ---- 8. redirects -------------------------------------------------------------------------------------


def redirect(server: HTTPServer, path: str, location: str, status: int = 302) -> None:
    server.expect_request(path).respond_with_data("", status=status, headers={"Location": location})


def test_a_redirect_loop_is_refused(httpserver):
    redirect(httpserver, "/a", "/b")
    redirect(httpserver, "/b", httpserver.url_for("/a"), status=301)
    outcome = fetch(httpserver.url_for("/a"))
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "redirect_loop", None)
    assert paths(httpserver) == ["/a", "/b"]


def test_a_redirect_chain_longer_than_max_redirects_is_refused(httpserver):
    for hop in range(6):
        redirect(httpserver, f"/hop/{hop}", f"/hop/{hop + 1}", status=307)
    httpserver.expect_request("/hop/6").respond_with_data("arrived")
    outcome = fetch(httpserver.url_for("/hop/0"), max_redirects=3)
    assert (outcome.status, outcome.error_class, len(outcome.redirects)) == ("error", "too_many_redirects", 3)
    assert paths(httpserver) == ["/hop/0", "/hop/1", "/hop/2", "/hop/3"]


def test_a_chain_of_exactly_max_redirects_arrives(httpserver):
    for hop in range(3):
        redirect(httpserver, f"/hop/{hop}", f"/hop/{hop + 1}", status=308)
    httpserver.expect_request("/hop/3").respond_with_data("arrived")
    outcome = fetch(httpserver.url_for("/hop/0"), max_redirects=3)
    assert (outcome.status, outcome.body, outcome.final_url) == (
        "ok",
        b"arrived",
        httpserver.url_for("/hop/3"),
    )
    assert outcome.redirects == [httpserver.url_for(f"/hop/{n}") for n in (1, 2, 3)]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "FILE:///etc/passwd", "inside-roots", "ftp://x/y"])
def test_a_redirect_off_http_is_refused_and_nothing_is_read(httpserver, tmp_path, target):
    secret = tmp_path / "secret.txt"
    secret.write_text("Orrin Labs internal numbers")
    location = secret.as_uri() if target == "inside-roots" else target
    redirect(httpserver, "/moved", location)
    outcome = fetch(httpserver.url_for("/moved"), file_roots=(tmp_path,))
    assert (outcome.status, outcome.error_class, outcome.body, outcome.redirects) == (
        "error",
        "redirect_scheme",
        None,
        [],
    )
    assert paths(httpserver) == ["/moved"]


# ---- 9. file:// roots ---------------------------------------------------------------------------------


@pytest.fixture
def file_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    root.mkdir()
    (root / "issue.md").write_text("Orrin Labs raised $40M.")
    (tmp_path / "outside.txt").write_text("not for dealmap")
    (root / "link.txt").symlink_to(tmp_path / "outside.txt")
    return root


def test_a_file_inside_the_roots_is_read(file_root):
    outcome = fetch((file_root / "issue.md").as_uri(), file_roots=(file_root,))
    assert (outcome.status, outcome.body, outcome.http_status) == ("ok", b"Orrin Labs raised $40M.", None)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://{root}/../outside.txt",
        "file://{root}/%2e%2e/outside.txt",
        "file://{root}/link.txt",  # a symlink inside the root pointing out of it
    ],
)
def test_a_file_outside_the_roots_is_refused(file_root, url):
    outcome = fetch(url.format(root=file_root), file_roots=(file_root,))
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "file_outside_roots", None)
    assert "DEALMAP_FILE_ROOTS" in outcome.error_message  # the way out, named
    assert str(file_root.resolve()) in outcome.error_message


def test_a_missing_file_outside_the_roots_says_it_is_missing_too(file_root):
    outcome = fetch((file_root.parent / "exports" / "typo.csv").as_uri(), file_roots=(file_root,))
    assert outcome.error_class == "file_outside_roots"
    assert outcome.error_message.endswith(
        "(and there is no such file): add its folder to DEALMAP_FILE_ROOTS (or the file_roots resource "
        "setting), or move it under one of them"
    )


def test_no_file_roots_means_no_file_urls(file_root):
    outcome = fetch((file_root / "issue.md").as_uri(), file_roots=())
    assert (outcome.status, outcome.error_class) == ("error", "file_outside_roots")


# ---- 13. robots.txt -----------------------------------------------------------------------------------


def user_agents(server: HTTPServer) -> list[str]:
    return [request.headers.get("User-Agent", "") for request, _ in server.log]


def test_a_disallowed_path_is_never_requested(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/private/report.html").respond_with_data("secret deals")
    outcome = fetch(httpserver.url_for("/private/report.html"), respect_robots=True)
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "robots", None)
    assert paths(httpserver) == ["/robots.txt"]
    assert all(agent.startswith("dealmap/") for agent in user_agents(httpserver))


def test_a_group_for_dealmap_applies_to_dealmap_only(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: dealmap\nDisallow: /deals/\n\nUser-agent: *\nDisallow:\n", content_type="text/plain"
    )
    httpserver.expect_request("/news/a.html").respond_with_data("news")
    client = HttpClient(quick_policy(respect_robots=True))
    blocked = client.fetch(httpserver.url_for("/deals/a.html"))
    allowed = client.fetch(httpserver.url_for("/news/a.html"))
    assert (blocked.error_class, allowed.status) == ("robots", "ok")
    assert paths(httpserver) == ["/robots.txt", "/news/a.html"]  # robots.txt read once per host


def test_a_missing_robots_txt_allows_everything(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("not found", status=404)
    httpserver.expect_request("/page.html").respond_with_data("Orrin Labs raised $40M.")
    outcome = fetch(httpserver.url_for("/page.html"), respect_robots=True)
    assert (outcome.status, outcome.body) == ("ok", b"Orrin Labs raised $40M.")
    assert paths(httpserver) == ["/robots.txt", "/page.html"]
    assert all(agent.startswith("dealmap/") for agent in user_agents(httpserver))


def test_a_failing_robots_txt_skips_the_host(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("oops", status=500)
    httpserver.expect_request("/page.html").respond_with_data("Orrin Labs raised $40M.")
    outcome = fetch(httpserver.url_for("/page.html"), respect_robots=True, retries=0)
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "robots", None)
    assert "host skipped" in outcome.error_message
    assert paths(httpserver) == ["/robots.txt"]


def test_the_pipeline_user_agent_names_dealmap_and_its_contact(httpserver):
    httpserver.expect_request("/page.html").respond_with_data("ok")
    fetcher = quick_fetcher(contact="data-team@example.org")
    client = fetcher.client(Path("/nonexistent"))
    try:
        assert client.fetch(httpserver.url_for("/page.html")).ok
    finally:
        client.close()
    (agent,) = user_agents(httpserver)
    assert agent.startswith(f"dealmap/{VERSION} (")
    assert agent.endswith("; data-team@example.org)")


# ---- 14. private addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.1", "2130706433", "[::ffff:127.0.0.1]"])
def test_a_private_address_is_refused_before_any_request(httpserver_ipv4, host):
    httpserver_ipv4.expect_request("/").respond_with_data("admin console")
    url = f"http://{host}:{httpserver_ipv4.port}/"
    outcome = fetch(url, refuse_private_addresses=True)
    assert (outcome.status, outcome.error_class, outcome.body) == ("error", "private_address", None)
    assert httpserver_ipv4.log == []


def test_the_same_address_is_fetched_when_private_addresses_are_allowed(httpserver_ipv4):
    httpserver_ipv4.expect_request("/").respond_with_data("admin console")
    outcome = fetch(f"http://127.0.0.1:{httpserver_ipv4.port}/", refuse_private_addresses=False)
    assert (outcome.status, len(httpserver_ipv4.log)) == ("ok", 1)


# ---- 15. per-host interval ----------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now, self.sleeps = 100.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def test_host_throttle_spaces_requests_to_one_host():
    clock = FakeClock()
    throttle = HostThrottle(0.3, clock=clock, sleep=clock.sleep)
    assert throttle.wait("http://wire.example/a") == 0.0
    clock.now += 0.1
    assert throttle.wait("http://WIRE.example/b") == pytest.approx(0.2)
    assert throttle.wait("http://other.example/a") == 0.0
    clock.now += 1.0
    assert throttle.wait("http://wire.example/c") == 0.0
    assert clock.sleeps == [pytest.approx(0.2)]


def test_the_client_waits_between_requests_to_one_host(httpserver):
    httpserver.expect_request("/a").respond_with_data("a")
    httpserver.expect_request("/b").respond_with_data("b")
    clock = FakeClock()
    client = HttpClient(quick_policy(min_host_interval_s=0.3))
    client.throttle = HostThrottle(0.3, clock=clock, sleep=clock.sleep)
    port = httpserver.port
    assert client.fetch(f"http://localhost:{port}/a").ok
    assert client.fetch(f"http://localhost:{port}/b").ok
    assert client.fetch(f"http://127.0.0.1:{port}/a").ok  # another host name: no wait
    assert clock.sleeps == [0.3]
    assert paths(httpserver) == ["/a", "/b", "/a"]


def test_the_real_throttle_spaces_requests_on_the_server_side(site):
    first, second = site.publish("/a", "a", "text/plain"), site.publish("/b", "b", "text/plain")
    client = HttpClient(quick_policy(min_host_interval_s=0.3))
    assert client.fetch(first).ok
    assert client.fetch(second).ok
    a, b = site.requests
    assert b.at - a.at >= 0.29


# ---- whole runs: a newsroom of sources, some of them bad (cases 1, 7, 10, 11, 12, 16) ----------------

PUBLISHED = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
ORRIN_DATE, LUMENVALE_DATE, BRENNHOLT_DATE = (
    datetime(2026, 3, 9, 9, 0, tzinfo=UTC),
    datetime(2026, 3, 8, 14, 30, tzinfo=UTC),
    datetime(2026, 3, 7, 7, 15, tzinfo=UTC),
)
QUILLMARK_DATE, FERROWIND_DATE = (
    datetime(2026, 2, 24, 10, 0, tzinfo=UTC),
    datetime(2026, 2, 20, 16, 0, tzinfo=UTC),
)
CONTACT = "data-team@example.org"
EUR_USD_MARCH_2026 = 1.1558318  # schemas/reference/fx_usd_monthly.csv, 2026-03-01
HALVARD_SENT, SABLE_SENT = datetime(2026, 3, 17, 8, 30, tzinfo=UTC), datetime(2026, 3, 24, 8, 30, tzinfo=UTC)


TRACKER_CSV = """\
company,round_type,amount,currency,valuation,segment,announced_date,lead_investors
Tessellate Robotics,Series A,20000000,USD,120000000,AI agents,2026-02-11,Northwind Ventures
Kelpwater Compute,Seed,6000000,USD,30000000,GPU cloud,2026-02-18,Kestrel Partners; Harbourline Capital
,Seed,8000000,USD,30000000,GPU cloud,2026-02-20,
"""


def entry_page(sentence: str, title: str) -> str:
    return article_page([sentence, "More on the round as it develops."], title=title)


def publish_newsroom(site: Site) -> list[dict[str, Any]]:
    """Serve every document of the newsroom; return its registry."""
    # Charsets: a Windows-1252 page labelled UTF-8, one labelled only by <meta>, and UTF-8 labelled Latin-1.
    cafe = article_page(
        ["Café Quântico raised €40 million in a Series B led by Northwind Ventures."],
        title="Café Quântico's Series B",
        published="2026-03-10",
        meta_charset=None,
    )
    muller = article_page(
        ["Müller Fähre AI raised €25 million in a Series A led by Kestrel Partners."],
        title="Müller Fähre AI",
        published="2026-03-11",
        meta_charset="windows-1252",
    )
    creme = article_page(
        ["Crème Légère Robotics raised €12 million in a seed round led by Tallowmere Capital."],
        title="Crème Légère Robotics",
        published="2026-03-12",
        meta_charset=None,
    )
    site.publish("/articles/cafe-quantico.html", cafe.encode("cp1252"), "text/html; charset=utf-8")
    site.publish("/articles/muller-fahre.html", muller.encode("cp1252"), "text/html")
    site.publish("/articles/creme-legere.html", creme.encode("utf-8"), "text/html; charset=iso-8859-1")
    pellucid = article_page(
        ["Pellucid Systems closed a $15M seed round led by Kestrel Partners."],
        title="Pellucid Systems",
        published="2026-03-05",
    )
    site.publish("/articles/pellucid.html", pellucid, "text/html; charset=utf-8")

    # RSS with both validators; its third entry fails.
    site.publish(
        "/wire/orrin-labs.html",
        entry_page("Orrin Labs raised a $40M Series B led by Northwind Ventures.", "Orrin Labs"),
        "text/html; charset=utf-8",
    )
    site.publish(
        "/wire/lumenvale.html",
        entry_page("Lumenvale raised $8M in seed funding led by Northwind Ventures.", "Lumenvale"),
        "text/html; charset=utf-8",
    )
    site.fail("/wire/brennholt.html", 500)
    rss = rss_feed(
        "Orrin Wire",
        site.url("/wire/"),
        [
            ("Orrin Labs raises $40M", site.url("/wire/orrin-labs.html"), ORRIN_DATE),
            ("Lumenvale seed", site.url("/wire/lumenvale.html"), LUMENVALE_DATE),
            ("Brennholt Robotics seed", site.url("/wire/brennholt.html"), BRENNHOLT_DATE),
        ],
    )
    site.publish("/feeds/wire.rss", rss, "application/rss+xml", last_modified=PUBLISHED)

    # Atom with Last-Modified only.
    site.publish(
        "/digest/quillmark.html",
        entry_page("Quillmark landed a $30M Series B led by Kestrel Partners.", "Quillmark"),
        "text/html; charset=utf-8",
    )
    site.publish(
        "/digest/ferrowind.html",
        entry_page("Ferrowind Analytics raised $35M Series B led by Harbourline Capital.", "Ferrowind"),
        "text/html; charset=utf-8",
    )
    atom = atom_feed(
        "Ledger Digest",
        "urn:example:ledger-digest",
        [
            ("Quillmark Series B", site.url("/digest/quillmark.html"), QUILLMARK_DATE),
            ("Ferrowind Series B", site.url("/digest/ferrowind.html"), FERROWIND_DATE),
        ],
    )
    site.publish("/feeds/digest.atom", atom, "application/atom+xml", etag=False, last_modified=PUBLISHED)

    # An mbox newsletter archive: an HTML issue in base64, then a plain-text one.
    letters = mbox_bytes(
        [
            newsletter_issue(
                "Founders Letter #12",
                HALVARD_SENT,
                "<html><body><h1>Founders Letter #12</h1>"
                "<p>Halvard Bio raised $22M Series A led by Northwind Ventures.</p></body></html>",
                teaser="This issue is best read in HTML.",
            ),
            newsletter_issue(
                "Founders Letter #13",
                SABLE_SENT,
                "<html><body><p>Sable Ridge Energy raised $18M in a Series A led by Harbourline Capital.</p>"
                "</body></html>",
                teaser="This issue is best read in HTML.",
            ),
        ]
    )
    site.publish("/letters/founders.mbox", letters, "application/mbox", etag=False, last_modified=PUBLISHED)

    # A CSV export over HTTP with one row the quarantine takes (1 of 3, within the default 50% limit).
    site.publish("/exports/tracker.csv", TRACKER_CSV, "text/csv; charset=utf-8")

    # Feeds that must be refused unread; their entry pages exist but must never be requested.
    for name in ("laughs", "leaky"):
        site.publish(
            f"/bad/{name}-entry.html", entry_page("Trapdoor AI raised $99M Series C.", "Trap"), "text/html"
        )
    site.publish(
        "/feeds/laughs.rss", billion_laughs_feed(site.url("/bad/laughs-entry.html")), "application/rss+xml"
    )
    site.publish(
        "/feeds/leaky.rss", external_entity_feed(site.url("/bad/leaky-entry.html")), "application/rss+xml"
    )

    return [
        {"id": "cafe-quantico", "kind": "article", "url": site.url("/articles/cafe-quantico.html")},
        {"id": "muller-fahre", "kind": "article", "url": site.url("/articles/muller-fahre.html")},
        {"id": "creme-legere", "kind": "article", "url": site.url("/articles/creme-legere.html")},
        {"id": "laughs-feed", "kind": "feed", "url": site.url("/feeds/laughs.rss")},
        {"id": "orrin-wire", "kind": "feed", "url": site.url("/feeds/wire.rss")},
        {"id": "leaky-feed", "kind": "feed", "url": site.url("/feeds/leaky.rss")},
        {"id": "ledger-digest", "kind": "feed", "url": site.url("/feeds/digest.atom")},
        {"id": "founders-letter", "kind": "newsletter", "url": site.url("/letters/founders.mbox")},
        {"id": "pellucid-post", "kind": "article", "url": site.url("/articles/pellucid.html")},
        {
            "id": "tracker-export",
            "kind": "table",
            "url": site.url("/exports/tracker.csv"),
            "options": {"format": "csv", "currency": "USD", "date_format": "%Y-%m-%d"},
        },
    ]


@dataclass
class RunSnapshot:
    """What one run left behind, read right after it (so later runs cannot change what a test sees)."""

    result: dg.ExecuteInProcessResult
    documents: list[dict[str, Any]]
    fetch_log: list[dict[str, Any]]
    extracted: list[dict[str, Any]]
    deals: dict[str, dict[str, Any]]
    requests: list[Any]

    def log_for(self, url: str) -> list[dict[str, Any]]:
        return [r for r in self.fetch_log if r["url"] == url]


def snapshot(result: dg.ExecuteInProcessResult, data_dir: Path, site: Site, since: int) -> RunSnapshot:
    run_id = result.run_id
    with working_db(data_dir) as work:
        documents = rows(work, "select * from documents order by source_id, url, fetched_at")
        fetch_log = rows(work, "select * from fetch_log where run_id = ? order by source_id, url", run_id)
        extracted = rows(work, "select * from extracted_mentions order by source_id, url, locator")
    with served_db(data_dir) as served:
        deals = {d["company"]: d for d in rows(served, "select * from deals order by deal_id")}
    return RunSnapshot(result, documents, fetch_log, extracted, deals, site.requests[since:])


@dataclass
class Newsroom:
    site: Site
    data_dir: Path
    first: RunSnapshot


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Iterator[Newsroom]:
    site = start_site()
    try:
        base = tmp_path_factory.mktemp("newsroom")
        registry = base / "sources.toml"
        registry.write_text(registry_toml(publish_newsroom(site)), encoding="utf-8")
        data_dir = base / "data"
        result = run_refresh(data_dir, registry, fetcher=quick_fetcher(retries=1, contact=CONTACT))
        yield Newsroom(site, data_dir, snapshot(result, data_dir, site, since=0))
    finally:
        stop_site(site)


@pytest.fixture(scope="module")
def newsroom_rerun(newsroom) -> RunSnapshot:
    """The same registry again, the pellucid page now failing, everything else unchanged."""
    newsroom.site.fail("/articles/pellucid.html", 500)
    since = len(newsroom.site.requests)
    registry = newsroom.data_dir.parent / "sources.toml"
    result = run_refresh(newsroom.data_dir, registry, fetcher=quick_fetcher(retries=1, contact=CONTACT))
    return snapshot(result, newsroom.data_dir, newsroom.site, since)


def test_the_newsroom_run_succeeds_and_sends_an_honest_user_agent(newsroom):
    assert newsroom.first.result.success
    agents = {r.headers.get("User-Agent") for r in newsroom.first.requests}
    assert agents == {f"dealmap/{VERSION} (deal tracker; +https://github.com/dealmap/dealmap; {CONTACT})"}


@pytest.mark.parametrize(
    ("source_id", "company", "amount_text", "amount_usd", "lead"),
    [
        (
            "cafe-quantico",
            "Café Quântico",
            "€40 million",
            round(40e6 * EUR_USD_MARCH_2026),
            "Northwind Ventures",
        ),
        (
            "muller-fahre",
            "Müller Fähre AI",
            "€25 million",
            round(25e6 * EUR_USD_MARCH_2026),
            "Kestrel Partners",
        ),
        (
            "creme-legere",
            "Crème Légère Robotics",
            "€12 million",
            round(12e6 * EUR_USD_MARCH_2026),
            "Tallowmere Capital",
        ),
    ],
)
def test_wrong_or_missing_charsets_still_give_the_right_accents(
    newsroom, source_id, company, amount_text, amount_usd, lead
):
    (mention,) = [m for m in newsroom.first.extracted if m["source_id"] == source_id]
    assert (mention["company_text"], mention["amount_text"], mention["lead_investors_text"]) == (
        company,
        amount_text,
        [lead],
    )
    deal = newsroom.first.deals[company]
    assert (deal["currency"], deal["amount_original"], deal["amount_usd"], deal["lead_investors"]) == (
        "EUR",
        amount_text,
        amount_usd,
        [lead],
    )


def test_the_page_labelled_utf8_really_is_windows_1252(newsroom):
    body = newsroom.site.resources["/articles/cafe-quantico.html"].body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    (document,) = [d for d in newsroom.first.documents if d["source_id"] == "cafe-quantico"]
    assert (document["content_type"], document["bytes"]) == ("text/html; charset=utf-8", len(body))
    deal = newsroom.first.deals["Café Quântico"]
    assert (deal["round_type"], deal["announced_date"]) == ("series_b", date(2026, 3, 10))


@pytest.mark.parametrize(
    ("feed", "entries"),
    [
        ("/feeds/wire.rss", {"/wire/orrin-labs.html": ORRIN_DATE, "/wire/lumenvale.html": LUMENVALE_DATE}),
        (
            "/feeds/digest.atom",
            {"/digest/quillmark.html": QUILLMARK_DATE, "/digest/ferrowind.html": FERROWIND_DATE},
        ),
    ],
)
def test_feed_entries_land_as_documents_under_their_feed(newsroom, feed, entries):
    site, feed_url = newsroom.site, newsroom.site.url(feed)
    children = {
        d["url"]: (d["parent_url"], d["published_hint"], d["status"], d["http_status"])
        for d in newsroom.first.documents
        if d["parent_url"] == feed_url
    }
    assert children == {site.url(path): (feed_url, when.date(), "new", 200) for path, when in entries.items()}
    (feed_row,) = [d for d in newsroom.first.documents if d["url"] == feed_url]
    assert feed_row["parent_url"] is None


def test_a_failing_feed_entry_is_logged_and_stores_nothing(newsroom):
    url = newsroom.site.url("/wire/brennholt.html")
    (log,) = newsroom.first.log_for(url)
    assert (log["source_id"], log["status"], log["http_status"], log["error_class"], log["attempts"]) == (
        "orrin-wire",
        "error",
        500,
        "http_500",
        2,
    )
    assert [d for d in newsroom.first.documents if d["url"] == url] == []
    assert "Brennholt Robotics" not in newsroom.first.deals


@pytest.mark.parametrize(
    ("company", "announced"),
    [
        ("Orrin Labs", ORRIN_DATE),
        ("Lumenvale", LUMENVALE_DATE),
        ("Quillmark", QUILLMARK_DATE),
        ("Ferrowind Analytics", FERROWIND_DATE),
    ],
)
def test_feed_entry_deals_reach_deals_dated_by_their_entry(newsroom, company, announced):
    deal = newsroom.first.deals[company]
    assert deal["announced_date"] == announced.date()
    assert deal["source_count"] == 1


def test_an_mbox_over_http_yields_each_issue_dated_by_its_date_header(newsroom):
    mentions = [m for m in newsroom.first.extracted if m["source_id"] == "founders-letter"]
    assert [
        (m["company_text"], m["amount_text"], m["published_date"], m["locator"][:5]) for m in mentions
    ] == [
        ("Halvard Bio", "$22M", HALVARD_SENT.date(), "m[0]/"),
        ("Sable Ridge Energy", "$18M", SABLE_SENT.date(), "m[1]/"),
    ]
    assert newsroom.first.deals["Halvard Bio"]["announced_date"] == HALVARD_SENT.date()
    assert newsroom.first.deals["Halvard Bio"]["lead_investors"] == ["Northwind Ventures"]
    # The deal sentence only exists base64-encoded in the archive: the parser decoded it.
    assert b"Halvard Bio" not in newsroom.site.resources["/letters/founders.mbox"].body


@pytest.mark.parametrize(("source_id", "name"), [("laughs-feed", "laughs"), ("leaky-feed", "leaky")])
def test_an_unsafe_feed_is_refused_unread(newsroom, source_id, name):
    feed_url = newsroom.site.url(f"/feeds/{name}.rss")
    (log,) = [r for r in newsroom.first.fetch_log if r["source_id"] == source_id]
    assert (log["url"], log["status"], log["http_status"], log["error_class"], log["sha256"]) == (
        feed_url,
        "error",
        200,
        "unsafe_xml",
        None,
    )
    assert [d for d in newsroom.first.documents if d["source_id"] == source_id] == []
    body = newsroom.site.resources[f"/feeds/{name}.rss"].body
    assert hashlib.sha256(body).hexdigest() not in RawStore(newsroom.data_dir / "raw")
    assert newsroom.site.seen(f"/bad/{name}-entry.html") == []
    assert "Trapdoor AI" not in newsroom.first.deals


def test_bad_sources_do_not_stop_the_others(newsroom):
    assert set(newsroom.first.deals) == {
        "Café Quântico",
        "Müller Fähre AI",
        "Crème Légère Robotics",
        "Orrin Labs",
        "Lumenvale",
        "Quillmark",
        "Ferrowind Analytics",
        "Halvard Bio",
        "Sable Ridge Energy",
        "Pellucid Systems",
        "Tessellate Robotics",
        "Kelpwater Compute",
    }
    check = check_results(newsroom.first.result)[("documents", "sources_fetched")]
    assert (check.passed, check.severity) == (False, dg.AssetCheckSeverity.WARN)
    assert check.metadata["failing_sources"].value == "laughs-feed, leaky-feed, orrin-wire"


def test_a_rerun_answered_with_304s_adds_no_documents(newsroom, newsroom_rerun):
    assert newsroom_rerun.result.success
    assert newsroom_rerun.documents == newsroom.first.documents
    statuses = {r["url"]: r["status"] for r in newsroom_rerun.fetch_log}
    site = newsroom.site
    unchanged = [
        "/articles/cafe-quantico.html",
        "/articles/muller-fahre.html",
        "/articles/creme-legere.html",
        "/feeds/wire.rss",
        "/wire/orrin-labs.html",
        "/wire/lumenvale.html",
        "/feeds/digest.atom",
        "/digest/quillmark.html",
        "/digest/ferrowind.html",
        "/letters/founders.mbox",
        "/exports/tracker.csv",
    ]
    assert {path: statuses[site.url(path)] for path in unchanged} == dict.fromkeys(unchanged, "not_modified")
    assert {r["http_status"] for r in newsroom_rerun.fetch_log if r["status"] == "not_modified"} == {304}


def test_the_rerun_sends_the_validators_each_resource_gave(newsroom, newsroom_rerun):
    sent = {
        r.path: (r.headers.get("If-None-Match"), r.headers.get("If-Modified-Since"))
        for r in newsroom_rerun.requests
    }
    resources = newsroom.site.resources
    lm = "Mon, 02 Mar 2026 08:00:00 GMT"
    assert sent["/articles/cafe-quantico.html"] == (resources["/articles/cafe-quantico.html"].etag, None)
    assert sent["/wire/orrin-labs.html"] == (resources["/wire/orrin-labs.html"].etag, None)
    assert sent["/feeds/wire.rss"] == (resources["/feeds/wire.rss"].etag, lm)
    assert sent["/feeds/digest.atom"] == (None, lm)
    assert sent["/letters/founders.mbox"] == (None, lm)


def test_a_failing_source_keeps_its_last_good_document_and_deals(newsroom, newsroom_rerun):
    url = newsroom.site.url("/articles/pellucid.html")
    (log,) = newsroom_rerun.log_for(url)
    assert (log["status"], log["http_status"], log["error_class"], log["attempts"]) == (
        "error",
        500,
        "http_500",
        2,
    )
    (document,) = [d for d in newsroom_rerun.documents if d["url"] == url]
    assert document["run_id"] == newsroom.first.result.run_id
    (mention,) = [m for m in newsroom_rerun.extracted if m["source_id"] == "pellucid-post"]
    assert mention["document_sha256"] == document["sha256"]
    assert newsroom_rerun.deals["Pellucid Systems"] == newsroom.first.deals["Pellucid Systems"]
    assert newsroom_rerun.deals == newsroom.first.deals


def test_the_fetch_check_warns_and_names_the_failing_source(newsroom_rerun):
    check = check_results(newsroom_rerun.result)[("documents", "sources_fetched")]
    assert (check.passed, check.severity) == (False, dg.AssetCheckSeverity.WARN)
    failing = check.metadata["failing_sources"].value.split(", ")
    assert failing == ["laughs-feed", "leaky-feed", "orrin-wire", "pellucid-post"]
    assert "pellucid-post" in check.metadata["errors"].value


def test_a_host_nothing_answers_on_is_a_connection_error_not_a_robots_one():
    """A mistyped port: the robots.txt request is the first to fail, and the log says the host could not
    be reached, not that robots.txt refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once closed: nothing listens on it
    outcome = fetch(f"http://127.0.0.1:{port}/deals.html", respect_robots=True, retries=0)
    assert (outcome.status, outcome.error_class) == ("error", "connection")
    assert "host unreachable (connection) when asking for its robots.txt" in outcome.error_message
