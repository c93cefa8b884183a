"""Files, directories, URLs and stdin to a stream of documents and failures, never stopping on a bad input."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..errors import InputError, UnsupportedInputError
from ..types import Document
from .csvfile import read_csv_lines
from .failures import ReadFailure
from .feeds import FEED_EXTENSIONS, looks_like_feed, read_feed_file
from .fetch import Fetcher, is_url
from .html import read_html
from .jsonl import read_jsonl_lines
from .telegram import EXPORT_FILE, read_telegram_export
from .txt import read_txt, text_from_bytes
from .web import read_url

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
_SINGLE = {".txt": read_txt, ".html": read_html, ".htm": read_html}
_MULTI: dict[str, Callable[..., Iterator[Document | ReadFailure]]] = {
    ".jsonl": read_jsonl_lines,
    ".csv": read_csv_lines,
}
EXTENSIONS: tuple[str, ...] = (*_SINGLE, *_MULTI, *FEED_EXTENSIONS, ".json")
MANY_DOCUMENT_EXTENSIONS: tuple[str, ...] = (*_MULTI, *FEED_EXTENSIONS, ".json")
_SNIFF_BYTES = 2048


def read_paths(
    paths: Sequence[str | Path], *, max_bytes: int | None = None, fetcher: Fetcher | None = None
) -> Iterator[Document | ReadFailure]:
    """Read every path in order: files by extension, directories recursively (sorted, hidden entries skipped),
    ``http(s)://`` URLs (a feed or a web page), and ``"-"`` as one text document from stdin.

    Feeds are ``.rss``/``.atom``/``.xml`` files or files whose content opens a feed; ``.json`` files and folders
    holding a ``result.json`` are Telegram Desktop exports. Yields a :class:`~incidex.types.Document` per report
    and a :class:`ReadFailure` per input that gave none; ``max_bytes`` limits each .txt/.html/feed file and each
    JSONL/CSV record or message (default: the ``[input] max_bytes`` setting). URLs and the pages that feed entries
    link to are fetched with ``fetcher`` (default: one with the settings' ``[fetch]``).
    """
    limit = _limit(max_bytes)
    with _Fetchers(fetcher) as fetchers:
        for path in paths:
            yield from _read_path(path, max_bytes=limit, fetchers=fetchers)


def _limit(max_bytes: int | None) -> int:
    """``max_bytes``, or the ``[input] max_bytes`` setting when it is None."""
    if max_bytes is not None:
        return max_bytes
    from ..config import load_settings

    return load_settings().input.max_bytes


def _read_path(path: str | Path, *, max_bytes: int, fetchers: _Fetchers) -> Iterator[Document | ReadFailure]:
    if str(path) == STDIN:
        yield _read_stdin(max_bytes=max_bytes)
        return
    if isinstance(path, str) and is_url(path):
        yield from read_url(path, fetcher=fetchers.get(), max_bytes=max_bytes)
        return
    path = Path(path)
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, max_bytes=max_bytes, fetchers=fetchers)
    elif path.exists():
        yield from _read_file(path, max_bytes=max_bytes, fetchers=fetchers)
    else:
        yield ReadFailure(str(path), InputError(f"{path} does not exist; check the path"), missing=True)


def holds_many(path: str | Path) -> bool:
    """Whether ``path`` is read as a stream of documents (a directory, a URL, a JSONL, CSV, feed or Telegram export
    file) rather than as one report."""
    if str(path) == STDIN:
        return False
    if isinstance(path, str) and is_url(path):
        return True
    path = Path(path)
    return path.is_dir() or path.suffix.lower() in MANY_DOCUMENT_EXTENSIONS


def read_document(path: str | Path, *, max_bytes: int | None = None) -> Document:
    """One report file read as ``read_paths`` reads it (.html/.htm: the main text with the page's date, site name,
    title and URL; anything else decoded as plain text; ``"-"``: standard input).

    ``max_bytes`` defaults to the ``[input] max_bytes`` setting. Raises the :class:`~incidex.errors.InputError`
    subclass that says why it cannot be read.
    """
    max_bytes = _limit(max_bytes)
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        return Document(text=text_from_bytes(data, origin=STDIN_ORIGIN, max_bytes=max_bytes), origin=STDIN_ORIGIN)
    path = Path(path)
    return _SINGLE.get(path.suffix.lower(), read_txt)(path, max_bytes=max_bytes)


def _walk(root: Path) -> list[Path]:
    """Files under ``root``; of a folder holding a Telegram export only its ``result.json`` (not its media)."""
    found = []
    for folder, dirs, files in os.walk(root):
        if EXPORT_FILE in files:
            dirs.clear()
            found.append(Path(folder, EXPORT_FILE))
            continue
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    return sorted(found)


def _read_file(path: Path, *, max_bytes: int, fetchers: _Fetchers) -> Iterator[Document | ReadFailure]:
    suffix = path.suffix.lower()
    if suffix in FEED_EXTENSIONS or (suffix not in EXTENSIONS and _opens_a_feed(path)):
        yield from read_feed_file(path, fetcher=fetchers.get(), max_bytes=max_bytes)
    elif suffix == ".json":
        yield from read_telegram_export(path, max_bytes=max_bytes)
    elif suffix in _SINGLE:
        try:
            yield read_document(path, max_bytes=max_bytes)
        except InputError as exc:
            yield ReadFailure(str(path), exc)
    elif suffix in _MULTI:
        yield from _read_lines(path, _MULTI[suffix], max_bytes=max_bytes)
    else:
        known = ", ".join(EXTENSIONS)
        message = f"unknown extension {suffix or '(none)'!r}; incidex reads {known}"
        yield ReadFailure(str(path), UnsupportedInputError(message), skipped=True)


def _opens_a_feed(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return looks_like_feed(stream.read(_SNIFF_BYTES))
    except OSError:
        return False


class _Fetchers:
    """The fetcher of one read: the caller's, or one made (and closed) here when the first URL needs it."""

    def __init__(self, fetcher: Fetcher | None) -> None:
        self.given = fetcher
        self.made: Fetcher | None = None

    def get(self) -> Fetcher:
        if self.given is not None:
            return self.given
        if self.made is None:
            from ..config import load_settings

            self.made = Fetcher(load_settings().fetch)
        return self.made

    def __enter__(self) -> _Fetchers:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.made is not None:
            self.made.close()


def _read_lines(
    path: Path, reader: Callable[..., Iterator[Document | ReadFailure]], *, max_bytes: int
) -> Iterator[Document | ReadFailure]:
    try:
        with path.open("rb") as stream:
            yield from reader(stream, source=str(path), max_bytes=max_bytes)
    except OSError as exc:
        yield ReadFailure(str(path), InputError(f"cannot read {path}: {exc.strerror or exc}; check the file"))


def _read_stdin(*, max_bytes: int) -> Document | ReadFailure:
    try:
        return read_document(STDIN, max_bytes=max_bytes)
    except InputError as exc:
        return ReadFailure(STDIN_ORIGIN, exc)
