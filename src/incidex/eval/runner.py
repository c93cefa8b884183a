"""Running the pipeline over the documents of an annotated data set, and what an evaluation reports.

:func:`run_documents` extracts documents on local worker processes (the same driver ``ingest`` and ``extract``
use) and times the run. An :class:`Evaluation` holds the sections a dataset scorer fills (per-field tallies, P/R/F1
rows), the per-document error records and the run, and renders them for the terminal.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..batch import Outcome
from ..config import Settings
from ..types import Document
from .prf import Counts, prf_table
from .tally import Tally


@dataclass
class Run:
    """Outcomes in input order and the wall-clock time the extraction took."""

    outcomes: list[Outcome]
    seconds: float
    workers: int

    @property
    def docs_per_second(self) -> float:
        return len(self.outcomes) / self.seconds if self.seconds else 0.0


def run_documents(
    documents: Sequence[Document],
    *,
    settings: Settings,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Run:
    """Extract ``documents`` with ``workers`` processes; ``progress`` is called with the number done so far."""
    from ..parallel import run_local

    started = time.perf_counter()
    outcomes: list[Outcome] = []
    for outcome in run_local(documents, settings=settings, workers=workers):
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes))
    return Run(outcomes, time.perf_counter() - started, workers)


@dataclass
class Section:
    """One table of an evaluation: per-field counts (and P/R/F1 rows where the measure is an F1)."""

    title: str
    tally: Tally = field(default_factory=Tally)
    prf: dict[str, Counts] = field(default_factory=dict)
    top_errors: int = 12

    def render(self) -> str:
        parts = [self.tally.table(self.title)] if self.tally.fields else [self.title]
        if self.prf:
            parts.append(prf_table(self.prf))
        if self.tally.errors:
            parts.append("most frequent errors:\n" + self.tally.error_list(top=self.top_errors))
        return "\n\n".join(parts)


@dataclass
class Evaluation:
    """Everything one evaluation command prints and writes."""

    dataset: str
    sections: list[Section]
    records: list[dict[str, Any]]
    run: Run
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        failed = sum(outcome.report is None for outcome in self.run.outcomes)
        speed = (f"{len(self.run.outcomes)} documents extracted in {self.run.seconds:.1f} s, "
                 f"{self.run.docs_per_second:.1f} docs/s with {self.run.workers} worker(s), {failed} failed")
        return "\n\n".join([*(section.render() for section in self.sections), *self.notes, speed])

    def write_records(self, path: str | Path) -> None:
        """The per-document error file: one JSON object per document that has at least one error."""
        with Path(path).open("w", encoding="utf-8") as out:
            for record in self.records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
