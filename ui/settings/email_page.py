"""The Email page: every field of the `email:` section, the password (system keyring), a test message."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.errors import ConfigError
from clipper.mail.message import DEFAULT_BODY, DEFAULT_SUBJECT, TEMPLATE_KEYS
from clipper.mail.secret import ENV_PASSWORD, keyring_problem
from clipper.mail.send import send_test, set_password
from clipper.workspace.fields import email_problems, email_spec, format_recipients, parse_recipients
from ui.errors import describe
from ui.i18n import _
from ui.settings.fields import FieldForm, connect_edits, kept_value
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

# Connection security as an editor reads it; the `security:` value and its usual port in the tooltip.
SECURITY_TEXT = (
    ("starttls", "Enkripsi setelah terhubung (STARTTLS)", "security: starttls — biasanya nomor saluran (port) 587"),
    ("ssl", "Enkripsi sejak awal (SSL/TLS)", "security: ssl — TLS sejak awal; biasanya nomor saluran (port) 465"),
    ("none", "Tanpa enkripsi", "security: none — kata sandi dan isi terkirim terbuka; hanya untuk server di "
     "jaringan sendiri; biasanya nomor saluran (port) 25"),
)
USUAL_PORT = {"starttls": 587, "ssl": 465, "none": 25}
TEST_STATUS = {"sent": "terkirim", "failed": "gagal", "retry": "gagal sementara"}
TEXT_LINES = {"recipients": 5, "body": 6}  # visible lines of the longer fields (more lines scroll)
_NOTE_STYLE = {"problem": "color: #8a4b00;", "fine": "color: #335;"}


class EmailPage(QWidget):
    """The email fields of a sources.yaml, validated as typed; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, values: dict[str, Any], config: Config, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.config, self.tasks = config, tasks
        self.keyring_missing: str | None = None
        self.host, self.username, self.sender, self.sender_name = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password_note = QLabel()
        self.password_note.setWordWrap(True)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.security = QComboBox()
        for key, text, tip in SECURITY_TEXT:
            self.security.addItem(_(text), key)
            self.security.setItemData(self.security.count() - 1, _(tip), Qt.ToolTipRole)
        self.recipients, self.body = QPlainTextEdit(), QPlainTextEdit()
        self.bcc = QCheckBox(_("Satu pesan untuk semua penerima (alamat saling tersembunyi)"))
        self.subject, self.ca_file, self.test_to = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, lines in ((self.recipients, TEXT_LINES["recipients"]), (self.body, TEXT_LINES["body"])):
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        self.subject.setPlaceholderText(DEFAULT_SUBJECT)
        self.body.setPlaceholderText(DEFAULT_BODY)
        self.max_attachment = QDoubleSpinBox()
        self.max_attachment.setRange(0.1, 100)
        self.max_attachment.setSuffix(" MB")
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(1, 600)
        self.timeout.setSuffix(_(" detik"))
        self.ca_button = QPushButton(_("Pilih…"))
        self.test_button = QPushButton(_("Kirim email uji"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.test_to.setPlaceholderText(_("kosong: ke alamat pengirim"))
        self._build()
        self.set_values(values)
        connect_edits(lambda *_args: self.changed.emit(), self.host, self.username, self.sender, self.sender_name,
                      self.password, self.port, self.security, self.recipients, self.bcc, self.subject, self.body,
                      self.max_attachment, self.timeout, self.ca_file)
        self.security.currentIndexChanged.connect(self._security_chosen)
        self.ca_button.clicked.connect(self._choose_ca)
        self.test_button.clicked.connect(self.send_test_mail)
        self.tasks.run_in_background(keyring_problem, self._keyring_checked, lambda exc: self._keyring_checked(
            describe(exc)), parent=self, uses_store=False)

    def _build(self) -> None:
        keys = ", ".join("{" + k + "}" for k in TEMPLATE_KEYS)
        ca_row, test_row = QHBoxLayout(), QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        test_row.addWidget(self.test_to, 1)
        test_row.addWidget(self.test_button)
        password_box = QVBoxLayout()
        password_box.addWidget(self.password)
        password_box.addWidget(self.password_note)
        form = self.form = FieldForm()
        form.add("host", _("Server email keluar"), self.host, _("host: server SMTP, mis. smtp.kemenag.go.id"))
        form.add("security", _("Pengamanan sambungan"), self.security, _("security: starttls, ssl atau none"))
        form.add("port", _("Nomor saluran"), self.port,
                 _("port: 587 untuk STARTTLS, 465 untuk SSL/TLS, 25 tanpa enkripsi"))
        form.add("username", _("Nama pengguna (login)"), self.username,
                 _("username: nama akun di server email; kosongkan bila server tidak meminta login"))
        form.add("password", _("Kata sandi"), password_box,
                 _("Disimpan di penyimpan kata sandi sistem (keyring), tidak pernah di berkas pengaturan"))
        form.add("sender", _("Alamat pengirim"), self.sender, _("sender: alamat email pengirim kliping"))
        form.add("sender_name", _("Nama pengirim"), self.sender_name,
                 _("sender_name: nama yang tampil sebagai pengirim"))
        form.add("recipients", _("Penerima"), self.recipients,
                 _("recipients: satu per baris, Nama <alamat> atau alamat saja"))
        form.add("bcc", "", self.bcc, _("bcc: satu pesan dengan semua penerima sebagai tembusan tersembunyi (BCC); "
                                        "tanpa centang: satu pesan untuk tiap penerima"))
        form.add("subject", _("Judul email"), self.subject,
                 _("subject: kosong memakai bawaan; boleh memakai {keys}").format(keys=keys))
        form.add("body", _("Isi email"), self.body,
                 _("body: kosong memakai bawaan; boleh memakai {keys}").format(keys=keys))
        form.add("max_attachment_mb", _("Ukuran lampiran paling besar"), self.max_attachment,
                 _("max_attachment_mb: PDF yang lebih besar tidak dikirim"))
        form.add("timeout", _("Batas waktu sambungan"), self.timeout, _("timeout: detik menunggu server email"))
        form.add("ca_file", _("Sertifikat server khusus"), ca_row,
                 _("ca_file: berkas sertifikat CA (PEM) bila server email memakai sertifikat lembaga sendiri; "
                   "kosong: sertifikat sistem"))
        form.add("test", _("Kirim uji ke"), test_row, _("Pesan uji singkat tanpa lampiran, dengan isian di atas"))
        inner = QWidget()
        column = QVBoxLayout(inner)
        note = QLabel(_("Kosongkan server untuk tidak memakai email. Kata sandi disimpan di penyimpan kata sandi "
                        "sistem (keyring), tidak pernah di berkas pengaturan."))
        note.setWordWrap(True)
        column.addWidget(note)
        column.addLayout(form)
        column.addWidget(self.test_result)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- values -------------------------------------------------------------------------------

    def set_values(self, values: dict[str, Any]) -> None:
        self._shown = dict(values)
        self.host.setText(values["host"])
        self.port.setValue(int(values["port"]))
        self.security.setCurrentIndex(max(self.security.findData(values["security"]), 0))
        self._security_tip()
        self.username.setText(values["username"] or "")
        self.sender.setText(values["sender"])
        self.sender_name.setText(values["sender_name"] or "")
        self.recipients.setPlainText(format_recipients(values["recipients"]))
        self.bcc.setChecked(bool(values["bcc"]))
        self.subject.setText(values["subject"] or "")
        self.body.setPlainText(values["body"] or "")
        self.max_attachment.setValue(float(values["max_attachment_mb"]))
        self.timeout.setValue(float(values["timeout"]))
        self.ca_file.setText(values["ca_file"] or "")

    def values(self) -> dict[str, Any]:
        """The fields as clipper.workspace.fields.email_values gives them (the password is not one)."""
        return {"host": self.host.text(), "port": self.port.value(), "security": self.security.currentData(),
                "username": self.username.text(), "sender": self.sender.text(), "sender_name": self.sender_name.text(),
                "recipients": parse_recipients(self.recipients.toPlainText()), "bcc": self.bcc.isChecked(),
                "subject": self.subject.text(), "body": self.body.toPlainText(),
                "max_attachment_mb": kept_value(self.max_attachment, self._shown.get("max_attachment_mb")),
                "timeout": kept_value(self.timeout, self._shown.get("timeout")),
                "ca_file": self.ca_file.text()}

    def problems(self) -> dict[str, str]:
        """Field → message, shown next to each field (empty: the email settings can be saved)."""
        found = email_problems(self.values())
        if self.password.text() and not (self.host.text().strip() and self.username.text().strip()):
            found.setdefault("password", _("Isi server dan nama pengguna (login) dulu: kata sandi dipakai untuk "
                                           "login dengan nama itu di server itu."))
        self.form.show_problems(found)
        return found

    def _security_chosen(self) -> None:
        self._security_tip()
        if self.port.value() in USUAL_PORT.values():
            self.port.setValue(USUAL_PORT[self.security.currentData()])

    def _security_tip(self) -> None:
        self.security.setToolTip(self.security.itemData(self.security.currentIndex(), Qt.ToolTipRole) or "")

    def _choose_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Pilih sertifikat server"), self.ca_file.text(),
                                                    _("Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)"))
        if path:
            self.ca_file.setText(path)

    # --- password -----------------------------------------------------------------------------

    def _keyring_checked(self, problem: str | None) -> None:
        self.keyring_missing = problem
        if problem:
            self.password_note.setStyleSheet(_NOTE_STYLE["problem"])
            self.password_note.setText(_("{problem} Kata sandi yang diketik di sini hanya dipakai untuk email uji "
                                         "selama jendela ini terbuka.").format(problem=problem))
            self.password.setPlaceholderText(_("hanya untuk email uji"))
            return
        self.password_note.setStyleSheet(_NOTE_STYLE["fine"])
        if os.environ.get(ENV_PASSWORD):
            self.password_note.setText(_("Variabel lingkungan {env} terisi: kata sandi itu yang dipakai saat "
                                         "mengirim.").format(env=ENV_PASSWORD))
        else:
            self.password_note.setText(_("Disimpan di penyimpan kata sandi sistem (keyring) saat Simpan, tidak "
                                         "di berkas. Kosongkan untuk tetap memakai yang sudah tersimpan."))
        self.password.setPlaceholderText(_("kosong: tidak diubah"))

    def store_password(self, on_stored, on_failed) -> bool:
        """Put the typed password in the system keyring (in the background); False: none typed."""
        password = self.password.text()
        if not password:
            return False
        spec = email_spec(self.values())
        self.tasks.run_in_background(lambda: set_password(spec, password), on_stored, on_failed,
                                     parent=self, uses_store=False)
        return True

    # --- test message -------------------------------------------------------------------------

    def send_test_mail(self) -> None:
        """Send a short message with the fields as typed (not yet saved), in the background."""
        try:
            spec = email_spec(self.values())
        except ConfigError:
            self.test_result.setText(_("Perbaiki isian email yang bertanda merah (server, pengirim) dulu."))
            return
        to = [self.test_to.text().strip()] if self.test_to.text().strip() else None
        config, password = replace(self.config, email=spec), self.password.text() or None
        self.test_button.setEnabled(False)
        self.test_result.setText(_("Mengirim email uji ke {host}…").format(host=spec.host))
        self.tasks.run_in_background(lambda: send_test(config, to, password=password), self._tested,
                                     self._test_failed, parent=self, uses_store=False)

    def _tested(self, replies: dict) -> None:
        self.test_button.setEnabled(True)
        lines = []
        for address, reply in replies.items():
            word = _(TEST_STATUS.get(reply.status, reply.status))
            lines.append(f"{address}: {word}" + (f" — {reply.text}" if reply.status != "sent" else ""))
        ok = all(r.status == "sent" for r in replies.values())
        lines.insert(0, _("Email uji terkirim.") if ok else _("Email uji tidak terkirim ke semua alamat."))
        self.test_result.setText("\n".join(lines))

    def _test_failed(self, exc: Exception) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(_("Email uji gagal: {error}").format(error=describe(exc)))
