"""Load test of the web API: N mixed requests from C concurrent asyncio clients against 127.0.0.1.

Starts `geosignal serve` (read-only) on a free local port over the given store, builds a request
mix from what the store holds, fires it, and prints latency percentiles. Exit 1 on any error
(a non-2xx answer, a timeout or a refused connection).

    python benchmarks/load_web.py --db store.duckdb [--requests 1000] [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

HOST = "127.0.0.1"  # never anything else: this script only ever loads a local server


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from geosignal.cli import main; main()", "serve", "--db", db]
    proc = subprocess.Popen(
        [*cmd, "--host", HOST, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    proc.kill()
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    raise SystemExit(f"geosignal serve did not start: {err}")


def request_mix(base: str, n: int, seed: int) -> list[str]:
    """N GET paths: searches, documents, events with filters, actors, search, stats (and analytics if present)."""
    docs = httpx.get(f"{base}/api/documents", params={"limit": 100}).json()["items"]
    spec = httpx.get(f"{base}/openapi.json").json()["paths"]
    actor_ids: set[str] = set()
    states: set[str] = set()
    for d in docs[:30]:
        for a in httpx.get(f"{base}/api/documents/{quote(d['id'], safe='')}").json()["actors"]:
            actor_ids.add(a["id"])
            if a["type"] == "state" and len(a["id"]) == 3 and a["id"].isalpha():  # ISO codes, not text: ids
                states.add(a["id"])
    countries = sorted(states) or ["RUS"]
    actors = sorted(actor_ids) or countries
    outlets = sorted({d["outlet"] for d in docs if d["outlet"]}) or ["BBC News"]
    words = ["minister", "election", "russia", "china", "talks", "war", "tax", "police"]
    rng = random.Random(seed)
    makers = [
        lambda: f"/api/documents?q={quote(rng.choice(words))}&limit=20",
        lambda: f"/api/documents?outlet={quote(rng.choice(outlets))}&since=2000-01-01&limit=50",
        lambda: f"/api/documents/{quote(rng.choice(docs)['id'], safe='')}",
        lambda: f"/api/events?actor={rng.choice(countries)}&limit=100",
        lambda: f"/api/events?cameo=0{rng.randint(1, 9)}&reports=true&limit=100",
        lambda: "/api/events?since=2004-01-01&until=2005-12-31&status=reported&limit=50",
        lambda: f"/api/actors/{quote(rng.choice(actors), safe='')}",
        lambda: f"/api/search?q={quote(rng.choice(words))}",
        lambda: "/api/stats",
    ]
    if "/api/relations" in spec:
        pairs = [f"{a}:{b}" for a in countries for b in countries if a < b] or ["RUS:PRK"]
        makers.append(lambda: f"/api/relations?dyad={rng.choice(pairs)}&period=month")
        makers.append(lambda: f"/api/relations?country={rng.choice(countries)}")
    if "/api/blocs" in spec:
        makers.append(lambda: "/api/blocs")
    if "/api/quotes" in spec:
        makers.append(lambda: f"/api/quotes?speaker={rng.choice(countries)}&limit=50")
    return [rng.choice(makers)() for _ in range(n)]


async def run(base: str, paths: list[str], clients: int) -> tuple[list[float], list[str]]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    latencies: list[float] = []
    errors: list[str] = []

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as c:
            while True:
                try:
                    path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                try:
                    r = await c.get(path)
                    ok = r.status_code // 100 == 2
                    if not ok:
                        errors.append(f"{r.status_code} {path}: {r.text[:200]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {path}")
                latencies.append(time.perf_counter() - t0)

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="a store made by geosignal ingest")
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not Path(args.db).exists() and not args.db.startswith("postgres"):
        raise SystemExit(f"no store at {args.db}")
    port = free_port()
    proc = start_server(args.db, port)
    base = f"http://{HOST}:{port}"
    try:
        stats = httpx.get(f"{base}/api/stats").json()
        paths = request_mix(base, args.requests, args.seed)
        t0 = time.perf_counter()
        latencies, errors = asyncio.run(run(base, paths, args.clients))
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    report = {
        "store": {k: stats[k] for k in ("documents", "events", "statements", "actors")},
        "requests": len(latencies),
        "clients": args.clients,
        "errors": len(errors),
        "seconds": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(1000 * pct(latencies, 0.50), 1),
        "p95_ms": round(1000 * pct(latencies, 0.95), 1),
        "p99_ms": round(1000 * pct(latencies, 0.99), 1),
        "max_ms": round(1000 * max(latencies), 1),
    }
    print(json.dumps(report, indent=2))
    for e in errors[:10]:
        print("error:", e, file=sys.stderr)
    if errors or len(latencies) != args.requests:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
