"""Sensors: replay stored documents when the reference data (taxonomy, vocabularies, aliases) changes."""

import hashlib
from pathlib import Path

import dagster as dg

from orchestration.jobs import replay_job
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
def reference_data_changed(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    fingerprint = reference_fingerprint(reference_dir())
    if context.cursor is None:
        # First evaluation: remember the current state; the next refresh already uses it.
        return dg.SensorResult(skip_reason="first evaluation: reference data recorded", cursor=fingerprint)
    if context.cursor == fingerprint:
        return dg.SkipReason("reference data unchanged")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=f"reference-{fingerprint}")], cursor=fingerprint
    )
