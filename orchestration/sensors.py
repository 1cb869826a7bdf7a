"""Sensors: source partitions in step with sources.toml, replay on a reference data change, and the
newsletter inboxes."""

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from assets.fetching.inbox import inbox_folders, scan_inbox
from assets.source_partitions import SOURCE_PARTITIONS
from assets.source_store import SourceStoreResource
from assets.sources import RegistryError, SourceRegistryResource
from orchestration.dead_runs import fail_dead_runs
from orchestration.jobs import refresh_job, replay_job
from orchestration.source_partitions import (
    enabled_source_ids,
    every_source_tags,
    keys_after,
    partition_requests,
)
from schemas.reference import reference_dir


def reference_fingerprint(directory: Path) -> str:
    """Hash of every reference file's name and bytes: changes when a user edits any of them."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in (".toml", ".csv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dg.sensor(
    job=replay_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Runs the replay job (no fetching) when a file in schemas/reference changes, so a new "
    "segment alias or round spelling moves quarantined rows into deals without waiting for the schedule.",
)
def reference_data_changed(
    context: dg.SensorEvaluationContext, sources: SourceRegistryResource
) -> dg.SensorResult | dg.SkipReason:
    fingerprint = reference_fingerprint(reference_dir())
    if context.cursor is None:
        # First evaluation: remember the current state; the next refresh already uses it.
        return dg.SensorResult(skip_reason="first evaluation: reference data recorded", cursor=fingerprint)
    if context.cursor == fingerprint:
        return dg.SkipReason("reference data unchanged")
    try:
        wanted = enabled_source_ids(sources)
    except RegistryError as error:  # the change is not taken: asked again once the registry reads
        return dg.SkipReason(f"reference data changed, but sources.toml cannot be read: {error}")
    existing = context.instance.get_dynamic_partitions(SOURCE_PARTITIONS.name)
    # Keyed by when the change was seen, not only by the files' state: Dagster launches a run key once,
    # and going back to an earlier state (an undone edit, a git checkout) is a change to replay all the
    # same, even after the sensor's cursor was reset.
    seen_at = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    request = dg.RunRequest(
        run_key=f"reference-{fingerprint}-{seen_at}", tags=every_source_tags(keys_after(wanted, existing))
    )
    return dg.SensorResult(
        run_requests=[request],
        cursor=fingerprint,
        dynamic_partitions_requests=partition_requests(wanted, existing),
    )


@dg.sensor(
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Keeps the `sources` partitions in step with sources.toml: an enabled source appears as a "
    "partition, a removed or disabled one goes.",
)
def source_partitions(
    context: dg.SensorEvaluationContext, sources: SourceRegistryResource
) -> dg.SensorResult | dg.SkipReason:
    try:
        wanted = enabled_source_ids(sources)
    except RegistryError as error:
        return dg.SkipReason(f"sources.toml cannot be read: {error}")
    requests = partition_requests(wanted, context.instance.get_dynamic_partitions(SOURCE_PARTITIONS.name))
    if not requests:
        return dg.SkipReason(f"partitions match sources.toml ({len(wanted)} sources)")
    return dg.SensorResult(dynamic_partitions_requests=requests)


def _inbox_request(source_id: str, new: dict[str, str], fetched: dict[str, str]) -> dg.RunRequest:
    """A refresh of one source's partition (then everything after it) for the new files in its inbox.

    The run key names the new files and what the source had fetched before them: bytes A, then B, then A
    again are three requests (the third comes after B was fetched), while the same files seen twice from
    the same state are one."""
    state = json.dumps([sorted(new.items()), sorted(fetched.items())])
    return dg.RunRequest(
        run_key=f"inbox-{source_id}-{hashlib.sha256(state.encode()).hexdigest()[:16]}",
        partition_key=source_id,
    )


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Newsletter inboxes: an issue (.eml, .md, .mbox...) dropped into the folder of a "
    "newsletter source refreshes that source's partition and everything after it. A file it cannot take "
    "is reported and left in place.",
)
def newsletter_inbox(
    context: dg.SensorEvaluationContext, sources: SourceRegistryResource, source_store: SourceStoreResource
) -> dg.SensorResult | dg.SkipReason:
    try:
        registry = sources.load()
    except RegistryError as error:
        return dg.SkipReason(f"sources.toml cannot be read: {error}")
    cursor = json.loads(context.cursor) if context.cursor else {}
    outputs, requests, refused, seen = source_store.outputs(), [], [], {}
    for source_id, folder in inbox_folders(registry).items():
        fetched = {url: v["sha256"] for url, v in outputs.fetch_state(source_id).versions.items()}
        scan = scan_inbox(folder, fetched, cursor.get(source_id, {}))
        seen[source_id] = scan.seen
        refused += scan.refused
        if scan.new:
            context.log.info(f"{source_id}: new in {folder}: {', '.join(sorted(scan.new))}")
            requests.append(_inbox_request(source_id, scan.new, fetched))
    for message in refused:
        context.log.warning(message)
    wanted = [r.partition_key for r in requests]
    existing = context.instance.get_dynamic_partitions(SOURCE_PARTITIONS.name)
    never = outputs.never_fetched(s.id for s in registry)
    if requests and never:
        # A run of the inbox's partition alone would publish a warehouse of that source's deals only.
        context.log.info(f"never fetched yet: {', '.join(never)}; the first run refreshes every source")
        wanted = [s.id for s in registry]
        key = "-".join(sorted(r.run_key for r in requests))
        requests = [
            dg.RunRequest(
                run_key=f"inbox-first-{hashlib.sha256(key.encode()).hexdigest()[:16]}",
                tags=every_source_tags(keys_after(wanted, existing)),
            )
        ]
    return dg.SensorResult(
        run_requests=requests,
        cursor=json.dumps(seen, sort_keys=True),
        # A source added to the registry since the partitions were last synced gets its partition first.
        dynamic_partitions_requests=partition_requests([*existing, *wanted], existing),
        skip_reason=None if requests else "; ".join(refused) or "no new issue in any newsletter inbox",
    )


@dg.sensor(
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Marks failed a run whose process died (kill -9, a machine that stopped): Dagster would keep "
    "it STARTED, holding the run queue's only slot, and no scheduled refresh would start again. Runs "
    "launched on this machine only (orchestration/dead_runs.py).",
)
def dead_runs(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    failed = fail_dead_runs(context.instance)
    for dead in failed:
        context.log.warning(f"run {dead.run.run_id} marked failed: {dead.reason}")
    if failed:
        return dg.SkipReason(
            f"marked {len(failed)} dead run(s) failed: {', '.join(d.run.run_id for d in failed)}"
        )
    return dg.SkipReason("no dead run")
