"""urllib3 connections that check the address they connect to, obey the fetch's time limit and notice a
response whose header block was cut off.

- Address pinning: a connection resolves its host once, refuses the lot when any address is not public
  (`public_only` connections, used for URLs learned from remote content), connects to an address it has
  checked, and checks the peer address of the socket it got. Nothing else resolves the name between the
  check and the connect, so DNS rebinding cannot slip a private address in.
- Time limit: every socket a fetch opens or reuses is handed to the current `Exchange`, which cuts it when
  the limit passes (connect, TLS handshake, headers and body alike).
- Cut-off headers: `http.client` takes the end of the stream for the blank line that ends the headers, so a
  response cut mid-headers reads as a complete, empty page. `GuardedResponse` remembers how the header block
  ended and raises `TruncatedResponse` when it ended at end of stream.

requests reaches these classes through `GuardedAdapter`, which installs them in its urllib3 pool manager.
"""

from __future__ import annotations

import http.client
import socket
import sys
from typing import Any

import urllib3.connection
import urllib3.connectionpool
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import _set_socket_options, allowed_gai_family

from assets.fetching.addresses import refuse_non_public
from assets.fetching.exchange import current_exchange


class TruncatedResponse(http.client.HTTPException):
    """The response ended before its header block did (urllib3 may retry it, like any broken response)."""

    error_class = "truncated_headers"


class _HeaderEndWatcher:
    """Wraps the response's file while the headers are read, remembering the last line read."""

    def __init__(self, fp: Any):
        self.fp, self.last_line = fp, None

    def readline(self, limit: int = -1) -> bytes:
        self.last_line = self.fp.readline(limit)
        return self.last_line

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fp, name)


class GuardedResponse(http.client.HTTPResponse):
    """http.client's response, refusing a header block that ended with the connection."""

    def begin(self) -> None:
        if self.headers is not None:
            return
        watcher = self.fp = _HeaderEndWatcher(self.fp)
        try:
            super().begin()
        finally:
            self.fp = watcher.fp if self.fp is watcher else self.fp
        if watcher.last_line == b"":
            raise TruncatedResponse("the connection closed before the end of the response headers")


class _GuardedConnection:
    """Mixin for urllib3's HTTP(S)Connection: pinned, checked addresses and time-limited sockets."""

    public_only = False
    _dns_host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None
    socket_options: Any
    sock: socket.socket | None
    host: str

    def _new_conn(self) -> socket.socket:
        limit = current_exchange()
        timeout = self.timeout
        if limit is not None:
            limit.check("not connected")
            timeout = limit.clamp(timeout)
        host = self._dns_host.strip("[]")
        try:
            infos = socket.getaddrinfo(host, self.port, allowed_gai_family(), socket.SOCK_STREAM)
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error  # type: ignore[arg-type]
        if self.public_only:
            refuse_non_public(self.host, [info[4][0] for info in infos])
        sock = self._connect_to_one(infos, timeout)
        if self.public_only:
            refuse_non_public(self.host, [sock.getpeername()[0]], sock.close)
        if limit is not None:
            limit.watch(sock)
        sys.audit("http.client.connect", self, self.host, self.port)
        return sock

    def _connect_to_one(self, infos: list[Any], timeout: float | None) -> socket.socket:
        """Connect to the first address that answers, among those already resolved (and checked)."""
        error: OSError | None = None
        for family, kind, proto, _, address in infos:
            sock = socket.socket(family, kind, proto)
            try:
                _set_socket_options(sock, self.socket_options)
                sock.settimeout(timeout)
                if self.source_address:
                    sock.bind(self.source_address)
                sock.connect(address)
                return sock
            except OSError as failed:
                sock.close()
                error = failed
        if isinstance(error, TimeoutError):
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out (timeout={timeout})")
        raise NewConnectionError(self, f"Failed to establish a new connection: {error}")  # type: ignore[arg-type]

    def request(self, *args: Any, **kwargs: Any) -> None:
        # A pooled connection reused by a later fetch must obey that fetch's limit too.
        limit = current_exchange()
        if limit is not None and self.sock is not None:
            limit.watch(self.sock)
        super().request(*args, **kwargs)  # type: ignore[misc]


class GuardedHTTPConnection(_GuardedConnection, urllib3.connection.HTTPConnection):
    response_class = GuardedResponse


class GuardedHTTPSConnection(_GuardedConnection, urllib3.connection.HTTPSConnection):
    response_class = GuardedResponse


class PublicHTTPConnection(GuardedHTTPConnection):
    public_only = True


class PublicHTTPSConnection(GuardedHTTPSConnection):
    public_only = True


def _pools(http_cls: type, https_cls: type) -> dict[str, type]:
    return {
        "http": type("Pool", (urllib3.connectionpool.HTTPConnectionPool,), {"ConnectionCls": http_cls}),
        "https": type("Pool", (urllib3.connectionpool.HTTPSConnectionPool,), {"ConnectionCls": https_cls}),
    }


_GUARDED_POOLS = _pools(GuardedHTTPConnection, GuardedHTTPSConnection)
_PUBLIC_POOLS = _pools(PublicHTTPConnection, PublicHTTPSConnection)


class GuardedAdapter(HTTPAdapter):
    """requests' HTTPAdapter over the guarded connections; `public_only` refuses non-public addresses.

    Through a proxy the socket's peer is the proxy, and the proxy resolves the name: such connections are
    time-limited and cut-off checked, but the address check is the one made before the request.
    """

    def __init__(self, *, public_only: bool, **kwargs: Any):
        self.public_only = public_only
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _PUBLIC_POOLS if self.public_only else _GUARDED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _GUARDED_POOLS
        return manager
