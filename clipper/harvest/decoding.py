"""Content-Encoding decoding in bounded pieces (gzip, deflate, br, chained): a bomb stops at the cap."""

from __future__ import annotations

import logging
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import aclosing
from typing import TYPE_CHECKING, Any

import brotli

from clipper.errors import FetchError

if TYPE_CHECKING:
    import httpx

logger = logging.getLogger(__name__)

_MB = 1024 * 1024


# Decompressed output is produced in pieces of at most about this size, so a gzip/brotli
# bomb is stopped after max_bytes instead of being inflated whole (httpx inflates a whole
# network chunk at once: 64 KB of gzipped zeros become 64 MB).
DECODE_CHUNK = 64 * 1024


class Decoder:
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


async def read_body(
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
    decoder = Decoder(url, headers.get("content-encoding", ""))
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
