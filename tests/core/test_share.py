"""The WhatsApp edition (clipper.edition.share, `clipper share whatsapp`): a phone PDF and a digest text."""

from __future__ import annotations

import json
import random
from datetime import date
from io import BytesIO

import pypdf
import pytest
from PIL import Image

from clipper.cli.main import main
from clipper.dates import day_month_year
from clipper.edition.compile import compile_edition
from clipper.edition.pdf_parts import PHONE
from clipper.edition.share import (TITLE_MAX_CHARS, ShareError, ShareExists, digest, edition_from_snapshot,
                                   share_edition, share_folder)
from clipper.models import EditionSection
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.store.editions import editions_of, final_content
from clipper.store.images import record_images
from clipper.workspace.configuration import parse_config
from tests._archive import insert_row
from tests.core._pdf_data import _edition, _item
from tests.core.test_edition import CONFIG, DAY
from tests.core.test_pdf_layout import body_size, news_text

MEDIA = ("Harian Nusantara", "Warta Madani", "Kabar Pagi", "Suara Timur")


def photo(seed: int) -> bytes:
    """A large grainy news-like photo (~0.5 MB): the worst case for a small PDF."""
    rnd = random.Random(seed)
    img = Image.effect_noise((1600, 1000), 40).convert("RGB")
    img = Image.blend(img, Image.new("RGB", img.size, tuple(rnd.randrange(256) for _ in range(3))), 0.5)
    out = BytesIO()
    img.save(out, "JPEG", quality=92)
    return out.getvalue()


def add(archive: Archive, n: int, *, title: str | None = None, image: bool = True) -> int:
    url = f"https://warta.example.id/{n}"
    article_id = insert_row(archive, {
        "url": url, "url_key": f"warta.example.id/{n}", "media": MEDIA[n % len(MEDIA)],
        "title": title or f"Judul Berita Nomor {n} tentang Madrasah", "text": news_text(150 + 40 * (n % 5), n),
        "day": DAY, "status": "new", "published_at": f"{DAY}T08:{n % 60:02d}:00+07:00",
        "published_utc": f"{DAY}T01:{n % 60:02d}:00+00:00", "topics": json.dumps(["kemenag"]),
        "primary_topic": "kemenag", "image_url": f"{url}/foto.jpg" if image else None})
    if image:
        record_images(archive, [(f"{url}/foto.jpg", photo(n), "image/jpeg", None)])
    return article_id


@pytest.fixture
def setup(tmp_path):
    config = parse_config(CONFIG, tmp_path / "sources.yaml")
    archive = Archive(tmp_path / "arsip.db")
    yield config, archive
    archive.close()


def approve(archive: Archive, ids: list[int]) -> None:
    update_articles(archive, ids, decision="approve", editor="Rina")


def test_day_month_year():
    """The digest's date: "5 Desember 2026", no weekday, no leading zero."""
    assert day_month_year(date(2026, 12, 5)) == "5 Desember 2026"
    assert day_month_year("2027-01-09") == "9 Januari 2027"


def test_thirty_articles_give_two_small_files_for_a_phone(setup, tmp_path):
    """A final edition of 30 photo clippings: exactly a PDF <= 3 MB on a phone page and a digest."""
    config, archive = setup
    approve(archive, [add(archive, n) for n in range(1, 31)])
    compile_edition(archive, config, DAY, final=True, out=tmp_path / "a4.pdf")
    out = tmp_path / "wa"
    package = share_edition(archive, config, DAY, out)
    assert sorted(p.name for p in out.iterdir()) == ["kliping-2026-11-24-no-212-2026-whatsapp.pdf",
                                                    "kliping-2026-11-24-no-212-2026-whatsapp.txt"]
    assert package.record.status == "final" and package.articles == 30
    size = package.pdf.path.stat().st_size
    assert size <= 3 * 1024 * 1024, size
    reader = pypdf.PdfReader(package.pdf.path)
    assert float(reader.pages[0].mediabox.width) == pytest.approx(PHONE.page_w)  # 100 mm, not A4's 210
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    frozen = edition_from_snapshot(final_content(archive, package.record.id))
    assert all(item.title in text for item in frozen.items)
    widths = [int(x.get_object()["/Width"]) for page in reader.pages
              for x in (page["/Resources"].get("/XObject") or {}).values()
              if x.get_object().get("/Subtype") == "/Image"]
    assert len(widths) >= 30 and max(widths) <= PHONE.image_max_px  # every photo in, downsampled
    article_page = next(p for p in reader.pages if "Tautan:" in (p.extract_text() or ""))
    assert body_size(article_page) >= 10  # phone type: 10.5 pt on a 100 mm page


def test_digest_lists_every_title_with_its_media_in_order(setup, tmp_path):
    """The digest: the date as "24 November 2026", then "n. title (media)" in edition order, UTF-8."""
    config, archive = setup
    ids = [add(archive, n, image=False) for n in range(1, 6)]
    ids.append(add(archive, 6, title="Doa Bersama: إِنَّ اللَّهَ مَعَ الصَّابِرِينَ", image=False))
    approve(archive, ids)
    compile_edition(archive, config, DAY, final=True, out=tmp_path / "a4.pdf")
    package = share_edition(archive, config, DAY, tmp_path / "wa")
    data = package.digest_path.read_bytes()
    text = data.decode("utf-8")
    lines = text.splitlines()
    assert lines[1] == "24 November 2026" and "Selasa" not in text
    frozen = edition_from_snapshot(final_content(archive, package.record.id))
    numbered = lines[4:10]
    assert numbered == [f"{n}. {item.title} ({item.media})" for n, item in enumerate(frozen.items, start=1)]
    assert len(text) <= 4000 and package.digest_chars == len(text)
    assert package.pdf.path.name in text


def test_draft_is_used_when_there_is_no_final_and_says_so(setup, tmp_path):
    """No final edition: the draft is shared, named and marked as a draft."""
    config, archive = setup
    approve(archive, [add(archive, n, image=False) for n in (1, 2)])
    compile_edition(archive, config, DAY)
    package = share_edition(archive, config, DAY, tmp_path / "wa")
    assert package.record.status == "draft"
    assert package.pdf.path.name.endswith("-draf-whatsapp.pdf")
    assert "(DRAF)" in package.digest_path.read_text(encoding="utf-8")
    assert "DRAF" in pypdf.PdfReader(package.pdf.path).pages[0].extract_text()


def test_final_edition_is_shared_as_frozen(setup, tmp_path):
    """An article approved after finalising is not in the shared final edition."""
    config, archive = setup
    approve(archive, [add(archive, n, image=False) for n in (1, 2)])
    compile_edition(archive, config, DAY, final=True, out=tmp_path / "a4.pdf")
    approve(archive, [add(archive, 3, title="Berita Sesudah Final", image=False)])
    package = share_edition(archive, config, DAY, tmp_path / "wa")
    assert package.articles == 2
    assert "Berita Sesudah Final" not in package.digest_path.read_text(encoding="utf-8")


def test_no_edition_is_a_clear_error_and_writes_nothing(setup, tmp_path):
    """A day without an edition: an Indonesian error naming the day, and no file."""
    config, archive = setup
    approve(archive, [add(archive, 1, image=False)])
    with pytest.raises(ShareError, match="belum ada edisi tanggal Selasa, 24 November 2026"):
        share_edition(archive, config, DAY, tmp_path / "wa")
    assert not (tmp_path / "wa").exists()


def test_existing_files_are_never_overwritten_silently(setup, tmp_path):
    """A second share refuses and leaves both files as they were; force replaces them."""
    config, archive = setup
    approve(archive, [add(archive, 1, image=False)])
    compile_edition(archive, config, DAY, final=True, out=tmp_path / "a4.pdf")
    first = share_edition(archive, config, DAY, tmp_path / "wa")
    first.digest_path.write_text("catatan editor", encoding="utf-8")
    with pytest.raises(ShareExists) as info:
        share_edition(archive, config, DAY, tmp_path / "wa")
    assert first.digest_path in info.value.paths and first.pdf.path in info.value.paths
    assert first.digest_path.read_text(encoding="utf-8") == "catatan editor"
    share_edition(archive, config, DAY, tmp_path / "wa", force=True)
    assert first.digest_path.read_text(encoding="utf-8").startswith("*Kliping Berita Harian*")
    assert len(list((tmp_path / "wa").iterdir())) == 2


def test_digest_shortens_long_titles_and_stays_under_4000_characters():
    """Titles over 100 characters end in "…"; 150 clippings are summed up past the limit."""
    long_title = "Kementerian Agama " + "menyelenggarakan rapat koordinasi nasional " * 5
    items = tuple(_item(n, title=long_title if n == 1 else f"Berita {n}") for n in range(1, 151))
    text = digest(_edition(sections=(EditionSection("x", "Kementerian Agama", items),)), "kliping.pdf")
    first = next(x for x in text.splitlines() if x.startswith("1. "))
    shown_title = first[3:first.rindex(" (")]
    assert len(shown_title) == TITLE_MAX_CHARS and shown_title.endswith("…")
    assert len(text) <= 4000 and "berita lain (lihat PDF)" in text and "150. " not in text


def test_cli_share_whatsapp(setup, tmp_path, capsys):
    """`clipper share whatsapp`: says which edition, exit 1 with a clear message for no edition or
    existing files, --force replaces."""
    config, archive = setup
    approve(archive, [add(archive, n, image=False) for n in (1, 2)])
    compile_edition(archive, config, DAY, final=True, out=tmp_path / "a4.pdf")
    (tmp_path / "sources.yaml").write_text(CONFIG, encoding="utf-8")
    base = ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "arsip.db"), "share", "whatsapp"]
    assert main(base + ["--date", DAY, "--out", str(tmp_path / "wa")]) == 0
    said = capsys.readouterr().out
    assert "Dipakai edisi final No. 212/2026" in said and "Teks WhatsApp:" in said
    assert main(base + ["--date", DAY, "--out", str(tmp_path / "wa")]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(base + ["--date", DAY, "--out", str(tmp_path / "wa"), "--force"]) == 0
    capsys.readouterr()
    assert main(base + ["--date", "2026-11-23", "--out", str(tmp_path / "wa2")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("clipper: belum ada edisi tanggal Senin, 23 November 2026") and "Traceback" not in err
    assert editions_of(archive, "2026-11-23") == []


def test_the_share_folder_of_a_team_archive_is_the_users_not_its_address(setup, tmp_path, monkeypatch):
    """A PostgreSQL address has no folder beside it: the files go to the user's data folder, as
    compiled editions do, never to a folder named after the address (and its password)."""
    config, _ = setup
    monkeypatch.setattr("clipper.paths.user_data_dir", lambda: tmp_path / "data")
    assert share_folder(config, "postgresql://clip:rahasia@db.example/kliping") == tmp_path / "data/edisi/whatsapp"
    assert share_folder(config, tmp_path / "arsip.db") == tmp_path / "edisi/whatsapp"
