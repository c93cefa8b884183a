"""Bytes to text, the checks every document passes, and the content hash.

Readers decode with :func:`decode_bytes` (refusing binary content and guessing an encoding only when the guess is
safe) and finish with :func:`check_text`. :func:`content_hash` is the document key the store uses: the SHA-256 of
the text after :func:`normalize_text`, so two copies that differ only in spacing or Unicode composition share it.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

from ..errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that do not occur in text files (tab, newlines, form feed and escape are allowed).
_CONTROL_BYTES = bytes(range(0x01, 0x09)) + b"\x0e\x0f" + bytes(range(0x10, 0x1B)) + b"\x1c\x1d\x1e\x1f\x7f"
_SNIFF_BYTES = 65536
_MAX_CONTROL_SHARE = 0.05
# Guessed cp1252 is accepted only when non-ASCII characters are this rare, as in Western text (a declared
# encoding is trusted further).
_MAX_FALLBACK_NON_ASCII_SHARE = 0.1
_FALLBACK_ENCODING = "cp1252"


def check_size(size: int, *, origin: str, max_bytes: int) -> None:
    """Raise :class:`InputTooLargeError` when ``size`` bytes exceed ``max_bytes``."""
    if size > max_bytes:
        raise InputTooLargeError(
            f"{origin} is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
            "split it or raise input.max_bytes in your settings"
        )


def is_binary(data: bytes) -> bool:
    """True for content with NUL bytes or many control bytes in its first 64 KiB."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, *, origin: str, declared: str | None = None) -> str:
    """Decode a whole text file: BOM, else UTF-8, else ``declared`` or cp1252 when that is clearly valid.

    Newlines are normalized to ``\\n``. Raises :class:`BinaryInputError` or :class:`EncodingError`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{origin} starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(bad byte at offset {exc.start + len(bom)}); re-save it as UTF-8"
                ) from None
    if is_binary(data):
        raise BinaryInputError(f"{origin} looks binary (NUL or control bytes), not text; give incidex text files")
    try:
        return _newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guesses = [(declared, 1.0)] if declared else []
    guesses.append((_FALLBACK_ENCODING, _MAX_FALLBACK_NON_ASCII_SHARE))
    for encoding, max_non_ascii in guesses:
        text = _clear_fallback(data, encoding, max_non_ascii=max_non_ascii)
        if text is not None:
            return _newlines(text)
    raise EncodingError(
        f"{origin} is not valid UTF-8 (bad byte at offset {first_bad}) and no other encoding fits clearly; "
        "re-save it as UTF-8"
    )


def _clear_fallback(data: bytes, encoding: str, *, max_non_ascii: float) -> str | None:
    """``data`` decoded with ``encoding`` if it decodes strictly, without control or unassigned characters and
    with at most a ``max_non_ascii`` share of non-ASCII characters; else None."""
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    non_ascii_count = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii_count > max_non_ascii * len(text):
        return None
    if any(ord(char) > 0x7F and unicodedata.category(char) in ("Cc", "Co", "Cn") for char in set(text)):
        return None
    return text


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, *, origin: str) -> str:
    """Return ``text`` unchanged; raise :class:`EmptyInputError` when it has nothing but whitespace and
    :class:`BinaryInputError` when it holds NUL characters."""
    if not text.strip():
        raise EmptyInputError(f"{origin}: empty document, no text; remove it or fix the file that produced it")
    if "\x00" in text:
        raise BinaryInputError(f"{origin} contains NUL characters, so it is not plain text; remove them")
    return text


def normalize_text(text: str) -> str:
    """Unicode NFC, every run of whitespace collapsed to one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str, doc_id: str | None = None) -> str:
    """Hex SHA-256 of the normalized text, prefixed by ``doc_id`` when given (the store's document key).

    Raises :class:`EmptyInputError` when the text is empty after normalization.
    """
    normalized = normalize_text(text)
    if not normalized:
        raise EmptyInputError(f"empty document{f' {doc_id}' if doc_id else ''}: nothing to hash; skip it")
    key = normalized if doc_id is None else f"{doc_id}\x1f{normalized}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
