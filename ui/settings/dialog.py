"""Pengaturan: sources, topic terms, editor, institution, archive, email; saved to sources.yaml."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.errors import ConfigError
from clipper.workspace.editor import ConfigEditor
from ui.app import DATABASE_SETTING
from ui.errors import describe
from ui.i18n import LANGUAGES, _
from ui.settings.email_page import EmailPage
from ui.settings.fields import ERROR_STYLE
from ui.settings.sources_page import SourcesPage
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

# DATABASE_SETTING (ui.app): the app's own setting (QSettings, per user and computer: each
# installation connects itself): the archive it opens, a SQLite path or postgresql://USER@HOST:PORT/DB;
# empty = the user's file.


def database_problem(text: str) -> str | None:
    """Why ``text`` cannot be the archive setting (None: fine)."""
    from clipper.errors import StoreError
    from clipper.store.locator import parse_locator
    if not text:
        return None
    try:
        dialect, target = parse_locator(text)
    except StoreError as exc:
        return str(exc)
    if dialect == "postgresql" and "@" in target and ":" in target.split("://", 1)[1].rpartition("@")[0]:
        return _("Jangan tulis kata sandi di alamat arsip; simpan di berkas pgpass (lihat README, Mode tim).")
    return None


class SettingsDialog(QDialog):
    """Edits a ConfigEditor; every field is checked as it is typed with sources.yaml's own rules,
    Simpan is off while anything is wrong, and the file is only written when all of it is valid."""

    saved = Signal(object)  # the new Config

    def __init__(self, config: Config, tasks: TaskRunner, parent: QWidget | None = None,
                 labels: dict[str, str] | None = None):
        super().__init__(parent)
        self.config, self.tasks = config, tasks
        self.setWindowTitle(_("Pengaturan"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.editor = ConfigEditor.load(config.path)
        self.labels = labels or {"kemenag": "Kementerian Agama", "litbang": "Litbang", "covid": "Covid-19"}
        self.sources_page = SourcesPage(self.editor, config, tasks)
        self.email = EmailPage(self.editor.email_values(), config, tasks)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sources_page, _("Sumber"))
        self.tabs.addTab(self._topics_tab(), _("Topik"))
        self.tabs.addTab(self._general_tab(), _("Editor dan kliping"))
        self.tabs.addTab(self.email, _("Email"))
        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.errors = QPlainTextEdit()
        self.errors.setReadOnly(True)
        self.errors.setMaximumHeight(90)
        self.errors.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(_("Simpan"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.sources_page.changed.connect(self.revalidate)
        self.email.changed.connect(self.revalidate)
        self.database.textChanged.connect(self.revalidate)
        self.revalidate()
        self.resize(900, 640)

    # --- the smaller tabs ---------------------------------------------------------------------

    def _topics_tab(self) -> QWidget:
        page = QWidget()
        self.topic = QComboBox()
        for topic_id, label in self.labels.items():
            self.topic.addItem(label, topic_id)
        self.terms = QPlainTextEdit()
        self.terms.setPlaceholderText(_("Satu istilah per baris; menambah aturan bawaan topik ini"))
        self._terms: dict[str, str] = {}
        self._topic_shown = self.topic.currentData()
        self.terms.setPlainText("\n".join(self.editor.topic_terms(self._topic_shown or "")))
        self.topic.currentIndexChanged.connect(self._topic_changed)
        layout = QFormLayout(page)
        layout.addRow(_("Topik"), self.topic)
        layout.addRow(_("Istilah tambahan"), self.terms)
        return page

    def _topic_changed(self) -> None:
        self._terms[self._topic_shown] = self.terms.toPlainText()
        self._topic_shown = self.topic.currentData()
        text = self._terms.get(self._topic_shown)
        self.terms.setPlainText(text if text is not None else "\n".join(self.editor.topic_terms(self._topic_shown)))

    def _general_tab(self) -> QWidget:
        page = QWidget()
        self.editor_name = QLineEdit(self.editor.get("editor", "name", default="") or "")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self.config.editor.language), 0))
        self.institution = QPlainTextEdit("\n".join(self.config.edition.institution))
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 60)
        self.interval.setSuffix(_(" menit"))
        self.interval.setSpecialValueText(_("mati"))
        self.interval.setValue(int(QSettings().value("harvest/interval_minutes", 0) or 0))
        self.database = QLineEdit(str(QSettings().value(DATABASE_SETTING, "") or ""))
        self.database.setPlaceholderText(_("kosong: berkas di komputer ini; tim: postgresql://nama@server:5432/kliping"))
        layout = QFormLayout(page)
        layout.addRow(_("Nama editor"), self.editor_name)
        layout.addRow(_("Bahasa antarmuka (berlaku saat dibuka lagi)"), self.language)
        layout.addRow(_("Nama lembaga di PDF (satu per baris)"), self.institution)
        layout.addRow(_("Panen terjadwal selama aplikasi terbuka"), self.interval)
        layout.addRow(_("Arsip (berlaku saat dibuka lagi)"), self.database)
        return page

    # --- checking as typed --------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every field problem of every tab, one line each (empty: Simpan is possible)."""
        lines = self.sources_page.problem_lines()
        for key, message in self.email.problems().items():
            caption = self.email.form.labels[key].text() or key
            lines.append(_("Email: {field}: {message}").format(field=caption, message=message))
        database = database_problem(self.database.text().strip())
        if database:
            lines.append(_("Arsip: {message}").format(message=database))
        return lines

    def revalidate(self) -> None:
        """Show what is wrong under the tabs and allow Simpan only when nothing is."""
        problems = self.problems()
        self.save_button.setEnabled(not problems)
        text = _("Belum dapat disimpan: {first}").format(first=problems[0]) if problems else ""
        if len(problems) > 1:
            text += _(" (dan {n} lagi)").format(n=len(problems) - 1)
        self.summary.setText(text)
        self.summary.setVisible(bool(problems))

    # --- save ---------------------------------------------------------------------------------

    def apply_fields(self) -> None:
        """Copy the changed fields of the other tabs into the ConfigEditor (sources are already in
        it); a field left as it was is not rewritten, so its formatting and comments stay."""
        self._terms[self._topic_shown] = self.terms.toPlainText()
        for topic_id, text in self._terms.items():
            terms = [t.strip() for t in text.splitlines() if t.strip()]
            if topic_id and terms != self.editor.topic_terms(topic_id):
                self.editor.set_topic_terms(topic_id, terms)
        name = self.editor_name.text().strip()
        if name != (self.editor.get("editor", "name", default="") or ""):
            self.editor.set_editor_name(name)
        if self.language.currentData() != self.config.editor.language:
            self.editor.set_language(self.language.currentData())
        institution = [line.strip() for line in self.institution.toPlainText().splitlines() if line.strip()]
        if institution != list(self.config.edition.institution):
            self.editor.set_institution(institution)
        self.editor.set_email_values(self.email.values())

    def save(self) -> None:
        """Write sources.yaml when every field is valid (else list what is wrong), then the password."""
        problems = self.problems()
        if problems:
            self.show_errors(problems)
            return
        self.apply_fields()
        try:
            config = self.editor.save()
        except ConfigError as exc:
            self.show_errors(exc.problems)
            return
        except OSError as exc:
            self.show_errors([describe(exc)])
            return
        QSettings().setValue("harvest/interval_minutes", self.interval.value())
        QSettings().setValue(DATABASE_SETTING, self.database.text().strip())
        self.config = config
        if not self.email.store_password(lambda _backend: self._done(config), self._password_failed):
            self._done(config)

    def _done(self, config: Config) -> None:
        self.saved.emit(config)
        self.accept()

    def _password_failed(self, exc: Exception) -> None:
        """The file is saved; the password is not: say so here and stay open."""
        self.saved.emit(self.config)
        self.tabs.setCurrentWidget(self.email)
        self.show_errors([_("Pengaturan disimpan, tetapi kata sandi tidak: {error}").format(error=describe(exc))])

    def show_errors(self, problems: list[str]) -> None:
        self.errors.setPlainText("\n".join(problems))
        self.errors.show()
