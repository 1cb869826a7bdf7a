"""Schedules: the daily refresh of every source, running by default."""

import dagster as dg

from assets.sources import SourceRegistryResource
from orchestration.jobs import refresh_job
from orchestration.source_partitions import enabled_source_ids, every_source_tags, sync_source_partitions


@dg.schedule(
    name="daily_refresh",
    job=refresh_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Full refresh every day at 06:00 UTC: every source of sources.toml in one run.",
)
def daily_refresh(context: dg.ScheduleEvaluationContext, sources: SourceRegistryResource) -> dg.RunRequest:
    # A schedule cannot return partition requests as a sensor can: sync the instance here, so that a
    # source added since the last sync is in the run even when the sync sensor is stopped.
    keys = sync_source_partitions(context.instance, enabled_source_ids(sources))
    return dg.RunRequest(tags=every_source_tags(keys))
