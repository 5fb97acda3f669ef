"""Benchmark: `clipper harvest` over a synthetic loopback web, beside trafilatura.

Generates N article pages (~50 KB with realistic chrome) over 20 loopback sites with RSS
feeds (bench/_web.py), serves them from a separate process on 127.0.0.1 ... 127.0.0.20,
then measures, from one run:

* `clipper harvest` end to end: pages/s and peak memory (summed RSS of the process and
  all its children, sampled every 50 ms: the extraction pool's workers count);
* in-process `trafilatura.extract()` on the same pages, one core (the CPU limit), and
  `clipper.extract.reader.extract_article()` for comparison;
* the peer: trafilatura's command line (`trafilatura -i urls.txt`) on the same URLs, with
  SLEEP_TIME = 0 and SSRF_PROTECTION = off.

Run: .venv/bin/python bench/harvest.py [--pages 2000] [--sites 20] [--repeat 2] [--keep] [--skip-peer] [--real]
With --real the pages are the saved real Indonesian article pages of ../shared/corpus/pages
(~135 KB each, served in turn under the generated addresses) instead of generated ones.
The server shares the machine's cores with the measured process; its CPU time is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import logging
import os
import re
import select
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import psutil

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

import _web  # noqa: E402

logger = logging.getLogger(__name__)

# Targets from the issue.
TARGET_PEER_RATIO = 1.5  # clipper pages/s over trafilatura CLI pages/s, at least
TARGET_PEER_RATIO_REAL = 1.2  # the same on the real pages, at the quality of issue 14
TARGET_CPU_RATIO = 1.3  # clipper wall ms/page over in-process trafilatura.extract ms/page, at most
TARGET_PEAK_MB = 500
# The sampler must not compete with what it measures (clipper keeps both cores busy, the peer
# one): sampling every 50 ms with a fresh /proc scan for the process tree cost ~10% of a core.
SAMPLE_SECONDS = 0.1
TREE_EVERY = 10  # the process tree is re-read from /proc every 10th sample (workers live long)
PSS_EVERY = 10  # PSS (smaps_rollup) is dearer to read: every 10th sample
RUN_TIMEOUT = 900  # no measured command may run longer than this
VENV_BIN = Path(sys.executable).parent


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=2000, help="article pages in all (default 2000)")
    p.add_argument("--sites", type=int, default=20, help="loopback sites, 127.0.0.1 ... (default 20, max 250)")
    p.add_argument("--per-host", type=int, default=4, help="harvest.per_host for clipper (default 4)")
    p.add_argument("--skip-peer", action="store_true", help="do not run the trafilatura CLI")
    p.add_argument("--repeat", type=int, default=1,
                   help="rounds of clipper and the peer, alternating; the fastest of each is reported")
    p.add_argument("--skip-inprocess", action="store_true", help="do not time in-process extraction")
    p.add_argument("--real", action="store_true",
                   help="serve the saved real article pages of ../shared/corpus/pages (~135 KB) instead of "
                        "generated ~50 KB ones, each in turn under the generated addresses")
    p.add_argument("--keep", action="store_true", help="keep the work directory (pages, archive, outputs)")
    p.add_argument("--workdir", type=Path, help="where to put the work directory (default: system temp)")
    return p.parse_args()


# --- setup ------------------------------------------------------------------------------


def real_article_pages() -> list[bytes]:
    """The saved real article pages of the corpus (every page but the index pages)."""
    import json

    from _corpus import corpus_dir
    folder = corpus_dir() / "pages"
    entries = [json.loads(line) for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    chosen = [(folder / e["file"]).read_bytes() for e in entries if "index" not in e.get("page_type", "")]
    if not chosen:
        raise SystemExit(f"no real article pages under {folder}")
    return chosen


def write_inputs(work: Path, urls: list[str], sites: int, port: int, per_host: int, per_site: int) -> dict:
    """urls.txt, clipper's sources.yaml and trafilatura's settings file."""
    (work / "urls.txt").write_text("\n".join(urls) + "\n")
    # source_budget: throughput is measured here, not the per-source time limit (35 s by default)
    lines = ["harvest:", f"  per_host: {per_host}", "  delay: 0", "  timeout: 30", "  retries: 0",
             "  source_budget: 3600", "sources:"]
    for s, host in enumerate(_web.hosts(sites)):
        lines += [f"  - name: {_web.MEDIA[s % len(_web.MEDIA)]}", f'    feed: "http://{host}:{port}/rss.xml"',
                  f"    max_items: {per_site}"]
    (work / "sources.yaml").write_text("\n".join(lines) + "\n")
    import trafilatura
    default = (Path(trafilatura.__file__).parent / "settings.cfg").read_text()
    cfg, n1 = re.subn(r"(?m)^SLEEP_TIME\s*=.*$", "SLEEP_TIME = 0", default)
    cfg, n2 = re.subn(r"(?m)^SSRF_PROTECTION\s*=.*$", "SSRF_PROTECTION = off", cfg)
    if (n1, n2) != (1, 1):
        raise SystemExit("trafilatura settings.cfg has no SLEEP_TIME / SSRF_PROTECTION line to change")
    (work / "trafilatura.cfg").write_text(cfg)
    return {"urls": work / "urls.txt", "sources": work / "sources.yaml", "tcfg": work / "trafilatura.cfg"}


def start_server(root: Path, port: int, sites: int) -> subprocess.Popen:
    """The loopback web in its own process; returns once it listens."""
    cmd = [sys.executable, str(BENCH / "_web.py"), "serve", str(root), "--port", str(port),
           "--sites", str(sites), "--lifetime", str(RUN_TIMEOUT * 3)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    line = proc.stdout.readline().decode() if ready else ""
    if not line.startswith("READY"):
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    print(f"server pid {proc.pid}: {line.split()[2]} responses on {sites} hosts, port {port}")
    return proc


def stop_server(proc: subprocess.Popen) -> None:
    proc.stdin.close()  # the server exits when its stdin closes
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


async def _raw_fetch_all(urls: list[str], per_host: int) -> tuple[int, int]:
    """Plain keep-alive GETs on per_host sockets per host (our server always sends Content-Length)."""
    by_host: dict[tuple[str, int], list[str]] = {}
    for url in urls:
        parts = urlsplit(url)
        by_host.setdefault((parts.hostname, parts.port), []).append(parts.path)

    async def one_connection(host: str, port: int, paths: list[str]) -> tuple[int, int]:
        reader, writer = await asyncio.open_connection(host, port)
        ok = size = 0
        for path in paths:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
            body = await reader.readexactly(length)
            ok += head.startswith(b"HTTP/1.1 200")
            size += len(gzip.decompress(body) if b"gzip" in head else body)
        writer.close()
        return ok, size

    jobs = [one_connection(host, port, paths[i::per_host])
            for (host, port), paths in by_host.items() for i in range(per_host)]
    results = await asyncio.gather(*jobs)
    return sum(r[0] for r in results), sum(r[1] for r in results)


async def _httpx_fetch_all(urls: list[str], per_host: int, aiohttp_transport: bool = False) -> tuple[int, int]:
    """The same with httpx, per_host in flight per host, one client per host as clipper.harvest.fetch
    has; with ``aiohttp_transport`` on aiohttp's transport (what clipper.harvest.fetch uses)."""
    import httpx
    from httpx_aiohttp import AiohttpTransport
    limits = httpx.Limits(max_connections=per_host, max_keepalive_connections=per_host)
    tls = httpx.create_ssl_context()
    clients: dict[str, httpx.AsyncClient] = {}
    hosts: dict[str, asyncio.Semaphore] = {}
    ok = size = 0

    async def one(url: str) -> None:
        nonlocal ok, size
        host = httpx.URL(url).host
        if host not in clients:
            transport = AiohttpTransport(verify=tls, limits=limits) if aiohttp_transport else None
            clients[host] = httpx.AsyncClient(verify=tls, limits=limits, transport=transport,
                                              headers={"Accept-Encoding": "gzip"})
        async with hosts.setdefault(host, asyncio.Semaphore(per_host)):
            response = await clients[host].get(url)
            ok += response.status_code == 200
            size += len(response.content)

    try:
        await asyncio.gather(*(one(u) for u in urls))
    finally:
        for client in clients.values():
            await client.aclose()
    return ok, size


def check_server(server: subprocess.Popen, urls: list[str], per_host: int) -> dict:
    """Fetch every page with a plain concurrent client (the server's ceiling), then with httpx."""
    out = {}
    for name, fetch_all in (("raw", _raw_fetch_all), ("httpx", _httpx_fetch_all),
                            ("aiohttp", partial(_httpx_fetch_all, aiohttp_transport=True))):
        cpu0, own0 = _cpu(server.pid), time.process_time()
        t0 = time.perf_counter()
        ok, size = asyncio.run(fetch_all(urls, per_host))
        wall = time.perf_counter() - t0
        out[name] = {"ok": ok, "wall": wall, "rate": len(urls) / wall, "mb": size / 1e6,
                     "server_cpu": _cpu(server.pid) - cpu0,
                     "client_ms": (time.process_time() - own0) / len(urls) * 1000}
    return out


def clipper_command() -> list[str]:
    """`.venv/bin/clipper` when the package is installed, else `python -m clipper` from the repo."""
    script = VENV_BIN / "clipper"
    return [str(script)] if script.exists() else [sys.executable, "-m", "clipper"]


# --- measuring a command ------------------------------------------------------------------


def _cpu(pid: int) -> float:
    try:
        t = psutil.Process(pid).cpu_times()
        return t.user + t.system
    except psutil.Error:
        return 0.0


def _role(p: psutil.Process, main_pid: int) -> str:
    """main / forkserver / tracker / workers (forked from the forkserver, same command line)."""
    if p.pid == main_pid:
        return "main"
    try:
        line, parent = " ".join(p.cmdline()), p.ppid()
    except psutil.Error:
        return "other"
    if "resource_tracker" in line:
        return "tracker"
    return "forkserver" if "forkserver" in line and parent == main_pid else "workers"


def measure(cmd: list[str], log: Path, server: subprocess.Popen) -> dict:
    """Run cmd to the end; wall time, peak summed RSS/PSS of its tree, CPU of the tree and server."""
    server_cpu0 = _cpu(server.pid)
    cpu_by_pid: dict[int, float] = {}
    role_by_pid: dict[int, str] = {}
    peak_rss = peak_pss = 0
    peak_procs = 0
    own0 = time.process_time()
    with open(log, "wb") as out:
        t0 = time.perf_counter()
        proc = psutil.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        n, tree = 0, [proc]
        while proc.poll() is None:
            if time.perf_counter() - t0 > RUN_TIMEOUT:
                for child in proc.children(recursive=True):
                    child.kill()
                proc.kill()
                proc.wait()
                raise SystemExit(f"timed out after {RUN_TIMEOUT} s: {shlex.join(cmd)}")
            if n % TREE_EVERY == 0 or any(not p.is_running() for p in tree):
                try:
                    tree = [proc] + proc.children(recursive=True)
                except psutil.Error:
                    break
            rss = pss = 0
            for p in tree:
                try:
                    rss += p.memory_info().rss
                    if n % PSS_EVERY == 0:
                        pss += p.memory_full_info().pss
                    t = p.cpu_times()
                    cpu_by_pid[p.pid] = t.user + t.system
                    if p.pid not in role_by_pid:
                        role_by_pid[p.pid] = _role(p, proc.pid)
                except psutil.Error:
                    pass
            peak_rss, peak_procs = max(peak_rss, rss), max(peak_procs, len(tree))
            peak_pss = max(peak_pss, pss)
            n += 1
            time.sleep(SAMPLE_SECONDS)
        proc.wait()
        wall = time.perf_counter() - t0
    roles: dict[str, float] = {}
    for pid, cpu in cpu_by_pid.items():
        roles[role_by_pid[pid]] = roles.get(role_by_pid[pid], 0.0) + cpu
    return {"roles": roles, "wall": wall, "rc": proc.returncode, "peak_rss": peak_rss / 2**20, "peak_pss": peak_pss / 2**20,
            "procs": peak_procs, "cpu": sum(cpu_by_pid.values()), "server_cpu": _cpu(server.pid) - server_cpu0,
            "samples": n, "sampler_cpu": time.process_time() - own0}


def check_archive(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": one("select count(*) from articles"),
                "errors": one("select count(*) from page_errors"),
                "stories": one("select count(*) from articles where story_id is not null"),
                "chars": one("select avg(length(text)) from articles") or 0,
                "dated": one("select count(*) from articles where published_at is not null"),
                # what the run itself counted: pages recognised as copies of a stored article, and failures
                "copies": one("select coalesce(sum(duplicates), 0) from run_sources"),
                "failed": one("select coalesce(sum(failed_pages), 0) from run_sources")}
    finally:
        conn.close()


# --- in-process extraction -------------------------------------------------------------


def time_inprocess(pages: list[tuple[str, Path]]) -> dict:
    """trafilatura.extract and clipper's extract_article over the same pages, one core each."""
    import trafilatura

    from clipper.errors import ExtractionError
    from clipper.extract.reader import extract_article
    raw = [(url, file.read_bytes()) for url, file in pages]
    texts = [(url, body.decode("utf-8")) for url, body in raw]
    t0 = time.perf_counter()
    found = sum(trafilatura.extract(html, url=url, include_comments=False) is not None for url, html in texts)
    traf = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = 0
    for url, body in raw:
        try:
            extract_article(body, url)
            ours += 1
        except ExtractionError:
            pass
    clip = time.perf_counter() - t0
    n = len(pages)
    return {"traf_ms": traf / n * 1000, "traf_rate": n / traf, "traf_ok": found,
            "clip_ms": clip / n * 1000, "clip_rate": n / clip, "clip_ok": ours}


# --- report ---------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def report(n: int, per_host: int, ours: dict, archive: dict, peer: dict | None, inproc: dict | None, server: dict,
           commands: list[str]) -> None:
    ours_rate = n / ours["wall"]
    ours_ms = ours["wall"] / n * 1000
    print("\n=== results ===")
    print(f"{'':46} {'measured':>10}   target")
    print(f"{'clipper harvest pages/s':46} {ours_rate:10.1f}")
    if peer:
        peer_rate = n / peer["wall"]
        ratio = ours_rate / peer_rate
        print(f"{'trafilatura CLI pages/s (peer)':46} {peer_rate:10.1f}")
        print(f"{'  ratio clipper / peer':46} {ratio:10.2f}   >= {TARGET_PEER_RATIO}  "
              f"{_verdict(ratio >= TARGET_PEER_RATIO)}")
    if inproc:
        ratio = ours_ms / inproc["traf_ms"]
        print(f"{'trafilatura.extract() ms/page (1 core)':46} {inproc['traf_ms']:10.2f}")
        print(f"{'clipper harvest wall ms/page':46} {ours_ms:10.2f}")
        print(f"{'  ratio clipper / in-process extract':46} {ratio:10.2f}   <= {TARGET_CPU_RATIO}  "
              f"{_verdict(ratio <= TARGET_CPU_RATIO)}")
    print(f"{'clipper peak memory, summed RSS (MB)':46} {ours['peak_rss']:10.0f}   < {TARGET_PEAK_MB}  "
          f"{_verdict(ours['peak_rss'] < TARGET_PEAK_MB)}")
    print("\n--- details ---")
    if len(ours.get("walls", ())) > 1:
        walls = lambda r: ", ".join(f"{w:.1f}" for w in r["walls"])  # noqa: E731
        print(f"rounds (wall s, fastest reported): clipper {walls(ours)}" + (f"; peer {walls(peer)}" if peer else ""))
    print(f"clipper: wall {ours['wall']:.1f} s, exit {ours['rc']}, CPU {ours['cpu']:.1f} s "
          f"({ours['cpu'] / n * 1000:.1f} ms/page over {ours['procs']} processes), peak PSS {ours['peak_pss']:.0f} MB, "
          f"server CPU meanwhile {ours['server_cpu']:.1f} s, this sampler's CPU {ours['sampler_cpu']:.1f} s")
    print("clipper CPU by process: " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(ours["roles"].items())))
    print(f"archive: {archive['articles']} articles (expected {n}), {archive['errors']} page errors, "
          f"{archive['stories']} grouped into stories, {archive['dated']} dated, avg text {archive['chars']:.0f} chars")
    if peer:
        print(f"peer: wall {peer['wall']:.1f} s, exit {peer['rc']}, {peer['files']} output files (expected {n}), "
              f"CPU {peer['cpu']:.1f} s ({peer['cpu'] / n * 1000:.1f} ms/page), peak RSS {peer['peak_rss']:.0f} MB, "
              f"server CPU meanwhile {peer['server_cpu']:.1f} s")
    if inproc:
        print(f"in-process: trafilatura.extract {inproc['traf_rate']:.1f} pages/s ({inproc['traf_ok']} texts); "
              f"clipper extract_article {inproc['clip_ms']:.2f} ms/page, {inproc['clip_rate']:.1f} pages/s "
              f"({inproc['clip_ok']} articles)")
    for name, label in (("raw", "plain asyncio sockets"), ("httpx", "httpx, its own transport"),
                        ("aiohttp", "httpx on aiohttp's transport (clipper's)")):
        r = server[name]
        print(f"server alone, {label} (per host {per_host}): {r['ok']} pages in {r['wall']:.2f} s = "
              f"{r['rate']:.0f} pages/s, client CPU {r['client_ms']:.2f} ms/page, {r['mb']:.0f} MB decoded, "
              f"server CPU {r['server_cpu']:.2f} s")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, shared by the server, the measured process and this sampler; "
          f"load average now {load} (above ~2.5 means other work competed and the figures are low)")
    print("\ncommands:")
    for command in commands:
        print("  " + command)


def main() -> None:
    global TARGET_PEER_RATIO
    args = parse_args()
    if args.real:
        TARGET_PEER_RATIO = TARGET_PEER_RATIO_REAL
    per_site = max(1, args.pages // args.sites)
    n = per_site * args.sites
    work = Path(tempfile.mkdtemp(prefix="clipper-bench-harvest-", dir=args.workdir))
    host_list = _web.hosts(args.sites)
    port = _web.free_port(host_list)
    t0 = time.perf_counter()
    pages = _web.write_corpus(work / "web", args.sites, per_site, port,
                              real_pages=real_article_pages() if args.real else None)
    sizes = [f.stat().st_size for _, f in pages]
    print(f"generated {n} pages ({sum(sizes) / n / 1000:.1f} KB average, {min(sizes) // 1000}-{max(sizes) // 1000} KB) "
          f"and {args.sites} feeds in {time.perf_counter() - t0:.1f} s under {work}")
    files = write_inputs(work, [u for u, _ in pages], args.sites, port, args.per_host, per_site)
    server = start_server(work / "web", port, args.sites)
    try:
        served = check_server(server, [u for u, _ in pages], args.per_host)
        print(f"server check: plain client {served['raw']['rate']:.0f} pages/s, "
              f"httpx client {served['httpx']['rate']:.0f} pages/s, on aiohttp {served['aiohttp']['rate']:.0f} pages/s")
        inproc = None if args.skip_inprocess else time_inprocess(pages)
        if inproc:
            print(f"in-process: trafilatura.extract {inproc['traf_ms']:.2f} ms/page, "
                  f"extract_article {inproc['clip_ms']:.2f} ms/page")
        ours = peer = archive = None
        commands: list[str] = []
        clip_walls: list[float] = []
        peer_walls: list[float] = []
        for round_ in range(1, args.repeat + 1):
            # clipper and the peer alternate, so a slow spell of the machine hits both alike
            db = work / f"archive-{round_}.db"
            clip_cmd = [*clipper_command(), "--config", str(files["sources"]), "--db", str(db), "harvest"]
            run = measure(clip_cmd, work / f"clipper-{round_}.log", server)
            counts = check_archive(db)
            print(f"round {round_}: clipper harvest {run['wall']:.1f} s, {counts['articles']} articles, "
                  f"peak RSS {run['peak_rss']:.0f} MB")
            clip_walls.append(run["wall"])
            if ours is None or run["wall"] < ours["wall"]:
                ours, archive = run, counts
            commands.append(shlex.join(clip_cmd))
            if not args.skip_peer:
                out = work / f"trafilatura-out-{round_}"
                peer_cmd = [str(VENV_BIN / "trafilatura"), "--config-file", str(files["tcfg"]),
                            "-i", str(files["urls"]), "-o", str(out)]
                run = measure(peer_cmd, work / f"trafilatura-{round_}.log", server)
                run["files"] = sum(1 for f in out.rglob("*") if f.is_file()) if out.exists() else 0
                print(f"round {round_}: trafilatura CLI {run['wall']:.1f} s, {run['files']} files")
                peer_walls.append(run["wall"])
                if peer is None or run["wall"] < peer["wall"]:
                    peer = run
                commands.append(shlex.join(peer_cmd))
        ours["walls"] = clip_walls
        if peer:
            peer["walls"] = peer_walls
    finally:
        stop_server(server)
    report(n, args.per_host, ours, archive, peer, inproc, served, commands)
    # Every page is stored or recognised as a copy of a stored article (the real pages hold one
    # article twice: desktop and mobile, page 1 and "page=all"); none may be lost or fail.
    short = archive["articles"] + archive["copies"] != n or archive["failed"] > 0
    if archive["copies"]:
        print(f"\n{archive['articles']} of {n} pages stored and {archive['copies']} recognised as copies of a "
              f"stored article (the run's own count), {archive['failed']} failed")
    if ours["rc"] != 0 or short:
        print(f"\nWARNING: clipper exited {ours['rc']}: {archive['articles']} stored + {archive['copies']} copies "
              f"of {n} pages, {archive['failed']} failed; see {work / 'clipper.log'}")
    if args.keep or ours["rc"] != 0 or short:
        print(f"\nwork directory kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
