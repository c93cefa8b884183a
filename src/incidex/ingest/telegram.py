"""Telegram Desktop channel exports (``result.json``, or the folder holding it): one document per message with text.

A message's text joins the text of its ``text_entities`` (plain text, bold, links, mentions, ...); its date comes
from ``date_unixtime`` (UTC); its source is the channel's name, of kind ``social_media``; its URL is
``https://t.me/<username>/<id>`` when the channel's username is known (given, or a ``username`` key in the
export); a forwarded message names the channel it was forwarded from. Service messages (channel created, photo
changed, pinned, ...) and messages with media but no text are skipped, each with its reason. A full-account export
(``chats.list``) is read chat by chat.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import EncodingError, FormatError, InputError, UnsupportedInputError
from ..types import Document, SourceKind
from .dates import published_or_warning
from .failures import ReadFailure
from .items import Item
from .text import check_size
from .txt import read_bytes

EXPORT_FILE = "result.json"
EXPORT_MAX_BYTES = 500_000_000  # the whole export is parsed at once; each message is held to input.max_bytes
SOCIAL_MEDIA: SourceKind = "social_media"
NOT_AN_EXPORT = "a JSON file but not a Telegram Desktop export (no \"messages\" list)"
MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "poll", "location_information", "contact_information",
              "game_title", "invoice_information")


def export_file(path: Path) -> Path | None:
    """The ``result.json`` of a Telegram export given as the file or its folder, else None."""
    if path.is_dir():
        path = path / EXPORT_FILE
        return path if path.is_file() else None
    return path if path.suffix.lower() == ".json" else None


def telegram_items(
    path: Path,
    *,
    max_bytes: int,
    username: str | None = None,
    name: str | None = None,
    kind: SourceKind | None = None,
) -> list[Item]:
    """The messages of the export at ``path`` (its ``result.json``), in export order; item ids are message ids
    (``chat id/message id`` in a full-account export). ``name`` and ``kind`` override the channel's name and kind.

    Raises an :class:`InputError` subclass when the file cannot be read or is no Telegram export.
    """
    chats = _chats(_load(path))
    if not chats:
        raise FormatError(f"{path}: {NOT_AN_EXPORT}; export the channel from Telegram Desktop in JSON format")
    return _items(chats, origin=str(path), max_bytes=max_bytes, username=username, name=name, kind=kind)


def read_telegram_export(path: Path, *, max_bytes: int) -> Iterator[Document | ReadFailure]:
    """The messages of a Telegram export as documents, and skips with their reasons; a JSON file that is no
    Telegram export is skipped too, one that cannot be read fails."""
    try:
        chats = _chats(_load(path))
    except InputError as exc:
        yield ReadFailure(str(path), exc)
        return
    if not chats:
        yield ReadFailure(str(path), UnsupportedInputError(NOT_AN_EXPORT), skipped=True)
        return
    for item in _items(chats, origin=str(path), max_bytes=max_bytes):
        yield item.read()


def _items(chats: list[dict], *, origin: str, max_bytes: int, username: str | None = None, name: str | None = None,
           kind: SourceKind | None = None) -> list[Item]:
    several = len(chats) > 1
    items = []
    for chat in chats:
        channel = _Channel(chat, origin=origin, username=username, name=name, kind=kind or SOCIAL_MEDIA)
        for message in chat["messages"]:
            if not isinstance(message, dict) or "id" not in message:
                continue
            item_id = f"{chat.get('id')}/{message['id']}" if several else str(message["id"])
            result = channel.read(message, max_bytes=max_bytes)
            items.append(Item(item_id, lambda result=result: result))
    return items


class _Channel:
    def __init__(self, chat: dict, *, origin: str, username: str | None, name: str | None, kind: SourceKind) -> None:
        self.name = name or _text(chat.get("name")) or None
        self.username = (username or _text(chat.get("username"))).lstrip("@") or None
        self.origin = origin
        self.kind = kind

    def read(self, message: dict, *, max_bytes: int) -> Document | ReadFailure:
        origin = f"{self.origin}:message {message['id']}"
        if message.get("type") != "message":
            action = message.get("action") or message.get("type") or "unknown"
            return ReadFailure(origin, UnsupportedInputError(f"a service message ({action}), not a post"), skipped=True)
        text = _message_text(message).strip()
        if not text:
            media = next((key for key in MEDIA_KEYS if message.get(key)), None)
            why = f"media ({media}) without text" if media else "a message without text"
            return ReadFailure(origin, UnsupportedInputError(why), skipped=True)
        try:
            check_size(len(text.encode("utf-8", "surrogatepass")), origin=origin, max_bytes=max_bytes)
        except InputError as exc:
            return ReadFailure(origin, exc)
        published, warnings = _date(message)
        return Document(
            text=text,
            published=published,
            source=self.name,
            url=f"https://t.me/{self.username}/{message['id']}" if self.username else None,
            origin=origin,
            source_kind=self.kind,
            forwarded_from=_text(message.get("forwarded_from")) or None,
            warnings=warnings,
        )


def _load(path: Path) -> object:
    data = read_bytes(path, max_bytes=EXPORT_MAX_BYTES)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{path}: not valid UTF-8 (bad byte at offset {exc.start}); is it a Telegram export?")\
            from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}); export the channel again "
                          "from Telegram Desktop in JSON format") from None


def _chats(export: object) -> list[dict]:
    """The chats of an export: itself for a one-chat export, those of ``chats.list`` for a full-account one."""
    if isinstance(export, dict) and isinstance(export.get("messages"), list):
        return [export]
    chats = export.get("chats") if isinstance(export, dict) else None
    if isinstance(chats, dict) and isinstance(chats.get("list"), list):
        return [chat for chat in chats["list"] if isinstance(chat, dict) and isinstance(chat.get("messages"), list)]
    return []


def _message_text(message: dict) -> str:
    """The text of a message: its text entities joined, else its ``text`` field (a string or a list of parts)."""
    entities = message.get("text_entities")
    if isinstance(entities, list) and entities:
        return "".join(_text(entity.get("text")) for entity in entities if isinstance(entity, dict))
    text = message.get("text")
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else _text(part.get("text")) for part in text
                       if isinstance(part, str | dict))
    return _text(text)


def _date(message: dict) -> tuple[str | None, list[str]]:
    """The UTC date of ``date_unixtime``; older exports have only ``date``, the exporting machine's local time (a
    value that is not a date is kept as unknown, with a warning)."""
    stamp = message.get("date_unixtime")
    if isinstance(stamp, str | int) and str(stamp).isdigit():
        try:
            return dt.datetime.fromtimestamp(int(stamp), dt.UTC).date().isoformat(), []
        except (OverflowError, OSError, ValueError):  # a stamp beyond the years a date can hold
            return published_or_warning(f"date_unixtime {stamp}")
    return published_or_warning(message.get("date"))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""

