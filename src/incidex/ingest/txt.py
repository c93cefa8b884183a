"""Plain-text files: one document per file."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..types import Document
from .text import check_size, check_text, decode_bytes


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, refusing files over ``max_bytes`` before reading them."""
    try:
        check_size(path.stat().st_size, origin=str(path), max_bytes=max_bytes)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}; check the path and its permissions") from None


def text_from_bytes(data: bytes, *, origin: str, max_bytes: int) -> str:
    """Checked, decoded text of one plain-text document."""
    check_size(len(data), origin=origin, max_bytes=max_bytes)
    return check_text(decode_bytes(data, origin=origin), origin=origin)


def read_txt(path: Path, *, max_bytes: int) -> Document:
    """A Document for a text file; raises an :class:`~incidex.errors.InputError` subclass when it cannot."""
    text = text_from_bytes(read_bytes(path, max_bytes=max_bytes), origin=str(path), max_bytes=max_bytes)
    return Document(text=text, origin=str(path))
