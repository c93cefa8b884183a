"""Store write throughput: N hand-built reports into a fresh SQLite file; prints records/s.

Usage: python bench/bench_store_write.py [N] [--resolver real|none]. ``none`` gives every record its own
incident without looking for candidates, which measures the store alone; ``real`` adds incidex.resolve.
The reports come from the stand-in extractor of the store tests (``tests/store/store_helpers.py``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
from store_helpers import corpus, read_report

from incidex.config import load_settings
from incidex.resolve import Assignment, CandidateWindow, Cluster, RecordRef, Resolver
from incidex.resolve.reconcile import MergedView, reconcile_records
from incidex.store import DocumentEntry, Store
from incidex.store.keys import document_id


class OwnIncident:
    """Every record its own incident: no candidate lookups, no similarity."""

    def window(self, record: RecordRef) -> CandidateWindow:
        return CandidateWindow(None, None, None)

    def assign(
        self, records: Sequence[RecordRef], candidates: Sequence[Cluster], *,
        reach: Mapping[str, Collection[str]] | None = None,
    ) -> list[Assignment]:
        return [Assignment(r.record_id, f"inc-{r.record_id}", True, 1.0) for r in records]

    def reconcile(self, cluster: Cluster) -> MergedView:
        return reconcile_records(cluster)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--resolver", choices=["real", "none"], default="none")
    options = parser.parse_args()
    settings = load_settings()
    resolver = Resolver(settings) if options.resolver == "real" else OwnIncident()
    from incidex.ingest import content_hash

    entries = []
    for document in corpus(options.n):
        digest = content_hash(document.text)
        report = read_report(document.text, published=document.published, source=document.source)
        entries.append(DocumentEntry(document_id(document, digest), "ok", digest, document, report))
    records = sum(len(e.report.incidents) for e in entries if e.report)
    with tempfile.TemporaryDirectory() as folder, Store(f"{folder}/bench.db") as store:
        size = settings.store.batch_size
        started = time.perf_counter()
        for start in range(0, len(entries), size):
            store.write(entries[start : start + size], resolver=resolver)
        elapsed = time.perf_counter() - started
    print(f"{options.n} reports, {records} records, resolver={options.resolver}, batch={size}: "
          f"{elapsed:.1f} s, {records / elapsed:,.0f} records/s, {options.n / elapsed:,.0f} documents/s")


if __name__ == "__main__":
    main()
