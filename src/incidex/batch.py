"""The one batch function: documents in, reports out. The CLI, the local worker pool and Dask all call it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .config import Settings, load_settings
from .errors import BinaryInputError, EmptyInputError, ExtractionError, IncidexError
from .language import ENGLISH, detect_language, not_english_reason
from .nlp.assemble import assemble
from .nlp.casing import truecase
from .nlp.pipeline import build_pipeline
from .types import Document, DocumentInfo, Report


@dataclass
class Outcome:
    """What became of one document: a report, the error it failed with (its ``code`` and ``message``), or why it
    was not extracted."""

    document: Document
    report: Report | None
    error: IncidexError | None = None
    skipped: str | None = None  # why the document was not extracted (not English); ``report`` has its info


def _valid_published(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


# Spaces other than U+0020 ("Jamaat-ul-Mujahideen\xa0Bangladesh"): the tokenizer keeps each as a token of its own,
# which breaks the phrase around it for the parser; the Doc holds a plain space there (the same length, so every
# offset holds and evidence is still cut from the input).
PLAIN_SPACES = str.maketrans(dict.fromkeys("\xa0\u2007\u2009\u202f", " "))


def _prepare(nlp: Language, document: Document, settings: Settings) -> Doc:
    text = document.text
    if not text or not text.strip():
        raise EmptyInputError("the document is empty; give a report with text")
    if "\x00" in text:
        raise BinaryInputError("the document contains NUL bytes (binary data?); give plain text")
    text = text[: settings.nlp.max_chars]
    plain = text.translate(PLAIN_SPACES)
    cased = truecase(plain) if settings.nlp.casing else plain
    doc = nlp.make_doc(cased)
    doc._.incidex_original = text if cased != text else None
    doc._.incidex_published = _valid_published(document.published)
    doc._.incidex_outlet = document.source
    return doc


def truncation_warnings(text: str, max_chars: int) -> list[str]:
    """A warning when the text is longer than ``nlp.max_chars`` and only its beginning is read."""
    if len(text) <= max_chars:
        return []
    return [f"the text is {len(text):,} characters long and only the first {max_chars:,} were read (nlp.max_chars); "
            "incidents told after that are missed: split the report or raise nlp.max_chars"]


def _info(document: Document, language: str | None, warnings: list[str]) -> DocumentInfo:
    return DocumentInfo(published=_valid_published(document.published), source=document.source,
                        chars=len(document.text), id=document.id, title=document.title, url=document.url,
                        warnings=[*document.warnings, *warnings], language=language,
                        source_kind=document.source_kind, forwarded_from=document.forwarded_from)


def _read_language(document: Document, settings: Settings) -> tuple[DocumentInfo, str | None]:
    """The document's info with its detected language and its warnings (the reader's; a text cut at
    ``nlp.max_chars``), and why it is not extracted (not English), if so."""
    language = detect_language(document.text, settings.language.detect)
    if language in (None, ENGLISH):
        return _info(document, language, truncation_warnings(document.text, settings.nlp.max_chars)), None
    reason = not_english_reason(language)
    return _info(document, language, [reason]), reason


def _one(nlp: Language, document: Document, doc: Doc, info: DocumentInfo) -> Outcome:
    try:
        return Outcome(document, assemble(nlp(doc), info))
    except Exception as exc:  # reported per document, never raised into the batch
        return Outcome(document, None, ExtractionError(f"extraction failed: {exc.__class__.__name__}: {exc}"))


def extract_documents(
    documents: Iterable[Document], *, settings: Settings, nlp: Language | None = None
) -> Iterator[Outcome]:
    """Extract every document in order; a bad document yields an Outcome with its error and the batch goes on.

    A document not in English yields an Outcome with its document info (language, a warning) and no incidents,
    ``skipped`` saying why; it is never parsed.
    """
    nlp = nlp or build_pipeline(settings)
    pending: list[tuple[Document, Doc, DocumentInfo]] = []

    def flush() -> Iterator[Outcome]:
        batch = list(pending)
        pending.clear()
        try:
            docs = list(nlp.pipe([doc for _, doc, _ in batch], batch_size=settings.nlp.batch_size))
            results = [
                Outcome(document, assemble(doc, info)) for (document, _, info), doc in zip(batch, docs, strict=True)
            ]
        except Exception:  # one bad document must not sink its batch: redo them one by one
            results = [_one(nlp, document, doc, info) for document, doc, info in batch]
        yield from results

    for document in documents:
        try:
            doc = _prepare(nlp, document, settings)
        except IncidexError as exc:
            yield from flush()
            yield Outcome(document, None, exc)
            continue
        info, not_extracted = _read_language(document, settings)
        if not_extracted is not None:
            yield from flush()
            yield Outcome(document, Report(info), skipped=not_extracted)
            continue
        pending.append((document, doc, info))
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
    """Extract one report; raises :class:`~incidex.errors.InputError` for unusable text.

    A report not in English comes back with its language, a warning saying why, and no incidents.
    """
    return extract_document(Document(text=text, id=doc_id, published=published, source=source), settings=settings)


def extract_document(document: Document, *, settings: Settings | None = None) -> Report:
    """Extract one document as a reader gave it (its publication date, source, title, URL and warnings kept);
    raises :class:`~incidex.errors.InputError` for unusable text.

    A report not in English comes back with its language, a warning saying why, and no incidents.
    """
    settings = settings or load_settings()
    nlp = build_pipeline(settings)
    prepared = _prepare(nlp, document, settings)
    info, not_extracted = _read_language(document, settings)
    if not_extracted is not None:
        return Report(info)
    return assemble(nlp(prepared), info)
