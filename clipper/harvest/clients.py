"""The HTTP client of one host in a harvest: httpx on aiohttp's transport (or httpx's own), guarded."""

from __future__ import annotations

import logging
import ssl
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from clipper.harvest.addresses import Guard

logger = logging.getLogger(__name__)

# Connections kept per host: at least the largest per-host concurrency a source may ask for.
HOST_CONNECTIONS = 16


class _Cookies(httpx.Cookies):
    """A cookie jar that skips responses without Set-Cookie: httpx builds two urllib
    adapter objects per response to look for one (~0.2 ms a page), and article pages
    seldom set any."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


class _Client(httpx.AsyncClient):
    """httpx's client with the cheaper cookie jar (cookies still work as in a browser)."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._jar = _Cookies()

    @property
    def cookies(self) -> httpx.Cookies:
        return self._jar


def host_client(guard: Guard, tls: ssl.SSLContext, lenient: bool, *, user_agent: str,
                timeout: httpx.Timeout) -> httpx.AsyncClient:
    """A client for one host: aiohttp's transport, or httpx's own parser when ``lenient``;
    either connects only where ``guard``'s address policy permits."""
    limits = httpx.Limits(max_connections=HOST_CONNECTIONS, max_keepalive_connections=HOST_CONNECTIONS)
    if lenient:
        transport: httpx.AsyncBaseTransport = guard.transport(tls, limits)
    else:
        transport = AiohttpTransport(
            verify=tls, limits=limits,
            client=lambda: aiohttp.ClientSession(connector=guard.connector(tls, limits)))
    return _Client(
        transport=transport,
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate, br", "Accept-Language": "id,en;q=0.7"},
        timeout=timeout,
        follow_redirects=False,
    )
