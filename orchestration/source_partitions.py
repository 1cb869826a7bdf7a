"""The `sources` partitions kept in step with `sources.toml`, and runs that cover every source.

One partition per enabled source, keyed by its id. Three places sync them, so that a refresh never runs
on a stale set: the `source_partitions` sensor (every 30 s while the daemon runs: a source added to the
registry appears in the UI), the `daily_refresh` schedule, and `python3 tasks.py refresh` (this module
as a command, before it launches the run). A refresh of every source is one run over the partition range
first...last: the per-source stages run with a single-run backfill policy, so no daemon is needed.

    python -m orchestration.source_partitions    sync the instance ($DAGSTER_HOME); print first...last
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import dagster as dg

# The run tags Dagster reads a partition range from (RunRequest.partition_key_range, `dg launch
# --partition-range`); not exported at the top level.
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from assets.source_partitions import SOURCE_PARTITIONS
from assets.sources import SourceRegistryResource

NAME = SOURCE_PARTITIONS.name


def enabled_source_ids(registry: SourceRegistryResource | None = None) -> list[str]:
    """The partition keys the registry calls for: the enabled sources' ids, in registry order."""
    return [source.id for source in (registry or SourceRegistryResource()).load()]


def partition_changes(wanted: Sequence[str], existing: Sequence[str]) -> tuple[list[str], list[str]]:
    """(keys to add, keys to delete) for the partitions `existing` to become the sources `wanted`."""
    return [k for k in wanted if k not in existing], [k for k in existing if k not in wanted]


def partition_requests(wanted: Sequence[str], existing: Sequence[str]) -> list:
    """The sensor requests that make `existing` into `wanted` (none when they agree)."""
    add, delete = partition_changes(wanted, existing)
    requests: list = []
    if add:
        requests.append(SOURCE_PARTITIONS.build_add_request(add))
    if delete:
        requests.append(SOURCE_PARTITIONS.build_delete_request(delete))
    return requests


def keys_after(wanted: Sequence[str], existing: Sequence[str]) -> list[str]:
    """The partition keys, in Dagster's order (kept ones, then added ones), once the changes are made."""
    add, _ = partition_changes(wanted, existing)
    return [k for k in existing if k in wanted] + add


def sync_source_partitions(instance: dg.DagsterInstance, wanted: Sequence[str]) -> list[str]:
    """Add and delete partitions on `instance` so that they are the sources `wanted`; the keys after."""
    existing = instance.get_dynamic_partitions(NAME)
    add, delete = partition_changes(wanted, existing)
    if add:
        instance.add_dynamic_partitions(NAME, add)
    for key in delete:
        instance.delete_dynamic_partition(NAME, key)
    return instance.get_dynamic_partitions(NAME)


def every_source_tags(keys: Sequence[str]) -> dict[str, str]:
    """Run tags covering every partition in `keys` (Dagster's order) in one run."""
    if not keys:
        raise ValueError("no source partitions: sources.toml has no enabled source")
    return {ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]}


def main() -> None:
    keys = sync_source_partitions(dg.DagsterInstance.get(), enabled_source_ids())
    tags = every_source_tags(keys)
    print(f"{tags[ASSET_PARTITION_RANGE_START_TAG]}...{tags[ASSET_PARTITION_RANGE_END_TAG]}")


if __name__ == "__main__":
    try:
        main()
    except ValueError as error:  # a registry error names the file, the source and the field
        sys.exit(str(error))
