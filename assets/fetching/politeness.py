"""Being a good citizen on other people's servers: a per-host request interval and robots.txt.

robots.txt is parsed with Protego (RFC 9309), fetched through the HTTP client itself and cached per host
for the client's lifetime (one run). Per RFC 9309: a 4xx robots.txt allows everything; a 5xx or an
unreachable one disallows the host for this run.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from protego import Protego


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class WaitTooLong(Exception):
    """The host may not be asked again within the time the caller has left."""

    def __init__(self, seconds: float):
        super().__init__(f"the per-host interval asks for a {seconds:.3g} s wait")
        self.seconds = seconds


@dataclass
class HostThrottle:
    """Waits so that two requests to one host are at least `min_interval_s` apart."""

    min_interval_s: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, url: str, within_s: float = math.inf) -> float:
        """Block until `url`'s host may be asked again; return the seconds waited. When that is more than
        `within_s` seconds away, raise `WaitTooLong` at once (and the host is not marked as asked)."""
        if self.min_interval_s <= 0:
            return 0.0
        host = host_of(url)
        last = self._last.get(host)
        waited = 0.0
        if last is not None:
            waited = max(0.0, self.min_interval_s - (self.clock() - last))
            if waited > within_s:
                raise WaitTooLong(waited)
            if waited:
                self.sleep(waited)
        self._last[host] = self.clock()
        return waited


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    reason: str
    error_class: str = "robots"
    """What a refusal is logged as: 'robots', or the fetch's own class ('connection', 'read_timeout') when
    the host could not be reached at all: a mistyped host or port is no robots.txt problem."""


@dataclass(frozen=True)
class RobotsResponse:
    """What fetching robots.txt gave: an HTTP status (None when unreachable) and the body, if any."""

    status: int | None
    body: bytes | None
    error: str | None = None


ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks parsers to read at least 500 KiB; more is not needed


class RobotsCache:
    """robots.txt verdicts per host for one run, parsed with Protego (RFC 9309: longest match wins,
    `*` and `$` patterns).

    `fetch_robots` retrieves one robots.txt URL; the HTTP client passes its own fetch, so the request
    honours the same timeouts, size cap, redirect checks and per-host interval as any document. `check`
    may be given another fetch for the one call (the client passes one that carries the URL's trust).
    """

    def __init__(self, fetch_robots: Callable[[str], RobotsResponse], user_agent: str):
        self._fetch, self._agent = fetch_robots, user_agent
        self._rules: dict[str, Protego | RobotsVerdict] = {}

    def _load(self, host: str, fetch: Callable[[str], RobotsResponse]) -> Protego | RobotsVerdict:
        response = fetch(urlunsplit((*urlsplit(host)[:2], "/robots.txt", "", "")))
        if response.status is None:
            return RobotsVerdict(
                False,
                f"host unreachable ({response.error}) when asking for its robots.txt: host skipped",
                response.error or "robots",
            )
        if response.status >= 500:
            return RobotsVerdict(False, f"robots.txt answered HTTP {response.status}: host skipped")
        if response.status >= 400:
            return RobotsVerdict(True, f"no robots.txt (HTTP {response.status})")
        return Protego.parse((response.body or b"").decode("utf-8", errors="replace"))

    def check(self, url: str, fetch: Callable[[str], RobotsResponse] | None = None) -> RobotsVerdict:
        host = host_of(url)
        if host not in self._rules:
            self._rules[host] = self._load(host, fetch or self._fetch)
        found = self._rules[host]
        if isinstance(found, RobotsVerdict):
            return found
        if found.can_fetch(url, self._agent):
            return RobotsVerdict(True, "allowed by robots.txt")
        return RobotsVerdict(False, "disallowed by robots.txt")
