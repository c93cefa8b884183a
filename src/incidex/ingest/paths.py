"""Files, directories and stdin to a stream of documents and failures, never stopping on a bad input."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..types import Document
from .csvfile import read_csv_lines
from .failures import ReadFailure
from .html import document_from_html, read_html
from .jsonl import read_jsonl_lines
from .text import DEFAULT_MAX_BYTES
from .txt import read_bytes, read_txt, text_from_bytes

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
_SINGLE = {".txt": read_txt, ".html": read_html, ".htm": read_html}
_MULTI: dict[str, Callable[..., Iterator[Document | ReadFailure]]] = {
    ".jsonl": read_jsonl_lines,
    ".csv": read_csv_lines,
}
EXTENSIONS: tuple[str, ...] = (*_SINGLE, *_MULTI)


def read_paths(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | ReadFailure]:
    """Read every path in order: files by extension, directories recursively (sorted, hidden entries skipped),
    and ``"-"`` as one text document from stdin.

    Yields a :class:`~incidex.types.Document` per report and a :class:`ReadFailure` per input that gave none;
    ``max_bytes`` limits each .txt/.html file and each JSONL/CSV record.
    """
    for path in paths:
        if str(path) == STDIN:
            yield _read_stdin(max_bytes=max_bytes)
            continue
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, max_bytes=max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes=max_bytes)
        else:
            yield ReadFailure(str(path), str(InputError(f"{path} does not exist; check the path")), missing=True)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """One report file read as ``read_paths`` reads it (.html/.htm: the main text with the page's date, site name,
    title and URL; anything else decoded as plain text; ``"-"``: standard input).

    Raises the :class:`~incidex.errors.InputError` subclass that says why it cannot be read.
    """
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        return Document(text=text_from_bytes(data, origin=STDIN_ORIGIN, max_bytes=max_bytes), origin=STDIN_ORIGIN)
    path = Path(path)
    data = read_bytes(path, max_bytes=max_bytes)
    if path.suffix.lower() in (".html", ".htm"):
        return document_from_html(data, origin=str(path))
    return Document(text=text_from_bytes(data, origin=str(path), max_bytes=max_bytes), origin=str(path))


def _walk(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    return sorted(found)


def _read_file(path: Path, *, max_bytes: int) -> Iterator[Document | ReadFailure]:
    suffix = path.suffix.lower()
    if suffix in _SINGLE:
        try:
            yield _SINGLE[suffix](path, max_bytes=max_bytes)
        except InputError as exc:
            yield ReadFailure(str(path), str(exc))
    elif suffix in _MULTI:
        yield from _read_lines(path, _MULTI[suffix], max_bytes=max_bytes)
    else:
        known = ", ".join(EXTENSIONS)
        message = f"skipped {path}: unknown extension {suffix or '(none)'!r}; incidex reads {known}"
        yield ReadFailure(str(path), message, skipped=True)


def _read_lines(
    path: Path, reader: Callable[..., Iterator[Document | ReadFailure]], *, max_bytes: int
) -> Iterator[Document | ReadFailure]:
    try:
        with path.open("rb") as stream:
            yield from reader(stream, source=str(path), max_bytes=max_bytes)
    except OSError as exc:
        yield ReadFailure(str(path), str(InputError(f"cannot read {path}: {exc.strerror or exc}; check the file")))


def _read_stdin(*, max_bytes: int) -> Document | ReadFailure:
    try:
        return read_document(STDIN, max_bytes=max_bytes)
    except InputError as exc:
        return ReadFailure(STDIN_ORIGIN, str(exc))
