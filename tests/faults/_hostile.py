"""A hostile little web for the fault tests: routed pages on the demo server, and servers that
never answer or drip a byte at a time."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Callable
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from clipper.cli.demo import DemoHandler, DemoServer, render
from clipper.workspace.configuration import parse_config
from tests.core._site import article_page, paragraphs

Route = Callable[[dict[str, str]], tuple[int, dict[str, str], bytes]]


class RoutedHandler(DemoHandler):
    """The demo server's files, plus ``routes``: path → function(values) → (status, headers, body)."""

    routes: dict[str, Route] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        route = self.routes.get(urlsplit(self.path).path)
        if route is None:
            super().do_GET()
            return
        status, headers, body = route(self.values)
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


def serve(root: Path, routes: dict[str, Route] | None = None) -> DemoServer:
    """A DemoServer for ``root`` answering ``routes`` too (use as a context manager)."""
    root.mkdir(parents=True, exist_ok=True)
    return DemoServer(root, handler=type("Routed", (RoutedHandler,), {"routes": routes or {}}))


def page(title: str, sentences: list[int], *, published: str = "{{DATE}}T08:00:00+07:00", media: str = "Uji",
         head: str = "") -> Route:
    """An article page route (``head``: extra tags for <head>, e.g. an og:image)."""
    def route(values: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        html = article_page(title, paragraphs(sentences), media=media, published=published)
        html = html.replace("</head>", render(head, values) + "</head>", 1)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, render(html, values).encode()
    return route


def feed(items: list[tuple[str, str]], date: str = "{{RFCDATE}} 08:00:00 +0700") -> Route:
    """An RSS feed route of (title, link) items (links may hold {{BASE}})."""
    def route(values: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(render(link, values))}</link>"
                          f"<pubDate>{render(date, values)}</pubDate></item>" for t, link in items)
        body = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed</title>'
                f"<link>{values['{{BASE}}']}/</link><description>x</description>{entries}</channel></rss>")
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body.encode()
    return route


def redirect(location: str) -> Route:
    def route(values: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": render(location, values)}, b""
    return route


def config_for(text: str, values: dict[str, str], folder: Path):
    """sources.yaml written to ``folder`` with the server's values filled in, and its Config."""
    path = folder / "sources.yaml"
    path.write_text(render(text, values), encoding="utf-8")
    return parse_config(path.read_text(encoding="utf-8"), path)


class SlowWeb:
    """A server on ``host`` (a loopback address) that misbehaves by path: ``/mati/…`` reads the request and never
    answers; ``/tetes/…`` sends its headers, then one byte every ``drip`` seconds; any other
    path ending in ``rss.xml`` is a quick feed whose items are ``{path}-1.html`` … (which drip).
    """

    def __init__(self, drip: float = 1.0, items: int = 3, host: str = "127.0.0.1"):
        stop = self.stop = threading.Event()

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                request = self.request.recv(65536).decode("latin-1")
                path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
                if path.startswith("/mati/"):
                    stop.wait()  # holds the connection, says nothing
                    return
                if path.endswith("rss.xml") and not path.startswith("/tetes/"):
                    links = "".join(f"<item><title>Berita {i}</title><link>http://{host}:{port()}"
                                    f"{path[:-len('rss.xml')]}berita-{i}.html</link></item>" for i in range(items))
                    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{links}'
                            "</channel></rss>").encode()
                    self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                                         b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
                    return
                try:
                    self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
                    while not stop.wait(drip):
                        self.request.sendall(b"<")
                except OSError:
                    return  # the client gave up

        self._server = socketserver.ThreadingTCPServer((host, 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        port = lambda: self.port  # noqa: E731
        self.base = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SlowWeb:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
