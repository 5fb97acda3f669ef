"""The review queue, harvest and edition models: Qt's model checks, filters and sorting."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from clipper.models import SourceReport
from clipper.store.archive import Archive
from clipper.store.queue import queue_items
from ui.edition_panel import EditionOrderModel, EditionRow, load_edition_rows
from ui.harvest_panel import SourceStatusModel
from ui.review.filters import QueueFilter
from ui.review.model import COL_MEDIA, COL_SCORE, COL_TIME, ArticleRole, QueueRow, ReviewQueueModel

BASE = datetime(2026, 11, 25, 3, 0, tzinfo=timezone.utc)


def _row(i: int, **kw) -> QueueRow:
    moment = BASE - timedelta(minutes=10 * i)
    values = dict(id=i, url=f"https://contoh.id/{i}", media=("Warta", "Kabar", "Suara")[i % 3],
                  title=f"Berita fiktif nomor {i}", published_at=moment, published_utc=moment.isoformat(),
                  day=moment.date().isoformat(), status=("new", "approved", "rejected", "irrelevant")[i % 4],
                  topics=(("kemenag",), ("litbang", "kemenag"), ())[i % 3], score=float(i % 7))
    values.update(kw)
    return QueueRow(**values)


def test_queue_model_passes_qtmodeltester(qtmodeltester, archive_copy):
    """The queue model over the harvested demo archive satisfies Qt's model checks."""
    model = ReviewQueueModel(topic_labels={"kemenag": "Kementerian Agama"})
    with Archive(archive_copy) as archive:
        model.set_rows(queue_items(archive, include_irrelevant=True))
    assert model.rowCount() == 36
    qtmodeltester.check(model)


def test_filtered_model_passes_qtmodeltester_and_filters(qtmodeltester):
    """Status, topic, media, date and text filters combine; irrelevant rows only on request."""
    model = ReviewQueueModel()
    model.set_rows([_row(i) for i in range(40)])
    model.set_filter(QueueFilter())
    proxy = model  # the model filters itself
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 10 and all(proxy.index(r, 0).data(ArticleRole).status == "new"
                                          for r in range(proxy.rowCount()))
    proxy.set_statuses("queued")
    assert proxy.rowCount() == 30
    proxy.update_filter(topic="litbang")
    assert {proxy.index(r, 0).data(ArticleRole).id % 3 for r in range(proxy.rowCount())} == {1}
    proxy.update_filter(topic=None, media="Kabar", text="NOMOR 1")
    ids = sorted(proxy.index(r, 0).data(ArticleRole).id for r in range(proxy.rowCount()))
    assert ids == [1, 10, 13, 16]  # Kabar (id % 3 == 1), "nomor 1" in the title, 19 is irrelevant
    proxy.set_statuses("irrelevant")
    proxy.update_filter(media=None, text="")
    assert proxy.rowCount() == 10
    day = _row(30).day
    proxy.set_statuses("all")
    proxy.update_filter(day_from=day, day_to=day)
    assert proxy.rowCount() == sum(1 for i in range(40) if _row(i).day == day) < 40


def test_status_flip_leaves_the_filtered_view(qtmodeltester):
    """Approving a new article updates its row in place and the 'new' filter drops it."""
    model = ReviewQueueModel()
    model.set_rows([_row(i) for i in range(8)])
    model.set_filter(QueueFilter())
    proxy = model
    before = proxy.rowCount()
    model.apply_change({4: {"status": "approved", "tags": '["haji"]', "highlight": 1}})
    assert proxy.rowCount() == before - 1
    assert model.row_by_id(4).tags == ("haji",) and model.row_by_id(4).highlight
    qtmodeltester.check(proxy)


def test_sorting_by_columns_with_a_filter():
    """The filtered model sorts by time, score (descending), media."""
    model = ReviewQueueModel()
    model.set_rows([_row(i, status="new") for i in range(30)])
    model.set_filter(QueueFilter())
    proxy = model
    proxy.sort(COL_TIME, Qt.DescendingOrder)
    times = [proxy.index(r, 0).data(ArticleRole).published_utc for r in range(proxy.rowCount())]
    assert times == sorted(times, reverse=True)
    proxy.sort(COL_SCORE, Qt.DescendingOrder)
    scores = [proxy.index(r, 0).data(ArticleRole).score for r in range(proxy.rowCount())]
    assert scores == sorted(scores, reverse=True) and scores[0] == 6.0
    proxy.sort(COL_MEDIA, Qt.AscendingOrder)
    assert proxy.index(0, COL_MEDIA).data() == "Kabar" and proxy.index(29, COL_MEDIA).data() == "Warta"


def test_insert_rows_adds_new_and_updates_known(qtmodeltester):
    """Rows arriving from a harvest are inserted; a known id is updated, not duplicated."""
    model = ReviewQueueModel()
    model.set_rows([_row(i) for i in range(5)])
    model.insert_rows([_row(10), _row(2, title="Judul diperbarui")])
    assert model.rowCount() == 6
    assert model.row_by_id(2).title == "Judul diperbarui"
    qtmodeltester.check(model)


def test_source_status_model(qtmodeltester):
    """The harvest panel's per-source model shows each source's outcome and reason."""
    model = SourceStatusModel()
    model.start(["Warta", "Portal Rusak"])
    model.finish((SourceReport("Warta", "ok", links=5, new_articles=4),
                  SourceReport("Portal Rusak", "failed", reason="HTTP 404")))
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "gagal" and model.index(1, 3).data() == "HTTP 404"
    assert model.index(0, 2).data() == "4"


def test_edition_order_model_moves_within_sections(qtmodeltester):
    """Rows move up and down inside their section, never across it, and report the order."""
    model = EditionOrderModel({"kemenag": "Kemenag"})
    model.set_rows([EditionRow(1, "kemenag", "A", "W"), EditionRow(2, "kemenag", "B", "W"),
                    EditionRow(3, "litbang", "C", "W")])
    qtmodeltester.check(model)
    orders = []
    model.order_changed.connect(orders.append)
    assert model.move(1, -1) == 0
    assert model.ids() == [2, 1, 3] and orders == [[2, 1, 3]]
    assert model.move(1, 1) == 1  # the next row is another section: no move
    assert model.ids() == [2, 1, 3] and len(orders) == 1


def test_load_edition_rows_groups_by_section(archive_copy):
    """The edition list puts the configured sections first and keeps the editor's order."""
    with Archive(archive_copy) as archive:
        day = archive.query("select max(day) as d from articles")[0]["d"]
        ids = [r["id"] for r in archive.query("select id from articles where day = ? and status = 'new'", [day])]
        archive.conn.execute(f"update articles set status = 'approved' where id in ({','.join(map(str, ids))})")
        rows = load_edition_rows(archive, day, ["covid", "kemenag", "litbang"])
    sections = [r.section for r in rows]
    with Archive(archive_copy) as archive:
        stories = archive.query(f"select count(distinct coalesce(story_id, -id)) as n from articles "
                                f"where id in ({','.join(map(str, ids))})")[0]["n"]
    assert len(rows) == stories > 3 and stories < len(ids)  # a syndicated story is one row
    assert any(r.also_in and len(r.copies) > 1 for r in rows)
    assert sections == sorted(sections, key=["covid", "kemenag", "litbang", "lain"].index)
