"""Sending the edition by email against a real aiosmtpd server on 127.0.0.1: TLS, AUTH, faults, retries."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from clipper.edition.compile import compile_edition
from clipper.errors import MailError
from clipper.mail.message import check_templates
from clipper.mail.secret import ENV_PASSWORD, get_password, keyring_problem, set_password
from clipper.mail.send import delivery_log, latest_by_recipient, prepare_edition, send_edition, send_test
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.store.editions import editions_of
from clipper.workspace.configuration import parse_config
from tests._archive import insert_row
from tests._keyring import MemoryKeyring
from tests.data.mail.smtp_server import PASSWORD, USER, Script, SmtpServer, free_port, make_pki

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-24"
MENTERI, KABIRO = "menteri@kemenag.example.id", "kabiro@kemenag.example.id"
ODD_TITLE = "Menag: “Moderasi” Kunci Kerukunan\r\nBaris Kedua — Pesantren Ṣalāḥ"


def _article(n: int, title: str, topic: str, highlight: int = 0) -> dict:
    return {"url": f"https://warta.example.id/{n}", "url_key": f"warta.example.id/{n}", "media": "Warta Fiktif",
            "title": title, "text": f"Paragraf berita fiktif nomor {n} tentang madrasah.\n\n" + "Isi. " * 40,
            "day": DAY, "status": "new", "published_at": f"{DAY}T09:00:00+07:00",
            "published_utc": f"{DAY}T02:00:00+00:00", "topics": json.dumps([topic]), "primary_topic": topic,
            "tone_suggested": "netral", "highlight": highlight}


BASE_CONFIG = {"sources": [{"name": "Warta Fiktif", "feed": "https://warta.example.id/rss"}],
               "editor": {"name": "Rina Editor"}, "edition": {"number_start": 212}}


def make_config(folder: Path, port: int, **email) -> object:
    """A Config whose email section points at the test server."""
    spec = {"host": "127.0.0.1", "port": port, "security": "none", "sender": "kliping@litbang.example.id",
            "recipients": [{"address": MENTERI, "name": "Sekretariat Menteri"}, KABIRO], "timeout": 10}
    spec.update(email)
    return parse_config(json.dumps({**BASE_CONFIG, "email": spec}), folder / "sources.yaml")


def _build_archive(folder: Path, final: bool, locator: str | None = None) -> str:
    """Three approved articles and the day's edition (final or draft); the PDF in ``folder``."""
    config = parse_config(json.dumps({**BASE_CONFIG, "edition": {**BASE_CONFIG["edition"],
                                                                 "output_dir": str(folder / "edisi")}}),
                          folder / "sources.yaml")
    locator = locator or str(folder / "arsip.db")
    with Archive(locator) as archive:
        ids = [insert_row(archive, _article(1, "Kemenag Buka Pendaftaran Madrasah Unggulan", "kemenag")),
               insert_row(archive, _article(2, ODD_TITLE, "kemenag", highlight=1)),
               insert_row(archive, _article(3, "Balai Litbang Rilis Indeks Kerukunan Fiktif", "litbang"))]
        update_articles(archive, ids, decision="approve", editor="Rina")
        compile_edition(archive, config, DAY, final=final)
    return locator


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """One archive with a final edition, compiled once and copied per test."""
    return Path(_build_archive(tmp_path_factory.mktemp("edisi"), final=True))


@pytest.fixture(scope="session")
def pg_template(pg_cluster, tmp_path_factory) -> str:
    """The same archive in a PostgreSQL database, copied per test (CREATE DATABASE … TEMPLATE)."""
    name = pg_cluster.fresh_database("mail")
    _build_archive(tmp_path_factory.mktemp("edisi-pg"), final=True, locator=pg_cluster.url(name))
    return name


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    """The test CA and the server certificate for 127.0.0.1."""
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request, template_db, tmp_path):
    """A fresh copy of the archive with the final edition No. 212/2026, on each backend."""
    if request.param == "sqlite":
        shutil.copy(template_db, tmp_path / "arsip.db")
        locator = str(tmp_path / "arsip.db")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        name = cluster.copy_database(request.getfixturevalue("pg_template"))
        request.addfinalizer(lambda: cluster.drop_database(name))
        locator = cluster.url(name)
    with Archive(locator) as archive:
        yield archive


@pytest.fixture(autouse=True)
def _no_password(monkeypatch):
    """No password unless a test sets one; keyring left as it was."""
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    saved = keyring.get_keyring()
    yield
    keyring.set_keyring(saved)


def edition_id(archive: Archive) -> int:
    return editions_of(archive, DAY)[-1].id


def run(archive, config, **kwargs):
    """Run send_edition to the end; returns (result, steps, sleeps)."""
    sleeps: list[float] = []
    kwargs.setdefault("sleep", sleeps.append)
    steps = list(send_edition(archive, config, edition_id(archive), **kwargs))
    assert steps[-1].stage == "done"
    return steps[-1].result, steps, sleeps


def test_plain_one_message_per_recipient_with_pdf_and_headlines(archive, tmp_path):
    """Each recipient gets its own message: PDF attached, default subject, headlines per section."""
    with SmtpServer() as server:
        result, _, sleeps = run(archive, make_config(tmp_path, server.port))
    assert result.ok and [r.status for r in result.recipients] == ["sent", "sent"]
    assert sorted(m.rcpt_tos[0] for m in server.received) == sorted([MENTERI, KABIRO])
    first = next(m for m in server.received if m.rcpt_tos == [MENTERI])
    assert first.message["To"] == f"Sekretariat Menteri <{MENTERI}>"
    assert first.message["Subject"] == "Kliping Berita Harian — Selasa, 24 November 2026 (No. 212/2026)"
    assert first.message["From"] == "Perpustakaan Balitbangdiklat <kliping@litbang.example.id>"
    pdf = next(first.message.iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content() == Path(editions_of(archive, DAY)[-1].pdf_path).read_bytes()
    body = first.message.get_body(("plain",)).get_content()
    assert "1. Kemenag Buka Pendaftaran Madrasah Unggulan — Warta Fiktif" in body
    assert "Balai Litbang Rilis Indeks Kerukunan Fiktif — Warta Fiktif" in body
    assert "Menag: “Moderasi” Kunci Kerukunan Baris Kedua" in body and sleeps == []
    log = delivery_log(archive, edition_id(archive))
    assert [(a.status, a.smtp_code) for a in log] == [("sent", 250), ("sent", 250)]
    assert "queued as UJI123" in log[0].smtp_text
    assert {a.message_id for a in log} == {m.message["Message-ID"].strip() for m in server.received}


def test_send_again_skips_recipients_and_resend_sends_new_copies(archive, tmp_path):
    """A second send delivers nothing; --resend sends again with a new Message-ID."""
    with SmtpServer() as server:
        config = make_config(tmp_path, server.port)
        run(archive, config)
        again, _, _ = run(archive, config)
        assert [r.status for r in again.recipients] == ["skipped", "skipped"] and again.ok
        assert len(server.received) == 2
        resent, _, _ = run(archive, config, resend=True, only=[KABIRO])
    assert [r.status for r in resent.recipients] == ["sent"]
    to_kabiro = [m.message["Message-ID"].strip() for m in server.received if m.rcpt_tos == [KABIRO]]
    assert len(server.received) == 3 and len(set(to_kabiro)) == 2


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_tls_with_auth_verified_against_the_test_ca(archive, tmp_path, pki, monkeypatch, mode):
    """STARTTLS and implicit TLS: certificate verified through ca_file, login only inside TLS."""
    monkeypatch.setenv(ENV_PASSWORD, PASSWORD)
    with SmtpServer(mode=mode, pki=pki, auth=True) as server:
        config = make_config(tmp_path, server.port, security=mode, username=USER, ca_file=str(pki.ca_file))
        result, _, _ = run(archive, config)
    assert result.ok and len(server.received) == 2
    assert server.handler.logins and all(tls for _, tls in server.handler.logins)


def test_untrusted_certificate_is_refused_before_any_login(archive, tmp_path, pki, monkeypatch):
    """Without the CA the certificate does not verify: permanent failure, password never sent."""
    monkeypatch.setenv(ENV_PASSWORD, PASSWORD)
    with SmtpServer(mode="starttls", pki=pki, auth=True) as server:
        result, _, sleeps = run(archive, make_config(tmp_path, server.port, security="starttls", username=USER))
    assert [r.status for r in result.recipients] == ["failed", "failed"]
    assert "sertifikat" in result.recipients[0].text and sleeps == []
    assert server.handler.logins == [] and server.received == []


def test_starttls_not_offered_sends_nothing_in_clear(archive, tmp_path, monkeypatch):
    """security: starttls against a plain server: refused, no credentials over the wire."""
    monkeypatch.setenv(ENV_PASSWORD, PASSWORD)
    with SmtpServer() as server:
        result, _, _ = run(archive, make_config(tmp_path, server.port, security="starttls", username=USER))
    assert not result.ok and "STARTTLS" in result.recipients[0].text
    assert server.handler.logins == [] and server.received == []


def test_wrong_password_is_permanent_per_recipient(archive, tmp_path, pki, monkeypatch):
    """535 at AUTH: every recipient failed with the code, no retry, the summary says why."""
    monkeypatch.setenv(ENV_PASSWORD, "salah")
    with SmtpServer(mode="ssl", pki=pki, auth=True) as server:
        config = make_config(tmp_path, server.port, security="ssl", username=USER, ca_file=str(pki.ca_file))
        result, _, sleeps = run(archive, config)
    assert [(r.status, r.code) for r in result.recipients] == [("failed", 535), ("failed", 535)]
    assert "kata sandi SMTP ditolak" in result.summary() and sleeps == []
    assert len(delivery_log(archive, edition_id(archive))) == 2


def test_550_is_permanent_and_451_is_retried_with_the_same_message_id(archive, tmp_path):
    """550 at RCPT fails that recipient; 451 is retried after back-off and then delivered once."""
    script = Script(rcpt={MENTERI: ["550 5.1.1 Mailbox tidak ada"], KABIRO: ["451 4.7.1 Coba lagi nanti"]})
    with SmtpServer(script=script) as server:
        result, _, sleeps = run(archive, make_config(tmp_path, server.port), delays=(7.0, 9.0))
    assert [(r.status, r.code) for r in result.recipients] == [("failed", 550), ("sent", 250)]
    assert sleeps == [1.0] * 7 and [m.rcpt_tos for m in server.received] == [[KABIRO]]
    log = [a for a in delivery_log(archive, edition_id(archive)) if a.address == KABIRO]
    assert [(a.status, a.smtp_code, a.attempt) for a in log] == [("retry", 451, 1), ("sent", 250, 2)]
    assert log[0].message_id == log[1].message_id == server.received[0].message["Message-ID"].strip()
    assert latest_by_recipient(archive, edition_id(archive))[MENTERI].smtp_code == 550


def test_bcc_mode_sends_one_message_without_recipient_headers(archive, tmp_path):
    """bcc: true: one transaction to all recipients; the headers show only the sender."""
    with SmtpServer() as server:
        result, _, _ = run(archive, make_config(tmp_path, server.port, bcc=True))
    assert result.ok and len(server.received) == 1
    received = server.received[0]
    assert sorted(received.rcpt_tos) == sorted([MENTERI, KABIRO])
    assert MENTERI.encode() not in received.raw.split(b"\r\n\r\n")[0]
    assert received.message["To"] == received.message["From"]


def test_message_too_large_552_is_reported(archive, tmp_path):
    """The server's size limit (552): failed per recipient with the server's words, no retry."""
    with SmtpServer(data_size_limit=20_000) as server:
        result, _, sleeps = run(archive, make_config(tmp_path, server.port))
    assert [(r.status, r.code) for r in result.recipients] == [("failed", 552), ("failed", 552)]
    assert sleeps == [] and server.received == []


def test_pdf_above_the_configured_limit_is_refused_before_sending(archive, tmp_path):
    """max_attachment_mb: a clear refusal; nothing recorded, nothing sent."""
    with SmtpServer() as server:
        with pytest.raises(MailError, match="melebihi batas 0.01 MB"):
            run(archive, make_config(tmp_path, server.port, max_attachment_mb=0.01))
    assert server.received == [] and delivery_log(archive, edition_id(archive)) == []


def test_server_down_then_up_delivers_once(archive, tmp_path):
    """Connection refused is retried; when the server is back each recipient gets exactly one copy."""
    port = free_port()
    server = SmtpServer(port=port)
    try:
        result, steps, sleeps = run(archive, make_config(tmp_path, port), delays=(2.0,),
                                    sleep=lambda s: server._thread or server.start())
        assert result.ok
        assert sorted(m.rcpt_tos[0] for m in server.received) == sorted([MENTERI, KABIRO])
    finally:
        server.stop()
    assert any(s.stage == "wait" for s in steps)
    for address in (MENTERI, KABIRO):
        log = [a for a in delivery_log(archive, edition_id(archive)) if a.address == address]
        assert [a.status for a in log] == ["retry", "sent"] and "ditolak" in log[0].smtp_text
        assert log[0].message_id == log[1].message_id


def test_connection_dropped_after_data_is_retried_with_the_same_message_id(archive, tmp_path):
    """A drop after the message was sent: retried, same Message-ID, one copy stored."""
    with SmtpServer(script=Script(drop_after_data=1)) as server:
        result, _, _ = run(archive, make_config(tmp_path, server.port), only=[MENTERI], delays=(0.0,))
    assert result.ok and len(server.received) == 1
    log = delivery_log(archive, edition_id(archive))
    assert [a.status for a in log] == ["retry", "sent"] and "terputus" in log[0].smtp_text
    assert log[0].message_id == log[1].message_id == server.received[0].message["Message-ID"].strip()


def test_retries_exhausted_then_next_send_completes_without_duplicates(archive, tmp_path):
    """Still down after every retry: non-ok result; the next send reuses the Message-ID."""
    port = free_port()
    config = make_config(tmp_path, port)
    result, _, _ = run(archive, config, delays=(0.0, 0.0))
    assert not result.ok and [r.status for r in result.recipients] == ["retry", "retry"]
    assert result.recipients[0].attempts == 3
    with SmtpServer(port=port) as server:
        second, _, _ = run(archive, config)
    assert second.ok and len(server.received) == 2
    earlier = {a.message_id for a in delivery_log(archive, edition_id(archive)) if a.status == "retry"}
    assert {m.message["Message-ID"].strip() for m in server.received} == earlier


def test_crlf_and_non_ascii_headline_in_subject_is_encoded(archive, tmp_path):
    """A headline with CR/LF and non-ASCII in the subject template: encoded, one line, no exception."""
    with SmtpServer() as server:
        result, _, _ = run(archive, make_config(tmp_path, server.port, subject="{headline} | {number}"))
    assert result.ok
    message = server.received[0]
    assert message.message["Subject"] == "Menag: “Moderasi” Kunci Kerukunan Baris Kedua — Pesantren Ṣalāḥ | 212/2026"
    head = message.raw.split(b"\r\n\r\n")[0]
    assert head.isascii() and b"=?utf-8?" in head.lower()
    assert b"Baris Kedua" not in head.split(b"Subject:")[0]  # nothing injected as a header


def test_bad_template_names_the_key(archive, tmp_path):
    """An unknown {name} in the body template: refused at config load and at send, nothing sent."""
    from clipper.errors import ConfigError
    with pytest.raises(ConfigError, match=r"sources.yaml:1: email.body: \{penerima\} tidak dikenal"):
        make_config(tmp_path, 1, body="Halo {penerima}")
    config = make_config(tmp_path, 1)
    config = replace(config, email=config.email.model_copy(update={"body": "Halo {penerima}"}))
    assert check_templates(config.email) and "email.body" in check_templates(config.email)[0]
    with pytest.raises(MailError, match=r"email.body: \{penerima\} tidak dikenal"):
        run(archive, config)


def test_draft_edition_is_finalised_before_sending(tmp_path, locator):
    """prepare_edition freezes a draft; only then can it be sent."""
    with Archive(_build_archive(tmp_path, final=False, locator=locator)) as archive:
        with SmtpServer() as server:
            config = make_config(tmp_path, server.port)
            with pytest.raises(MailError, match="masih draf"):
                run(archive, config)
            record = prepare_edition(archive, config, DAY)
            assert record.status == "final" and "-draf" not in record.pdf_path
            result, _, _ = run(archive, config)
    assert result.ok and len(server.received) == 2


def test_another_live_send_of_the_same_edition_is_refused(archive, tmp_path):
    """The per-edition lock: a running send elsewhere is refused; a dead one is taken over."""
    with archive.write():
        archive.insert("send_runs", {"edition_id": edition_id(archive), "started_at": "2026-11-24T01:00:00+00:00",
                                     "heartbeat_at": "2999-01-01T00:00:00+00:00", "pid": os.getpid(),
                                     "host": "mesin-lain", "status": "running"})
    with pytest.raises(MailError, match="sedang dikirim oleh proses lain"):
        run(archive, make_config(tmp_path, 1))
    with archive.write():
        archive.execute("update send_runs set heartbeat_at = '2026-11-24T01:00:00+00:00'")
        archive.insert("deliveries", {"edition_id": edition_id(archive), "address": MENTERI, "status": "sending",
                                      "at": "2026-11-24T01:00:00+00:00", "message_id": "<lama@litbang.example.id>"})
    with SmtpServer() as server:
        result, _, _ = run(archive, make_config(tmp_path, server.port), only=[MENTERI])
    assert result.ok and server.received[0].message["Message-ID"].strip() == "<lama@litbang.example.id>"
    assert delivery_log(archive, edition_id(archive))[0].status == "interrupted"


def test_cancel_during_back_off_stops_and_records(archive, tmp_path):
    """should_stop during the back-off: the run ends cancelled, attempts so far kept."""
    stop = []
    result, _, _ = run(archive, make_config(tmp_path, free_port()), delays=(30.0,),
                       should_stop=lambda: bool(stop), sleep=stop.append)
    assert result.cancelled and not result.ok and len(stop) == 1
    assert [a.status for a in delivery_log(archive, edition_id(archive))] == ["retry", "retry"]


def test_no_keyring_backend_says_how_to_set_the_password(tmp_path):
    """Headless machine without keyring: a message naming CLIPPER_SMTP_PASSWORD, not a traceback."""
    keyring.set_keyring(fail.Keyring())
    spec = make_config(tmp_path, 25, username=USER).email
    with pytest.raises(MailError, match="tidak punya keyring") as info:
        get_password(spec)
    assert ENV_PASSWORD in str(info.value)
    with pytest.raises(MailError, match=ENV_PASSWORD):
        set_password(spec, "rahasia")
    assert ENV_PASSWORD in keyring_problem() and "tidak punya penyimpan kata sandi" in keyring_problem()
    keyring.set_keyring(MemoryKeyring())
    assert keyring_problem() is None


def test_keyring_stores_and_environment_wins(tmp_path, monkeypatch):
    """set-password goes to the keyring; a missing one says `clipper email set-password`; env overrides."""
    keyring.set_keyring(MemoryKeyring())
    spec = make_config(tmp_path, 25, username=USER).email
    with pytest.raises(MailError, match="clipper email set-password"):
        get_password(spec)
    set_password(spec, "dari-keyring")
    assert get_password(spec) == "dari-keyring"
    monkeypatch.setenv(ENV_PASSWORD, "dari-env")
    assert get_password(spec) == "dari-env"
    assert get_password(make_config(tmp_path, 25).email) is None  # no username: no login


def test_email_test_message(tmp_path):
    """send_test: a short message without attachment to the sender (or --to)."""
    with SmtpServer() as server:
        replies = send_test(make_config(tmp_path, server.port))
    assert [r.status for r in replies.values()] == ["sent"]
    assert server.received[0].rcpt_tos == ["kliping@litbang.example.id"]
    assert not list(server.received[0].message.iter_attachments())


def test_email_test_with_a_typed_password_needs_none_stored(tmp_path, pki):
    """send_test(password=…): the settings' test logs in with what was typed; nothing stored is read."""
    keyring.set_keyring(fail.Keyring())  # reading a stored password would fail
    with SmtpServer(mode="ssl", pki=pki, auth=True) as server:
        config = make_config(tmp_path, server.port, security="ssl", username=USER, ca_file=str(pki.ca_file))
        replies = send_test(config, password=PASSWORD)
    assert [r.status for r in replies.values()] == ["sent"] and server.handler.logins == [(USER, True)]


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CLIPPER_CONFIG_DIR": str(tmp_path), "CLIPPER_DATA_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "clipper", "--config", str(tmp_path / "sources.yaml"),
                           "--db", str(tmp_path / "arsip.db"), *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)


def test_cli_send_delivers_and_exits_nonzero_with_one_line_when_a_recipient_fails(template_db, tmp_path):
    """`clipper send`: delivers, then exit 1 and one stderr line when a recipient is refused."""
    shutil.copy(template_db, tmp_path / "arsip.db")
    script = Script(rcpt={KABIRO: ["550 5.1.1 Mailbox tidak ada"]})
    with SmtpServer(script=script) as server:
        spec = make_config(tmp_path, server.port).email.model_dump(exclude_none=True)
        (tmp_path / "sources.yaml").write_text(json.dumps({**BASE_CONFIG, "email": spec}), encoding="utf-8")
        first = _cli(tmp_path, "send", "--date", DAY)
        second = _cli(tmp_path, "send", "--date", DAY, "--to", MENTERI)
        bad = _cli(tmp_path, "send", "--date", DAY, "--to", "bukan-alamat")
    assert first.returncode == 1 and len(first.stderr.strip().splitlines()) == 1
    assert "1 terkirim, 1 gagal" in first.stderr and "550" in first.stderr
    assert "menteri@kemenag.example.id: terkirim" in first.stdout
    assert second.returncode == 0 and "sudah menerima" in second.stdout
    assert bad.returncode == 1 and "bukan alamat email" in bad.stderr
    assert [m.rcpt_tos for m in server.received] == [[MENTERI]]
