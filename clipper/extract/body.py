"""The article body as the page lays it out: the container of the story, read block by block.

trafilatura finds most of a story's paragraphs but also keeps what sits beside them (teaser
lists, captions, "Baca juga" boxes, most-read lists) and drops what it takes for chrome
(subheadings inside ad-laden markup, pages hidden until the reader scrolls, the numbered items of
a list article). Here its paragraphs only SEED the search for the story's container: the
element whose text covers them best (recall weighted over precision), which is then read in
page order, block by block, leaving out the subtrees that real Indonesian news pages use for
everything but the story (ads, related and teaser boxes, captions, share and comment widgets,
embedded posts), and links-only blocks or <br>-separated lines. The story's continuation in
sibling blocks of the same kind (KLY's hidden "paging" sections, numbered list items) is read
too. A promo or note that trafilatura kept after the story does not widen the container: the
block holding the lead and most of the seed text wins. A story wrapper named like a share bar
or byline box loses that name before trafilatura reads the page (unmask_story_wrappers).

Constants were chosen on the development split of the real pages (bench/extraction.py).
"""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# Seed paragraphs shorter than this are not looked for (a date, a label, a byline).
SEED_MIN_CHARS = 60
# Found seeds must hold at least this share of all seed text, or the page is left to trafilatura.
SEED_COVERAGE = 0.6
# A container is weighed by F-beta of seed text it covers (recall) against its own text
# (precision); beta 2 prefers the whole story over a tight part of it (1.5-3 gave the same).
BETA = 2.0
# A block holding at least this share of the seed text, with the lead in it and only later seeds
# outside it, is the story: what trafilatura kept after it (a promo, a note) does not widen the
# container to the page wrapper (0.75-0.9 gave the same dev figures).
STRAY_SHARE = 0.8
# A hidden block with less prose than this is chrome (a menu, a modal), not a hidden page.
HIDDEN_PAGE_PROSE = 300
# A sibling block carries the story on when it shares a class with the container and holds at
# least this much text in paragraphs and headings (a numbered item: heading plus a sentence).
CONTINUATION_PROSE = 60
# A block this short whose text is mostly link text is a teaser or related link, not the story.
LINK_BLOCK_CHARS = 300
# A paragraph wholly in italics before the story's first line is the lead photo's caption
# (WordPress media set it so: "Bupati … saat memimpin …, Jumat (9/10)."); up to this long.
LEAD_CAPTION_CHARS = 300
LINK_BLOCK_DENSITY = 0.6
# A wrapper named like a share bar or a byline box ("sosmedsticky author-and-share", okezone
# 2017) that holds at least this much unlinked paragraph text is the story's own wrapper: its
# furniture name is dropped before trafilatura (which discards such classes) and the container
# search see it. A byline box or share bar holds no paragraphs; a teaser list's are links.
WRAPPER_PROSE = 500
# Paragraphs shorter than this, or mostly link text, do not count towards it.
WRAPPER_PARAGRAPH_CHARS = 80

BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"})
INLINE = frozenset({"a", "b", "strong", "em", "i", "u", "span", "font", "sup", "sub", "small", "mark", "abbr",
                    "cite", "q", "time", "br", "wbr", "s", "del", "ins"})
SKIP = frozenset({"script", "style", "noscript", "iframe", "figure", "figcaption", "aside", "nav", "footer", "form",
                  "button", "svg", "video", "audio", "select", "textarea", "input", "table", "picture", "template",
                  "object", "embed", "canvas", "map", "header", "img"})
# Class and id words of what is never the story on Indonesian news pages (whole words of the
# attribute: "article-content-body" is not matched by "body", "share-box" is by "share").
NOT_STORY = re.compile(
    r"(?:^|[\s_\-])(?:ads?|advert\w*|iklan|banner|promo\w*|related|terkait|rekomendasi|recommend\w*|"
    r"baca-?juga|bacajuga|read-?also|readalso|lihat-?juga|also-read|share\w*|sosmed|social\w*|comments?|"
    r"komentar|tags?|topik|breadcrumbs?|author|penulis|editor|byline|caption|credits?|copyright|video\w*|"
    r"embed\w*|twitter-tweet|instagram-media|tiktok\w*|newsletter|subscribe|widget\w*|jixie\w*|popular|populer|"
    r"terpopuler|trending|terbaru|latest|terkini|nav\w*|menu\w*|footer|sidebar|pagination|pager|flying-carpet|"
    r"parallax|gpt|dfp|outbrain|taboola|mgid|sponsor\w*|rating|reaction\w*|inline-link|box-related|list-news|"
    r"btn|button|sr-only|print|gallery|photo-gallery|imageinfo|image-info|img-info|foto-info)(?:$|[\s_\-])",
    re.I)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WORDS = re.compile(r"\w+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _hidden(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _prose(element: HtmlElement) -> int:
    return sum(len(block.text_content()) for block in element.iter("p", "h2", "h3"))


def not_story(element: HtmlElement) -> bool:
    """Whether a subtree is page furniture (ads, teasers, captions, widgets …), not the story."""
    if not isinstance(element.tag, str) or element.tag in SKIP:
        return True
    if element.tag not in INLINE or element.tag == "span":
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if names.strip() and NOT_STORY.search(names):
            return True
    if _hidden(element):  # pages of the story hidden until the reader scrolls hold prose
        return _prose(element) < HIDDEN_PAGE_PROSE
    return False


_WIDGET_HINT = re.compile(r"share|social|sosmed|author|penulis|byline", re.I)  # (cheap first look)
_WIDGET_NAME = re.compile(r"^(?:share\w*|social\w*|sosmed|author\S*|penulis|byline|\S*-share|\S*-author)$", re.I)


def _own_prose(element: HtmlElement) -> int:
    """Text in the element's paragraphs that are long and mostly not links."""
    total = 0
    for paragraph in element.iter("p"):
        text = _norm(paragraph.text_content())
        if len(text) >= WRAPPER_PARAGRAPH_CHARS and _link_share(paragraph, text) < 0.5:
            total += len(text)
    return total


def unmask_story_wrappers(tree: HtmlElement) -> int:
    """Drop share/byline class names from wrappers that hold the story's paragraphs (see
    WRAPPER_PROSE); returns how many were changed."""
    changed = 0
    for element in tree.iter("div", "section", "article"):
        names = element.get("class")
        if not names or not _WIDGET_HINT.search(names):
            continue
        widget = [name for name in names.split() if _WIDGET_NAME.match(name)]
        if widget and _own_prose(element) >= WRAPPER_PROSE:
            element.set("class", " ".join(name for name in names.split() if name not in widget))
            changed += 1
    return changed


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))[:50]


def _runs(element: HtmlElement) -> list[str]:
    """An element's own text as the reader sees it, one string per <br>-separated run (a 2015
    layout holds the whole story in one <span>, paragraphs between <br><br>); inline children
    count, block children are elements of their own."""
    if not len(element):
        return [element.text or ""]
    runs, run = [], [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            runs.append("".join(run))
            run = []
        elif tag in INLINE and tag != "span":
            run.append(child.text_content())
        run.append(child.tail or "")
    runs.append("".join(run))
    return runs


def find_container(tree: HtmlElement, seeds: list[str]) -> HtmlElement | None:
    """The element that holds the story whose paragraphs ``seeds`` are (None: not found)."""
    wanted = {_key(line): len(line) for line in seeds if len(_norm(line)) >= SEED_MIN_CHARS}
    if not wanted:
        return None
    by_prefix: dict[str, list[str]] = {}  # a seed's first 30 key characters -> the seeds, in order
    for seed in wanted:
        by_prefix.setdefault(seed[:30], []).append(seed)
    hits, found = [], set()
    for element in tree.iter("p", "div", "li", "blockquote", "span", "td", "section", "article", "font"):
        if element.tag in ("p", "li", "blockquote"):  # (and its <br>-separated paragraphs, Republika 2016)
            texts = [element.text_content(), *(_runs(element)[1:] if element.find("br") is not None else ())]
        else:
            texts = _runs(element)
        for own in texts:
            if len(own) < 30:  # (most elements: cheaper than their key)
                continue
            key = _key(own)
            if len(key) < 30:
                continue
            seed = next((s for s in by_prefix.get(key[:30], ()) if s not in found), None)
            if seed is not None:
                hits.append((element, wanted[seed]))
                found.add(seed)
    total = sum(weight for _, weight in hits)
    if not hits or total < SEED_COVERAGE * sum(wanted.values()):
        return None
    covered: dict[HtmlElement, int] = {}
    for element, weight in hits:
        for ancestor in (element, *element.iterancestors()):
            covered[ancestor] = covered.get(ancestor, 0) + weight
    beta2 = BETA * BETA

    def score(item: tuple[HtmlElement, int]) -> float:
        element, weight = item
        recall = weight / total
        precision = min(1.0, weight / (len(" ".join(element.text_content().split())) or 1))
        return (1 + beta2) * precision * recall / (beta2 * precision + recall)

    candidates = [(e, w) for e, w in covered.items() if w >= total / 2]
    best = max(candidates, key=score)[0]
    inner = _story_block(best, covered, hits[0][0])
    while inner is not None:
        best = max(((e, w) for e, w in candidates if e is inner or inner in e.iterancestors()), key=score)[0]
        inner = _story_block(best, covered, hits[0][0])
    return best


def _story_block(container: HtmlElement, covered: dict[HtmlElement, int], lead: HtmlElement) -> HtmlElement | None:
    """The child of ``container`` that holds the story when only later seeds lie outside it, else None
    (never a block that is itself furniture: a long promo before the story is no story block).

    Seeds are found in page order, so a child holding the first one (the lead) holds every seed
    before the others; those others come after it.
    """
    weight = covered[container]
    child = max((c for c in container if c in covered), key=covered.__getitem__, default=None)
    if child is None or covered[child] == weight or covered[child] < STRAY_SHARE * weight or not_story(child):
        return None
    return child if child is lead or child in lead.iterancestors() else None


def continuation(container: HtmlElement) -> list[HtmlElement]:
    """Following siblings of the container (or of its parent) that carry the story on."""
    more: list[HtmlElement] = []
    for anchor in (container, container.getparent()):
        if anchor is None or anchor.tag in ("body", "html"):
            break
        classes = set((anchor.get("class") or "").split())
        for sibling in anchor.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            own = set((sibling.get("class") or "").split())
            if classes & own and _prose(sibling) >= CONTINUATION_PROSE and not NOT_STORY.search(" ".join(own - classes)):
                more.append(sibling)
        if more:
            break
    return more


def _text(value: str | None) -> str:
    return (value or "").replace("\n", " ").replace("\r", " ")  # source line breaks are spaces


def block_text(element: HtmlElement) -> str:
    """A block's text: <br> as a line break, furniture inside it left out."""
    parts = [_text(element.text)]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(_text(child.tail))
            continue
        if child.tag == "br":
            parts.append("\n")
        elif not not_story(child):
            parts.append(block_text(child))
        parts.append(_text(child.tail))
    return "".join(parts)


def _link_share(element: HtmlElement, text: str) -> float:
    return sum(len(_norm(a.text_content())) for a in element.iter("a")) / max(1, len(text))


def _all_italic(element: HtmlElement, flat: str) -> bool:
    """A paragraph whose whole text is in <em>/<i>."""
    italic = "".join(child.text_content() for child in element if isinstance(child.tag, str)
                     and child.tag in ("em", "i"))
    return bool(flat) and _norm(italic) == flat


def _unlinked_lines(run: list[tuple[str, int]]) -> str:
    """Inline text as lines, without the lines that are short and mostly link text (a list of
    teaser links set between <br>s after the story: KapanLagi's "Jangan Lewatkan")."""
    lines, text, linked = [], [], 0
    for piece, link_chars in (*run, ("\n", 0)):
        *done, rest = piece.split("\n")
        for part in done:
            flat = _norm("".join(text) + part)
            if not (flat and len(flat) < LINK_BLOCK_CHARS and linked > LINK_BLOCK_DENSITY * len(flat)):
                lines.append(flat)
            text, linked = [], 0
        text.append(rest)
        linked += link_chars
    return "\n".join(lines)


def read_blocks(container: HtmlElement) -> list[str]:
    """The container's story, one line per block (paragraph, heading, list item, <br> line)."""
    lines: list[str] = []

    def emit(text: str) -> None:
        lines.extend(line for line in map(_norm, text.split("\n")) if line)

    def walk(element: HtmlElement) -> None:
        if element is not container and not_story(element):
            return
        if element.tag in BLOCKS:
            text = block_text(element)
            flat = _norm(text)
            if not lines and len(flat) <= LEAD_CAPTION_CHARS and _all_italic(element, flat):
                return  # the photo's caption, set in italics above the story
            if flat and not (len(flat) < LINK_BLOCK_CHARS and _link_share(element, flat) > LINK_BLOCK_DENSITY):
                emit(text)
            return
        run: list[tuple[str, int]] = [(_text(element.text), 0)]  # inline text between blocks, with its
        for child in element:                                      # link text (<br>-separated bodies)
            if not isinstance(child.tag, str):
                run.append((_text(child.tail), 0))
                continue
            if child.tag == "br":
                run.append(("\n", 0))
            elif child.tag in INLINE:
                if not not_story(child):
                    text = block_text(child)
                    run.append((text, sum(len(_norm(a.text_content())) for a in child.iter("a")) if "\n" not in text else 0))
            else:
                emit(_unlinked_lines(run))
                run = []
                walk(child)
            run.append((_text(child.tail), 0))
        emit(_unlinked_lines(run))

    walk(container)
    return lines


def story_lines(tree: HtmlElement, seeds: list[str]) -> list[str] | None:
    """The story's lines, found from trafilatura's paragraphs ``seeds`` (None: not found)."""
    container = find_container(tree, seeds)
    if container is None:
        return None
    lines = read_blocks(container)
    for sibling in continuation(container):
        lines += read_blocks(sibling)
    return lines
