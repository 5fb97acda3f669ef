"""The settings' fields over sources.yaml: every source and email field written back with the file's
comments kept, a source removed without losing a neighbour's comment, field messages from the CLI's rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clipper import paths
from clipper.errors import ConfigError
from clipper.workspace.configuration import load_config, parse_config
from clipper.workspace.editor import ConfigEditor
from clipper.workspace.fields import (email_problems, email_values, format_recipients, parse_recipients,
                                      source_from_values, source_problems)

COMMENTED = """\
# Konfigurasi uji dengan komentar di antara sumber.
sources:
  # --- nasional ---
  - name: Warta Contoh
    feed: "https://warta.contoh.id/rss.xml"   # feed utama
    delay: 0.125
  # --- keagamaan: dua sumber ---
  - name: Kabar Contoh
    site: "https://kabar.contoh.id/berita"
    article_pattern: "/berita/[^/]+$"
    extract:
      drop:
        - ".iklan"
        - ".baca-juga"   # kotak baca juga
    # sumber berikut dipantau sejak 2026
  - name: Suara Contoh
    sitemap: "https://suara.contoh.id/sitemap.xml"
    rubrik: Daerah   # rubrik daerah
# --- setelan editor ---
editor:
  name: Siti
email:
  host: smtp.contoh.id   # server kantor
  sender: kliping@contoh.id
  recipients: [{address: menteri@contoh.id, name: Sekretariat Menteri}, kabiro@contoh.id]
# akhir berkas
"""

EVERY_FIELD = {"name": "Media Lengkap", "kind": "site", "url": "https://lengkap.contoh.id/nasional",
               "article_pattern": r"/nasional/\d+/", "enabled": False, "language": "en", "rubrik": "Nasional",
               "max_items": 20, "delay": 1.5, "concurrency": 3, "timeout": 45.0, "aggregator": True,
               "body": ["div.isi"], "drop": [".iklan", "aside.baca"], "next_page": "a.berikut"}


@pytest.fixture
def commented(tmp_path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def _comments(text: str) -> list[str]:
    return re.findall(r"#.*", text)


def test_removing_any_bundled_source_removes_exactly_its_own_lines():
    """Each of the bundled file's sources removed in turn: the file is the same minus that entry's lines."""
    text = paths.bundled_config().read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    names = ConfigEditor.load(paths.bundled_config()).source_names()
    for index, name in enumerate(names):
        editor = ConfigEditor.load(paths.bundled_config())
        editor.remove_source_at(index)
        start = next(k for k, line in enumerate(lines) if line.strip() in (f"- name: {name}", f'- name: "{name}"'))
        end = start + 1
        while end < len(lines) and re.match(r"    [^ #]", lines[end]):
            end += 1
        assert editor.dump() == "".join(lines[:start] + lines[end:]), name


def test_removing_a_source_keeps_the_comment_above_the_next(commented):
    """The first, middle and last source removed: the others and every comment not inside it stay."""
    for index, own in ((0, ["# feed utama"]), (1, ["# kotak baca juga"]), (2, ["# rubrik daerah"])):
        editor = ConfigEditor.load(commented)
        names = editor.source_names()
        editor.remove_source_at(index)
        editor.save()
        text = commented.read_text(encoding="utf-8")
        assert _comments(text) == [c for c in _comments(COMMENTED) if c not in own]
        assert [s.name for s in load_config(commented).sources] == names[:index] + names[index + 1:]
        commented.write_text(COMMENTED, encoding="utf-8")


def test_every_source_field_round_trips(commented):
    """A new source with every field, then each field of an old one changed: the file loads them back."""
    editor = ConfigEditor.load(commented)
    index = editor.append_source({"name": "x", "kind": "feed", "url": "https://x.contoh.id/rss"})
    editor.set_source_values(index, EVERY_FIELD)
    assert editor.source_values(index) == EVERY_FIELD
    changed = dict(editor.source_values(2), kind="feed", url="https://suara.contoh.id/rss", rubrik=None,
                   max_items=5, body=["article .isi"])
    editor.set_source_values(2, changed)
    editor.set_source_values(1, dict(editor.source_values(1), drop=[".iklan"]))
    editor.save()
    config = load_config(commented)
    source = config.sources[3]
    assert (source.name, source.kind, source.url, source.article_pattern) == (
        "Media Lengkap", "site", EVERY_FIELD["url"], EVERY_FIELD["article_pattern"])
    assert (source.enabled, source.language, source.rubrik, source.max_items, source.delay, source.concurrency,
            source.timeout, source.aggregator) == (False, "en", "Nasional", 20, 1.5, 3, 45.0, True)
    assert source.extract.body == ("div.isi",) and source.extract.drop == (".iklan", "aside.baca")
    assert source.extract.next_page == "a.berikut"
    suara = config.sources[2]
    assert (suara.kind, suara.url, suara.rubrik, suara.max_items, suara.extract.body) == (
        "feed", "https://suara.contoh.id/rss", None, 5, ("article .isi",))
    text = commented.read_text(encoding="utf-8")
    assert _comments(text) == [c for c in _comments(COMMENTED) if c not in ("# rubrik daerah", "# kotak baca juga")]
    assert "      drop: .iklan\n    # sumber berikut dipantau sejak 2026\n  - name: Suara Contoh\n" in text
    assert "      next_page: a.berikut\n# --- setelan editor ---\neditor:\n" in text
    assert ConfigEditor.load(commented).source_values(3) == EVERY_FIELD


def test_unchanged_values_leave_the_text_as_it_was(commented):
    """Writing a source's own values back changes nothing, quoting and comments included."""
    editor = ConfigEditor.load(commented)
    for index in range(3):
        editor.set_source_values(index, editor.source_values(index))
    editor.set_email_values(editor.email_values())
    assert editor.dump() == COMMENTED


def test_email_fields_round_trip_and_an_empty_host_removes_the_section(commented):
    """Every email field written and read back; recipients keep their names; no host, no section."""
    editor = ConfigEditor.load(commented)
    values = dict(editor.email_values(), port=465, security="ssl", username="kliping", sender_name="Perpustakaan",
                  recipients=parse_recipients("Sekretariat Menteri <menteri@contoh.id>\nbaru@contoh.id"),
                  bcc=True, subject="Kliping {date}", body="Yth. Bapak/Ibu,\n{headlines}",
                  max_attachment_mb=5.0, timeout=20.0, ca_file="/etc/ssl/kantor.pem")
    editor.set_email_values(values)
    editor.save()
    spec = load_config(commented).email
    assert (spec.port, spec.security, spec.username, spec.sender_name, spec.bcc, spec.subject, spec.body,
            spec.max_attachment_mb, spec.timeout, spec.ca_file) == (
        465, "ssl", "kliping", "Perpustakaan", True, "Kliping {date}", "Yth. Bapak/Ibu,\n{headlines}", 5.0, 20.0,
        "/etc/ssl/kantor.pem")
    assert [(r.address, r.name) for r in spec.recipients] == [("menteri@contoh.id", "Sekretariat Menteri"),
                                                              ("baru@contoh.id", None)]
    assert ConfigEditor.load(commented).email_values() == email_values(values | {"recipients": [
        {"address": "menteri@contoh.id", "name": "Sekretariat Menteri"}, "baru@contoh.id"]})
    assert "# server kantor" in commented.read_text(encoding="utf-8")
    editor.set_email_values(dict(values, host=""))
    editor.save()
    text = commented.read_text(encoding="utf-8")
    assert load_config(commented).email is None and "email:" not in text and text.endswith("# akhir berkas\n")


def test_field_messages_are_the_command_lines(commented):
    """A bad URL, regex, selector and number get the CLI's own messages, each under its field."""
    values = dict(EVERY_FIELD, url="ftp://salah", article_pattern="berita/(", drop=["div[["], max_items=0)
    problems = source_problems(values)
    yaml = COMMENTED.replace('"https://kabar.contoh.id/berita"', '"ftp://salah"').replace(
        '"/berita/[^/]+$"', '"berita/("')
    with pytest.raises(ConfigError) as caught:
        parse_config(yaml, commented)
    cli = "\n".join(caught.value.problems)
    assert set(problems) == {"url", "article_pattern", "drop", "max_items"}
    for key in ("url", "article_pattern"):
        assert problems[key] in cli, key
    assert problems["max_items"] == "harus paling sedikit 1 (bukan 0)"
    assert source_problems(dict(EVERY_FIELD, url="")) == {"url": "wajib diisi"}
    assert source_problems(dict(EVERY_FIELD, article_pattern=None)) == {
        "article_pattern": "wajib diisi untuk halaman rubrik (tautan mana yang artikel)"}
    assert source_problems(dict(EVERY_FIELD, name="warta contoh "), ["Warta Contoh"]) == {
        "name": "nama sumber ganda 'warta contoh'"}
    assert source_problems(EVERY_FIELD) == {} and source_from_values(EVERY_FIELD).extract.next_page == "a.berikut"


def test_email_field_messages(commented):
    """Sender, recipient lines and templates are checked as the file is; no host means no email."""
    values = email_values({"host": "smtp.contoh.id", "sender": "kliping@contoh.id"})
    assert email_problems(values) == {}
    bad = dict(values, sender="", recipients=[("menteri@contoh.id", None), ("bukan-alamat", None)],
               subject="{tanggal}")
    problems = email_problems(bad)
    assert problems["sender"] == "wajib diisi"
    assert problems["recipients"] == "baris 2: format tidak sah (bukan 'bukan-alamat')"
    assert email_problems(dict(values, subject="{tanggal}"))["subject"].startswith("{tanggal} tidak dikenal")
    assert email_problems(dict(bad, host="")) == {}


def test_recipient_lines():
    """'Nama <alamat>' and bare addresses, one per line, read and written back alike."""
    text = "Sekretariat Menteri <menteri@contoh.id>\n\n  kabiro@contoh.id  "
    people = parse_recipients(text)
    assert people == [("menteri@contoh.id", "Sekretariat Menteri"), ("kabiro@contoh.id", None)]
    assert parse_recipients(format_recipients(people)) == people
