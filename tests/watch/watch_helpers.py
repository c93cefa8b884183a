"""Sources the watch tests serve and write: feeds of stand-in reports, a Telegram export, a sources file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from local_http import rss
from store.store_helpers import fake_extract, incident_line

from incidex.config import FetchSettings, load_settings
from incidex.ingest.fetch import Fetcher
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document
from incidex.watch import PollContext

CITIES = ("Kabul", "Mosul", "Maiduguri", "Rostov-on-Don")
TIME_COLUMNS = {"sources": ("last_success", "last_error_at", "next_poll")}  # when things ran, not what they stored


def report(n: int) -> str:
    """A stand-in report (one incident line), different for each ``n``."""
    return incident_line(CITIES[n % len(CITIES)], f"2024-05-{1 + n % 28:02d}", "bombing", n % 9) + f" Report {n}."


def feed(title: str, numbers: Iterable[int], *, prefix: str = "g") -> bytes:
    """An RSS feed whose entries carry stand-in reports as their full content."""
    return rss(title, [{"guid": f"{prefix}{n}", "title": f"Report {n}", "content": f"<p>{report(n)}</p>"}
                       for n in numbers])


def telegram_export(folder: Path, numbers: Iterable[int], *, name: str = "Channel") -> Path:
    """A Telegram Desktop export: a service message, then a post per number, and a photo without text."""
    messages: list[dict] = [{"id": 1, "type": "service", "action": "create_channel", "date_unixtime": "1717236000",
                             "text": "", "text_entities": []}]
    for n in numbers:
        messages.append({"id": 100 + n, "type": "message", "date_unixtime": "1718573400", "text": report(n),
                         "text_entities": [{"type": "plain", "text": report(n)}]})
    messages.append({"id": 999, "type": "message", "date_unixtime": "1718573400", "photo": "photos/p.jpg",
                     "text": "", "text_entities": []})
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "result.json").write_text(json.dumps({"name": name, "type": "public_channel", "id": 5,
                                                    "messages": messages}), encoding="utf-8")
    return folder


def sources_file(path: Path, sources: list[dict[str, object]]) -> Path:
    lines = []
    for source in sources:
        lines.append("[[source]]")
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in source.items())
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def fetch_settings(**changes: object) -> FetchSettings:
    values = {"user_agent": "incidex-test", "timeout": 1.0, "max_bytes": 50_000, "max_redirects": 3,
              "host_interval": 0.0, "retries": 1, "backoff": 0.01, "max_retry_after": 1.0}
    return FetchSettings(**{**values, **changes})  # type: ignore[arg-type]


def context(store: Store, fetcher: Fetcher, *, stop=lambda: False, delay: float = 0.0) -> PollContext:  # type: ignore[no-untyped-def]
    """What a poll needs, with the stand-in extractor (``delay`` seconds a document)."""
    import time

    def extract(documents: Iterable[Document]) -> Iterator:
        for outcome in fake_extract(documents):
            time.sleep(delay)
            yield outcome

    return PollContext(store=store, fetcher=fetcher, extract=extract, resolver=Resolver(load_settings()),
                       max_bytes=50_000, now=lambda: datetime.now(UTC), stop=stop)


def masked_dump(store: Store) -> dict[str, list[tuple]]:
    """The store's dump with the columns that say when polls ran set to None."""
    dump = store.dump()
    for table, columns in TIME_COLUMNS.items():
        from incidex.store.tables import metadata

        names = [column.name for column in metadata.tables[table].columns]
        dump[table] = [tuple(None if name in columns else value for name, value in zip(names, row, strict=True))
                       for row in dump[table]]
    return dump
