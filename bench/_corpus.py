"""The real-news corpus (../shared/corpus) for the benches: pages with gold text, labelled articles,
and the fixed development / held-out split.

The corpus is publisher text: it is read where it lies and never copied into this repository.
What the repository keeps about it are annotations that point into it (ids, labels).

The split was fixed before any tuning and never changes: an item is held out when the first
32 bits of sha256("clipper-split-v1:" + its id) are divisible by 3 (about a third). The id of
a page is its file name in pages/ ("merdeka-007.html"), of a labelled article its label id
("L0042"). Tune on "dev" only; report "held" (held-out) beside it.

Pages added later (extra/pages: same layout, same gold conventions) are always "dev", never
held out: the held-out set stays exactly the shipped corpus's fixed held-out pages, so a
held-out figure can be reproduced from a clean checkout of the corpus without the extra folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

SPLIT_SALT = "clipper-split-v1:"
SPLITS = ("dev", "held")


def corpus_dir() -> Path:
    """../shared/corpus beside the checkout (CLIPPER_CORPUS overrides)."""
    override = os.environ.get("CLIPPER_CORPUS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "shared" / "corpus"


def split_of(item_id: str) -> str:
    """ "held" for a held-out item, "dev" for the others (see the module docstring)."""
    digest = hashlib.sha256((SPLIT_SALT + item_id).encode("utf-8")).hexdigest()
    return "held" if int(digest[:8], 16) % 3 == 0 else "dev"


@dataclass(frozen=True)
class GoldPage:
    """A saved real article page and its gold body text (one paragraph per line)."""

    id: str  # the file name; "extra/<file name>" for an extra page
    media: str
    url: str
    html: bytes
    gold: str
    split: str
    extra: bool = False  # from extra/pages (always "dev")


@dataclass(frozen=True)
class LabelledArticle:
    """A real article text with its hand labels (a subset of kemenag, litbang, covid)."""

    id: str
    title: str
    text: str
    date: str | None
    labels: frozenset[str]
    kind: str
    uncertain: bool
    split: str


def gold_pages(split: str | None = None) -> list[GoldPage]:
    """The article pages that have gold text, in index order (``split``: "dev", "held" or all).

    Pages added later (extra/pages, same layout and conventions) follow the first cut's and
    are always "dev" (see the module docstring); a missing extra folder is no error.
    """
    pages = []
    for folder, extra in ((corpus_dir() / "pages", False), (corpus_dir() / "extra" / "pages", True)):
        if not (folder / "index.jsonl").is_file():
            continue
        for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if not entry.get("gold"):
                continue
            page = GoldPage(("extra/" if extra else "") + entry["file"], entry["media"], entry["url"], (folder / entry["file"]).read_bytes(),
                            (folder / entry["gold"]).read_text(encoding="utf-8"),
                            "dev" if extra else split_of(entry["file"]), extra)
            if split is None or page.split == split:
                pages.append(page)
    return pages


def labelled_articles(split: str | None = None) -> list[LabelledArticle]:
    """The hand-labelled articles with their pool text (``split``: "dev", "held" or all)."""
    folder = corpus_dir()
    with gzip.open(folder / "texts" / "pool.jsonl.gz", "rt", encoding="utf-8") as handle:
        pool = {row["pool_id"]: row for row in map(json.loads, handle)}
    items = []
    for line in (folder / "labelled.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        article = pool[entry["pool_id"]]
        item = LabelledArticle(entry["id"], article.get("title") or "", article["text"], article.get("date"),
                               frozenset(entry["labels"]), entry.get("kind", ""), bool(entry.get("uncertain")),
                               split_of(entry["id"]))
        if split is None or item.split == split:
            items.append(item)
    return items


EXTRA_LABELS = Path(__file__).resolve().parent / "labels_extra.jsonl"


def extra_labelled_articles(path: Path = EXTRA_LABELS) -> tuple[list[LabelledArticle], int]:
    """The development-only labels of bench/labels_extra.jsonl with their texts, and how many were skipped.

    They point into the pool (``pool_id``: texts not in labelled.jsonl) or into extra/texts/extra.jsonl.gz
    (``extra_id``). All of them are development items, whatever their hash: the held-out set stays the
    shipped corpus's split. Labels whose text is missing (no extra file) are skipped and counted.
    """
    folder = corpus_dir()
    texts = {}
    for name, key in (("texts/pool.jsonl.gz", "pool_id"), ("extra/texts/extra.jsonl.gz", "id")):
        if (folder / name).is_file():
            with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
                texts.update((row[key], row) for row in map(json.loads, handle))
    items, skipped = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        article = texts.get(entry.get("pool_id") or entry.get("extra_id"))
        if article is None:
            skipped += 1
            continue
        items.append(LabelledArticle(entry["id"], article.get("title") or "", article["text"], article.get("date"),
                                     frozenset(entry["labels"]), entry.get("kind", ""),
                                     bool(entry.get("uncertain")), "dev"))
    if skipped:
        logger.warning("%d extra labels skipped: their texts are missing under %s", skipped, folder)
    return items, skipped


def pool_texts() -> list[tuple[str, str, str, str | None]]:
    """Every real text of the pool: (pool id, title, text, date)."""
    with gzip.open(corpus_dir() / "texts" / "pool.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [(row["pool_id"], row.get("title") or "", row["text"], row.get("date")) for row in map(json.loads, handle)]


@dataclass(frozen=True)
class GoldSpeaker:
    """A person quoted in a real article, as annotated: the fullest name given, the role the
    article gives (None when none), and other spellings or short names the article uses."""

    name: str
    role: str | None
    aka: tuple[str, ...] = ()


@dataclass(frozen=True)
class NarasumberItem:
    """A real pool article with its annotated narasumber (bench/narasumber_gold.jsonl)."""

    id: str
    pick: str
    text: str
    people: tuple[GoldSpeaker, ...]
    not_people: tuple[str, ...]
    split: str


NARASUMBER_GOLD = Path(__file__).resolve().parent / "narasumber_gold.jsonl"


def narasumber_items(split: str | None = None, path: Path = NARASUMBER_GOLD) -> list[NarasumberItem]:
    """The annotated articles with their pool text (``split`` by pool id: "dev", "held" or all)."""
    with gzip.open(corpus_dir() / "texts" / "pool.jsonl.gz", "rt", encoding="utf-8") as handle:
        pool = {row["pool_id"]: row for row in map(json.loads, handle)}
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        people = tuple(GoldSpeaker(p["name"], p.get("role"), tuple(p.get("aka", ()))) for p in entry["people"])
        item = NarasumberItem(entry["pool_id"], entry.get("pick", ""), pool[entry["pool_id"]]["text"], people,
                              tuple(entry.get("not_people", ())), split_of(entry["pool_id"]))
        if split is None or item.split == split:
            items.append(item)
    return items
