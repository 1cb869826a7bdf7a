"""Local HTTP fixtures for the fetch tests: a site with honest conditional GET and its fictional content."""

from __future__ import annotations

import email.utils
import hashlib
import mailbox
import re
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from html import escape as html_escape
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import dagster as dg
import duckdb
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from assets.fetching.http_client import FetchOutcome, FetchPolicy, HttpClient
from assets.fetching.resource import HttpFetcherResource

# Short timeouts, near-instant backoff, no politeness delays: a local server answers at once.
_QUICK = {
    "connect_timeout_s": 2.0,
    "read_timeout_s": 2.0,
    "deadline_s": 10.0,
    "retries": 2,
    "backoff_factor": 0.01,
    "min_host_interval_s": 0.0,
    "respect_robots": False,
}


def quick_policy(**overrides: Any) -> FetchPolicy:
    """A `FetchPolicy` for tests against a local server."""
    return FetchPolicy(**(_QUICK | overrides))


def quick_fetcher(**overrides: Any) -> HttpFetcherResource:
    """The pipeline's fetcher resource, tuned like `quick_policy`, for whole-graph runs."""
    return HttpFetcherResource(**(_QUICK | overrides))


# ---- a site that serves registered resources, with ETag / Last-Modified done properly ------------------


@dataclass
class Resource:
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: datetime | None = None
    status: int = 200
    """Anything but 200 answers with this status and a short error body, every time."""


@dataclass(frozen=True)
class SeenRequest:
    path: str
    headers: dict[str, str]
    at: float
    """time.monotonic() when the server received the request."""


def http_date(moment: datetime) -> str:
    return email.utils.format_datetime(moment.astimezone(UTC), usegmt=True)


def _not_modified(request: Request, resource: Resource) -> bool:
    """RFC 9110 §13.2.2: If-None-Match is evaluated first; If-Modified-Since only without it."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        if resource.etag is None:
            return False
        wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in wanted or resource.etag.removeprefix("W/") in wanted
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_modified_since and resource.last_modified is not None:
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        return resource.last_modified.replace(microsecond=0) <= since
    return False


class Site:
    """Serves registered resources from one local server and records every request it receives."""

    def __init__(self, server: HTTPServer):
        self.server = server
        self.resources: dict[str, Resource] = {}
        self.requests: list[SeenRequest] = []
        server.expect_request(re.compile(r"^/.*")).respond_with_handler(self._handle)

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def publish(
        self,
        path: str,
        body: bytes | str,
        content_type: str,
        *,
        etag: bool = True,
        last_modified: datetime | None = None,
    ) -> str:
        """Serve `body` at `path` (str bodies as UTF-8); the ETag is derived from the bytes."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        tag = f'"{hashlib.sha256(data).hexdigest()[:16]}"' if etag else None
        self.resources[path] = Resource(data, content_type, tag, last_modified)
        return self.url(path)

    def fail(self, path: str, status: int) -> None:
        """From now on `path` answers `status`."""
        if path in self.resources:
            self.resources[path].status = status
        else:
            self.resources[path] = Resource(b"", "text/plain", status=status)

    def seen(self, path: str) -> list[SeenRequest]:
        return [r for r in self.requests if r.path == path]

    def _handle(self, request: Request) -> Response:
        self.requests.append(SeenRequest(request.path, dict(request.headers), time.monotonic()))
        resource = self.resources.get(request.path)
        if resource is None:
            return Response("no such page", status=404, content_type="text/plain")
        if resource.status != 200:
            return Response(f"HTTP {resource.status}", status=resource.status, content_type="text/plain")
        validators = {}
        if resource.etag:
            validators["ETag"] = resource.etag
        if resource.last_modified:
            validators["Last-Modified"] = http_date(resource.last_modified)
        if _not_modified(request, resource):
            return Response(status=304, headers=validators)
        # Content-Type is set verbatim: werkzeug would add '; charset=utf-8' to a bare text type.
        return Response(
            resource.body, status=200, headers={"Content-Type": resource.content_type, **validators}
        )


def start_site() -> Site:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    return Site(server)


def stop_site(site: Site) -> None:
    site.server.clear()
    if site.server.is_running():
        site.server.stop()


# ---- content ------------------------------------------------------------------------------------------


def article_page(
    paragraphs: list[str], *, title: str, published: str | None = None, meta_charset: str | None = "utf-8"
) -> str:
    """An article page; `published` (ISO date) goes into `article:published_time`."""
    head = [f'<meta charset="{meta_charset}">'] if meta_charset else []
    head.append(f"<title>{html_escape(title)}</title>")
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    body = "".join(f"<p>{html_escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head>" + "".join(head) + "</head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<article><h1>{html_escape(title)}</h1>{body}</article>"
        "<footer>Fictional news for dealmap's tests.</footer></body></html>\n"
    )


def rss_feed(title: str, site_url: str, entries: list[tuple[str, str, datetime]]) -> bytes:
    """RSS 2.0 with one item per (title, link, published)."""
    items = "".join(
        f"<item><title>{xml_escape(t)}</title><link>{xml_escape(link)}</link>"
        f"<guid>{xml_escape(link)}</guid><pubDate>{email.utils.format_datetime(when)}</pubDate></item>"
        for t, link, when in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{xml_escape(title)}</title><link>{xml_escape(site_url)}</link>"
        f"<description>{xml_escape(title)}</description>{items}</channel></rss>\n"
    ).encode()


def atom_feed(title: str, feed_id: str, entries: list[tuple[str, str, datetime]]) -> bytes:
    """Atom 1.0 with one entry per (title, link, published)."""
    latest = max(when for _, _, when in entries).isoformat()
    items = "".join(
        f'<entry><title>{xml_escape(t)}</title><link rel="alternate" href="{xml_escape(link)}"/>'
        f"<id>{xml_escape(link)}</id><published>{when.isoformat()}</published>"
        f"<updated>{when.isoformat()}</updated></entry>"
        for t, link, when in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{xml_escape(title)}</title><id>{xml_escape(feed_id)}</id><updated>{latest}</updated>"
        f"{items}</feed>\n"
    ).encode()


def billion_laughs_feed(entry_link: str) -> bytes:
    """An RSS feed whose title expands to 10^9 'lol's if anything expands entities."""
    levels = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(levels) + "\n]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title><link>http://laughs.example/</link>'
        f"<description>x</description><item><title>&lol9;</title><link>{xml_escape(entry_link)}</link>"
        "<pubDate>Mon, 09 Mar 2026 09:00:00 +0000</pubDate></item></channel></rss>\n"
    ).encode("utf-8")


def external_entity_feed(entry_link: str) -> bytes:
    """An RSS feed that pulls /etc/passwd into its items through an external entity (XXE)."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<rss version="2.0"><channel><title>Leaky wire</title><link>http://leaky.example/</link>'
        f"<description>&xxe;</description><item><title>&xxe;</title><link>{xml_escape(entry_link)}</link>"
        "<description>&xxe;</description><pubDate>Mon, 09 Mar 2026 09:00:00 +0000</pubDate></item>"
        "</channel></rss>\n"
    ).encode()


def newsletter_issue(subject: str, sent: datetime, html: str, teaser: str) -> EmailMessage:
    """A multipart/alternative issue: a short plain-text teaser and the full HTML part in base64."""
    message = EmailMessage()
    message["From"] = "The Founders Letter <editor@founders-letter.example>"
    message["To"] = "reader@example.org"
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(sent)
    message["Message-ID"] = email.utils.make_msgid(domain="founders-letter.example")
    message.set_content(teaser, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="base64")
    return message


def mbox_bytes(messages: list[EmailMessage]) -> bytes:
    """An mbox archive of `messages`, written by the standard library's `mailbox`."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "archive.mbox"
        archive = mailbox.mbox(path)
        try:
            for message in messages:
                archive.add(message)
            archive.flush()
        finally:
            archive.close()
        return path.read_bytes()


def registry_toml(sources: list[dict[str, Any]]) -> str:
    """sources.toml text: one [[source]] table per dict (scalar values and an `options` table)."""
    lines: list[str] = []
    for source in sources:
        lines.append("[[source]]")
        options = source.get("options", {})
        for key, value in source.items():
            if key != "options":
                lines.append(f"{key} = {_toml_value(value)}")
        if options:
            lines.append("[source.options]")
            lines.extend(f"{key} = {_toml_value(value)}" for key, value in options.items())
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---- reading the results of a run ---------------------------------------------------------------------


def working_db(data_dir: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(data_dir / "work" / "dealmap_work.duckdb"), read_only=True)


def served_db(data_dir: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True)


def rows(connection: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[dict[str, Any]]:
    """Query results as dicts, column name -> value."""
    cursor = connection.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def materialization_metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict[str, Any]:
    """The metadata values an asset reported in a run."""
    event = next(
        m for m in result.get_asset_materialization_events() if m.asset_key.to_user_string() == asset
    )
    return {key: value.value for key, value in event.materialization.metadata.items()}


def fetch(url: str, **policy: Any) -> FetchOutcome:
    """One fetch through a fresh client with the quick test policy (overrides as keyword arguments)."""
    client = HttpClient(quick_policy(**policy))
    try:
        return client.fetch(url)
    finally:
        client.close()


def paths(server: HTTPServer) -> list[str]:
    """The paths the server was asked for, in order."""
    return [request.path for request, _ in server.log]
