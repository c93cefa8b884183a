"""A bench-only batch function for when the full incidex pipeline cannot run: the bare spaCy model, no records.

It has the shape of ``incidex.batch.extract_documents`` so the drivers and the store run unchanged; every report it
gives is empty, so the store time it leads to is a lower bound.
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


def extract_documents(documents: Iterable[Document], *, settings: Settings) -> Iterator[Outcome]:
    documents = list(documents)
    nlp = _model(settings.nlp.model)
    texts = (document.text[: settings.nlp.max_chars] for document in documents)
    for document, _doc in zip(documents, nlp.pipe(texts, batch_size=settings.nlp.batch_size)):
        info = DocumentInfo(published=document.published, source=document.source, chars=len(document.text),
                            id=document.id, title=document.title, url=document.url)
        yield Outcome(document=document, report=Report(document=info), error=None)
