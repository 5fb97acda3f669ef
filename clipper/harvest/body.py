"""Reading a fetched body: is it text, and in which charset (never raises)."""

from __future__ import annotations

import codecs
import logging
import re

from clipper.models import FetchedPage

logger = logging.getLogger(__name__)


# Media types that are text even though they are not text/*.
TEXT_TYPES = frozenset({
    "application/xhtml+xml", "application/xml", "application/rss+xml", "application/atom+xml",
    "application/rdf+xml", "application/json", "application/ld+json", "application/javascript",
    "application/x-javascript", "application/ecmascript",
})  # fmt: skip
BINARY_PREFIXES = ("image/", "audio/", "video/", "font/", "model/")
BINARY_TYPES = frozenset({
    "application/pdf", "application/zip", "application/x-zip-compressed", "application/gzip",
    "application/x-gzip", "application/octet-stream", "application/msword",
    "application/vnd.ms-excel", "application/x-rar-compressed", "application/x-7z-compressed",
    "application/x-tar", "application/wasm", "application/x-shockwave-flash",
})  # fmt: skip
# Signatures of common binary files, for bodies mislabelled as text/html.
BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
                b"RIFF", b"Rar!", b"7z\xbc\xaf")  # fmt: skip
# The sniffing windows: a NUL in the first 1 KB marks binary (WHATWG mime sniffing looks at
# about as much); <meta charset> must be in the first 1024 bytes by the HTML standard, 2 KB
# leaves room for pages that ignore it.
BINARY_SNIFF_BYTES = 1024
CHARSET_SNIFF_BYTES = 2048
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+?encoding\s*=\s*[\"']([\w.:-]+)", re.I)
# Labels browsers read as windows-1252 (WHATWG Encoding): latin-1 and ASCII pages really
# are windows-1252 in the wild (curly quotes in 0x80-0x9F).
_AS_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii"})


def is_textual(result: FetchedPage) -> bool:
    """Tell whether a fetched body is text worth parsing (HTML, XML, JSON, plain text).

    Args:
        result: A fetched response.

    Returns:
        False for images, PDF, archives and octet-stream, and for any body whose first
        1 KB holds NUL bytes or starts like a known binary file, whatever its label.
    """
    head = result.content[:BINARY_SNIFF_BYTES]
    if _bom_encoding(head) is not None:
        return True  # UTF-16/32 text is full of NULs
    if b"\x00" in head or head.startswith(BINARY_MAGIC):
        return False
    media = result.content_type.split(";", 1)[0].strip().lower()
    if not media:
        return True
    if media.startswith(BINARY_PREFIXES) or media in BINARY_TYPES:
        return False
    if media.startswith("text/") or media in TEXT_TYPES:
        return True
    return media.endswith(("+xml", "+json"))


def decode_text(result: FetchedPage) -> str:
    """Decode a fetched body to text the way a forgiving browser would; never raises.

    The charset comes from the Content-Type header, else a byte-order mark, else a
    ``<meta charset>`` or XML declaration in the first 2 KB, else UTF-8, and when UTF-8
    does not fit, windows-1252. A declared charset that fails to decode falls back the
    same way.

    Args:
        result: A fetched response.

    Returns:
        The text, without a leading byte-order mark.
    """
    content = result.content
    if not content:
        return ""
    candidates = [
        _charset_from_header(result.content_type),
        _bom_encoding(content[:4]),
        _charset_from_markup(content[:CHARSET_SNIFF_BYTES]),
    ]
    for encoding in candidates:
        if encoding is None:
            continue
        try:
            return content.decode(encoding).lstrip("\ufeff")
        except (UnicodeDecodeError, LookupError):
            logger.debug("declared charset %s does not fit %s", encoding, result.url)
    return _decode_fallback(content)


def _decode_fallback(content: bytes) -> str:
    """UTF-8, else windows-1252; mostly-UTF-8 text with a stray byte stays UTF-8."""
    try:
        return content.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    lenient = content.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte > replaced:
        return lenient.lstrip("\ufeff")
    return content.decode("cp1252", errors=_C1_ERRORS)


def _c1_controls(error: UnicodeError) -> tuple[str, int]:
    """Python's cp1252 leaves 5 bytes undefined; browsers map them to C1 controls."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


_C1_ERRORS = "clipper.harvest.fetch.c1"
codecs.register_error(_C1_ERRORS, _c1_controls)


def _normalise_charset(label: str | bytes | None) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", errors="ignore")
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def _charset_from_header(content_type: str) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return _normalise_charset(match.group(1)) if match else None


def _charset_from_markup(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    name = _normalise_charset(match.group(1)) if match else None
    if name and name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # we could read the declaration as ASCII, so it is not UTF-16 (WHATWG)
    return name


def _bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None
