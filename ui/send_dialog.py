"""The "Kirim" dialog: confirm the recipients, send off the GUI thread, and show the delivery log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QProgressBar,
                               QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from clipper.config import Config
from clipper.dates import long_date, long_moment, today_wib
from clipper.harvest.images import fetch_edition_images
from clipper.mail.send import (Attempt, SendProgress, delivery_log, edition_to_send, latest_by_recipient,
                               prepare_edition, send_edition, set_password)
from clipper.store.archive import Archive
from clipper.store.edition_records import EditionRecord
from clipper.store.editions import editions_of
from ui.errors import MessageBar, describe
from ui.i18n import _
from ui.tasks import TaskRunner, archive_locator

logger = logging.getLogger(__name__)

STATUS_TEXT = {"sent": "terkirim", "skipped": "sudah menerima", "failed": "gagal", "retry": "gagal sementara",
               "sending": "sedang dikirim", "interrupted": "terputus", "cancelled": "dibatalkan"}
LOG_HEADERS = ("Waktu", "Edisi", "Penerima", "Status", "Kode", "Keterangan", "ID pesan")
# The technical term behind a column, for its tooltip.
LOG_TIPS = {"Kode": "Kode balasan server email (SMTP)",
            "ID pesan": "Message-ID: tanda pengenal pesan, untuk melacaknya di server email"}


@dataclass(frozen=True)
class SendState:
    """What the dialog shows for a day, read on the store thread."""

    day: str
    edition: EditionRecord | None
    current: dict[str, Attempt] = field(default_factory=dict)  # by case-folded address
    log: list[tuple[str, Attempt]] = field(default_factory=list)  # (edition number, attempt)


def load_state(archive: Archive, day: str) -> SendState:
    """The day's edition to send, each recipient's state and every attempt of the day's editions."""
    edition = edition_to_send(archive, day)
    log = [(e.number, a) for e in editions_of(archive, day) for a in delivery_log(archive, e.id)]
    current = latest_by_recipient(archive, edition.id) if edition else {}
    return SendState(day, edition, current, log)


def _moment(text: str | None) -> str:
    return long_moment(datetime.fromisoformat(text)) if text else "—"


class SendDialog(QDialog):
    """Send a day's clipping: who gets it, a confirmation, progress, and the delivery log.

    Receives the configuration and the archive *path*; every read and the send itself run
    on worker threads (``tasks``, by default its own TaskRunner, whose store thread opens
    its own Archive).
    """

    def __init__(self, config: Config, archive_path: str | Path, parent: QWidget | None = None, *,
                 day: str | None = None, tasks: TaskRunner | None = None):
        super().__init__(parent)
        self.config = config
        self.archive_path = archive_locator(archive_path)
        self.tasks = tasks or TaskRunner(self.archive_path)
        self.state: SendState | None = None
        self.task = None
        self.result = None
        self.setWindowTitle(_("Kirim kliping"))
        self._build()
        today = date.fromisoformat(day) if day else today_wib()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.bar = MessageBar(self)
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.edition_label = QLabel()
        self.edition_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Tanggal:")))
        top.addWidget(self.date_edit)
        top.addWidget(self.edition_label, 1)
        self.recipients = QTreeWidget()
        self.recipients.setHeaderLabels([_("Penerima"), _("Alamat"), _("Status")])
        self.recipients.setRootIsDecorated(False)
        self.recipients.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.log_table = QTableWidget(0, len(LOG_HEADERS))
        self.log_table.setHorizontalHeaderLabels([_(h) for h in LOG_HEADERS])
        for column, header in enumerate(LOG_HEADERS):
            if header in LOG_TIPS:
                self.log_table.horizontalHeaderItem(column).setToolTip(_(LOG_TIPS[header]))
        self.log_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.log_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.log_table.verticalHeader().hide()
        self.log_table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox()
        self.send_button = self.buttons.addButton(_("Kirim"), QDialogButtonBox.AcceptRole)
        self.password_button = self.buttons.addButton(_("Kata sandi…"), QDialogButtonBox.ActionRole)
        self.stop_button = self.buttons.addButton(_("Hentikan"), QDialogButtonBox.ActionRole)
        self.close_button = self.buttons.addButton(_("Tutup"), QDialogButtonBox.RejectRole)
        self.send_button.clicked.connect(self.start_send)
        self.password_button.clicked.connect(self.ask_password)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.close)
        self.password_button.setVisible(bool(self.config.email and self.config.email.username))
        self.stop_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(top)
        layout.addWidget(QLabel(_("Penerima (yang dicentang akan dikirimi):")))
        layout.addWidget(self.recipients, 2)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(QLabel(_("Catatan pengiriman:")))
        layout.addWidget(self.log_table, 3)
        layout.addWidget(self.buttons)
        self.resize(820, 620)

    # --- state ----------------------------------------------------------------------------

    @property
    def day(self) -> str:
        return self.date_edit.date().toString("yyyy-MM-dd")

    @property
    def busy(self) -> bool:
        return self.task is not None

    def reload(self) -> None:
        """Read the day's edition, recipients' state and log on the store thread."""
        if self.config.email is None:
            self.bar.show_message(_("Email belum diatur: isi server, alamat pengirim dan penerima di "
                                    "Pengaturan → Email."))
            self.send_button.setEnabled(False)
            return
        day = self.day
        self.tasks.run_in_background(lambda archive: load_state(archive, day), self._show_state,
                                     self._show_failure, parent=self)

    def _show_state(self, state: SendState) -> None:
        if state.day != self.day:
            return  # an older answer for another date
        self.state = state
        self.edition_label.setText(self._edition_text(state))
        self._fill_recipients(state)
        self._fill_log(state.log)
        self.send_button.setEnabled(not self.busy)

    def _edition_text(self, state: SendState) -> str:
        when = long_date(date.fromisoformat(state.day))
        edition = state.edition
        if edition is None:
            return _("{day}: belum ada edisi; kliping disusun dan difinalkan saat dikirim.").format(day=when)
        if edition.status != "final":
            return _("Kliping No. {number} ({day}) masih draf: difinalkan (isinya dibekukan) sebelum "
                     "dikirim.").format(number=edition.number, day=when)
        return _("Kliping No. {number} ({day}), final, {pages} halaman.").format(
            number=edition.number, day=when, pages=edition.pages or "?")

    def _fill_recipients(self, state: SendState) -> None:
        self.recipients.clear()
        for recipient in self.config.email.recipients:
            attempt = state.current.get(recipient.address.casefold())
            item = QTreeWidgetItem([recipient.name or "", recipient.address, self._attempt_text(attempt)])
            item.setData(0, Qt.UserRole, recipient.address)
            got_it = attempt is not None and attempt.status == "sent"
            item.setCheckState(0, Qt.Unchecked if got_it else Qt.Checked)
            self.recipients.addTopLevelItem(item)

    @staticmethod
    def _attempt_text(attempt: Attempt | None) -> str:
        if attempt is None:
            return _("belum dikirim")
        text = f"{_(STATUS_TEXT.get(attempt.status, attempt.status))} {_moment(attempt.at)}"
        if attempt.status in ("failed", "retry", "interrupted"):
            text += f": {attempt.smtp_code or ''} {attempt.smtp_text or ''}".rstrip()
        return text

    def _fill_log(self, log: list[tuple[str, Attempt]]) -> None:
        self.log_table.setRowCount(len(log))
        for row, (number, a) in enumerate(reversed(log)):  # newest first
            cells = (_moment(a.at), number, a.address, _(STATUS_TEXT.get(a.status, a.status)),
                     str(a.smtp_code or ""), a.smtp_text or "", a.message_id or "")
            for column, text in enumerate(cells):
                self.log_table.setItem(row, column, QTableWidgetItem(text))
        self.log_table.resizeColumnsToContents()

    def checked(self) -> list[str]:
        """The addresses ticked for sending."""
        items = (self.recipients.topLevelItem(i) for i in range(self.recipients.topLevelItemCount()))
        return [item.data(0, Qt.UserRole) for item in items if item.checkState(0) == Qt.Checked]

    # --- sending --------------------------------------------------------------------------

    def confirmation_text(self, addresses: list[str]) -> str:
        """The question asked before sending: which edition, who, and what else happens."""
        state = self.state
        names = {r.address: r.name for r in self.config.email.recipients}
        number = state.edition.number if state and state.edition else _("(baru)")
        lines = [_("Kirim Kliping No. {number} ({day}) ke {count} penerima?").format(
            number=number, day=long_date(date.fromisoformat(self.day)), count=len(addresses)), ""]
        lines += [f"• {names[a]} <{a}>" if names.get(a) else f"• {a}" for a in addresses]
        again = [a for a in addresses if state and (c := state.current.get(a.casefold())) and c.status == "sent"]
        if again:
            lines += ["", _("Sudah menerima sebelumnya dan akan dikirimi ulang: {who}").format(who=", ".join(again))]
        if state is None or state.edition is None or state.edition.status != "final":
            lines += ["", _("Edisi ini belum final: isinya akan difinalkan (dibekukan) lebih dulu.")]
        return "\n".join(lines)

    def ask_confirmation(self, text: str) -> bool:
        """Kirim / Batal before sending (replaced in tests)."""
        box = QMessageBox(QMessageBox.Question, _("Kirim kliping"), text, parent=self)
        send = box.addButton(_("Kirim"), QMessageBox.AcceptRole)
        box.setDefaultButton(box.addButton(_("Batal"), QMessageBox.RejectRole))
        box.exec()
        return box.clickedButton() is send

    def start_send(self) -> None:
        """Confirm, then finalise if needed and send on a worker thread."""
        if self.busy or self.state is None:
            return
        addresses = self.checked()
        if not addresses:
            self.bar.show_message(_("Tidak ada penerima yang dicentang."), "info", 5000)
            return
        if not self.ask_confirmation(self.confirmation_text(addresses)):
            return
        current = self.state.current
        resend = any((c := current.get(a.casefold())) and c.status == "sent" for a in addresses)
        config, path, day = self.config, self.archive_path, self.day
        self.bar.dismiss()
        self._set_busy(True, len(addresses))
        self.task = self.tasks.run_steps(lambda should_stop: _send_steps(config, path, day, addresses, resend,
                                                                         should_stop),
                                         self._on_step, self._on_done, self._on_failed, parent=self)

    def _set_busy(self, busy: bool, total: int = 0) -> None:
        self.send_button.setEnabled(not busy)
        self.date_edit.setEnabled(not busy)
        self.recipients.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(0)
            self.status_label.setText(_("Menyiapkan edisi…"))

    def _on_step(self, step: SendProgress) -> None:
        self.progress.setMaximum(max(step.total, 1))
        self.progress.setValue(step.done)
        if step.stage == "recipient":
            for i in range(self.recipients.topLevelItemCount()):
                item = self.recipients.topLevelItem(i)
                if item.data(0, Qt.UserRole) == step.address:
                    text = _(STATUS_TEXT.get(step.status, step.status))
                    if step.status in ("failed", "retry"):
                        text += f": {step.message}"
                    item.setText(2, text)
            self.status_label.setText(f"{step.address}: {_(STATUS_TEXT.get(step.status, step.status))}")
        elif step.message:
            self.status_label.setText(step.message)

    def _on_done(self, step: SendProgress | None) -> None:
        self.task = None
        self._set_busy(False)
        self.result = step.result if step is not None else None
        if self.result is not None:
            self.status_label.setText(self.result.summary())
            if not self.result.ok:
                self.bar.show_message(self.result.summary())
        self.reload()

    def _on_failed(self, exc: Exception) -> None:
        self.task = None
        self._set_busy(False)
        self.status_label.setText(_("Tidak terkirim."))
        self.bar.show_message(describe(exc))
        self.reload()

    def _show_failure(self, exc: Exception) -> None:
        self.bar.show_message(describe(exc))

    def stop(self) -> None:
        """Ask the running send to stop after the current recipient (attempts so far are kept)."""
        if self.task is not None:
            self.task.cancel()
            self.status_label.setText(_("Menghentikan setelah penerima yang sedang dikirim…"))

    def ask_password(self) -> None:
        """Store the SMTP password in the OS keyring (on a worker: a keyring may be slow)."""
        spec = self.config.email
        ask = QInputDialog(self)
        ask.setWindowTitle(_("Kata sandi email"))
        ask.setLabelText(_("Kata sandi untuk {user} di {host}:").format(user=spec.username, host=spec.host))
        ask.setTextEchoMode(QLineEdit.Password)
        ask.setOkButtonText(_("Simpan"))
        ask.setCancelButtonText(_("Batal"))
        password = ask.textValue() if ask.exec() == QDialog.Accepted else ""
        if password:
            self.tasks.run_in_background(lambda: set_password(spec, password),
                                         lambda _b: self.bar.show_message(
                                             _("Kata sandi disimpan di penyimpan kata sandi sistem (keyring)."),
                                             "info", 5000),
                                         self._show_failure, parent=self, uses_store=False)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.busy:
            self.stop()
            self.bar.show_message(_("Pengiriman sedang berjalan; tunggu sampai berhenti, lalu tutup."), "info")
            event.ignore()
            return
        super().closeEvent(event)


def _send_steps(config: Config, path: Path, day: str, addresses: list[str], resend: bool,
                should_stop) -> Iterator[SendProgress]:
    """The worker: its own Archive connection, finalise the edition if needed, then send."""
    with Archive(path) as archive:
        yield SendProgress("prepare", 0, len(addresses), message="Menyiapkan edisi…")
        fetch_edition_images(archive, day, config)  # a draft is finalised before it is sent
        record = prepare_edition(archive, config, day)
        yield from send_edition(archive, config, record.id, only=addresses, resend=resend,
                                should_stop=should_stop)
