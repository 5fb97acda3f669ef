"""What an article page shows readers about itself above the story: its dateline and byline.

Metadata is what a CMS writes for machines, and on real Indonesian pages it is sometimes wrong
where the page itself is right: one medium labels WIB times "-07:00" (its articles would be
filed 14 hours late), another names the publisher ("PT. Kompas Cyber Media") or the editor as
the author while the page prints "Penulis Tria Sutrisna | Editor …". So the reader reads the
page's visible text too, as a sequence of text nodes ("segments": one per element text or tail,
so a linked name stays one piece), and:

- the **dateline** is the first date with a clock time shown near the title (from a little
  before the <h1> to before the story's first long paragraph); it wins over a metadata time
  that disagrees with it;
- the **byline** is the first name labelled "Penulis", "Reporter", "Rep:", "Pewarta", "Oleh",
  "Wartawan", "Kontributor" or "Laporan wartawan <media>," on the page; it wins over metadata.

Publishers and teams are never authors: a name made of the media's own name ("Liputan6.com",
"Tim detikBali", "redaksiotosia", "Okezone") or a company ("PT …") is dropped, as are editor
initials ("yan", "mdk/yan") and lower-case words.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from lxml import etree
from lxml.html import HtmlElement

from clipper.dates import parse_date, time_unknown
from clipper.domains import site_label
from clipper.extract.meta import clean_author, squeezed

logger = logging.getLogger(__name__)

# Segments read before the title (the dateline sits above it on some layouts) and after it.
BEFORE_TITLE = 6
AFTER_TITLE = 40
# A segment this long is story text: the dateline is above it.
STORY_SEGMENT_CHARS = 200
# Bylines are searched in this many segments (a whole page runs 800-3,000).
BYLINE_SEGMENTS = 3000

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button"}
_CLOCK = re.compile(r"(?<![\d/.:-])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d/])")
_DATE_WORDS = re.compile(
    r"\b\d{1,2}\s*(?:/|-|\s)\s*(?:\d{1,2}|jan\w*|feb\w*|mar\w*|apr\w*|mei|may|jun\w*|jul\w*|agu\w*|aug\w*|sep\w*"
    r"|okt\w*|oct\w*|nov\w*|des\w*|dec\w*)\s*(?:/|-|\s|,)\s*\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)
_UPDATED = re.compile(r"\b(?:diperbarui|diupdate|update[d]?|pembaruan|last updated)\b", re.I)
_LABEL = re.compile(
    r"^(?:penulis|reporter|rep(?=\s*:)|pewarta|oleh|wartawan|kontributor|ditulis oleh|laporan(?: wartawan| reporter"
    r"| koresponden)?(?: [^,:]{1,40})?,)\s*:?\s*(?P<rest>.*)$", re.I)
_STOP = re.compile(r"\s+(?:pada|on|diperbarui)\s+.*$|\s*[|–—]\s.*$|\s+-\s.*$|,\s*\d.*$"
                   r"|\s*/?\s*\bred(?:aktur)?\s*:.*$", re.I)  # "Rep: Name Red: Editor" (Republika)
_PARTICLES = {"bin", "binti", "van", "de", "der", "al", "el", "da", "di", "von", "la"}


def page_segments(tree: HtmlElement) -> list[str]:
    """The page's visible text nodes in order, each with its spaces collapsed."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    segments: list[str] = []
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        if event == "start":
            if not isinstance(element.tag, str) or element.tag in _SKIP:
                walk.skip_subtree()  # its tail still counts (the "end" event comes)
                continue
            text = element.text
        elif element is root:
            continue
        else:
            text = element.tail
        if text and not text.isspace():
            segments.append(" ".join(text.split()))
    return segments


def dateline(segments: list[str], title: str) -> datetime | None:
    """The publication moment shown near the title (a date with a clock time), or None."""
    start = _title_index(segments, title)
    if start is None:
        return None
    window = segments[max(0, start - BEFORE_TITLE): start + AFTER_TITLE]
    for position, segment in enumerate(window, max(0, start - BEFORE_TITLE)):
        if position > start and len(segment) >= STORY_SEGMENT_CHARS:
            break
        candidate = _dated(segment, window, position - max(0, start - BEFORE_TITLE))
        if candidate is not None:
            return candidate
    return None


def _dated(segment: str, window: list[str], index: int) -> datetime | None:
    """A moment in this segment, or in it and the next one (date and time in two elements)."""
    if len(segment) > STORY_SEGMENT_CHARS or _UPDATED.search(segment):
        return None
    if not _DATE_WORDS.search(segment):
        return None
    text = segment
    if not _CLOCK.search(_DATE_WORDS.sub(" ", text)):
        following = window[index + 1] if index + 1 < len(window) else ""
        if len(following) > 20 or not _CLOCK.search(following):
            return None
        text = f"{segment} {following}"
    return parse_date(text)


def _title_index(segments: list[str], title: str) -> int | None:
    """Where the title is shown: its last appearance among the first 21 segments (the <title>
    and breadcrumbs come before the <h1>), else its first one further down."""
    if not title:
        return None
    words = _words(title)
    found = None
    for index, segment in enumerate(segments[:400]):
        if _words(segment) == words:
            found = index
            if index > 20:
                break
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def pick_author(meta: dict[str, str], document, segments: list[str], url: str) -> str | None:
    """The page's labelled byline, else the first metadata author that names a person."""
    publishers = (meta.get("og:site_name"), meta.get("ld:publisher"), site_label(url))
    shown = byline(segments, publishers)
    if shown:
        return shown
    article_author = meta.get("article:author", "")
    candidates = (
        meta.get("ld:author"),
        meta.get("author"),
        meta.get("content_author"),
        None if article_author.startswith("http") else article_author,
        meta.get("dc.creator"),
        meta.get("dable:author"),
        document.author if document else None,
    )
    return next((name for name in (person_name(c, publishers) for c in candidates) if name), None)


def publication_time(metadata: datetime | None, shown: datetime | None) -> datetime | None:
    """The metadata's time unless the page's own dateline disagrees (or metadata has no time)."""
    if shown is None:
        return metadata
    if metadata is None or time_unknown(metadata):
        return shown
    if abs((metadata - shown).total_seconds()) >= 60:
        logger.debug("dateline %s wins over metadata %s", shown, metadata)
        return shown
    return metadata


def byline(segments: list[str], publisher_names: tuple[str | None, ...]) -> str | None:
    """The writer the page names in a labelled byline, or None."""
    for index, segment in enumerate(segments[:BYLINE_SEGMENTS]):
        if len(segment) > 120:
            continue
        found = _LABEL.match(segment)
        if not found:
            continue
        rest = found.group("rest").strip(" :")
        if not rest and index + 1 < len(segments):
            rest = segments[index + 1].strip(" :")
        name = person_name(_STOP.sub("", rest), publisher_names)
        if name:
            return name
    return None


def person_name(raw: str | None, publisher_names: tuple[str | None, ...]) -> str | None:
    """The people in an author value; publishers, teams, initials and lower-case words dropped."""
    cleaned = clean_author(raw)
    if not cleaned:
        return None
    keys = [squeezed(name) for name in publisher_names if name]
    keys = [key for key in keys if len(key) >= 4]
    people = [name for name in cleaned.split("; ") if _is_person(name, keys)]
    return "; ".join(people) or None


def _is_person(name: str, publisher_keys: list[str]) -> bool:
    words = name.split()
    letters = squeezed(name)
    if re.match(r"(?i)^(?:tim|team|pt|cv|redaksi|admin|desk|kantor berita)\b", name):
        return False
    if any(key in letters or (len(letters) >= 5 and letters in key) for key in publisher_keys):
        return False
    if len(words) == 1 and len(name) <= 3:  # initials: "yan", "ant", "RHS"
        return False
    return all(word[0].isupper() or word.casefold() in _PARTICLES or not word[0].isalpha() for word in words)
