"""Defect 11: a source that never answers, or drips a byte every few seconds, held the whole harvest
(read-timeout retries added up past the deadline: 48 s where 40 s is the limit)."""

from __future__ import annotations

import dataclasses

from clipper.cli.demo import DemoServer
from clipper.harvest import run as harvest_run
from clipper.harvest.run import harvest
from clipper.store.archive import Archive
from tests.core._site import build_site

from ._hostile import SlowWeb, config_for

CONFIG = """\
sources:
  - name: Warta Uji
    feed: "{{BASE}}/warta/rss.xml"
  - name: Mati
    feed: "{{SLOW}}/mati/rss.xml"
    timeout: 1.5
  - name: Tetes
    feed: "{{SLOW}}/tetes/rss.xml"
    timeout: 1.5
  - name: Lambat
    feed: "{{SLOW}}/lambat/rss.xml"
harvest:
  per_host: 8
  timeout: 30
  retries: 3
  source_budget: 6
"""


def test_11_slow_sources_cannot_hold_the_harvest(tmp_path, monkeypatch):
    """One deadline per URL over all its retries, a budget per source: the slow ones are reported as out
    of time and the others' articles are stored."""
    settings = harvest_run.fetch_settings
    # Read timeouts shorter than the deadline, as in the field (15 s against 30 s), scaled down.
    monkeypatch.setattr(harvest_run, "fetch_settings",
                        lambda config: dataclasses.replace(settings(config), read_timeout=0.5, backoff=0.2))
    # The budget is every source's: the healthy one spends up to ~2 s of it on a loaded 2-core
    # machine (the extraction libraries load inside it), so it is three times that.
    with DemoServer(build_site(tmp_path / "site")) as server, SlowWeb(drip=0.2) as slow:
        config = config_for(CONFIG, {**server.values, "{{SLOW}}": slow.base}, tmp_path)
        with Archive(tmp_path / "a.db") as archive:
            result = harvest(config, archive, workers=1)
            stored = archive.scalar("select count(*) from articles where source = 'Warta Uji'")
    reports = {r.source: r for r in result.sources}
    assert result.status == "completed" and stored == 3 and reports["Warta Uji"].status == "ok"
    # a server that never answers: read timeouts retried within the URL's one deadline, never past it
    assert reports["Mati"].status == "failed" and reports["Mati"].reason.startswith("batas waktu 1.5 dtk habis")
    assert reports["Tetes"].status == "failed" and reports["Tetes"].reason == "batas waktu 1.5 dtk habis"  # drips
    assert reports["Lambat"].status == "failed" and reports["Lambat"].reason == "batas waktu sumber habis (6 dtk)"
    assert reports["Lambat"].links == 3
