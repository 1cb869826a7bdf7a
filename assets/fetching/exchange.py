"""The time limit of one fetch, enforced on the sockets themselves.

requests and urllib3 time out each socket operation, never an exchange: a server that sends one header line
(or one body byte) every few seconds keeps a fetch going for as long as it likes. An `Exchange` is the limit
of one fetch, from its first connect to its last byte, redirects, retries and their waits included. While it
is active (a context variable, so the connection classes and urllib3's `Retry` find it without being passed
it), every socket the fetch opens or reuses is watched: when the limit passes, a timer shuts those sockets
down, which wakes a blocked `recv` at once, and the fetch fails with the limit's `error_class`. Waits
(backoff, `Retry-After`, the per-host interval) that would end past the limit are not taken.

The limit is the sooner of the fetch's own deadline and the end of its source's budget; `error_class` says
which one it was (`deadline` or `source_budget_exhausted`).
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

DEADLINE = "deadline"
SOURCE_BUDGET = "source_budget_exhausted"
_CURRENT: contextvars.ContextVar[Exchange | None] = contextvars.ContextVar("dealmap_exchange", default=None)


class OutOfTime(Exception):
    """The fetch reached its time limit, or a wait would have taken it past the limit.

    Deliberately not an OSError nor a urllib3 error: urllib3 must not retry it and requests must not wrap it.
    """

    def __init__(self, error_class: str, message: str, http_status: int | None = None, attempts: int = 0):
        super().__init__(message)
        self.error_class, self.http_status, self.attempts = error_class, http_status, attempts


@dataclass(frozen=True)
class Limit:
    """When a fetch must be over (a `time.monotonic()` value) and the error slug if it is not."""

    ends_at: float
    error_class: str
    seconds: float
    """The limit as configured, for messages."""

    def sooner(self, other: Limit | None) -> Limit:
        return self if other is None or self.ends_at <= other.ends_at else other


class Exchange:
    """One fetch's limit and the sockets it must cut when the limit passes."""

    def __init__(self, limit: Limit):
        self.limit = limit
        self.expired = False
        self._closed = False
        self._watched: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, limit.ends_at - time.monotonic()), self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return self.limit.ends_at - time.monotonic()

    def out_of_time(self, what: str, **detail: int | None) -> OutOfTime:
        """`OutOfTime` for this limit: '<what>: <it would pass | past> the 60 s deadline'."""
        name = "deadline" if self.limit.error_class == DEADLINE else "source budget"
        verb = "past" if self.remaining() <= 0 else "it would pass"
        return OutOfTime(
            self.limit.error_class, f"{what}: {verb} the {self.limit.seconds:g} s {name}", **detail
        )

    def check(self, what: str = "cut off") -> None:
        """Raise `OutOfTime` once the limit has passed."""
        if self.expired or self.remaining() <= 0:
            raise self.out_of_time(what)

    def clamp(self, timeout: float | None) -> float:
        """A socket timeout that does not reach past the limit (at least a millisecond)."""
        left = max(self.remaining(), 0.001)
        return left if timeout is None else min(timeout, left)

    def pause(self, seconds: float, what: str, http_status: int | None = None, attempts: int = 0) -> None:
        """Sleep `seconds`, unless that would end past the limit: then raise `OutOfTime` without waiting."""
        if self.expired or self.remaining() <= 0:
            raise self.out_of_time("cut off", http_status=http_status, attempts=attempts)
        if seconds > self.remaining():
            raise self.out_of_time(
                f"{what} of {seconds:g} s not taken", http_status=http_status, attempts=attempts
            )
        if seconds > 0:
            time.sleep(seconds)

    def watch(self, sock: socket.socket) -> None:
        """Cut `sock` when the limit passes. A duplicate descriptor is kept: shutting it down shuts the shared
        connection down (even under TLS), and it stays valid if the original is closed meanwhile."""
        duplicate = socket.fromfd(sock.fileno(), sock.family, sock.type)
        with self._lock:
            self._watched.append(duplicate)
            if self.expired:
                _shut(duplicate)

    def _expire(self) -> None:
        with self._lock:
            if self._closed:
                return
            self.expired = True
            for sock in self._watched:
                _shut(sock)

    def _close(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._closed = True
            for sock in self._watched:
                sock.close()
            self._watched.clear()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the peer or by urllib3
        sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def exchange(limit: Limit) -> Iterator[Exchange]:
    """Make `limit` (or the enclosing exchange's, when sooner) the limit of everything inside the block."""
    outer = _CURRENT.get()
    current = Exchange(limit.sooner(outer.limit if outer else None))
    token = _CURRENT.set(current)
    current._timer.start()
    try:
        yield current
    finally:
        current._close()
        _CURRENT.reset(token)


def current_exchange() -> Exchange | None:
    """The exchange the running fetch is in, if any."""
    return _CURRENT.get()
