"""Freshness policies: which assets carry one, that it fits the daily schedule, and what Dagster's own
freshness daemon makes of the served file a few hours and a day after a publish."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import dagster as dg
from dagster._core.remote_origin import InProcessCodeLocationOrigin
from dagster._core.test_utils import freeze_time, instance_for_test
from dagster._core.types.loadable_target_origin import LoadableTargetOrigin
from dagster._core.workspace.context import WorkspaceProcessContext, WorkspaceRequestContext
from dagster._core.workspace.load_target import InProcessWorkspaceLoadTarget
from dagster._daemon.freshness import FreshnessDaemon
from dagster._utils.schedules import get_smallest_cron_interval

from assets.metadata import DAILY_REFRESH_FRESHNESS
from orchestration.definitions import defs
from tests.conftest import REPO_ROOT

WATCHED = {
    "dealmap_duckdb",
    "mart_funding_by_segment",
    "mart_funding_by_layer",
    "mart_top_deals",
    "mart_capital_concentration",
    "mart_investor_activity",
}


def test_the_served_file_and_every_mart_carry_the_daily_policy_and_an_owner():
    graph = defs.resolve_asset_graph()
    with_policy = {
        key.to_user_string(): graph.get(key)
        for key in graph.get_all_asset_keys()
        if graph.get(key).freshness_policy
    }
    assert set(with_policy) == WATCHED
    for name, node in with_policy.items():
        assert node.freshness_policy == DAILY_REFRESH_FRESHNESS, name
        assert node.owners == ["team:dealmap"], name


def test_the_policy_allows_one_schedule_interval_and_two_hours():
    schedule = defs.resolve_schedule_def("daily_refresh")
    interval = get_smallest_cron_interval(schedule.cron_schedule, schedule.execution_timezone)
    assert interval == timedelta(hours=24)
    assert DAILY_REFRESH_FRESHNESS.fail_window.to_timedelta() == interval + timedelta(hours=2)
    assert DAILY_REFRESH_FRESHNESS.warn_window.to_timedelta() == interval + timedelta(hours=1)


async def _evaluate(context: WorkspaceRequestContext, hours: float) -> dict[tuple[str, float], str]:
    """The daemon's state for the served file and one mart (one event loop per request context: its
    loaders are bound to the loop that first used them)."""
    daemon, names = FreshnessDaemon(), ("dealmap_duckdb", "mart_top_deals")
    nodes = [context.asset_graph.get(dg.AssetKey(name)) for name in names]
    states = await asyncio.gather(*(daemon._compute_asset_freshness_state(context, n) for n in nodes))
    return {(name, hours): state.value for name, state in zip(names, states, strict=True)}


def test_the_freshness_daemon_passes_then_warns_then_fails_the_served_file():
    # The daemon's own evaluation (what `dagster dev` runs every 30 s) over the real definitions, with
    # time frozen: published at 06:05, the served file passes at 07:05, warns the next day at 07:35 and
    # fails at 08:35, a run having been missed. An unpublished mart is UNKNOWN, never PASS.
    origin = InProcessCodeLocationOrigin(
        LoadableTargetOrigin(module_name="orchestration.definitions", working_directory=str(REPO_ROOT))
    )
    published = datetime(2026, 12, 1, 6, 5, tzinfo=UTC)
    states = {}
    with instance_for_test() as instance:
        with freeze_time(published):
            instance.report_runless_asset_event(dg.AssetMaterialization("dealmap_duckdb"))
        with WorkspaceProcessContext(instance, InProcessWorkspaceLoadTarget(origin)) as workspace:
            for hours in (1, 25.5, 26.5):
                with freeze_time(published + timedelta(hours=hours)):
                    states |= asyncio.run(_evaluate(workspace.create_request_context(), hours))
    assert states == {
        ("dealmap_duckdb", 1): "PASS",
        ("dealmap_duckdb", 25.5): "WARN",
        ("dealmap_duckdb", 26.5): "FAIL",
        ("mart_top_deals", 1): "UNKNOWN",
        ("mart_top_deals", 25.5): "UNKNOWN",
        ("mart_top_deals", 26.5): "UNKNOWN",
    }
