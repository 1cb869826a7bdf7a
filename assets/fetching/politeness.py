"""Being a good citizen on other people's servers: a per-host request interval and robots.txt.

robots.txt is read with the standard library's `urllib.robotparser`, fetched through the same session
(same User-Agent, timeouts and retries) and cached per host for the client's lifetime (one run). Per RFC
9309: a 4xx robots.txt allows everything; a 5xx or an unreachable one disallows the host for this run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import requests


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


@dataclass
class HostThrottle:
    """Waits so that two requests to one host are at least `min_interval_s` apart."""

    min_interval_s: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, url: str) -> float:
        """Block until `url`'s host may be asked again; return the seconds waited."""
        if self.min_interval_s <= 0:
            return 0.0
        host = host_of(url)
        last = self._last.get(host)
        waited = 0.0
        if last is not None:
            waited = max(0.0, self.min_interval_s - (self.clock() - last))
            if waited:
                self.sleep(waited)
        self._last[host] = self.clock()
        return waited


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    reason: str


class RobotsCache:
    """robots.txt verdicts per host for one run."""

    def __init__(self, session: requests.Session, user_agent: str, timeout: tuple[float, float]):
        self._session, self._agent, self._timeout = session, user_agent, timeout
        self._parsers: dict[str, RobotFileParser | RobotsVerdict] = {}

    def _load(self, host: str) -> RobotFileParser | RobotsVerdict:
        robots_url = urlunsplit((*urlsplit(host)[:2], "/robots.txt", "", ""))
        try:
            response = self._session.get(robots_url, timeout=self._timeout, allow_redirects=True)
        except requests.RequestException as error:
            return RobotsVerdict(False, f"robots.txt unreachable ({type(error).__name__}): host skipped")
        if response.status_code >= 500:
            return RobotsVerdict(False, f"robots.txt answered HTTP {response.status_code}: host skipped")
        if response.status_code >= 400:
            return RobotsVerdict(True, f"no robots.txt (HTTP {response.status_code})")
        parser = RobotFileParser(robots_url)
        parser.parse(response.text.splitlines())
        return parser

    def check(self, url: str) -> RobotsVerdict:
        host = host_of(url)
        if host not in self._parsers:
            self._parsers[host] = self._load(host)
        found = self._parsers[host]
        if isinstance(found, RobotsVerdict):
            return found
        if found.can_fetch(self._agent, url):
            return RobotsVerdict(True, "allowed by robots.txt")
        return RobotsVerdict(False, "disallowed by robots.txt")
