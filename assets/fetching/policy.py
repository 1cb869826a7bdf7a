"""`FetchPolicy`: how patient and how careful every fetch of a run is (built from the `fetcher` resource)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    VERSION = version("dealmap")  # pyproject.toml's, the one place it is written
except PackageNotFoundError:  # run from a source tree that was never installed
    VERSION = "0+unknown"


def honest_user_agent(contact: str = "") -> str:
    """An honest User-Agent: who we are, where the project lives, and whom to contact if given."""
    agent = f"dealmap/{VERSION} (deal tracker; +https://github.com/dealmap/dealmap"
    return agent + (f"; {contact})" if contact else ")")


@dataclass(frozen=True)
class FetchPolicy:
    """How patient and how careful a fetch is. Times in seconds, sizes in bytes."""

    connect_timeout_s: float = 5.0
    read_timeout_s: float = 20.0
    deadline_s: float = 60.0
    """Upper bound for one document: connect, headers, body, redirects, retries and the waits between them."""
    source_budget_s: float = 300.0
    """Upper bound for all the fetches of one source in one run (what is left unfetched is logged)."""
    max_bytes: int = 5_000_000
    retries: int = 3
    backoff_factor: float = 0.5
    backoff_max_s: float = 30.0
    retry_after_max_s: int = 60
    max_redirects: int = 5
    user_agent: str = honest_user_agent()
    file_roots: tuple[Path, ...] = ()
    """file:// URLs are served only from under these directories."""
    min_host_interval_s: float = 1.0
    """Minimum time between two requests to the same host."""
    respect_robots: bool = True
    refuse_private_addresses: bool = False
    """Refuse non-public addresses for registry URLs too. URLs learned from remote content (feed entries,
    redirects to another origin) are always refused them."""
