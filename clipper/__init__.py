"""Clipper: the Qt-free core of the digital news clipping tool (kliping digital)."""

from __future__ import annotations

__version__ = "0.1.0"
