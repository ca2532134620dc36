"""Web app load on loopback: `dateline serve` on a free port, N requests over its pages and
their JSON twins from C concurrent keep-alive clients; prints req/s, latency p50/p95/p99 and
the server's resident memory before and after the run.

    PYTHONPATH=src .venv/bin/python benchmarks/web_load.py [--db story.db] [-n 5000] [-c 20]
        [--json OUT]

Without --db the seed database is built into a temporary folder from
../shared/corpus/karabakh-2020/ ($DATELINE_SHARED), else from examples/. The client is one
asyncio process speaking plain HTTP/1.1 (no third-party client: its own cost would blur the
server's figures); it shares the machine with the server, so figures are a lower bound.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
# the list pages and their twins, each once per round (the detail pages are sampled below)
LISTS = ["/", "/index.json", "/documents", "/documents.json", "/entities", "/entities.json",
         "/places", "/places.json", "/commitments", "/commitments.json", "/conflicts",
         "/conflicts.json", "/digest", "/digest.json", "/search?q=ceasefire", "/search.json?q=the"]
DETAILS = 30   # event, document and entity pages (with twins) sampled per kind


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))


def seed_db(tmp: Path) -> Path:
    src = SHARED / "corpus" / "karabakh-2020"
    if not src.is_dir():
        src = ROOT / "examples"
    db = tmp / "seed.db"
    subprocess.run([sys.executable, "-m", "dateline.cli", "build", str(src), "--db", str(db)],
                   env=_env(), check=True, stdout=subprocess.DEVNULL)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of the server process and its children, in MB (from /proc)."""
    total = 0
    pids = [pid]
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(k) for k in kids]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def get(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=120) as r:
        return json.loads(r.read())


def urls(base: str, seed: int = 0) -> list[str]:
    """Every list page, plus DETAILS event, document and entity pages (HTML and JSON)."""
    rnd = random.Random(seed)
    out = list(LISTS)
    events = get(base, "/index.json?size=1000")["events"]
    docs = get(base, "/documents.json?size=1000")["documents"]
    ents = get(base, "/entities.json?size=1000")["entities"]
    for kind, rows in (("events", events), ("documents", docs), ("entities", ents)):
        for r in rnd.sample(rows, min(DETAILS, len(rows))):
            out += [f"/{kind}/{r['id']}", f"/{kind}/{r['id']}.json"]
    return out


async def _client(port: int, paths: list[str], lat: list[float], errors: list[str],
                  by_path: dict[str, list[float]]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for path in paths:
            t = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            chunked = False
            for line in head.split(b"\r\n")[1:]:
                k, _, v = line.partition(b":")
                k = k.strip().lower()
                if k == b"content-length":
                    length = int(v)
                elif k == b"transfer-encoding" and b"chunked" in v.lower():
                    chunked = True
            if chunked:
                while True:
                    size = int((await reader.readline()).strip(), 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                await reader.readexactly(length)
            lat.append(time.perf_counter() - t)
            by_path.setdefault(path.split("?")[0].rsplit("/", 1)[0] if path.count("/") > 1
                               else path, []).append(lat[-1])
            if status != 200:
                errors.append(f"{status} {path}")
    finally:
        writer.close()


async def _run(port: int, paths: list[str], n: int, c: int, by_path: dict) -> tuple[float, list[float], list[str]]:
    seq = [paths[i % len(paths)] for i in range(n)]
    random.Random(1).shuffle(seq)
    lat: list[float] = []
    errors: list[str] = []
    t = time.perf_counter()
    await asyncio.gather(*(_client(port, seq[i::c], lat, errors, by_path) for i in range(c)))
    return time.perf_counter() - t, lat, errors


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="a database built by `dateline build` (default: the seed corpus)")
    ap.add_argument("-n", "--requests", type=int, default=5000)
    ap.add_argument("-c", "--concurrency", type=int, default=20)
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(a.db) if a.db else seed_db(Path(tmp))
        if not db.is_file():
            print(f"web_load: no database at {db}", file=sys.stderr)
            return 2
        port = free_port()
        srv = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                                "--port", str(port)], env=_env(), stdout=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            t0 = time.perf_counter()
            for _ in range(1200):
                try:
                    urllib.request.urlopen(base + "/static/favicon.svg", timeout=5).read()
                    break
                except OSError:
                    if srv.poll() is not None:
                        print("web_load: the server exited", file=sys.stderr)
                        return 2
                    time.sleep(0.1)
            started = time.perf_counter() - t0
            idle = rss_mb(srv.pid)
            paths = urls(base)
            for p in paths:        # one warm-up pass: first-request costs are not load
                urllib.request.urlopen(base + p, timeout=120).read()
            before = rss_mb(srv.pid)
            by_path: dict[str, list[float]] = {}
            secs, lat, errors = asyncio.run(_run(port, paths, a.requests, a.concurrency, by_path))
            after = rss_mb(srv.pid)
        finally:
            srv.terminate()
            srv.wait(10)
    res = {"db": str(a.db or "seed"), "requests": len(lat), "concurrency": a.concurrency,
           "distinct_urls": len(paths), "errors": len(errors), "seconds": round(secs, 2),
           "req_per_s": round(len(lat) / secs, 1),
           "p50_ms": round(pct(lat, 50) * 1000, 1), "p95_ms": round(pct(lat, 95) * 1000, 1),
           "p99_ms": round(pct(lat, 99) * 1000, 1), "max_ms": round(max(lat) * 1000, 1),
           "rss_idle_mb": round(idle, 1), "rss_before_mb": round(before, 1), "rss_after_mb": round(after, 1),
           "startup_s": round(started, 2),
           # mean latency by page (detail pages grouped by kind): where the time goes
           "mean_ms_by_page": {k: round(sum(v) / len(v) * 1000, 1) for k, v in
                               sorted(by_path.items(), key=lambda kv: -sum(kv[1]) / len(kv[1]))}}
    print(f"{res['requests']} requests ({res['distinct_urls']} URLs), {a.concurrency} clients: "
          f"{res['req_per_s']} req/s; p50 {res['p50_ms']} ms, p95 {res['p95_ms']} ms, "
          f"p99 {res['p99_ms']} ms, max {res['max_ms']} ms; {res['errors']} errors; "
          f"server RSS {res['rss_idle_mb']} MB idle, {res['rss_before_mb']} -> {res['rss_after_mb']} MB "
          f"over the run (start {res['startup_s']} s)")
    print("  slowest pages (mean ms):", ", ".join(
        f"{k} {v}" for k, v in list(res["mean_ms_by_page"].items())[:6]))
    for e in errors[:5]:
        print("  error:", e)
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
