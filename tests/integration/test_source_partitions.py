"""Per-source partitions: kept in step with sources.toml; a run for one source fetches only it, and the
combining stages read every source's latest output; each partition shows its own fetch."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.documents import documents
from assets.fetching.resource import HttpFetcherResource
from assets.source_store import SourceStoreResource
from assets.sources import SourceRegistryResource
from orchestration.definitions import defs
from orchestration.source_partitions import partition_changes, sync_source_partitions
from tests.conftest import SAMPLES
from tests.integration.pipeline import per_source, run_refresh

TWO_SOURCES = (
    '[[source]]\nid = "deal-map"\nkind = "article"\nurl = "deal-map.html"\n\n'
    '[[source]]\nid = "portfolio"\nkind = "table"\nurl = "portfolio.jsonl"\n'
    '[source.options]\nformat = "jsonl"\ncurrency = "USD"\n'
)


@pytest.fixture
def two_sources(tmp_path: Path) -> tuple[Path, Path]:
    """(registry, data dir) of an article and a JSON Lines export, refreshed once."""
    shutil.copy(SAMPLES / "articles" / "ai-infrastructure-deal-map-2026.html", tmp_path / "deal-map.html")
    shutil.copy(SAMPLES / "exports" / "portfolio-tracker.jsonl", tmp_path / "portfolio.jsonl")
    registry = tmp_path / "sources.toml"
    registry.write_text(TWO_SOURCES, encoding="utf-8")
    data_dir = tmp_path / "data"
    first = run_refresh(data_dir, registry)
    assert first.success
    return registry, data_dir


def _served(data_dir: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(data_dir / "dealmap.duckdb"), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()


def test_partition_changes_follow_the_registry():
    assert partition_changes(["a", "b", "c"], ["a", "x", "c"]) == (["b"], ["x"])
    instance = dg.DagsterInstance.ephemeral()
    assert sync_source_partitions(instance, ["a", "b"]) == ["a", "b"]
    assert sync_source_partitions(instance, ["b", "c"]) == ["b", "c"]  # a went, c came
    assert instance.get_dynamic_partitions("sources") == ["b", "c"]


def test_the_sync_sensor_adds_new_sources_and_removes_gone_ones(tmp_path: Path):
    registry = tmp_path / "sources.toml"
    registry.write_text(TWO_SOURCES, encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("sources", ["deal-map", "retired"])
    sensor = defs.resolve_sensor_def("source_partitions")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    with dg.build_sensor_context(
        instance=instance, resources={"sources": SourceRegistryResource(path=str(registry))}
    ) as context:
        result = sensor.evaluate_tick(context)
        instance.add_dynamic_partitions("sources", ["portfolio"])
        instance.delete_dynamic_partition("sources", "retired")
        settled = sensor.evaluate_tick(context)
    changes = {type(r).__name__: list(r.partition_keys) for r in result.dynamic_partitions_requests}
    assert changes == {
        "AddDynamicPartitionsRequest": ["portfolio"],
        "DeleteDynamicPartitionsRequest": ["retired"],
    }
    assert settled.dynamic_partitions_requests == []
    assert settled.skip_message == "partitions match sources.toml (2 sources)"


def test_the_daily_schedule_refreshes_every_source_in_one_run(tmp_path: Path):
    registry = tmp_path / "sources.toml"
    registry.write_text(TWO_SOURCES, encoding="utf-8")
    schedule = defs.resolve_schedule_def("daily_refresh")
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    (tmp_path / "dagster").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster")) as instance:
        instance.add_dynamic_partitions("sources", ["gone"])
        # Closed after the tick: a context left open keeps the instance as this process's current one.
        with dg.build_schedule_context(
            instance=instance, resources={"sources": SourceRegistryResource(path=str(registry))}
        ) as context:
            [request] = schedule.evaluate_tick(context).run_requests
        assert request.partition_key_range == dg.PartitionKeyRange("deal-map", "portfolio")
        assert instance.get_dynamic_partitions("sources") == ["deal-map", "portfolio"]


def test_a_run_for_one_source_fetches_only_it_and_the_warehouse_keeps_every_source(two_sources):
    registry, data_dir = two_sources
    deals_before = _served(data_dir, "select deal_id, source_count from deals order by deal_id")
    result = run_refresh(data_dir, registry, partitions="portfolio")
    assert result.success
    assert set(per_source(result, "documents")) == {"portfolio"}
    assert set(per_source(result, "extracted_mentions")) == {"portfolio"}
    fetched = _served(data_dir, "select distinct source_id from fetch_log where run_id = ?", [result.run_id])
    assert fetched == [("portfolio",)]
    assert _served(data_dir, "select deal_id, source_count from deals order by deal_id") == deals_before
    by_source = dict(_served(data_dir, "select source_id, count(*) from deal_sources group by 1"))
    assert by_source["deal-map"] >= 8
    assert by_source["portfolio"] > 0


def test_a_failing_source_shows_on_its_partition_and_keeps_its_last_good_documents(two_sources):
    registry, data_dir = two_sources
    article_deals = _served(data_dir, "select count(*) from deal_sources where source_id = 'deal-map'")
    (registry.parent / "deal-map.html").unlink()
    result = run_refresh(data_dir, registry)
    assert result.success
    fetches = per_source(result, "documents")
    assert (fetches["deal-map"]["fetch"], fetches["deal-map"]["failed_urls"]) == ("failed", 1)
    assert fetches["deal-map"]["dagster/row_count"] == 1  # its stored version is still the current one
    assert (fetches["portfolio"]["fetch"], fetches["portfolio"]["failed_urls"]) == ("ok", 0)
    [check] = [c for c in result.get_asset_check_evaluations() if c.check_name == "sources_fetched"]
    assert not check.passed
    assert check.metadata["failing_sources"].value == "deal-map"
    assert (
        _served(data_dir, "select count(*) from deal_sources where source_id = 'deal-map'") == article_deals
    )


def test_a_partitioned_stage_run_without_a_source_says_how_to_run_it(tmp_path: Path):
    result = dg.materialize(
        [documents],
        resources={
            "sources": SourceRegistryResource(),
            "source_store": SourceStoreResource(data_dir=str(tmp_path)),
            "fetcher": HttpFetcherResource(),
        },
        raise_on_error=False,
    )
    assert not result.success
    [failure] = [e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE]
    message = failure.step_failure_data.error.cause.message
    assert "documents is partitioned by source" in message
    assert "python3 tasks.py refresh" in message
    assert not (tmp_path / "sources").exists()


def _deals(data_dir: Path) -> list[tuple]:
    return _served(data_dir, "select company, amount_usd from deals order by company")


def test_a_lost_extraction_is_parsed_again_and_the_others_keep_their_deals(two_sources):
    """A source's extraction folder gone (removed by hand, or a run stopped while replacing it): a run
    of another source keeps its mentions, and a run of it parses it again; nothing is held or lost."""
    registry, data_dir = two_sources
    deals = _deals(data_dir)
    extraction = data_dir / "sources" / "portfolio" / "extraction"
    for folder in (p for p in extraction.iterdir() if p.is_dir()):
        shutil.rmtree(folder)  # CURRENT still names it

    other = run_refresh(data_dir, registry, partitions="deal-map")
    assert other.success
    assert _deals(data_dir) == deals
    assert _served(data_dir, "select count(*) from source_holds") == [(0,)]

    again = run_refresh(data_dir, registry, partitions="portfolio")
    assert again.success
    assert per_source(again, "extracted_mentions")["portfolio"]["documents_parsed"] == 1
    assert _deals(data_dir) == deals


def test_a_deleted_working_database_gets_its_document_history_back(two_sources):
    registry, data_dir = two_sources
    documents_before = _served(data_dir, "select count(*) from documents")
    for path in (data_dir / "work").glob("dealmap_work.duckdb*"):
        path.unlink()

    instance = dg.DagsterInstance.ephemeral()
    warned = run_refresh(data_dir, registry, instance)
    assert warned.success
    warnings = [r.user_message for r in instance.all_logs(warned.run_id) if r.level == 30]
    assert any(
        m.startswith("portfolio: the working database holds none of the 1 document versions")
        for m in warnings
    ), warnings
    assert _served(data_dir, "select count(*) from documents") == [(0,)]  # nothing new was fetched
    assert not (data_dir / "sources" / "portfolio" / "fetch_state.json").exists()
    assert _deals(data_dir)  # the deals are served all the same

    restored = run_refresh(data_dir, registry)
    assert restored.success
    assert _served(data_dir, "select count(*) from documents") == documents_before
