"""Helpers to run the whole dealmap graph in process against a temporary data directory."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from assets.fetching.resource import HttpFetcherResource
from assets.sources import SourceRegistryResource
from orchestration.definitions import defs
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
) -> dg.ExecuteInProcessResult:
    """Materialise every asset and check (or `selection`) with resources pointed at `data_dir` (or at
    `storage`, a data_dir resource that places the raw store or the DuckDB files elsewhere)."""
    resources = {
        "data_dir": storage or DataDirResource(data_dir=str(data_dir)),
        "sources": SourceRegistryResource(path=str(sources_path) if sources_path else ""),
        "fetcher": fetcher or HttpFetcherResource(),
        "reference_data": reference_data or ReferenceDataResource(),
    }
    return dg.materialize(
        [*defs.assets, *defs.asset_checks],
        resources=resources,
        instance=instance or dg.DagsterInstance.ephemeral(),
        selection=selection,
        raise_on_error=False,
    )


def check_results(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    """Asset check evaluations of a run, by (asset, check name): several assets have a check of the same
    name (every mart has `mart_schema`), and each must be looked at."""
    return {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}
