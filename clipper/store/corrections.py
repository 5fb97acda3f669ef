"""An editor's correction of an article's text, with the extracted text kept to restore."""

from __future__ import annotations

import logging

from clipper.store.archive import Archive, now_utc

logger = logging.getLogger(__name__)


def article_texts(archive: Archive, article_id: int) -> tuple[str, str | None] | None:
    """(current text, extracted text when corrected else None), or None for an unknown id."""
    rows = archive.query("select text, text_original from articles where id = ?", [article_id])
    return (rows[0]["text"] or "", rows[0]["text_original"]) if rows else None


def write_text(archive: Archive, article_id: int, text: str, editor: str | None) -> bool:
    """Store the corrected text (the first correction keeps the extracted text in text_original);
    a text equal to the extracted one is a restore. False for an unknown id.

    The search index follows by its triggers (the article's roots are recomputed)."""
    with archive.write():
        texts = article_texts(archive, article_id)
        if texts is None:
            return False
        current, original = texts
        extracted = current if original is None else original
        if text == extracted:
            values = {"text": extracted, "text_original": None, "corrected_by": None, "corrected_at": None}
        else:
            values = {"text": text, "text_original": extracted, "corrected_by": editor, "corrected_at": now_utc()}
        archive.update("articles", ("id", article_id), {**values, "updated_at": now_utc()})
        return True
