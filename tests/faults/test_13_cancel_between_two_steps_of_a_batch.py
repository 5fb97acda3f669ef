"""Defect 13: test_cancel_keeps_what_was_stored failed now and then: a cancel asked between two steps of
one batch was lost when the harvester finished inside that batch (the run reported "completed")."""

from __future__ import annotations

import queue

from clipper.cli.demo import DemoServer, render
from clipper.harvest import run as harvest_run
from clipper.harvest.harvester import Finished, Found
from clipper.harvest.run import run_harvest
from clipper.store.archive import Archive
from clipper.workspace.configuration import parse_config
from tests.core._site import CONFIG, build_site

FOUND: list = []


def _whole_run_in_one_batch(out: queue.Queue) -> list:
    """The race made certain: every result of the run, Finished last, arrives as one batch."""
    batch = [out.get(timeout=120)]
    while not isinstance(batch[-1], Finished):
        batch.append(out.get(timeout=120))
    FOUND.extend(item for item in batch if isinstance(item, Found))
    return batch


def test_13_cancel_between_two_steps_of_a_batch(tmp_path, monkeypatch):
    """A cancel asked after the first step ends the run as cancelled, and the whole batch stays stored."""
    FOUND.clear()
    monkeypatch.setattr(harvest_run, "_next_batch", _whole_run_in_one_batch)
    with DemoServer(build_site(tmp_path / "site")) as server:
        path = tmp_path / "s.yaml"
        path.write_text(render(CONFIG, server.values), encoding="utf-8")
        config = parse_config(path.read_text(encoding="utf-8"), path)
        with Archive(tmp_path / "a.db") as archive:
            seen = []
            for step in run_harvest(config, archive, workers=1, should_stop=lambda: len(seen) >= 1):
                seen.append(step)
            assert seen[-1].stage == "done" and seen[-1].result.status == "cancelled"
            assert archive.scalar("select status from runs") == "cancelled"
            stored = archive.scalar("select count(*) from articles")
            assert stored == len(FOUND) >= 7  # what the batch held is kept
            assert archive.conn.execute("pragma integrity_check").fetchone()[0] == "ok"
