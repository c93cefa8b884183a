"""An item of a feed, a channel export or a web page: its id in that source, and how to read it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..types import Document
from .failures import ReadFailure


@dataclass(frozen=True)
class Item:
    """``read`` gives the item's document, or the failure that stands for it; it may fetch a linked page, so a
    watcher calls it only for items it has not seen."""

    item_id: str
    read: Callable[[], Document | ReadFailure]


def reading(origin: str, build: Callable[[], Document]) -> Callable[[], Document | ReadFailure]:
    """``build`` as an item's ``read``: an :class:`InputError` it raises becomes a ReadFailure of ``origin``."""

    def read() -> Document | ReadFailure:
        try:
            return build()
        except InputError as exc:
            return ReadFailure(origin, exc)

    return read


def read_items(origin: str, listing: Callable[[], list[Item]]) -> Iterator[Document | ReadFailure]:
    """Read every item ``listing`` gives; when the listing itself fails, one ReadFailure of ``origin``."""
    try:
        items = listing()
    except InputError as exc:
        yield ReadFailure(origin, exc)
        return
    for item in items:
        yield item.read()
