"""The address policy of every fetch: no connection to an internal address (SSRF).

What arrives from the web decides what the harvest fetches next (feed items, links, redirects,
lead images), so a hostile page could make Clipper reach the machine itself or the office
network (``http://127.0.0.1:…``, ``http://10.0.0.5/``, a name that resolves there) and carry
the answer into the archive or the mailed PDF. Every connection is therefore judged on the
address it actually connects to, where the socket is opened:

- on aiohttp's transport, by the connector's resolver (the addresses a name resolves to are
  filtered) and its socket factory (the address each socket connects to: IP literals too);
- on httpx's own transport, by the network backend that resolves the name and connects to the
  checked address itself.

Resolution and connection are one step, so a name that answers a public address to a check and
an internal one to the connection (DNS rebinding) never gets through. Loopback, private,
link-local, unspecified, multicast, reserved and every other non-global address is refused,
except on the origins of the configured sources (host and port of each source URL) and the
``harvest: allow_hosts:`` entries.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import httpcore
import httpx
from aiohttp.abc import AbstractResolver, ResolveResult

from clipper.config import Config
from clipper.hosts import host_entry

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 prefixes that carry an IPv4 address: judged by that address.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


# The reason a refused address gives (also found inside errors that gather several).
REFUSED_REASON = "alamat internal ditolak"


class AddressRefused(OSError):
    """A connection the address policy refuses; the message is the page's error reason."""

    def __init__(self, host: str | None, address: str):
        self.host = host
        self.address = address
        shown = address if not host or _plain(host) == _plain(address) else f"{host}: {address}"
        super().__init__(f"{REFUSED_REASON} ({shown})")


def _plain(host: str) -> str:
    """A host as the policy compares it: lower case, no brackets, no trailing dot, no IPv6 zone;
    an IP address in its canonical form."""
    host = host.strip().lower().strip("[]").rstrip(".").split("%", 1)[0]
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def is_public(address: str | IPAddress) -> bool:
    """Whether an IP address is a global one a news site can have (not internal in any sense)."""
    try:
        ip = ipaddress.ip_address(_plain(address) if isinstance(address, str) else address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip.teredo is not None:
            return False
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local
                                 or ip.is_unspecified or ip.is_private)


def origin_of(url: str) -> tuple[str, int] | None:
    """(host, port) of an http(s) URL, the port defaulted from the scheme; None if malformed."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or parts.scheme.lower() not in ("http", "https"):
        return None
    return _plain(parts.hostname), port or (443 if parts.scheme.lower() == "https" else 80)


@dataclass(frozen=True)
class AddressPolicy:
    """Where internal addresses may be reached: (host, port) pairs, port None for any port.

    The default policy allows none: only public addresses are connected to.
    """

    allowed: frozenset[tuple[str, int | None]] = frozenset()

    @classmethod
    def allowing(cls, *entries: str) -> AddressPolicy:
        """A policy from ``allow_hosts``-style entries ("host" or "host:port")."""
        return cls(frozenset((_plain(host), port) for host, port in map(host_entry, entries)))

    def with_origins(self, urls: Iterable[str]) -> AddressPolicy:
        """This policy plus the origins (host and port) of these URLs."""
        origins = {origin for origin in map(origin_of, urls) if origin is not None}
        return AddressPolicy(self.allowed | origins)

    def allows_host(self, host: str, port: int) -> bool:
        """The host (and port) is a configured origin or an allow_hosts entry."""
        host = _plain(host)
        return (host, port) in self.allowed or (host, None) in self.allowed

    def permits(self, host: str, port: int, address: str) -> bool:
        """Whether a connection to ``address`` for ``host:port`` is allowed."""
        return is_public(address) or self.allows_host(host, port)


def policy_for(config: Config) -> AddressPolicy:
    """The policy of a configuration: its sources' origins and its ``harvest: allow_hosts``."""
    return AddressPolicy.allowing(*config.harvest.allow_hosts).with_origins(s.url for s in config.sources)


class Guard:
    """One Fetcher's enforcement of a policy on both transports (see the module docstring)."""

    def __init__(self, policy: AddressPolicy):
        self.policy = policy
        # Internal (address, port) pairs the resolver let through for an allowed host name:
        # the socket factory, which sees addresses only, lets exactly those connect.
        self._granted: set[tuple[str, int]] = set()

    def keep(self, host: str, port: int, addresses: list[str]) -> list[str]:
        """The addresses ``host`` may be reached at; AddressRefused when none is left."""
        kept = []
        for address in addresses:
            if is_public(address):
                kept.append(address)
            elif self.policy.allows_host(host, port):
                self._granted.add((_plain(address), port))
                kept.append(address)
        if addresses and not kept:
            logger.warning("refused %s:%s -> %s", host, port, ", ".join(addresses))
            raise AddressRefused(host, addresses[0])
        return kept

    def check_literal(self, host: str, port: int) -> None:
        """A URL whose host is an IP address connects exactly there: judged before the request, as
        itself (a grant made to an allowed name never lets a literal of the same address through).

        Raises:
            AddressRefused: an internal address that is no allowed origin.
        """
        try:
            ipaddress.ip_address(_plain(host))
        except ValueError:
            return  # a name: judged where it is resolved
        if not self.policy.permits(host, port, host):
            logger.warning("refused %s:%s", host, port)
            raise AddressRefused(None, host)

    def open_socket(self, addr_info: tuple) -> socket.socket:
        """aiohttp's socket factory: the last check, on the address the socket connects to."""
        family, kind, proto, _, sockaddr = addr_info
        address, port = str(sockaddr[0]), int(sockaddr[1])
        if not (is_public(address) or (_plain(address), port) in self._granted
                or self.policy.allows_host(address, port)):
            logger.warning("refused connection to %s:%s", address, port)
            raise AddressRefused(None, address)
        return socket.socket(family=family, type=kind, proto=proto)

    def connector(self, ssl_context: Any, limits: httpx.Limits) -> aiohttp.TCPConnector:
        """An aiohttp connector that resolves and connects under this guard (call inside the loop)."""
        extra = {"limit": limits.max_connections} if limits.max_connections is not None else {}
        return aiohttp.TCPConnector(ssl=ssl_context, keepalive_timeout=limits.keepalive_expiry,
                                    resolver=_Resolver(self), socket_factory=self.open_socket, **extra)

    def transport(self, ssl_context: Any, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
        """httpx's own transport, connecting through this guard's network backend."""
        return _GuardedTransport(self, ssl_context, limits)


class _Resolver(AbstractResolver):
    """aiohttp's threaded resolver, keeping only the addresses the policy permits."""

    def __init__(self, guard: Guard):
        self._guard = guard
        self._inner = aiohttp.ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        kept = set(self._guard.keep(host, port, [r["host"] for r in results]))
        return [r for r in results if r["host"] in kept]

    async def close(self) -> None:
        await self._inner.close()


class _Backend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend that resolves a name itself and connects to a checked address."""

    def __init__(self, guard: Guard):
        self._guard = guard
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        failure: Exception | None = None
        for address in self._guard.keep(host, port, addresses):
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                     socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.UnsupportedProtocol("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool on the guarded backend."""

    def __init__(self, guard: Guard, ssl_context: Any, limits: httpx.Limits):
        super().__init__(verify=ssl_context, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context, max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            network_backend=_Backend(guard))
