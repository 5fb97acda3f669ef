"""Polite, bounded async HTTP fetching for one harvest run (httpx, no Qt)."""

from __future__ import annotations

import asyncio
import logging
import math
import random
import re
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import aiohttp
import httpx

from clipper.errors import FetchError
from clipper.harvest.addresses import AddressPolicy, AddressRefused, Guard
from clipper.harvest.clients import host_client
from clipper.harvest.decoding import read_body
from clipper.harvest.fetch_errors import (Retry, blocked_error, rejected_by_aiohttp, status_error,
                                          transport_error)
from clipper.models import FetchedPage

logger = logging.getLogger(__name__)

# Requests in flight across all hosts. httpx's pool gets the same size, so a request that
# holds one of these slots never queues inside httpx (that wait would eat its deadline).
MAX_CONNECTIONS = 100
# How much of a 403/429/503 body is read to look for a bot challenge: every challenge page
# we have seen (Cloudflare, DDoS-Guard) names itself in its first ~10 KB.
CHALLENGE_SNIFF_BYTES = 64 * 1024
# Where a 200 challenge page's <title> is looked for.
TITLE_SNIFF_BYTES = 16 * 1024
# Back-off is multiplied by 1..1+JITTER so that many failed requests do not retry in step.
BACKOFF_JITTER = 0.25
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
CHALLENGE_STATUSES = (403, 429, 503)
CHALLENGE_MARKERS = (
    (b"Just a moment...", "Cloudflare"),
    (b"challenge-platform", "Cloudflare"),
    (b"Attention Required! | Cloudflare", "Cloudflare"),
    (b"DDoS-Guard", "DDoS-Guard"),
    (b"Checking your browser", "pemeriksa peramban"),
)
_CHALLENGE_TITLE = re.compile(rb"<title[^>]*>\s*Just a moment\.\.\.\s*</title>", re.I)
DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
_MB = 1024 * 1024


@dataclass(frozen=True)
class FetchSettings:
    """Limits and politeness of one harvest run; see the module constants for the rest."""

    user_agent: str = "Clipper/0.1 (kliping digital; Perpustakaan Balitbangdiklat Kemenag)"
    connect_timeout: float = 10.0
    read_timeout: float = 15.0
    deadline: float = 30.0  # wall time of one URL: every attempt, redirect, back-off and body
    max_bytes: int = 10 * _MB  # cap on the decoded body
    max_redirects: int = 5
    per_host: int = 2  # concurrent requests per host
    host_delay: float = 0.0  # minimum seconds between request starts on one host
    retries: int = 2  # for connection errors, timeouts (not the deadline), 5xx and 429
    backoff: float = 0.5  # exponential back-off base, seconds
    max_retry_after: float = 60.0  # a longer Retry-After fails the fetch instead
    addresses: AddressPolicy = AddressPolicy()  # where internal addresses may be reached (none)


@dataclass(frozen=True)
class _Options:
    etag: str | None
    last_modified: str | None
    delay: float
    concurrency: int
    deadline: float
    accept: str


@dataclass
class _Clock:
    """When one URL's time is up (loop time; None until its first request starts)."""

    until: float | None = None


@dataclass
class _Host:
    slots: asyncio.Semaphore
    gate: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_start: float = -math.inf
    not_before: float = 0.0  # set from a Retry-After: nobody starts on this host before


class Fetcher:
    """One httpx client for a harvest run: per-host limits, deadlines, caps and retries.

    Use as ``async with Fetcher(settings) as fetcher: await fetcher.fetch(url)``. One
    instance is safe for hundreds of concurrent ``fetch`` calls on one event loop.
    """

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._tls: ssl.SSLContext | None = None  # one for all clients: each costs ~15 ms to load
        self._lenient: set[str] = set()  # hosts whose responses only httpx's own parser accepts
        self._closed = False
        self._hosts: dict[str, _Host] = {}
        self._global = asyncio.Semaphore(MAX_CONNECTIONS)
        self._guard = Guard(self.settings.addresses)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the underlying clients and their connections."""
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    def _client_for(self, host: str) -> httpx.AsyncClient:
        """One small connection pool per host: httpx scans its whole pool on every request,
        which with one pool of ~100 connections cost more than a request (measured with py-spy);
        a per-host pool also keeps every connection alive between requests.

        Requests go through aiohttp's transport (its C parser costs half the CPU of httpx's
        own); a host whose responses it rejects as malformed gets httpx's transport instead.
        Both connect under the run's address policy (clipper.harvest.addresses).
        """
        lenient = host in self._lenient
        key = f"lenient:{host}" if lenient else host
        client = self._clients.get(key)
        if client is None:
            if self._tls is None:
                self._tls = httpx.create_ssl_context()
            s = self.settings
            timeout = httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout, pool=None)
            client = self._clients[key] = host_client(self._guard, self._tls, lenient, user_agent=s.user_agent,
                                                      timeout=timeout)
        return client

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float | None = None,
        concurrency: int | None = None,
        timeout: float | None = None,
        accept: str | None = None,
    ) -> FetchedPage:
        """Fetch one URL politely, following redirects and retrying transient failures.

        Args:
            url: An http or https URL.
            etag: The ETag of the copy we have; sent as If-None-Match.
            last_modified: The Last-Modified of the copy we have; sent as If-Modified-Since.
            delay: Per-source override of ``host_delay``.
            concurrency: Per-source override of ``per_host`` (the first value seen for a
                host sizes its limit for the whole run).
            timeout: Per-source override of ``deadline``.
            accept: The Accept header (default: HTML first).

        Returns:
            The 2xx response with its body decoded from gzip/deflate/brotli (the
            ``content-encoding`` and ``content-length`` headers then describe the wire and
            are dropped), or a 304 with ``not_modified=True`` and empty content.

        Raises:
            FetchError: For every failure, with a short Indonesian reason; ``blocked`` is
                True for a bot challenge page.
        """
        s = self.settings
        options = _Options(
            etag=etag,
            last_modified=last_modified,
            delay=s.host_delay if delay is None else max(0.0, delay),
            concurrency=max(1, s.per_host if concurrency is None else concurrency),
            deadline=s.deadline if timeout is None else timeout,
            accept=accept or DEFAULT_ACCEPT,
        )
        try:
            return await self._fetch_with_retries(url, options)
        except FetchError as exc:
            logger.info("fetch failed: %s", exc)
            raise
        except Exception as exc:
            logger.exception("unexpected error fetching %s", url)
            raise FetchError(url, f"galat tak terduga: {type(exc).__name__}") from exc

    async def _fetch_with_retries(self, url: str, options: _Options) -> FetchedPage:
        """Attempts, redirects and back-off all within one deadline (``options.deadline`` from
        the first request's start: read timeouts retried in turn never add up past it)."""
        clock = _Clock()
        attempt = 0
        while True:
            try:
                return await self._follow_redirects(url, options, clock)
            except Retry as retry:
                if attempt >= self.settings.retries:
                    raise retry.error from None
                backoff = self.settings.backoff * 2**attempt
                wait = max(retry.wait, backoff * (1 + random.random() * BACKOFF_JITTER))
                if clock.until is not None and asyncio.get_running_loop().time() + wait >= clock.until:
                    logger.info("no time left for a retry of %s: %s", url, retry.error.reason)
                    if retry.wait > 0:  # the server's own Retry-After is past the deadline
                        raise FetchError(url, f"server meminta menunggu {math.ceil(retry.wait)} dtk "
                                              "(Retry-After), melewati batas waktu", retry.error.status) from None
                    raise FetchError(url, f"batas waktu {options.deadline:g} dtk habis: {retry.error.reason}",
                                     retry.error.status) from None
                attempt += 1
                logger.info("retry %d for %s in %.2f s: %s", attempt, url, wait, retry.error.reason)
                await asyncio.sleep(wait)

    async def _follow_redirects(self, url: str, options: _Options, clock: _Clock) -> FetchedPage:
        target = _check_url(url, url)
        seen = {str(target)}
        followed = 0
        while True:
            outcome = await self._request(url, target, options, clock)
            if isinstance(outcome, FetchedPage):
                return outcome
            status, location = outcome
            nxt = _check_url(url, location, base=target)
            if str(nxt) in seen:
                raise FetchError(url, "pengalihan berulang (loop)", status)
            if followed >= self.settings.max_redirects:
                raise FetchError(url, "terlalu banyak pengalihan", status)
            logger.debug("redirect %d %s -> %s", status, target, nxt)
            seen.add(str(nxt))
            followed += 1
            target = nxt

    @asynccontextmanager
    async def _slot(self, host_key: str, options: _Options) -> AsyncIterator[None]:
        """Wait for a free per-host slot, the host delay and a global slot, in that order."""
        host = self._hosts.get(host_key)
        if host is None:
            host = self._hosts[host_key] = _Host(asyncio.Semaphore(options.concurrency))
        loop = asyncio.get_running_loop()
        async with host.slots:
            async with host.gate:
                wait = max(host.last_start + options.delay, host.not_before) - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                await self._global.acquire()
                host.last_start = loop.time()
            try:
                yield
            finally:
                self._global.release()

    async def _request(
        self, url: str, target: httpx.URL, options: _Options, clock: _Clock
    ) -> FetchedPage | tuple[int, str]:
        """One HTTP exchange under the URL's deadline: a result, or (status, Location) to follow."""
        self._client_for(target.host)  # built before the slot: the host delay counts from the request
        try:
            self._guard.check_literal(target.host, target.port or (443 if target.scheme == "https" else 80))
        except AddressRefused as refused:
            raise transport_error(url, refused) from None
        async with self._slot(target.host, options):
            if clock.until is None:  # the first request of this URL starts its clock
                clock.until = asyncio.get_running_loop().time() + options.deadline
            deadline = asyncio.timeout_at(clock.until)
            try:
                async with deadline:
                    return await self._exchange(url, target, options)
            except TimeoutError as exc:
                if deadline.expired():
                    raise FetchError(url, f"batas waktu {options.deadline:g} dtk habis") from None
                raise transport_error(url, exc) from exc
            except Retry as retry:
                if retry.wait > 0:
                    host = self._hosts[target.host]
                    resume = asyncio.get_running_loop().time() + retry.wait
                    host.not_before = max(host.not_before, resume)
                raise
            except (httpx.HTTPError, aiohttp.ClientError, OSError) as exc:
                raise transport_error(url, exc) from exc

    async def _exchange(
        self, url: str, target: httpx.URL, options: _Options
    ) -> FetchedPage | tuple[int, str]:
        client = self._client_for(target.host)
        headers = {"Accept": options.accept}
        if options.etag:
            headers["If-None-Match"] = options.etag
        if options.last_modified:
            headers["If-Modified-Since"] = options.last_modified
        request = client.build_request("GET", target, headers=headers)
        try:
            response = await client.send(request, stream=True)
        except (httpx.HTTPError, aiohttp.ClientError) as exc:
            # aiohttp refuses some responses browsers take (Transfer-Encoding with a
            # Content-Length, a repeated Content-Length): ask again with httpx's own parser.
            if target.host in self._lenient or not rejected_by_aiohttp(exc):
                raise
            logger.info("%s: response refused by aiohttp (%s); using httpx's parser for this host",
                        target.host, exc)
            self._lenient.add(target.host)
            return await self._exchange(url, target, options)
        try:
            return await self._handle(url, target, response)
        finally:
            await response.aclose()

    async def _handle(
        self, url: str, target: httpx.URL, response: httpx.Response
    ) -> FetchedPage | tuple[int, str]:
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        if headers.get("cf-mitigated", "").strip().lower() == "challenge":
            raise blocked_error(url, status, "Cloudflare")
        if status in REDIRECT_STATUSES and headers.get("location"):
            return status, headers["location"]
        if status == 304:
            return self._result(url, target, status, headers, b"", not_modified=True)
        if 200 <= status < 300:
            body, gzipped = await read_body(url, response, headers, self.settings.max_bytes)
            if _CHALLENGE_TITLE.search(body[:TITLE_SNIFF_BYTES]):
                raise blocked_error(url, status, "Cloudflare")
            return self._result(url, target, status, headers, body, gzipped=gzipped)
        if status in CHALLENGE_STATUSES:
            try:
                sniff, _ = await read_body(
                    url, response, headers, CHALLENGE_SNIFF_BYTES, cut=True
                )
            except FetchError:
                sniff = b""  # an undecodable error page is just an error page
            for marker, who in CHALLENGE_MARKERS:
                if marker in sniff:
                    raise blocked_error(url, status, who)
        raise status_error(url, status, headers, self.settings.max_retry_after)

    @staticmethod
    def _result(
        url: str,
        target: httpx.URL,
        status: int,
        headers: dict[str, str],
        content: bytes,
        *,
        not_modified: bool = False,
        gzipped: bytes | None = None,
    ) -> FetchedPage:
        if headers.get("content-encoding", "identity").strip().lower() != "identity":
            headers.pop("content-encoding", None)
            headers.pop("content-length", None)
        return FetchedPage(
            url=url,
            final_url=str(target),
            status=status,
            headers=headers,
            content=content,
            fetched_at=datetime.now(UTC),
            not_modified=not_modified,
            gzipped=gzipped,
        )


def _check_url(url: str, candidate: str | httpx.URL, base: httpx.URL | None = None) -> httpx.URL:
    """Parse (and resolve) a URL; only http(s) with a host is fetched."""
    try:
        parsed = base.join(candidate) if base is not None else httpx.URL(candidate)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise FetchError(url, f"URL tidak valid: {str(candidate)[:80]}") from exc
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(url, f"skema tidak didukung: {scheme or '(kosong)'}")
    if not parsed.host:
        raise FetchError(url, "URL tanpa nama host")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise FetchError(url, f"URL tidak valid: port {parsed.port}")
    return parsed.copy_with(fragment=None) if parsed.fragment else parsed

