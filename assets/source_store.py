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

from assets.fetching.raw_store import RawStore
from assets.source_outputs import SourceOutputs
from schemas.settings import REPO_ROOT, resolved_path


class SourceStoreResource(dg.ConfigurableResource):
    """The raw store (`raw/`) and the per-source outputs (`sources/`) under dealmap's data directory."""

    data_dir: str = Field(default="", description="Data directory; default $DEALMAP_DATA_DIR or ./data.")

    @property
    def data_path(self) -> Path:
        return resolved_path(self.data_dir, "DEALMAP_DATA_DIR", REPO_ROOT / "data")

    def raw_store(self) -> RawStore:
        """Document bodies by sha256."""
        return RawStore(self.data_path / "raw")

    def outputs(self) -> SourceOutputs:
        """Each source's fetch state, fetch batches and current extraction."""
        return SourceOutputs(self.data_path / "sources")
