"""Which addresses a fetch may reach, and which URLs count as the registry's own.

A URL written in `sources.toml` may point anywhere the user chose, the machine dealmap runs on included.
A URL learned from remote content (a feed entry's link, a redirect's `Location`) is the remote author's
choice: it may not reach loopback, private, link-local, reserved or other non-public addresses (cloud
metadata endpoints, admin consoles, the LAN) unless it is on the same origin (scheme, host, port) as the
registry URL it came from, i.e. on a server the user already pointed dealmap at. `refuse_private_addresses`
extends the refusal to registry URLs too.

The check that counts is made at connection time, on the addresses the connection resolved and on the peer
address of the socket (see connections.py); `ensure_public_host` is an early check with a friendlier error,
made before robots.txt or the per-host interval are spent on a URL that will be refused anyway.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


class AddressRefused(Exception):
    """A URL learned from remote content resolves to a non-public address. Not an OSError, so urllib3 does
    not retry it and requests does not wrap it."""

    error_class = "private_address"


def origin_of(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the scheme's default port filled in, lower case."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def is_public(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as the IPv4 it maps)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def refuse_non_public(
    host: str, addresses: Iterable[str], on_refuse: Callable[[], None] | None = None
) -> None:
    """Raise `AddressRefused` when any of `host`'s addresses is not public (after calling `on_refuse`)."""
    for address in addresses:
        if not is_public(address):
            if on_refuse is not None:
                on_refuse()
            raise AddressRefused(f"{host} resolves to non-public address {address}: refused")


def ensure_public_host(url: str) -> None:
    """Raise `AddressRefused` when `url`'s host resolves to a non-public address. A name that does not
    resolve passes: the connection then fails with its own, truer error."""
    host = urlsplit(url).hostname
    if not host:
        raise AddressRefused(f"no host in {url}")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return
    refuse_non_public(host, [info[4][0] for info in infos])
