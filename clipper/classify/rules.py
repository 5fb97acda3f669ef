"""Topic rules: which topics an article belongs to, with scores and matched-term offsets.

The default vocabulary lives in ``resources/gazetteer.yaml`` (groups of unit names,
abbreviations, officials' titles, programmes and negative contexts, and the three
bundled topics ``kemenag``, ``litbang`` and ``covid``). sources.yaml may change them in
its ``topics:`` section; a file without that section uses the defaults unchanged.

Matching is case- and diacritics-insensitive, on whole words, and stemmed with
PySastrawi ("penelitian" also matches "meneliti", "peneliti"). A phrase matches its
words in sequence, whatever punctuation separates them ("Covid-19" = "Covid 19").

Scoring of one topic: each distinct term found adds ``weight × title_weight`` when it
is in the title plus ``weight × body_weight`` when it is in the text (weight 1.0
unless given). The article belongs to the topic when the sum reaches ``threshold`` and
``require_all`` (every entry occurs), ``require_any`` (one occurs) and ``exclude``
(none occurs) hold. ``ignore`` lists negative contexts: when "Toyota Corona" occurs,
the terms inside it ("corona") count nowhere in that article. ``others`` names other
institutions named like the topic's ("Menteri Agama Malaysia"): the terms inside such a
phrase do not count there, the same words elsewhere in the article still do. A ``$name`` entry stands
for a gazetteer group (in require_all, any member of the group satisfies the entry).
The primary topic is the relevant topic with the highest ``priority``, then score.

The ``topics:`` section of sources.yaml::

    topics:
      - id: kemenag            # mode: extend (the default): lists are added to the
        terms:                 # default's lists; numbers given replace the default's
          - Pusaka Kemenag
          - Komisi VIII: 0.5   # a weighted (weak) term
        ignore: [Kemenag Cup]
        threshold: 1.5
      - id: covid
        mode: replace          # replace: this entry is the whole topic
        label: Covid-19
        terms: [Covid-19, SARS-CoV-2, $covid_measures]
        ignore: [$corona_negatives]
      - id: haji               # a new id adds a topic (label and terms required)
        label: Haji dan Umrah
        terms: [$hajj, haji: 0.5, umrah: 0.5]
        aliases: {umrah: [umroh]}
      - id: litbang
        enabled: false         # switch a default topic off

Keys: id, label, mode (extend | replace), enabled, terms, aliases, require_all,
require_any, exclude, ignore, title_weight, body_weight, threshold, priority.
``aliases`` maps a term to other spellings that count as the same term.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from clipper import paths, textnorm
from clipper.classify.topic_spec import GROUP_PREFIX, TopicSpec
from clipper.config_report import describe, line_of
from clipper.errors import ConfigError

logger = logging.getLogger(__name__)

# Chosen on tests/data/relevance_eval.jsonl (headline + lead, written before tuning):
# one strong term anywhere is enough (1.0), a weak term (0.5) needs a second piece of
# evidence, and a title mention is worth half again a body mention, so a weak term in
# title AND text (0.5 × 2.5) passes while a weak term in the title alone (0.75) does not.
DEFAULT_TITLE_WEIGHT = 1.5
DEFAULT_BODY_WEIGHT = 1.0
DEFAULT_THRESHOLD = 1.0

GAZETTEER_PATH = paths.resource("gazetteer.yaml")

_TITLE, _TEXT = 0, 1
_FIELDS = ("title", "text")
_TERM, _REQ_ALL, _REQ_ANY, _EXCLUDE, _IGNORE, _RIVAL, _OTHER = range(7)


Phrase = tuple[str, ...]
# When a term names the ministry's business: (from, until), either end open (None). A term of
# an institution that left the ministry (BPJPH in 2024, hajj in 2025) counts only for articles
# published within its period (an undated article counts).
Period = tuple[date | None, date | None]
ALWAYS: Period = (None, None)


def in_period(period: Period, day: date | None) -> bool:
    """Whether a term with this period counts for an article of ``day`` (None: undated)."""
    if day is None or period is ALWAYS:
        return True
    start, end = period
    return (start is None or day >= start) and (end is None or day <= end)


@dataclass(frozen=True, eq=False)
class Topic:
    """The compiled, immutable rules of one topic (build with :func:`build_topics`)."""

    id: str
    label: str
    priority: int
    title_weight: float
    body_weight: float
    threshold: float
    terms: tuple[tuple[Phrase, str, float, Period], ...]  # (keys, canonical term, weight, period)
    require_all: tuple[frozenset[Phrase], ...]  # each entry: any of these phrases
    require_any: frozenset[Phrase]
    exclude: frozenset[Phrase]
    ignore: frozenset[Phrase]
    others: frozenset[Phrase]
    rivals: frozenset[Phrase]
    backdrop: re.Pattern | None  # ends where a term's mention starts when it is a time setting
    spec: TopicSpec


# --- gazetteer and merging -----------------------------------------------------------------

_gazetteer_cache: dict[tuple[str, float], tuple[dict[str, list], list[TopicSpec]]] = {}


def _load_gazetteer(path: str | Path | None) -> tuple[dict[str, list], list[TopicSpec]]:
    path = Path(path) if path is not None else GAZETTEER_PATH
    try:
        stamp = (str(path.resolve()), path.stat().st_mtime)
    except OSError as exc:
        raise ConfigError(str(path), [f"{path}: gazetteer tidak terbaca / unreadable: {exc}"]) from exc
    cached = _gazetteer_cache.get(stamp)
    if cached is not None:
        return cached
    from ruamel.yaml import YAML, YAMLError

    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except (OSError, YAMLError) as exc:
        raise ConfigError(str(path), [f"{path}: {exc}"]) from exc
    groups = data.get("groups") or {}
    problems = [problem for name, items in groups.items() if (problem := _group_problem(path, name, items))]
    specs = []
    for i, raw in enumerate(data.get("topics") or []):
        try:
            specs.append(TopicSpec.model_validate(raw))
        except ValidationError as exc:
            problems += [f"{path}: topics[{i}].{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    if problems:
        raise ConfigError(str(path), problems)
    _gazetteer_cache[stamp] = (groups, specs)
    return groups, specs


def _group_problem(path: Path, name: str, items) -> str | None:
    """What is wrong with a gazetteer group: a list of terms, or {terms: [...], from:, until:}."""
    if isinstance(items, list):
        return None
    if not isinstance(items, dict) or not isinstance(items.get("terms"), list):
        return f"{path}: groups.{name}: harus daftar, atau pemetaan dengan terms / must be a list or a mapping with terms"
    unknown = set(items) - {"terms", "from", "until"}
    if unknown:
        return f"{path}: groups.{name}: kunci tidak dikenal / unknown keys: {', '.join(sorted(map(str, unknown)))}"
    for key in ("from", "until"):
        if key in items and not isinstance(items[key], date):
            return f"{path}: groups.{name}.{key}: harus tanggal YYYY-MM-DD / must be a date"
    return None


def _merge(base: TopicSpec, change: TopicSpec) -> TopicSpec:
    merged = base.model_dump()
    extra = change.model_dump(exclude_unset=True)
    for key in ("terms", "require_all", "require_any", "exclude", "ignore", "others", "rivals", "backdrop"):
        merged[key] = merged[key] + extra.pop(key, [])
    aliases = {term: list(variants) for term, variants in merged["aliases"].items()}
    for term, variants in extra.pop("aliases", {}).items():
        aliases[term] = aliases.get(term, []) + list(variants)
    merged["aliases"] = aliases
    extra.pop("mode", None)
    merged.update({key: value for key, value in extra.items() if value is not None})
    return TopicSpec.model_validate(merged)


def _narrow(period: Period, group) -> Period:
    """The period of a term reached through ``group`` (a dated group narrows it)."""
    if not isinstance(group, dict):
        return period
    start = max((d for d in (period[0], group.get("from")) if d is not None), default=None)
    end = min((d for d in (period[1], group.get("until")) if d is not None), default=None)
    return (start, end)


def _expand(entries: list, groups: dict, weight: float = 1.0, seen: tuple = (), period: Period = ALWAYS):
    """Yield ``(term, weight, period)`` for entries, resolving ``$group`` references."""
    for entry in entries:
        term, factor = next(iter(entry.items())) if isinstance(entry, dict) else (entry, 1.0)
        term = str(term).strip()
        if term.startswith(GROUP_PREFIX):
            name = term[1:].strip()
            if name not in groups:
                raise ValueError(f"grup tidak dikenal / unknown group {term!r} (gazetteer groups: {', '.join(groups)})")
            if name in seen:
                raise ValueError(f"grup melingkar / circular group {term!r}")
            group = groups[name]
            members = group["terms"] if isinstance(group, dict) else group
            yield from _expand(members, groups, weight * factor, seen + (name,), _narrow(period, group))
        else:
            yield term, weight * factor, period


def _phrases(entries: list[str], groups: dict) -> frozenset[Phrase]:
    return frozenset(textnorm.phrase_keys(term) for term, _, _ in _expand(entries, groups))


def _backdrop(entries: list[str], groups: dict) -> re.Pattern | None:
    """A pattern that matches where a backdrop phrase ends, one free word allowed before the term
    ("sejak awal pandemi", "di tengah merebaknya pandemi")."""
    words = sorted({term for term, _, _ in _expand(entries, groups)}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"\b(?:{alternatives})(?:\s+\w+)?\s+$", re.I)


def _compile(spec: TopicSpec, groups: dict) -> Topic:
    weights: dict[str, tuple[float, Period]] = {}
    for term, weight, period in _expand(spec.terms, groups):
        weights[term] = (weight, period)  # a later entry overrides an earlier weight
    phrase_map: dict[Phrase, tuple[str, float, Period]] = {}
    for term, (weight, period) in weights.items():
        keys = textnorm.phrase_keys(term)
        if keys and (keys not in phrase_map or phrase_map[keys][1] < weight):
            phrase_map[keys] = (term, weight, period)
    for term, variants in spec.aliases.items():
        weight, period = weights.get(term, (1.0, ALWAYS))
        for variant in [term, *variants]:
            phrase_map[textnorm.phrase_keys(variant)] = (term, weight, period)
    if not phrase_map:
        raise ValueError(f"topik {spec.id!r} tanpa istilah / topic has no terms")
    return Topic(
        id=spec.id,
        label=spec.label or spec.id,
        priority=spec.priority or 0,
        title_weight=DEFAULT_TITLE_WEIGHT if spec.title_weight is None else spec.title_weight,
        body_weight=DEFAULT_BODY_WEIGHT if spec.body_weight is None else spec.body_weight,
        threshold=DEFAULT_THRESHOLD if spec.threshold is None else spec.threshold,
        terms=tuple((keys, term, weight, period) for keys, (term, weight, period) in phrase_map.items()),
        require_all=tuple(_phrases([entry], groups) for entry in spec.require_all),
        require_any=_phrases(spec.require_any, groups),
        exclude=_phrases(spec.exclude, groups),
        ignore=_phrases(spec.ignore, groups),
        others=_phrases(spec.others, groups),
        rivals=_phrases(spec.rivals, groups),
        backdrop=_backdrop(spec.backdrop, groups),
        spec=spec,
    )


def build_topics(specs: list[TopicSpec] | None, gazetteer_path: str | Path | None = None) -> list[Topic]:
    """Merge sources.yaml topic specs with the gazetteer defaults and compile them.

    Args:
        specs: The validated ``topics:`` entries, or None when the section is absent.
            An id matching a default extends it (mode ``extend``) or replaces it (mode
            ``replace``); a new id adds a topic; ``enabled: false`` drops a topic.
        gazetteer_path: Another gazetteer file; default ``resources/gazetteer.yaml``.

    Returns:
        The compiled topics, defaults first in gazetteer order, then new ones.

    Raises:
        ConfigError: The gazetteer is unreadable or invalid.
        ValueError: A spec names an unknown ``$group`` or a new topic has no terms.
    """
    groups, defaults = _load_gazetteer(gazetteer_path)
    merged: dict[str, TopicSpec] = {spec.id: spec for spec in defaults}
    for spec in specs or []:
        if spec.id in merged and spec.mode == "extend":
            merged[spec.id] = _merge(merged[spec.id], spec)
        elif spec.id in merged or spec.enabled is False:
            merged[spec.id] = spec
        elif not spec.terms and not spec.aliases:
            raise ValueError(f"topik baru {spec.id!r} tanpa terms / new topic {spec.id!r} has no terms")
        elif not spec.label:
            raise ValueError(f"topik baru {spec.id!r} tanpa label / new topic {spec.id!r} has no label")
        else:
            merged[spec.id] = spec
    topics = [_compile(spec, groups) for spec in merged.values() if spec.enabled is not False]
    logger.debug("compiled %d topics: %s", len(topics), ", ".join(t.id for t in topics))
    return topics


def default_topics(gazetteer_path: str | Path | None = None) -> list[Topic]:
    """Return the bundled topics (kemenag, litbang, covid) compiled from the gazetteer.

    Args:
        gazetteer_path: Another gazetteer file; default ``resources/gazetteer.yaml``.
    """
    return build_topics(None, gazetteer_path)


# --- classification ------------------------------------------------------------------------


def topics_from(section: list[dict] | None, gazetteer: str | Path | None) -> list[Topic]:
    """The compiled topics of a `topics:` section (its raw entries) over a gazetteer."""
    specs = [TopicSpec.model_validate(t) for t in section] if section else None
    return build_topics(specs, gazetteer)


# The topic rules in a picklable form (an extraction worker builds its classifier from it):
# the `topics:` section as JSON, and the editors' gazetteer path (None: the bundled one).
RulesKey = tuple[str | None, str | None]


def rules_key(config) -> RulesKey:
    """The topic rules of a configuration as a worker receives them."""
    topics = json.dumps(config.topics_spec, ensure_ascii=False) if config.topics_spec else None
    gazetteer = paths.gazetteer_beside(config.path)
    return topics, str(gazetteer) if gazetteer else None


def topics_for(config) -> list[Topic]:
    """The compiled topics of a configuration (its `topics:` section over the editors' gazetteer)."""
    return topics_from(config.topics_spec, paths.gazetteer_beside(config.path))


def topic_labels(config) -> dict[str, str]:
    """Topic id → label for display (cosmetic: an empty dict when the rules cannot be read)."""
    try:
        return {t.id: t.label for t in topics_for(config)}
    except Exception:  # labels only; the real error surfaces where rules are used
        logger.exception("topic labels unavailable")
        return {}


def check_topics_section(data: Any, path: Path, spec: Any = None) -> list[str]:
    """The `topics:` entries (and a gazetteer.yaml beside the file) against the rules' schema.

    A configuration check (clipper.config.SectionCheck): problems as ``file:line: field: message``.
    """
    topics = data.get("topics")
    if topics is not None and not (isinstance(topics, list) and all(isinstance(t, dict) for t in topics)):
        return []  # the base validation reports a `topics:` that is not a list of mappings
    gazetteer = paths.gazetteer_beside(path)
    if topics is None and gazetteer is None:
        return []
    problems: list[str] = []
    specs = []
    for index, entry in enumerate(topics or []):
        try:
            specs.append(TopicSpec.model_validate(entry))
        except ValidationError as exc:
            problems.extend(describe(exc, data, path, prefix=("topics", index)))
    if not problems:
        try:
            build_topics(specs or None, gazetteer)
        except ConfigError as exc:
            problems.extend(exc.problems)
        except ValueError as exc:  # e.g. an unknown $group, a new topic without terms
            problems.append(f"{path}:{line_of(data, ('topics',))}: topics: {exc}")
    return problems
