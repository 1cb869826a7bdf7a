"""The `data_dir` resource: where the raw store, the working DuckDB file and the served one live.

Layout under the data directory: `raw/` (document bodies by sha256), `work/dealmap_work.duckdb` (the
pipeline's own file) and `dealmap.duckdb` (the served file BI tools open read-only). Each can be moved on
its own: the raw store to any fsspec URL (`$DEALMAP_RAW_STORE`, e.g. `s3://bucket/raw`), the two DuckDB
files to other local paths (`$DEALMAP_WORKING_DB`, `$DEALMAP_SERVED_DB`).
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from pydantic import Field

from assets.fetching.raw_store import RawStore
from schemas.settings import REPO_ROOT, resolved_local_file, resolved_location, resolved_path
from warehouse.database import Warehouse


class DataDirResource(dg.ConfigurableResource):
    """dealmap's data directory (default `$DEALMAP_DATA_DIR`, else `data/` in the repository)."""

    data_dir: str = Field(default="", description="Data directory; default $DEALMAP_DATA_DIR or ./data.")
    raw_store: str = Field(
        default="",
        description="Raw store: a directory or fsspec URL; default $DEALMAP_RAW_STORE or <data>/raw.",
    )
    working_db: str = Field(default="", description="Working DuckDB file; default $DEALMAP_WORKING_DB.")
    served_db: str = Field(default="", description="Served DuckDB file; default $DEALMAP_SERVED_DB.")

    @property
    def data_path(self) -> Path:
        return resolved_path(self.data_dir, "DEALMAP_DATA_DIR", REPO_ROOT / "data")

    @property
    def raw_store_location(self) -> str:
        """The content-addressed raw store of document bodies: an absolute directory or an fsspec URL."""
        return resolved_location(self.raw_store, "DEALMAP_RAW_STORE", self.data_path / "raw")

    def open_raw_store(self) -> RawStore:
        """The raw store; bodies from a remote one are read through verified copies in `<data>/raw_cache`."""
        return RawStore(self.raw_store_location, cache_dir=self.data_path / "raw_cache")

    @property
    def working_path(self) -> Path:
        return resolved_local_file(
            self.working_db, "DEALMAP_WORKING_DB", self.data_path / "work" / "dealmap_work.duckdb"
        )

    @property
    def served_path(self) -> Path:
        return resolved_local_file(self.served_db, "DEALMAP_SERVED_DB", self.data_path / "dealmap.duckdb")

    def working(self) -> Warehouse:
        return Warehouse(self.working_path)
