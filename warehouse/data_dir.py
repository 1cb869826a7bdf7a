"""The `data_dir` resource: where the raw store, the working DuckDB file and the served one live.

Layout under the data directory: `raw/` (document bodies by sha256), `work/dealmap_work.duckdb` (the
pipeline's own file, with its writer lock `work/dealmap_work.duckdb.lock`) and `dealmap.duckdb` (the
served file BI tools open read-only).

Requiring this resource is how a step says it writes the working database: when Dagster sets the resource
up for a run it takes the writer lock (warehouse/run_lock.py) and holds it until the resource is torn
down. Under the in-process executor that is once per run, so the lock covers the whole run, whatever
started it (tasks.py, `dagster dev`, the schedule, `dg launch`, another DAGSTER_HOME). A step that only
reads or writes files of its own (per-source stages running in parallel processes) must not require it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from pydantic import Field

from schemas.settings import REPO_ROOT, resolved_path
from warehouse.database import Warehouse
from warehouse.run_lock import writer_lock


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

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[DataDirResource]:
        """Hold the working database's writer lock while a run uses this resource.

        Outside a run (a sensor, `build_resources`) nothing is locked. A second run fails here, before
        any step, with "another refresh is running (pid ..., started ...)".
        """
        run = context.run
        if run is None:
            yield self
            return
        with writer_lock(self.working_path, "refresh", run_id=run.run_id, job=run.job_name) as held:
            if held.stale is not None and context.log is not None:
                context.log.warning(
                    f"took over the writer lock of {held.path} left by a run that ended without "
                    f"releasing it ({held.stale.describe()})"
                )
            yield self
