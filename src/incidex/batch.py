"""The one batch function: documents in, reports out. The CLI, the local worker pool and Dask all call it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .config import Settings, load_settings
from .errors import EmptyInputError, IncidexError, InputError
from .nlp.assemble import assemble
from .nlp.pipeline import build_pipeline
from .types import Document, DocumentInfo, Report


@dataclass
class Outcome:
    """What became of one document: a report, or the one-line reason it failed."""

    document: Document
    report: Report | None
    error: str | None = None


def _valid_published(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _prepare(nlp: Language, document: Document, settings: Settings) -> Doc:
    text = document.text
    if not text or not text.strip():
        raise EmptyInputError("the document is empty; give a report with text")
    if "\x00" in text:
        raise InputError("the document contains NUL bytes (binary data?); give plain text")
    doc = nlp.make_doc(text[: settings.nlp.max_chars])
    doc._.incidex_published = _valid_published(document.published)
    return doc


ENGLISH_WORDS = frozenset(
    "the a an of to in and on for with that was were is are by at from said as has had it".split()
)
MIN_ENGLISH_SHARE = 0.08


def language_warnings(text: str) -> list[str]:
    """A warning when the text does not look like English (incidex reads English reports only)."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 20:
        return []
    share = sum(w in ENGLISH_WORDS for w in words) / len(words)
    if share >= MIN_ENGLISH_SHARE:
        return []
    return [f"the text does not look like English ({share:.0%} common English words); incidex reads English "
            "reports only, so incidents may be missed"]


def truncation_warnings(text: str, max_chars: int) -> list[str]:
    """A warning when the text is longer than ``nlp.max_chars`` and only its beginning is read."""
    if len(text) <= max_chars:
        return []
    return [f"the text is {len(text):,} characters long and only the first {max_chars:,} were read (nlp.max_chars); "
            "incidents told after that are missed: split the report or raise nlp.max_chars"]


def _info(document: Document, settings: Settings) -> DocumentInfo:
    warnings = [*document.warnings, *truncation_warnings(document.text, settings.nlp.max_chars),
                *language_warnings(document.text)]
    return DocumentInfo(published=_valid_published(document.published), source=document.source,
                        chars=len(document.text), id=document.id, title=document.title, url=document.url,
                        warnings=warnings)


def _one(nlp: Language, document: Document, doc: Doc, settings: Settings) -> Outcome:
    try:
        return Outcome(document, assemble(nlp(doc), _info(document, settings)))
    except Exception as exc:  # reported per document, never raised into the batch
        return Outcome(document, None, f"[E900] extraction failed: {exc.__class__.__name__}: {exc}")


def extract_documents(
    documents: Iterable[Document], *, settings: Settings, nlp: Language | None = None
) -> Iterator[Outcome]:
    """Extract every document in order; a bad document yields an Outcome with its error and the batch goes on."""
    nlp = nlp or build_pipeline(settings)
    pending: list[tuple[Document, Doc]] = []

    def flush() -> Iterator[Outcome]:
        batch = list(pending)
        pending.clear()
        try:
            docs = list(nlp.pipe([doc for _, doc in batch], batch_size=settings.nlp.batch_size))
            results = [
                Outcome(document, assemble(doc, _info(document, settings)))
                for (document, _), doc in zip(batch, docs, strict=True)
            ]
        except Exception:  # one bad document must not sink its batch: redo them one by one
            results = [_one(nlp, document, doc, settings) for document, doc in batch]
        yield from results

    for document in documents:
        try:
            pending.append((document, _prepare(nlp, document, settings)))
        except IncidexError as exc:
            yield from flush()
            yield Outcome(document, None, str(exc))
            continue
        if len(pending) >= settings.nlp.batch_size:
            yield from flush()
    yield from flush()


def extract_text(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    doc_id: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Extract one report; raises :class:`~incidex.errors.InputError` for unusable text."""
    return extract_document(Document(text=text, id=doc_id, published=published, source=source), settings=settings)


def extract_document(document: Document, *, settings: Settings | None = None) -> Report:
    """Extract one document as a reader gave it (its publication date, source, title, URL and warnings kept);
    raises :class:`~incidex.errors.InputError` for unusable text."""
    settings = settings or load_settings()
    nlp = build_pipeline(settings)
    doc = nlp(_prepare(nlp, document, settings))
    return assemble(doc, _info(document, settings))
