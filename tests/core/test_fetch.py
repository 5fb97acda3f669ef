"""Tests for clipper.harvest.fetch against real servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import functools
import gzip
import socket
import time
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import brotli
import pytest

from clipper.errors import FetchError
from clipper.harvest.addresses import AddressPolicy
from clipper.harvest.body import decode_text, is_textual
from clipper.harvest.fetch import Fetcher, FetchSettings
from clipper.models import FetchedPage
from tests.core._servers import RawServer, head, reset, response

MB = 1024 * 1024
# These tests talk to servers on the loopback: allowed as sources.yaml's allow_hosts would.
LOCAL = AddressPolicy.allowing("127.0.0.1", "127.0.0.2", "127.0.0.3", "localhost", "::1")
FAST = FetchSettings(backoff=0.01, addresses=LOCAL)


def fetch(url: str, settings: FetchSettings = FAST, **kwargs) -> FetchedPage:
    """Run one fetch on a fresh Fetcher."""

    async def go() -> FetchedPage:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(go())


def fetch_error(url: str, settings: FetchSettings = FAST, **kwargs) -> FetchError:
    """Run one fetch that must fail, and return its FetchError."""
    with pytest.raises(FetchError) as info:
        fetch(url, settings, **kwargs)
    assert type(info.value) is FetchError
    return info.value


def with_raw_server(handler, test, host: str = "127.0.0.1"):
    """Run ``test(server)`` (a coroutine function) with a RawServer on one event loop."""

    async def go():
        async with RawServer(handler, host) as server:
            return await test(server)

    return asyncio.run(go())


def result_of(content: bytes, content_type: str | None = None) -> FetchedPage:
    """A FetchedPage as fetch() would return it, for the text helpers."""
    headers = {"content-type": content_type} if content_type is not None else {}
    return FetchedPage("http://x.test/", "http://x.test/", 200, headers, content, datetime.now(UTC))


@pytest.fixture(scope="module")
def zeros_50mb() -> bytes:
    """50 MB of zeros, the payload of the decompression bombs."""
    return bytes(50 * MB)


# --- success, encodings, conditional GET ---------------------------------------------


def test_plain_200_result(httpserver):
    """A 200 gives the body, lower-cased headers, both URLs and an aware UTC time."""
    httpserver.expect_request("/a").respond_with_data(
        "<p>halo</p>", headers={"X-Thing": "1", "ETag": '"v1"'}, content_type="text/html"
    )
    result = fetch(httpserver.url_for("/a"))
    assert result.status == 200 and not result.not_modified
    assert result.content == b"<p>halo</p>"
    assert result.headers["x-thing"] == "1" and result.etag == '"v1"'
    assert result.final_url == result.url == httpserver.url_for("/a")
    assert result.fetched_at.utcoffset() == timedelta(0)
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith("Clipper/0.1")
    assert "br" in request.headers["Accept-Encoding"]


def raw_deflate(data: bytes) -> bytes:
    """Headerless deflate, which many servers send as "Content-Encoding: deflate"."""
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("br", brotli.compress),
        ("deflate", zlib.compress),
        ("deflate", raw_deflate),
        ("gzip", lambda data: gzip.compress(data[:1000]) + gzip.compress(data[1000:])),
    ],
)
def test_compressed_body_decoded(httpserver, encoding, compress):
    """gzip (one or two members), brotli and deflate bodies come back decoded."""
    text = "Kementerian Agama menggelar rapat kerja. " * 500
    httpserver.expect_request("/c").respond_with_data(
        compress(text.encode()), headers={"Content-Encoding": encoding}, content_type="text/html"
    )
    result = fetch(httpserver.url_for("/c"))
    assert result.content == text.encode()
    assert "content-encoding" not in result.headers


@pytest.mark.parametrize(
    ("encoding", "compress", "kept"),
    [
        ("gzip", gzip.compress, True),
        ("gzip", lambda data: gzip.compress(data[:1000]) + gzip.compress(data[1000:]), False),
        ("gzip", lambda data: gzip.compress(data) + b"sampah", False),
        ("br", brotli.compress, False),
        ("deflate", zlib.compress, False),
        (None, lambda data: data, False),
    ],
)
def test_one_gzip_member_kept_as_sent(httpserver, encoding, compress, kept):
    """A body sent as exactly one gzip member is kept as sent (the archive's evidence, which
    zlib reads back whole); two members, trailing bytes or other encodings are not."""
    text = ("Balai Litbang Agama merilis hasil survei. " * 400).encode()
    sent = compress(text)
    headers = {"Content-Encoding": encoding} if encoding else {}
    httpserver.expect_request("/g").respond_with_data(sent, headers=headers, content_type="text/html")
    result = fetch(httpserver.url_for("/g"))
    assert result.content == text
    if kept:
        assert result.gzipped == sent and zlib.decompress(result.gzipped, 47) == text
    else:
        assert result.gzipped is None


def test_corrupt_gzip_reported(httpserver):
    """A body that claims gzip but is not gives a FetchError, not a zlib error."""
    httpserver.expect_request("/z").respond_with_data(
        b"this is not gzip at all", headers={"Content-Encoding": "gzip"}
    )
    assert fetch_error(httpserver.url_for("/z")).reason == "isi terkompresi rusak (gzip)"


def test_304_with_etag(httpserver):
    """An ETag is sent as If-None-Match and a 304 gives not_modified with no content."""
    httpserver.expect_request("/e", headers={"If-None-Match": '"abc"'}).respond_with_data(
        "", status=304, headers={"ETag": '"abc"'}
    )
    result = fetch(httpserver.url_for("/e"), etag='"abc"')
    assert result.status == 304 and result.not_modified and result.content == b""
    assert result.etag == '"abc"'


def test_304_with_last_modified(httpserver):
    """A Last-Modified is sent as If-Modified-Since and a 304 gives not_modified."""
    stamp = "Wed, 21 Oct 2025 07:28:00 GMT"
    httpserver.expect_request("/m", headers={"If-Modified-Since": stamp}).respond_with_data(
        "", status=304
    )
    result = fetch(httpserver.url_for("/m"), last_modified=stamp)
    assert result.not_modified and result.content == b""


# --- HTTP errors and retries -----------------------------------------------------------


def test_404_reported_without_retry(httpserver):
    """A 404 fails at once with an Indonesian reason and the status."""
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    error = fetch_error(httpserver.url_for("/gone"))
    assert error.reason == "HTTP 404 (tidak ditemukan)" and error.status == 404
    assert not error.blocked
    assert len(httpserver.log) == 1


def test_500_retried_then_reported(httpserver):
    """A 500 is retried `retries` times and then reported."""
    httpserver.expect_request("/boom").respond_with_data("err", status=500)
    error = fetch_error(httpserver.url_for("/boom"))
    assert error.reason == "HTTP 500" and error.status == 500
    assert len(httpserver.log) == 1 + FAST.retries


def test_500_then_success(httpserver):
    """A transient 500 followed by a 200 gives the 200."""
    httpserver.expect_oneshot_request("/flaky").respond_with_data("err", status=500)
    httpserver.expect_request("/flaky").respond_with_data("ok")
    assert fetch(httpserver.url_for("/flaky")).content == b"ok"
    assert len(httpserver.log) == 2


def test_connection_reset_mid_body():
    """A connection reset in the middle of the body is retried, then 'koneksi terputus'."""

    async def handler(request, reader, writer):
        writer.write(head(200, {"Content-Type": "text/html"}, 1000) + b"x" * 100)
        await writer.drain()
        reset(writer)

    async def test(server):
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.fetch(server.url())
        assert info.value.reason == "koneksi terputus"
        assert len(server.requests) == 1 + FAST.retries

    with_raw_server(handler, test)


@pytest.mark.parametrize("raw", [
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Length: 99\r\n\r\n"
    b"5\r\nhalo!\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhalo!",
], ids=["chunked-with-length", "length-twice"])
def test_sloppy_headers_browsers_accept_are_read(raw):
    """Responses aiohttp's strict parser refuses are read with httpx's parser, for that host."""

    async def handler(request, reader, writer):
        writer.write(raw)
        await writer.drain()
        writer.close()

    async def test(server):
        async with Fetcher(FAST) as fetcher:
            first = await fetcher.fetch(server.url("/satu"))
            second = await fetcher.fetch(server.url("/dua"))
        assert first.content == second.content == b"halo!"
        # the first page is asked twice (refused, then read); the host's next page once
        assert [r.path for r in server.requests] == ["/satu", "/satu", "/dua"]

    with_raw_server(handler, test)


def test_connection_refused():
    """Nobody listening gives 'koneksi gagal: ditolak server'."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = fetch_error(f"http://127.0.0.1:{port}/", FetchSettings(backoff=0.01, retries=1, addresses=LOCAL))
    assert error.reason == "koneksi gagal: ditolak server" and error.status is None


# --- redirects -------------------------------------------------------------------------


def test_redirect_chain_followed(httpserver):
    """A chain of relative and absolute redirects ends at the final page."""
    httpserver.expect_request("/r1").respond_with_data("", 301, {"Location": "/r2"})
    httpserver.expect_request("/r2").respond_with_data(
        "", 302, {"Location": httpserver.url_for("/r3")}
    )
    httpserver.expect_request("/r3").respond_with_data("", 307, {"Location": "final?x=1"})
    httpserver.expect_request("/final").respond_with_data("akhir")
    result = fetch(httpserver.url_for("/r1"))
    assert result.content == b"akhir" and result.status == 200
    assert result.url == httpserver.url_for("/r1")
    assert result.final_url == httpserver.url_for("/final?x=1")


@pytest.mark.parametrize("own_parser", [False, True], ids=["aiohttp", "httpx-parser"])
def test_cookie_set_on_redirect_is_sent_back(httpserver, own_parser):
    """A consent gate that sets a cookie and redirects gets the cookie back, as from a
    browser, on both transports; the fragment of the Location is not requested."""
    from werkzeug.wrappers import Response

    httpserver.expect_request("/gate").respond_with_data(
        "", 302, {"Location": "/artikel#atas", "Set-Cookie": "izin=ya; Path=/"})

    def article(request):
        if request.cookies.get("izin") != "ya":
            return Response("", 302, {"Location": "/gate"})
        return Response("isi artikel")

    httpserver.expect_request("/artikel").respond_with_handler(article)

    async def go() -> FetchedPage:
        async with Fetcher(FAST) as fetcher:
            if own_parser:  # as for a host whose responses aiohttp refused
                fetcher._lenient.add(httpserver.host)
            return await fetcher.fetch(httpserver.url_for("/gate"))

    result = asyncio.run(go())
    assert result.content == b"isi artikel"
    assert result.final_url == httpserver.url_for("/artikel")


def test_redirect_loop_detected(httpserver):
    """A redirect back to a URL already visited is reported as a loop."""
    httpserver.expect_request("/a").respond_with_data("", 302, {"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", 302, {"Location": "/a"})
    error = fetch_error(httpserver.url_for("/a"))
    assert error.reason == "pengalihan berulang (loop)" and error.status == 302
    assert len(httpserver.log) == 2


def test_too_many_redirects(httpserver):
    """More than max_redirects distinct redirects fail with 'terlalu banyak pengalihan'."""
    for i in range(10):
        httpserver.expect_request(f"/h{i}").respond_with_data("", 302, {"Location": f"/h{i + 1}"})
    error = fetch_error(httpserver.url_for("/h0"), FetchSettings(max_redirects=3, addresses=LOCAL))
    assert error.reason == "terlalu banyak pengalihan"
    assert len(httpserver.log) == 4


def test_redirect_to_ftp_refused(httpserver):
    """A redirect to ftp:// is refused, and so is an ftp:// URL given directly."""
    httpserver.expect_request("/ftp").respond_with_data("", 301, {"Location": "ftp://x.test/f"})
    assert fetch_error(httpserver.url_for("/ftp")).reason == "skema tidak didukung: ftp"
    assert fetch_error("ftp://127.0.0.1/f").reason == "skema tidak didukung: ftp"


# --- deadline and size caps ------------------------------------------------------------


def test_dripping_server_stopped_by_deadline():
    """A body dripping one byte per second is cut off by the deadline, not retried."""

    async def handler(request, reader, writer):
        writer.write(head(200, {"Content-Type": "text/html"}, 100))
        for _ in range(100):
            writer.write(b"x")
            await writer.drain()
            await asyncio.sleep(1)  # the server being slow, not synchronisation

    async def test(server):
        started = time.monotonic()
        async with Fetcher(FetchSettings(deadline=1.0, backoff=0.01, addresses=LOCAL)) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.fetch(server.url())
        assert info.value.reason == "batas waktu 1 dtk habis"
        assert time.monotonic() - started < 2.5
        assert len(server.requests) == 1

    with_raw_server(handler, test)


def test_per_call_timeout_overrides_deadline():
    """fetch(timeout=…) replaces the run's deadline for that call."""

    async def handler(request, reader, writer):
        writer.write(head(200, {}, 10))
        await writer.drain()
        await reader.read()  # never send the body

    async def test(server):
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.fetch(server.url(), timeout=0.3)
        assert info.value.reason == "batas waktu 0.3 dtk habis"

    with_raw_server(handler, test)


def test_large_content_length_refused_early():
    """A Content-Length over max_bytes is refused before any body arrives."""

    async def handler(request, reader, writer):
        writer.write(head(200, {"Content-Type": "text/html"}, 30 * MB))
        await writer.drain()
        await reader.read()  # the body never comes: only the header can stop the client

    async def test(server):
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.fetch(server.url())
        assert info.value.reason == "terlalu besar (lebih dari 10 MB)"
        assert len(server.requests) == 1

    with_raw_server(handler, test)


def test_large_body_without_length_refused():
    """A 30 MB body with no Content-Length is stopped once it passes max_bytes."""

    async def handler(request, reader, writer):
        writer.write(head(200, {"Content-Type": "text/html"}))
        chunk = b"a" * (256 * 1024)
        for _ in range(30 * 4):
            writer.write(chunk)
            await writer.drain()

    async def test(server):
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.fetch(server.url())
        assert info.value.reason == "terlalu besar (lebih dari 10 MB)"

    with_raw_server(handler, test)


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("br", functools.partial(brotli.compress, quality=5))],
)
def test_decompression_bomb_refused_without_inflating(zeros_50mb, encoding, compress):
    """50 MB of compressed zeros is refused at max_bytes without inflating all of it."""
    bomb = compress(zeros_50mb)
    assert len(bomb) < MB

    async def handler(request, reader, writer):
        writer.write(response(200, bomb, {"Content-Encoding": encoding}))

    async def test(server):
        # The raw server shares our thread and allocates little, so the peak is the client's.
        tracemalloc.start()
        try:
            async with Fetcher(FetchSettings(max_bytes=MB, addresses=LOCAL)) as fetcher:
                with pytest.raises(FetchError) as info:
                    await fetcher.fetch(server.url())
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert info.value.reason == "terlalu besar (lebih dari 1 MB)"
        assert peak < 10 * MB  # inflating it whole would take 50 MB

    with_raw_server(handler, test)


# --- Retry-After -----------------------------------------------------------------------


def test_retry_after_honoured(httpserver):
    """A 503 with Retry-After: 1 is waited for, then retried successfully."""
    httpserver.expect_oneshot_request("/busy").respond_with_data(
        "sibuk", status=503, headers={"Retry-After": "1"}
    )
    httpserver.expect_request("/busy").respond_with_data("ok")
    started = time.monotonic()
    result = fetch(httpserver.url_for("/busy"))
    assert result.content == b"ok"
    assert time.monotonic() - started >= 0.95
    assert len(httpserver.log) == 2


@pytest.mark.parametrize("value", ["3600", "date"])
def test_long_retry_after_reported(httpserver, value):
    """A Retry-After beyond max_retry_after (seconds or HTTP date) fails at once saying so."""
    if value == "date":
        value = format_datetime(datetime.now(UTC) + timedelta(seconds=3600), usegmt=True)
    httpserver.expect_request("/later").respond_with_data(
        "nanti", status=429, headers={"Retry-After": value}
    )
    error = fetch_error(httpserver.url_for("/later"))
    assert error.reason.startswith("server meminta menunggu ")
    assert error.reason.endswith(" dtk (Retry-After)")
    assert 3590 <= int(error.reason.split()[3]) <= 3600
    assert error.status == 429 and len(httpserver.log) == 1


# --- bot challenges --------------------------------------------------------------------


def test_challenge_by_header(httpserver):
    """A cf-mitigated: challenge header is a blocked FetchError, even on a 200."""
    httpserver.expect_request("/cf").respond_with_data(
        "<html>ok</html>", status=200, headers={"cf-mitigated": "challenge"}
    )
    error = fetch_error(httpserver.url_for("/cf"))
    assert error.blocked and error.reason == "diblokir: halaman tantangan bot (Cloudflare)"


@pytest.mark.parametrize(
    ("status", "body", "who"),
    [
        (503, "<html><title>Just a moment...</title></html>", "Cloudflare"),
        (403, "<title>Attention Required! | Cloudflare</title>", "Cloudflare"),
        (429, "<script src='/cdn-cgi/challenge-platform/x.js'></script>", "Cloudflare"),
        (403, "<p>DDoS-Guard</p>", "DDoS-Guard"),
    ],
)
def test_challenge_by_body(httpserver, status, body, who):
    """A 403/429/503 challenge page is blocked=True and not retried."""
    httpserver.expect_request("/ch").respond_with_data(body, status=status)
    error = fetch_error(httpserver.url_for("/ch"))
    assert error.blocked and error.status == status
    assert error.reason == f"diblokir: halaman tantangan bot ({who})"
    assert len(httpserver.log) == 1


def test_challenge_title_on_200(httpserver):
    """A 200 whose title is 'Just a moment...' is blocked, never returned."""
    httpserver.expect_request("/jm").respond_with_data(
        "<html><head><title>Just a moment...</title></head></html>", content_type="text/html"
    )
    assert fetch_error(httpserver.url_for("/jm")).blocked


def test_plain_403_not_blocked(httpserver):
    """An ordinary 403 is an error with a reason, not a bot block."""
    httpserver.expect_request("/no").respond_with_data("<h1>Forbidden</h1>", status=403)
    error = fetch_error(httpserver.url_for("/no"))
    assert not error.blocked and error.reason == "HTTP 403 (akses ditolak)"


# --- politeness ------------------------------------------------------------------------


async def _held_response(request, reader, writer):
    await asyncio.sleep(0.1)  # the server taking its time, so overlaps can be counted
    writer.write(response(200, b"ok", {"Content-Type": "text/plain"}))


def test_per_host_concurrency_limit():
    """No more than per_host requests run at once on a host; a per-call value can lower it."""

    async def test(server):
        async with Fetcher(FetchSettings(per_host=2, addresses=LOCAL)) as fetcher:
            results = await asyncio.gather(*(fetcher.fetch(server.url(f"/{i}")) for i in range(6)))
        assert all(r.content == b"ok" for r in results)
        assert server.max_active == 2
        server.max_active = 0
        async with Fetcher(FetchSettings(per_host=4, addresses=LOCAL)) as fetcher:
            calls = (fetcher.fetch(server.url(f"/{i}"), concurrency=1) for i in range(3))
            await asyncio.gather(*calls)
        assert server.max_active == 1

    with_raw_server(_held_response, test)


def test_many_hosts_in_parallel():
    """Hundreds of concurrent fetches over three hosts all succeed within each host's limit."""
    overall = {"active": 0, "max": 0}

    async def handler(request, reader, writer):
        overall["active"] += 1
        overall["max"] = max(overall["max"], overall["active"])
        try:
            await _held_response(request, reader, writer)
        finally:
            overall["active"] -= 1

    async def go():
        async with (
            RawServer(handler, "127.0.0.1") as a,
            RawServer(handler, "127.0.0.2") as b,
            RawServer(handler, "127.0.0.3") as c,
        ):
            servers = (a, b, c)
            async with Fetcher(FetchSettings(per_host=8, addresses=LOCAL)) as fetcher:
                calls = [fetcher.fetch(s.url(f"/{i}")) for i in range(40) for s in servers]
                results = await asyncio.gather(*calls, return_exceptions=True)
            assert all(isinstance(r, FetchedPage) for r in results)
            assert sum(len(s.requests) for s in servers) == 120
            assert [s.max_active for s in servers] == [8, 8, 8]
            assert overall["max"] > 8  # one busy host does not hold the others back

    asyncio.run(go())


def test_host_delay_between_starts():
    """Request starts on one host are at least host_delay apart, even when concurrent."""

    async def handler(request, reader, writer):
        writer.write(response(200, b"ok"))

    async def test(server):
        async with Fetcher(FetchSettings(host_delay=0.15, per_host=4, addresses=LOCAL)) as fetcher:
            await asyncio.gather(*(fetcher.fetch(server.url(f"/{i}")) for i in range(4)))
            slow = (fetcher.fetch(server.url(f"/d{i}"), delay=0.3) for i in range(2))
            await asyncio.gather(*slow)
        starts = [r.started for r in server.requests]
        gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
        assert len(gaps) == 5
        # the first request also opens the connection, which can shorten the first gap on a busy machine
        assert gaps[0] >= 0.05 and all(gap >= 0.12 for gap in gaps[1:4]), gaps
        assert gaps[4] >= 0.27, gaps

    with_raw_server(handler, test)


# --- is_textual and decode_text --------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        (b"<html><p>berita</p></html>", "text/html; charset=utf-8", True),
        (b"<?xml version='1.0'?><rss/>", "application/rss+xml", True),
        (b'{"a": 1}', "application/json", True),
        (b"<html></html>", None, True),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png", False),
        (b"%PDF-1.7\n...", "application/pdf", False),
        (b"PK\x03\x04rest", "application/zip", False),
        (b"plain bytes", "application/octet-stream", False),
        (b"GIF89a\x01\x00\x01\x00" + bytes(20), "text/html", False),
        (b"<html>" + b"\x00\x01\x02" * 10, "text/html", False),
        ("<p>teks</p>".encode("utf-16"), "text/html", True),
    ],
)
def test_is_textual(content, content_type, expected):
    """Binary content is detected by type, by signature and by NUL bytes, even mislabelled."""
    assert is_textual(result_of(content, content_type)) is expected


def test_decode_header_charset():
    """The Content-Type charset decides the decoding."""
    body = "Menag: ibadah haji “lancar”".encode("cp1252")
    assert decode_text(result_of(body, "text/html; charset=windows-1252")) == (
        "Menag: ibadah haji “lancar”"
    )


def test_decode_meta_charset_and_xml_declaration():
    """Without a header charset, <meta charset> or the XML declaration is used."""
    html = '<html><head><meta charset="iso-8859-1"></head><body>Caf\xe9 halal</body>'
    assert "Café halal" in decode_text(result_of(html.encode("latin-1"), "text/html"))
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>мир</p>'
    assert "мир" in decode_text(result_of(meta.encode("koi8-r"), "text/html"))
    xml = "<?xml version='1.0' encoding='iso-8859-1'?><rss><title>Peña</title></rss>"
    assert "Peña" in decode_text(result_of(xml.encode("latin-1"), "application/rss+xml"))


def test_decode_bom_and_utf8_default():
    """A BOM is honoured and stripped; undeclared UTF-8 decodes as UTF-8."""
    assert decode_text(result_of(codecs_bom_utf16("Doa bersama"))) == "Doa bersama"
    assert decode_text(result_of("Ṣalāt ā".encode(), "text/html")) == "Ṣalāt ā"
    assert decode_text(result_of(b"\xef\xbb\xbfhalo")) == "halo"


def codecs_bom_utf16(text: str) -> bytes:
    """UTF-16 little endian text with its byte-order mark."""
    return b"\xff\xfe" + text.encode("utf-16-le")


def test_decode_missing_charset_windows_1252():
    """Undeclared bytes that are not UTF-8 are read as windows-1252."""
    body = "<p>“Kemenag” – café</p>".encode("cp1252")
    assert decode_text(result_of(body, "text/html")) == "<p>“Kemenag” – café</p>"


def test_decode_wrong_declared_charset():
    """A declared charset that fails to decode falls back to the next clue."""
    body = '<meta charset="windows-1252"><p>“Menag” café</p>'.encode("cp1252")
    text = decode_text(result_of(body, "text/html; charset=utf-8"))
    assert text.endswith("<p>“Menag” café</p>")
    unknown = result_of("zakat ṣ".encode(), "text/html; charset=nonsense")
    assert decode_text(unknown) == "zakat ṣ"
    # No clue left: UTF-8 fails, windows-1252 (with its 5 holes as C1 controls) takes over.
    assert decode_text(result_of(b"caf\xe9 \x81", "text/html; charset=utf-8")) == "café \x81"


def test_decode_mostly_utf8_with_a_stray_byte():
    """Mostly-UTF-8 text with one broken byte stays UTF-8 instead of turning to mojibake."""
    body = "Kementerian Agama – ‘ibadah’ ".encode() + b"\xff" + "naïve".encode()
    text = decode_text(result_of(body, "text/html"))
    assert text.startswith("Kementerian Agama – ‘ibadah’") and text.endswith("naïve")


def test_decode_never_raises_on_empty_and_junk():
    """Empty content gives '' and arbitrary bytes decode without raising."""
    assert decode_text(result_of(b"")) == ""
    assert isinstance(decode_text(result_of(bytes(range(256)), "text/html; charset=utf-16")), str)
