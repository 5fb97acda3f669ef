"""The bounds Clipper puts on what arrives from the web, the command line and sources.yaml.

Every limit here is listed in the README ("Keamanan dan ketahanan"); each gives a clear message
(or, for stored text, a visible truncation) instead of unbounded work.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# Headlines of Indonesian media are well under 200 characters; a longer "title" is a page's
# text or junk, cut at store time.
MAX_TITLE_CHARS = 300
# A long news article is 10,000-20,000 characters; 200,000 (~30,000 words, ~100 PDF pages)
# keeps every real article whole and bounds a hostile one.
MAX_TEXT_CHARS = 200_000
# Author, rubrik, media name, language: short labels.
MAX_LABEL_CHARS = 500
# A description (lead) longer than this is body text.
MAX_DESCRIPTION_CHARS = 2_000
# Article addresses: browsers and servers commonly stop near 2,000-8,000 characters; news
# article URLs are < 300. Longer links in a feed are skipped.
MAX_URL_CHARS = 4_096
# Article ids are SQLite integers (64-bit signed).
MAX_ARTICLE_ID = 2**63 - 1
# sources.yaml: the default file is ~6 KB; 1 MB is far beyond any hand-written configuration.
MAX_CONFIG_BYTES = 1_000_000
# Nesting of sources.yaml (the deepest real entry, a topic's weighted term, is 5 levels).
MAX_CONFIG_DEPTH = 20
# YAML nodes visited when the file is read, aliases counted each time they are used
# ("billion laughs": a few lines of aliases can stand for 10^9 nodes).
MAX_CONFIG_NODES = 200_000
ELLIPSIS = "…"


def clip(value: str | None, limit: int) -> str | None:
    """``value`` cut to at most ``limit`` characters (an ellipsis marks the cut); None stays None."""
    if value is None or len(value) <= limit:
        return value
    logger.info("text of %d characters cut to %d", len(value), limit)
    return value[: limit - 1].rstrip() + ELLIPSIS
