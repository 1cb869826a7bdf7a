"""The resources of a run, by key. Each lives with what it wraps; this module only picks them."""

from __future__ import annotations

from assets.fetching.resource import HttpFetcherResource
from assets.source_store import SourceStoreResource
from assets.sources import SourceRegistryResource
from schemas.reference.resource import ReferenceDataResource
from warehouse.data_dir import DataDirResource


def default_resources() -> dict[str, object]:
    """Every resource with its defaults (paths from the environment, then the repository)."""
    return {
        "data_dir": DataDirResource(),
        # The per-source stages' paths (raw store, per-source outputs), apart from `data_dir` so that they
        # need nothing of the working database.
        "source_store": SourceStoreResource(),
        "sources": SourceRegistryResource(),
        "fetcher": HttpFetcherResource(),
        "reference_data": ReferenceDataResource(),
    }
