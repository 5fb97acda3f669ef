"""Re-applying changed topic rules: preview first, editor decisions untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from clipper.classify.classifier import classifier_for
from clipper.classify.reclassify import apply_reclassify, plan_reclassify
from clipper.dates import judged_day
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.store.records import encode_classification
from clipper.workspace.configuration import parse_config
from tests._archive import get_row, insert_row

ROOT = Path(__file__).resolve().parents[2]
BASE = "sources:\n  - name: Warta\n    feed: https://warta.example.id/rss\n"
EXTENDED = BASE + "topics:\n  - id: kemenag\n    terms: [Pusaka Digital]\n"
ARTICLES = [
    ("Menteri Agama Resmikan Madrasah", "Kementerian Agama meresmikan gedung madrasah negeri baru."),
    ("Aplikasi Pusaka Digital Diperbarui", "Aplikasi Pusaka Digital kini memuat layanan baru bagi warga."),
    ("Harga Cabai Naik", "Harga cabai di pasar naik tajam menjelang akhir pekan."),
]


def fill(path, config) -> list[int]:
    classifier = classifier_for(config)
    ids = []
    with Archive(path) as archive:
        for n, (title, text) in enumerate(ARTICLES):
            row = {"url": f"https://w.id/{n}", "url_key": f"w.id/{n}", "media": "Warta", "title": title,
                   "text": text, "day": "2026-11-24", **asdict(encode_classification(classifier.classify(title, text)))}
            ids.append(insert_row(archive, row))
    return ids


def test_plan_then_apply_keeps_editor_decisions(locator):
    """A new term moves an irrelevant article into the queue; approved/tone/tags stay as the editor set them."""
    db = locator
    ids = fill(db, parse_config(BASE))
    with Archive(db) as archive:
        assert get_row(archive, ids[1])["status"] == "irrelevant"
        update_articles(archive, [ids[0]], decision="approve", tone="negatif", add_tags=["penting"])
        plan = plan_reclassify(archive, classifier_for(parse_config(EXTENDED)))
        assert plan.checked == 3
        assert [c.article_id for c in plan.entering()["kemenag"]] == [ids[1]]
        assert get_row(archive, ids[1])["status"] == "irrelevant"  # a plan changes nothing
        assert apply_reclassify(archive, plan) == 1
        moved, kept = get_row(archive, ids[1]), get_row(archive, ids[0])
        assert moved["status"] == "new" and json.loads(moved["topics"]) == ["kemenag"]
        assert kept["status"] == "approved" and kept["tone"] == "negatif" and kept["tags"] == '["penting"]'
        back = plan_reclassify(archive, classifier_for(parse_config(BASE)))
        assert [c.article_id for c in back.leaving()["kemenag"]] == [ids[1]]


def test_cli_dry_run_shows_and_changes_nothing(tmp_path, locator):
    """`clipper reclassify --dry-run` lists entering articles and leaves the archive as it was."""
    db = locator
    ids = fill(db, parse_config(BASE))
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(EXTENDED)
    cmd = [sys.executable, "-m", "clipper", "--config", str(cfg), "--db", str(db), "reclassify"]
    run = subprocess.run(cmd + ["--dry-run"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "kemenag: 1 masuk" in run.stdout and "Aplikasi Pusaka Digital" in run.stdout
    with Archive(db) as archive:
        assert get_row(archive, ids[1])["status"] == "irrelevant"
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert "1 artikel diperbarui" in run.stdout
    with Archive(db) as archive:
        assert get_row(archive, ids[1])["status"] == "new"


def test_article_entering_the_queue_gets_tone_and_narasumber(locator):
    """A harvest skips tone/narasumber for irrelevant articles; reclassify fills them when one enters."""
    from clipper.classify.classifier import Classifier
    from clipper.classify.rules import topics_for
    classifier = Classifier(topics_for(parse_config(BASE)))
    text = '"Aplikasi Pusaka Digital kini lebih cepat," kata Kepala Biro Humas, Siti Aminah.'
    skipped = classifier.classify("Pusaka Digital Diperbarui", text, relevant_only=True)
    assert not skipped.relevant and skipped.tone is None and skipped.narasumber == ()
    db = locator
    with Archive(db) as archive:
        article_id = insert_row(archive, {"url": "https://w.id/p", "url_key": "w.id/p", "media": "Warta",
                                             "title": "Pusaka Digital Diperbarui", "text": text,
                                             "day": "2026-11-24", **asdict(encode_classification(skipped))})
        apply_reclassify(archive, plan_reclassify(archive, classifier_for(parse_config(EXTENDED))))
        row = get_row(archive, article_id)
        assert row["status"] == "new" and row["tone_suggested"] in ("positif", "netral", "negatif")
        assert json.loads(row["narasumber"])[0][0] == "Siti Aminah"


def test_rules_unchanged_change_nothing_on_dated_terms(locator):
    """An article is judged by its publication day, or counts every term when undated, both when
    harvested and when reclassified: the fetch day (stored as ``day`` when no date is known) never
    takes a BPJPH story out of the ministry's topic after BPJPH left it."""
    config = parse_config(BASE, Path("sources.yaml"))
    classifier = classifier_for(config)
    title, text = "BPJPH Percepat Sertifikasi", "BPJPH mempercepat sertifikasi halal bagi usaha kecil di daerah."
    with Archive(locator) as archive:
        for n, published in enumerate((None, "2023-05-02T09:00:00+07:00")):
            harvested = classifier.classify(title, text, published=judged_day(published))
            insert_row(archive, {"url": f"https://w.id/b{n}", "url_key": f"w.id/b{n}", "media": "Warta",
                                 "title": title, "text": text, "day": "2026-11-24", "published_at": published,
                                 **asdict(encode_classification(harvested))})
            assert "kemenag" in harvested.topics
        assert not plan_reclassify(archive, classifier).changes
