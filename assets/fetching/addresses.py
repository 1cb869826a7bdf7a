"""Refusing private, loopback and link-local addresses for http(s) sources (opt-in).

A registry pointed at the public web should never make dealmap fetch from the machine it runs on or its
network (cloud metadata endpoints, admin consoles). The check resolves the host and refuses when any
address it resolves to is not global. It is off by default so that local test servers work.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class PrivateAddressError(ValueError):
    pass


def ensure_public_host(url: str) -> None:
    """Raise `PrivateAddressError` when `url`'s host resolves to a non-global address."""
    host = urlsplit(url).hostname
    if not host:
        raise PrivateAddressError(f"no host in {url}")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise PrivateAddressError(f"cannot resolve {host}: {error}") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise PrivateAddressError(f"{host} resolves to non-public address {address}")
