"""Recasing and dateline reading: load cost, and CPU milliseconds per document on all-capitals wire messages (the
raw MUC-4 dev messages, when ``../shared/data`` is there) and on mixed-case reports (the project's own corpus).

    python bench/bench_casing.py [--rounds 3]

Times are CPU time (``time.process_time``), so other processes on the machine change them less than wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MUC4 = REPO / ".." / "shared" / "data" / "muc4"


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS"))


def wire_messages() -> list[str]:
    """The raw texts of the MUC-4 dev messages (those with answer keys), or [] without the shared data."""
    keys, raw = MUC4 / "keys_dev.jsonl", MUC4 / "raw_train_dev.jsonl"
    if not keys.exists() or not raw.exists():
        return []
    with keys.open(encoding="utf-8") as handle:
        ids = {json.loads(line)["docid"] for line in handle}
    with raw.open(encoding="utf-8") as handle:
        return [row["text"] for row in map(json.loads, handle) if row["docid"] in ids]


def per_doc_ms(work: Callable[[str], object], texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            work(text)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds

    from incidex.nlp.casing import default_lexicon, truecase
    from incidex.nlp.datelines import read_dateline
    from incidex.nlp.gazetteer import default_gazetteer

    default_gazetteer()  # loaded by the pipeline anyway; not the casing table's cost
    before, start = rss_mb(), time.process_time()
    default_lexicon()
    print(f"casing table: load {time.process_time() - start:.2f} s CPU, RSS +{rss_mb() - before:.0f} MB")
    corpus = [path.read_text(encoding="utf-8") for path in sorted((REPO / "tests" / "corpus").glob("*.txt"))]
    sets = [("mixed-case reports (tests/corpus)", corpus)]
    wire = wire_messages()
    if wire:
        sets.insert(0, ("all-capitals wire messages (MUC-4 dev)", wire))
    else:
        print(f"MUC-4 dev messages not found under {MUC4}: wire figures skipped")
    for name, texts in sets:
        words = sum(len(text.split()) for text in texts) / len(texts)
        print(f"{name}: {len(texts)} documents, {words:.0f} words each on average; best of {rounds} rounds, "
              f"truecase {per_doc_ms(truecase, texts, rounds):.2f} ms/doc, "
              f"read_dateline {per_doc_ms(read_dateline, texts, rounds):.2f} ms/doc")


if __name__ == "__main__":
    main()
