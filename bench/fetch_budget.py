"""A hostile feed on loopback: every entry answers 503 with `Retry-After: 999999`. How long does one
source's fetch take, against its budget?

Without a per-source budget, 20 entries x 3 retries x a 60 s Retry-After cap would hold the refresh for
about an hour. With it, the whole source ends within `source_budget_s` (plus the time to log what was
left), and the URLs it did not reach are logged as `source_budget_exhausted`. The floor is the same feed
served healthily (20 pages, each one 200), fetched by the same client in the same run.

`python -m bench.fetch_budget [--budget S] [--entries N]`
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from assets.fetching.collect import collect_source
from assets.fetching.http_client import HttpClient
from assets.fetching.policy import FetchPolicy
from assets.fetching.raw_store import RawStore
from assets.sources import Source, SourceKind


def _feed(base: str, entries: int) -> bytes:
    items = "".join(
        f"<item><title>Entry {i}</title><link>{base}/entry/{i}.html</link>"
        "<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>"
        for i in range(entries)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>'
        f"<link>{base}/</link><description>bench</description>{items}</channel></rss>"
    ).encode()


def _server(entries: int, retry_after: str | None) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                body, status, headers = _feed(base, entries), 200, {"Content-Type": "application/rss+xml"}
            elif retry_after is not None:
                body, status, headers = b"busy", 503, {"Retry-After": retry_after}
            else:
                body, status = b"<html><body><p>Quiet week.</p></body></html>", 200
                headers = {"Content-Type": "text/html"}
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _fetch(entries: int, retry_after: str | None, budget_s: float) -> tuple[float, Counter]:
    server = _server(entries, retry_after)
    url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    policy = FetchPolicy(source_budget_s=budget_s, min_host_interval_s=0, respect_robots=False)
    client = HttpClient(policy)
    try:
        with tempfile.TemporaryDirectory(prefix="dealmap-bench-") as scratch:
            source = Source(id="bench-feed", kind=SourceKind.FEED, url=url)
            start = time.perf_counter()
            collected = collect_source(
                source, client, RawStore(Path(scratch)), {}, "bench", datetime.now(UTC).replace(tzinfo=None)
            )
            elapsed = time.perf_counter() - start
    finally:
        client.close()
        server.shutdown()
    return elapsed, Counter(row["error_class"] or row["status"] for row in collected.log)


def run(budget_s: float = 5.0, entries: int = 20) -> None:
    """Print seconds per case, as multiples of the healthy floor and of the budget."""
    floor, healthy = _fetch(entries, None, budget_s)
    print(f"fetch budget: one feed of {entries} entries on loopback, source_budget_s = {budget_s:g}")
    print(f"  {'entries answer':<26}{'seconds':>9}{'x floor':>9}{'x budget':>10}  target  outcomes")
    print(f"  {'200':<26}{floor:>9.2f}{1:>9.1f}{floor / budget_s:>10.2f}  {'':<6}  {dict(healthy)}")
    for retry_after in ("999999", "2"):
        seconds, outcomes = _fetch(entries, retry_after, budget_s)
        verdict = "pass" if seconds <= budget_s * 1.1 + floor else "FAIL"
        label = f"503 Retry-After: {retry_after}"
        print(
            f"  {label:<26}{seconds:>9.2f}{seconds / max(floor, 1e-9):>9.1f}{seconds / budget_s:>10.2f}"
            f"  {verdict:<6}  {dict(outcomes)}"
        )
    print("  target: a hostile source ends within 1.1 x its budget + the healthy floor")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=5.0, help="source_budget_s (seconds)")
    parser.add_argument("--entries", type=int, default=20)
    args = parser.parse_args()
    run(args.budget, args.entries)
