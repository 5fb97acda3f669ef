"""Polite, bounded async HTTP fetching for one harvest run (httpx, no Qt)."""

from __future__ import annotations

import asyncio
import errno
import logging
import math
import random
import re
import ssl
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import aclosing, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
import brotli
import httpx
from httpx_aiohttp import AiohttpTransport

from clipper.errors import FetchError
from clipper.models import FetchResult

logger = logging.getLogger(__name__)

# Requests in flight across all hosts. httpx's pool gets the same size, so a request that
# holds one of these slots never queues inside httpx (that wait would eat its deadline).
MAX_CONNECTIONS = 100
# Connections kept per host: at least the largest per-host concurrency a source may ask for.
HOST_CONNECTIONS = 16
# Decompressed output is produced in pieces of at most about this size, so a gzip/brotli
# bomb is stopped after max_bytes instead of being inflated whole (httpx inflates a whole
# network chunk at once: 64 KB of gzipped zeros become 64 MB).
DECODE_CHUNK = 64 * 1024
# How much of a 403/429/503 body is read to look for a bot challenge: every challenge page
# we have seen (Cloudflare, DDoS-Guard) names itself in its first ~10 KB.
CHALLENGE_SNIFF_BYTES = 64 * 1024
# Where a 200 challenge page's <title> is looked for.
TITLE_SNIFF_BYTES = 16 * 1024
# Back-off is multiplied by 1..1+JITTER so that many failed requests do not retry in step.
BACKOFF_JITTER = 0.25
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
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
STATUS_TEXT = {
    400: "permintaan tidak valid",
    401: "perlu login",
    403: "akses ditolak",
    404: "tidak ditemukan",
    405: "metode tidak diizinkan",
    410: "sudah dihapus",
    429: "terlalu banyak permintaan",
    451: "diblokir karena alasan hukum",
    502: "gateway bermasalah",
    503: "layanan tidak tersedia",
    504: "gateway kehabisan waktu",
}
_MB = 1024 * 1024


@dataclass(frozen=True)
class FetchSettings:
    """Limits and politeness of one harvest run; see the module constants for the rest."""

    user_agent: str = "Clipper/0.1 (kliping digital; Perpustakaan Balitbangdiklat Kemenag)"
    connect_timeout: float = 10.0
    read_timeout: float = 15.0
    deadline: float = 30.0  # wall time of one request, whole body included
    max_bytes: int = 10 * _MB  # cap on the decoded body
    max_redirects: int = 5
    per_host: int = 2  # concurrent requests per host
    host_delay: float = 0.0  # minimum seconds between request starts on one host
    retries: int = 2  # for connection errors, timeouts (not the deadline), 5xx and 429
    backoff: float = 0.5  # exponential back-off base, seconds
    max_retry_after: float = 60.0  # a longer Retry-After fails the fetch instead


@dataclass(frozen=True)
class _Options:
    etag: str | None
    last_modified: str | None
    delay: float
    concurrency: int
    deadline: float
    accept: str


@dataclass
class _Host:
    slots: asyncio.Semaphore
    gate: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_start: float = -math.inf
    not_before: float = 0.0  # set from a Retry-After: nobody starts on this host before


class _Retry(Exception):
    """A failure worth another attempt, after at least ``wait`` seconds."""

    def __init__(self, error: FetchError, wait: float = 0.0):
        super().__init__(error.reason)
        self.error = error
        self.wait = wait


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
        """
        lenient = host in self._lenient
        key = f"lenient:{host}" if lenient else host
        client = self._clients.get(key)
        if client is None:
            s = self.settings
            if self._tls is None:
                self._tls = httpx.create_ssl_context()
            limits = httpx.Limits(max_connections=HOST_CONNECTIONS, max_keepalive_connections=HOST_CONNECTIONS)
            transport = (httpx.AsyncHTTPTransport(verify=self._tls, limits=limits) if lenient
                         else AiohttpTransport(verify=self._tls, limits=limits))
            client = self._clients[key] = _Client(
                transport=transport,
                headers={
                    "User-Agent": s.user_agent,
                    "Accept-Encoding": "gzip, deflate, br",
                    "Accept-Language": "id,en;q=0.7",
                },
                timeout=httpx.Timeout(
                    connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout, pool=None
                ),
                follow_redirects=False,
            )
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
    ) -> FetchResult:
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

    async def _fetch_with_retries(self, url: str, options: _Options) -> FetchResult:
        attempt = 0
        while True:
            try:
                return await self._follow_redirects(url, options)
            except _Retry as retry:
                if attempt >= self.settings.retries:
                    raise retry.error from None
                backoff = self.settings.backoff * 2**attempt
                wait = max(retry.wait, backoff * (1 + random.random() * BACKOFF_JITTER))
                attempt += 1
                logger.info("retry %d for %s in %.2f s: %s", attempt, url, wait, retry.error.reason)
                await asyncio.sleep(wait)

    async def _follow_redirects(self, url: str, options: _Options) -> FetchResult:
        target = _check_url(url, url)
        seen = {str(target)}
        followed = 0
        while True:
            outcome = await self._request(url, target, options)
            if isinstance(outcome, FetchResult):
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
        self, url: str, target: httpx.URL, options: _Options
    ) -> FetchResult | tuple[int, str]:
        """One HTTP exchange under the deadline: a result, or (status, Location) to follow."""
        self._client_for(target.host)  # built before the slot: the host delay counts from the request
        async with self._slot(target.host, options):
            deadline = asyncio.timeout(options.deadline)
            try:
                async with deadline:
                    return await self._exchange(url, target, options)
            except TimeoutError as exc:
                if deadline.expired():
                    raise FetchError(url, f"batas waktu {options.deadline:g} dtk habis") from None
                raise _transport_error(url, exc) from exc
            except _Retry as retry:
                if retry.wait > 0:
                    host = self._hosts[target.host]
                    resume = asyncio.get_running_loop().time() + retry.wait
                    host.not_before = max(host.not_before, resume)
                raise
            except (httpx.HTTPError, aiohttp.ClientError, OSError) as exc:
                raise _transport_error(url, exc) from exc

    async def _exchange(
        self, url: str, target: httpx.URL, options: _Options
    ) -> FetchResult | tuple[int, str]:
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
            if target.host in self._lenient or not _rejected_by_aiohttp(exc):
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
    ) -> FetchResult | tuple[int, str]:
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        if headers.get("cf-mitigated", "").strip().lower() == "challenge":
            raise _blocked(url, status, "Cloudflare")
        if status in REDIRECT_STATUSES and headers.get("location"):
            return status, headers["location"]
        if status == 304:
            return self._result(url, target, status, headers, b"", not_modified=True)
        if 200 <= status < 300:
            body, gzipped = await self._read_body(url, response, headers, self.settings.max_bytes)
            if _CHALLENGE_TITLE.search(body[:TITLE_SNIFF_BYTES]):
                raise _blocked(url, status, "Cloudflare")
            return self._result(url, target, status, headers, body, gzipped=gzipped)
        if status in CHALLENGE_STATUSES:
            try:
                sniff, _ = await self._read_body(
                    url, response, headers, CHALLENGE_SNIFF_BYTES, cut=True
                )
            except FetchError:
                sniff = b""  # an undecodable error page is just an error page
            for marker, who in CHALLENGE_MARKERS:
                if marker in sniff:
                    raise _blocked(url, status, who)
        raise self._status_error(url, status, headers)

    def _status_error(self, url: str, status: int, headers: dict[str, str]) -> Exception:
        """The FetchError for an unusable status, wrapped in _Retry when worth retrying."""
        if 300 <= status < 400:
            return FetchError(url, f"HTTP {status} (pengalihan tanpa tujuan)", status)
        text = STATUS_TEXT.get(status)
        error = FetchError(url, f"HTTP {status} ({text})" if text else f"HTTP {status}", status)
        if status not in RETRY_STATUSES and not 500 <= status < 600:
            return error
        wait = 0.0
        if status in (429, 503) and "retry-after" in headers:
            wait = _parse_retry_after(headers["retry-after"]) or 0.0
            if wait > self.settings.max_retry_after:
                reason = f"server meminta menunggu {math.ceil(wait)} dtk (Retry-After)"
                return FetchError(url, reason, status)
        return _Retry(error, wait)

    async def _read_body(
        self,
        url: str,
        response: httpx.Response,
        headers: dict[str, str],
        limit: int,
        *,
        cut: bool = False,
    ) -> tuple[bytes, bytes | None]:
        """Stream and decode the body; over ``limit`` raises, or with ``cut`` truncates.

        Returns:
            The decoded body, and the body as sent when that was one whole gzip member.
        """
        reason = f"terlalu besar (lebih dari {limit / _MB:g} MB)"
        declared = headers.get("content-length", "").strip()
        if not cut and declared.isdigit() and int(declared) > limit:
            raise FetchError(url, reason, response.status_code)
        decoder = _Decoder(url, headers.get("content-encoding", ""))
        sent = bytearray() if decoder.gzip_only and not cut else None

        async def pieces() -> AsyncIterator[bytes]:
            async for raw in response.aiter_raw():
                if sent is not None:
                    sent.extend(raw)
                for piece in decoder.feed(raw):
                    yield piece
            for piece in decoder.flush():
                yield piece

        body = bytearray()
        async with aclosing(pieces()) as stream:
            async for piece in stream:
                body += piece
                if len(body) > limit:
                    if cut:
                        return bytes(body[:limit]), None
                    raise FetchError(url, reason, response.status_code)
        return bytes(body), bytes(sent) if sent is not None and decoder.one_whole_member else None

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
    ) -> FetchResult:
        if headers.get("content-encoding", "identity").strip().lower() != "identity":
            headers.pop("content-encoding", None)
            headers.pop("content-length", None)
        return FetchResult(
            url=url,
            final_url=str(target),
            status=status,
            headers=headers,
            content=content,
            fetched_at=datetime.now(UTC),
            not_modified=not_modified,
            gzipped=gzipped,
        )


class _Decoder:
    """Content-Encoding decoding that yields bounded pieces (gzip, deflate, br, chained)."""

    def __init__(self, url: str, encoding: str):
        self.url = url
        names = [e.strip().lower() for e in encoding.split(",") if e.strip()]
        names = [n for n in names if n != "identity"]
        for name in names:
            if name not in ("gzip", "x-gzip", "deflate", "br"):
                raise FetchError(url, f"pengodean tidak didukung: {name}")
        # The last encoding applied is undone first.
        self.stages: list[_Stage] = [_Stage(n) for n in reversed(names)]

    @property
    def gzip_only(self) -> bool:
        """The body is gzip-encoded, once."""
        return len(self.stages) == 1 and self.stages[0].name in ("gzip", "x-gzip")

    @property
    def one_whole_member(self) -> bool:
        """(After flush) the gzip body was exactly one complete member, nothing after it:
        ``zlib.decompress(body, 47)`` gives the whole page."""
        stage = self.stages[0]
        return self.gzip_only and stage.members == 1 and stage.ended and not stage.trailing

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of one chunk of the raw body."""
        return self._pipe(0, data, final=False)

    def flush(self) -> Iterator[bytes]:
        """What the decompressors still hold at the end of the body."""
        return self._pipe(0, b"", final=True)

    def _pipe(self, index: int, data: bytes, *, final: bool) -> Iterator[bytes]:
        if index == len(self.stages):
            if data:
                yield data
            return
        stage = self.stages[index]
        pieces = stage.feed(data)
        while True:
            try:
                piece = next(pieces)
            except StopIteration:
                break
            except (zlib.error, brotli.error) as exc:
                raise FetchError(self.url, f"isi terkompresi rusak ({stage.name})") from exc
            yield from self._pipe(index + 1, piece, final=False)
        if final:
            yield from self._pipe(index + 1, b"", final=True)


class _Stage:
    """One decompressor; ``feed`` yields its output in pieces of about DECODE_CHUNK."""

    def __init__(self, name: str):
        self.name = name
        self._first = True
        self.members = 1  # gzip members started
        self.trailing = False  # bytes after the (last) stream were ignored
        self._brotli: Any = brotli.Decompressor() if name == "br" else None
        self._zlib: Any = None
        if name != "br":
            # 47 = 32 + 15: zlib or gzip header detected automatically.
            self._zlib = zlib.decompressobj(47 if name != "deflate" else zlib.MAX_WBITS)

    @property
    def ended(self) -> bool:
        """The (last) zlib stream reached its end."""
        return self._zlib is not None and self._zlib.eof

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._brotli is not None:
            yield from self._feed_brotli(data)
        else:
            yield from self._feed_zlib(data)

    def _feed_brotli(self, data: bytes) -> Iterator[bytes]:
        d = self._brotli
        if data:
            yield d.process(data, output_buffer_limit=DECODE_CHUNK)
        while True:
            out = d.process(b"", output_buffer_limit=DECODE_CHUNK)
            if not out:
                return
            yield out

    def _feed_zlib(self, data: bytes) -> Iterator[bytes]:
        if self._first and data and self.name == "deflate":
            self._first = False
            try:  # "deflate" is zlib-wrapped by the standard, raw by many servers
                zlib.decompressobj().decompress(data[:64], 1)
            except zlib.error:
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        pending = data
        while True:
            d = self._zlib
            if d.eof:
                pending = d.unused_data + pending
                if self.name == "deflate" or not pending.startswith(b"\x1f\x8b"):
                    self.trailing = self.trailing or bool(pending)
                    return  # trailing bytes after the stream are ignored, as browsers do
                self._zlib = d = zlib.decompressobj(47)  # a further gzip member
                self.members += 1
            out = d.decompress(pending, DECODE_CHUNK)
            pending = d.unconsumed_tail
            if out:
                yield out
            elif not pending:
                return


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


def _blocked(url: str, status: int, who: str) -> FetchError:
    logger.warning("bot challenge (%s, HTTP %d) at %s", who, status, url)
    return FetchError(url, f"diblokir: halaman tantangan bot ({who})", status, blocked=True)


_DNS_MARKERS = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "getaddrinfo",
    "no address associated",
)


def _transport_error(url: str, exc: BaseException) -> FetchError | _Retry:
    """Translate an httpx/aiohttp/socket error into a FetchError (in a _Retry when transient)."""
    chain = _exception_chain(exc)
    text = " | ".join(f"{type(e).__name__}: {e}" for e in chain).lower()
    cause = next((e for e in chain if isinstance(e, aiohttp.ClientError)), None)
    if cause is not None:  # the transport's own error says more than httpx's mapping of it
        return _aiohttp_error(url, cause)
    if isinstance(exc, httpx.ConnectTimeout):
        return _Retry(FetchError(url, "batas waktu koneksi habis"))
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return _Retry(FetchError(url, "server tidak menjawab (batas waktu baca habis)"))
    if isinstance(exc, (httpx.ConnectError, OSError)):
        if "refused" in text:
            return _Retry(FetchError(url, "koneksi gagal: ditolak server"))
        if any(m in text for m in _DNS_MARKERS):
            return _Retry(FetchError(url, "koneksi gagal: nama host tidak dikenal"))
        if "certificate" in text:
            return FetchError(url, "koneksi gagal: sertifikat SSL/TLS tidak sah")
        if "ssl" in text:
            return FetchError(url, "koneksi gagal: galat SSL/TLS")
        detail = str(chain[-1])[:80] or type(chain[-1]).__name__
        return _Retry(FetchError(url, f"koneksi gagal: {detail}"))
    if isinstance(exc, httpx.RemoteProtocolError) and not (
        "disconnect" in text or "closed" in text
    ):
        return FetchError(url, "respons HTTP tidak sah")
    if isinstance(exc, (httpx.NetworkError, httpx.RemoteProtocolError)):
        return _Retry(FetchError(url, "koneksi terputus"))
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.LocalProtocolError)):
        return FetchError(url, "URL tidak valid")
    return FetchError(url, f"galat HTTP: {type(exc).__name__}")


def _rejected_by_aiohttp(exc: BaseException) -> bool:
    """aiohttp's parser found the status line or headers malformed."""
    return any(isinstance(e, aiohttp.ClientResponseError) and not isinstance(e, aiohttp.ContentTypeError)
               for e in _exception_chain(exc))


def _aiohttp_error(url: str, exc: aiohttp.ClientError) -> FetchError | _Retry:
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return FetchError(url, "koneksi gagal: sertifikat SSL/TLS tidak sah")
    if isinstance(exc, (aiohttp.ClientConnectorSSLError, aiohttp.ClientSSLError)):
        return FetchError(url, "koneksi gagal: galat SSL/TLS")
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return _Retry(FetchError(url, "batas waktu koneksi habis"))
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return _Retry(FetchError(url, "server tidak menjawab (batas waktu baca habis)"))
    if isinstance(exc, aiohttp.ClientConnectorError):
        text = f"{exc.os_error}".lower()
        if getattr(exc.os_error, "errno", None) == errno.ECONNREFUSED or "refused" in text:
            return _Retry(FetchError(url, "koneksi gagal: ditolak server"))
        if isinstance(exc, aiohttp.ClientConnectorDNSError) or any(m in text for m in _DNS_MARKERS):
            return _Retry(FetchError(url, "koneksi gagal: nama host tidak dikenal"))
        return _Retry(FetchError(url, f"koneksi gagal: {str(exc.os_error)[:80] or type(exc).__name__}"))
    if isinstance(exc, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientOSError)):
        return _Retry(FetchError(url, "koneksi terputus"))
    if isinstance(exc, aiohttp.ClientResponseError):  # a malformed status line or headers
        return FetchError(url, "respons HTTP tidak sah")
    if isinstance(exc, aiohttp.InvalidURL):
        return FetchError(url, "URL tidak valid")
    return FetchError(url, f"galat HTTP: {type(exc).__name__}")


def _exception_chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes, outermost first (httpx hides the socket error there)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _parse_retry_after(value: str) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP date)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# Reading bodies as text lives in clipper.harvest.body; re-exported for callers of this module.
from clipper.harvest.body import decode_text, is_textual  # noqa: E402,F401
