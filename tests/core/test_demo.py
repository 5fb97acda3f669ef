"""`clipper demo` runs the whole flow offline and matches the corpus's ground truth."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = YAML(typ="safe").load((ROOT / "resources/demo/manifest.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    run = subprocess.run([sys.executable, "-m", "clipper", "demo", "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    conn = sqlite3.connect(out / "arsip.db")
    conn.row_factory = sqlite3.Row
    yield run, out, conn
    conn.close()


def test_demo_exits_zero_and_reports(demo):
    """The demo succeeds, reports the two broken sources and prints the PDF path."""
    run, out, _ = demo
    assert run.returncode == 0, run.stderr
    assert "Portal Rusak" in run.stdout and "HTTP 404" in run.stdout
    assert "Berita Kacau" in run.stdout and "bukan feed" in run.stdout
    assert f"PDF kliping: {out}" in run.stdout


def test_every_manifest_article_harvested_once(demo):
    """Each of the corpus's articles is in the archive exactly once, with its media and title."""
    _, _, conn = demo
    rows = {r["title"]: r for r in conn.execute("select * from articles")}
    assert len(rows) == len(MANIFEST["articles"]) == conn.execute("select count(*) from articles").fetchone()[0]
    for entry in MANIFEST["articles"]:
        row = rows[entry["title"]]
        assert row["media"] == entry["media"]
        assert row["language"] == entry["language"]
        assert row["published_at"].endswith("+07:00") and entry["time"] in row["published_at"]


def test_relevance_matches_manifest(demo):
    """Relevant articles are queued (approved by the demo) and unrelated ones are not."""
    _, _, conn = demo
    for entry in MANIFEST["articles"]:
        row = conn.execute("select status, topics from articles where title = ?", [entry["title"]]).fetchone()
        if entry["topics"]:
            assert row["status"] in ("new", "approved"), entry["title"]
            assert set(entry["topics"]) <= set(json.loads(row["topics"])), entry["title"]
        else:
            assert row["status"] == "irrelevant", entry["title"]


def test_syndicated_story_grouped_and_same_event_not(demo):
    """The three copies share one story; two reports of the same event stay apart."""
    _, _, conn = demo
    def story(entries):
        return {conn.execute("select story_id from articles where title = ?", [e["title"]]).fetchone()[0]
                for e in entries}
    copies = [e for e in MANIFEST["articles"] if e.get("story")]
    assert len(copies) == 3
    ids = story(copies)
    assert len(ids) == 1 and None not in ids
    pair = [e for e in MANIFEST["articles"] if e.get("event")]
    assert len(pair) == 2
    assert story(pair) == {None}


def test_two_page_article_joined(demo):
    """The two-page article's text holds page 2 as well."""
    _, _, conn = demo
    entry = next(e for e in MANIFEST["articles"] if e.get("pages"))
    text = conn.execute("select text from articles where title = ?", [entry["title"]]).fetchone()[0]
    assert len(text.split()) >= entry["words"] * 0.85


def test_demo_pdf_is_the_days_clipping(demo):
    """The final PDF lists today's approved articles (a syndicated story once) and is registered."""
    _, out, conn = demo
    edition = conn.execute("select * from editions").fetchone()
    assert edition["status"] == "final"
    reader = PdfReader(edition["pdf_path"])
    assert len(reader.pages) == edition["pages"] >= 10
    toc = reader.pages[1].extract_text() + reader.pages[2].extract_text()  # after the ringkasan on its page
    assert "Daftar Isi" in toc
    stories = conn.execute("select count(distinct coalesce(story_id, -id)) from articles "
                           "where status = 'approved'").fetchone()[0]
    approved = conn.execute("select count(*) from articles where status = 'approved'").fetchone()[0]
    assert stories == edition["articles"] >= 15 and stories < approved  # the syndicated story printed once
