"""The `source_store` resource: where the per-source stages read and write, without the working database.

The per-source stages (`documents`, `extracted_mentions`) need the raw store and their own output folders
(`assets/source_outputs.py`), never the working DuckDB file. They take this resource instead of
`data_dir`, so a step that runs in its own process opens no database and takes no lock on it. Both
resources resolve the same data directory (`$DEALMAP_DATA_DIR`, else `data/` in the repository).
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from pydantic import Field

from assets.fetching.raw_store import RawStore, raw_store_at
from assets.source_outputs import SourceOutputs
from schemas.settings import REPO_ROOT, resolved_path


class SourceStoreResource(dg.ConfigurableResource):
    """The raw store (`raw/`) and the per-source outputs (`sources/`) under dealmap's data directory."""

    data_dir: str = Field(default="", description="Data directory; default $DEALMAP_DATA_DIR or ./data.")
    raw_store: str = Field(
        default="",
        description="Raw store: a directory or fsspec URL; default $DEALMAP_RAW_STORE or <data>/raw.",
    )

    @property
    def data_path(self) -> Path:
        return resolved_path(self.data_dir, "DEALMAP_DATA_DIR", REPO_ROOT / "data")

    def open_raw_store(self) -> RawStore:
        """Document bodies by sha256, where the `data_dir` resource keeps them too."""
        return raw_store_at(self.data_path, self.raw_store)

    def outputs(self) -> SourceOutputs:
        """Each source's fetch state, fetch batches and current extraction."""
        return SourceOutputs(self.data_path / "sources")
