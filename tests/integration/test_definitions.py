"""The Dagster definitions themselves: they load, and the schedule, jobs, assets and checks are wired."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import dagster as dg

from assets.sources import SourceRegistryResource
from orchestration.definitions import defs
from tests.conftest import REPO_ROOT

EXPECTED_ASSETS = {
    "documents",
    "extracted_mentions",
    "combined_mentions",
    "normalized_mentions",
    "valid_mentions",
    "rejected_deals",
    "deals",
    "deal_sources",
    "deal_investors",
    "mart_funding_by_segment",
    "mart_funding_by_layer",
    "mart_top_deals",
    "mart_capital_concentration",
    "mart_investor_activity",
    "dealmap_duckdb",
    "investment_map",
}


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)


def test_daily_refresh_schedule_runs_by_default():
    schedule = defs.resolve_schedule_def("daily_refresh")
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert schedule.cron_schedule == "0 6 * * *"
    assert schedule.job_name == "refresh"


def test_every_asset_is_in_the_graph_with_a_description():
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == EXPECTED_ASSETS
    for key in graph.get_all_asset_keys():
        assert graph.get(key).description, f"{key.to_user_string()} has no description"


def test_replay_job_reprocesses_without_fetching():
    job = defs.resolve_job_def("replay")
    selected = {key.to_user_string() for key in job.asset_layer.selected_asset_keys}
    assert "documents" not in selected
    assert {"extracted_mentions", "deals", "dealmap_duckdb"} <= selected


def test_reconciliation_and_mart_checks_block_downstream():
    graph = defs.resolve_asset_graph()
    checks = {
        (key.asset_key.to_user_string(), key.name): graph.get_check_spec(key)
        for key in graph.asset_check_keys
    }
    blocking = {key for key, spec in checks.items() if spec.blocking}
    assert {
        ("deals", "records_reconcile"),
        ("deals", "deal_rules"),
        ("valid_mentions", "source_rejection_rates"),
        ("mart_funding_by_segment", "totals_reconcile"),
        ("mart_funding_by_segment", "no_negative_or_null_aggregates"),
        ("mart_funding_by_layer", "totals_reconcile"),
        ("mart_funding_by_layer", "shares_sum_to_one"),
        ("mart_top_deals", "ranks_and_amounts_match_deals"),
        ("mart_capital_concentration", "shares_bounded_and_ordered"),
        ("mart_investor_activity", "participations_reconcile"),
        ("dealmap_duckdb", "served_file_matches_working"),
    } <= blocking
    warnings = {
        ("documents", "sources_fetched"),
        ("extracted_mentions", "documents_parsed"),
        ("valid_mentions", "record_rules"),
        ("deals", "deal_conflicts"),
        ("deals", "unclassified_share"),
    }
    assert warnings <= set(checks) - blocking


def test_dagster_and_dg_load_the_same_module():
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert config["dagster"]["module_name"] == "orchestration.definitions"
    assert config["dg"]["project"]["code_location_target_module"] == "orchestration.definitions"


def test_the_dagster_cli_loads_the_code_location(tmp_path: Path):
    dagster = Path(sys.executable).with_name("dagster")
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    completed = subprocess.run(
        [str(dagster), "definitions", "validate", "-m", "orchestration.definitions"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "Validation successful for code location" in completed.stderr + completed.stdout


def test_reference_sensor_replays_only_after_a_change(tmp_path: Path, monkeypatch):
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "taxonomy.toml").write_text("[segment.a]\n", encoding="utf-8")
    monkeypatch.setenv("DEALMAP_REFERENCE_DIR", str(reference))
    sensor = defs.resolve_sensor_def("reference_data_changed")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert sensor.job_name == "replay"

    registry = tmp_path / "sources.toml"
    registry.write_text(
        '[[source]]\nid = "one"\nkind = "article"\nurl = "one.html"\n\n'
        '[[source]]\nid = "two"\nkind = "article"\nurl = "two.html"\n',
        encoding="utf-8",
    )
    resources = {"sources": SourceRegistryResource(path=str(registry))}

    instance = dg.DagsterInstance.ephemeral()

    def tick(cursor: str | None) -> dg.SensorExecutionData:
        with dg.build_sensor_context(cursor=cursor, resources=resources, instance=instance) as context:
            return sensor.evaluate_tick(context)

    first = tick(None)
    assert first.run_requests == []
    assert tick(first.cursor).run_requests == []
    (reference / "taxonomy.toml").write_text("[segment.a]\naliases = ['b']\n", encoding="utf-8")
    changed = tick(first.cursor)
    assert len(changed.run_requests) == 1
    assert changed.cursor != first.cursor
    # A replay covers every source: the range of their partitions, synced with the registry first.
    assert changed.run_requests[0].partition_key_range == dg.PartitionKeyRange("one", "two")
    added = changed.dynamic_partitions_requests[0]
    assert (added.partitions_def_name, list(added.partition_keys)) == ("sources", ["one", "two"])
    # Undoing the edit, then making it again: each is a change, with a run key never used before
    (reference / "taxonomy.toml").write_text("[segment.a]\n", encoding="utf-8")
    undone = tick(changed.cursor)
    (reference / "taxonomy.toml").write_text("[segment.a]\naliases = ['b']\n", encoding="utf-8")
    redone = tick(undone.cursor)
    keys = [t.run_requests[0].run_key for t in (changed, undone, redone)]
    assert len(set(keys)) == 3
    assert tick(redone.cursor).run_requests == []
    # After the sensor's cursor is reset, the same change again gets a run key never used before
    (reference / "taxonomy.toml").write_text("[segment.a]\n", encoding="utf-8")
    restarted = tick(None)
    (reference / "taxonomy.toml").write_text("[segment.a]\naliases = ['b']\n", encoding="utf-8")
    again = tick(restarted.cursor)
    assert again.run_requests[0].run_key not in keys
    (reference / "taxonomy.toml").write_text("[segment.a]\naliases = ['b']\n", encoding="utf-8")
    # A registry that does not read: no request, the change is still pending (the cursor stays)
    registry.write_text("[[source]\n", encoding="utf-8")
    (reference / "taxonomy.toml").write_text("[segment.c]\n", encoding="utf-8")
    broken = tick(redone.cursor)
    assert broken.run_requests == []
    assert "sources.toml cannot be read" in broken.skip_message
    assert broken.cursor in (None, redone.cursor)
    partitions = defs.resolve_sensor_def("source_partitions")
    with dg.build_sensor_context(resources=resources, instance=instance) as context:
        synced = partitions.evaluate_tick(context)
    assert synced.run_requests == []
    assert "sources.toml cannot be read" in synced.skip_message


def test_every_table_asset_shows_its_owner_code_and_declared_columns():
    from schemas.tables import DEALS

    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.owners == ["team:dealmap"], key
        assert "dagster/code_references" in node.metadata, key
    deals = graph.get(dg.AssetKey("deals")).metadata
    assert deals["dagster/table_name"] == "deals"
    columns = {c.name: c.description for c in deals["dagster/column_schema"].columns}
    assert list(columns) == DEALS.names
    assert columns["amount_usd"] == next(c.comment for c in DEALS.columns if c.name == "amount_usd")
    concentration = graph.get(dg.AssetKey("mart_capital_concentration")).metadata["dagster/column_schema"]
    assert concentration.columns[0].name == "period_grain"
    tiers = {key.to_user_string(): graph.get(key).tags["tier"] for key in graph.get_all_asset_keys()}
    assert (tiers["deals"], tiers["mart_top_deals"], tiers["normalized_mentions"]) == (
        "served",
        "served",
        "working",
    )
    assert (tiers["dealmap_duckdb"], tiers["investment_map"]) == ("output", "output")
