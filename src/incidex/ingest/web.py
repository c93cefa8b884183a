"""URLs: a fetched feed gives its entries, a fetched web page its main text (trafilatura, as for HTML files)."""

from __future__ import annotations

from collections.abc import Iterator

from ..types import Document, SourceKind
from .failures import ReadFailure
from .feeds import feed_items, looks_like_feed
from .fetch import Fetched, Fetcher
from .html import document_from_html
from .items import Item, read_items
from .text import content_hash

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def response_items(
    fetched: Fetched, *, fetcher: Fetcher, max_bytes: int, outlet: str | None = None, kind: SourceKind | None = None
) -> list[Item]:
    """The items of a fetched feed, or the one item of a fetched page (its id: ``sha256:`` and its text's hash, so
    a page whose text changes is a new item). Raises an InputError subclass when the body is neither."""
    content_type = (fetched.content_type or "").split(";")[0].strip().lower()
    if content_type in _FEED_TYPES or looks_like_feed(fetched.body):
        return feed_items(fetched.body, origin=fetched.url, fetcher=fetcher, max_bytes=max_bytes, url=fetched.url,
                          outlet=outlet, kind=kind)
    page = document_from_html(fetched.body, origin=fetched.url)
    document = Document(text=page.text, published=page.published, source=outlet or page.source, title=page.title,
                        url=page.url or fetched.url, origin=fetched.url, source_kind=kind, warnings=page.warnings)
    return [Item("sha256:" + content_hash(document.text), lambda: document)]


def read_url(url: str, *, fetcher: Fetcher, max_bytes: int) -> Iterator[Document | ReadFailure]:
    """The documents of a feed or page URL; a URL that cannot be fetched or read gives one ReadFailure."""
    yield from read_items(url, lambda: response_items(fetcher.get(url), fetcher=fetcher, max_bytes=max_bytes))
