"""What keeps the queue fast with many rows: one layout change per filter, sorted inserts, lean loading."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from clipper.store.archive import Archive
from clipper.store.queue import queue_items, queue_items_by_id
from ui.review import filters as filters_module
from ui.review.filters import STATUS_FILTERS, QueueFilter
from ui.review.model import (BULK_INSERT, COL_MEDIA, COL_SCORE, COL_TIME, ArticleRole, QueueRow,
                             ReviewQueueModel)

BASE = datetime(2026, 11, 25, 3, 0, tzinfo=timezone.utc)
STATUSES = ("new", "approved", "new", "rejected", "irrelevant")


def _row(i: int, minutes: int | None = None, **kw) -> QueueRow:
    moment = BASE - timedelta(minutes=10 * i if minutes is None else minutes)
    values = dict(id=i, url=f"https://contoh.id/{i}", media=("Warta", "Kabar")[i % 2],
                  title=f"Berita fiktif nomor {i}", published_at=moment, published_utc=moment.isoformat(),
                  day=moment.date().isoformat(), status=STATUSES[i % 5], score=float(i % 9))
    values.update(kw)
    return QueueRow(**values)


def _filtered(rows: list[QueueRow]) -> ReviewQueueModel:
    """The queue's model: newest first, new articles shown."""
    model = ReviewQueueModel()
    model.sort(COL_TIME, Qt.DescendingOrder)
    model.set_rows(rows)
    model.set_filter(QueueFilter())
    return model


def _count_signals(model, names: tuple[str, ...]) -> dict[str, list]:
    seen: dict[str, list] = {name: [] for name in names}
    for name in names:
        getattr(model, name).connect(lambda *args, _n=name: seen[_n].append(args))
    return seen


def test_widening_the_status_filter_is_one_layout_change(qtmodeltester):
    """'Baru' → 'Semua dalam antrean' over interleaved rows: one layoutChanged, no per-run inserts."""
    model = _filtered([_row(i) for i in range(2000)])
    assert model.rowCount() == 800
    seen = _count_signals(model, ("rowsInserted", "rowsRemoved", "layoutChanged", "modelReset"))
    model.set_statuses("queued")
    assert model.rowCount() == 1600
    assert len(seen["layoutChanged"]) == 1
    assert seen["rowsInserted"] == seen["rowsRemoved"] == seen["modelReset"] == []
    qtmodeltester.check(model)


def test_a_filter_change_keeps_the_selected_article(qtbot):
    """The selected row stays selected (by article) when the filter around it changes."""
    model = _filtered([_row(i) for i in range(300)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    chosen = model.index(57, 0)
    article = chosen.data(ArticleRole)
    view.selectionModel().setCurrentIndex(chosen, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    model.set_statuses("queued")
    assert view.currentIndex().data(ArticleRole) == article
    assert [i.data(ArticleRole) for i in view.selectionModel().selectedRows()] == [article]


def test_sorting_is_one_layout_change_that_keeps_filter_and_selection(qtbot):
    """A sort reorders every loaded row, keeps the filtered set and the selected article."""
    model = _filtered([_row(i) for i in range(500)])
    model.update_filter(media="Kabar")
    shown = {model.index(r, 0).data(ArticleRole).id for r in range(model.rowCount())}
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    chosen = model.index(17, 0).data(ArticleRole)
    flags = QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
    view.selectionModel().setCurrentIndex(model.index(17, 0), flags)
    seen = _count_signals(model, ("rowsInserted", "rowsRemoved", "layoutChanged", "modelReset"))
    model.sort(COL_SCORE, Qt.DescendingOrder)
    scores = [model.index(r, 0).data(ArticleRole).score for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True) and len(seen["layoutChanged"]) == 1
    assert seen["rowsInserted"] == seen["rowsRemoved"] == seen["modelReset"] == []
    assert {model.index(r, 0).data(ArticleRole).id for r in range(model.rowCount())} == shown
    assert view.currentIndex().data(ArticleRole) == chosen


def test_text_filter_matches_title_media_and_tags_case_free():
    """The text filter finds words in the title, the media and the tags, whatever their case."""
    model = _filtered([_row(1, tags=("moderasi beragama",)), _row(2), _row(6, media="Suara Madrasah")])
    model.set_statuses("all")
    for text, expected in (("MODERASI", {1}), ("madrasah nomor", {6}), ("nomor 2", {2}), ("tidak ada", set())):
        model.update_filter(text=text)
        assert {model.index(r, 0).data(ArticleRole).id for r in range(model.rowCount())} == expected


def test_harvested_rows_go_to_their_place_in_the_sort(qtmodeltester):
    """A few new rows are inserted where the current order puts them; many are sorted in at once."""
    model = _filtered([_row(i, status="new") for i in range(0, 100, 2)])
    model.insert_rows([_row(1001, minutes=15, status="new"), _row(1002, minutes=-60, status="new"),
                       _row(1003, minutes=10_000, status="new")])
    times = [model.index(r, 0).data(ArticleRole).published_utc for r in range(model.rowCount())]
    assert times == sorted(times, reverse=True)
    assert model.index(0, 0).data(ArticleRole).id == 1002 and model.index(2, 0).data(ArticleRole).id == 1001
    many = [_row(2000 + i, minutes=7 * i + 3, status="new") for i in range(BULK_INSERT + 1)]
    model.insert_rows(many)
    times = [model.index(r, 0).data(ArticleRole).published_utc for r in range(model.rowCount())]
    assert model.rowCount() == 53 + len(many) == model.total()
    assert times == sorted(times, reverse=True)
    qtmodeltester.check(model)


def test_queue_rows_load_scores_outlets_and_survive_bad_json(archive_copy):
    """One lean query: the highest topic score, each story's outlet count, unreadable JSON as empty."""
    with Archive(archive_copy) as archive:
        victim = archive.query("select id from articles where status != 'irrelevant' order by id limit 1")[0]["id"]
        archive.conn.execute("update articles set tags = 'bukan json', scores = '{rusak' where id = ?", [victim])
        expected_outlets = {r["id"]: r["n"] for r in archive.query(
            "select a.id, (select count(*) from articles b where b.story_id = a.story_id) as n "
            "from articles a where a.story_id is not null")}
        stored = {r["id"]: r for r in archive.query("select id, scores, status from articles")}
        rows = queue_items(archive, include_irrelevant=False)
        again = queue_items_by_id(archive, [rows[3].id])
    by_id = {r.id: r for r in rows}
    assert {r.status for r in rows} <= {"new", "approved", "rejected", "error"} and len(rows) == 28
    assert by_id[victim].tags == () and by_id[victim].score == 0.0
    some = next(r for r in rows if r.id != victim and r.score)
    assert some.score == max(json.loads(stored[some.id]["scores"]).values())
    assert any(r.outlets > 1 for r in rows)
    assert all(r.outlets == expected_outlets.get(r.id, 1) for r in rows)
    assert rows[3] in again and all(r.outlets == expected_outlets.get(r.id, 1) for r in again)
    published = [r.published_utc for r in rows]
    assert published == sorted(published, reverse=True)


def test_bulk_selection_agrees_with_the_per_row_filter():
    """QueueFilter.select (used for a whole re-filter) keeps exactly the rows accepts() keeps."""
    rows = [_row(i, topics=(("kemenag",), ("litbang", "kemenag"), ())[i % 3], tags=("haji",) if i % 4 else ())
            for i in range(400)]
    day = rows[200].day
    filters = [QueueFilter(), QueueFilter(statuses=STATUS_FILTERS["all"]),
               QueueFilter(statuses=STATUS_FILTERS["queued"], topic="litbang",
                                        media="Kabar", day_from=day, day_to=day),
               QueueFilter(statuses=STATUS_FILTERS["all"], words=("haji", "nomor"))]
    for queue_filter in filters:
        assert queue_filter.select(rows) == [r for r in rows if queue_filter.accepts(r)]
    assert 0 < len(filters[2].select(rows)) < len(filters[1].select(rows))


def test_new_topic_labels_repaint_without_refiltering(monkeypatch):
    """Labels arriving change only the topic column's text: no row goes through the filter again."""
    model = _filtered([_row(i, topics=("kemenag",)) for i in range(300)])
    calls = []
    original = filters_module.QueueFilter.accepts
    monkeypatch.setattr(filters_module.QueueFilter, "accepts",
                        lambda self, row, haystack=None: calls.append(row) or original(self, row, haystack))
    changed = _count_signals(model, ("dataChanged",))
    model.set_topic_labels({"kemenag": "Kementerian Agama"})
    assert calls == [] and changed["dataChanged"]
    assert model.index(0, 3).data() == "Kementerian Agama"
    model.apply_change({model.index(0, 0).data(ArticleRole).id: {"status": "approved"}})
    assert len(calls) == 1 and model.rowCount() == 119


def test_a_row_that_comes_back_into_the_filter_takes_its_sorted_place(qtmodeltester):
    """Resetting an approved article under 'Baru', sorted by media, puts it where the order says."""
    model = _filtered([_row(i) for i in range(200)])
    model.sort(COL_MEDIA, Qt.AscendingOrder)
    approved = next(model.row_by_id(i) for i in range(200) if model.row_by_id(i).status == "approved")
    seen = _count_signals(model, ("rowsInserted", "layoutChanged"))
    model.apply_change({approved.id: {"status": "new"}})
    shown = [model.index(r, 0).data(ArticleRole).id for r in range(model.rowCount())]
    assert approved.id in shown and len(seen["rowsInserted"]) == 1 and seen["layoutChanged"] == []
    qtmodeltester.check(model)
    model.set_filter(None)
    everything = [model.index(r, 0).data(ArticleRole).id for r in range(model.rowCount())]
    assert len(everything) == 200 and shown == [i for i in everything if model.row_by_id(i).status == "new"]
