"""Per-media extraction hints from sources.yaml (`extract:` of a source): CSS selectors for
the story's body, for furniture to drop, and for the link to the next page.

Hints are for a medium whose pages the generic reading gets wrong: they are used when present
and the generic path does the rest (metadata, kinds, line rules). A hint that finds nothing on
a page (the medium changed its layout) falls back to the generic reading, never to no text.
The selectors were checked when sources.yaml was loaded (clipper.config); here they are
compiled once per process.

A source's hints apply to the pages of its site (its registrable domain, so news.detik.com and
finance.detik.com share detik.com's hints), also when another source (a keyword feed) found them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from urllib.parse import urljoin

from cssselect import GenericTranslator
from lxml.etree import XPath
from lxml.html import HtmlElement

from clipper.domains import registrable_domain
from clipper.extract.body import read_blocks
from clipper.models import ExtractHints, Source

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=256)
def compiled(selector: str) -> XPath:
    """A CSS selector as an lxml XPath (cached: the same few selectors run on every page)."""
    return XPath(GenericTranslator().css_to_xpath(selector))


def hints_by_site(sources: Iterable[Source]) -> dict[str, ExtractHints]:
    """Registrable domain → the hints of the source that names it (the first one wins)."""
    found: dict[str, ExtractHints] = {}
    for source in sources:
        if source.extract is not None:
            found.setdefault(registrable_domain(source.url), source.extract)
    return found


def hints_for_url(url: str, by_site: dict[str, ExtractHints]) -> ExtractHints | None:
    return by_site.get(registrable_domain(url)) if by_site else None


def drop_furniture(tree: HtmlElement, hints: ExtractHints) -> int:
    """Remove what the ``drop`` selectors match (their tails stay); returns how many."""
    dropped = 0
    for selector in hints.drop:
        for element in compiled(selector)(tree):
            if isinstance(element, HtmlElement) and element.getparent() is not None:
                element.drop_tree()
                dropped += 1
    return dropped


def body_lines(tree: HtmlElement, hints: ExtractHints) -> list[str] | None:
    """The story's paragraphs from the ``body`` selectors' elements, in page order; None when
    no selector matches an element (the generic reading is used then)."""
    if not hints.body:
        return None
    containers: list[HtmlElement] = []
    for selector in hints.body:
        for element in compiled(selector)(tree):
            if isinstance(element, HtmlElement) and not any(c is element or element in c.iterancestors()
                                                             for c in containers):
                containers.append(element)
    if not containers:
        return None
    order = {element: index for index, element in enumerate(tree.iter())}
    lines = [line for container in sorted(containers, key=lambda e: order.get(e, 0))
             for line in read_blocks(container)]
    return lines or None


def next_page_links(tree: HtmlElement, url: str, hints: ExtractHints) -> tuple[str, ...] | None:
    """The further pages named by the ``next_page`` selector (None: no rule, use the generic one)."""
    if not hints.next_page:
        return None
    links = []
    for element in compiled(hints.next_page)(tree):
        href = element.get("href") if isinstance(element, HtmlElement) else None
        if href and not href.startswith(("#", "javascript:")):
            absolute = urljoin(url, href.strip())
            if absolute != url and absolute not in links:
                links.append(absolute)
    return tuple(links)
