"""The desktop application's entry point: QApplication, excepthook, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

# The app's archive setting (QSettings key), read at start before any screen is built.
DATABASE_SETTING = "archive/database"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="clipper-gui", description="Clipper — kliping digital")
    parser.add_argument("--config", type=Path, help="sources.yaml (bawaan: milik pengguna)")
    parser.add_argument("--db", metavar="ARSIP", help="arsip: path SQLite atau postgresql://… (bawaan: pengaturan "
                                                      "aplikasi, lalu $CLIPPER_DB, lalu folder data pengguna)")
    return parser.parse_args(argv if argv is not None else sys.argv[1:])


def archive_for(db: str | Path | None) -> str | Path:
    """The archive the app opens: --db, else the app's setting (Pengaturan), else CLIPPER_DB, else
    the user's file."""
    if db:
        return db
    from PySide6.QtCore import QSettings

    from clipper.store.locator import default_locator
    return str(QSettings().value(DATABASE_SETTING, "") or "").strip() or default_locator()


def create_window(config_path: Path | None, db_path: str | Path | None, *, tasks=None):
    """Load the configuration and build the main window (shown by the caller).

    Raises:
        ConfigError: the configuration is invalid (every problem with file:line: field).
    """
    from clipper.config import default_config_path, ensure_user_config
    from clipper.workspace.configuration import load_config
    from ui.i18n import set_language
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    path = config_path or ensure_user_config(default_config_path())
    config = load_config(path)
    set_language(config.editor.language)
    window = MainWindow(config, tasks or TaskRunner(archive_for(db_path)))
    window.reload()
    return window


def display_problem(environ: dict | None = None, platform: str | None = None) -> str | None:
    """Why no window can open here (Qt would abort the process), or None."""
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("tidak ada layar untuk membuka jendela (DISPLAY dan WAYLAND_DISPLAY kosong). Jalankan dari "
            "sesi desktop, atau lewat `xvfb-run -a clipper-gui`; perintah `clipper` tetap bisa dipakai tanpa layar.")


def main(argv: list[str] | None = None) -> int:
    """Start Clipper's window (the `clipper-gui` script and `clipper gui`)."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    problem = display_problem()
    if problem:
        print(f"clipper-gui: {problem}", file=sys.stderr)
        return 1
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox
    except ImportError as exc:
        print(f"clipper-gui: aplikasi desktop belum terpasang ({exc}). Pasang dengan "
              "`pip install 'clipper[gui]'` (atau `sh scripts/setup.sh`); perintah `clipper` tetap bisa dipakai.",
              file=sys.stderr)
        return 1

    from clipper.errors import ConfigError
    from ui.errors import excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Balitbangdiklat")
    app.setApplicationName("Clipper")
    sys.excepthook = excepthook
    try:
        window = create_window(args.config, args.db)
    except ConfigError as exc:
        box = QMessageBox(QMessageBox.Critical, "Clipper",
                          "Konfigurasi tidak sah; perbaiki berkas lalu buka Clipper lagi.\n\n" + str(exc))
        box.exec()
        return 2
    window.show()
    code = app.exec()
    window.tasks.shutdown()
    return code
