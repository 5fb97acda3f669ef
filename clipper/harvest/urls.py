"""Article addresses: one key per article whatever the variant (scheme, www/m/amp, tracking)."""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from clipper.limits import MAX_URL_CHARS

logger = logging.getLogger(__name__)

# Query parameters that only track the reader; they never select a different article.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref|ref_src|"
    r"src|source|from|share|shared|cmpid|cid|campaign|page_from|rcm|xtor|amp|outputtype|"
    r"_branch_match_id|tracking|trk|s_cid|wt\.mc_id|ito|spm|utm)$",
    re.IGNORECASE,
)
HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
AMP_SEGMENTS = {"amp", "amp.html"}
# "The whole article on one page" switches: the same article as its first page
# (kompas, tribunnews, okezone ?page=all; detik ?single=1; others showall/all=1).
WHOLE_PAGE_PARAMS = {("page", "all"), ("page", "semua"), ("single", "1"), ("showall", "1"), ("showall", ""),
                     ("all", "1"), ("view", "all")}


def url_key(url: str) -> str:
    """The identity of an article URL (never raises: a malformed URL is its own key).

    Scheme (http/https), ``www.``/``m.``/``amp.`` hosts, AMP path and query variants,
    "whole article" switches (``?page=all``, ``?single=1``), tracking parameters, fragments,
    default ports and a trailing slash do not change it.

    Args:
        url: an absolute URL as found in a feed, sitemap or page.

    Returns:
        A string such as ``example.id/berita/2026/judul?id=3``.
    """
    try:
        return _key(url)
    except ValueError:  # "http://[::1/x", port 99999: stays unfetched, but keyed and reported
        return url.strip().split("#", 1)[0].lower()


def _key(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    port = parts.port
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    segments = [s for s in unquote(parts.path).split("/")]
    segments = [s for s in segments if s.lower() not in AMP_SEGMENTS]
    if segments and segments[-1].lower().endswith(".amp"):
        segments[-1] = segments[-1][:-4]
    path = "/".join(segments)
    path = re.sub(r"/{2,}", "/", path).rstrip("/") or "/"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(k) and (k.lower(), v.lower()) not in WHOLE_PAGE_PARAMS
    )
    key = host + path
    if query:
        key += "?" + urlencode(query)
    return key


def link_problem(url: str) -> str | None:
    """Why a discovered link cannot be fetched (malformed, not http(s), too long), or None.

    Feeds and pages are hostile input: such a link is skipped and reported, never fetched.
    """
    if len(url) > MAX_URL_CHARS:
        return f"tautan terlalu panjang ({len(url)} karakter; paling banyak {MAX_URL_CHARS})"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        what = "alamat IPv6 rusak" if "IPv6" in str(exc) else "port tidak sah" if "Port" in str(exc) else "rusak"
        return f"tautan tidak sah ({what})"
    if parts.scheme.lower() not in ("http", "https"):
        return "tautan tidak sah (bukan http/https)"
    if not parts.hostname:
        return "tautan tidak sah (tanpa nama host)"
    if port == 0:
        return "tautan tidak sah (port 0)"
    if any(ord(c) < 32 or c == "\x7f" for c in url):
        return "tautan tidak sah (karakter kendali)"
    return None


def clean_url(url: str) -> str:
    """The URL to store and show: tracking parameters and fragment dropped, scheme kept."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMS.match(k)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       urlencode(query), ""))
