"""Archived articles as exported: JSON Lines objects and CSV rows."""

from __future__ import annotations

import logging

from clipper.store.records import Article

logger = logging.getLogger(__name__)

CSV_FIELDS = ["id", "url", "media", "title", "author", "published_at", "day", "language", "rubrik", "kind",
              "confidence", "doubt", "status", "tier", "topics", "primary_topic", "scores", "matched_terms", "tone", "tags",
              "narasumber", "summary", "story_id", "outlets", "text"]


def article_to_dict(article: Article, *, with_text: bool = True) -> dict:
    """One archived article as exported (JSON Lines)."""
    data = {
        "id": article.id, "url": article.url, "media": article.media, "title": article.title,
        "author": article.author, "published_at": article.published_at.isoformat() if article.published_at else None,
        "day": article.day, "language": article.language, "rubrik": article.rubrik, "kind": article.kind,
        "confidence": article.confidence, "doubt": article.doubt, "status": article.status, "tier": article.tier,
        "tiers": article.tiers, "corrected": article.text_original is not None, "topics": list(article.topics), "primary_topic": article.primary_topic, "scores": article.scores,
        "matched_terms": [{"topic": m.topic, "term": m.term, "field": m.field, "start": m.start, "end": m.end}
                          for m in article.matches],
        "tone": article.tone, "tone_suggested": article.tone_suggested, "tags": list(article.tags),
        "narasumber": [{"name": n.name, "role": n.role} for n in article.narasumber],
        "summary": article.summary, "story_id": article.story_id, "also_in": list(article.outlets),
        "image_url": article.image_url, "fetched_at": article.fetched_at,
    }
    if with_text:
        data["text"] = article.text
    return data


def article_to_csv(article: Article) -> dict:
    """One archived article flattened for CSV (lists joined with '; ')."""
    data = article_to_dict(article)
    return {
        **{k: data.get(k) for k in CSV_FIELDS if k in data},
        "topics": "; ".join(data["topics"]),
        "scores": "; ".join(f"{k}={v}" for k, v in data["scores"].items()),
        "matched_terms": "; ".join(sorted({m["term"] for m in data["matched_terms"]})),
        "tags": "; ".join(data["tags"]),
        "narasumber": "; ".join(n["name"] + (f" ({n['role']})" if n["role"] else "") for n in data["narasumber"]),
        "outlets": "; ".join(data["also_in"]),
    }
