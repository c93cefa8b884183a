"""Deterministic keys of stored rows: documents, records, and inputs that gave no document.

The content hash itself is :func:`incidex.ingest.text.content_hash` (normalized text, plus the given id).
"""

from __future__ import annotations

import hashlib

from ..types import Document


def document_id(document: Document, digest: str) -> str:
    """The id given at ingest, else the content hash."""
    return document.id or digest


def record_id(document_key: str, incident_id: str) -> str:
    return f"{document_key}:{incident_id}"


def origin_id(origin: str) -> str:
    """Id of an input that gave no hashable document: stable for one origin, distinct from content hashes."""
    return "origin:" + hashlib.sha256(origin.encode("utf-8")).hexdigest()[:32]
