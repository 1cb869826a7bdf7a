"""Helpers to run the whole dealmap graph in process against a temporary data directory."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from assets.fetching.resource import HttpFetcherResource
from assets.source_store import SourceStoreResource
from assets.sources import RegistryError, SourceRegistryResource
from orchestration.definitions import defs
from orchestration.source_partitions import enabled_source_ids, every_source_tags, sync_source_partitions
from schemas.reference.resource import ReferenceDataResource
from warehouse.data_dir import DataDirResource


def run_refresh(
    data_dir: Path,
    sources_path: Path | None = None,
    instance: dg.DagsterInstance | None = None,
    selection: str | None = None,
    fetcher: HttpFetcherResource | None = None,
    reference_data: ReferenceDataResource | None = None,
    storage: DataDirResource | None = None,
    partitions: str | None = None,
) -> dg.ExecuteInProcessResult:
    """Materialise every asset and check (or `selection`) with resources pointed at `data_dir` (or at
    `storage`, a data_dir resource that places the raw store or the DuckDB files elsewhere), for every
    enabled source (the partitions synced first, as `tasks.py refresh` does) or the sources `partitions`."""
    registry = SourceRegistryResource(path=str(sources_path) if sources_path else "")
    instance = instance or dg.DagsterInstance.ephemeral()
    try:
        keys = sync_source_partitions(instance, enabled_source_ids(registry))
    except RegistryError:
        keys = []  # the run itself then fails on the registry, naming what to fix
    tags = every_source_tags(keys) if partitions is None and keys else {}
    return dg.materialize(
        list(defs.assets),  # every check is a check spec of the asset it checks
        resources=pipeline_resources(data_dir, registry, fetcher, reference_data, storage),
        instance=instance,
        selection=selection,
        raise_on_error=False,
        tags=tags,
        partition_key=partitions,
    )


def pipeline_resources(
    data_dir: Path,
    registry: SourceRegistryResource,
    fetcher: HttpFetcherResource | None = None,
    reference_data: ReferenceDataResource | None = None,
    storage: DataDirResource | None = None,
) -> dict[str, object]:
    """Every resource of a run, with the data directory at `data_dir` (or as `storage` places it: the
    per-source stages then use the same raw store)."""
    storage = storage or DataDirResource(data_dir=str(data_dir))
    return {
        "data_dir": storage,
        "source_store": SourceStoreResource(data_dir=storage.data_dir, raw_store=storage.raw_store),
        "sources": registry,
        "fetcher": fetcher or HttpFetcherResource(),
        "reference_data": reference_data or ReferenceDataResource(),
    }


def check_results(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    """Asset check evaluations of a run, by (asset, check name): several assets have a check of the same
    name (every mart has `mart_schema`), and each must be looked at."""
    return {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}


def per_source(result: dg.ExecuteInProcessResult, asset: str) -> dict[str, dict[str, object]]:
    """The metadata values of a per-source asset's materialization, by partition (source id)."""
    return {
        event.materialization.partition: {k: v.value for k, v in event.materialization.metadata.items()}
        for event in result.get_asset_materialization_events()
        if event.asset_key.to_user_string() == asset
    }


def summed(result: dg.ExecuteInProcessResult, asset: str, field: str) -> object:
    """A per-source asset's metadata `field` added up over the run's sources (counts, or dicts of them)."""
    values = [metadata[field] for metadata in per_source(result, asset).values()]
    if values and isinstance(values[0], dict):
        total: dict[str, int] = {}
        for value in values:
            for key, count in value.items():
                total[key] = total.get(key, 0) + count
        return total
    return sum(values)
