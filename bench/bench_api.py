"""Load benchmark of the API: incident lists of 50 with varied filters against a store of 100,000 incidents.

    python bench/bench_api.py                        # 100,000 incidents, 10,000 requests over ~30 s
    python bench/bench_api.py --incidents 20000 --requests 2000 --seconds 10
    python bench/bench_api.py --db FILE --requests 2000 --in-process   # CPU per request, no server

Builds the store with batched inserts into the store's tables (no NLP), starts ``incidex serve --workers 2`` on
127.0.0.1 in a child process, sends the requests at a steady rate over a few keep-alive connections from one asyncio
process (raw HTTP/1.1, so the load generator takes little of the CPU the server shares), and prints the request mix,
p50/p90/p99/max latency counted from when each request was due and from when it was sent, the error count, the CPU
time the server's processes spent per request (a figure other load on the machine distorts little) and the load
average. Targets: p99 < 100 ms, no errors.

Opening a store migrates it to the newest schema in place: give ``--db`` a copy of a store you want to keep as is.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from urllib.request import urlopen

import psutil
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


def ensure_store(db: str | None, folder: str, count: int) -> Path:
    """The SQLite file ``db`` (default: one in ``folder``), built with ``count`` incidents when it does not exist."""
    path = Path(db or Path(folder) / "bench.db")
    if not path.exists():
        began = time.perf_counter()
        build_store(str(path), count)
        print(f"built {count} incidents in {time.perf_counter() - began:.1f} s ({path})", flush=True)
    return path


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
         "merged": {"cluster_id": incident_id, "type": kind, "notes": []}, "role": role, "report_count": 1,
         "reported_from": day, "reported_to": day},
    )


def query_mix(rng: random.Random) -> dict[str, str]:
    """Filters as an analyst combines them: mostly type/country/date windows and sorts, sometimes a place, an actor,
    a source, a text search or a map box; every filter and sort order of the API appears."""
    params: dict[str, str] = {"limit": "50"}
    if rng.random() < 0.3:
        params["type"] = rng.choice(TYPES)
    if rng.random() < 0.4:
        params["country"] = rng.choice(PLACES)[1]
    elif rng.random() < 0.05:
        params["admin1"] = rng.choice(PLACES)[2].lower()
    if rng.random() < 0.4:
        year = rng.randrange(2015, 2025)
        params["date_from"], params["date_to"] = f"{year}-{rng.randrange(1, 13):02d}", f"{year + rng.randrange(0, 2)}"
    if rng.random() < 0.1:
        params["actor"] = rng.choice(ACTORS[:-2])
    if rng.random() < 0.05:
        params["source"] = rng.choice(OUTLETS).lower()
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


def mix_summary(plan: list[dict[str, str]]) -> dict[str, float]:
    """Share of requests using each parameter (limit excepted)."""
    used = Counter(key for params in plan for key in params if key != "limit")
    return {key: round(used[key] / len(plan), 3) for key in sorted(used)}


@dataclass
class Outcome:
    """Latencies in seconds: from when each request was due (waiting for a free connection included), and from
    when it was sent; requests that failed."""

    due: list[float] = field(default_factory=list)
    sent: list[float] = field(default_factory=list)
    errors: int = 0


async def load(port: int, *, requests: int, seconds: float, connections: int, seed: int) -> Outcome:
    """Ask for ``requests`` GET /api/incidents due at a steady rate over ``seconds``, on ``connections`` keep-alive
    HTTP/1.1 connections (raw asyncio streams: the client costs the shared CPU little)."""
    rng = random.Random(seed)
    plan = [f"GET /api/incidents?{urlencode(query_mix(rng))} HTTP/1.1\r\nHost: bench\r\n\r\n".encode()
            for _ in range(requests)]
    queue: asyncio.Queue[int] = asyncio.Queue()
    outcome = Outcome()
    started = time.perf_counter()

    async def schedule() -> None:
        for index in range(requests):
            await asyncio.sleep(max(0.0, started + index * seconds / requests - time.perf_counter()))
            queue.put_nowait(index)
        for _ in range(connections):
            queue.put_nowait(-1)

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while (index := await queue.get()) >= 0:
            sent = time.perf_counter()
            try:
                writer.write(plan[index])
                status, body = await _response(reader)
                ok = status == 200 and len(json.loads(body)["items"]) <= 50
            except (OSError, ValueError, KeyError, asyncio.IncompleteReadError):
                ok = False
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            done = time.perf_counter()
            outcome.due.append(done - (started + index * seconds / requests))
            outcome.sent.append(done - sent)
            outcome.errors += not ok
        writer.close()

    await asyncio.gather(schedule(), *(client() for _ in range(connections)))
    return outcome


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one HTTP/1.1 response with a Content-Length."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), await reader.readexactly(int(headers["content-length"]))


def in_process(path: Path, *, requests: int, seed: int) -> dict[str, Any]:
    """CPU time per request of the mix served by the app in this process (FastAPI's TestClient), one request at a
    time: each request's least CPU time over 4 passes, averaged (a pass disturbed by other load counts for little)."""
    from fastapi.testclient import TestClient

    from incidex.api.app import create_app
    from incidex.config import load_settings

    rng = random.Random(seed)
    plan = [query_mix(rng) for _ in range(requests)]
    least = [float("inf")] * requests
    with TestClient(create_app(db_url=str(path), settings=load_settings())) as client:
        for _ in range(4):
            for index, params in enumerate(plan):
                began = time.process_time()
                if client.get("/api/incidents", params=params).status_code != 200:
                    raise SystemExit(f"GET /api/incidents?{urlencode(params)} failed")
                least[index] = min(least[index], time.process_time() - began)
    return {"requests": requests, "cpu_ms_per_request": round(1000 * sum(least) / requests, 2),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            with urlopen(f"http://127.0.0.1:{port}/api/incidents?limit=1", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 120 s")


def _cpu_seconds(server: subprocess.Popen[bytes]) -> float:
    """User and system CPU time of the server process and its workers so far."""
    root = psutil.Process(server.pid)
    total = 0.0
    for process in (root, *root.children(recursive=True)):
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _percentiles(seconds: list[float]) -> dict[str, float]:
    ms = sorted(1000 * x for x in seconds)
    q = statistics.quantiles(ms, n=100)
    return {"p50_ms": round(q[49], 1), "p90_ms": round(q[89], 1), "p99_ms": round(q[98], 1), "max_ms": round(ms[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--connections", type=int, default=8, help="keep-alive connections of the load generator")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (incidex serve --workers)")
    parser.add_argument("--db", help="SQLite file to reuse (built when missing); default: a temporary file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--in-process", action="store_true",
                        help="serve --requests of the mix in this process, one at a time, and print the CPU time per "
                             "request: a comparison of versions that other load on the machine moves less")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="incidex-bench-api-")
    path = ensure_store(args.db, folder.name, args.incidents)
    if args.in_process:
        print(json.dumps(in_process(path, requests=args.requests, seed=args.seed)))
        return
    rng = random.Random(args.seed)
    print("request mix (share of requests using each parameter):",
          json.dumps(mix_summary([query_mix(rng) for _ in range(args.requests)])))
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "incidex", "serve", "--db", str(path), "--port", str(port),
                               "--workers", str(args.workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_ready(port, server)
        cpu_before, began = _cpu_seconds(server), time.perf_counter()
        outcome = asyncio.run(load(port, requests=args.requests, seconds=args.seconds, connections=args.connections,
                                   seed=args.seed))
        elapsed, cpu = time.perf_counter() - began, _cpu_seconds(server) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)
        folder.cleanup()
    print(json.dumps({"requests": len(outcome.due), "seconds": round(elapsed, 1),
                      "rps": round(len(outcome.due) / elapsed, 1), "errors": outcome.errors,
                      "latency_from_due": _percentiles(outcome.due), "latency_from_sent": _percentiles(outcome.sent),
                      "server_cpu_ms_per_request": round(1000 * cpu / len(outcome.due), 2),
                      "load_average": [round(x, 2) for x in os.getloadavg()]}))


if __name__ == "__main__":
    main()
