"""Bench-only batch functions with the shape of ``incidex.batch.extract_documents``, for measuring the drivers and
the store when the full incidex pipeline cannot run (or to take it out of the picture).

``spacy_only`` runs the bare spaCy model; ``no_nlp`` does nothing, so a run with it measures reading, the drivers'
transport and the store. Both give empty reports, so the store time they lead to is a lower bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from incidex.batch import Outcome
from incidex.config import Settings
from incidex.types import Document, DocumentInfo, Report


@lru_cache(maxsize=1)
def _model(name: str) -> Language:
    return spacy.load(name)


def spacy_only(documents: Iterable[Document], *, settings: Settings) -> Iterator[Outcome]:
    documents = list(documents)
    nlp = _model(settings.nlp.model)
    texts = (document.text[: settings.nlp.max_chars] for document in documents)
    for document, _doc in zip(documents, nlp.pipe(texts, batch_size=settings.nlp.batch_size), strict=True):
        yield _empty(document)


def no_nlp(documents: Iterable[Document], *, settings: Settings) -> Iterator[Outcome]:
    for document in documents:
        yield _empty(document)


def _empty(document: Document) -> Outcome:
    info = DocumentInfo(published=document.published, source=document.source, chars=len(document.text),
                        id=document.id, title=document.title, url=document.url)
    return Outcome(document=document, report=Report(document=info), error=None)
