"""The `source_cadence` check on a refreshed working database: the shipped samples pass (no cadence set),
a feed whose newest entry is older than its cadence fails, an aged export fails by its fetch date, a
disabled source is not checked."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.fetching.resource import HttpFetcherResource
from assets.freshness import cadence_report, newest_documents
from assets.sources import load_registry
from tests.conftest import REPO_ROOT, SAMPLES
from tests.integration.pipeline import check_results, run_refresh

CHECK = ("combined_mentions", "source_cadence")
# Fetch, and load what was fetched into the working database, where the check reads it.
LOADED = ["documents", "extracted_mentions", "combined_mentions"]
FETCHER = HttpFetcherResource(file_roots=[str(SAMPLES)], min_host_interval_s=0)


def sample_registry(path: Path, cadences: dict[str, str], disabled: tuple[str, ...] = ()) -> Path:
    """The shipped registry with absolute sample paths, `cadence = ...` added to the named sources and
    `enabled = false` to the disabled ones."""
    text = (REPO_ROOT / "sources.toml").read_text(encoding="utf-8")
    text = text.replace('url = "samples/', f'url = "{SAMPLES}/')
    for source_id in {*cadences, *disabled}:
        extra = f'\ncadence = "{cadences[source_id]}"' if source_id in cadences else ""
        extra += "\nenabled = false" if source_id in disabled else ""
        text, found = re.subn(rf'(id = "{source_id}")', rf"\1{extra}", text)
        assert found == 1, source_id
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def watched(tmp_path_factory):
    """A refresh of the samples with a cadence on the feed (entries dated May 2026), the CSV export
    (fetched just now) and the mbox newsletter."""
    root = tmp_path_factory.mktemp("cadence")
    registry = sample_registry(
        root / "sources.toml",
        {"stackline-weekly": "2w", "deal-tracker-export": "7d", "founders-digest": "30d"},
    )
    result = run_refresh(root / "data", sources_path=registry, fetcher=FETCHER)
    return result, root


def test_the_shipped_samples_pass_and_no_source_is_watched(tmp_path):
    result = run_refresh(
        tmp_path / "data", selection=LOADED, fetcher=HttpFetcherResource(min_host_interval_s=0)
    )

    check = check_results(result)[CHECK]
    assert check.passed
    assert check.description == "no source has a cadence"
    assert check.metadata["not_watched"].value == (
        "stackline-deal-map, inference-brief, deal-tracker-export, portfolio-tracker, stackline-weekly, "
        "founders-digest"
    )


def test_a_feed_whose_newest_entry_is_older_than_its_cadence_fails(watched):
    result, _ = watched

    check = check_results(result)[CHECK]
    assert not check.passed
    assert check.metadata["stale_sources"].value == "stackline-weekly"
    # Dated by the feed entries' own dates (the newest is 25 May 2026), not by when they were fetched.
    assert re.fullmatch(
        r"stackline-weekly: newest document \d+(\.\d)? d old \(published hint 2026-05-25 00:00 UTC: "
        r"file://\S+/samples/feeds/stackline-weekly/entries/\S+\), cadence 14 d",
        check.description,
    ), check.description
    assert check.metadata["not_watched"].value == ("stackline-deal-map, inference-brief, portfolio-tracker")


def test_the_newest_document_per_source_skips_the_feed_listing_and_dates_by_the_publisher(watched):
    _, root = watched
    with duckdb.connect(str(root / "data" / "work" / "dealmap_work.duckdb"), read_only=True) as connection:
        newest = newest_documents(connection).set_index("source_id")
        fetched = connection.execute(
            "select max(fetched_at) from documents where source_id = 'deal-tracker-export'"
        ).fetchone()[0]
    feed = newest.loc["stackline-weekly"]
    assert feed["url"].endswith("/samples/feeds/stackline-weekly/entries/2026-05-25-week-21.html")
    assert (feed["dated_at"], feed["dated_by"]) == (datetime(2026, 5, 25), "published_hint")
    export = newest.loc["deal-tracker-export"]
    assert (export["dated_at"], export["dated_by"]) == (fetched, "fetched_at")
    assert set(newest.index) == {
        "stackline-deal-map",
        "inference-brief",
        "deal-tracker-export",
        "portfolio-tracker",
        "stackline-weekly",
        "founders-digest",
    }


def test_an_export_not_changed_for_longer_than_its_cadence_fails_with_its_age(watched):
    _, root = watched
    sources = load_registry(root / "sources.toml")
    with duckdb.connect(str(root / "data" / "work" / "dealmap_work.duckdb"), read_only=True) as connection:
        newest = newest_documents(connection)
    fetched = newest.set_index("source_id").loc["deal-tracker-export", "dated_at"].to_pydatetime()

    in_time = cadence_report(sources, newest, fetched + timedelta(days=6, hours=12)).set_index("source_id")
    late = cadence_report(sources, newest, fetched + timedelta(days=8, hours=12)).set_index("source_id")

    assert not in_time.loc["deal-tracker-export", "stale"]
    assert in_time.loc["deal-tracker-export", "age"] == "6.5 d"
    assert late.loc["deal-tracker-export", "stale"]
    assert late.loc["deal-tracker-export", "problem"] == (
        f"deal-tracker-export: newest document 8.5 d old (fetched at {fetched:%Y-%m-%d %H:%M} UTC: "
        f"{(SAMPLES / 'exports' / 'deal-tracker-export.csv').as_uri()}), cadence 7 d"
    )


def test_rows_aged_in_the_working_database_fail_the_check_and_a_disabled_source_is_not_checked(
    watched, tmp_path
):
    _, root = watched
    data_dir = shutil.copytree(root / "data", tmp_path / "data")
    with duckdb.connect(str(data_dir / "work" / "dealmap_work.duckdb")) as connection:
        aged = "update documents set fetched_at = fetched_at - interval 40 days where source_id = ?"
        connection.execute(aged, ["founders-digest"])
    cadences = {"founders-digest": "30d", "stackline-weekly": "2w"}
    registry = sample_registry(tmp_path / "sources.toml", cadences)
    refetched = run_refresh(data_dir, sources_path=registry, fetcher=FETCHER, selection=LOADED)
    stale = check_results(refetched)[CHECK]
    assert stale.metadata["stale_sources"].value == "stackline-weekly, founders-digest"  # registry order
    assert re.search(
        r"founders-digest: newest document 40\.0 d old \(fetched at .*\), cadence 30 d", stale.description
    ), stale.description

    sample_registry(registry, cadences, disabled=("stackline-weekly",))
    without_feed = run_refresh(data_dir, sources_path=registry, fetcher=FETCHER, selection=LOADED)
    check = check_results(without_feed)[CHECK]
    assert check.metadata["stale_sources"].value == "founders-digest"
    assert "stackline-weekly" not in check.description

    sample_registry(registry, {"deal-tracker-export": "7d", "portfolio-tracker": "36h"})
    fresh = check_results(run_refresh(data_dir, sources_path=registry, fetcher=FETCHER, selection=LOADED))
    assert fresh[CHECK].passed
    assert fresh[CHECK].description == "2 watched source(s) within their cadence"
    assert fresh[CHECK].metadata["stale_sources"].value == "none"


def test_a_watched_source_without_documents_is_stale():
    sources = load_registry(REPO_ROOT / "sources.toml")
    feed = next(s for s in sources if s.id == "stackline-weekly")
    none_yet = pd.DataFrame(columns=["source_id", "url", "dated_at", "dated_by"])

    report = cadence_report([replace(feed, cadence=timedelta(days=1))], none_yet, datetime(2026, 12, 1))

    assert report.to_dict("records")[0]["problem"] == "stackline-weekly: no document yet (cadence 24 h)"
