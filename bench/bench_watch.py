"""`incidex watch --once` on a local feed of N synthetic reports against `incidex ingest` of the same texts.

    python bench/bench_watch.py --docs 300
    python bench/bench_watch.py --docs 300 --runs ingest,watch-file,watch-http,watch-again,language

Each run is the real command in a child process with a fresh SQLite store, timed end to end (start-up and model
loads included), with the peak RSS of its process tree sampled every 0.2 s. The reports come from
``generate_reports.py``; ``ingest`` reads them as JSONL (text, date, outlet), ``watch-file`` as an RSS file of the
same texts, ``watch-http`` as the same feed served on 127.0.0.1 by this script; ``watch-again`` polls the file
again once everything is seen (the cost of a poll with nothing new). ``language`` builds the lingua detector of the
shipped settings in a fresh process and prints its load time, memory and time per report.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from bench_ingest import _tree_rss  # noqa: E402  (the RSS of a process and its children, as bench_ingest samples it)

RUNS = ("ingest", "watch-file", "watch-http", "watch-again", "language")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="number of synthetic reports (default 300)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated runs (default {','.join(RUNS)})")
    parser.add_argument("--language-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.language_child:
        print(json.dumps(_language(args.language_child)))
        return 0
    print(f"# {args.docs} reports, load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="incidex-bench-watch-") as temp:
        work = Path(temp)
        corpus = _corpus(work, docs=args.docs, seed=args.seed)
        with _served(work) as base:
            _sources(work / "file.toml", str(work / "feed.xml"))
            _sources(work / "http.toml", f"{base}/feed.xml")
            for run in args.runs.split(","):
                print(_row(run, _run(run, work, corpus, docs=args.docs)), flush=True)
    return 0


def _run(run: str, work: Path, corpus: Path, *, docs: int) -> dict:
    incidex = [sys.executable, "-m", "incidex"]
    if run == "ingest":
        return _timed([*incidex, "ingest", str(corpus), "--db", str(work / "ingest.db")], docs=docs)
    if run in ("watch-file", "watch-again"):
        return _timed([*incidex, "watch", str(work / "file.toml"), "--once", "--db", str(work / "watch-file.db")],
                      docs=docs)
    if run == "watch-http":
        return _timed([*incidex, "watch", str(work / "http.toml"), "--once", "--db", str(work / "watch-http.db")],
                      docs=docs)
    if run == "language":
        return _timed([sys.executable, __file__, "--language-child", str(corpus)], docs=docs)
    raise SystemExit(f"unknown run {run!r}; choose from {', '.join(RUNS)}")


def _timed(command: list[str], *, docs: int) -> dict:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.2)
    out, err = child.communicate()
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}: {err.strip()[-500:]}")
    return {"seconds": seconds, "docs": docs, "peak_mb": peak / 2**20, "out": out.strip().splitlines()[-1]}


def _row(run: str, result: dict) -> str:
    if run == "language":
        figures = json.loads(result["out"])
        return (f"language: detector ready in {figures['load_seconds']:.2f} s (+{figures['load_mb']:.0f} MB RSS "
                f"after detecting an English, a Russian and an Arabic report), {figures['ms_per_report']:.1f} ms a "
                f"report over {figures['reports']} reports; process peak {result['peak_mb']:.0f} MB")
    rate = result["docs"] / result["seconds"]
    return (f"{run}: {result['seconds']:.1f} s, {rate:.2f} items/s, peak RSS {result['peak_mb']:.0f} MB | "
            f"{result['out']}")


def _corpus(work: Path, *, docs: int, seed: int) -> Path:
    """The reports as JSONL (for ingest) and as an RSS feed of the same texts (for watch)."""
    from generate_reports import generate

    records = list(generate(docs, seed=seed))
    corpus = work / "reports.jsonl"
    with corpus.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps({key: record[key] for key in ("text", "published", "source")}) + "\n")
    items = []
    for record in records:
        when = format_datetime(datetime.fromisoformat(record["published"]).replace(hour=12, tzinfo=UTC))
        items.append(f"<item><guid>{escape(record['id'])}</guid><title>{escape(record['text'][:60])}</title>"
                     f"<pubDate>{when}</pubDate><content:encoded>{escape(record['text'])}</content:encoded></item>")
    (work / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        f'content/"><channel><title>Bench wire</title>{"".join(items)}</channel></rss>', encoding="utf-8")
    return corpus


def _sources(path: Path, url: str) -> None:
    path.write_text(f'[[source]]\nname = "Bench wire"\nurl = "{url}"\nkind = "news_media"\n', encoding="utf-8")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


class _served:
    """The work folder served on 127.0.0.1 while the block runs; gives its base URL."""

    def __init__(self, folder: Path) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _Quiet(*a, directory=str(folder)))

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _language(corpus: Path) -> dict:
    """Build the detector of the shipped settings and detect every report of the corpus; time and memory."""
    from incidex.config import load_settings
    from incidex.language import detect_language

    codes = load_settings().language.detect
    process = psutil.Process()
    before = process.memory_info().rss
    start = time.perf_counter()
    for sample in ("Gunmen attacked a police post on Sunday, police said.",
                   "Боевики напали на полицейский пост в воскресенье.", "هاجم مسلحون مركزا للشرطة يوم الأحد."):
        detect_language(sample, codes)  # lingua loads a script's models when it first meets the script
    loaded = time.perf_counter() - start
    load_mb = (process.memory_info().rss - before) / 2**20
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    start = time.perf_counter()
    found = [detect_language(text, codes) for text in texts]
    per_report = (time.perf_counter() - start) / len(texts) * 1000
    return {"load_seconds": loaded, "load_mb": load_mb, "ms_per_report": per_report, "reports": len(texts),
            "english": found.count("en")}


if __name__ == "__main__":
    sys.exit(main())
