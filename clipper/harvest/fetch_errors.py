"""What a failed request means, in Indonesian: transport errors, HTTP statuses, bot challenges."""

from __future__ import annotations

import errno
import logging
import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import aiohttp
import httpx

from clipper.errors import FetchError
from clipper.harvest.addresses import REFUSED_REASON, AddressRefused

logger = logging.getLogger(__name__)

RETRY_STATUSES = (429, 500, 502, 503, 504)


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


class Retry(Exception):
    """A failure worth another attempt, after at least ``wait`` seconds."""

    def __init__(self, error: FetchError, wait: float = 0.0):
        super().__init__(error.reason)
        self.error = error
        self.wait = wait


def blocked_error(url: str, status: int, who: str) -> FetchError:
    logger.warning("bot challenge (%s, HTTP %d) at %s", who, status, url)
    return FetchError(url, f"diblokir: halaman tantangan bot ({who})", status, blocked=True)


_DNS_MARKERS = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "getaddrinfo",
    "no address associated",
)


def transport_error(url: str, exc: BaseException) -> FetchError | Retry:
    """Translate an httpx/aiohttp/socket error into a FetchError (in a Retry when transient)."""
    chain = _exception_chain(exc)
    refused = next((e for e in chain if isinstance(e, AddressRefused)), None)
    if refused is not None:  # the address policy: never retried, never fetched later
        return FetchError(url, str(refused), permanent=True)
    text = " | ".join(f"{type(e).__name__}: {e}" for e in chain).lower()
    if REFUSED_REASON in text:  # several addresses refused, reported together
        return FetchError(url, REFUSED_REASON, permanent=True)
    cause = next((e for e in chain if isinstance(e, aiohttp.ClientError)), None)
    if cause is not None:  # the transport's own error says more than httpx's mapping of it
        return _aiohttp_error(url, cause)
    if isinstance(exc, httpx.ConnectTimeout):
        return Retry(FetchError(url, "batas waktu koneksi habis"))
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return Retry(FetchError(url, "server tidak menjawab (batas waktu baca habis)"))
    if isinstance(exc, (httpx.ConnectError, OSError)):
        if "refused" in text:
            return Retry(FetchError(url, "koneksi gagal: ditolak server"))
        if any(m in text for m in _DNS_MARKERS):
            return Retry(FetchError(url, "koneksi gagal: nama host tidak dikenal"))
        if "certificate" in text:
            return FetchError(url, "koneksi gagal: sertifikat SSL/TLS tidak sah")
        if "ssl" in text:
            return FetchError(url, "koneksi gagal: galat SSL/TLS")
        detail = str(chain[-1])[:80] or type(chain[-1]).__name__
        return Retry(FetchError(url, f"koneksi gagal: {detail}"))
    if isinstance(exc, httpx.RemoteProtocolError) and not (
        "disconnect" in text or "closed" in text
    ):
        return FetchError(url, "respons HTTP tidak sah")
    if isinstance(exc, (httpx.NetworkError, httpx.RemoteProtocolError)):
        return Retry(FetchError(url, "koneksi terputus"))
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.LocalProtocolError)):
        return FetchError(url, "URL tidak valid")
    return FetchError(url, f"galat HTTP: {type(exc).__name__}")


def rejected_by_aiohttp(exc: BaseException) -> bool:
    """aiohttp's parser found the status line or headers malformed."""
    return any(isinstance(e, aiohttp.ClientResponseError) and not isinstance(e, aiohttp.ContentTypeError)
               for e in _exception_chain(exc))


def _aiohttp_error(url: str, exc: aiohttp.ClientError) -> FetchError | Retry:
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return FetchError(url, "koneksi gagal: sertifikat SSL/TLS tidak sah")
    if isinstance(exc, (aiohttp.ClientConnectorSSLError, aiohttp.ClientSSLError)):
        return FetchError(url, "koneksi gagal: galat SSL/TLS")
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return Retry(FetchError(url, "batas waktu koneksi habis"))
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return Retry(FetchError(url, "server tidak menjawab (batas waktu baca habis)"))
    if isinstance(exc, aiohttp.ClientConnectorError):
        text = f"{exc.os_error}".lower()
        if getattr(exc.os_error, "errno", None) == errno.ECONNREFUSED or "refused" in text:
            return Retry(FetchError(url, "koneksi gagal: ditolak server"))
        if isinstance(exc, aiohttp.ClientConnectorDNSError) or any(m in text for m in _DNS_MARKERS):
            return Retry(FetchError(url, "koneksi gagal: nama host tidak dikenal"))
        return Retry(FetchError(url, f"koneksi gagal: {str(exc.os_error)[:80] or type(exc).__name__}"))
    if isinstance(exc, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientOSError)):
        return Retry(FetchError(url, "koneksi terputus"))
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


def parse_retry_after(value: str) -> float | None:
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


def status_error(url: str, status: int, headers: dict[str, str], max_retry_after: float) -> Exception:
    """The FetchError for an unusable status, wrapped in Retry when worth retrying."""
    if 300 <= status < 400:
        return FetchError(url, f"HTTP {status} (pengalihan tanpa tujuan)", status)
    text = STATUS_TEXT.get(status)
    error = FetchError(url, f"HTTP {status} ({text})" if text else f"HTTP {status}", status)
    if status not in RETRY_STATUSES and not 500 <= status < 600:
        return error
    wait = 0.0
    if status in (429, 503) and "retry-after" in headers:
        wait = parse_retry_after(headers["retry-after"]) or 0.0
        if wait > max_retry_after:
            reason = f"server meminta menunggu {math.ceil(wait)} dtk (Retry-After)"
            return FetchError(url, reason, status)
    return Retry(error, wait)
