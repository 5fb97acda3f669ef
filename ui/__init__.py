"""Clipper's PySide6 desktop application (imports clipper, never the reverse)."""
