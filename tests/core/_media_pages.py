"""The media-style fixture web: one page per medium's template, and the pages of other kinds.

``media_pages()`` renders every template at the media's own addresses (for extraction tests);
``media_pages(base)`` renders them under one local server's address, each medium in its own
folder (for harvest tests). Templates: _media_styles_a, _media_styles_b, _media_kinds.
"""

from __future__ import annotations

from ._media_kinds import gallery, index, live, two_pages, video
from ._media_parts import Page
from ._media_stories import STORIES
from ._media_styles_a import antaranews, cnnindonesia, detik, kompas, liputan6, tribunnews
from ._media_styles_b import kemenag, merdeka, okezone, republika, suara

ARTICLE_TEMPLATES = {
    "detik": detik, "kompas": kompas, "tribunnews": tribunnews, "liputan6": liputan6,
    "cnnindonesia": cnnindonesia, "antaranews": antaranews, "republika": republika, "okezone": okezone,
    "suara": suara, "merdeka": merdeka, "kemenag": kemenag,
}
OTHER_KINDS = {"gallery": gallery, "video": video, "live": live, "index": index}
PAGED_MEDIA = ("tribunnews", "cnnindonesia", "okezone")


def media_pages(base: str | None = None) -> dict[str, Page]:
    """Every fixture page by name: the media's articles, the other kinds, and the two-page articles."""
    def at(name: str) -> dict:
        return {"base": f"{base}/{name}"} if base else {}

    pages = {name: template(STORIES[name], **at(name)) for name, template in ARTICLE_TEMPLATES.items()}
    pages |= {name: template(**at(name)) for name, template in OTHER_KINDS.items()}
    pages |= {f"{name}-2hal": two_pages(name, **at(f"{name}-2hal")) for name in PAGED_MEDIA}
    return pages
