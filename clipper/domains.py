"""Which site an address belongs to: the registrable domain ("detik.com", "kompas.id",
"kemenag.go.id") and its name label ("detik", "kemenag"), whatever the subdomain.

Indonesian media serve one site from many hosts (news.detik.com, m.detik.com,
economy.okezone.com, jatim.antaranews.com); per-media rules, publisher names and title
suffixes are matched on the registrable domain. Second-level registries of .id and other
country domains ("co.id", "go.id", "ac.id", "or.id", "web.id", "sch.id", "my.id", "ponpes.id",
"co.uk", "com.my", "com.sg") count as part of the suffix.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

SECOND_LEVEL = {"co", "go", "ac", "or", "web", "sch", "my", "mil", "net", "com", "org", "gov", "edu", "biz",
                "ponpes", "desa", "nom"}


def host_of(url_or_host: str) -> str:
    """The lower-case host of a URL (or a bare host), without port or trailing dot."""
    text = url_or_host.strip()
    host = urlsplit(text).hostname if "//" in text else text.split("/", 1)[0].split(":", 1)[0]
    return (host or "").lower().rstrip(".")


def registrable_domain(url_or_host: str) -> str:
    """"news.detik.com" → "detik.com"; "www.kemenag.go.id" → "kemenag.go.id"; an IP stays whole."""
    host = host_of(url_or_host)
    parts = host.split(".")
    if len(parts) < 2 or host.replace(".", "").isdigit():
        return host
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in SECOND_LEVEL:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def site_label(url_or_host: str) -> str:
    """The site's name in its address: "economy.okezone.com" → "okezone", "kemenag.go.id" → "kemenag"."""
    return registrable_domain(url_or_host).split(".", 1)[0]
