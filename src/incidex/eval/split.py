"""A deterministic split of a dev file into ``tune`` (80 %) and ``check`` (20 %) by a hash of each document id.

Engineers tune on ``tune`` and report ``check`` beside it. The split depends on the id alone, so it is the same
on every machine, in every run and whatever the order or the subset of the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

SPLITS: tuple[str, ...] = ("all", "tune", "check")
TUNE_PERCENT = 80

T = TypeVar("T")


def split_of(doc_id: str) -> str:
    """``tune`` or ``check``: the first 8 bytes of the SHA-256 of the id, modulo 100, below 80 is ``tune``."""
    bucket = int.from_bytes(hashlib.sha256(doc_id.encode("utf-8")).digest()[:8], "big") % 100
    return "tune" if bucket < TUNE_PERCENT else "check"


def select(items: Iterable[T], *, split: str, key: Callable[[T], str], limit: int | None = None) -> list[T]:
    """The items of ``split`` (``all``, ``tune`` or ``check``) in input order, at most ``limit`` of them."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    chosen = [item for item in items if split == "all" or split_of(key(item)) == split]
    return chosen if limit is None else chosen[:limit]
