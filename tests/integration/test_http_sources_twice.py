"""Done-when: every source kind over HTTP plus a file:// sample, refreshed twice; the second run gets 304s."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import dagster as dg
import pytest

from tests.integration.http_fixtures import (
    SeenRequest,
    Site,
    article_page,
    mbox_bytes,
    newsletter_issue,
    quick_fetcher,
    registry_toml,
    rows,
    rss_feed,
    served_db,
    start_site,
    stop_site,
    working_db,
)
from tests.integration.pipeline import run_refresh, summed

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_ARTICLE = SAMPLES / "articles" / "ai-infrastructure-deal-map-2026.html"
CHANGED = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

# The last row has no company: the quarantine takes it (1 of 3 rows, within the default 50% limit). A refresh
# that rejects nothing at all crashes today (see test_fetch_pending_bugs.py).
EXPORT_CSV = """\
company,round_type,amount,currency,valuation,segment,announced_date,lead_investors
Tessellate Robotics,Series A,20000000,USD,120000000,AI agents,2026-02-11,Northwind Ventures
Kelpwater Compute,Seed,6000000,USD,30000000,GPU cloud,2026-02-18,Kestrel Partners; Harbourline Capital
,Seed,8000000,USD,30000000,GPU cloud,2026-02-20,
"""

HTTP_DOCUMENTS = [
    "/news/orrin-labs.html",
    "/feeds/wire.rss",
    "/wire/lumenvale.html",
    "/wire/quillmark.html",
    "/letters/founders.mbox",
    "/exports/deals.csv",
]


def publish(site: Site) -> list[dict[str, Any]]:
    """Serve one source of each kind with both validators; return the registry (plus a file:// sample)."""

    def put(path: str, body: bytes | str, content_type: str) -> str:
        return site.publish(path, body, content_type, last_modified=CHANGED)

    put("/robots.txt", "User-agent: *\nDisallow: /drafts/\n", "text/plain")
    article = article_page(
        ["Orrin Labs raised a $40M Series B led by Northwind Ventures."],
        title="Orrin Labs",
        published="2026-03-09",
    )
    put("/news/orrin-labs.html", article, "text/html; charset=utf-8")
    for path, sentence in [
        ("/wire/lumenvale.html", "Lumenvale raised $8M in seed funding led by Northwind Ventures."),
        ("/wire/quillmark.html", "Quillmark landed a $30M Series B led by Kestrel Partners."),
    ]:
        put(path, article_page([sentence], title=sentence.split()[0]), "text/html; charset=utf-8")
    feed = rss_feed(
        "Northwind Wire",
        site.url("/wire/"),
        [
            ("Lumenvale seed", site.url("/wire/lumenvale.html"), datetime(2026, 3, 8, 14, 30, tzinfo=UTC)),
            (
                "Quillmark Series B",
                site.url("/wire/quillmark.html"),
                datetime(2026, 2, 24, 10, 0, tzinfo=UTC),
            ),
        ],
    )
    put("/feeds/wire.rss", feed, "application/rss+xml")
    issue = newsletter_issue(
        "Founders Letter #12",
        datetime(2026, 3, 17, 8, 30, tzinfo=UTC),
        "<p>Halvard Bio raised $22M Series A led by Northwind Ventures.</p>",
        teaser="This issue is best read in HTML.",
    )
    put("/letters/founders.mbox", mbox_bytes([issue]), "application/mbox")
    put("/exports/deals.csv", EXPORT_CSV, "text/csv; charset=utf-8")
    return [
        {"id": "orrin-news", "kind": "article", "url": site.url("/news/orrin-labs.html")},
        {"id": "northwind-wire", "kind": "feed", "url": site.url("/feeds/wire.rss")},
        {"id": "founders-letter", "kind": "newsletter", "url": site.url("/letters/founders.mbox")},
        {
            "id": "tracker-export",
            "kind": "table",
            "url": site.url("/exports/deals.csv"),
            "options": {"format": "csv", "currency": "USD", "date_format": "%Y-%m-%d"},
        },
        {"id": "stackline-deal-map", "kind": "article", "url": SAMPLE_ARTICLE.as_uri()},
    ]


@dataclass
class Run:
    result: dg.ExecuteInProcessResult
    documents: list[dict[str, Any]]
    fetch_log: list[dict[str, Any]]
    deals: list[dict[str, Any]]
    requests: list[SeenRequest]


@dataclass
class Twice:
    site: Site
    first: Run
    second: Run


def _run(site: Site, data_dir: Path, registry: Path) -> Run:
    since = len(site.requests)
    fetcher = quick_fetcher(respect_robots=True, file_roots=[str(SAMPLES)])
    result = run_refresh(data_dir, registry, fetcher=fetcher)
    with working_db(data_dir) as work:
        documents = rows(work, "select * from documents order by source_id, url")
        fetch_log = rows(work, "select * from fetch_log where run_id = ? order by url", result.run_id)
    with served_db(data_dir) as served:
        deals = rows(served, "select * from deals order by deal_id")
    return Run(result, documents, fetch_log, deals, site.requests[since:])


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> Iterator[tuple[Site, Path, Path, Run]]:
    site = start_site()
    try:
        base = tmp_path_factory.mktemp("twice")
        registry = base / "sources.toml"
        registry.write_text(registry_toml(publish(site)), encoding="utf-8")
        data_dir = base / "data"
        yield site, data_dir, registry, _run(site, data_dir, registry)
    finally:
        stop_site(site)


@pytest.fixture(scope="module")
def twice(first_run) -> Twice:
    site, data_dir, registry, first = first_run
    return Twice(site, first, _run(site, data_dir, registry))


def test_the_first_run_lands_every_kind_of_source(first_run):
    site, _, _, first = first_run
    assert first.result.success
    landed = {(d["source_id"], d["url"], d["status"]) for d in first.documents}
    assert landed == {
        ("orrin-news", site.url("/news/orrin-labs.html"), "new"),
        ("northwind-wire", site.url("/feeds/wire.rss"), "new"),
        ("northwind-wire", site.url("/wire/lumenvale.html"), "new"),
        ("northwind-wire", site.url("/wire/quillmark.html"), "new"),
        ("founders-letter", site.url("/letters/founders.mbox"), "new"),
        ("tracker-export", site.url("/exports/deals.csv"), "new"),
        ("stackline-deal-map", SAMPLE_ARTICLE.as_uri(), "new"),
    }
    assert {d["status"] for d in first.fetch_log} == {"ok"}
    companies = {d["company"]: (d["amount_usd"], d["announced_date"]) for d in first.deals}
    assert {
        name: companies[name]
        for name in (
            "Orrin Labs",
            "Lumenvale",
            "Quillmark",
            "Halvard Bio",
            "Tessellate Robotics",
            "Kelpwater Compute",
        )
    } == {
        "Orrin Labs": (40_000_000, date(2026, 3, 9)),
        "Lumenvale": (8_000_000, date(2026, 3, 8)),
        "Quillmark": (30_000_000, date(2026, 2, 24)),
        "Halvard Bio": (22_000_000, date(2026, 3, 17)),
        "Tessellate Robotics": (20_000_000, date(2026, 2, 11)),
        "Kelpwater Compute": (6_000_000, date(2026, 2, 18)),
    }
    sample_companies = {"Cerebras Systems", "ElevenLabs", "Nexthop AI", "Runway", "Baseten", "Sierra"}
    assert sample_companies <= set(companies)  # from the file:// sample article
    assert companies["Cerebras Systems"][0] == 3_500_000_000
    assert [r.path for r in first.requests if r.path == "/robots.txt"] == ["/robots.txt"]


def test_the_second_run_asks_conditionally_for_every_http_document(twice):
    resources = twice.site.resources
    sent = {
        r.path: (r.headers.get("If-None-Match"), r.headers.get("If-Modified-Since"))
        for r in twice.second.requests
    }
    assert {path: sent[path] for path in HTTP_DOCUMENTS} == {
        path: (resources[path].etag, "Mon, 02 Mar 2026 08:00:00 GMT") for path in HTTP_DOCUMENTS
    }
    statuses = {r["url"]: (r["status"], r["http_status"]) for r in twice.second.fetch_log}
    # The sample file answers by its own ETag (size, times, inode): not read again either.
    assert statuses == {twice.site.url(path): ("not_modified", 304) for path in HTTP_DOCUMENTS} | {
        SAMPLE_ARTICLE.as_uri(): ("not_modified", None)
    }


def test_the_second_run_adds_no_documents_and_parses_nothing(twice):
    assert twice.second.result.success
    assert twice.second.documents == twice.first.documents
    second = twice.second.result
    parsed = [summed(second, "extracted_mentions", f) for f in ("documents_parsed", "documents_reused")]
    assert parsed == [0, 7]
    fetched = [summed(second, "documents", f) for f in ("new_versions", "fetches")]
    assert fetched == [0, {"not_modified": 7}]


def test_the_second_run_leaves_deals_identical(twice):
    assert twice.second.deals == twice.first.deals
    assert len(twice.first.deals) >= 14
