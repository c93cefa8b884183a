"""CSV files with a header row: a ``text`` column plus optional metadata columns; a bad row fails alone."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from ..errors import EncodingError, FormatError, InputError
from ..types import Document
from .failures import ReadFailure
from .records import document_from_record, record_id


def read_csv_lines(lines: Iterable[bytes], *, source: str, max_bytes: int) -> Iterator[Document | ReadFailure]:
    """Documents from the raw lines of a CSV file; origins are ``source:row N`` (N counts data rows from 1)."""
    # Undecodable bytes are kept as surrogates so that one bad row cannot stop the reader; that row fails below.
    text_lines = (line.decode("utf-8", "surrogateescape") for line in lines)
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))  # our own size check reports long fields
    reader = csv.DictReader(_strip_bom(text_lines))
    try:
        columns = reader.fieldnames
    except csv.Error as exc:
        yield ReadFailure(source, FormatError(f"{source}: unreadable CSV header ({exc}); fix the first row"))
        return
    if not columns or "text" not in columns:
        message = f"{source}: no \"text\" column in the CSV header (found {columns or 'nothing'}); add one"
        yield ReadFailure(source, FormatError(message))
        return
    number = 0
    while True:
        number += 1
        origin = f"{source}:row {number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadFailure(origin, FormatError(f"{origin}: malformed CSV ({exc}); fix the row"))
            continue
        try:
            yield _document(row, origin=origin, max_bytes=max_bytes)
        except InputError as exc:
            yield ReadFailure(origin, exc, id=record_id(row))


def _document(row: dict, *, origin: str, max_bytes: int) -> Document:
    if None in row:
        raise FormatError(f"{origin}: more fields than the header has columns; quote fields that contain commas")
    if any(_has_surrogates(value) for value in row.values() if value):
        raise EncodingError(f"{origin}: not valid UTF-8; re-save the file as UTF-8")
    return document_from_record(row, origin=origin, max_bytes=max_bytes)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _strip_bom(lines: Iterator[str]) -> Iterator[str]:
    first = next(lines, None)
    if first is None:
        return
    yield first.removeprefix("\ufeff")
    yield from lines
