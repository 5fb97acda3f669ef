"""Pengaturan: every field of sources.yaml and email, checked as typed, sources removed after a
question, a source tried on the spot, the SMTP password in the keyring, "Kirim email uji"."""

from __future__ import annotations

import ast
import re
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QGroupBox, QLabel,
                               QTabWidget)
from werkzeug import Response

from clipper.config import EmailSpec, SourceSpec
from clipper.mail.secret import ENV_PASSWORD, KEYRING_SERVICE
from clipper.workspace.configuration import load_config
from clipper.workspace.fields import email_values, source_values, source_yaml
from tests.core.test_settings_fields import COMMENTED, EVERY_FIELD
from tests.data.mail.smtp_server import PASSWORD, USER, SmtpServer, make_pki
from ui.i18n_en import ENGLISH
from ui.send_dialog import LOG_HEADERS, LOG_TIPS
from ui.settings.email_page import SECURITY_TEXT, TEST_STATUS
from ui.settings.source_form import KIND_TEXT, LANGUAGE_TEXT
from ui.settings.sources_page import NEW_NAME, ask_remove
from ui.settings_dialog import SettingsDialog
from ui.tasks import SyncPool, TaskRunner

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Warta Uji</title><link>{base}/</link>
{items}
</channel></rss>"""
ITEM = "<item><title>Berita uji {n}</title><link>{base}/berita/{n}.html</link></item>"


@pytest.fixture
def commented(tmp_path) -> Path:
    """A sources.yaml with comments between the sources and an email section."""
    path = tmp_path / "sources.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """The test CA and a certificate for 127.0.0.1."""
    return make_pki(tmp_path_factory.mktemp("pki"))


def open_settings(qtbot, path: Path, tasks: TaskRunner | None = None) -> SettingsDialog:
    tasks = tasks or TaskRunner(path.parent / "arsip.db", store_pool=SyncPool(), general_pool=SyncPool())
    dialog = SettingsDialog(load_config(path), tasks)
    qtbot.addWidget(dialog)
    return dialog


def background_tasks(path: Path) -> TaskRunner:
    """Network work on a real thread pool, as in the app."""
    return TaskRunner(path.parent / "arsip.db", store_pool=SyncPool(), general_pool=QThreadPool())


# --- sources ----------------------------------------------------------------------------------

def test_remove_asks_and_keeps_the_other_sources_and_the_comments(qtbot, commented):
    """Hapus asks first (No keeps it); Simpan writes the file without it, every other comment kept."""
    dialog = open_settings(qtbot, commented)
    page = dialog.sources_page
    asked, answers = [], [False, True]
    page.confirm_remove = lambda parent, name: asked.append(name) or answers.pop(0)
    page.sources.setCurrentRow(0)
    qtbot.mouseClick(page.remove_button, Qt.LeftButton)
    assert asked == ["Warta Contoh"] and page.sources.count() == 3
    qtbot.mouseClick(page.remove_button, Qt.LeftButton)
    assert page.sources.count() == 2 and "Warta Contoh dihapus" in page.probe_result.toPlainText()
    assert page.form.name.text() == "Kabar Contoh"  # the next source is shown
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.save()
    assert [s.name for s in blocker.args[0].sources] == ["Kabar Contoh", "Suara Contoh"]
    text = commented.read_text(encoding="utf-8")
    assert re.findall(r"#.*", text) == [c for c in re.findall(r"#.*", COMMENTED) if c != "# feed utama"]


def test_saving_what_was_only_looked_at_rewrites_nothing(qtbot, commented):
    """Every source shown in the form and every tab saved untouched: the file is byte for byte the same
    (a delay of 0.125 shown rounded is not rounded in the file)."""
    dialog = open_settings(qtbot, commented)
    for row in range(dialog.sources_page.sources.count()):
        dialog.sources_page.sources.setCurrentRow(row)
    dialog.sources_page.sources.setCurrentRow(0)
    dialog.sources_page.form.rubrik.setText("Nasional")
    dialog.sources_page.form.rubrik.setText("")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert commented.read_text(encoding="utf-8") == COMMENTED


def test_the_remove_question_is_in_indonesian(qtbot):
    """The question names the source and answers with Hapus / Batal; Batal keeps it."""
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        seen["text"], seen["buttons"] = box.text(), sorted(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "Batal").click()

    QTimer.singleShot(0, answer)
    assert ask_remove(None, "Warta Contoh") is False
    assert seen["buttons"] == ["Batal", "Hapus"] and "Hapus sumber “Warta Contoh”" in seen["text"]
    assert "tetap di arsip" in seen["text"]


def test_every_source_field_round_trips_through_the_form(qtbot, commented):
    """A new source with every field typed in the form is saved and shown again as typed."""
    dialog = open_settings(qtbot, commented)
    page = dialog.sources_page
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    form = page.form
    assert page.sources.currentRow() == 3 and form.name.text() == "Sumber baru"
    assert not dialog.save_button.isEnabled()  # no address yet
    form.name.setText(EVERY_FIELD["name"])
    form.kind.setCurrentIndex(form.kind.findData("site"))
    form.url.setText(EVERY_FIELD["url"])
    form.pattern.setText(EVERY_FIELD["article_pattern"])
    form.rubrik.setText(EVERY_FIELD["rubrik"])
    form.language.setCurrentIndex(form.language.findData("en"))
    form.aggregator.setChecked(True)
    form.max_items.setValue(20)
    form.delay.setValue(1.5)
    form.concurrency.setValue(3)
    form.timeout.setValue(45)
    form.body.setPlainText("div.isi\n")
    form.drop.setPlainText(".iklan\n\naside.baca")
    form.next_page.setText("a.berikut")
    page.sources.item(3).setCheckState(Qt.Unchecked)
    assert page.sources.item(3).text() == "Media Lengkap" and dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    source = load_config(commented).sources[3]
    assert (source.name, source.kind, source.url, source.article_pattern, source.enabled, source.language,
            source.rubrik, source.max_items, source.delay, source.concurrency, source.timeout, source.aggregator) == (
        "Media Lengkap", "site", EVERY_FIELD["url"], EVERY_FIELD["article_pattern"], False, "en", "Nasional", 20,
        1.5, 3, 45.0, True)
    assert (source.extract.body, source.extract.drop, source.extract.next_page) == (
        ("div.isi",), (".iklan", "aside.baca"), "a.berikut")
    again = open_settings(qtbot, commented)
    again.sources_page.sources.setCurrentRow(3)
    assert again.sources_page.form.values() == EVERY_FIELD
    assert "# --- setelan editor ---" in commented.read_text(encoding="utf-8")


def test_the_forms_have_every_field_of_a_source_and_of_email(qtbot, commented):
    """A field added to sources.yaml's sources or email section fails here until Pengaturan shows it."""
    dialog = open_settings(qtbot, commented)
    assert set(dialog.sources_page.form.values()) == set(source_values({"name": "x", "feed": "https://x.id/"}))
    assert set(dialog.email.values()) == set(email_values(None))
    assert set(source_yaml(EVERY_FIELD)) | {"feed", "sitemap"} == set(SourceSpec.model_fields)
    assert set(EmailSpec.model_fields) == set(email_values(None))


def test_invalid_input_shows_the_field_message_and_never_writes(qtbot, commented):
    """A bad address, regex or sender: the message under the field, Simpan off, save() refused, file untouched."""
    dialog = open_settings(qtbot, commented)
    page, form = dialog.sources_page, dialog.sources_page.form
    page.sources.setCurrentRow(1)  # Kabar Contoh, a section page
    form.url.setText("bukan-url")
    form.pattern.setText("/berita/(")
    assert form.form.errors["url"].isVisibleTo(dialog)
    assert form.form.errors["url"].text() == "bukan URL http(s): 'bukan-url'"
    assert form.form.errors["article_pattern"].text().startswith("pola regex tidak sah: kurung ( tanpa pasangan )")
    assert not dialog.save_button.isEnabled() and "Kabar Contoh" in dialog.summary.text()
    page.sources.setCurrentRow(0)
    assert not form.form.errors["url"].isVisibleTo(dialog)  # Warta Contoh is fine
    dialog.email.sender.setText("kliping-tanpa-domain")
    assert dialog.email.form.errors["sender"].text() == "format tidak sah (bukan 'kliping-tanpa-domain')"
    saved = []
    dialog.saved.connect(saved.append)
    dialog.save()
    listed = dialog.errors.toPlainText()
    assert not saved and "Alamat: bukan URL http(s)" in listed and "Email: Alamat pengirim" in listed
    assert commented.read_text(encoding="utf-8") == COMMENTED
    dialog.email.sender.setText("kliping@contoh.id")
    page.sources.setCurrentRow(1)
    form.url.setText("https://kabar.contoh.id/berita")
    form.pattern.setText("/berita/")
    assert dialog.save_button.isEnabled() and not dialog.summary.isVisibleTo(dialog)


def test_a_duplicate_name_is_shown_at_its_second_use(qtbot, commented):
    """Renaming a source to another's name marks it, with the CLI's words, until it is renamed back."""
    dialog = open_settings(qtbot, commented)
    page = dialog.sources_page
    page.sources.setCurrentRow(2)
    page.form.name.setText("warta contoh")
    assert page.form.form.errors["name"].text() == "nama sumber ganda 'warta contoh'"
    assert page.sources.item(2).toolTip() == "nama sumber ganda 'warta contoh'" and not dialog.save_button.isEnabled()
    page.form.name.setText("Suara Contoh")
    assert dialog.save_button.isEnabled() and page.sources.item(2).toolTip() == ""


def test_trying_a_typed_address_runs_in_the_background(qtbot, commented, httpserver):
    """"Uji sumber ini" fetches the address as typed on a worker: the window answers while the server
    holds the reply, then the links are listed; a missing feed says why."""
    release = threading.Event()
    base = httpserver.url_for("").rstrip("/")
    feed = FEED.format(base=base, items="\n".join(ITEM.format(base=base, n=n) for n in range(1, 4)))

    def slow_feed(request):
        release.wait(30)
        return Response(feed, content_type="application/rss+xml")

    httpserver.expect_request("/rss.xml").respond_with_handler(slow_feed)
    httpserver.expect_request("/tidak-ada.xml").respond_with_data("tidak ada", status=404)
    dialog = open_settings(qtbot, commented, background_tasks(commented))
    page = dialog.sources_page
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    page.form.url.setText(httpserver.url_for("/rss.xml"))
    qtbot.mouseClick(page.form.test_button, Qt.LeftButton)
    assert page.probe_result.toPlainText() == "Menguji Sumber baru …"  # the click returned before the feed
    page.form.name.setText("Warta Uji")  # and the form is still usable
    release.set()
    qtbot.waitUntil(lambda: "tautan artikel" in page.probe_result.toPlainText(), timeout=20000)
    assert page.probe_result.toPlainText().splitlines()[:2] == ["Sumber baru: 3 tautan artikel", "• Berita uji 1"]
    page.form.url.setText(httpserver.url_for("/tidak-ada.xml"))
    qtbot.mouseClick(page.form.test_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "gagal" in page.probe_result.toPlainText(), timeout=20000)
    assert "404" in page.probe_result.toPlainText()
    page.form.url.setText("bukan-url")
    qtbot.mouseClick(page.form.test_button, Qt.LeftButton)
    assert "bertanda merah" in page.probe_result.toPlainText()


def test_probe_source_lists_links(qtbot, demo_config, sync_tasks):
    """'Uji sumber ini' on a listed source fetches it now and lists its article links."""
    dialog = SettingsDialog(demo_config, sync_tasks)
    qtbot.addWidget(dialog)
    page = dialog.sources_page
    page.sources.setCurrentRow(0)
    page.test_source()
    assert "Warta Nusantara: 11 tautan artikel" in page.probe_result.toPlainText()
    page.sources.setCurrentRow(4)
    page.test_source()
    assert "Portal Rusak: gagal" in page.probe_result.toPlainText()


def test_settings_round_trip_keeps_comments(qtbot, demo_config, sync_tasks):
    """Disabling a source and naming the editor saves a valid file with its comment kept."""
    dialog = SettingsDialog(demo_config, sync_tasks)
    qtbot.addWidget(dialog)
    dialog.sources_page.sources.item(4).setCheckState(Qt.Unchecked)  # Portal Rusak
    dialog.editor_name.setText("Rina")
    dialog.interval.setValue(60)
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.save()
    config = blocker.args[0]
    assert config.editor.name == "Rina" and not config.sources[4].enabled
    assert load_config(demo_config.path) == config
    assert "# Konfigurasi demo Clipper" in demo_config.path.read_text(encoding="utf-8")


def test_settings_archive_choice_is_checked_saved_and_opened(qtbot, demo_config, sync_tasks, monkeypatch):
    """The Arsip setting refuses a password or an unknown scheme, is kept in the app's settings, and
    the app opens it before CLIPPER_DB (--db before both)."""
    from ui.app import archive_for
    monkeypatch.setenv("CLIPPER_DB", "/srv/dari-env.db")
    assert str(archive_for(None)) == "/srv/dari-env.db"
    dialog = SettingsDialog(demo_config, sync_tasks)
    qtbot.addWidget(dialog)
    for bad, says in (("postgresql://rina:rahasia@server/kliping", "pgpass"), ("mysql://x@y/z", "tidak dikenal")):
        dialog.database.setText(bad)
        dialog.save()
        assert says in dialog.errors.toPlainText() and not dialog.save_button.isEnabled()
    dialog.database.setText("postgresql://rina@server:5432/kliping")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert archive_for(None) == "postgresql://rina@server:5432/kliping"
    assert str(archive_for("/tmp/pilihan.db")) == "/tmp/pilihan.db"


# --- email ------------------------------------------------------------------------------------

def fill_email(page, **fields) -> None:
    values = {"host": "smtp.contoh.id", "security": "ssl", "port": 465, "username": USER,
              "sender": "kliping@contoh.id", "sender_name": "Perpustakaan Litbang",
              "recipients": "Sekretariat Menteri <menteri@contoh.id>\nkabiro@contoh.id", "bcc": True,
              "subject": "Kliping {date}", "body": "Yth. Bapak/Ibu,\n{headlines}", "max_attachment_mb": 5,
              "timeout": 20, "ca_file": "/etc/ssl/kantor.pem"} | fields
    page.host.setText(values["host"])
    page.security.setCurrentIndex(page.security.findData(values["security"]))
    page.port.setValue(values["port"])
    page.username.setText(values["username"])
    page.sender.setText(values["sender"])
    page.sender_name.setText(values["sender_name"])
    page.recipients.setPlainText(values["recipients"])
    page.bcc.setChecked(values["bcc"])
    page.subject.setText(values["subject"])
    page.body.setPlainText(values["body"])
    page.max_attachment.setValue(values["max_attachment_mb"])
    page.timeout.setValue(values["timeout"])
    page.ca_file.setText(values["ca_file"])


def test_every_email_field_round_trips(qtbot, commented):
    """Each email field typed in Pengaturan is saved to sources.yaml and shown again."""
    dialog = open_settings(qtbot, commented)
    fill_email(dialog.email)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    spec = load_config(commented).email
    assert (spec.host, spec.security, spec.port, spec.username, spec.sender, spec.sender_name, spec.bcc,
            spec.subject, spec.body, spec.max_attachment_mb, spec.timeout, spec.ca_file) == (
        "smtp.contoh.id", "ssl", 465, USER, "kliping@contoh.id", "Perpustakaan Litbang", True, "Kliping {date}",
        "Yth. Bapak/Ibu,\n{headlines}", 5.0, 20.0, "/etc/ssl/kantor.pem")
    assert [(r.address, r.name) for r in spec.recipients] == [("menteri@contoh.id", "Sekretariat Menteri"),
                                                              ("kabiro@contoh.id", None)]
    again = open_settings(qtbot, commented)
    assert again.email.values() == dialog.email.values()
    assert "# server kantor" in commented.read_text(encoding="utf-8")


def test_choosing_the_security_moves_a_usual_port(qtbot, commented):
    """STARTTLS → SSL/TLS moves 587 to 465; a port typed by hand stays."""
    dialog = open_settings(qtbot, commented)
    page = dialog.email
    assert page.port.value() == 587 and page.security.currentData() == "starttls"
    page.security.setCurrentIndex(page.security.findData("ssl"))
    assert page.port.value() == 465 and "port" in page.security.toolTip()
    page.port.setValue(2525)
    page.security.setCurrentIndex(page.security.findData("none"))
    assert page.port.value() == 2525


def _files_holding(folder: Path, secret: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and secret in p.read_bytes()]


def test_password_goes_to_the_keyring_and_never_into_a_file(qtbot, commented, memory_keyring, tmp_path):
    """Simpan puts the typed password in the system keyring under the account; no file holds it."""
    dialog = open_settings(qtbot, commented)
    assert "tidak di berkas" in dialog.email.password_note.text()
    fill_email(dialog.email)
    dialog.email.password.setText("sandi-rahasia-Uji-7")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert memory_keyring.store == {(KEYRING_SERVICE, f"{USER}@smtp.contoh.id"): "sandi-rahasia-Uji-7"}
    assert _files_holding(tmp_path, b"sandi-rahasia-Uji-7") == []
    assert "sandi-rahasia" not in commented.read_text(encoding="utf-8") and dialog.result() == QDialog.Accepted


def test_a_password_needs_a_user_name_and_a_server(qtbot, commented, memory_keyring):
    """A password without a login name or a server is marked under the password field; nothing is saved."""
    dialog = open_settings(qtbot, commented)
    dialog.email.password.setText("sandi")
    assert not dialog.email.form.errors["password"].isHidden() and not dialog.save_button.isEnabled()
    dialog.save()
    dialog.email.username.setText(USER)
    dialog.email.host.setText("")  # no server: the password has no account to belong to
    assert not dialog.email.form.errors["password"].isHidden() and not dialog.save_button.isEnabled()
    dialog.save()
    assert memory_keyring.store == {} and commented.read_text(encoding="utf-8") == COMMENTED


def test_without_a_keyring_the_dialog_says_to_use_the_environment(qtbot, commented, tmp_path):
    """No keyring backend: the note says so and names CLIPPER_SMTP_PASSWORD; Simpan keeps the other
    settings and says the password was not stored; no file gets it."""
    keyring.set_keyring(fail.Keyring())
    dialog = open_settings(qtbot, commented)
    note = dialog.email.password_note.text()
    assert "tidak punya penyimpan kata sandi" in note and ENV_PASSWORD in note
    fill_email(dialog.email)
    dialog.email.password.setText("sandi-rahasia-Uji-8")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert load_config(commented).email.username == USER
    errors = dialog.errors.toPlainText()
    assert "Pengaturan disimpan, tetapi kata sandi tidak" in errors and ENV_PASSWORD in errors
    assert dialog.result() != QDialog.Accepted and dialog.tabs.currentWidget() is dialog.email
    assert _files_holding(tmp_path, b"sandi-rahasia-Uji-8") == []


def test_send_a_test_mail_with_the_fields_as_typed(qtbot, commented, pki):
    """"Kirim email uji" logs in over TLS with the typed (unsaved) password, on a worker; the result
    is shown in the dialog; a wrong password says it was refused. sources.yaml is not written."""
    with SmtpServer(mode="ssl", pki=pki, auth=True) as server:
        dialog = open_settings(qtbot, commented, background_tasks(commented))
        page = dialog.email
        fill_email(page, host="127.0.0.1", port=server.port, ca_file=str(pki.ca_file))
        page.password.setText(PASSWORD)
        qtbot.mouseClick(page.test_button, Qt.LeftButton)
        assert page.test_result.text() == "Mengirim email uji ke 127.0.0.1…" and not page.test_button.isEnabled()
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20000)
        assert page.test_result.text() == "Email uji terkirim.\nkliping@contoh.id: terkirim"
        assert server.received[0].rcpt_tos == ["kliping@contoh.id"] and server.handler.logins == [(USER, True)]
        page.password.setText("salah")
        page.test_to.setText("kabiro@contoh.id")
        qtbot.mouseClick(page.test_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20000)
    assert page.test_result.text().startswith("Email uji gagal: nama pengguna atau kata sandi SMTP ditolak")
    assert len(server.received) == 1 and commented.read_text(encoding="utf-8") == COMMENTED


# --- words ------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_every_settings_and_send_text_has_an_english_entry():
    """Each _("…") of Pengaturan and Kirim, joined literals too, and each text of their tables is translated."""
    texts = [t for row in KIND_TEXT + SECURITY_TEXT for t in row[1:]] + [t for _, t in LANGUAGE_TEXT]
    texts += [*TEST_STATUS.values(), *LOG_TIPS.values(), *LOG_HEADERS, NEW_NAME]
    for path in [*(ROOT / "ui" / "settings").glob("*.py"), ROOT / "ui" / "send_dialog.py"]:
        texts += [node.args[0].value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_"
                  and node.args and isinstance(node.args[0], ast.Constant)]
    assert len(texts) > 150 and [t for t in texts if t not in ENGLISH] == []


TECHNICAL = re.compile(r"\b(feed|site|sitemap|starttls|ssl|smtp|bcc|port|message-id|host|username|sender|"
                       r"recipients|article_pattern|extract|regex)\b", re.IGNORECASE)


def _shown_texts(widget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    texts += [w.title() for w in widget.findChildren(QGroupBox)]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    return [t for t in texts if t]


def test_settings_speak_plain_indonesian_with_the_terms_in_tooltips(qtbot, commented):
    """No technical word is shown outside parentheses; the kinds and securities carry their term in a tooltip."""
    shown = _shown_texts(open_settings(qtbot, commented))
    keyring.set_keyring(fail.Keyring())  # the note for a machine without a keyring too
    dialog = open_settings(qtbot, commented)
    shown += _shown_texts(dialog)
    assert {"Sumber", "Email", "Jenis sumber", "Kirim email uji", "Nomor saluran", "Uji sumber ini"} <= set(shown)
    plain = [re.sub(r"\([^)]*\)", "", t) for t in shown]
    assert [t for t in plain if TECHNICAL.search(t)] == []
    form, email = dialog.sources_page.form, dialog.email
    kinds = {form.kind.itemData(i): (form.kind.itemText(i), form.kind.itemData(i, Qt.ToolTipRole))
             for i in range(form.kind.count())}
    assert kinds["feed"][0] == "Umpan berita (RSS/Atom)" and kinds["feed"][1].startswith("feed:")
    assert kinds["site"][0] == "Halaman rubrik" and kinds["site"][1].startswith("site:")
    assert kinds["sitemap"][0] == "Peta situs (sitemap)" and kinds["sitemap"][1].startswith("sitemap:")
    securities = [email.security.itemText(i) for i in range(email.security.count())]
    assert securities == ["Enkripsi setelah terhubung (STARTTLS)", "Enkripsi sejak awal (SSL/TLS)", "Tanpa enkripsi"]
    assert "starttls" in email.security.toolTip()
    assert "BCC" in email.bcc.toolTip() and "port" in email.form.labels["port"].toolTip()
    assert "SMTP" in email.form.labels["host"].toolTip()
    assert isinstance(email.bcc, QCheckBox) and email.bcc.text().startswith("Satu pesan untuk semua penerima")
