"""Lead images: fetched once (politely, size-capped) and cached in the archive."""

from __future__ import annotations

import asyncio
import logging

from clipper.errors import FetchError
from clipper.store.archive import Archive
from clipper.store.edition_members import edition_candidates
from clipper.store.images import image_states, record_images

logger = logging.getLogger(__name__)

# A lead image above this size is not worth embedding in a clipping.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Broken image URLs are retried on a few later compiles, then given up.
MAX_ATTEMPTS = 3
IMAGE_DEADLINE = 15.0


def missing(archive: Archive, urls: list[str]) -> list[str]:
    """The URLs not yet in the archive (and not given up on)."""
    wanted = [u for u in dict.fromkeys(urls) if u and u.startswith(("http://", "https://"))]
    states = image_states(archive, wanted)
    return [u for u in wanted if u not in states or (states[u].status != "ok" and states[u].attempts < MAX_ATTEMPTS)]


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
    """Fetch the images not yet in the archive and store them; returns how many came. Never raises for a URL."""
    wanted = missing(archive, urls)
    if not wanted:
        return 0
    results = asyncio.run(_fetch_all(wanted))
    record_images(archive, results)
    return sum(bool(content) for _, content, _, _ in results)


def fetch_edition_images(archive: Archive, day: str) -> int:
    """The lead images of the articles the day's edition holds, before it is compiled."""
    return ensure_cached(archive, [a.image_url for a in edition_candidates(archive, day) if a.image_url])
