"""The requests `Session` every HTTP(S) fetch goes through: urllib3 `Retry` that keeps to the fetch's time
limit, guarded adapters (connections.py) and the `file://` adapter (with conditional requests)."""

from __future__ import annotations

import io
import os
import time
from typing import Any

import requests
import urllib3
from requests_file import FileAdapter
from urllib3.util.retry import Retry

from assets.fetching.connections import GuardedAdapter
from assets.fetching.exchange import current_exchange
from assets.fetching.policy import FetchPolicy

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


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

    def sleep(self, response: urllib3.response.BaseHTTPResponse | None = None) -> None:
        """Wait before the next attempt (`Retry-After` when given, else backoff), never past the limit of
        the fetch: a wait that would end past it is not taken and the fetch fails at once."""
        retry_after = (
            self.get_retry_after(response)
            if response is not None and self.respect_retry_after_header
            else None
        )
        wait = max(retry_after or self.get_backoff_time(), self.min_backoff_s)
        limit = current_exchange()
        if limit is None:
            time.sleep(wait)
            return
        status = response.status if response is not None else None
        what = f"retry wait after HTTP {status}" if status else "retry wait"
        limit.pause(wait, what, http_status=status, attempts=len(self.history))


class ConditionalFileAdapter(FileAdapter):
    """requests-file's `file://` adapter, answering a conditional request as a server would. Each file
    comes with an ETag made of its size, modification and change times and inode; a request whose
    `If-None-Match` names the file's current tag gets 304 and no body. An unchanged export of a hundred
    megabytes is then not read and hashed again only to learn that it is unchanged. The change time moves
    on every write, whatever the writer sets the modification time to."""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        response = super().send(request, *args, **kwargs)
        if response.status_code != 200 or not hasattr(response.raw, "fileno"):
            return response
        stat = os.fstat(response.raw.fileno())
        tag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}-{stat.st_ctime_ns:x}-{stat.st_ino:x}"'
        response.headers["ETag"] = tag
        if request.method == "GET" and request.headers.get("If-None-Match") == tag:
            response.raw.close()
            response.raw = io.BytesIO()
            response.raw.release_conn = response.raw.close  # type: ignore[attr-defined]
            response.status_code, response.reason = 304, "Not Modified"
            response.headers["Content-Length"] = "0"
        return response


def build_session(policy: FetchPolicy, public_only: bool = False) -> requests.Session:
    """A Session with retrying, guarded HTTP(S) adapters and a file:// adapter.

    `public_only` sessions refuse, at connection time, any host that resolves to a non-public address."""
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
    adapter = GuardedAdapter(public_only=public_only, max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.mount("file://", ConditionalFileAdapter())
    return session
