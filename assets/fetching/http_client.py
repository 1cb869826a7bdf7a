"""One HTTP(S) + file:// client for every fetch: timeouts, retries, size cap, conditional GET.

Built on `requests` with urllib3's `Retry` (exponential backoff with jitter on connection errors, 408, 429
and 5xx, honouring `Retry-After` up to a cap) and `requests-file` for `file://` URLs. Redirects are
followed here rather than by requests so that every hop is checked: at most `max_redirects`, never to
another scheme family (an http page cannot redirect to file://), never in a loop, and never to a non-public
address unless the hop is on the registry URL's own origin (addresses.py).

`deadline_s` bounds a whole fetch (connect, headers, body, every redirect and retry, and the waits between
them), enforced on the sockets (exchange.py); a source's budget bounds all its fetches together. A response
cut short (headers cut, fewer bytes than Content-Length, a chunked stream without its last chunk) is an
error, never a document.
"""

from __future__ import annotations

import http.client
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import requests
import urllib3

from assets.fetching.addresses import AddressRefused, ensure_public_host, origin_of
from assets.fetching.connections import TruncatedResponse
from assets.fetching.exchange import (
    DEADLINE,
    SOURCE_BUDGET,
    Exchange,
    Limit,
    OutOfTime,
    exchange,
)
from assets.fetching.policy import FetchPolicy
from assets.fetching.politeness import (
    ROBOTS_MAX_BYTES,
    HostThrottle,
    RobotsCache,
    RobotsResponse,
    WaitTooLong,
)
from assets.fetching.session import build_session

Origin = tuple[str, str, int | None]
_CHUNK = 64 * 1024


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


def check_file_root(path: Path, roots: tuple[Path, ...]) -> Path:
    """`path` resolved (symlinks followed), or `FetchError('file_outside_roots')` when it is not under one
    of `roots`. Checked before a file is read or a directory listed."""
    resolved = path.resolve()
    allowed = [r.resolve() for r in roots]
    if not any(resolved == root or root in resolved.parents for root in allowed):
        missing = "" if resolved.exists() else " (and there is no such file)"
        raise FetchError(
            "file_outside_roots",
            f"{resolved} is outside the allowed file roots ({', '.join(map(str, allowed))}){missing}: "
            "add its folder to DEALMAP_FILE_ROOTS (or the file_roots resource setting), or move it under "
            "one of them",
        )
    return resolved


def file_url_path(url: str) -> Path:
    """The local path a file:// URL names."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError("file_host", f"file URL with a host is not supported: {url}")
    return Path(unquote(parts.path))


class HttpClient:
    """Fetches documents under one `FetchPolicy`. Not thread-safe: one client per run.

    Two sessions: `session` for hops on the origin of the URL the caller trusts (the registry's), and
    `public_session`, whose connections refuse non-public addresses, for every other hop.
    """

    def __init__(self, policy: FetchPolicy, session: requests.Session | None = None):
        self.policy = policy
        self.session = session or build_session(policy, public_only=policy.refuse_private_addresses)
        self.public_session = (
            self.session if policy.refuse_private_addresses else build_session(policy, public_only=True)
        )
        self.throttle = HostThrottle(policy.min_host_interval_s)
        self.robots = RobotsCache(self._fetch_robots, policy.user_agent)

    def _fetch_robots(self, url: str, trusted_origin: Origin | None = None) -> RobotsResponse:
        """robots.txt through this client: same timeouts, size cap, redirect and address checks, host
        interval. Running out of the source's budget is not the host's fault: it is raised, not cached."""
        outcome = self.fetch(
            url, max_bytes=ROBOTS_MAX_BYTES, check_robots=False, trusted_origin=trusted_origin
        )
        if outcome.ok:
            return RobotsResponse(outcome.http_status or 200, outcome.body)
        if outcome.error_class == SOURCE_BUDGET:
            raise OutOfTime(SOURCE_BUDGET, f"robots.txt not read: {outcome.error_message}")
        if outcome.error_class and outcome.error_class.startswith("http_"):
            return RobotsResponse(outcome.http_status, None)
        return RobotsResponse(None, None, outcome.error_class)

    def _admit(self, url: str, check_robots: bool, trusted_origin: Origin, limit: Exchange) -> None:
        """Checks before any request to an http(s) URL (the first and every redirect hop)."""
        if self._is_learned(url, trusted_origin):
            ensure_public_host(url)  # early and friendly; the connection checks what it connects to
        if check_robots and self.policy.respect_robots:
            verdict = self.robots.check(url, lambda robots: self._fetch_robots(robots, trusted_origin))
            if not verdict.allowed:
                raise FetchError(verdict.error_class, f"{verdict.reason}: {url}")
        try:
            self.throttle.wait(url, within_s=limit.remaining())
        except WaitTooLong as refusal:
            raise limit.out_of_time(f"{refusal} for {url}") from None

    def _is_learned(self, url: str, trusted_origin: Origin) -> bool:
        """True when `url` must keep to public addresses: off the trusted origin, or every URL when
        `refuse_private_addresses` is on."""
        return self.policy.refuse_private_addresses or origin_of(url) != trusted_origin

    def close(self) -> None:
        self.session.close()
        self.public_session.close()

    def _check_file_url(self, url: str) -> None:
        path = check_file_root(file_url_path(url), self.policy.file_roots)
        if path.is_dir():
            raise FetchError("file_not_found", f"a directory, not a file: {path}")
        if not path.is_file():
            raise FetchError("file_not_found", f"no such file: {path}")

    def _read_body(self, response: requests.Response, max_bytes: int, limit: Exchange) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError("too_large", f"Content-Length {declared} exceeds the {max_bytes}-byte cap")
        chunks, size = [], 0
        for chunk in _chunks_as_they_arrive(response):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError("too_large", f"body exceeds the {max_bytes}-byte cap")
            limit.check()
            chunks.append(chunk)
        # When the watchdog cut the socket, a body framed by the end of the connection would look complete.
        limit.check()
        return b"".join(chunks)

    def fetch(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        check_robots: bool = True,
        trusted_origin: Origin | None = None,
        budget: Limit | None = None,
    ) -> FetchOutcome:
        """GET `url`; a 304 (validators given) comes back as status 'not_modified' with no body.

        `trusted_origin` is the origin of the registry URL this fetch stems from (default: `url`'s own):
        hops elsewhere may only reach public addresses. `budget` is the end of the source's time budget;
        the fetch ends by then or by `deadline_s`, whichever is sooner.
        """
        started = time.monotonic()
        outcome = FetchOutcome(url=url, status="error")
        deadline = Limit(started + self.policy.deadline_s, DEADLINE, self.policy.deadline_s)
        with exchange(deadline.sooner(budget)) as limit:
            try:
                self._fetch_into(
                    outcome,
                    url,
                    etag,
                    last_modified,
                    max_bytes or self.policy.max_bytes,
                    check_robots,
                    trusted_origin or origin_of(url),
                    limit,
                )
            except FetchError as error:
                _failed(outcome, error.error_class, str(error))
                outcome.http_status = error.http_status or outcome.http_status
            except OutOfTime as error:
                _failed(outcome, error.error_class, str(error))
                outcome.http_status = error.http_status or outcome.http_status
                outcome.attempts = max(outcome.attempts, error.attempts)
            except AddressRefused as error:
                # Nothing was sent to the refused address: no status or size of it to report.
                _failed(outcome, error.error_class, f"{outcome.final_url}: {error}")
                outcome.http_status = None
            except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError) as error:
                if limit.expired:  # the watchdog cut the socket: whatever broke, the limit broke it
                    _failed(outcome, limit.limit.error_class, str(limit.out_of_time("cut off")))
                else:
                    _failed(outcome, _request_error_class(error), f"{type(error).__name__}: {error}")
                    if outcome.http_status is None:
                        # No response ever came back: urllib3 spent every retry on this error.
                        outcome.attempts = self.policy.retries + 1
        if outcome.status != "ok":
            outcome.body = None
        outcome.elapsed_s = round(time.monotonic() - started, 4)
        return outcome

    def _fetch_into(
        self,
        outcome: FetchOutcome,
        url: str,
        etag: str | None,
        last_modified: str | None,
        max_bytes: int,
        check_robots: bool,
        trusted_origin: Origin,
        limit: Exchange,
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
            outcome.final_url = current
            session = self.session
            if scheme != "file":
                self._admit(current, check_robots, trusted_origin, limit)
                if self._is_learned(current, trusted_origin):
                    session = self.public_session
            with session.get(
                current, headers=headers, timeout=timeout, stream=True, allow_redirects=False
            ) as response:
                retries = getattr(response.raw, "retries", None)
                outcome.attempts = len(retries.history) + 1 if retries is not None else 1
                outcome.http_status = response.status_code if scheme != "file" else None
                if response.is_redirect:
                    current = self._next_hop(current, response, seen, outcome)
                    continue
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
                outcome.body = self._read_body(response, max_bytes, limit)
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


def _failed(outcome: FetchOutcome, error_class: str, message: str) -> None:
    outcome.status, outcome.error_class, outcome.error_message = "error", error_class, message


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


def _causes(error: BaseException) -> Iterator[BaseException]:
    """`error` and what it wraps: requests and urllib3 nest the real cause in `reason`, `args` or causes."""
    pending, seen = [error], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        nested = [getattr(current, "reason", None), current.__cause__, current.__context__, *current.args]
        pending.extend(e for e in nested if isinstance(e, BaseException))


def _request_error_class(error: Exception) -> str:
    for cause in _causes(error):
        if isinstance(cause, TruncatedResponse):
            return TruncatedResponse.error_class
        if isinstance(cause, http.client.IncompleteRead):
            return "truncated_body"  # fewer bytes than Content-Length, or a chunked stream cut short
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
