"""HTML pages: the main text by trafilatura, with the page's title, date, site name and URL when it has them."""

from __future__ import annotations

import re
from pathlib import Path

import trafilatura

from ..errors import FormatError
from ..types import Document
from .dates import published_or_warning
from .text import check_text, decode_bytes
from .txt import read_bytes

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096


def document_from_html(data: bytes, *, origin: str) -> Document:
    """Extract the main text of an HTML page; raises :class:`FormatError` when there is none."""
    declared = _CHARSET.search(data[:_SNIFF_BYTES])
    markup = decode_bytes(data, origin=origin, declared=declared.group(1).decode("ascii") if declared else None)
    try:
        page = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # a hostile page must never stop a batch
        raise FormatError(f"{origin}: HTML could not be parsed ({type(exc).__name__}: {exc}); check the file") from None
    if page is None or not (page.text or "").strip():
        raise FormatError(f"{origin}: no main text found in the HTML; check that it is an article page")
    published, warnings = published_or_warning(page.date)
    return Document(
        text=check_text(page.text, origin=origin),
        published=published,
        source=page.sitename or page.hostname or None,
        title=page.title or None,
        url=page.url or None,
        origin=origin,
        warnings=warnings,
    )


def read_html(path: Path, *, max_bytes: int) -> Document:
    """A Document for an HTML file."""
    return document_from_html(read_bytes(path, max_bytes=max_bytes), origin=str(path))
