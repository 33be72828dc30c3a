"""Latency of the web pages and the API under a small, bounded load on loopback.

    .venv/bin/python bench/latency.py [--db out/storyline.db] [--requests 200] [--concurrency 4]

Starts ``storyline serve`` on a free loopback port (over --db, or over examples/corpus run
into a temporary store when --db is not given), warms each page up, then sends --requests
requests per page with at most --concurrency in flight, over keep-alive connections, and
prints p50, p95 and the slowest per page. The target is a story page p95 under 100 ms.
Not a test: run it on purpose.
"""

from __future__ import annotations

import argparse
import math
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
TARGET_MS = 100.0
CLI = [sys.executable, "-c", "from storyline.cli import app; app()"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with code {server.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer {url} within {seconds:.0f} s")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of ``values`` (share 0..1)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def load(base: str, path: str, requests: int, concurrency: int) -> list[float]:
    """Milliseconds per request for ``requests`` GETs of ``path``, ``concurrency`` at a time."""
    shares = [requests // concurrency + (i < requests % concurrency) for i in range(concurrency)]

    def worker(count: int) -> list[float]:
        timings = []
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(count):
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {response.status_code}")
        return timings

    with ThreadPoolExecutor(concurrency) as pool:
        return [t for part in pool.map(worker, shares) for t in part]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to serve (default: the example corpus)")
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight")
    args = parser.parse_args()
    if not 1 <= args.concurrency <= 16 or not 1 <= args.requests <= 5000:
        parser.error("keep the load small: --concurrency 1..16, --requests 1..5000")
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "demo.db"
            print(f"building the demo store from {EXAMPLES} ...", flush=True)
            subprocess.run([*CLI, "run", str(EXAMPLES), "--db", str(db), "--quiet"], check=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = [*CLI, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        try:
            wait_until_up(base + "/", server)
            story = httpx.get(base + "/api/v1/stories?limit=1").json()["items"][0]["id"]
            article = httpx.get(f"{base}/api/v1/stories/{story}").json()["articles"][0]
            pages = {
                "story page": f"/stories/{story}",
                "story list": "/",
                "article page": f"/articles/{article}",
                "API story": f"/api/v1/stories/{story}",
            }
            print(f"{args.requests} requests per page, {args.concurrency} in flight, {base}")
            print(f"  {'page':<14}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
            results = {}
            for name, path in pages.items():
                load(base, path, 10, 1)  # warm-up: catalog built, templates compiled
                timings = load(base, path, args.requests, args.concurrency)
                results[name] = percentile(timings, 0.95)
                print(
                    f"  {name:<14}{percentile(timings, 0.5):9.1f}{results[name]:9.1f}"
                    f"{max(timings):9.1f}",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(10)
    verdict = "under" if results["story page"] < TARGET_MS else "OVER"
    print(f"story page p95 {results['story page']:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
