"""One JSONL object or CSV row to a :class:`~incidex.types.Document`."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import EncodingError, FormatError
from ..types import Document
from .dates import published_or_warning
from .text import check_size, check_text

# Document field -> keys accepted for it, first found wins (``date`` and ``doc_id`` are common in news dumps).
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id"),
    "published": ("published", "date"),
    "source": ("source",),
    "title": ("title",),
    "url": ("url",),
}


def document_from_record(record: object, *, origin: str, max_bytes: int) -> Document:
    """Build a Document from a mapping with a ``text`` key; raise an InputError naming ``origin`` otherwise."""
    if not isinstance(record, Mapping):
        raise FormatError(f"{origin}: expected an object with a \"text\" field, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise FormatError(f"{origin}: no \"text\" field; every record needs the report text under \"text\"")
    if not isinstance(text, str):
        raise FormatError(f"{origin}: \"text\" must be a string, got {type(text).__name__}")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        message = f"{origin}: \"text\" has lone UTF-16 surrogates (a broken \\u escape); fix the export"
        raise EncodingError(message) from None
    check_size(size, origin=origin, max_bytes=max_bytes)
    check_text(text, origin=origin)
    values = {name: _first(record, keys) for name, keys in FIELD_KEYS.items()}
    published, warnings = published_or_warning(values["published"])
    return Document(
        text=text.replace("\r\n", "\n"),
        id=values["id"],
        published=published,
        source=values["source"],
        title=values["title"],
        url=values["url"],
        origin=origin,
        warnings=warnings,
    )


def record_id(record: object) -> str | None:
    """The document id a record gives (``id`` or ``doc_id``), or None."""
    return _first(record, FIELD_KEYS["id"]) if isinstance(record, Mapping) else None


def _first(record: Mapping, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None
