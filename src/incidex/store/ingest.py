"""Ingest orchestration: read inputs → skip known documents → extract → store in batches → resolve.

Batches are cut by count of new inputs only, and inputs are written in reading order, so after a kill the rerun's
batches line up with the uninterrupted run's: the committed batches are a prefix, the rerun writes the rest.
A bad input is stored with its reason (status ``failed`` or ``unreadable``) and the run goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

from ..errors import InputError, StoreError
from ..ingest.failures import ReadFailure
from ..ingest.text import content_hash
from ..types import Document, Report
from .keys import document_id, origin_id
from .repository import DocumentEntry, Resolver, Store

LOOKUP_CHUNK = 256


class Outcome(Protocol):
    """One extracted document, as :func:`incidex.batch.extract_documents` yields it."""

    document: Document
    report: Report | None
    error: str | None


Extractor = Callable[[Iterable[Document]], Iterable[Outcome]]


@dataclass(frozen=True)
class Failure:
    origin: str
    error: str


@dataclass
class IngestSummary:
    """Counts of one run: inputs read; new, already stored (duplicate), failed and skipped ones; records stored.

    Inputs are counted as they are handled; ``records`` as their batch is committed. ``failures`` says why each
    failed input failed, ``skips`` why each file was not read, ``warnings`` what was noticed about stored documents.
    """

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0
    records: int = 0
    failures: list[Failure] = field(default_factory=list)
    skips: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.new + self.duplicate + self.failed + self.skipped


def ingest(
    items: Iterable[Document | ReadFailure],
    *,
    store: Store,
    extract: Extractor,
    resolver: Resolver,
    batch_size: int,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Store every new input of ``items`` with its extracted records and merge them into incidents."""
    summary = IngestSummary()
    feed = _Feed(items, store=store, summary=summary)
    batch: list[DocumentEntry] = []

    def add(entries: list[DocumentEntry]) -> None:
        for entry in entries:
            origin = entry.origin or (entry.document.origin if entry.document else None) or entry.document_id
            if entry.status == "ok":
                summary.new += 1
            else:
                summary.failed += 1
                summary.failures.append(Failure(origin, entry.error or "unknown error"))
            summary.warnings.extend(Failure(origin, warning) for warning in entry.warnings)
        batch.extend(entries)
        if len(batch) >= batch_size:
            _flush(batch, store=store, resolver=resolver, summary=summary)
        if progress:
            progress(summary)

    for outcome in extract(feed.documents()):
        waiting = feed.pending.popleft()
        if outcome.document != waiting.document:
            raise StoreError("the extractor returned documents out of input order; this is a bug in the driver")
        add([*waiting.before, _outcome_entry(outcome, key=waiting.key, digest=waiting.digest)])
    if feed.pending:
        raise StoreError(f"the extractor dropped {len(feed.pending)} documents; this is a bug in the driver")
    add(feed.tail)
    _flush(batch, store=store, resolver=resolver, summary=summary)
    if progress:
        progress(summary)
    return summary


def _flush(batch: list[DocumentEntry], *, store: Store, resolver: Resolver, summary: IngestSummary) -> None:
    if not batch:
        return
    summary.records += store.write(batch, resolver=resolver)
    batch.clear()


def _outcome_entry(outcome: Outcome, *, key: str, digest: str) -> DocumentEntry:
    document = outcome.document
    if outcome.error is not None or outcome.report is None:
        return DocumentEntry(key, "failed", digest, document, error=outcome.error or "extraction gave no report")
    return DocumentEntry(key, "ok", digest, document, outcome.report)


@dataclass(frozen=True)
class _Waiting:
    """A document out for extraction, and the entries that came before it in reading order."""

    before: list[DocumentEntry]
    document: Document
    key: str
    digest: str


class _Feed:
    """New documents for the extractor; what needs no extraction waits in ``pending`` before the next document."""

    def __init__(self, items: Iterable[Document | ReadFailure], *, store: Store, summary: IngestSummary) -> None:
        self.items = iter(items)
        self.store = store
        self.summary = summary
        self.seen: dict[str, str | None] = {}
        self.pending: deque[_Waiting] = deque()
        self.tail: list[DocumentEntry] = []

    def documents(self) -> Iterator[Document]:
        while chunk := list(islice(self.items, LOOKUP_CHUNK)):
            self.summary.read += len(chunk)
            keyed = [(item, *self._key(item)) for item in chunk]
            known = self.store.known_documents([key for _, key, _, _ in keyed])
            for item, key, digest, problem in keyed:
                document = self._admit(item, key, digest, problem, known)
                if document is not None and digest is not None:
                    self.pending.append(_Waiting(self.tail, document, key, digest))
                    self.tail = []
                    yield document

    def _key(self, item: Document | ReadFailure) -> tuple[str, str | None, str | None]:
        """Document id, content hash, and the reason it cannot be stored (if any)."""
        if isinstance(item, ReadFailure):
            return origin_id(item.origin), None, item.error
        try:
            digest = content_hash(item.text, item.id)
        except InputError as exc:
            return item.id or origin_id(item.origin or "<unnamed>"), None, exc.message
        return document_id(item, digest), digest, _unstorable(item.text)

    def _admit(
        self,
        item: Document | ReadFailure,
        key: str,
        digest: str | None,
        problem: str | None,
        known: dict[str, str | None],
    ) -> Document | None:
        """``item`` if it goes to extraction; else counts it, or queues its failure entry."""
        if isinstance(item, ReadFailure) and item.skipped:
            self.summary.skipped += 1
            self.summary.skips.append(Failure(item.origin, item.error))
            return None
        if isinstance(item, ReadFailure) and item.missing:
            self.summary.failed += 1
            self.summary.failures.append(Failure(item.origin, item.error))
            return None
        if key in known or key in self.seen:
            if (known[key] if key in known else self.seen[key]) == digest:
                self.summary.duplicate += 1
            else:
                self.summary.failed += 1
                origin = (item.origin if isinstance(item, Document) else None) or key
                self.summary.failures.append(
                    Failure(origin, f"document id {key!r} is already stored with other text; give it a new id")
                )
            return None
        self.seen[key] = digest
        if isinstance(item, ReadFailure):
            self.tail.append(DocumentEntry(key, "unreadable", error=item.error, origin=item.origin))
            return None
        if problem is not None:
            self.tail.append(DocumentEntry(key, "failed", digest, error=problem, origin=item.origin))
            return None
        return item


def _unstorable(text: str) -> str | None:
    """Why ``text`` cannot go into every supported database (NUL characters, lone surrogates), else None."""
    if "\x00" in text:
        return "the text contains NUL characters; remove them or read the file as binary-safe text"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "the text contains lone UTF-16 surrogates; fix the encoding of the source"
    return None
