"""What an edition holds and prints (issue 17): the confirmed tone only, a syndicated story once,
every approved article in exactly one edition, the day written in full."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from clipper.edition.compile import compile_edition
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.workspace.configuration import parse_config
from tests._archive import insert_row

DAY = "2026-12-05"
CONFIG = "sources:\n  - name: Warta\n    feed: https://warta.example.id/rss\neditor:\n  name: Rina Editor\n"


def _add(archive: Archive, n: int, **columns) -> int:
    return insert_row(archive, {
        "url": f"https://warta.example.id/{n}", "url_key": f"warta.example.id/{n}", "media": "Warta",
        "title": f"Judul Berita {n}", "text": "Isi berita tentang madrasah. " * 20, "day": DAY,
        "published_at": f"{DAY}T08:0{n}:00+07:00", "published_utc": f"{DAY}T01:0{n}:00+00:00",
        "topics": json.dumps(["kemenag"]), "primary_topic": "kemenag", "status": "new", **columns})


def test_only_a_confirmed_tone_is_printed(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        guessed = _add(archive, 1, tone_suggested="negatif")
        confirmed = _add(archive, 2, tone_suggested="negatif", tone="positif")
        update_articles(archive, [guessed, confirmed], decision="approve")
        _, info = compile_edition(archive, parse_config(CONFIG, tmp_path / "s.yaml"), DAY, out=tmp_path / "k.pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(info.path).pages]
    text = " ".join(pages)
    assert "NADA: POSITIF" in text and "NADA: NEGATIF" not in text


def test_the_day_is_written_5_desember_everywhere(tmp_path):
    """Cover, running header, mail subject and body: "Sabtu, 5 Desember 2026", never "05 Desember"."""
    from clipper.mail.message import template_values
    with Archive(tmp_path / "a.db") as archive:
        update_articles(archive, [_add(archive, 1)], decision="approve")
        _, info = compile_edition(archive, parse_config(CONFIG, tmp_path / "s.yaml"), DAY, out=tmp_path / "k.pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(info.path).pages]
    assert "Sabtu, 5 Desember 2026" in pages[0] and all("05 Desember" not in p for p in pages)
    values = template_values({"sections": []}, day=DAY, number="1/2026", pages=3, fallback_editor=None)
    assert values["date"] == "Sabtu, 5 Desember 2026"


def _story_copy(archive: Archive, n: int, media: str, story: int, text: str, **columns) -> int:
    return _add(archive, n, media=media, story_id=story, text=text, url_key=f"{media}.example.id/{n}",
                url=f"https://{media}.example.id/{n}", **columns)


def _printed(info) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(info.path).pages)


def test_a_syndicated_story_is_printed_once_with_the_other_media(tmp_path):
    """Three media, one story: printed once (the fullest copy), "Juga dimuat di" names the other two;
    the editor may choose which copy is printed."""
    from clipper.edition.compile import printed_articles
    from clipper.store.edition_members import set_story_lead
    config = parse_config(CONFIG, tmp_path / "s.yaml")
    with Archive(tmp_path / "a.db") as archive:
        short = _story_copy(archive, 1, "Warta", 7, "Kemenag membuka pendaftaran beasiswa. " * 10)
        full = _story_copy(archive, 2, "Kabar", 7, "Kemenag membuka pendaftaran beasiswa santri. " * 30)
        third = _story_copy(archive, 3, "Suara", 7, "Kemenag membuka pendaftaran beasiswa. " * 12)
        update_articles(archive, [short, full, third], decision="approve")
        assert [a.id for a in printed_articles(archive, DAY)] == [full]
        _, info = compile_edition(archive, config, DAY, out=tmp_path / "k.pdf")
        text = _printed(info)
        assert text.count("Judul Berita 2") >= 1 and "Judul Berita 1" not in text and "Judul Berita 3" not in text
        assert "Juga dimuat di: Warta, Suara" in text
        set_story_lead(archive, third)
        assert [a.id for a in printed_articles(archive, DAY)] == [third]


def test_one_medium_copies_are_one_article_and_never_also_published(tmp_path):
    """A desktop and a mobile copy of one medium: printed once; "Juga dimuat" names other media only."""
    config = parse_config(CONFIG, tmp_path / "s.yaml")
    with Archive(tmp_path / "a.db") as archive:
        desktop = _story_copy(archive, 1, "Kompas", 9, "Menag meresmikan gedung madrasah baru. " * 20)
        mobile = _story_copy(archive, 2, "Kompas", 9, "Menag meresmikan gedung madrasah baru. " * 19)
        update_articles(archive, [desktop, mobile], decision="approve")
        _, info = compile_edition(archive, config, DAY, out=tmp_path / "k.pdf")
    text = _printed(info)
    assert "Judul Berita 2" not in text and "Juga dimuat" not in text


def test_an_evening_story_approved_next_morning_goes_to_the_next_edition(tmp_path):
    """Published 19.00 on day 1 and approved on day 2 after day 1's final: in day 2's edition; an
    article is in one edition only; an approval dated later waits for its own day, and the editor
    is told why an edition is empty."""
    from clipper.edition.compile import EditionError, printed_articles
    config = parse_config(CONFIG, tmp_path / "s.yaml")
    day1, day2 = "2026-12-05", "2026-12-06"
    with Archive(tmp_path / "a.db") as archive:
        morning = _add(archive, 1)
        update_articles(archive, [morning], decision="approve")
        compile_edition(archive, config, day1, final=True, out=tmp_path / "d1.pdf")
        evening = _add(archive, 2, published_at=f"{day1}T19:00:00+07:00", published_utc=f"{day1}T12:00:00+00:00")
        update_articles(archive, [evening], decision="approve")
        assert [a.id for a in printed_articles(archive, day2)] == [evening]  # not lost between editions
        tomorrow = _add(archive, 3, day="2026-12-07", published_at="2026-12-07T06:00:00+07:00",
                        published_utc="2026-12-06T23:00:00+00:00")
        update_articles(archive, [tomorrow], decision="approve")
        record, _ = compile_edition(archive, config, day2, final=True, out=tmp_path / "d2.pdf")
        assert record.articles == 1
        assert printed_articles(archive, day1) == []
        with pytest.raises(EditionError) as info:
            compile_edition(archive, config, "2026-12-04", out=tmp_path / "x.pdf")
        assert "1 artikel disetujui bertanggal sesudah 2026-12-04" in str(info.value)
        assert [a.id for a in printed_articles(archive, "2026-12-07")] == [tomorrow]


def test_an_old_approval_that_never_reached_an_edition_is_not_dragged_in(tmp_path):
    from clipper.edition.compile import printed_articles
    from clipper.store.edition_members import STALE_APPROVAL_DAYS
    with Archive(tmp_path / "a.db") as archive:
        old = _add(archive, 1, day="2026-09-01", status="approved", decided_at="2026-09-01T03:00:00+00:00")
        recent = _add(archive, 2, day="2015-03-22", status="approved", decided_at=f"{DAY}T02:00:00+00:00")
        assert STALE_APPROVAL_DAYS < 90
        assert [a.id for a in printed_articles(archive, DAY)] == [recent]  # (old: approved 95 days before)
        assert old not in [a.id for a in printed_articles(archive, DAY)]
