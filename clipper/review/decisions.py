"""Editorial decisions on archived articles: approve, reject, tag, tone, summary, order."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clipper.errors import ClipperError, ConflictError
from clipper.models import PRINTED_KINDS, TONES, dumps
from clipper.store.archive import Archive, now_utc
from clipper.store.decisions import editable_values, lock_articles, page_kind, write_values

logger = logging.getLogger(__name__)

DECISIONS = {"approve": "approved", "reject": "rejected", "reset": "new"}
MAX_SUMMARY = 2000
MAX_TAG = 60


class ReviewError(ClipperError):
    """An editorial action that cannot be applied (unknown id, bad value, frozen edition)."""


@dataclass(frozen=True)
class Change:
    """What one action changed, with the previous values so it can be undone."""

    before: dict[int, dict[str, Any]] = field(default_factory=dict)
    after: dict[int, dict[str, Any]] = field(default_factory=dict)
    versions: dict[int, int] = field(default_factory=dict)  # each article's version once changed

    @property
    def ids(self) -> list[int]:
        return list(self.after)


def normalise_tags(tags: list[str]) -> list[str]:
    """Tags trimmed, lower-cased, de-duplicated, in their given order."""
    result: list[str] = []
    for tag in tags:
        tag = " ".join(str(tag).split()).lower()[:MAX_TAG]
        if tag and tag not in result:
            result.append(tag)
    return result


def _values(status: str | None, tags: list[str] | None, add_tags: list[str] | None, tone: str | None,
            summary: str | None, highlight: bool | None, old: dict) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if status is not None:
        values["status"] = status
    if tags is not None:
        values["tags"] = dumps(normalise_tags(tags))
    if add_tags:
        current = json.loads(old.get("tags") or "[]")
        values["tags"] = dumps(normalise_tags(current + add_tags))
    if tone is not None:
        if tone not in TONES and tone != "":
            raise ReviewError(f"nada harus salah satu dari {', '.join(TONES)}, bukan {tone!r}")
        values["tone"] = tone or None
    if summary is not None:
        if len(summary) > MAX_SUMMARY:
            raise ReviewError(f"ringkasan terlalu panjang ({len(summary)} > {MAX_SUMMARY} karakter)")
        values["summary"] = summary.strip() or None
    if highlight is not None:
        values["highlight"] = int(highlight)
    return values


def update_articles(archive: Archive, ids: list[int], *, decision: str | None = None,
                    tags: list[str] | None = None, add_tags: list[str] | None = None,
                    tone: str | None = None, summary: str | None = None,
                    highlight: bool | None = None, editor: str | None = None,
                    expected: Mapping[int, int] | None = None) -> Change:
    """Apply one editorial action to articles, in one transaction.

    Args:
        decision: "approve", "reject" or "reset" (back to new).
        tags: replace the tags; add_tags: add to them.
        tone: the editor's tone ("" clears it back to the suggestion).
        editor: the name recorded with a decision.
        expected: {article id: the version the editor saw} (QueueItem.version); an article
            changed since by someone else is refused, and nothing is written.

    Raises:
        ReviewError: an unknown id or a bad value; nothing is changed then.
        ConflictError: an article changed since the editor saw it (its message says so in
            Indonesian; ``article_ids`` lists those to reload); nothing is changed then.
    """
    if decision is not None and decision not in DECISIONS:
        raise ReviewError(f"keputusan tidak dikenal: {decision}")
    status = DECISIONS.get(decision) if decision else None
    before: dict[int, dict] = {}
    after: dict[int, dict] = {}
    stale: list[int] = []
    with archive.write():  # read and write in one transaction: nothing changes in between
        lock_articles(archive, ids)
        for article_id in dict.fromkeys(ids):
            old = editable_values(archive, article_id, lock=True)
            if old is None:
                raise ReviewError(f"artikel #{article_id} tidak ada di arsip")
            if status == "approved" and page_kind(archive, article_id) not in PRINTED_KINDS:
                raise ReviewError(f"#{article_id} adalah halaman indeks, bukan artikel: tidak dapat masuk kliping")
            if expected is not None and article_id in expected and old["version"] != expected[article_id]:
                stale.append(article_id)
                continue
            values = _values(status, tags, add_tags, tone, summary, highlight, old)
            if status is not None:
                values.update(decided_by=editor, decided_at=now_utc())
                if status != "approved":
                    values["position"] = None
            if values:
                before[article_id] = {k: old[k] for k in values}
                after[article_id] = values
        if stale:
            raise ConflictError(stale)
        versions = write_values(archive, after, expected=expected)
    return Change(before, after, versions)


def undo(archive: Archive, change: Change) -> Change:
    """Put back what a Change replaced; returns the change that undoes the undo.

    Raises:
        ConflictError: another editor changed one of the articles since (nothing is undone).
    """
    redo: dict[int, dict] = {}
    with archive.write():
        lock_articles(archive, change.before)
        for article_id, values in change.before.items():
            current = editable_values(archive, article_id, lock=True)
            if current is not None:
                redo[article_id] = {k: current[k] for k in values}
        versions = write_values(archive, {i: change.before[i] for i in redo}, expected=change.versions or None)
    return Change(before=redo, after=change.before, versions=versions)
