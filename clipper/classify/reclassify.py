"""Re-apply the topic rules to archived articles; editors' decisions are never touched."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from clipper.dates import judged_day
from clipper.store.archive import Archive
from clipper.store.classifications import classified_articles, write_classifications
from clipper.store.records import encode_classification

logger = logging.getLogger(__name__)


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
    changes, checked = [], 0
    for row in classified_articles(archive, date_from=date_from):
        checked += 1
        published = judged_day(row.published_at)
        result = classifier.classify_topics(row.title, row.text, published)
        before = tuple(json.loads(row.topics or "[]"))
        status = row.status
        if status in ("new", "irrelevant"):  # undecided: the rules decide the queue
            status = "new" if result.relevant else "irrelevant"
        columns = encode_classification(result)
        values = {"topics": columns.topics, "primary_topic": columns.primary_topic, "scores": columns.scores,
                  "matches": columns.matches, "tiers": columns.tiers, "tier": columns.tier, "status": status}
        if status == "new" and row.tone_suggested is None:  # entering the queue: add what editors see
            full = encode_classification(classifier.classify(row.title, row.text, published=published))
            values.update(tone_suggested=full.tone_suggested, narasumber=full.narasumber)
        if (tuple(result.topics) != before or status != row.status or values["matches"] != row.matches
                or values["tiers"] != row.tiers):
            changes.append(TopicChange(row.id, row.title, before, tuple(result.topics), row.status, status, values))
    return ReclassifyPlan(checked, tuple(changes))


def apply_reclassify(archive: Archive, plan: ReclassifyPlan) -> int:
    """Write a plan's new topics; decided articles keep their status, tone, tags and summary."""
    write_classifications(archive, [(change.article_id, change.values) for change in plan.changes])
    return len(plan.changes)
