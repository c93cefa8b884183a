"""GET /api/documents, GET /api/documents/{id} and POST /api/documents (extract and store one report)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from ..batch import Outcome, extract_documents
from ..errors import BinaryInputError, NotFoundError
from ..ingest.dates import published_or_warning
from ..ingest.text import content_hash
from ..ingest_run import Extractor, ingest
from ..nlp.pipeline import build_pipeline
from ..store.keys import document_id
from ..types import Document
from .dependencies import ApiContext, Context, checked_text, require_writer
from .schemas import DocumentDetail, DocumentList, IngestResult, NewDocument

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=DocumentList)
def list_documents(
    ctx: Context,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> dict[str, Any]:
    """Stored documents by id, with their status and, for failed ones, the reason."""
    total, items = ctx.store.documents(limit=limit, offset=offset)
    return {"total": total, "items": items}


@router.get("/{doc_id}", response_model=DocumentDetail, responses={404: {"description": "unknown document id"}})
def get_document(doc_id: str, ctx: Context) -> dict[str, Any]:
    """One document with its text and the ids of the records extracted from it."""
    found = ctx.store.document(doc_id)
    if found is None:
        raise NotFoundError(f"no document with id {doc_id!r}; list documents with GET /api/documents")
    return found


@router.post("", status_code=201, response_model=IngestResult, dependencies=[Depends(require_writer)],
             responses={200: {"description": "already stored: the stored document's id and incidents, duplicate "
                                             "true", "model": IngestResult},
                        409: {"description": "id taken by other text"}, 413: {"description": "body too large"},
                        422: {"description": "unusable text"}})
def add_document(body: NewDocument, ctx: Context, response: Response) -> dict[str, Any]:
    """Extract incidents from one report and store them exactly as ``incidex ingest`` does: 201 for a new report,
    200 with the stored id for one already stored. A ``published`` value that is not a date is kept as unknown
    with a warning, as the file readers do."""
    fields = {name: checked_text(getattr(body, name), name) for name in ("source", "title", "url", "id")}
    if "\x00" in body.text:
        raise BinaryInputError("the text contains NUL characters; send plain text")
    published, warnings = published_or_warning(checked_text(body.published, "published"))
    document = Document(text=body.text, origin="api", published=published, warnings=warnings, **fields)
    key = document_id(document, content_hash(document.text, document.id))
    with ctx.write_lock:
        summary = ingest([document], store=ctx.store, extract=_extractor(ctx), resolver=ctx.resolver,
                         batch_size=1)
    if summary.failures:  # the one document failed: its error decides the status (409 for an id taken, else 422)
        raise summary.failures[0].error
    incident_ids = ctx.store.incidents_of_document(key)
    if summary.duplicate:
        response.status_code = 200
    return {"document_id": key, "incident_ids": incident_ids, "duplicate": bool(summary.duplicate),
            "warnings": [notice.message for notice in summary.warnings]}


def _extractor(ctx: ApiContext) -> Extractor:
    def extract(documents: Iterable[Document]) -> Iterator[Outcome]:
        if ctx.nlp is None:
            ctx.nlp = build_pipeline(ctx.settings)
        return extract_documents(documents, settings=ctx.settings, nlp=ctx.nlp)

    return extract
