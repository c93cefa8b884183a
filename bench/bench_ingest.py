"""Ingest N synthetic reports into a fresh SQLite store with 1 worker, 2 workers and Dask local:2; print figures.

    python bench/bench_ingest.py --docs 10000            # the full benchmark (long: the real pipeline)
    python bench/bench_ingest.py --docs 500 --extract spacy-only --runs local:1,local:2

For each run it prints docs/s end to end (read -> extract -> store -> resolve, including worker start-up and
model loads), the CPU seconds per document of the run's process tree (it tells more than docs/s on a busy machine,
whose load average is printed too), the peak RSS of the process tree (sampled every 0.2 s), and the share of the
time spent in the store (its reads and batched writes, resolver calls included) and in the resolver alone.
Targets: store < 10% of the time; 2 workers >= 1.8x one worker. Each run is a fresh child process with a fresh database.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
RUNS = ("local:1", "local:2", "dask:local:2")
EXTRACTORS = ("incidex", "spacy-only", "no-nlp")
STORE_TARGET = 0.10
SPEEDUP_TARGET = 1.8


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="number of synthetic reports (default 10000)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated runs (default {','.join(RUNS)})")
    parser.add_argument(
        "--extract", choices=EXTRACTORS, default="incidex",
        help="batch function: the full incidex pipeline, the bare spaCy model (empty reports), or no NLP at all",
    )
    parser.add_argument("--workdir", type=Path, help="where the corpus and databases go (default: a temp dir)")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # child mode: one run
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(_child(args.run, corpus=args.corpus, db=args.db, extract=args.extract)))
        return 0
    with tempfile.TemporaryDirectory(prefix="incidex-bench-") as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        corpus = _corpus(workdir, docs=args.docs, seed=args.seed)
        results = [_parent(run, corpus=corpus, workdir=workdir, extract=args.extract) for run in args.runs.split(",")]
    _print(results, docs=args.docs, extract=args.extract)
    return 0


def _corpus(workdir: Path, *, docs: int, seed: int) -> Path:
    sys.path.insert(0, str(BENCH))
    from generate_reports import generate

    path = workdir / f"reports-{docs}-{seed}.jsonl"
    if not path.exists():
        with path.open("w", encoding="utf-8") as stream:
            for record in generate(docs, seed=seed):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _parent(run: str, *, corpus: Path, workdir: Path, extract: str) -> dict:
    """Start one run in a child process and sample the RSS of its whole process tree until it ends."""
    db = workdir / f"bench-{run.replace(':', '-')}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, __file__, "--run", run, "--corpus", str(corpus), "--db", str(db), "--extract", extract]
    cpu_before = _children_cpu()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    process = psutil.Process(child.pid)
    while child.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.2)
    output = child.stdout.read()
    if child.returncode != 0:
        raise SystemExit(f"run {run} failed with exit code {child.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_mb"] = peak / 2**20
    result["cpu_seconds"] = _children_cpu() - cpu_before
    return result


def _children_cpu() -> float:
    """User + system CPU seconds of all finished child processes (and theirs, once waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def _child(run: str, *, corpus: Path, db: Path, extract: str) -> dict:
    """One timed ingest: read the corpus, extract with the run's driver, store and resolve."""
    sys.path.insert(0, str(BENCH))
    from incidex.config import load_settings
    from incidex.ingest import read_paths
    from incidex.parallel import run_dask, run_local
    from incidex.resolve.resolver import Resolver
    from incidex.store import Store, ingest

    if extract == "incidex":
        from incidex.batch import extract_documents
    else:
        import standins

        extract_documents = standins.spacy_only if extract == "spacy-only" else standins.no_nlp

    settings = load_settings()
    clock = _Clock()
    if run.startswith("dask:"):
        driver = functools.partial(run_dask, settings=settings, address=run.removeprefix("dask:"))
    else:
        driver = functools.partial(run_local, settings=settings, workers=int(run.removeprefix("local:")))
    start = time.perf_counter()
    store = _TimedStore(f"sqlite:///{db}", clock=clock)
    with store:
        summary = ingest(
            read_paths([corpus]),
            store=store,
            extract=lambda documents: driver(documents, extract=extract_documents),
            resolver=_TimedResolver(Resolver(settings), clock=clock),
            batch_size=settings.store.batch_size,
        )
    seconds = time.perf_counter() - start
    return {
        "run": run,
        "seconds": seconds,
        "docs": summary.read,
        "new": summary.new,
        "failed": summary.failed,
        "records": summary.records,
        "store_seconds": clock.store,
        "resolver_seconds": clock.resolver,
        "load_average": os.getloadavg()[0],
    }


class _Clock:
    def __init__(self) -> None:
        self.store = 0.0
        self.resolver = 0.0


def _timed(method, clock: _Clock, field: str):
    @functools.wraps(method)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            setattr(clock, field, getattr(clock, field) + time.perf_counter() - start)

    return timed


def _TimedStore(url: str, *, clock: _Clock):
    """A Store whose reads and writes add to ``clock.store``."""
    from incidex.store import Store

    class TimedStore(Store):
        def write(self, entries, *, resolver):
            return _timed(super().write, clock, "store")(entries, resolver=resolver)

        def known_documents(self, document_ids):
            return _timed(super().known_documents, clock, "store")(document_ids)

    return TimedStore(url)


class _TimedResolver:
    """The resolver, with the time of each call added to ``clock.resolver``."""

    def __init__(self, resolver, *, clock: _Clock) -> None:
        self.window = _timed(resolver.window, clock, "resolver")
        self.assign = _timed(resolver.assign, clock, "resolver")
        self.reconcile = _timed(resolver.reconcile, clock, "resolver")


def _print(results: list[dict], *, docs: int, extract: str) -> None:
    print(f"incidex ingest benchmark: {docs} synthetic reports, batch function: {extract}, {os.cpu_count()} CPUs")
    print(f"{'run':<14}{'docs/s':>9}{'seconds':>10}{'CPU s/doc':>11}{'peak RSS MB':>13}{'store %':>9}"
          f"{'resolver %':>12}{'records':>9}{'failed':>8}{'load avg':>10}")
    for r in results:
        print(f"{r['run']:<14}{r['docs'] / r['seconds']:>9.1f}{r['seconds']:>10.1f}"
              f"{r['cpu_seconds'] / r['docs']:>11.3f}{r['peak_rss_mb']:>13.0f}"
              f"{100 * r['store_seconds'] / r['seconds']:>9.1f}{100 * r['resolver_seconds'] / r['seconds']:>12.1f}"
              f"{r['records']:>9}{r['failed']:>8}{r['load_average']:>10.1f}")
    by_run = {r["run"]: r for r in results}
    worst_store = max(r["store_seconds"] / r["seconds"] for r in results)
    print(f"store share: worst {100 * worst_store:.1f}% (target < {100 * STORE_TARGET:.0f}%): "
          f"{'met' if worst_store < STORE_TARGET else 'NOT met'}")
    if "local:1" in by_run and "local:2" in by_run:
        speedup = by_run["local:1"]["seconds"] / by_run["local:2"]["seconds"]
        print(f"2 workers vs 1: {speedup:.2f}x (target >= {SPEEDUP_TARGET}x): "
              f"{'met' if speedup >= SPEEDUP_TARGET else 'NOT met'}")


if __name__ == "__main__":
    raise SystemExit(main())
