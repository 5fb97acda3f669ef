"""Benchmark: how long `clipper harvest` takes when one source never answers or drips.

The fixture web of the tests (tests/core/_site.py: two healthy feeds and a broken one) plus one
hostile source on another loopback host (127.0.0.2: a server of its own), harvested with the default `harvest:` settings
(timeout 30 s per URL, 2 retries, read timeout 15 s, source budget 35 s), end to end as
`clipper harvest` in its own process. Target: under 40 s (issue 16).

Run: .venv/bin/python bench/slow_source.py [--mode dead|drip|drip-pages] [--drip 5]

dead: the source's feed request is read and never answered; drip: its feed sends headers,
then one byte every --drip seconds; drip-pages: its feed is quick but every article page drips
(only the source budget ends it).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clipper.cli.demo import DemoServer, render  # noqa: E402
from tests.core._site import CONFIG, build_site  # noqa: E402
from tests.faults._hostile import SlowWeb  # noqa: E402

# The tests' sources (without their fast harvest: settings) and the slow one.
SOURCES = CONFIG.split("harvest:")[0] + '  - name: Lambat\n    feed: "{{SLOW}}/PATH"\n'

PATHS = {"dead": "mati/rss.xml", "drip": "tetes/rss.xml", "drip-pages": "lambat/rss.xml"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=sorted(PATHS), default="dead")
    parser.add_argument("--drip", type=float, default=5.0, help="seconds between two dripped bytes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        with DemoServer(build_site(work / "site")) as server, SlowWeb(drip=args.drip, items=10, host="127.0.0.2") as slow:
            config = work / "sources.yaml"
            text = SOURCES.replace("PATH", PATHS[args.mode])
            config.write_text(render(text, {**server.values, "{{SLOW}}": slow.base}), encoding="utf-8")
            command = [sys.executable, "-m", "clipper", "--config", str(config), "--db", str(work / "a.db"),
                       "harvest"]
            started = time.monotonic()
            done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
            seconds = time.monotonic() - started
    print(done.stdout.strip())
    if done.returncode:
        print(done.stderr.strip())
    met = seconds < 40
    print(f"mode {args.mode}: `clipper harvest` took {seconds:.1f} s (exit {done.returncode}; "
          f"target < 40 s: {'met' if met else 'MISSED'})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
