"""Defect 3: a feed item linking an internal address, a redirect from a news page to one, and an
og:image on one were all fetched, and the image was embedded in the PDF that is mailed out."""

from __future__ import annotations

from clipper.cli.main import main
from clipper.harvest.run import harvest
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive

from ._hostile import config_for, feed, page, redirect, serve

CONFIG = """\
sources:
  - name: Warta Jahat
    feed: "{{BASE}}/jahat/rss.xml"
harvest:
  retries: 0
  timeout: 10
"""


def test_03_internal_addresses_are_never_fetched(tmp_path, httpserver, capsys):
    """Links, redirects and lead images on internal addresses are refused per item; nothing reaches them."""
    httpserver.expect_request("/rahasia").respond_with_data("<html><body>" + "rahasia internal " * 200
                                                            + "</body></html>", content_type="text/html")
    httpserver.expect_request("/gambar.png").respond_with_data(b"\x89PNG\r\n\x1a\n" + bytes(2000),
                                                               content_type="image/png")
    port = httpserver.port
    routes = {
        "/jahat/rss.xml": feed([("Langsung", f"http://127.0.0.1:{port}/rahasia"),
                                ("Lewat nama", f"http://localhost:{port}/rahasia"),
                                ("Dialihkan", "{{BASE}}/jahat/alih.html"),
                                ("Bergambar", "{{BASE}}/jahat/gambar.html")]),
        "/jahat/alih.html": redirect(f"http://localhost:{port}/rahasia"),
        "/jahat/gambar.html": page("Kemenag Luncurkan Layanan Nikah Daring", [0, 1, 2, 3],
                                   head=f'<meta property="og:image" content="http://127.0.0.1:{port}/gambar.png">'),
    }
    with serve(tmp_path / "site", routes) as server:
        config = config_for(CONFIG, server.values, tmp_path)
        db = tmp_path / "a.db"
        with Archive(db) as archive:
            result = harvest(config, archive, workers=1)
            rows = archive.query("select id, day, image_url from articles")
            errors = {r["url"]: r for r in archive.query("select * from page_errors")}
            assert result.status == "completed" and len(rows) == 1
            assert rows[0]["image_url"] == f"http://127.0.0.1:{port}/gambar.png"
            update_articles(archive, [rows[0]["id"]], decision="approve", editor="Uji")
        status = main(["--config", str(config.path), "--db", str(db), "compile", "--date", rows[0]["day"],
                       "--out", str(tmp_path / "kliping.pdf")])
        assert status == 0, capsys.readouterr().err
        with Archive(db) as archive:
            image = archive.query("select status, error, content from images")[0]
    assert httpserver.log == []  # not one request reached the internal server
    assert image["status"] == "error" and image["content"] is None
    assert image["error"] == "alamat internal ditolak (127.0.0.1)"
    refused = {url: e["reason"] for url, e in errors.items()}
    assert refused[f"http://127.0.0.1:{port}/rahasia"] == "alamat internal ditolak (127.0.0.1)"
    assert refused[f"http://localhost:{port}/rahasia"] == "alamat internal ditolak (localhost: 127.0.0.1)"
    assert refused[f"{server.base}/jahat/alih.html"] == "alamat internal ditolak (localhost: 127.0.0.1)"
    assert all(e["permanent"] == 1 for e in errors.values())
