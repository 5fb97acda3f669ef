"""Editing sources.yaml: comments kept, validated with the CLI's messages, written atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from clipper import paths
from clipper.errors import ConfigError
from clipper.workspace.configuration import load_config
from clipper.workspace.editor import ConfigEditor

SAMPLE = """\
# Konfigurasi uji: komentar ini harus tetap ada.
editor:
  name: Siti   # editor pagi
sources:
  # --- media fiktif ---
  - name: Warta Contoh
    feed: "https://warta.contoh.id/rss.xml"   # feed utama
  - name: Kabar Contoh
    site: "https://kabar.contoh.id/berita"
    article_pattern: "/berita/[^/]+$"
"""


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_bundled_config_round_trips_unchanged():
    """Loading and dumping the bundled sources.yaml changes nothing, comments included."""
    editor = ConfigEditor.load(paths.bundled_config())
    assert editor.dump() == paths.bundled_config().read_text(encoding="utf-8")


def test_changes_are_saved_with_comments_kept(sample):
    """Disable, add, terms, editor, institution and email are saved; every comment stays."""
    editor = ConfigEditor.load(sample)
    editor.set_source_values(editor.source_names().index("Warta Contoh"), {"enabled": False})
    editor.append_source({"name": "Suara Contoh", "kind": "sitemap", "url": "https://suara.contoh.id/sitemap.xml"})
    editor.set_topic_terms("kemenag", ["penghulu", " ", "KUA digital"])
    editor.set_editor_name("Budi")
    editor.set_institution(["Kementerian Agama", "Perpustakaan"])
    editor.set_email_values({"host": "smtp.contoh.id", "sender": "kliping@contoh.id",
                             "recipients": [("a@contoh.id", None)]})
    config = editor.save()
    text = sample.read_text(encoding="utf-8")
    for comment in ("# Konfigurasi uji", "# editor pagi", "# --- media fiktif ---", "# feed utama"):
        assert comment in text
    reloaded = load_config(sample)
    assert reloaded == config
    assert [s.enabled for s in reloaded.sources] == [False, True, True]
    assert reloaded.editor.name == "Budi" and reloaded.edition.institution == ["Kementerian Agama", "Perpustakaan"]
    assert reloaded.email.recipients[0].address == "a@contoh.id"
    assert reloaded.topics_spec == [{"id": "kemenag", "terms": ["penghulu", "KUA digital"]}]
    editor.set_source_values(0, {"enabled": True})
    editor.save()
    assert "enabled" not in sample.read_text(encoding="utf-8")


def test_invalid_change_is_reported_like_the_cli_and_never_written(sample):
    """A bad URL and a duplicate name give file:line: field messages; the file is untouched."""
    editor = ConfigEditor.load(sample)
    editor.append_source({"name": "Warta Contoh", "kind": "feed", "url": "ftp://salah"})
    with pytest.raises(ConfigError) as caught:
        editor.save()
    message = "\n".join(caught.value.problems)
    assert f"{sample}:" in message and "sources[2] (Warta Contoh).feed" in message and "bukan URL http(s)" in message
    assert sample.read_text(encoding="utf-8") == SAMPLE
    assert [p.name for p in sample.parent.iterdir()] == ["sources.yaml"]  # no temp file left


def test_unreadable_yaml_is_a_config_error(tmp_path):
    """A file with broken YAML cannot be opened for editing; the error names the line."""
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - name: [tidak ditutup\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sources.yaml:\d+: YAML tidak sah"):
        ConfigEditor.load(path)


def test_saving_keeps_the_files_mode(tmp_path):
    """Pengaturan's save replaces sources.yaml atomically and keeps who may read it (it was made
    private, 0600, by a temporary file's mode)."""
    import os
    import stat

    from clipper.workspace.editor import ConfigEditor

    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - name: Warta\n    feed: https://warta.example.id/rss\n", encoding="utf-8")
    os.chmod(path, 0o644)
    editor = ConfigEditor.load(path)
    editor.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
