"""The `data_dir` resource: where the raw store, the working DuckDB file and the served one live.

Layout under the data directory: `raw/` (document bodies by sha256), `work/dealmap_work.duckdb` (the
pipeline's own file, with its writer lock `work/dealmap_work.duckdb.lock`) and `dealmap.duckdb` (the
served file BI tools open read-only). Each can be moved on its own: the raw store to any fsspec URL
(`$DEALMAP_RAW_STORE`, e.g. `s3://bucket/raw`), the two DuckDB files to other local paths
(`$DEALMAP_WORKING_DB`, `$DEALMAP_SERVED_DB`; the lock goes beside the working file).

Requiring this resource is how a step says it writes the working database: when Dagster sets the resource
up for a run it takes the writer lock (warehouse/run_lock.py) and holds it until the resource is torn
down. Under the in-process executor that is once per run, so the lock covers the whole run, whatever
started it (tasks.py, `dagster dev`, the schedule, `dg launch`, another DAGSTER_HOME). A step that only
reads or writes files of its own (per-source stages running in parallel processes) must not require it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from pydantic import Field

from assets.fetching.raw_store import RawStore, raw_store_at, raw_store_location
from schemas.settings import REPO_ROOT, resolved_local_file, resolved_path
from warehouse.arrow_memory import system_arrow_memory
from warehouse.database import Warehouse, kept_open
from warehouse.run_lock import writer_lock


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
        return raw_store_location(self.data_path, self.raw_store)

    def open_raw_store(self) -> RawStore:
        """The raw store; bodies from a remote one are read through verified copies in `<data>/raw_cache`."""
        return raw_store_at(self.data_path, self.raw_store)

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

    def check_places(self) -> None:
        """A ValueError naming the variables when the data directory is a file, or the served file cannot
        be published where it is set: the working file itself (the publish would rename a served file over
        the pipeline's database), or a directory (a path that is one, or ends with a separator)."""
        data = self.data_path
        configured_data = self.data_dir or os.environ.get("DEALMAP_DATA_DIR", "") or str(data)
        if data.exists() and not data.is_dir():
            raise ValueError(
                f"DEALMAP_DATA_DIR={configured_data!r} is a file: give a directory (it is created)"
            )
        working, served = self.working_path.resolve(), self.served_path.resolve()  # symlinks, '..'
        configured = self.served_db or os.environ.get("DEALMAP_SERVED_DB", "")
        if served == working:
            raise ValueError(
                f"DEALMAP_SERVED_DB and DEALMAP_WORKING_DB both name {served}: the served file is published "
                "by renaming a new file over it, which would replace the pipeline's own database; give the "
                "served file a path of its own"
            )
        if served.is_dir() or configured.endswith(("/", os.sep)):
            raise ValueError(
                f"DEALMAP_SERVED_DB={configured or str(served)!r} names a directory: give the DuckDB file's "
                f"path (e.g. {served / 'dealmap.duckdb'})"
            )
        # Created now, once the places are right: a path that cannot be is said before the run starts,
        # not as a resource's traceback in its first step.
        try:
            for folder in (data, self.working_path.parent, self.served_path.parent):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ValueError(
                f"DEALMAP_DATA_DIR={configured_data!r}: {error.filename or data} cannot be created "
                f"({error.strerror or error}): give a directory dealmap may write"
            ) from error

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[DataDirResource]:
        """Hold the working database's writer lock while a run uses this resource.

        Outside a run (a sensor, `build_resources`) nothing is locked. In a run, Arrow allocates from the
        system allocator (warehouse/arrow_memory.py). A second run fails here, before
        any step, with "another refresh is running (pid ..., started ...)".
        """
        run = context.run
        if run is None:
            yield self
            return
        self.check_places()  # before the lock and any step's work, not at the publish
        with writer_lock(self.working_path, "refresh", run_id=run.run_id, job=run.job_name) as held:
            if held.stale is not None and context.log is not None:
                context.log.warning(
                    f"took over the writer lock of {held.path} left by a run that ended without "
                    f"releasing it ({held.stale.describe()})"
                )
            # one database for every step's connections; Arrow's freed buffers given back between steps
            with kept_open(self.working_path), system_arrow_memory():
                yield self
