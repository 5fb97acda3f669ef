"""Qt's own words in Bahasa Indonesia: standard buttons, text-field menus, file and message dialogs.

Qt ships no Indonesian catalogue (PySide6 has qtbase_*.qm for ~30 languages, not "id"), so its
standard buttons said Yes/No/Save/Cancel inside an Indonesian app. This translator answers for
the strings Qt itself shows; installed on the application while the interface is Indonesian,
together with the Indonesian locale (calendar month and day names).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

# Qt's source text (as in its .ts files, "&" marks the access key) → Indonesian.
QT_INDONESIAN = {
    # QPlatformTheme: standard buttons of QDialogButtonBox and QMessageBox
    "OK": "OK", "Save": "Simpan", "Save All": "Simpan semua", "Open": "Buka", "&Yes": "&Ya",
    "Yes to &All": "Ya untuk &semua", "&No": "&Tidak", "N&o to All": "Tidak untuk s&emua", "Abort": "Hentikan",
    "Retry": "Coba lagi", "Ignore": "Abaikan", "Close": "Tutup", "Cancel": "Batal", "Discard": "Buang",
    "Don't Save": "Jangan simpan", "Close without Saving": "Tutup tanpa menyimpan", "Help": "Bantuan",
    "Apply": "Terapkan", "Reset": "Atur ulang", "Restore Defaults": "Kembalikan bawaan", "Yes": "Ya", "No": "Tidak",
    # QMessageBox
    "Show Details...": "Tampilkan rincian…", "Hide Details...": "Sembunyikan rincian…",
    # QLineEdit / QWidgetTextControl context menus
    "&Undo": "&Urungkan", "&Redo": "U&lang", "Cu&t": "Po&tong", "&Copy": "&Salin", "&Paste": "&Tempel",
    "Delete": "Hapus", "Select All": "Pilih semua", "Copy &Link Location": "Salin &alamat tautan",
    # QFileDialog (Qt's own dialog, used where no native one exists)
    "Look in:": "Lihat di:", "File &name:": "&Nama berkas:", "Files of type:": "Jenis berkas:", "&Open": "&Buka",
    "&Save": "&Simpan", "&Choose": "&Pilih", "Directory:": "Folder:", "Back": "Kembali", "Forward": "Maju",
    "Parent Directory": "Folder induk", "Create New Folder": "Buat folder baru", "List View": "Tampilan daftar",
    "Detail View": "Tampilan rinci", "All Files (*)": "Semua berkas (*)", "Name": "Nama", "Size": "Ukuran",
    "Type": "Jenis", "Date Modified": "Tanggal diubah", "New Folder": "Folder baru", "&New Folder": "Folder &baru",
    "&Delete": "&Hapus", "&Rename": "&Ganti nama", "Show &hidden files": "Tampilkan berkas &tersembunyi",
    "Recent Places": "Tempat terakhir", "My Computer": "Komputer", "Computer": "Komputer",
    "Find Directory": "Cari folder", "Open File": "Buka berkas", "Save As": "Simpan sebagai",
    "Are you sure you want to delete '%1'?": "Yakin akan menghapus '%1'?",
    "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti?",
    # QInputDialog, QProgressDialog, QWizard
    "Enter a value:": "Isikan nilai:", "&Next >": "&Berikutnya >", "< &Back": "< &Kembali", "&Finish": "&Selesai",
}


class IndonesianQt(QTranslator):
    """Answers Qt's own strings from QT_INDONESIAN (None: not ours, Qt keeps its text; an empty
    string would be taken as the translation: "Ctrl+Z" lost its "Ctrl+")."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return QT_INDONESIAN.get(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


_installed: IndonesianQt | None = None


def use_indonesian_qt(on: bool) -> None:
    """Install (or remove) the translator and the Indonesian locale on the running application."""
    global _installed
    app = QApplication.instance()
    if app is None:
        return
    if on and _installed is None:
        _installed = IndonesianQt(app)
        app.installTranslator(_installed)
        QLocale.setDefault(QLocale(QLocale.Indonesian, QLocale.Indonesia))
    elif not on and _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
