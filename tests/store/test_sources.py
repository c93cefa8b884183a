"""Watched sources in the store: "seen" marks written with their documents, polling state, skipped languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from incidex.batch import Outcome
from incidex.errors import FetchError, StoreError, UnsupportedInputError
from incidex.ingest import ReadFailure
from incidex.ingest_run import Tracked, ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.store.sources import PollRecord, SeenItem
from incidex.types import Document, DocumentInfo, Report

from .store_helpers import document_entry, fake_extract, incident_line

NOW = datetime(2024, 6, 16, 9, 30, tzinfo=UTC)


def seen_rows(store: Store) -> list[tuple[str, str, str | None]]:
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(
            sa.text("SELECT source, item_id, document_id FROM source_items ORDER BY source, item_id"))]


def test_items_are_marked_seen_in_the_transaction_that_stores_their_documents(store: Store,
                                                                               resolver: Resolver) -> None:
    store.register_source(name="feed", url="https://feed.invalid/rss", kind="news_media")
    store.write([document_entry(incident_line("Kabul", "2024-05-10", "bombing", 3), "d1")], resolver=resolver,
                items=[SeenItem("feed", "guid-1", "d1")])
    assert store.seen_items("feed") == {"guid-1"}
    before = store.dump()
    with pytest.raises(StoreError):  # a mark for a source the store does not know: the whole write is undone
        store.write([document_entry(incident_line("Mosul", "2024-05-11", "raid", 1), "d2")], resolver=resolver,
                    items=[SeenItem("unknown", "guid-2", "d2")])
    assert store.dump() == before


def test_tracked_inputs_are_marked_whatever_became_of_them(store: Store, resolver: Resolver) -> None:
    for name in ("a", "b"):
        store.register_source(name=name, url=f"https://{name}.invalid/feed", kind=None)
    story = incident_line("Kabul", "2024-05-10", "bombing", 3)
    items = [
        Tracked(Document(text=story, source="a"), "a", "a-1"),
        Tracked(Document(text="EXTRACTION-FAILS", source="a"), "a", "a-2"),
        Tracked(ReadFailure("a#a-3", FetchError("HTTP 404")), "a", "a-3"),
        Tracked(Document(text=story, source="b"), "b", "b-1"),  # the same story in another feed
        Tracked(ReadFailure("b#b-2", UnsupportedInputError("a service message"), skipped=True), "b", "b-2"),
    ]
    summary = ingest(items, store=store, extract=fake_extract, resolver=resolver, batch_size=1)
    assert (summary.new, summary.failed, summary.duplicate, summary.skipped) == (1, 2, 1, 1)
    assert [skip.error.message for skip in summary.skips] == ["a service message"]
    rows = seen_rows(store)
    document = rows[0][2]
    assert rows == [("a", "a-1", document), ("a", "a-2", rows[1][2]), ("a", "a-3", rows[2][2]),
                    ("b", "b-1", document), ("b", "b-2", None)]
    assert store.count("documents") == 3  # the story once, the failed extraction and the unreadable page


def test_a_stop_request_leaves_the_inputs_in_hand_unstored_and_unmarked(store: Store, resolver: Resolver) -> None:
    store.register_source(name="a", url="https://a.invalid/feed", kind=None)
    texts = [incident_line("Kabul", f"2024-05-{day:02d}", "bombing", day) for day in range(1, 6)]
    asked = []

    def stop() -> bool:
        asked.append(store.count("documents"))
        return len(asked) == 2  # after the second committed item

    items = [Tracked(Document(text=text), "a", f"a-{n}") for n, text in enumerate(texts)]
    summary = ingest(items, store=store, extract=fake_extract, resolver=resolver, batch_size=1, stop=stop)
    assert asked == [1, 2] and summary.new == 2
    assert store.seen_items("a") == {"a-0", "a-1"} and store.count("documents") == 2
    rest = ingest(items, store=store, extract=fake_extract, resolver=resolver, batch_size=1)
    assert (rest.new, rest.duplicate) == (3, 2)


def test_a_report_not_in_english_is_stored_skipped_with_its_language(store: Store, resolver: Resolver) -> None:
    text = "Боевики напали на полицейский пост в воскресенье."
    reason = "not extracted: the text is in Russian (ru)"

    def extract(documents):  # type: ignore[no-untyped-def]
        for document in documents:
            info = DocumentInfo(None, document.source, len(document.text), language="ru", warnings=[reason])
            yield Outcome(document, Report(info), skipped=reason)

    document = Document(text=text, source="TASS", source_kind="state_media", forwarded_from="Other channel")
    summary = ingest([document], store=store, extract=extract, resolver=resolver, batch_size=5)
    assert (summary.new, summary.failed, dict(summary.not_english)) == (1, 0, {"ru": 1})
    with store.engine.connect() as connection:
        row = connection.execute(sa.text("SELECT status, error, language, source_kind, forwarded_from "
                                         "FROM documents")).one()
    assert tuple(row) == ("skipped", reason, "ru", "state_media", "Other channel")
    assert store.count("records") == 0


def test_polls_record_validators_on_success_and_keep_them_on_failure(store: Store) -> None:
    store.register_source(name="feed", url="https://feed.invalid/rss", kind="news_media")
    store.save_poll("feed", PollRecord(at=NOW, next_poll=NOW + timedelta(minutes=15), etag='"v1"',
                                       last_modified="Sun, 16 Jun 2024 09:00:00 GMT"))
    later = NOW + timedelta(minutes=15)
    store.save_poll("feed", PollRecord(at=later, next_poll=later + timedelta(minutes=15), error="HTTP 503"))
    store.register_source(name="feed", url="https://feed.invalid/rss2", kind="state_media")
    state = store.source("feed")
    assert state is not None
    assert (state.url, state.kind, state.etag, state.last_modified) == (
        "https://feed.invalid/rss2", "state_media", '"v1"', "Sun, 16 Jun 2024 09:00:00 GMT")
    assert state.last_error == "HTTP 503"
    assert _utc(state.last_success) == NOW and _utc(state.last_error_at) == _utc(state.next_poll) - timedelta(
        minutes=15) == later
    assert store.source("other") is None


def test_sources_lists_every_source_with_its_count_of_seen_items(store: Store, resolver: Resolver) -> None:
    for name in ("b", "a"):
        store.register_source(name=name, url=f"/data/{name}", kind=None)
    store.write([], resolver=resolver, items=[SeenItem("a", str(n), None) for n in range(3)])
    assert [(s.name, s.seen) for s in store.sources()] == [("a", 3), ("b", 0)]


def _utc(moment: datetime | None) -> datetime:
    assert moment is not None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
