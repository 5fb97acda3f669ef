"""Lead images kept in the archive by URL: fetched once, read by the app, the PDF and exports."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from clipper.store.archive import Archive, now_utc
from clipper.store.edition_records import ImageState

logger = logging.getLogger(__name__)


def cached_image(archive: Archive, url: str | None) -> bytes | None:
    """The stored image for ``url``, if it was fetched."""
    if not url:
        return None
    return archive.scalar("select content from images where url = ? and status = 'ok'", [url])


def image_states(archive: Archive, urls: Iterable[str]) -> dict[str, ImageState]:
    """What is known of each of these URLs (absent: never tried)."""
    states = {}
    for url in dict.fromkeys(urls):
        rows = archive.query("select status, attempts from images where url = ?", [url])
        if rows:
            states[url] = ImageState(url, rows[0]["status"], rows[0]["attempts"] or 0)
    return states


def record_images(archive: Archive, results: Iterable[tuple[str, bytes | None, str | None, str | None]]) -> None:
    """Store fetch outcomes: (url, content or None, content type, error)."""
    with archive.write():
        for url, content, kind, error in results:
            attempts = archive.scalar("select attempts from images where url = ?", [url]) or 0
            archive.upsert("images", {"url": url, "content": content, "content_type": kind,
                                      "status": "ok" if content else "error", "error": error,
                                      "attempts": attempts + 1, "fetched_at": now_utc()}, ("url",))


def store_image(archive: Archive, url: str, content: bytes) -> None:
    """Keep an image that came with the article (a print clipping's scan)."""
    record_images(archive, [(url, content, None, None)])
