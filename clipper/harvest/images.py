"""Lead images: fetched once (politely, size-capped) and cached in the archive."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from clipper.config import Config
from clipper.errors import FetchError
from clipper.store.archive import Archive
from clipper.store.edition_members import edition_candidates
from clipper.store.images import image_states, record_images

if TYPE_CHECKING:
    from clipper.harvest.addresses import AddressPolicy

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


async def _fetch_all(urls: list[str], policy: AddressPolicy) -> list[tuple[str, bytes | None, str | None, str | None]]:
    from clipper.harvest.fetch import Fetcher, FetchSettings  # httpx: loaded only when images are fetched
    settings = FetchSettings(deadline=IMAGE_DEADLINE, max_bytes=MAX_IMAGE_BYTES, retries=1, per_host=4,
                             addresses=policy)
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


def ensure_cached(archive: Archive, urls: list[str], config: Config) -> int:
    """Fetch the images not yet in the archive and store them; returns how many came. Never raises for a URL.

    The address policy is the configuration's (its sources' origins and allow_hosts): a page's
    og:image on an internal address is refused and recorded as the image's error, so it never
    reaches the PDF.
    """
    wanted = missing(archive, urls)
    if not wanted:
        return 0
    from clipper.harvest.addresses import policy_for
    results = asyncio.run(_fetch_all(wanted, policy_for(config)))
    record_images(archive, results)
    return sum(bool(content) for _, content, _, _ in results)


def fetch_edition_images(archive: Archive, day: str, config: Config) -> int:
    """The lead images of the articles the day's edition holds, before it is compiled (``config``:
    see ensure_cached)."""
    return ensure_cached(archive, [a.image_url for a in edition_candidates(archive, day) if a.image_url], config)
