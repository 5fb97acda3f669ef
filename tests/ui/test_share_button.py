"""'Bagikan ke WhatsApp' in the edition view: writes the phone PDF and the digest, opens their folder."""

from __future__ import annotations

import pytest

from clipper.dates import today_wib
from clipper.edition.compile import compile_edition
from clipper.edition.share import share_folder
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.store.articles import queued_ids
from ui.edition_panel import EditionPanel


@pytest.fixture
def panel(qtbot, sync_tasks, demo_config):
    """The edition view over the demo archive, with today's final edition of four articles."""
    day = today_wib().isoformat()
    with Archive(sync_tasks.archive_path) as archive:
        ids = queued_ids(archive, day)[:4]
        update_articles(archive, ids, decision="approve", editor="Editor Uji")
        compile_edition(archive, demo_config, day, final=True)
    widget = EditionPanel(sync_tasks, demo_config, {})
    qtbot.addWidget(widget)
    widget.reload()
    widget.opened = []
    widget.open_folder = lambda url: widget.opened.append(url.toLocalFile()) or True
    widget.messages = []
    widget.message.connect(lambda text, level: widget.messages.append((level, text)))
    return widget


def test_share_button_writes_two_files_and_opens_their_folder(panel, demo_config):
    """One click: the phone PDF and the digest in the app's WhatsApp folder, which is opened."""
    assert panel.share.isEnabled() and panel.share.text() == "Bagikan ke WhatsApp"
    panel.share.click()
    folder = share_folder(demo_config, panel.tasks.archive_path)
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and names[0].endswith("-whatsapp.pdf") and names[1].endswith("-whatsapp.txt")
    assert panel.opened == [str(folder)]
    assert panel.messages[-1][0] == "info" and "Berkas WhatsApp disimpan" in panel.messages[-1][1]
    assert (folder / names[0]).read_bytes()[:5] == b"%PDF-"
    assert panel.share.isEnabled()


def test_share_again_asks_before_replacing(panel, demo_config):
    """The files exist: the editor is asked; "no" keeps them, "yes" writes them anew."""
    panel.share.click()
    folder = share_folder(demo_config, panel.tasks.archive_path)
    digest = next(folder.glob("*.txt"))
    digest.write_text("catatan", encoding="utf-8")
    asked = []
    panel.ask_replace = lambda text: asked.append(text) or False
    panel.share.click()
    assert "sudah ada" in asked[0] and digest.read_text(encoding="utf-8") == "catatan"
    assert len(panel.opened) == 1
    panel.ask_replace = lambda text: True
    panel.share.click()
    assert digest.read_text(encoding="utf-8").startswith("*")
    assert len(panel.opened) == 2


def test_share_without_an_edition_says_why(qtbot, sync_tasks, demo_config):
    """No edition compiled for the day: an Indonesian message, nothing written, no folder opened."""
    widget = EditionPanel(sync_tasks, demo_config, {})
    qtbot.addWidget(widget)
    opened, messages = [], []
    widget.open_folder = opened.append
    widget.message.connect(lambda text, level: messages.append((level, text)))
    widget.share_whatsapp()
    assert messages[-1][0] == "error" and "belum ada edisi" in messages[-1][1]
    assert not opened and not share_folder(demo_config, sync_tasks.archive_path).exists()
