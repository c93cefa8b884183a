"""Load benchmark of the API: incident lists of 50 with varied filters against a store of 100,000 incidents.

    python bench/bench_api.py                        # 100,000 incidents, 10,000 requests over ~30 s
    python bench/bench_api.py --incidents 20000 --requests 2000 --seconds 10

Builds the store with batched inserts into the store's tables (no NLP), starts ``incidex serve`` on 127.0.0.1 in a
child process, sends the requests at a steady rate from a bounded pool of concurrent clients (httpx), and prints
p50/p90/p99/max latency and the error count. Targets: p99 < 100 ms, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from incidex.store import Store
from incidex.store.tables import assignments, documents, incidents, records

TYPES = ("bombing", "armed_assault", "kidnapping", "shelling", "air_or_drone_strike", "clash", "riot", "arrest")
PLACES = (  # name, country, admin1, lat, lon
    ("Kabul", "AF", "Kabul", 34.53, 69.17), ("Mosul", "IQ", "Nineveh", 36.34, 43.13),
    ("Maiduguri", "NG", "Borno", 11.85, 13.16), ("Mogadishu", "SO", "Banaadir", 2.04, 45.34),
    ("Kherson", "UA", "Kherson Oblast", 46.64, 32.61), ("Idlib", "SY", "Idlib", 35.93, 36.63),
    ("Bamako", "ML", "Bamako", 12.65, -8.0), ("Arauca", "CO", "Arauca", 7.08, -70.76),
    ("Cotabato", "PH", "Maguindanao", 7.22, 124.25), ("Mandera", "KE", "Mandera", 3.94, 41.86),
)
ACTORS = ("Taliban", "Islamic State", "Boko Haram", "al-Shabaab", "ELN", "JNIM", "unidentified gunmen", None)
OUTLETS = ("Reuters", "AFP", "AP", "BBC", "Al Jazeera")
BATCH = 5000


def build_store(url: str, count: int, *, seed: int = 1) -> None:
    """``count`` incidents, one document and one record each, written in batches of :data:`BATCH` rows."""
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    with Store(url) as store, store.engine.begin() as connection:
        for first in range(0, count, BATCH):
            rows = [_rows(n, rng, start) for n in range(first, min(first + BATCH, count))]
            for table, index in ((documents, 0), (records, 1), (assignments, 2), (incidents, 3)):
                connection.execute(sa.insert(table), [row[index] for row in rows])


def _rows(n: int, rng: random.Random, start: date) -> tuple[dict[str, Any], ...]:
    name, country, admin1, lat, lon = rng.choice(PLACES)
    kind, actor, outlet = rng.choice(TYPES), rng.choice(ACTORS), rng.choice(OUTLETS)
    day = (start + timedelta(days=rng.randrange(3650))).isoformat() if rng.random() > 0.03 else None
    killed = rng.choice((None, 0, 1, 2, 3, 5, 8, 13, 40))
    role = "main" if rng.random() > 0.1 else "background"
    doc_id, record_id, incident_id = f"doc{n:06d}", f"doc{n:06d}:i1", f"c{n:06d}"
    perpetrators = [actor] if actor else []
    lat, lon = lat + rng.uniform(-0.5, 0.5), lon + rng.uniform(-0.5, 0.5)
    incident = {"id": "i1", "role": role, "type": kind, "date": {"value": day, "precision": "day" if day else "unknown",
                "text": day, "resolved": True}, "location": {"name": name, "country_code": country, "admin1": admin1,
                "lat": lat, "lon": lon}, "casualties": {"killed": {"total": killed}}, "evidence": []}
    text = f"{name}: a {kind} by {actor or 'unknown attackers'} killed {killed} people on {day}."
    return (
        {"document_id": doc_id, "content_hash": f"{n:064d}", "status": "ok", "source": outlet, "published": day,
         "title": f"{kind} in {name}", "chars": len(text), "text": text},
        {"record_id": record_id, "document_id": doc_id, "incident_key": "i1", "role": role, "type": kind, "date": day,
         "date_precision": "day" if day else "unknown", "country": country, "admin1": admin1, "location": name,
         "lat": lat, "lon": lon, "context": text, "incident": incident},
        {"record_id": record_id, "cluster_id": incident_id, "new_cluster": True, "score": 1.0, "reasons": ["new"]},
        {"incident_id": incident_id, "date": day, "date_precision": "day" if day else "unknown", "date_from": day,
         "date_to": day, "window_from": day or "0001-01-01", "window_to": day or "9999-12-31", "type": kind,
         "country": country, "admin1": admin1, "location": name, "lat": lat, "lon": lon, "perpetrators": perpetrators,
         "victims": [], "killed": killed, "injured": None, "hostages_taken": None, "hostages_released": None,
         "arrested": None, "sources": [outlet], "document_ids": [doc_id], "record_ids": [record_id], "notes": None,
         "merged": {"cluster_id": incident_id, "type": kind, "notes": []}},
    )


def query_mix(rng: random.Random) -> dict[str, str]:
    """Filters as an analyst combines them: mostly type/country/date windows and sorts, sometimes text or a box."""
    params: dict[str, str] = {"limit": "50"}
    roll = rng.random()
    if roll < 0.3:
        params["type"] = rng.choice(TYPES)
    if rng.random() < 0.4:
        params["country"] = rng.choice(PLACES)[1]
    if rng.random() < 0.4:
        year = rng.randrange(2015, 2025)
        params["date_from"], params["date_to"] = f"{year}-{rng.randrange(1, 13):02d}", f"{year + rng.randrange(0, 2)}"
    if rng.random() < 0.1:
        params["actor"] = rng.choice(ACTORS[:-2])
    if rng.random() < 0.05:
        params["q"] = rng.choice(PLACES)[0].lower()
    if rng.random() < 0.1:
        _, _, _, lat, lon = rng.choice(PLACES)
        params["bbox"] = f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"
    if rng.random() < 0.5:
        params["sort"] = rng.choice(("date", "-date", "killed", "-killed", "type"))
    if rng.random() < 0.2:
        params["offset"] = str(rng.randrange(0, 500))
    return params


async def load(base: str, *, requests: int, seconds: float, concurrency: int, seed: int) -> tuple[list[float], int]:
    """Send ``requests`` GET /api/incidents at a steady rate, at most ``concurrency`` in flight."""
    rng = random.Random(seed)
    plan = [query_mix(rng) for _ in range(requests)]
    latencies: list[float] = []
    errors = 0
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        started = time.perf_counter()

        async def one(index: int, params: dict[str, str]) -> None:
            nonlocal errors
            await asyncio.sleep(max(0.0, started + index * seconds / requests - time.perf_counter()))
            async with gate:
                sent = time.perf_counter()
                try:
                    response = await client.get("/api/incidents", params=params)
                    ok = response.status_code == 200 and len(response.json()["items"]) <= 50
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - sent)
                errors += not ok

        await asyncio.gather(*(one(i, p) for i, p in enumerate(plan)))
    return latencies, errors


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/incidents?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--db", help="SQLite file to reuse (built when missing); default: a temporary file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="incidex-bench-api-")
    path = Path(args.db or Path(folder.name) / "bench.db")
    if not path.exists():
        began = time.perf_counter()
        build_store(str(path), args.incidents)
        print(f"built {args.incidents} incidents in {time.perf_counter() - began:.1f} s ({path})")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "incidex", "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_ready(base, server)
        began = time.perf_counter()
        latencies, errors = asyncio.run(load(base, requests=args.requests, seconds=args.seconds,
                                             concurrency=args.concurrency, seed=args.seed))
        elapsed = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)
        folder.cleanup()
    ms = sorted(1000 * x for x in latencies)
    q = statistics.quantiles(ms, n=100)
    print(json.dumps({"requests": len(ms), "seconds": round(elapsed, 1), "rps": round(len(ms) / elapsed, 1),
                      "p50_ms": round(q[49], 1), "p90_ms": round(q[89], 1), "p99_ms": round(q[98], 1),
                      "max_ms": round(ms[-1], 1), "errors": errors}))


if __name__ == "__main__":
    main()
