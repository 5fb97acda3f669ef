"""PostgreSQL's search words: each article's ``tsvector`` written from Python, tokenised and folded
as the query side is (clipper.textnorm), so both backends find the same articles.

A document holds, with their positions, the words of title (weight A), summary, tags and
media (B), text and stems (C); the facets (weight D) are the triggers' (clipper.store.pg_schema).
Columns are one position apart, so a phrase never runs from one column into the next, as in
FTS5. Limits of the type: positions stop at 16383 and a word keeps at most 255 of them (a
phrase deep inside a very long text may go unmatched), a word over 2046 bytes is not indexed.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from clipper.store.match import ts_quote
from clipper.textnorm import folded_words, stems_of

logger = logging.getLogger(__name__)

MAX_POSITION = 16383  # PostgreSQL's limit; later positions are clamped by the server
MAX_LEXEME_BYTES = 2046
MAX_DOCUMENT_CHARS = 900_000  # a tsvector holds at most 1 MB: a longer document keeps its start
# The columns of a document in order, with their weights (facets are D: see pg_schema).
WEIGHTS = (("title", "A"), ("summary", "B"), ("tags", "B"), ("media", "B"), ("text", "C"), ("stems", "C"))
BATCH = 200  # articles read and written per round when many are pending


def document(columns: dict[str, str | None]) -> str:
    """The words of an article as a ``tsvector`` literal (``'word':1A,7C …``)."""
    positions: dict[str, list[str]] = {}
    position = 0
    for column, weight in WEIGHTS:
        text = columns.get(column)
        if not text:
            continue
        for folded in folded_words(text):
            position += 1
            if position > MAX_POSITION:
                break
            if not folded or len(folded) > MAX_LEXEME_BYTES // 4 and len(folded.encode()) > MAX_LEXEME_BYTES:
                continue
            positions.setdefault(folded, []).append(f"{position}{weight}")
        position += 1  # a gap: no phrase across two columns
    parts, size = [], 0
    for lexeme, where in positions.items():
        part = f"{ts_quote(lexeme)}:{','.join(where[:255])}"
        size += len(part) + 1
        if size > MAX_DOCUMENT_CHARS:
            logger.warning("search document cut at %d characters", size)
            break
        parts.append(part)
    return " ".join(parts)


def tags_text(value: str | None) -> str:
    """A tags column (JSON list) as words for the stems (a damaged value gives none)."""
    try:
        tags = json.loads(value) if value else []
    except ValueError:
        return ""
    return " ".join(str(t) for t in tags) if isinstance(tags, list) else ""


def index_articles(archive: Any, ids: list[int], stems: dict[int, str] | None = None) -> int:
    """Write the words (and stems) of these articles; inside the caller's transaction.

    ``stems``: roots already computed (the harvest's workers), by article id.
    """
    stems = stems or {}
    done = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        marks = ",".join("?" * len(chunk))
        rows = archive.query(f"select id, title, summary, tags, media, text from articles where id in ({marks})",
                             chunk)
        values = []
        for row in rows:
            roots = stems.get(row["id"])
            if roots is None:
                roots = stems_of(row["title"], row["summary"], tags_text(row["tags"]), row["text"])
            values.append((document({**row, "stems": roots}), roots, row["id"]))
        archive.executemany("update search_docs set document = ?::tsvector || ts_filter(document, '{d}'), "
                            "stems = ?, pending = 0 where article_id = ?", values)
        done += len(values)
    return done


def index_pending(archive: Any, *, limit: int | None = None, batch: int = BATCH) -> int:
    """Index the articles whose words changed (or were copied in); one transaction per batch."""
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        ids = [r[0] for r in archive.execute("select article_id from search_docs where pending = 1 "
                                             "order by article_id limit ?", [size])]
        if not ids:
            break
        with archive.write():
            index_articles(archive, ids)
        done += len(ids)
    return done
