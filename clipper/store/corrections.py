"""An editor's correction of an article's text, with the extracted text kept to restore."""

from __future__ import annotations

import logging

from clipper.errors import ConflictError
from clipper.store.archive import Archive, now_utc

logger = logging.getLogger(__name__)


def article_texts(archive: Archive, article_id: int) -> tuple[str, str | None, int] | None:
    """(current text, extracted text when corrected else None, the article's version), or None for
    an unknown id."""
    rows = archive.query("select text, text_original, version from articles where id = ?", [article_id])
    return (rows[0]["text"] or "", rows[0]["text_original"], rows[0]["version"]) if rows else None


def write_text(archive: Archive, article_id: int, text: str | None, editor: str | None,
               expected: int | None = None) -> str | None:
    """Store the corrected text (the first correction keeps the extracted text in text_original);
    ``text`` None, or equal to the extracted text, restores that. Returns the text stored, None
    for an unknown id; the article's version goes up by one.

    The search index follows by its triggers (the article's roots are recomputed).

    Raises:
        ConflictError: ``expected`` is given and the article changed since (another editor).
    """
    with archive.write():
        texts = article_texts(archive, article_id)
        if texts is None:
            return None
        current, original, version = texts
        if expected is not None and version != expected:
            raise ConflictError([article_id])
        extracted = current if original is None else original
        if text is None or text == extracted:
            values = {"text": extracted, "text_original": None, "corrected_by": None, "corrected_at": None}
        else:
            values = {"text": text, "text_original": extracted, "corrected_by": editor, "corrected_at": now_utc()}
        archive.execute("update articles set text = ?, text_original = ?, corrected_by = ?, corrected_at = ?, "
                        "updated_at = ?, version = version + 1 where id = ?",
                        [*values.values(), now_utc(), article_id])
        archive.mark_words_changed([article_id], values)  # PostgreSQL: the words indexed again
        return values["text"]
