"""The newsletter inbox sensor: a dropped issue refreshes its source's partition (and what follows), once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.source_store import SourceStoreResource
from assets.sources import SourceRegistryResource
from orchestration.definitions import defs
from orchestration.sensors import _inbox_request
from tests.conftest import SAMPLES
from tests.integration.pipeline import run_refresh

ISSUE = """---
subject: "The Inference Brief #820: a scheduler for idle GPUs"
date: Wed, 03 Jun 2026 09:00:00 +0000
source_url: "https://inference-brief.example/p/820"
---

# The Inference Brief #820

Quillfern, which builds scheduling software that fills idle GPU hours in inference clusters, raised a
$30M Series A led by Index Ventures.
"""


@pytest.fixture
def inbox(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(registry, the newsletter's inbox folder, data dir) after a first full refresh: an article and a
    newsletter whose folder holds one issue."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLES / "newsletters" / "inference-brief" / "2026-01-28-issue-797.md", folder)
    shutil.copy(SAMPLES / "articles" / "ai-infrastructure-deal-map-2026.html", tmp_path / "deal-map.html")
    registry = tmp_path / "sources.toml"
    registry.write_text(
        '[[source]]\nid = "deal-map"\nkind = "article"\nurl = "deal-map.html"\n\n'
        '[[source]]\nid = "brief"\nkind = "newsletter"\nurl = "inbox"\n',
        encoding="utf-8",
    )
    data_dir = tmp_path / "data"
    assert run_refresh(data_dir, registry).success
    return registry, folder, data_dir


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[dg.DagsterInstance]:
    """A Dagster instance on disk (sensors are given it by reference, as the daemon gives it)."""
    home = tmp_path / "dagster"
    home.mkdir()
    with dg.instance_for_test(temp_dir=str(home)) as test_instance:
        yield test_instance


def _tick(registry: Path, data_dir: Path, instance: dg.DagsterInstance, cursor: str | None):
    sensor = defs.resolve_sensor_def("newsletter_inbox")
    resources = {
        "sources": SourceRegistryResource(path=str(registry)),
        "source_store": SourceStoreResource(data_dir=str(data_dir)),
    }
    # By reference, as the daemon does: resolving a partitioned run request reads the instance's partitions.
    # Closed after the tick: the context enters the instance it opens, which must not outlive the test.
    with dg.build_sensor_context(
        cursor=cursor, resources=resources, instance_ref=instance.get_ref(), definitions=defs
    ) as context:
        return sensor.evaluate_tick(context)


def test_the_inbox_sensor_runs_by_default_and_targets_the_refresh():
    sensor = defs.resolve_sensor_def("newsletter_inbox")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert sensor.job_name == "refresh"


def test_issues_already_fetched_start_nothing(inbox, instance):
    registry, _, data_dir = inbox
    result = _tick(registry, data_dir, instance, None)
    assert result.run_requests == []
    assert result.skip_message == "no new issue in any newsletter inbox"


def test_a_dropped_issue_refreshes_its_source_once_and_its_deal_reaches_the_warehouse(inbox, instance):
    registry, folder, data_dir = inbox
    first = _tick(registry, data_dir, instance, None)
    (folder / "2026-06-03-issue-820.md").write_text(ISSUE, encoding="utf-8")
    dropped = _tick(registry, data_dir, instance, first.cursor)
    assert [r.partition_key for r in dropped.run_requests] == ["brief"]
    assert dropped.run_requests[0].run_key.startswith("inbox-brief-")
    # The partition is created with the request when the registry's sources were never synced.
    assert [list(r.partition_keys) for r in dropped.dynamic_partitions_requests] == [["brief"]]

    # The same file again (rewritten with the same bytes) before its run has fetched it: no second run.
    again = _tick(registry, data_dir, instance, dropped.cursor)
    (folder / "2026-06-03-issue-820.md").write_text(ISSUE, encoding="utf-8")
    rewritten = _tick(registry, data_dir, instance, again.cursor)
    assert (again.run_requests, rewritten.run_requests) == ([], [])

    result = run_refresh(data_dir, registry, partitions="brief")
    assert result.success
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as connection:
        fetched = connection.execute(
            "select distinct source_id from fetch_log where run_id = ?", [result.run_id]
        ).fetchall()
        landed = connection.execute(
            "select (select count(*) from deals where company = 'Quillfern'), "
            "(select count(*) from rejected_deals where company_text = 'Quillfern')"
        ).fetchone()
        article = connection.execute(
            "select count(*) from deal_sources where source_id = 'deal-map'"
        ).fetchone()[0]
    assert fetched == [("brief",)]  # only the inbox's source was fetched
    assert sum(landed) == 1  # the new mention ended in the warehouse (a deal, or quarantined with a reason)
    assert article > 0  # the other source's deals stand, from its last extraction
    # Fetched now: a fresh sensor (no cursor) finds nothing new either.
    assert _tick(registry, data_dir, instance, None).run_requests == []


def test_a_file_the_newsletter_cannot_read_is_reported_once_and_left_in_place(inbox, instance):
    registry, folder, data_dir = inbox
    bad = folder / "issue-821.pdf"
    bad.write_bytes(b"%PDF-1.7 not an issue dealmap reads")
    reported = _tick(registry, data_dir, instance, None)
    assert reported.run_requests == []
    assert str(bad) in reported.skip_message
    assert "not a newsletter issue (.pdf)" in reported.skip_message
    assert bad.read_bytes().startswith(b"%PDF")
    assert _tick(registry, data_dir, instance, reported.cursor).skip_message == (
        "no new issue in any newsletter inbox"
    )


def test_the_same_bytes_again_after_other_bytes_is_a_new_request():
    """Bytes A, then B, then A again in the same file: three runs (Dagster drops a repeated run key)."""
    first = _inbox_request("brief", {"issue.md": "a" * 64}, {})
    second = _inbox_request("brief", {"issue.md": "b" * 64}, {"file:///inbox/issue.md": "a" * 64})
    third = _inbox_request("brief", {"issue.md": "a" * 64}, {"file:///inbox/issue.md": "b" * 64})

    assert len({first.run_key, second.run_key, third.run_key}) == 3
    assert _inbox_request("brief", {"issue.md": "a" * 64}, {}).run_key == first.run_key
    assert third.partition_key == "brief"


def test_on_a_fresh_data_dir_the_first_inbox_run_refreshes_every_source(tmp_path, instance):
    """Started on a data folder no refresh has filled, the sensor would otherwise publish a warehouse of
    the inbox's deals alone: its first request covers every source."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "2026-06-03-issue-820.md").write_text(ISSUE, encoding="utf-8")
    registry = tmp_path / "sources.toml"
    registry.write_text(
        '[[source]]\nid = "deal-map"\nkind = "article"\nurl = "deal-map.html"\n\n'
        '[[source]]\nid = "brief"\nkind = "newsletter"\nurl = "inbox"\n',
        encoding="utf-8",
    )
    first = _tick(registry, tmp_path / "data", instance, None)
    (request,) = first.run_requests
    assert request.partition_key is None
    assert request.partition_key_range == dg.PartitionKeyRange("deal-map", "brief")
    assert request.run_key.startswith("inbox-first-")
    assert [list(r.partition_keys) for r in first.dynamic_partitions_requests] == [["deal-map", "brief"]]


def test_a_source_taken_out_of_the_registry_is_named_when_its_deals_leave(inbox, tmp_path):
    registry, _, data_dir = inbox
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as connection:
        before = connection.execute("select count(distinct deal_id) from deal_sources").fetchone()[0]
    registry.write_text('[[source]]\nid = "brief"\nkind = "newsletter"\nurl = "inbox"\n', encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    result = run_refresh(data_dir, registry, instance=instance)
    assert result.success
    messages = [e.user_message for e in instance.all_logs(result.run_id) if not e.is_dagster_event]
    (departed,) = [m for m in messages if m.startswith("deal-map: no longer an enabled source")]
    assert "mentions are left out" in departed
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as connection:
        after = connection.execute("select count(distinct source_id), count(*) from deal_sources").fetchone()
    assert after[0] == 1
    assert after[1] < before


def test_a_source_added_and_never_fetched_is_named_on_every_run_a_replay_included(inbox):
    registry, _, data_dir = inbox
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text + '\n[[source]]\nid = "late"\nkind = "article"\nurl = "deal-map.html"\n', "utf-8"
    )
    replay = dg.AssetSelection.all() - dg.AssetSelection.assets("documents")
    for _ in range(2):  # the replay extracts the source's no documents; the second run is unchanged
        instance = dg.DagsterInstance.ephemeral()
        result = run_refresh(data_dir, registry, instance=instance, selection=replay)
        assert result.success
        messages = [e.user_message for e in instance.all_logs(result.run_id) if not e.is_dagster_event]
        assert [m for m in messages if m.startswith("late: never fetched")]
