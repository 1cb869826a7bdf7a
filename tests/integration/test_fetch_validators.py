"""Validators stick: a server that changes its ETag on unchanged bytes is asked with the newest one."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from assets.fetching.resource import HttpFetcherResource
from tests.integration.pipeline import run_refresh

PAGE = b"<html><body><p>Orrin Labs raised $40M in a Series B.</p></body></html>"


def test_a_new_etag_on_the_same_bytes_is_sent_next_time(httpserver: HTTPServer, tmp_path: Path):
    seen: list[str | None] = []
    etags = iter(['"v1"', '"v2"', '"v2"'])

    def page(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match"))
        etag = next(etags)
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(PAGE, content_type="text/html; charset=utf-8", headers={"ETag": etag})

    httpserver.expect_request("/page.html").respond_with_handler(page)
    registry = tmp_path / "sources.toml"
    registry.write_text(
        f'[[source]]\nid = "page"\nkind = "article"\nurl = "{httpserver.url_for("/page.html")}"\n',
        encoding="utf-8",
    )
    fetcher = HttpFetcherResource(min_host_interval_s=0, respect_robots=False, retries=0)
    for _ in range(3):
        assert run_refresh(
            tmp_path / "data", sources_path=registry, selection="documents", fetcher=fetcher
        ).success
    # Run 2 got the same bytes under a new ETag; run 3 must send that new ETag (and get a 304).
    assert seen == [None, '"v1"', '"v2"']
