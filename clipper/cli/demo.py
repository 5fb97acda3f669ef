"""The offline demo: serve the bundled fictional media on 127.0.0.1 and run the whole flow."""

from __future__ import annotations

import argparse
import hashlib
import logging
import mimetypes
import posixpath
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from clipper import paths
from clipper.cli.common import command, out
from clipper.dates import WIB

logger = logging.getLogger(__name__)

TEMPLATED = (".html", ".xml", ".yaml", ".txt")


def demo_root() -> Path:
    return paths.resource("demo")


def placeholders(base: str, today: datetime | None = None) -> dict[str, str]:
    """The values the demo server puts in place of {{BASE}}, {{DATE}}, {{RFCDATE}} …"""
    now = today or datetime.now(WIB)
    values = {"{{BASE}}": base}
    for suffix, delta in (("", 0), ("_1", 1)):
        day = now - timedelta(days=delta)
        values[f"{{{{DATE{suffix}}}}}"] = day.strftime("%Y-%m-%d")
        values[f"{{{{RFCDATE{suffix}}}}}"] = format_datetime(day).rsplit(" ", 2)[0]
    return values


def render(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(key, value)
    return text


class DemoHandler(BaseHTTPRequestHandler):
    root: Path
    values: dict[str, str]

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - BaseHTTPRequestHandler API
        logger.debug("demo server: " + format, *args)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        path = posixpath.normpath(unquote(urlsplit(self.path).path)).lstrip("/")
        target = (self.root / path).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or self.root.resolve() not in target.parents:
            self.send_error(404, "Tidak ditemukan")
            return
        body = target.read_bytes()
        if target.suffix in TEMPLATED:
            try:
                body = render(body.decode("utf-8"), self.values).encode("utf-8")
            except UnicodeDecodeError:
                pass  # not text after all: served as it is
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".xml":
            kind = "application/xml"
        if kind.startswith("text/") or kind.endswith("xml"):
            kind += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


class DemoServer:
    """A static server for a folder on 127.0.0.1 that fills in the demo placeholders."""

    def __init__(self, root: Path | None = None, today: datetime | None = None,
                 handler: type[DemoHandler] | None = None):
        self.root = Path(root or demo_root() / "site")
        handler_base = handler or DemoHandler
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler_base)
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_port}"
        handler = type("DemoHandler", (handler_base,), {"root": self.root,
                                                    "values": placeholders(self.base, today)})
        self._server.RequestHandlerClass = handler
        self.values = handler.values
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name="clipper-demo-server")

    def __enter__(self) -> DemoServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def config_text(self) -> str:
        """The demo's sources.yaml with this server's address filled in."""
        return render((demo_root() / "sources.yaml").read_text(encoding="utf-8"), self.values)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add `clipper demo` to the `clipper` parser."""
    p = sub.add_parser("demo", help="seluruh alur secara luring pada korpus demo")
    p.add_argument("--out", type=Path, default=Path("clipper-demo"), help="folder hasil demo")


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    return run_demo(args.out, report=out)


def run_demo(folder: Path, *, report: Callable[[str], None]) -> int:
    """Harvest the demo corpus into ``folder`` (a fresh archive) and say what happened."""
    from clipper.cli.harvest import run_harvest_cli
    from clipper.store.archive import Archive
    from clipper.store.articles import count_articles, count_stories
    from clipper.workspace.configuration import parse_config

    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "arsip.db"
    for stale in (db_path, folder / "arsip.db-wal", folder / "arsip.db-shm"):
        stale.unlink(missing_ok=True)
    with DemoServer() as server:
        config_path = folder / "sources.yaml"
        config_path.write_text(server.config_text(), encoding="utf-8")
        config = parse_config(config_path.read_text(encoding="utf-8"), config_path)
        config = replace(config, editor=config.editor.model_copy(update={"name": "Editor Demo"}))
        report(f"Demo Clipper: {len(config.sources)} media fiktif dilayani di {server.base}")
        with Archive(db_path) as archive:
            run_harvest_cli(config, archive)
            relevant = count_articles(archive, status="new")
            total = count_articles(archive)
            stories = count_stories(archive)
            report("")
            report(f"Arsip: {db_path} ({total} artikel, {relevant} relevan, "
                   f"{stories} berita dimuat di beberapa media)")
            record, info = approve_and_compile(archive, config, server.values["{{DATE}}"], folder)
    report(f"Editor demo menyetujui {record.articles} artikel relevan hari ini; kliping No. {record.number} "
           f"disusun: {info.pages} halaman, {info.size / 1024:.0f} KB.")
    report(f"PDF kliping: {info.path}")
    report(f"Konfigurasi demo: {config_path}")
    report(f"Coba: clipper --config {config_path} --db {db_path} list --status approved")
    return 0


def approve_and_compile(archive, config, day: str, out: Path):
    """The demo editor's morning: approve today's relevant articles, flag two, compile final."""
    from clipper.edition.compile import compile_edition
    from clipper.harvest.images import fetch_edition_images
    from clipper.review.decisions import update_articles
    from clipper.store.articles import queued_ids

    ids = queued_ids(archive, day)
    update_articles(archive, ids, decision="approve", editor="Editor Demo")
    for article_id, summary in zip(ids[:2], DEMO_SUMMARIES):
        update_articles(archive, [article_id], highlight=True, summary=summary, add_tags=["sorotan"])
    fetch_edition_images(archive, day, config)
    return compile_edition(archive, config, day, final=True, out=out / f"kliping-{day}.pdf")


DEMO_SUMMARIES = (
    "Sorotan pertama hari ini: berita yang menurut editor demo paling penting bagi pimpinan.",
    "Sorotan kedua: ringkasan dua baris yang ditulis editor untuk dibaca cepat di ponsel.",
)
