"""Which approved articles an edition holds, and which copy of a syndicated story it prints.

The rule: an edition holds every approved article (a page that can be printed) that is not yet
in a final edition, whatever its publication date, up to the edition's day; an article whose
story another final edition already printed is in that edition too. So a story published at
19.00 and approved the next morning goes to the next morning's edition, an article is in one
edition only, and none falls between two editions. A revision of a final edition holds that
edition's articles again (those still approved) and what was approved since.

An approval older than STALE_APPROVAL_DAYS before the edition's day that never reached a final
edition is left out (an archive where editors approved but never finalised would otherwise
pour years of articles into the next edition).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from clipper.store.archive import Archive, now_utc
from clipper.store.records import Article, article_from_row

logger = logging.getLogger(__name__)

STALE_APPROVAL_DAYS = 30

_PRINTED = "status = 'approved' and kind != 'index'"
# Articles of a final edition (not one of ``keep``), or of a story a final edition printed.
_IN_FINAL = ("exists (select 1 from edition_articles ea join editions e on e.id = ea.edition_id "
             "join articles o on o.id = ea.article_id where e.status = 'final' {keep} and (o.id = articles.id "
             "or (articles.story_id is not null and o.story_id = articles.story_id)))")


def _keep_clause(keep: list[int]) -> tuple[str, list[int]]:
    if not keep:
        return "", []
    return f"and e.id not in ({','.join('?' * len(keep))})", list(keep)


def _window(day: str) -> tuple[str, list[str]]:
    oldest = (date.fromisoformat(day) - timedelta(days=STALE_APPROVAL_DAYS)).isoformat()
    return "day <= ? and coalesce(substr(decided_at, 1, 10), day) >= ?", [day, oldest]


def edition_candidates(archive: Archive, day: str, *, revising: list[int] | None = None) -> list[Article]:
    """The approved articles the edition of ``day`` holds, every copy of a story included, in
    the editor's order (then published time); ``revising``: the final edition(s) being revised."""
    from clipper.store.articles import with_outlets
    keep, keep_params = _keep_clause(revising or [])
    window, window_params = _window(day)
    sql = (f"{with_outlets(archive)} where {_PRINTED} and {window} and not {_IN_FINAL.format(keep=keep)} "
           "order by position is null, position, published_utc, id")
    return [article_from_row(r) for r in archive.query(sql, [*window_params, *keep_params])]


def waiting_elsewhere(archive: Archive, day: str) -> dict[str, int]:
    """Why approved articles are not in the edition of ``day``: how many are dated later (they go
    to their own day's edition) and how many are already in a final edition."""
    later = archive.scalar(f"select count(*) from articles where {_PRINTED} and day > ? "
                           f"and not {_IN_FINAL.format(keep='')}", [day])
    final = archive.scalar(f"select count(*) from articles where {_PRINTED} and day = ? "
                           f"and {_IN_FINAL.format(keep='')}", [day])
    return {"later": later or 0, "in_final": final or 0}


def set_story_lead(archive: Archive, article_id: int) -> int | None:
    """Print this copy for its story (the others of the story no longer lead); returns the story id."""
    with archive.write():
        story = archive.scalar("select story_id from articles where id = ?", [article_id])
        if story is None:
            return None
        archive.execute("update articles set story_lead = 0, updated_at = ? where story_id = ? and story_lead = 1",
                        [now_utc(), story])
        archive.execute("update articles set story_lead = 1, updated_at = ? where id = ?", [now_utc(), article_id])
        return story
