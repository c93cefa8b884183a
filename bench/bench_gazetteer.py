"""Gazetteer load and place finding: CPU seconds and memory of loading the shipped gazetteer, and CPU milliseconds
per document of each incidex component (the place finder among them) on the project's own reports.

    python bench/bench_gazetteer.py [--rounds 3]

The spaCy model runs once, untimed; the incidex components (rules alone) then run ``--rounds`` times over its
Docs, each timed in CPU time, so another process on the machine changes the figures less than wall time would.
Run it at two commits to compare them.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds

    from incidex.config import load_settings
    from incidex.nlp.gazetteer import Gazetteer
    from incidex.nlp.pipeline import build_pipeline

    before, start = rss_mb(), time.process_time()
    gazetteer = Gazetteer.load()
    print(f"gazetteer: {len(gazetteer):,} entries, load {time.process_time() - start:.2f} s CPU, "
          f"RSS +{rss_mb() - before:.0f} MB")
    del gazetteer

    nlp = build_pipeline(load_settings().with_overrides(nlp={"learned_model": ""}))
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "tests" / "corpus").glob("*.txt"))]
    model = [name for name in nlp.pipe_names if not name.startswith("incidex")]
    with nlp.select_pipes(enable=model):
        docs = list(nlp.pipe(texts))
    ours = [name for name in nlp.pipe_names if name.startswith("incidex")]
    spent = dict.fromkeys(ours, 0.0)
    for _ in range(rounds):
        for doc in docs:
            for name in ours:
                start = time.process_time()
                doc = nlp.get_pipe(name)(doc)
                spent[name] += time.process_time() - start
    count = rounds * len(docs)
    parts = ", ".join(f"{name.removeprefix('incidex_')} {1000 * seconds / count:.2f}" for name, seconds in spent.items())
    print(f"CPU ms per document ({len(docs)} reports x {rounds}): {parts}; "
          f"all incidex components {1000 * sum(spent.values()) / count:.2f}")


if __name__ == "__main__":
    main()
