"""Defect 9: sources.yaml with an unknown `!foo` tag or 1,000-deep nesting printed tracebacks."""

from __future__ import annotations

from clipper.cli.main import main

SOURCE = "  - name: Uji\n    feed: https://contoh.id/rss.xml\n"
LAUGHS = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10) if i else 'ha'}]\n" for i in range(8))

CASES = {
    "tag": (f"sources: !foo\n{SOURCE}", "berkas.yaml:1: tag YAML tidak dikenal: !foo"),
    "tagged value": ("sources:\n  - name: !foo Uji\n    feed: https://contoh.id/rss.xml\n",
                     "berkas.yaml:2: tag YAML tidak dikenal: !foo"),
    "python object": (f"sources:\n{SOURCE}editor:\n  name: !!python/object/apply:os.system [id]\n",
                      "berkas.yaml:5: tag YAML tidak dikenal: !!python/object/apply:os.system"),
    "deep flow": (f"sources:\n{SOURCE}topics: " + "[" * 1000 + "]" * 1000 + "\n",
                  "YAML bersarang terlalu dalam (paling banyak 20 tingkat)"),
    "deep block": (f"sources:\n{SOURCE}topics:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 400)),
                   "YAML bersarang terlalu dalam (paling banyak 20 tingkat)"),
    "alias bomb": (f"sources:\n{SOURCE}{LAUGHS}", "alias berulang?"),
    "too large": (f"sources:\n{SOURCE}# " + "x" * 1_100_000 + "\n", "berkas.yaml:1: berkas terlalu besar"),
}


def test_09_hostile_configuration(tmp_path, capsys):
    """Unknown tags, deep nesting, alias bombs and huge files are configuration errors (exit 2) with a line."""
    path = tmp_path / "berkas.yaml"
    for name, (text, expected) in CASES.items():
        path.write_text(text, encoding="utf-8")
        status = main(["--config", str(path), "--db", str(tmp_path / "a.db"), "harvest"])
        err = capsys.readouterr().err
        assert status == 2 and "Traceback" not in err, (name, err)
        assert err.startswith("Konfigurasi tidak sah:\n") and expected in err, (name, err)
        assert f"{path}:" in err, (name, err)
    assert not (tmp_path / "a.db").exists()  # nothing was run
