"""One HTTP(S) + file:// client for every fetch: timeouts, retries, size cap, conditional GET.

Built on `requests` with urllib3's `Retry` (exponential backoff with jitter on connection errors, 408, 429
and 5xx, honouring `Retry-After` up to a cap) and `requests-file` for `file://` URLs. Redirects are
followed here rather than by requests so that every hop is checked: at most `max_redirects`, never to
another scheme family (an http page cannot redirect to file://), never in a loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests_file import FileAdapter
from urllib3.util.retry import Retry

from assets.fetching.addresses import PrivateAddressError, ensure_public_host
from assets.fetching.politeness import ROBOTS_MAX_BYTES, HostThrottle, RobotsCache, RobotsResponse

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """How patient and how careful a fetch is. Times in seconds, sizes in bytes."""

    connect_timeout_s: float = 5.0
    read_timeout_s: float = 20.0
    deadline_s: float = 60.0
    """Upper bound for one document: redirects and body download (retry sleeps are capped separately)."""
    max_bytes: int = 5_000_000
    retries: int = 3
    backoff_factor: float = 0.5
    backoff_max_s: float = 30.0
    retry_after_max_s: int = 60
    max_redirects: int = 5
    user_agent: str = "dealmap/0.1 (+https://github.com/dealmap/dealmap)"
    file_roots: tuple[Path, ...] = ()
    """file:// URLs are served only from under these directories."""
    min_host_interval_s: float = 1.0
    """Minimum time between two requests to the same host."""
    respect_robots: bool = True
    refuse_private_addresses: bool = False
    """Refuse http(s) hosts that resolve to loopback/private/link-local addresses (off for local tests)."""


@dataclass
class FetchOutcome:
    """What one fetch produced. `status` is 'ok', 'not_modified' or 'error' (then `error_class` says why)."""

    url: str
    status: str
    final_url: str | None = None
    http_status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1
    elapsed_s: float = 0.0
    error_class: str | None = None
    error_message: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class FetchError(Exception):
    """A fetch failed for a reason worth naming (`error_class` is a stable slug)."""

    def __init__(self, error_class: str, message: str, http_status: int | None = None):
        super().__init__(message)
        self.error_class = error_class
        self.http_status = http_status


class PoliteRetry(Retry):
    """urllib3's Retry, but never sooner than the per-host interval: a retry is a request to the host too."""

    def __init__(self, *args: Any, min_backoff_s: float = 0.0, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.min_backoff_s = min_backoff_s

    def new(self, **kw: Any) -> PoliteRetry:
        kw.setdefault("min_backoff_s", self.min_backoff_s)
        return super().new(**kw)  # type: ignore[return-value]

    def get_backoff_time(self) -> float:
        return max(super().get_backoff_time(), self.min_backoff_s)


def build_session(policy: FetchPolicy) -> requests.Session:
    """A Session with retrying HTTP(S) adapters and a file:// adapter."""
    retry = PoliteRetry(
        min_backoff_s=policy.min_host_interval_s,
        total=policy.retries,
        connect=policy.retries,
        read=policy.retries,
        status=policy.retries,
        other=0,
        allowed_methods=frozenset({"GET", "HEAD"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=policy.backoff_factor,
        backoff_max=policy.backoff_max_s,
        backoff_jitter=policy.backoff_factor,
        respect_retry_after_header=True,
        retry_after_max=policy.retry_after_max_s,
        raise_on_status=False,
        raise_on_redirect=False,
    )
    session = requests.Session()
    session.headers["User-Agent"] = policy.user_agent
    session.headers["Accept-Encoding"] = "gzip, deflate"
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.mount("file://", FileAdapter())
    return session


def file_url_path(url: str) -> Path:
    """The local path a file:// URL names."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError("file_host", f"file URL with a host is not supported: {url}")
    return Path(unquote(parts.path))


class HttpClient:
    """Fetches documents under one `FetchPolicy`. Not thread-safe: one client per run."""

    def __init__(self, policy: FetchPolicy, session: requests.Session | None = None):
        self.policy = policy
        self.session = session or build_session(policy)
        self.throttle = HostThrottle(policy.min_host_interval_s)
        self.robots = RobotsCache(self._fetch_robots, policy.user_agent)

    def _fetch_robots(self, url: str) -> RobotsResponse:
        """robots.txt through this client: same timeouts, size cap, redirect checks and host interval."""
        outcome = self.fetch(url, max_bytes=ROBOTS_MAX_BYTES, check_robots=False)
        if outcome.ok:
            return RobotsResponse(outcome.http_status or 200, outcome.body)
        if outcome.error_class and outcome.error_class.startswith("http_"):
            return RobotsResponse(outcome.http_status, None)
        return RobotsResponse(None, None, outcome.error_class)

    def _admit(self, url: str, check_robots: bool) -> None:
        """Checks before any request to an http(s) URL (the first and every redirect hop)."""
        if self.policy.refuse_private_addresses:
            try:
                ensure_public_host(url)
            except PrivateAddressError as error:
                raise FetchError("private_address", str(error)) from error
        if check_robots and self.policy.respect_robots:
            verdict = self.robots.check(url)
            if not verdict.allowed:
                raise FetchError("robots", f"{verdict.reason}: {url}")
        self.throttle.wait(url)

    def close(self) -> None:
        self.session.close()

    def _check_file_url(self, url: str) -> None:
        path = file_url_path(url).resolve()
        roots = [Path(r).resolve() for r in self.policy.file_roots]
        if not any(path == root or root in path.parents for root in roots):
            raise FetchError("file_outside_roots", f"{path} is outside the allowed file roots")
        if not path.is_file():
            raise FetchError("file_not_found", f"no such file: {path}")

    def _read_body(self, response: requests.Response, max_bytes: int, started: float) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError("too_large", f"Content-Length {declared} exceeds the {max_bytes}-byte cap")
        chunks, size = [], 0
        for chunk in _chunks_as_they_arrive(response):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError("too_large", f"body exceeds the {max_bytes}-byte cap")
            if time.monotonic() - started > self.policy.deadline_s:
                raise FetchError("deadline", f"download took longer than {self.policy.deadline_s}s")
            chunks.append(chunk)
        return b"".join(chunks)

    def fetch(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        check_robots: bool = True,
    ) -> FetchOutcome:
        """GET `url`; a 304 (validators given) comes back as status 'not_modified' with no body."""
        started = time.monotonic()
        outcome = FetchOutcome(url=url, status="error")
        try:
            self._fetch_into(
                outcome, url, etag, last_modified, max_bytes or self.policy.max_bytes, started, check_robots
            )
        except FetchError as error:
            outcome.status, outcome.error_class = "error", error.error_class
            outcome.error_message, outcome.http_status = str(error), error.http_status or outcome.http_status
        except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError) as error:
            outcome.status, outcome.error_class = "error", _request_error_class(error)
            outcome.error_message = f"{type(error).__name__}: {error}"
            if outcome.http_status is None:
                # No response ever came back: urllib3 spent every retry on this error.
                outcome.attempts = self.policy.retries + 1
        outcome.elapsed_s = round(time.monotonic() - started, 4)
        return outcome

    def _fetch_into(
        self,
        outcome: FetchOutcome,
        url: str,
        etag: str | None,
        last_modified: str | None,
        max_bytes: int,
        started: float,
        check_robots: bool,
    ) -> None:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https", "file"):
            raise FetchError("scheme", f"unsupported URL scheme {scheme!r}")
        if scheme == "file":
            self._check_file_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, seen = url, {url}
        timeout = (self.policy.connect_timeout_s, self.policy.read_timeout_s)
        while True:
            if scheme != "file":
                self._admit(current, check_robots)
            with self.session.get(
                current, headers=headers, timeout=timeout, stream=True, allow_redirects=False
            ) as response:
                retries = getattr(response.raw, "retries", None)
                outcome.attempts = len(retries.history) + 1 if retries is not None else 1
                outcome.http_status = response.status_code if scheme != "file" else None
                if response.is_redirect:
                    current = self._next_hop(current, response, seen, outcome)
                    continue
                outcome.final_url = current
                if response.status_code == 304 and (etag or last_modified):
                    outcome.status = "not_modified"
                    outcome.etag, outcome.last_modified = etag, last_modified
                    return
                if response.status_code >= 400:
                    raise FetchError(
                        f"http_{response.status_code}",
                        f"HTTP {response.status_code} {response.reason}",
                        response.status_code,
                    )
                outcome.body = self._read_body(response, max_bytes, started)
                outcome.content_type = response.headers.get("Content-Type")
                outcome.etag = response.headers.get("ETag")
                outcome.last_modified = response.headers.get("Last-Modified")
                outcome.status = "ok"
                return

    def _next_hop(
        self, current: str, response: requests.Response, seen: set[str], outcome: FetchOutcome
    ) -> str:
        target = urljoin(current, response.headers.get("Location", ""))
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            raise FetchError("redirect_scheme", f"redirect to a non-HTTP URL refused: {target}")
        if target in seen:
            raise FetchError("redirect_loop", f"redirect loop back to {target}")
        if len(outcome.redirects) >= self.policy.max_redirects:
            raise FetchError("too_many_redirects", f"more than {self.policy.max_redirects} redirects")
        outcome.redirects.append(target)
        seen.add(target)
        return target


def _chunks_as_they_arrive(response: requests.Response) -> Iterator[bytes]:
    """The body in pieces as the network delivers them (`read1`), decompressed.

    `iter_content` waits until a whole chunk is filled, so a server trickling bytes could hold a fetch far
    past its deadline between two checks; `read1` returns whatever one socket read brings.
    """
    raw = response.raw
    while True:
        if isinstance(raw, urllib3.response.BaseHTTPResponse):
            chunk = raw.read1(_CHUNK, decode_content=True)
        else:  # file:// bodies are plain file objects
            chunk = raw.read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _request_error_class(error: Exception) -> str:
    if isinstance(error, urllib3.exceptions.ReadTimeoutError):
        return "read_timeout"
    if isinstance(error, urllib3.exceptions.DecodeError):
        return "decoding"
    if isinstance(error, urllib3.exceptions.HTTPError):
        return "connection"
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return "connect_timeout"
    if isinstance(error, requests.exceptions.ReadTimeout):
        return "read_timeout"
    if isinstance(error, requests.exceptions.ConnectionError):
        # urllib3 wraps a read timeout during streaming in a ConnectionError.
        return "read_timeout" if "timed out" in str(error).lower() else "connection"
    if isinstance(error, requests.exceptions.RetryError):
        return "retries_exhausted"
    if isinstance(error, requests.exceptions.ContentDecodingError):
        return "decoding"
    return "request"
