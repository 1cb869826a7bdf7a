"""Partitions by source: one partition per enabled source of `sources.toml`, keyed by its id.

The partition set lives in the Dagster instance (a `DynamicPartitionsDefinition`); it follows the
registry (`orchestration/source_partitions.py` adds sources that appear and removes those that go).
The per-source stages read the source ids of their run from the partition keys; `partitioned_sources`
pairs them with the registry.
"""

from __future__ import annotations

from collections.abc import Sequence

import dagster as dg

from assets.sources import Source

SOURCE_PARTITIONS = dg.DynamicPartitionsDefinition(name="sources")

# Every selected partition of a per-source stage in one run (one step): a refresh of every source is then
# one run that `dg launch --partition-range` starts without a daemon, and a backfill from the UI is too.
SINGLE_RUN = dg.BackfillPolicy.single_run()


class NotPartitionedRun(ValueError):
    """A per-source stage was run without a source partition."""


def run_source_ids(context: dg.AssetExecutionContext) -> list[str]:
    """The source ids (partition keys) this run covers: one, or a range of them."""
    if not (context.has_partition_key or context.has_partition_key_range):
        raise NotPartitionedRun(
            f"{context.asset_key.to_user_string()} is partitioned by source: run it for a source "
            "(a partition) or a range of them; `python3 tasks.py refresh` runs every source"
        )
    return list(context.partition_keys)


def partitioned_sources(
    context: dg.AssetExecutionContext, registry: Sequence[Source]
) -> tuple[list[Source], list[str]]:
    """(the enabled sources this run covers, in registry order; partition keys no enabled source has)."""
    keys = set(run_source_ids(context))
    sources = [source for source in registry if source.id in keys]
    unknown = sorted(keys - {source.id for source in sources})
    for key in unknown:
        context.log.warning(f"partition {key!r}: no enabled source has this id in sources.toml; skipped")
    return sources, unknown
