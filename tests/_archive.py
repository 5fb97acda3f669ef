"""Test helpers that put rows into an archive and read them back as plain dicts."""

from __future__ import annotations

import zlib
from dataclasses import fields
from typing import Any

from clipper.store.archive import Archive
from clipper.store.articles import insert_article
from clipper.store.records import ClassificationColumns, Evidence, NewArticle

_CLASSIFICATION = {f.name for f in fields(ClassificationColumns)}
_NEW = {f.name for f in fields(NewArticle)} - {"classification"}


def insert_row(archive: Archive, row: dict[str, Any], *, html: bytes | None = None,
               sha256: str | None = None) -> int | None:
    """Insert an article given as archive columns: through the store's insert, then the
    editor's columns the row sets (tags, highlight …) written as they are."""
    classification = ClassificationColumns(**{"status": "new", **{k: row[k] for k in _CLASSIFICATION if k in row}})
    new = NewArticle(**{k: row[k] for k in _NEW if k in row}, classification=classification)
    evidence = Evidence(sha256, None, zlib.compress(html, 6)) if html is not None else None
    article_id = insert_article(archive, new, evidence=evidence)
    extra = {k: v for k, v in row.items() if k not in _NEW and k not in _CLASSIFICATION}
    if article_id is not None and extra:
        with archive.write():
            archive.update("articles", ("id", article_id), extra)
    return article_id


def get_row(archive: Archive, article_id: int) -> dict | None:
    rows = archive.query("select * from articles where id = ?", [article_id])
    return rows[0] if rows else None


def count_rows(archive: Archive) -> int:
    return archive.scalar("select count(*) from articles")


def run_rows(archive: Archive, limit: int = 20) -> list[dict]:
    return archive.query("select * from runs order by id desc limit ?", [limit])


def source_rows(archive: Archive) -> dict[str, dict]:
    return {r["name"]: r for r in archive.query("select * from sources")}
