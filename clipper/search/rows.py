"""Rows out of the archive: selection, JSON Lines and CSV shapes."""

from __future__ import annotations

import json
import logging
from clipper.store.archive import Archive

logger = logging.getLogger(__name__)

CSV_FIELDS = ["id", "url", "media", "title", "author", "published_at", "day", "language", "rubrik",
              "status", "topics", "primary_topic", "scores", "matched_terms", "tone", "tags",
              "narasumber", "summary", "story_id", "outlets", "text"]


def select_articles(archive: Archive, *, status: str | None = "all", topic: str | None = None,
                    day: str | None = None, day_from: str | None = None, day_to: str | None = None,
                    limit: int | None = 200) -> list[dict]:
    """Articles by status, topic and day, newest first."""
    where, params = [], []
    if status and status != "all":
        where.append("status = ?")
        params.append(status)
    if topic:
        where.append("exists (select 1 from json_each(articles.topics) where value = ?)")
        params.append(topic)
    if day:
        where.append("day = ?")
        params.append(day)
    if day_from:
        where.append("day >= ?")
        params.append(day_from)
    if day_to:
        where.append("day <= ?")
        params.append(day_to)
    sql = ("select *, (select group_concat(o.media, '; ') from articles o where o.story_id = "
           "articles.story_id and o.id != articles.id) as outlets from articles")
    if where:
        sql += " where " + " and ".join(where)
    sql += " order by published_utc desc, id desc"
    if limit:
        sql += f" limit {int(limit)}"
    return archive.query(sql, params)


def _loads(value, default):
    try:
        return json.loads(value) if value else default
    except (TypeError, ValueError):
        return default


def row_to_dict(row: dict, *, with_text: bool = True) -> dict:
    """One archived article as exported (JSON Lines)."""
    data = {
        "id": row["id"], "url": row["url"], "media": row["media"], "title": row["title"],
        "author": row["author"], "published_at": row["published_at"], "day": row["day"],
        "language": row["language"], "rubrik": row["rubrik"], "status": row["status"],
        "topics": _loads(row["topics"], []), "primary_topic": row["primary_topic"],
        "scores": _loads(row["scores"], {}),
        "matched_terms": [
            {"topic": m[0], "term": m[1], "field": m[2], "start": m[3], "end": m[4]}
            for m in _loads(row["matches"], [])
        ],
        "tone": row["tone"] or row["tone_suggested"], "tone_suggested": row["tone_suggested"],
        "tags": _loads(row["tags"], []),
        "narasumber": [{"name": n[0], "role": n[1]} for n in _loads(row["narasumber"], [])],
        "summary": row["summary"], "story_id": row["story_id"],
        "also_in": [m for m in (row.get("outlets") or "").split("; ") if m],
        "image_url": row["image_url"], "fetched_at": row["fetched_at"],
    }
    if with_text:
        data["text"] = row["text"]
    return data


def row_to_csv(row: dict) -> dict:
    """One archived article flattened for CSV (lists joined with '; ')."""
    data = row_to_dict(row)
    return {
        **{k: data.get(k) for k in CSV_FIELDS if k in data},
        "topics": "; ".join(data["topics"]),
        "scores": "; ".join(f"{k}={v}" for k, v in data["scores"].items()),
        "matched_terms": "; ".join(sorted({m["term"] for m in data["matched_terms"]})),
        "tags": "; ".join(data["tags"]),
        "narasumber": "; ".join(n["name"] + (f" ({n['role']})" if n["role"] else "")
                                for n in data["narasumber"]),
        "outlets": "; ".join(data["also_in"]),
    }
