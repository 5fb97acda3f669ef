"""The classifier: topics, scores and matched terms of an article in one tokenise pass."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import date
from itertools import compress, count
from operator import itemgetter

from clipper import textnorm
from clipper.classify.aboutness import (BACKDROP_REACH, LEAD_CHARS, STRONG_WEIGHT, UTAMA, in_spans,
                                        teaser_spans, tier_of)
from clipper.classify.rules import (_EXCLUDE, _FIELDS, _IGNORE, _OTHER, _REQ_ALL, _REQ_ANY, _RIVAL, _TERM, _TEXT,
                                    _TITLE, Phrase, RulesKey, Topic, in_period, topics_for, topics_from)
from clipper.models import Classification, TermMatch

logger = logging.getLogger(__name__)


class Classifier:
    """Classifies articles against compiled topics in one tokenise pass plus dict lookups."""

    def __init__(self, topics: list[Topic]):
        self.topics = tuple(topics)
        uses: dict[Phrase, list[tuple]] = {}
        for t_idx, topic in enumerate(self.topics):
            for keys, term, weight, period in topic.terms:
                uses.setdefault(keys, []).append((t_idx, _TERM, term, (weight, period)))
            for c_idx, entry in enumerate(topic.require_all):
                for keys in entry:
                    uses.setdefault(keys, []).append((t_idx, _REQ_ALL, c_idx, 0.0))
            for role, phrases in ((_REQ_ANY, topic.require_any), (_EXCLUDE, topic.exclude), (_IGNORE, topic.ignore),
                                  (_OTHER, topic.others), (_RIVAL, topic.rivals)):
                for keys in phrases:
                    uses.setdefault(keys, []).append((t_idx, role, None, 0.0))
        # first key → [(keys after the first, length, uses)], longest phrases first
        index: dict[str, list[tuple[list[str], int, tuple]]] = {}
        for keys, phrase_uses in uses.items():
            index.setdefault(keys[0], []).append((list(keys[1:]), len(keys), tuple(phrase_uses)))
        for candidates in index.values():
            candidates.sort(key=lambda c: -c[1])
        self._index = index

    def _scan(self, text: str, field: int, hits: list) -> None:
        tokens = textnorm.tokenize_folded(text)  # the body's tokens are shared with tone and stems
        keys = list(map(itemgetter(3), tokens))
        index = self._index
        # Positions of rule words, found by C-level maps (most of ~700 words are none).
        for i in compress(count(), map(index.__contains__, keys)):
            for tail, length, uses in index[keys[i]]:
                if length > 1 and keys[i + 1 : i + length] != tail:
                    continue
                hits.append((field, i, i + length, tokens[i][0], tokens[i + length - 1][1], uses))

    def classify_topics(self, title: str, text: str, published: date | None = None) -> Classification:
        """Score the article against every topic, without tone or narasumber.

        Args:
            title: The article title.
            text: The article body.
            published: The article's day: a term counts only within its period (an
                institution that left the ministry); None counts every term.

        Returns:
            A Classification with ``scores`` for every topic (0.0 when a require/exclude
            condition fails), ``topics`` over threshold (the subjects first, then by
            priority and score), each one's tier ("utama" or "disebut", see
            clipper.classify.aboutness), and the matched terms with offsets into the
            original title/text (links to other stories left out).
        """
        hits: list = []
        self._scan(title or "", _TITLE, hits)
        self._scan(text or "", _TEXT, hits)
        teasers = teaser_spans(text or "")
        per_topic: dict[int, list] = {}
        for field, start, end, c_start, c_end, uses in hits:
            if teasers and field == _TEXT and in_spans(c_start, teasers):
                continue  # a headline linked from the body is another story's evidence
            for t_idx, role, what, weight in uses:
                if role == _TERM:
                    weight, period = weight
                    if not in_period(period, published):
                        continue
                per_topic.setdefault(t_idx, []).append((role, field, start, end, c_start, c_end, what, weight))
        scores = {topic.id: 0.0 for topic in self.topics}
        ranked, matches, tiers = [], [], {}
        for t_idx, topic_hits in per_topic.items():
            topic = self.topics[t_idx]
            score, kept, ok = self._score(topic, topic_hits)
            if not ok:
                continue
            scores[topic.id] = round(float(score), 3)
            matches += [TermMatch(topic.id, term, _FIELDS[f], cs, ce) for f, cs, ce, term, _ in kept]
            if score >= topic.threshold - 1e-9:
                strong = [(f, cs, ce) for f, cs, ce, _, w in kept if w >= STRONG_WEIGHT]
                rivals = sum(1 for h in topic_hits if h[0] == _RIVAL)
                body = [(cs, ce) for f, cs, ce in strong if f == _TEXT]
                backdrop = topic.backdrop
                settings = [cs for cs, _ in body if cs < LEAD_CHARS
                            and backdrop.search(text, max(0, cs - BACKDROP_REACH), cs)] if backdrop else []
                tiers[topic.id] = tier_of(sum(1 for f, _, _ in strong if f == _TITLE), body, rivals, settings)
                ranked.append((tiers[topic.id] != UTAMA, -topic.priority, -score, t_idx, topic.id))
        ranked.sort()
        matches.sort(key=lambda m: (m.field != "title", m.start, m.topic))
        topics = tuple(item[4] for item in ranked)
        return Classification(scores=scores, topics=topics, primary=topics[0] if topics else None,
                              matches=tuple(matches), tiers=tiers)

    @staticmethod
    def _score(topic: Topic, topic_hits: list) -> tuple[float, list, bool]:
        ignored = [(h[1], h[2], h[3]) for h in topic_hits if h[0] == _IGNORE]
        others = [(h[1], h[2], h[3]) for h in topic_hits if h[0] == _OTHER]

        def inside(hit, spans) -> bool:
            return any(f == hit[1] and s < hit[3] and hit[2] < e for f, s, e in spans)

        def inside_ignore(hit) -> bool:
            return inside(hit, ignored)

        # a term inside another institution's name does not count there; inside a negative
        # context ("Toyota Corona") it counts nowhere in the article
        terms = [h for h in topic_hits if h[0] == _TERM and not (others and inside(h, others))]
        disabled = {h[6] for h in terms if inside_ignore(h)} if ignored else set()
        terms = sorted((h for h in terms if h[6] not in disabled), key=lambda h: (h[1], h[2], -h[3]))
        kept, last_field, last_end = [], -1, 0
        for h in terms:  # leftmost-longest: overlapping shorter terms do not count twice
            if h[1] != last_field or h[2] >= last_end:
                kept.append(h)
                last_field, last_end = h[1], h[3]
        present = {(h[0], h[6]) for h in topic_hits if h[0] in (_REQ_ALL, _REQ_ANY, _EXCLUDE)
                   and not inside_ignore(h)}
        ok = all((_REQ_ALL, c) in present for c in range(len(topic.require_all)))
        ok = ok and (not topic.require_any or (_REQ_ANY, None) in present)
        ok = ok and (_EXCLUDE, None) not in present
        fields: dict[str, list] = {}
        for h in kept:
            fields.setdefault(h[6], [h[7], False, False])[1 + h[1]] = True
        score = sum(w * (topic.title_weight * in_title + topic.body_weight * in_text)
                    for w, in_title, in_text in fields.values())
        return score, [(h[1], h[4], h[5], h[6], h[7]) for h in kept], ok

    def classify(self, title: str, text: str, *, published: date | None = None,
                 relevant_only: bool = False) -> Classification:
        """Classify an article: topics, primary, matches, suggested tone and narasumber.

        Args:
            title: The article title.
            text: The article body.
            published: The article's day (see classify_topics).
            relevant_only: compute tone and narasumber only when a topic matches (a harvest:
                irrelevant articles are not queued, and most of a harvest is irrelevant).

        Returns:
            The Classification of :meth:`classify_topics` with ``tone`` from
            :func:`clipper.classify.tone.suggest_tone` and ``narasumber`` from
            :func:`clipper.classify.narasumber.find_narasumber`.
        """
        from clipper.classify.narasumber import find_narasumber
        from clipper.classify.tone import suggest_tone

        result = self.classify_topics(title, text, published)
        if relevant_only and not result.relevant:
            return replace(result, tone=None, narasumber=())
        return replace(result, tone=suggest_tone(title or "", text or ""), narasumber=find_narasumber(text or ""))


def classifier_for(config) -> Classifier:
    """The topic classifier of a configuration (its `topics:` over the editors' gazetteer)."""
    return Classifier(topics_for(config))


_BY_RULES: dict[RulesKey, Classifier] = {}


def classifier_from(rules: RulesKey) -> Classifier:
    """The classifier of rules in their picklable form, built once per process (a worker's)."""
    classifier = _BY_RULES.get(rules)
    if classifier is None:
        topics_json, gazetteer = rules
        classifier = _BY_RULES[rules] = Classifier(topics_from(json.loads(topics_json) if topics_json else None,
                                                               gazetteer))
    return classifier
