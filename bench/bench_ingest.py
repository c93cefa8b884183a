"""Ingest N synthetic reports into a fresh SQLite store with 1 worker, 2 workers and Dask local:2; print figures.

    python bench/bench_ingest.py --docs 10000            # the full benchmark (long: the real pipeline)
    python bench/bench_ingest.py --docs 500 --extract spacy-only --runs local:1,local:2

For each run it prints docs/s end to end (read -> extract -> store -> resolve, including worker start-up and
model loads), the CPU seconds per document of the run's process tree (it tells more than docs/s on a busy machine,
whose load average is printed too), the peak RSS of the process tree (sampled every 0.2 s), the records and merged
incidents stored, and the store share: the wall seconds the main process spends in the store (its reads and
batched writes, the resolver calls inside them included) divided by the wall seconds of the run; the resolver's
part of it is printed too; and how well reports of one generated event merged (B-cubed, see ``merge_score``).
Targets: store < 10% of the time; 2 workers >= 1.8x one worker.
Each run is a fresh child process with a fresh database; a run's row is printed when it ends, and every
PROGRESS_EVERY documents it prints its figures so far on stderr, so a long benchmark cut short keeps them.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from incidex.batch import extract_documents
from incidex.config import load_settings
from incidex.eval.bcubed import BCubed, bcubed
from incidex.eval.merge import MISSED, document_incidents
from incidex.ingest import read_paths
from incidex.ingest_run import IngestSummary, ingest
from incidex.nlp.learned import using_learned_model
from incidex.parallel import run_dask, run_local
from incidex.resolve.resolver import Resolver
from incidex.store import Store

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
    parser.add_argument(
        "--learned-model", default=None,
        help='nlp.learned_model for the incidex pipeline: "muc4" (shipped), a model directory, or "" for the '
             "rules alone (default: the setting, as `incidex ingest`)",
    )
    parser.add_argument("--workdir", type=Path, help="where the corpus and databases go (default: a temp dir)")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # child mode: one run
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(_child(args.run, corpus=args.corpus, db=args.db, extract=args.extract,
                                learned_model=args.learned_model)))
        return 0
    _print_header(docs=args.docs, extract=args.extract, learned_model=args.learned_model)
    results = []
    with tempfile.TemporaryDirectory(prefix="incidex-bench-") as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        corpus = _corpus(workdir, docs=args.docs, seed=args.seed)
        for run in args.runs.split(","):  # each row as soon as its run ends: a long benchmark cut short keeps them
            results.append(_parent(run, corpus=corpus, workdir=workdir, extract=args.extract,
                                   learned_model=args.learned_model))
            _print_row(results[-1])
    _print_summary(results)
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


def _parent(run: str, *, corpus: Path, workdir: Path, extract: str, learned_model: str | None) -> dict:
    """Start one run in a child process and sample the RSS of its whole process tree until it ends."""
    db = workdir / f"bench-{run.replace(':', '-')}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, __file__, "--run", run, "--corpus", str(corpus), "--db", str(db), "--extract", extract]
    if learned_model is not None:
        command += ["--learned-model", learned_model]
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


def _child(run: str, *, corpus: Path, db: Path, extract: str, learned_model: str | None) -> dict:
    """One timed ingest: read the corpus, extract with the run's driver, store and resolve."""
    settings = using_learned_model(load_settings(), learned_model)
    if extract == "incidex":
        batch_function = extract_documents
    else:
        sys.path.insert(0, str(BENCH))
        import standins

        batch_function = standins.spacy_only if extract == "spacy-only" else standins.no_nlp
    if run.startswith("dask:"):
        driver = functools.partial(run_dask, address=run.removeprefix("dask:"))
    else:
        driver = functools.partial(run_local, workers=int(run.removeprefix("local:")))
    clock = Clock()
    start = time.perf_counter()
    with TimedStore(f"sqlite:///{db}", clock=clock) as store:
        summary = ingest(
            read_paths([corpus]),
            store=store,
            extract=lambda documents: driver(documents, settings=settings, extract=batch_function),
            resolver=TimedResolver(Resolver(settings), clock=clock),
            batch_size=settings.store.batch_size,
            progress=ProgressLines(run, clock=clock, start=start),
        )
        seconds = time.perf_counter() - start
        incidents = store.count("incidents")
        merge = merge_score(store, corpus)
    if summary.failed:  # a benchmark of failing documents measures nothing: say so loudly
        print(f"  {run}: {summary.failed} documents failed, the first: {summary.failures[0]}", file=sys.stderr)
    return {
        "run": run,
        "seconds": seconds,
        "docs": summary.read,
        "new": summary.new,
        "failed": summary.failed,
        "records": summary.records,
        "incidents": incidents,
        "store_seconds": clock.seconds["store"],
        "resolver_seconds": clock.seconds["resolver"],
        "load_average": os.getloadavg()[0],
        "merge": [merge.precision, merge.recall, merge.f1] if merge else None,
    }


def merge_score(store: Store, corpus: Path) -> BCubed | None:
    """B-cubed of the corpus's incident reports over the stored incidents against the generator's events (a report
    whose incident was missed is its own cluster); None for a corpus written before reports named their event."""
    with corpus.open(encoding="utf-8") as lines:
        truth = {report["id"]: report["event"] for report in map(json.loads, lines) if "event" in report}
    if not truth:
        return None
    mains = document_incidents(store)
    return bcubed({key: mains.get(key) or MISSED + key for key in truth}, truth)


PROGRESS_EVERY = 1000


class ProgressLines:
    """A line on stderr each PROGRESS_EVERY inputs, so a run cut short still leaves its figures so far."""

    def __init__(self, run: str, *, clock: Clock, start: float) -> None:
        self.run, self.clock, self.start = run, clock, start
        self.next = PROGRESS_EVERY

    def __call__(self, summary: IngestSummary) -> None:
        if summary.done < self.next:
            return
        self.next += PROGRESS_EVERY
        seconds = time.perf_counter() - self.start
        store, resolver = (100 * self.clock.seconds[part] / seconds for part in ("store", "resolver"))
        print(f"  {self.run}: {summary.done} docs in {seconds:.0f} s, {summary.done / seconds:.1f} docs/s, "
              f"store {store:.1f}%, resolver {resolver:.1f}%, load {os.getloadavg()[0]:.1f}", file=sys.stderr,
              flush=True)


class Clock:
    """Wall seconds spent per part of the run."""

    def __init__(self) -> None:
        self.seconds = {"store": 0.0, "resolver": 0.0}

    @contextmanager
    def timing(self, part: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[part] += time.perf_counter() - start


class TimedStore(Store):
    """The store, with its reads and writes (and the resolver calls inside them) timed as ``store``."""

    def __init__(self, url: str, *, clock: Clock) -> None:
        super().__init__(url)
        self.clock = clock

    def write(self, entries, *, resolver, items=()):
        with self.clock.timing("store"):
            return super().write(entries, resolver=resolver, items=items)

    def known_documents(self, document_ids):
        with self.clock.timing("store"):
            return super().known_documents(document_ids)


class TimedResolver:
    """The resolver, with its calls timed as ``resolver``."""

    def __init__(self, resolver: Resolver, *, clock: Clock) -> None:
        self.resolver = resolver
        self.clock = clock

    def window(self, record):
        with self.clock.timing("resolver"):
            return self.resolver.window(record)

    def assign(self, records, candidates, *, reach=None):
        with self.clock.timing("resolver"):
            return self.resolver.assign(records, candidates, reach=reach)

    def reconcile(self, cluster):
        with self.clock.timing("resolver"):
            return self.resolver.reconcile(cluster)


def _print_header(*, docs: int, extract: str, learned_model: str | None) -> None:
    setting = using_learned_model(load_settings(), learned_model).nlp.learned_model
    learned = f" (learned model: {setting or 'none, rules alone'})" if extract == "incidex" else ""
    print(f"incidex ingest benchmark: {docs} synthetic reports, batch function: {extract}{learned}, "
          f"{os.cpu_count()} CPUs, "
          f"load average at start {os.getloadavg()[0]:.1f}")
    print("store % = wall time the main process spends in the store (reads, batched writes and the resolver calls "
          "inside them) / wall time of the run")
    print("merge = B-cubed precision/recall/F1 of the reports over the stored incidents against the generator's events")
    print(f"{'run':<14}{'docs/s':>9}{'seconds':>10}{'CPU s/doc':>11}{'peak RSS MB':>13}{'store %':>9}"
          f"{'resolver %':>12}{'records':>9}{'incidents':>10}{'failed':>8}{'load avg':>10}{'merge P/R/F1':>18}",
          flush=True)


def _print_row(r: dict) -> None:
    print(f"{r['run']:<14}{r['docs'] / r['seconds']:>9.1f}{r['seconds']:>10.1f}"
          f"{r['cpu_seconds'] / r['docs']:>11.3f}{r['peak_rss_mb']:>13.0f}"
          f"{100 * r['store_seconds'] / r['seconds']:>9.1f}{100 * r['resolver_seconds'] / r['seconds']:>12.1f}"
          f"{r['records']:>9}{r['incidents']:>10}{r['failed']:>8}{r['load_average']:>10.1f}"
          f"{'/'.join(f'{x:.3f}' for x in r['merge']) if r['merge'] else '-':>18}", flush=True)


def _print_summary(results: list[dict]) -> None:
    if not results:
        return
    by_run = {r["run"]: r for r in results}
    worst_store = max(r["store_seconds"] / r["seconds"] for r in results)
    print(f"store share: worst {100 * worst_store:.1f}% (target < {100 * STORE_TARGET:.0f}%): "
          f"{'met' if worst_store < STORE_TARGET else 'NOT met'}")
    if "local:1" in by_run and "local:2" in by_run:
        one, two = by_run["local:1"], by_run["local:2"]
        speedup = one["seconds"] / two["seconds"]
        print(f"2 workers vs 1: {speedup:.2f}x (target >= {SPEEDUP_TARGET}x): "
              f"{'met' if speedup >= SPEEDUP_TARGET else 'NOT met'}")
        # On two free cores the wall-clock speedup approaches 2 x (CPU per doc with 1) / (CPU per doc with 2).
        estimate = 2 * (one["cpu_seconds"] / one["docs"]) / (two["cpu_seconds"] / two["docs"])
        print(f"2 workers vs 1 on free cores, estimated from CPU per doc: {estimate:.2f}x")
    if max(r["load_average"] for r in results) > os.cpu_count():
        print("note: the machine was busy (load average above the CPU count); with the kernel's per-session CPU "
              "sharing (autogroup), wall-clock speedups measured here understate those on free cores")


if __name__ == "__main__":
    raise SystemExit(main())
