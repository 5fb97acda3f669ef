"""Which process holds a run: its pid and host, and whether it is still alive (harvest and send runs)."""

from __future__ import annotations

import logging
import os
import socket
from datetime import UTC, datetime, timedelta

logger = logging.getLogger(__name__)


def this_host() -> str:
    """The machine's name, recorded with a run's pid (a pid means nothing on another host)."""
    return socket.gethostname()


def pid_alive(pid: int | None) -> bool:
    """Whether a process with this pid runs on this machine (True when that cannot be told)."""
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, ValueError):  # not a pid at all
        return False
    return True


def run_is_dead(host: str | None, pid: int | None, heartbeat_at: str | None, started_at: str,
                stale_seconds: float) -> bool:
    """Whether a run recorded as running is gone: silent (no heartbeat, else since its start)
    for longer than ``stale_seconds`` on any machine, or its process dead on this one."""
    beat = datetime.fromisoformat(heartbeat_at or started_at)
    if datetime.now(UTC) - beat > timedelta(seconds=stale_seconds):
        return True
    return host == this_host() and not pid_alive(pid)
