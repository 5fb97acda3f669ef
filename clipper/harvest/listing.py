"""A source's listing (feed, section page, sitemap) made into its newest article links."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from clipper.errors import ExtractionError, FetchError
from clipper.harvest import discover
from clipper.harvest.body import decode_text, is_textual
from clipper.models import FetchedPage, Link, Source

if TYPE_CHECKING:
    from clipper.harvest.fetch import Fetcher

logger = logging.getLogger(__name__)


async def _here(function, *args):
    return function(*args)


async def discover_links(fetcher: Fetcher, source: Source, listing: FetchedPage, run=_here) -> list[Link]:
    """The newest article links of a fetched source (child sitemaps fetched too).

    ``run(function, *args)`` awaits one parse (the harvest runs them in its workers).

    Raises:
        FetchError / ExtractionError: the source gives no links.
    """
    if source.kind == "feed":
        links = await run(discover.parse_feed, listing)
    elif source.kind == "site":
        if not is_textual(listing):
            raise ExtractionError(listing.final_url, "bukan halaman HTML")
        links = await run(discover.parse_site, listing, source.article_pattern or ".", decode_text(listing))
    else:
        links, children = await run(discover.parse_sitemap, listing)
        problems = []
        for child in children:
            try:
                child_result = await fetcher.fetch(child, delay=source.delay,
                                                   concurrency=source.concurrency, timeout=source.timeout)
                more, _ = await run(discover.parse_sitemap, child_result)
            except (FetchError, ExtractionError) as exc:  # one broken child never loses the others
                logger.warning("sitemap %s of %s: %s", child, source.name, exc.reason)
                problems.append(exc if isinstance(exc, FetchError) else FetchError(child, exc.reason))
                continue
            links.extend(more)
        if children and len(problems) == len(children):
            first = problems[0]
            raise FetchError(first.url, f"sitemap anak {first.url}: {first.reason}", first.status)
    return discover.newest_first(links, source.max_items)
