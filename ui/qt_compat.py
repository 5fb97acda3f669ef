"""Work around PySide6 6.12 on Python 3.11: every call of a void Qt method drops a reference to None."""

from __future__ import annotations

import ctypes
import logging
import sys

logger = logging.getLogger(__name__)

# Measured here (PySide6-Essentials 6.12.0, shiboken6 6.12.0, CPython 3.11): 200 calls of
# QLabel.setText or QApplication.processEvents lower sys.getrefcount(None) by 200. None
# starts near 4,000 references, so a window dies within seconds ("Fatal Python error:
# none_dealloc"). CPython 3.12+ makes None immortal; on 3.11 we give None the same kind of
# huge reference count once, at import, which turns the leak into a harmless decrement.
NONE_BALLAST = 1 << 48


def protect_none() -> bool:
    """Make None effectively immortal on CPython < 3.12; True if the count was raised."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < NONE_BALLAST:
        refcount.value += NONE_BALLAST
        logger.debug("None's reference count raised (PySide6 void-call leak)")
        return True
    return False


protect_none()
