"""Readers: text, HTML, JSONL and CSV files, directories and stdin to :class:`~incidex.types.Document` objects.

``read_paths`` yields a :class:`ReadFailure` for every input that gives no document and goes on with the rest.
``content_hash`` is the key under which the store keeps a document.
"""

from .dates import normalize_published
from .failures import ReadFailure
from .paths import EXTENSIONS, read_document, read_paths
from .text import content_hash, normalize_text

__all__ = [
    "EXTENSIONS",
    "ReadFailure",
    "content_hash",
    "normalize_published",
    "normalize_text",
    "read_document",
    "read_paths",
]
