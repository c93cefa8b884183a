"""RSS and Atom feeds (feedparser): each entry a document with its title, link, date, outlet and text.

The text is the entry's full content when it has one. An entry with only a summary and a link is read from the
linked page (fetched, then extracted by trafilatura as an HTML file is); one with only a summary, from the summary.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import lxml.html
from lxml.etree import ParserError

from ..errors import FormatError
from ..types import Document, SourceKind
from .dates import normalize_published, published_or_warning
from .failures import ReadFailure
from .fetch import Fetcher, is_url
from .html import document_from_html
from .items import Item, read_items, reading
from .text import check_size, check_text
from .txt import read_bytes

FEED_EXTENSIONS = (".rss", ".atom", ".xml")
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_SNIFF_BYTES = 2048
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
                     "table", "section", "article", "pre", "hr", "figure", "figcaption"})


def looks_like_feed(data: bytes) -> bool:
    """True when the first bytes open an RSS, Atom or RDF document."""
    return bool(_FEED_START.search(data[:_SNIFF_BYTES]))


def feed_items(
    data: bytes,
    *,
    origin: str,
    fetcher: Fetcher,
    max_bytes: int,
    url: str | None = None,
    outlet: str | None = None,
    kind: SourceKind | None = None,
) -> list[Item]:
    """The entries of a feed, in feed order, one per entry id; raises :class:`FormatError` for what is no feed.

    ``url`` is where the feed was fetched from, to resolve relative links. ``outlet`` names the publisher
    (default: the feed's title) and ``kind`` declares what kind of outlet it is.
    """
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)  # ids as written, URL or not
    entries = parsed.entries
    if not parsed.version and not entries:
        raise FormatError(f"{origin}: not an RSS or Atom feed ({_why(parsed)}); check the URL or file")
    if parsed.bozo and not any(entry.get("title") or entry.get("link") or _content(entry) for entry in entries):
        raise FormatError(f"{origin}: malformed feed ({_why(parsed)}); no entry could be read")
    outlet = outlet or (parsed.feed.get("title") or "").strip() or None
    items: dict[str, Item] = {}
    for entry in entries:
        item_id = _item_id(entry)
        if item_id not in items:
            build = _Entry(entry, origin=f"{origin}#{item_id}", base=url, outlet=outlet, kind=kind, fetcher=fetcher,
                           max_bytes=max_bytes)
            items[item_id] = Item(item_id, reading(build.origin, build))
    return list(items.values())


class _Entry:
    """Builds one entry's document (called only when the entry is read)."""

    def __init__(self, entry: dict, *, origin: str, base: str | None, outlet: str | None, kind: SourceKind | None,
                 fetcher: Fetcher, max_bytes: int) -> None:
        self.entry = entry
        self.origin = origin
        self.base = base
        self.outlet = outlet
        self.kind = kind
        self.fetcher = fetcher
        self.max_bytes = max_bytes

    def __call__(self) -> Document:
        entry = self.entry
        link = _link(entry, self.base)
        title = _plain(entry.get("title"))
        published, warnings = _published(entry)
        text = _content(entry)
        if not text and link:
            page = document_from_html(self.fetcher.get(link).body, origin=link)
            if published is None:  # the page's own date, and its warning when it has a value that is not one
                published, warnings = page.published, [*warnings, *page.warnings]
            text, title = page.text, title or page.title
        text = text or _plain(entry.get("summary"))
        if not text:
            raise FormatError(f"{self.origin}: the entry has no text, no summary and no link to read")
        check_size(len(text.encode("utf-8")), origin=self.origin, max_bytes=self.max_bytes)
        return Document(text=check_text(text, origin=self.origin), published=published, source=self.outlet,
                        title=title, url=link, origin=self.origin, source_kind=self.kind, warnings=warnings)


def _link(entry: dict, base: str | None) -> str | None:
    """The entry's absolute http(s) link: a relative <link> resolved against the feed's URL; an RSS guid that
    feedparser took for the link only when it is a URL itself."""
    raw = (entry.get("link") or "").strip()
    from_guid = entry.get("guidislink") and raw == (entry.get("id") or "").strip()
    if raw and base and not from_guid:
        raw = urljoin(base, raw)
    return raw if is_url(raw) else None


def _item_id(entry: dict) -> str:
    """The entry's id (RSS guid, Atom id), else its link, else a hash of its title and summary."""
    for key in ("id", "link"):
        value = (entry.get(key) or "").strip()
        if value:
            return value
    seed = "\x1f".join(str(entry.get(key) or "") for key in ("title", "summary", "published"))
    return "sha256:" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def _content(entry: dict) -> str:
    """The entry's full content as plain text ("" when it has none)."""
    parts = (_plain(item.get("value"), html="html" in (item.get("type") or "html"))
             for item in entry.get("content") or [])
    return "\n\n".join(part for part in parts if part)


def _published(entry: dict) -> tuple[str | None, list[str]]:
    """The entry's date (published, else updated, else created), and a warning when it gives only values that are
    not dates (kept as unknown, as every reader does)."""
    given = None
    for key in ("published", "updated", "created"):
        if value := normalize_published(entry.get(key)):
            return value, []
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat(), []
        given = given or entry.get(key)
    return published_or_warning(given)


def _plain(value: object, *, html: bool = True) -> str:
    """Text of an HTML fragment: block elements on lines of their own, whitespace collapsed within lines."""
    if not isinstance(value, str) or not value.strip():
        return ""
    if not html or "<" not in value:
        return _tidy(value)
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ParserError, ValueError):
        return _tidy(value)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _why(parsed: feedparser.FeedParserDict) -> str:
    problem = parsed.get("bozo_exception")
    return f"{type(problem).__name__}: {problem}" if problem else "no feed elements"



def read_feed_file(path: Path, *, fetcher: Fetcher, max_bytes: int) -> Iterator[Document | ReadFailure]:
    """The entries of a feed file as documents (linked pages fetched); a file that is no feed gives one failure."""
    yield from read_items(str(path), lambda: feed_items(read_bytes(path, max_bytes=max_bytes), origin=str(path),
                                                        fetcher=fetcher, max_bytes=max_bytes))
