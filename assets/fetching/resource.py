"""The `fetcher` resource: the one HTTP/file client every fetch of a run goes through.

Defaults are `FetchPolicy`'s own (one place); the environment adds `DEALMAP_FILE_ROOTS` and
`DEALMAP_CONTACT`.
"""

from __future__ import annotations

import os
from dataclasses import fields, replace
from pathlib import Path

import dagster as dg
from pydantic import Field

from assets.fetching.http_client import HttpClient
from assets.fetching.policy import FetchPolicy, honest_user_agent

_DEFAULT = FetchPolicy()


class HttpFetcherResource(dg.ConfigurableResource):
    """The one HTTP/file client every fetch goes through (see assets/fetching/http_client.py)."""

    connect_timeout_s: float = _DEFAULT.connect_timeout_s
    read_timeout_s: float = _DEFAULT.read_timeout_s
    deadline_s: float = _DEFAULT.deadline_s
    source_budget_s: float = Field(
        default=_DEFAULT.source_budget_s,
        description="Bound on all of one source's fetches in a run; URLs left when it is spent are logged as "
        "source_budget_exhausted and keep their last good version.",
    )
    max_bytes: int = _DEFAULT.max_bytes
    retries: int = _DEFAULT.retries
    backoff_factor: float = _DEFAULT.backoff_factor
    retry_after_max_s: int = _DEFAULT.retry_after_max_s
    max_redirects: int = _DEFAULT.max_redirects
    min_host_interval_s: float = Field(
        default=_DEFAULT.min_host_interval_s, description="Seconds between requests to one host."
    )
    respect_robots: bool = Field(
        default=_DEFAULT.respect_robots, description="Honour robots.txt for http(s) sources."
    )
    refuse_private_addresses: bool = Field(
        default=_DEFAULT.refuse_private_addresses,
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
        # Every policy field the resource configures, by the same name; roots and agent are built here.
        shared = [f.name for f in fields(FetchPolicy) if f.name in type(self).model_fields]
        configured = {name: getattr(self, name) for name in shared if name != "file_roots"}
        return replace(
            _DEFAULT,
            **configured,
            user_agent=honest_user_agent(self.contact or os.environ.get("DEALMAP_CONTACT", "")),
            file_roots=tuple(p.expanduser().resolve() for p in roots),
        )

    def client(self, registry_dir: Path) -> HttpClient:
        return HttpClient(self.policy(registry_dir))
