"""Batch extraction without a store: ``incidex extract FILE.jsonl --format jsonl`` with 1 and 2 workers, one run each.

    python bench/bench_extract_batch.py [--docs 1000] [--workers 1,2]

The corpus is the synthetic report generator of ``bench_ingest.py`` (same seed, same reports). Each run is the real
command in a child process, output to a file; it prints docs/s end to end (start-up and model loads included), the
CPU seconds per document of the process tree, the peak RSS of the tree (sampled every 0.2 s), the lines written and
the documents that failed, and the load average of the machine before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench_ingest import _children_cpu, _corpus, _tree_rss

REPO = Path(__file__).resolve().parents[1]


def run(corpus: Path, out: Path, workers: int) -> dict:
    command = [sys.executable, "-m", "incidex", "extract", str(corpus), "--format", "jsonl", "--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cpu_before = _children_cpu()
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as stdout:
        child = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
        process, peak = psutil.Process(child.pid), 0
        while child.poll() is None:
            peak = max(peak, _tree_rss(process))
            time.sleep(0.2)
    seconds = time.perf_counter() - started
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {"workers": workers, "exit": child.returncode, "seconds": seconds, "lines": len(lines),
            "failed": sum("error" in line for line in lines), "cpu": _children_cpu() - cpu_before,
            "peak_rss_mb": peak / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    args = parser.parse_args()
    print(f"{args.docs} synthetic reports (seed {args.seed}); load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="incidex-bench-") as temp:
        corpus = _corpus(Path(temp), docs=args.docs, seed=args.seed)
        results = []
        for workers in (int(w) for w in args.workers.split(",")):
            r = run(corpus, Path(temp) / f"out-{workers}.jsonl", workers)
            results.append(r)
            print(f"--workers {workers}: {args.docs / r['seconds']:6.1f} docs/s, {r['seconds']:7.1f} s, "
                  f"{r['cpu'] / args.docs:.3f} CPU s/doc, peak RSS {r['peak_rss_mb']:,.0f} MB, {r['lines']} lines, "
                  f"{r['failed']} failed, exit {r['exit']}; load average {os.getloadavg()[0]:.1f}", flush=True)
    if len(results) == 2:
        print(f"{results[1]['workers']} workers: {results[0]['seconds'] / results[1]['seconds']:.2f}x "
              f"{results[0]['workers']}")


if __name__ == "__main__":
    main()
