"""sources.yaml loading and validation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clipper.errors import ConfigError
from clipper.workspace.configuration import load_config, parse_config

ROOT = Path(__file__).resolve().parents[2]

VALID = """\
sources:
  - name: Warta
    feed: "https://warta.example.id/rss.xml"
  - name: Cakrawala
    site: "https://cakrawala.example.id/nasional/"
    article_pattern: "/berita/[^/]+$"
    rubrik: Nasional
    delay: 1.5
  - name: Madrasah
    sitemap: "https://madrasah.example.id/sitemap.xml"
    enabled: false
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(text, "sources.yaml")
    return info.value.problems


def test_valid_config_gives_sources():
    """A valid file yields one Source per entry with its kind, URL and options."""
    config = parse_config(VALID)
    kinds = [(s.name, s.kind, s.url) for s in config.sources]
    assert kinds[0] == ("Warta", "feed", "https://warta.example.id/rss.xml")
    assert config.sources[1].article_pattern == "/berita/[^/]+$"
    assert config.sources[1].delay == 1.5 and config.sources[1].rubrik == "Nasional"
    assert [s.name for s in config.enabled_sources()] == ["Warta", "Cakrawala"]
    assert config.sources[0].language == "id"


def test_bundled_default_is_valid_and_large_enough():
    """The bundled sources.yaml loads and lists at least 15 real media plus query feeds."""
    config = load_config(ROOT / "sources.yaml")
    assert len(config.sources) >= 15
    assert any(s.aggregator for s in config.enabled_sources())
    assert all(s.url.startswith("https://") for s in config.sources)


def test_unknown_key_names_line_and_field():
    """An unknown key is reported with its line number and the source's name."""
    text = VALID.replace("    rubrik: Nasional\n", "    rubrik: Nasional\n    colour: red\n")
    [problem] = problems_of(text)
    assert problem.startswith("sources.yaml:8: sources[1] (Cakrawala).colour:")
    assert "tidak dikenal" in problem


def test_two_kinds_and_bad_url_and_bad_pattern_each_reported():
    """Every problem gets its own line: two kinds, a non-http URL, a bad regex, a wrong type."""
    text = """\
sources:
  - name: A
    feed: "https://a.example.id/rss"
    sitemap: "https://a.example.id/sitemap.xml"
  - name: B
    feed: "ftp://b.example.id/rss"
  - name: C
    site: "https://c.example.id/"
    article_pattern: "(unclosed"
  - name: D
    feed: "https://d.example.id/rss"
    max_items: banyak
"""
    problems = problems_of(text)
    assert len(problems) == 4
    assert problems[0].startswith("sources.yaml:2: sources[0] (A):") and "satu jenis" in problems[0]
    assert problems[1].startswith("sources.yaml:6: sources[1] (B).feed:") and "http" in problems[1]
    assert problems[2].startswith("sources.yaml:9: sources[2] (C).article_pattern:")
    assert problems[3].startswith("sources.yaml:12: sources[3] (D).max_items:")


def test_missing_url_and_missing_pattern():
    """A source without any URL, and a site: without article_pattern:, are errors."""
    problems = problems_of("sources:\n  - name: A\n  - name: B\n    site: https://b.example.id/\n")
    assert "salah satu dari feed" in problems[0] and problems[0].startswith("sources.yaml:2:")
    assert "article_pattern" in problems[1] and problems[1].startswith("sources.yaml:3:")


def test_unknown_top_level_section_and_duplicate_names():
    """An unknown top-level section is an error, and so is a media name used twice."""
    problems = problems_of(VALID + "colours:\n  - red\n")
    assert problems == ["sources.yaml:12: colours: kunci tidak dikenal"]
    dup = "sources:\n  - name: A\n    feed: https://a.id/rss\n  - name: a\n    feed: https://b.id/rss\n"
    assert problems_of(dup) == ["sources.yaml:4: sources[1].name: nama sumber ganda 'a' (sudah dipakai di baris 2)"]


def test_all_problems_at_once_in_line_order():
    """A broken topic rule is reported together with a broken source, in file order."""
    text = ("sources:\n  - name: A\n    feed: ftp://a.id/rss\n  - name: A\n    feed: https://b.id/rss\n"
            "topics:\n  - id: baru\n    terms: {}\n")
    problems = problems_of(text)
    assert len(problems) == 3, problems
    assert [int(p.split(":")[1]) for p in problems] == sorted(int(p.split(":")[1]) for p in problems)
    assert problems[0].startswith("sources.yaml:3:") and "nama sumber ganda" in problems[1]
    assert problems[2].startswith("sources.yaml:8:") and "topics" in problems[2]


def test_yaml_syntax_error_has_line():
    """Broken YAML is reported with its line, not a traceback."""
    [problem] = problems_of("sources:\n  - name: A\n    feed: [unclosed\n  - name: B\n")
    assert problem.startswith("sources.yaml:4: YAML tidak sah") or problem.startswith("sources.yaml:3:")


def test_missing_file(tmp_path):
    """A missing config file gives a one-line reason."""
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml")
    assert "tidak ditemukan" in str(info.value)


def test_invalid_config_is_never_overwritten(tmp_path):
    """The CLI refuses an invalid config with exit 2 and leaves the file byte-for-byte intact."""
    path = tmp_path / "sources.yaml"
    text = "sources:\n  - name: A\n    feed: nothttp\n"
    path.write_text(text)
    run = subprocess.run([sys.executable, "-m", "clipper", "--config", str(path), "--db",
                          str(tmp_path / "a.db"), "harvest"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2
    assert "sources.yaml:3: sources[0] (A).feed" in run.stderr
    assert "Traceback" not in run.stderr
    assert path.read_text() == text
    assert not (tmp_path / "a.db").exists()


def test_core_does_not_import_qt():
    """Importing the whole core never loads PySide6."""
    code = ("import sys, pkgutil, importlib, clipper;"
            "[importlib.import_module(m.name) for m in pkgutil.walk_packages(clipper.__path__, 'clipper.')"
            " if m.name != 'clipper.__main__'];"
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_extraction_workers_do_not_import_the_http_stack():
    """The workers' forkserver imports what extraction needs, not httpx, aiohttp or the
    archive (the main process's alone: ~0.4 s of every harvest's start)."""
    code = ("import sys, importlib; from clipper.harvest.workers import WORKER_MODULES;"
            "[importlib.import_module(m) for m in WORKER_MODULES];"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'httpx', 'aiohttp', 'sqlite_utils'}),"
            "'clipper.harvest.harvester' in sys.modules, 'clipper.store.archive' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[] False False"


def test_topic_rule_errors_have_lines():
    """A bad topic rule is reported with its line; an unknown gazetteer group too."""
    text = VALID + "topics:\n  - id: kemenag\n    threshold: -1\n"
    [problem] = problems_of(text)
    assert problem.startswith("sources.yaml:14: topics[0].threshold:")
    text = VALID + "topics:\n  - id: baru\n    label: Baru\n    terms: [$tidak_ada]\n"
    [problem] = problems_of(text)
    assert problem.startswith("sources.yaml:12: topics:") and "tidak_ada" in problem


def test_gazetteer_beside_config_extends_vocabulary(tmp_path):
    """First run copies the bundled gazetteer beside sources.yaml; a term an editor adds there counts."""
    from clipper.classify.classifier import classifier_for
    from clipper.config import ensure_user_config
    from clipper.workspace.configuration import load_config
    path = ensure_user_config(tmp_path / "cfg" / "sources.yaml")
    gazetteer = path.parent / "gazetteer.yaml"
    assert gazetteer.read_text(encoding="utf-8") == (ROOT / "resources/gazetteer.yaml").read_text(encoding="utf-8")
    title, text = "Pusat Kajian Toleransi Nusantara Rilis Laporan", "Laporan tahunan dirilis hari ini."
    assert not classifier_for(load_config(path)).classify(title, text).relevant
    edited = gazetteer.read_text(encoding="utf-8").replace(
        "  kemenag_names:\n", "  kemenag_names:\n    - Pusat Kajian Toleransi Nusantara\n", 1)
    assert edited != gazetteer.read_text(encoding="utf-8")
    gazetteer.write_text(edited, encoding="utf-8")
    assert classifier_for(load_config(path)).classify(title, text).topics == ("kemenag",)


def test_email_template_with_unknown_field_has_line():
    """An email subject naming an unknown {field} is a config error on its line."""
    text = VALID + "email:\n  host: smtp.x.id\n  sender: kliping@x.id\n  subject: \"Kliping {tanggal}\"\n"
    [problem] = problems_of(text)
    assert problem.startswith("sources.yaml:15: email.subject:") and "{tanggal}" in problem


@pytest.mark.parametrize("text, expected", [
    ("sources:\n  - name: A\n    site: https://a.id/\n    article_pattern: '/berita/(\\d+'\n",
     "sources.yaml:4: sources[0] (A).article_pattern: pola regex tidak sah: kurung ( tanpa pasangan ) (posisi 9)"),
    ("sources:\n\t- name: A\n", "sources.yaml:2: YAML tidak sah: karakter tab tidak boleh untuk indentasi; pakai spasi"),
    ("sources:\n  - name: A\n    feed: https://a.id/rss\n    feed: https://b.id/rss\n",
     "sources.yaml:4: YAML tidak sah: kunci yang sama ditulis dua kali"),
])
def test_library_messages_are_in_indonesian(text, expected):
    """Common regex and YAML mistakes are explained in Indonesian, at their line."""
    assert problems_of(text) == [expected]
