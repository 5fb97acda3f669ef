"""Hosts as sources.yaml names them in `harvest: allow_hosts`: ``host`` or ``host:port``."""

from __future__ import annotations

import ipaddress
import logging
import re

logger = logging.getLogger(__name__)


def host_entry(value: str) -> tuple[str, int | None]:
    """An ``allow_hosts`` entry, ``host`` or ``host:port`` (``[::1]:8080`` for IPv6), as (host, port).

    The host is lower-cased, without brackets or a trailing dot; port None means any port.

    Raises:
        ValueError: with an Indonesian reason.
    """
    text = value.strip().lower()
    if not text or any(c in text for c in "/@?# "):
        raise ValueError(f"bukan host atau host:port (tanpa http:// dan jalur): {value!r}")
    host, port = text, None
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise ValueError(f"bukan host atau host:port: {value!r}")
            port = rest[1:]
    elif text.count(":") == 1:
        host, port = text.split(":")
    host = host.rstrip(".")
    if not host or not re.fullmatch(r"[a-z0-9._:\-]+", host) or (":" in host and not _is_ip(host)):
        raise ValueError(f"bukan host atau host:port: {value!r}")
    if port is None:
        return host, None
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"port tidak sah (1-65535): {value!r}")
    return host, int(port)


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
