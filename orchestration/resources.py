"""Dagster resources: where files live, which sources to read, and how to fetch them.

Every path is resolved to an absolute one when first used, from explicit configuration, then the
environment (`DEALMAP_DATA_DIR`, `DEALMAP_SOURCES`, `DEALMAP_FILE_ROOTS`, `DEALMAP_CONTACT`), then the
repository defaults; nothing depends on the working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from pydantic import Field

from assets.fetching.http_client import FetchPolicy, HttpClient
from assets.fetching.raw_store import RawStore
from assets.sources import Source, load_registry
from warehouse.database import Warehouse

REPO_ROOT = Path(__file__).resolve().parent.parent
VERSION = "0.1"


def _resolved(configured: str, env_var: str, default: Path) -> Path:
    value = configured or os.environ.get(env_var) or str(default)
    return Path(value).expanduser().resolve()


class WarehouseResource(dg.ConfigurableResource):
    """dealmap's data directory: the raw store, the working DuckDB file and the served one.

    Layout under `data_dir`: `raw/` (document bodies by sha256), `work/dealmap_work.duckdb` (pipeline
    only), `dealmap.duckdb` (what BI tools open, read-only).
    """

    data_dir: str = Field(default="", description="Data directory; default $DEALMAP_DATA_DIR or ./data.")

    @property
    def data_path(self) -> Path:
        return _resolved(self.data_dir, "DEALMAP_DATA_DIR", REPO_ROOT / "data")

    @property
    def working_path(self) -> Path:
        return self.data_path / "work" / "dealmap_work.duckdb"

    @property
    def served_path(self) -> Path:
        return self.data_path / "dealmap.duckdb"

    def working(self) -> Warehouse:
        return Warehouse(self.working_path)

    def raw_store(self) -> RawStore:
        return RawStore(self.data_path / "raw")


class SourceRegistryResource(dg.ConfigurableResource):
    """The source registry file (`sources.toml`)."""

    path: str = Field(default="", description="Registry file; default $DEALMAP_SOURCES or ./sources.toml.")

    @property
    def registry_path(self) -> Path:
        return _resolved(self.path, "DEALMAP_SOURCES", REPO_ROOT / "sources.toml")

    def load(self) -> list[Source]:
        """The enabled sources, in registry order."""
        return [s for s in load_registry(self.registry_path) if s.enabled]


class HttpFetcherResource(dg.ConfigurableResource):
    """The one HTTP/file client every fetch goes through (see assets/fetching/http_client.py)."""

    connect_timeout_s: float = 5.0
    read_timeout_s: float = 20.0
    deadline_s: float = 60.0
    source_budget_s: float = Field(
        default=300.0,
        description="Bound on all of one source's fetches in a run; URLs left when it is spent are logged as "
        "source_budget_exhausted and keep their last good version.",
    )
    max_bytes: int = 5_000_000
    retries: int = 3
    backoff_factor: float = 0.5
    retry_after_max_s: int = 60
    max_redirects: int = 5
    min_host_interval_s: float = Field(default=1.0, description="Seconds between requests to one host.")
    respect_robots: bool = Field(default=True, description="Honour robots.txt for http(s) sources.")
    refuse_private_addresses: bool = Field(
        default=False,
        description="Refuse http(s) hosts resolving to loopback/private addresses. Off by default so local "
        "test servers work; turn on when the registry only names public sites.",
    )
    contact: str = Field(default="", description="Contact for the User-Agent; default $DEALMAP_CONTACT.")
    file_roots: list[str] = Field(
        default_factory=list,
        description="Directories file:// URLs may read from, besides the registry's own directory "
        "(also $DEALMAP_FILE_ROOTS, separated by the OS path separator).",
    )

    def policy(self, registry_dir: Path) -> FetchPolicy:
        roots = [registry_dir, *map(Path, self.file_roots)]
        roots += [Path(p) for p in os.environ.get("DEALMAP_FILE_ROOTS", "").split(os.pathsep) if p]
        contact = self.contact or os.environ.get("DEALMAP_CONTACT", "")
        agent = f"dealmap/{VERSION} (deal tracker; +https://github.com/dealmap/dealmap"
        agent += f"; {contact})" if contact else ")"
        return FetchPolicy(
            connect_timeout_s=self.connect_timeout_s,
            read_timeout_s=self.read_timeout_s,
            deadline_s=self.deadline_s,
            source_budget_s=self.source_budget_s,
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff_factor=self.backoff_factor,
            retry_after_max_s=self.retry_after_max_s,
            max_redirects=self.max_redirects,
            min_host_interval_s=self.min_host_interval_s,
            respect_robots=self.respect_robots,
            refuse_private_addresses=self.refuse_private_addresses,
            user_agent=agent,
            file_roots=tuple(p.expanduser().resolve() for p in roots),
        )

    def client(self, registry_dir: Path) -> HttpClient:
        return HttpClient(self.policy(registry_dir))
