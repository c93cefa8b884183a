"""``incidex eval merge``: how well reports of one event merge into one incident, on ECB+.

ECB+ (Cybulska & Vossen, LREC 2014; annotation CC BY 3.0) groups news documents by topic and subtopic: documents of
one subtopic report the same real-world event, and the two subtopics of a topic are similar but different events.
The documents of the violent-incident topics are extracted and resolved incrementally, in batches, either through
a fresh store (the real ingest path) or in memory with the same resolver API. The score is B-cubed precision, recall
and F1 of documents against the gold subtopics, overall and per topic.

Which incident a document reports (the rule, as an analyst reads a report):

1. the incident of its first ``main`` record (extraction order);
2. else, when it has only ``background`` records, the incident of its most prominent one: most evidence entries,
   then the first. A trial, verdict or sentencing report, or a cold-case arrest, is about the attack being tried
   or solved, which the extractor records with that attack's own date and place; the court date is no incident;
3. else (no record at all) the document is its own cluster (``missed:<id>``), which costs recall.

The extractor itself promotes a report's first incident to ``main`` when none is current, so step 2 applies to
records made otherwise (another extractor, an older store).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import EvalError
from ..ingest.dates import normalize_published
from ..resolve import Cluster, RecordRef, Resolver
from ..store.rows import new_ref
from ..types import Document
from .bcubed import BCubed, bcubed

if TYPE_CHECKING:
    from ..store import Store

MISSED = "missed:"  # prefix of the singleton cluster of a document without any record

Rank = tuple[int, int, tuple[int, str]]


@dataclass(frozen=True)
class GoldDocument:
    document: Document
    topic: int
    subtopic: str


@dataclass(frozen=True)
class TopicScore:
    topic: int
    scores: BCubed


@dataclass
class MergeEvaluation:
    """Scores and counts of one run; ``predicted`` maps each document id to its incident id."""

    scores: BCubed
    gold_incidents: int
    predicted_incidents: int
    missed: int
    failed: int
    per_topic: list[TopicScore] = field(default_factory=list)
    predicted: dict[str, str] = field(default_factory=dict)


Extract = Callable[[Iterable[Document]], Iterable[Any]]


def load_ecbplus(path: str | Path, *, violent_only: bool = True) -> list[GoldDocument]:
    """ECB+ documents from ``ecbplus_docs.jsonl``, with ``date_hint`` as publication date when it parses."""
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"ECB+ data not found at {path}; pass --data with the path of ecbplus_docs.jsonl")
    found = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                item = json.loads(line)
                if violent_only and not item["violent_incident_topic"]:
                    continue
                document = Document(
                    text=item["text"],
                    id=item["doc_id"],
                    published=normalize_published(item.get("date_hint")),
                    title=item.get("headline_guess"),
                    url=item.get("url"),
                    origin=f"{path}:{number}",
                )
                found.append(GoldDocument(document, int(item["topic"]), str(item["subtopic"])))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                message = f"{path}:{number} is not an ECB+ document line ({exc}); use ecbplus_docs.jsonl"
                raise EvalError(message) from None
    if not found:
        raise EvalError(f"no documents to evaluate in {path}; is it ecbplus_docs.jsonl?")
    return found


def main_incidents_in_memory(
    outcomes: Iterable[Any], *, resolver: Resolver, batch_size: int
) -> tuple[dict[str, str], int]:
    """Resolve extracted documents batch by batch without a store; (document id -> incident id, failures)."""
    clusters: dict[str, Cluster] = {}
    home: dict[str, str] = {}
    failed = 0
    batch: list[RecordRef] = []

    def flush() -> None:
        by_id = {record.record_id: record for record in batch}
        for assignment in resolver.assign(batch, list(clusters.values())):
            record = by_id[assignment.record_id]
            clusters.setdefault(assignment.cluster_id, Cluster(assignment.cluster_id)).records.append(record)
            home[record.record_id] = assignment.cluster_id
        batch.clear()

    mains: dict[str, tuple[Rank, str]] = {}
    documents = 0
    for outcome in outcomes:
        if outcome.report is None:
            failed += 1
            continue
        document: Document = outcome.document
        for incident in outcome.report.incidents:
            record = new_ref(document.id, document, incident)
            batch.append(record)
            key = record.record_id
            _keep_best(mains, document.id, _rank(incident.role, len(incident.evidence), key), key)
        documents += 1
        if documents % batch_size == 0:
            flush()
    flush()
    return {doc: home[key] for doc, (_, key) in mains.items()}, failed


def main_incidents_in_store(
    documents: Sequence[Document], *, extract: Extract, resolver: Resolver, url: str, batch_size: int
) -> tuple[dict[str, str], int]:
    """Ingest through a store at ``url``; (document id -> incident id of its record that stands for it, failures)."""
    from ..ingest_run import ingest
    from ..store import Store

    with Store(url) as store:
        summary = ingest(documents, store=store, extract=extract, resolver=resolver, batch_size=batch_size)
        return document_incidents(store), summary.failed


def document_incidents(store: Store) -> dict[str, str]:
    """Document id -> id of the stored incident that stands for the document (see :func:`_rank`)."""
    ids = [row.incident_id for row in store.incidents()]
    mains: dict[str, tuple[Rank, str]] = {}
    for incident_id, records in store.records_of(ids).items():
        for record in records:
            incident = record["incident"]
            rank = _rank(incident["role"], len(incident.get("evidence") or ()), record["record_id"])
            _keep_best(mains, record["document_id"], rank, incident_id)
    return {doc: incident for doc, (_, incident) in mains.items()}


def _rank(role: str, evidence: int, key: str) -> Rank:
    """Smallest stands for its document: the first main record, else the background one with most evidence."""
    return (0, 0, _order(key)) if role == "main" else (1, -evidence, _order(key))


def _keep_best(best: dict[str, tuple[Rank, str]], document_id: str, rank: Rank, value: str) -> None:
    """Keep ``value`` for ``document_id`` when its rank beats the one kept so far."""
    if document_id not in best or rank < best[document_id][0]:
        best[document_id] = (rank, value)


def _order(key: str) -> tuple[int, str]:
    """Extraction order of a record id ``doc:i<n>``, ``i2`` before ``i10``."""
    tail = key.rsplit(":", 1)[-1]
    digits = "".join(ch for ch in tail if ch.isdigit())
    return (int(digits) if digits else 0, tail)


def score_merge(gold: Sequence[GoldDocument], mains: dict[str, str], *, failed: int = 0) -> MergeEvaluation:
    """B-cubed of documents over incidents; documents without an incident are singletons."""
    predicted = {g.document.id: mains.get(g.document.id) or MISSED + str(g.document.id) for g in gold}
    truth = {g.document.id: g.subtopic for g in gold}
    per_topic = []
    for topic in sorted({g.topic for g in gold}):
        ids = [g.document.id for g in gold if g.topic == topic]
        per_topic.append(TopicScore(topic, bcubed({i: predicted[i] for i in ids}, {i: truth[i] for i in ids})))
    return MergeEvaluation(
        scores=bcubed(predicted, truth),
        gold_incidents=len(set(truth.values())),
        predicted_incidents=len(set(predicted.values())),
        missed=sum(1 for value in predicted.values() if value.startswith(MISSED)),
        failed=failed,
        per_topic=per_topic,
        predicted=predicted,
    )


def default_extract(settings: Settings) -> Extract:
    """The lead's batch extraction, bound to ``settings``."""
    try:
        from ..batch import extract_documents
    except ImportError as exc:
        raise EvalError(f"extraction is not available ({exc}); install incidex with its NLP pipeline") from None
    return lambda documents: extract_documents(documents, settings=settings)


def evaluate_merge(
    path: str | Path,
    *,
    settings: Settings,
    db_url: str | None = None,
    in_memory: bool = False,
    extract: Extract | None = None,
) -> MergeEvaluation:
    """Extract and resolve the violent ECB+ documents at ``path`` and score the merging (see the module doc)."""
    gold = load_ecbplus(path)
    documents = [g.document for g in gold]
    extract = extract or default_extract(settings)
    resolver = Resolver(settings)
    batch_size = settings.store.batch_size
    if in_memory:
        mains, failed = main_incidents_in_memory(extract(documents), resolver=resolver, batch_size=batch_size)
    elif db_url:
        mains, failed = main_incidents_in_store(
            documents, extract=extract, resolver=resolver, url=db_url, batch_size=batch_size
        )
    else:
        with tempfile.TemporaryDirectory(prefix="incidex-eval-") as folder:
            url = f"sqlite:///{Path(folder) / 'merge.db'}"
            mains, failed = main_incidents_in_store(
                documents, extract=extract, resolver=resolver, url=url, batch_size=batch_size
            )
    return score_merge(gold, mains, failed=failed)


def iter_errors(evaluation: MergeEvaluation, gold: Sequence[GoldDocument]) -> Iterator[str]:
    """One line per predicted incident that mixes gold subtopics, for error analysis."""
    members: dict[str, list[GoldDocument]] = {}
    for g in gold:
        members.setdefault(evaluation.predicted[g.document.id], []).append(g)
    for incident, docs in sorted(members.items()):
        subtopics = sorted({g.subtopic for g in docs})
        if len(subtopics) > 1:
            yield f"{incident}: mixes {', '.join(subtopics)} ({', '.join(str(g.document.id) for g in docs)})"
