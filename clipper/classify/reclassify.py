"""Re-apply the topic rules to archived articles; editors' decisions are never touched."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from clipper.classify.classifier import classification_fields
from clipper.store.archive import Archive, dumps, now_utc

logger = logging.getLogger(__name__)

# Rows are read and written in batches so a large archive never sits in memory at once.
BATCH = 2000


@dataclass(frozen=True)
class TopicChange:
    article_id: int
    title: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    status_before: str
    status_after: str
    values: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class ReclassifyPlan:
    """What the rules would change."""

    checked: int
    changes: tuple[TopicChange, ...]

    def entering(self) -> dict[str, list[TopicChange]]:
        result: dict[str, list[TopicChange]] = defaultdict(list)
        for change in self.changes:
            for topic in set(change.after) - set(change.before):
                result[topic].append(change)
        return dict(result)

    def leaving(self) -> dict[str, list[TopicChange]]:
        result: dict[str, list[TopicChange]] = defaultdict(list)
        for change in self.changes:
            for topic in set(change.before) - set(change.after):
                result[topic].append(change)
        return dict(result)


def plan_reclassify(archive: Archive, classifier, *, date_from: str | None = None) -> ReclassifyPlan:
    """Classify every article (from ``date_from``) again and list the differences."""
    where, params = ("where day >= ?", [date_from]) if date_from else ("", [])
    changes, checked, last_id = [], 0, 0
    while True:
        rows = archive.query(
            f"select id, title, text, topics, status, primary_topic, scores, matches, tone_suggested from articles "
            f"{where + (' and' if where else 'where')} id > ? order by id limit {BATCH}", params + [last_id])
        if not rows:
            break
        for row in rows:
            checked += 1
            last_id = row["id"]
            result = classifier.classify_topics(row["title"], row["text"])
            before = tuple(json.loads(row["topics"] or "[]"))
            status = row["status"]
            if status in ("new", "irrelevant"):  # undecided: the rules decide the queue
                status = "new" if result.relevant else "irrelevant"
            fields = classification_fields(result)
            values = {key: fields[key] for key in ("topics", "primary_topic", "scores", "matches")}
            values["status"] = status
            if status == "new" and row["tone_suggested"] is None:  # entering the queue: add what editors see
                full = classifier.classify(row["title"], row["text"])
                values["tone_suggested"] = full.tone
                values["narasumber"] = dumps([[n.name, n.role] for n in full.narasumber])
            if tuple(result.topics) != before or status != row["status"] or values["matches"] != row["matches"]:
                changes.append(TopicChange(row["id"], row["title"], before, tuple(result.topics),
                                           row["status"], status, values))
    return ReclassifyPlan(checked, tuple(changes))


def apply_reclassify(archive: Archive, plan: ReclassifyPlan) -> int:
    """Write a plan's new topics; decided articles keep their status, tone, tags and summary."""
    for start in range(0, len(plan.changes), BATCH):
        with archive.write() as db:
            for change in plan.changes[start:start + BATCH]:
                db["articles"].update(change.article_id, {**change.values, "updated_at": now_utc()})
    return len(plan.changes)
