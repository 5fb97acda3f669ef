"""Reading a page: bytes to text (declared charset, UTF-8, cp1252), and one forgiving lxml parse."""

from __future__ import annotations

import logging
import re

from lxml import etree
from lxml.html import (HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction,
                       document_fromstring)

from clipper.errors import ExtractionError

logger = logging.getLogger(__name__)

NO_TEXT_REASON = "tidak ada teks artikel"


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


_FLATTEN_TAGS = re.compile(r"</?(?:div|span|section|font|center|article|main)\b[^>]*>", re.I)


def decode_html(html: str | bytes) -> str:
    """Bytes to text: UTF-8 when valid, else the declared charset, else cp1252."""
    if isinstance(html, str):
        return html
    if html.startswith(b"\xef\xbb\xbf"):
        return html[3:].decode("utf-8", "replace")
    if html.startswith((b"\xff\xfe", b"\xfe\xff")):
        return html.decode("utf-16", "replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(html[:4096])
    encoding = declared.group(1).decode("ascii", "ignore").lower() if declared else "cp1252"
    if encoding in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "utf-8", "utf8"):
        encoding = "cp1252"  # what browsers do (WHATWG); a declared UTF-8 just failed
    try:
        return html.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return html.decode("cp1252", "replace")


# lxml.html picks each element's class in a Python callback (forms, inputs ... get their own),
# called ~1,000 times per page by trafilatura's walks; one class for all, chosen in C, saves
# ~1 ms a page (bench/harvest.py pages). Nothing here uses lxml's form helpers.
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity)


def _parse(text: str) -> tuple[HtmlElement | None, bool]:
    """One lxml parse; also says whether libxml2 gave up on excessive nesting."""
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True, huge_tree=True,
        encoding="utf-8",
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        # UTF-8 bytes: libxml2 reads them as they are (a str costs a conversion, ~0.1 ms a page)
        tree = document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        logger.debug("lxml could not parse: %s", exc)
        return None, False
    too_deep = any("depth" in error.message.lower() for error in parser.error_log)
    return tree, too_deep


def load_page(html: str | bytes, url: str) -> tuple[str, HtmlElement]:
    """Decode and parse a page, flattening wrappers when it is nested too deep for lxml."""
    text = _XML_DECLARATION.sub("", decode_html(html).replace("\x00", ""), count=1)
    if not text.strip():
        raise ExtractionError(url, f"{NO_TEXT_REASON} (halaman kosong)")
    tree, too_deep = _parse(text)
    if too_deep:
        logger.info("HTML nested too deep, flattening containers: %s", url)
        text = _FLATTEN_TAGS.sub(" ", text)
        tree, too_deep = _parse(text)
        if too_deep:
            raise ExtractionError(url, "struktur HTML terlalu dalam bersarang, teks tidak terbaca")
    if tree is None:
        raise ExtractionError(url, "halaman bukan HTML yang dapat dibaca")
    return text, tree
