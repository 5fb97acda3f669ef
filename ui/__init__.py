"""Clipper's PySide6 desktop application (imports clipper, never the reverse)."""

from ui import qt_compat  # noqa: F401  - before any Qt call: see ui/qt_compat.py
