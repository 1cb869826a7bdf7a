"""The `data_dir` resource: where the raw store, the working DuckDB file and the served one live.

Layout under the data directory: `raw/` (document bodies by sha256), `work/dealmap_work.duckdb` (the
pipeline's own file) and `dealmap.duckdb` (the served file BI tools open read-only).
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from pydantic import Field

from schemas.settings import REPO_ROOT, resolved_path
from warehouse.database import Warehouse


class DataDirResource(dg.ConfigurableResource):
    """dealmap's data directory (default `$DEALMAP_DATA_DIR`, else `data/` in the repository)."""

    data_dir: str = Field(default="", description="Data directory; default $DEALMAP_DATA_DIR or ./data.")

    @property
    def data_path(self) -> Path:
        return resolved_path(self.data_dir, "DEALMAP_DATA_DIR", REPO_ROOT / "data")

    @property
    def raw_path(self) -> Path:
        """The content-addressed raw store of document bodies."""
        return self.data_path / "raw"

    @property
    def working_path(self) -> Path:
        return self.data_path / "work" / "dealmap_work.duckdb"

    @property
    def served_path(self) -> Path:
        return self.data_path / "dealmap.duckdb"

    def working(self) -> Warehouse:
        return Warehouse(self.working_path)
