"""Lead images: fetched once (politely, size-capped) and cached in the archive."""

from __future__ import annotations

import asyncio
import logging

from clipper.errors import FetchError
from clipper.store.archive import Archive, now_utc

logger = logging.getLogger(__name__)

# A lead image above this size is not worth embedding in a clipping.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Broken image URLs are retried on a few later compiles, then given up.
MAX_ATTEMPTS = 3
IMAGE_DEADLINE = 15.0


def cached(archive: Archive, url: str | None) -> bytes | None:
    """The cached image for ``url``, if it was fetched."""
    if not url:
        return None
    rows = archive.query("select content from images where url = ? and status = 'ok'", [url])
    return rows[0]["content"] if rows else None


def missing(archive: Archive, urls: list[str]) -> list[str]:
    """The URLs not yet cached (and not given up on)."""
    wanted = []
    for url in dict.fromkeys(u for u in urls if u and u.startswith(("http://", "https://"))):
        rows = archive.query("select status, attempts from images where url = ?", [url])
        if not rows or (rows[0]["status"] != "ok" and rows[0]["attempts"] < MAX_ATTEMPTS):
            wanted.append(url)
    return wanted


async def _fetch_all(urls: list[str]) -> list[tuple[str, bytes | None, str | None, str | None]]:
    from clipper.harvest.fetch import Fetcher, FetchSettings  # httpx: loaded only when images are fetched
    settings = FetchSettings(deadline=IMAGE_DEADLINE, max_bytes=MAX_IMAGE_BYTES, retries=1, per_host=4)
    async with Fetcher(settings) as fetcher:
        async def one(url: str):
            try:
                result = await fetcher.fetch(url, accept="image/*")
            except FetchError as exc:
                return url, None, None, exc.reason
            kind = result.content_type.split(";")[0].strip()
            if not kind.startswith("image/") and not result.content[:4] in (b"\xff\xd8\xff\xe0", b"\x89PNG"):
                return url, None, kind, f"bukan gambar ({kind or 'tidak dikenal'})"
            return url, result.content, kind, None
        return await asyncio.gather(*(one(u) for u in urls))


def ensure_cached(archive: Archive, urls: list[str]) -> int:
    """Fetch the images not yet cached; returns how many are now cached. Never raises for a URL."""
    wanted = missing(archive, urls)
    if not wanted:
        return 0
    results = asyncio.run(_fetch_all(wanted))
    stored = 0
    with archive.write() as db:
        for url, content, kind, error in results:
            old = db["images"].get(url) if db["images"].count_where("url = ?", [url]) else {}
            db["images"].upsert({"url": url, "content": content, "content_type": kind,
                                 "status": "ok" if content else "error", "error": error,
                                 "attempts": (old.get("attempts") or 0) + 1, "fetched_at": now_utc()},
                                pk="url")
            stored += bool(content)
    return stored
