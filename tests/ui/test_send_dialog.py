"""The "Kirim" dialog: recipients and confirmation, sending on a worker thread, the delivery log."""

from __future__ import annotations

import json
import re
import threading

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

import ui.send_dialog as send_dialog
from clipper.mail.secret import ENV_PASSWORD
from clipper.store.archive import Archive
from clipper.store.editions import editions_of
from clipper.workspace.configuration import parse_config
from tests.core.test_mail import BASE_CONFIG, DAY, KABIRO, MENTERI, _build_archive, make_config
from tests.data.mail.smtp_server import SmtpServer
from tests.ui.test_settings import TECHNICAL
from ui.send_dialog import SendDialog


@pytest.fixture
def smtp():
    """A plain aiosmtpd server on 127.0.0.1."""
    with SmtpServer() as server:
        yield server


def open_dialog(qtbot, config, db):
    dialog = SendDialog(config, db, day=DAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.recipients.topLevelItemCount() == 2)
    return dialog


def send(qtbot, dialog):
    dialog.ask_confirmation = lambda text: True
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.busy, timeout=15000)
    qtbot.waitUntil(lambda: dialog.log_table.rowCount() > 0)


def test_recipients_listed_and_confirmation_names_them(qtbot, tmp_path, smtp):
    """Every configured recipient is ticked and named in the confirmation with the edition number."""
    db = _build_archive(tmp_path, final=True)
    dialog = open_dialog(qtbot, make_config(tmp_path, smtp.port), db)
    assert sorted(dialog.checked()) == sorted([MENTERI, KABIRO])
    assert "No. 212/2026" in dialog.edition_label.text() and "final" in dialog.edition_label.text()
    text = dialog.confirmation_text(dialog.checked())
    assert f"Sekretariat Menteri <{MENTERI}>" in text and KABIRO in text and "2 penerima" in text
    assert "belum final" not in text


def test_send_runs_on_a_worker_and_fills_the_log(qtbot, tmp_path, smtp, monkeypatch):
    """Kirim: sent off the GUI thread; statuses, progress and the log show the deliveries."""
    threads = []
    real = send_dialog.send_edition

    def spy(*args, **kwargs):
        threads.append(threading.get_ident())
        yield from real(*args, **kwargs)

    monkeypatch.setattr(send_dialog, "send_edition", spy)
    db = _build_archive(tmp_path, final=True)
    dialog = open_dialog(qtbot, make_config(tmp_path, smtp.port), db)
    send(qtbot, dialog)
    assert threads and threads[0] != threading.get_ident()
    assert dialog.result.ok and len(smtp.received) == 2
    assert dialog.progress.value() == dialog.progress.maximum() == 2
    statuses = {dialog.log_table.item(r, 2).text(): dialog.log_table.item(r, 3).text() for r in range(2)}
    assert statuses == {MENTERI: "terkirim", KABIRO: "terkirim"}
    qtbot.waitUntil(lambda: dialog.checked() == [])  # who has it is no longer ticked
    item = dialog.recipients.topLevelItem(0)
    assert item.text(2).startswith("terkirim") and item.checkState(0) == Qt.Unchecked


def test_draft_is_finalised_only_after_confirmation(qtbot, tmp_path, smtp):
    """A draft: the question says it will be finalised; "No" changes nothing, "Yes" finalises and sends."""
    db = _build_archive(tmp_path, final=False)
    dialog = open_dialog(qtbot, make_config(tmp_path, smtp.port), db)
    asked = []
    dialog.ask_confirmation = lambda text: asked.append(text) or False
    dialog.send_button.click()
    assert "belum final" in asked[0] and not dialog.busy
    with Archive(db) as archive:
        assert editions_of(archive, DAY)[-1].status == "draft"
    send(qtbot, dialog)
    assert dialog.result.ok and len(smtp.received) == 2
    with Archive(db) as archive:
        assert editions_of(archive, DAY)[-1].status == "final"


def test_no_password_and_no_keyring_is_shown_in_the_dialog(qtbot, tmp_path, smtp, monkeypatch):
    """Missing password on a machine without keyring: the message bar says how to set it."""
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        db = _build_archive(tmp_path, final=True)
        dialog = open_dialog(qtbot, make_config(tmp_path, smtp.port, username="kliping"), db)
        assert dialog.password_button.isVisibleTo(dialog)
        dialog.ask_confirmation = lambda text: True
        dialog.send_button.click()
        qtbot.waitUntil(lambda: not dialog.busy and dialog.bar.isVisibleTo(dialog), timeout=15000)
    finally:
        keyring.set_keyring(saved)
    assert ENV_PASSWORD in dialog.bar.label.text() and "keyring" in dialog.bar.label.text()
    assert smtp.received == [] and dialog.send_button.isEnabled()


def _answer_with(button: str, seen: list) -> None:
    """Note the buttons of the modal box that opens next, then press ``button``."""
    def answer():
        box = QApplication.activeModalWidget()
        buttons = [b for b in box.findChildren(QAbstractButton) if b.isVisible()]
        seen.append(sorted(b.text() for b in buttons))
        next(b for b in buttons if b.text() == button).click()
    QTimer.singleShot(0, answer)


def test_the_send_dialog_speaks_indonesian(qtbot, tmp_path, smtp):
    """Columns, labels and the two questions are Indonesian; Message-ID is "ID pesan" with the term
    in its tooltip; an unset email section is explained without key names."""
    db = _build_archive(tmp_path, final=True)
    dialog = open_dialog(qtbot, make_config(tmp_path, smtp.port, username="kliping"), db)
    headers = [dialog.log_table.horizontalHeaderItem(i) for i in range(dialog.log_table.columnCount())]
    assert [h.text() for h in headers] == ["Waktu", "Edisi", "Penerima", "Status", "Kode", "Keterangan", "ID pesan"]
    assert headers[6].toolTip().startswith("Message-ID") and "SMTP" in headers[4].toolTip()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    texts += [dialog.recipients.headerItem().text(i) for i in range(3)]
    assert [t for t in texts if TECHNICAL.search(re.sub(r"\([^)]*\)", "", t))] == []
    seen: list = []
    _answer_with("Batal", seen)
    assert dialog.ask_confirmation("Kirim?") is False
    _answer_with("Batal", seen)
    dialog.ask_password()
    assert seen == [["Batal", "Kirim"], ["Batal", "Simpan"]]
    unset = SendDialog(parse_config(json.dumps(BASE_CONFIG), tmp_path / "sources.yaml"), db, day=DAY)
    qtbot.addWidget(unset)
    assert unset.bar.label.text() == "Email belum diatur: isi server, alamat pengirim dan penerima di Pengaturan → Email."
