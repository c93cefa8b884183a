"""Ingest orchestration, beside :mod:`incidex.batch`: read inputs → skip known documents → extract → store in
batches → resolve.

Batches are cut by count of new inputs only, and inputs are written in reading order, so after a kill the rerun's
batches line up with the uninterrupted run's: the committed batches are a prefix, the rerun writes the rest.
A bad input is stored with its reason (status ``failed`` or ``unreadable``) and the run goes on; a report not in
English is stored with its language and not extracted (status ``skipped``).

Inputs from watched sources come :class:`Tracked`: each is marked seen in the transaction that stores its
document, or in the next one when it needs no storing (a duplicate, a skipped message).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from .errors import (
    BinaryInputError,
    ConflictError,
    EncodingError,
    ExtractionError,
    IncidexError,
    InputError,
    StoreError,
)
from .ingest.failures import ReadFailure
from .ingest.text import content_hash
from .resolve.interface import Merger
from .store import DocumentEntry, Store
from .store.keys import document_id, origin_id
from .store.sources import SeenItem
from .types import Document

if TYPE_CHECKING:  # the batch module loads spaCy; orchestration only names its Outcome
    from .batch import Outcome

LOOKUP_CHUNK = 256

Extractor = Callable[[Iterable[Document]], Iterable["Outcome"]]


@dataclass(frozen=True)
class Failure:
    """An input that failed or was skipped, and the error that says why (its ``code`` and ``message``)."""

    origin: str
    error: IncidexError


@dataclass(frozen=True)
class Notice:
    """A warning about a stored document: where it came from and what was noticed."""

    origin: str
    message: str


@dataclass(frozen=True)
class Tracked:
    """An input read from a watched source, with the source's name and the item's id in it."""

    item: Document | ReadFailure
    source: str
    item_id: str


Input = Document | ReadFailure | Tracked


@dataclass(frozen=True)
class _Handled:
    """An entry to store, the watched item it came from (if any), and the error of a failed entry."""

    entry: DocumentEntry
    tag: Tracked | None = None
    error: IncidexError | None = None


@dataclass
class IngestSummary:
    """Counts of one run: inputs read; new, already stored (duplicate), failed and skipped ones; records stored.

    Inputs are counted as they are handled; ``records`` as their batch is committed. ``failures`` says why each
    failed input failed, ``skips`` why each skipped input was not read, ``warnings`` what was noticed about stored
    documents; ``not_english`` counts the new documents stored without extraction by language.
    """

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0
    records: int = 0
    failures: list[Failure] = field(default_factory=list)
    skips: list[Failure] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    not_english: Counter[str] = field(default_factory=Counter)

    @property
    def done(self) -> int:
        return self.new + self.duplicate + self.failed + self.skipped


def ingest(
    items: Iterable[Input],
    *,
    store: Store,
    extract: Extractor,
    resolver: Merger,
    batch_size: int,
    progress: Callable[[IngestSummary], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> IngestSummary:
    """Store every new input of ``items`` with its extracted records and merge them into incidents.

    ``stop`` is asked after each committed batch; when it answers True, ingest returns with what is committed and
    leaves the inputs in hand unstored (a later run reads them again).
    """
    summary = IngestSummary()
    feed = _Feed(items, store=store, summary=summary)
    batch: list[_Handled] = []

    def add(handled: list[_Handled]) -> None:
        for item in handled:
            entry = item.entry
            origin = entry.origin or (entry.document.origin if entry.document else None) or entry.document_id
            if item.error is None:
                summary.new += 1
                if entry.status == "skipped" and entry.report and entry.report.document.language:
                    summary.not_english[entry.report.document.language] += 1
            else:
                summary.failed += 1
                summary.failures.append(Failure(origin, item.error))
            summary.warnings.extend(Notice(origin, warning) for warning in entry.warnings)
        batch.extend(handled)
        if len(batch) >= batch_size:
            _flush(batch, feed.take_marks(), store=store, resolver=resolver, summary=summary)
        if progress:
            progress(summary)

    stopped = False
    for outcome in extract(feed.documents()):
        waiting = feed.pending.popleft()
        if outcome.document != waiting.document:
            raise StoreError("the extractor returned documents out of input order; this is a bug in the driver")
        add([*waiting.before, _outcome_entry(outcome, key=waiting.key, digest=waiting.digest, tag=waiting.tag)])
        if stop is not None and not batch and stop():
            stopped = True
            break
    if not stopped:
        if feed.pending:
            raise StoreError(f"the extractor dropped {len(feed.pending)} documents; this is a bug in the driver")
        add(feed.tail)
    _flush(batch, feed.take_marks(), store=store, resolver=resolver, summary=summary)
    if progress:
        progress(summary)
    return summary


def _flush(
    batch: list[_Handled], marks: list[SeenItem], *, store: Store, resolver: Merger, summary: IngestSummary
) -> None:
    """Write the batch, marking seen its tracked inputs and those that needed no entry (``marks``)."""
    if not batch and not marks:
        return
    items = [SeenItem(item.tag.source, item.tag.item_id, item.entry.document_id) for item in batch if item.tag]
    summary.records += store.write([item.entry for item in batch], resolver=resolver, items=items + marks)
    batch.clear()


def _outcome_entry(outcome: Outcome, *, key: str, digest: str, tag: Tracked | None) -> _Handled:
    document = outcome.document
    if outcome.error is not None or outcome.report is None:
        error = outcome.error or ExtractionError("extraction gave no report")
        return _Handled(DocumentEntry(key, "failed", digest, document, error=str(error)), tag, error)
    if outcome.skipped is not None:
        return _Handled(DocumentEntry(key, "skipped", digest, document, outcome.report, error=outcome.skipped), tag)
    return _Handled(DocumentEntry(key, "ok", digest, document, outcome.report), tag)


@dataclass(frozen=True)
class _Waiting:
    """A document out for extraction, and the entries that came before it in reading order."""

    before: list[_Handled]
    document: Document
    key: str
    digest: str
    tag: Tracked | None


class _Feed:
    """New documents for the extractor; what needs no extraction waits in ``pending`` before the next document."""

    def __init__(self, items: Iterable[Input], *, store: Store, summary: IngestSummary) -> None:
        self.items = iter(items)
        self.store = store
        self.summary = summary
        self.seen: dict[str, str | None] = {}
        self.pending: deque[_Waiting] = deque()
        self.tail: list[_Handled] = []
        self.marks: list[SeenItem] = []  # tracked inputs that need no entry, to mark seen with the next write

    def documents(self) -> Iterator[Document]:
        while chunk := list(islice(self.items, LOOKUP_CHUNK)):
            self.summary.read += len(chunk)
            keyed = [(raw, *self._key(_untracked(raw))) for raw in chunk]
            known = self.store.known_documents([key for _, key, _, _ in keyed])
            for raw, key, digest, problem in keyed:
                tag = raw if isinstance(raw, Tracked) else None
                document = self._admit(_untracked(raw), tag, key, digest, problem, known)
                if document is not None and digest is not None:
                    self.pending.append(_Waiting(self.tail, document, key, digest, tag))
                    self.tail = []
                    yield document

    def take_marks(self) -> list[SeenItem]:
        marks, self.marks = self.marks, []
        return marks

    def _key(self, item: Document | ReadFailure) -> tuple[str, str | None, InputError | None]:
        """Document id, content hash, and why it cannot be stored (if so)."""
        if isinstance(item, ReadFailure):
            return origin_id(item.origin), None, item.error
        try:
            digest = content_hash(item.text, item.id)
        except InputError as exc:
            return item.id or origin_id(item.origin or "<unnamed>"), None, exc
        return document_id(item, digest), digest, _unstorable(item.text)

    def _admit(
        self,
        item: Document | ReadFailure,
        tag: Tracked | None,
        key: str,
        digest: str | None,
        problem: InputError | None,
        known: dict[str, str | None],
    ) -> Document | None:
        """``item`` if it goes to extraction; else counts it, or queues its failure entry."""
        if isinstance(item, ReadFailure) and item.skipped:
            self.summary.skipped += 1
            self.summary.skips.append(Failure(item.origin, item.error))
            self._mark(tag, None)
            return None
        if isinstance(item, ReadFailure) and item.missing:
            self.summary.failed += 1
            self.summary.failures.append(Failure(item.origin, item.error))
            return None
        if key in known or key in self.seen:
            self._mark(tag, key)
            if (known[key] if key in known else self.seen[key]) == digest:
                self.summary.duplicate += 1
            else:
                self.summary.failed += 1
                origin = (item.origin if isinstance(item, Document) else None) or key
                conflict = ConflictError(f"document id {key!r} is already stored with other text; give it a new id")
                self.summary.failures.append(Failure(origin, conflict))
            return None
        self.seen[key] = digest
        if isinstance(item, ReadFailure):
            entry = DocumentEntry(key, "unreadable", error=str(item.error), origin=item.origin)
            self.tail.append(_Handled(entry, tag, item.error))
            return None
        if problem is not None:
            entry = DocumentEntry(key, "failed", digest, error=str(problem), origin=item.origin)
            self.tail.append(_Handled(entry, tag, problem))
            return None
        return item

    def _mark(self, tag: Tracked | None, document_id: str | None) -> None:
        if tag is not None:
            self.marks.append(SeenItem(tag.source, tag.item_id, document_id))


def _untracked(item: Input) -> Document | ReadFailure:
    return item.item if isinstance(item, Tracked) else item


def _unstorable(text: str) -> InputError | None:
    """Why ``text`` cannot go into every supported database (NUL characters, lone surrogates), else None."""
    if "\x00" in text:
        return BinaryInputError("the text contains NUL characters; remove them or read the file as binary-safe text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return EncodingError("the text contains lone UTF-16 surrogates; fix the encoding of the source")
    return None
