"""The editor corrects an article's text (a paragraph fixed, an advert or a caption removed).

The clipping prints the corrected text and the archive search finds it; the text as extracted
stays in the archive and can be restored. Topics and the editor's decisions are not touched:
the editor corrected the text of an article already judged.
"""

from __future__ import annotations

import logging

from clipper.limits import MAX_TEXT_CHARS
from clipper.review.decisions import ReviewError
from clipper.store.archive import Archive
from clipper.store.corrections import write_text
from clipper.textnorm import storable

logger = logging.getLogger(__name__)

def normalise_text(text: str) -> str:
    """Paragraphs one per line, spaces inside a paragraph collapsed, empty lines dropped."""
    paragraphs = (" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return storable("\n".join(p for p in paragraphs if p))  # no control characters, as every stored text


def correct_text(archive: Archive, article_id: int, text: str, editor: str | None = None,
                 expected: int | None = None) -> str:
    """Store the editor's text of an article; returns it as stored.

    Args:
        expected: the article's version the editor saw (the app): a change since is refused.

    Raises:
        ReviewError: an unknown article, an empty text or one over MAX_TEXT_CHARS.
        ConflictError: another editor changed the article since ``expected``.
    """
    cleaned = normalise_text(text)
    if not cleaned:
        raise ReviewError("teks artikel tidak boleh kosong; untuk membuang artikel, tolak saja")
    if len(cleaned) > MAX_TEXT_CHARS:
        raise ReviewError(f"teks terlalu panjang ({len(cleaned):,} karakter; paling banyak "
                          f"{MAX_TEXT_CHARS:,})".replace(",", "."))
    if write_text(archive, article_id, cleaned, editor, expected) is None:
        raise ReviewError(f"artikel #{article_id} tidak ada di arsip")
    return cleaned


def restore_text(archive: Archive, article_id: int, expected: int | None = None) -> str:
    """Put the extracted text back (read and written in one transaction); returns it.

    Raises:
        ReviewError: an unknown article.
        ConflictError: another editor changed the article since ``expected``.
    """
    restored = write_text(archive, article_id, None, None, expected)
    if restored is None:
        raise ReviewError(f"artikel #{article_id} tidak ada di arsip")
    return restored
