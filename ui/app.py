"""The desktop application's entry point: QApplication, excepthook, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

logger = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    """Start Clipper's window (the `clipper-gui` script)."""
    parser = argparse.ArgumentParser(prog="clipper-gui")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("Clipper — antrean tinjauan segera hadir.")
    label.setWindowTitle("Clipper")
    label.resize(640, 400)
    label.show()
    return app.exec()
