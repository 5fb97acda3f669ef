"""Articles an editor brings by hand: a clipping from print, typed in (with its scan)."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, date, datetime

from clipper.dates import sane_moment
from clipper.errors import ClipperError
from clipper.store import articles
from clipper.store.archive import Archive, now_utc
from clipper.store.images import store_image
from clipper.store.records import NewArticle, encode_classification

logger = logging.getLogger(__name__)


def add_print_clipping(archive: Archive, *, media: str, title: str, text: str, day: str,
                       page: str | None = None, image: bytes | None = None,
                       classifier=None) -> int:
    """Archive a clipping from print (media, page, date, title, text, optional scan); queued as new.

    Raises:
        ClipperError: a field is empty, or the same clipping is archived already.
        ValueError: ``day`` is not a YYYY-MM-DD date.
    """
    if not media.strip() or not title.strip() or not text.strip():
        raise ClipperError("media, judul dan teks kliping cetak wajib diisi")
    published = f"{day}T06:00:00+07:00"
    if sane_moment(datetime.fromisoformat(published)) is None:  # (fromisoformat: ValueError for a bad date)
        raise ClipperError(f"tanggal kliping cetak tidak masuk akal: {day}")
    digest = hashlib.sha256(f"{media}|{day}|{page}|{title}".encode()).hexdigest()[:16]
    url = f"cetak://{digest}"
    classified = encode_classification(classifier.classify(title, text, published=date.fromisoformat(day))
                                       if classifier else None)
    new = NewArticle(
        url=url, url_key=f"cetak/{digest}", media=media.strip(), source="cetak", title=title.strip(),
        text=text.strip(), day=day, published_at=published,
        published_utc=datetime.fromisoformat(published).astimezone(UTC).isoformat(), fetched_at=now_utc(),
        rubrik=f"Halaman {page}" if page else None, language="id", extractor="cetak",
        classification=classified.__class__(**{**classified.__dict__, "status": "new"}))
    article_id = articles.insert_article(archive, new)
    if article_id is None:
        raise ClipperError("kliping cetak yang sama sudah ada di arsip")
    if image:
        store_image(archive, url, image)
        articles.set_image_url(archive, article_id, url)
    return article_id
