"""JSON Lines: one report object per line; a bad line fails alone and the rest are read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import EncodingError, FormatError, InputError
from ..types import Document
from .failures import ReadFailure
from .records import document_from_record, record_id


def read_jsonl_lines(lines: Iterable[bytes], *, source: str, max_bytes: int) -> Iterator[Document | ReadFailure]:
    """Documents from raw JSONL lines; ``source`` names the file in each origin (``source:line N``)."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        origin = f"{source}:line {number}"
        record = None
        try:
            record = _parse(raw, origin=origin)
            yield document_from_record(record, origin=origin, max_bytes=max_bytes)
        except InputError as exc:
            yield ReadFailure(origin, exc, id=record_id(record))


def _parse(raw: bytes, *, origin: str) -> object:
    try:
        line = raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        message = f"{origin}: not valid UTF-8 (bad byte at column {exc.start + 1}); re-save as UTF-8"
        raise EncodingError(message) from None
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        reason = exc.msg.removesuffix(" at")  # json says "Invalid control character at"; we add the column
        raise FormatError(f"{origin}: not valid JSON ({reason} at column {exc.colno}); fix or drop the line") from None
