from __future__ import annotations

import sqlalchemy as sa

from incidex.errors import ConflictError, EmptyInputError, EncodingError, ExtractionError, UnsupportedInputError
from incidex.ingest import ReadFailure
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document

from .store_helpers import corpus, fake_extract, incident_line


def run(store: Store, resolver: Resolver, items: list, *, batch_size: int = 5):  # type: ignore[no-untyped-def]
    return ingest(items, store=store, extract=fake_extract, resolver=resolver, batch_size=batch_size)


def statuses(store: Store) -> dict[str, tuple[str, str | None]]:
    with store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT document_id, status, error FROM documents")).all()
    return {key: (status, error) for key, status, error in rows}


def test_ingesting_the_same_corpus_twice_adds_nothing(store: Store, resolver: Resolver) -> None:
    documents = corpus(40)
    first = run(store, resolver, documents)
    assert (first.read, first.new, first.duplicate, first.failed) == (40, 40, 0, 0)
    assert first.records == store.count("records") > 40
    before = store.dump()
    second = run(store, resolver, corpus(40))
    assert (second.read, second.new, second.duplicate, second.records) == (40, 0, 40, 0)
    assert store.dump() == before


def test_copies_that_differ_only_in_spacing_are_duplicates(store: Store, resolver: Resolver) -> None:
    text = incident_line("Kabul", "2024-05-10", "bombing", 4)
    summary = run(store, resolver, [Document(text=text), Document(text="  " + text.replace(" ", "\n  "))])
    assert (summary.new, summary.duplicate) == (1, 1)


def test_given_ids_key_documents_and_record_ids(store: Store, resolver: Resolver) -> None:
    run(store, resolver, [Document(text=incident_line("Mosul", "2024-05-10", "raid", 1), id="afp-1")])
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT record_id FROM records")).scalars().all() == ["afp-1:i1"]


def test_a_failing_document_is_recorded_and_the_batch_goes_on(store: Store, resolver: Resolver) -> None:
    good = incident_line("Kabul", "2024-05-10", "bombing", 4)
    items = [
        Document(text=good, id="ok-1"),
        Document(text="EXTRACTION-FAILS here", id="bad-1"),
        ReadFailure("broken.txt", EncodingError("not valid UTF-8")),
        ReadFailure("logo.png", UnsupportedInputError("unknown extension"), skipped=True),
        Document(text="   ", id="empty-1", origin="empty.txt"),
        Document(text="NUL \x00 inside", id="nul-1"),
        Document(text=incident_line("Mosul", "2024-05-11", "raid", 1), id="ok-2"),
    ]
    summary = run(store, resolver, items, batch_size=2)
    assert (summary.read, summary.new, summary.failed, summary.skipped) == (7, 2, 4, 1)
    found = statuses(store)
    assert found["ok-1"][0] == found["ok-2"][0] == "ok"
    assert found["bad-1"] == ("failed", "[E900] stand-in extractor refused this document")  # stored with its code
    assert found["empty-1"][0] == "failed" and "empty" in (found["empty-1"][1] or "")
    assert found["nul-1"][0] == "failed" and "NUL" in (found["nul-1"][1] or "")
    assert [s for s, _ in found.values()].count("unreadable") == 1
    assert {f.origin for f in summary.failures} >= {"broken.txt", "empty.txt"}
    codes = {f.origin: type(f.error) for f in summary.failures}
    assert (codes["broken.txt"], codes["empty.txt"]) == (EncodingError, EmptyInputError)
    assert ExtractionError in codes.values() and [type(s.error) for s in summary.skips] == [UnsupportedInputError]
    again = run(store, resolver, items, batch_size=2)
    assert (again.new, again.duplicate, again.failed) == (0, 6, 0)


def test_a_known_id_with_other_text_is_refused_not_overwritten(store: Store, resolver: Resolver) -> None:
    run(store, resolver, [Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4), id="x")])
    before = store.dump()
    summary = run(store, resolver, [Document(text=incident_line("Kabul", "2024-05-10", "bombing", 9), id="x")])
    assert summary.failed == 1 and isinstance(summary.failures[0].error, ConflictError)
    assert "already stored with other text" in summary.failures[0].error.message
    assert store.dump() == before


def test_progress_is_reported_and_counts_add_up(store: Store, resolver: Resolver) -> None:
    seen = []
    summary = ingest(
        corpus(12),
        store=store,
        extract=fake_extract,
        resolver=resolver,
        batch_size=4,
        progress=lambda s: seen.append(s.done),
    )
    assert seen[-1] == summary.done == summary.read == 12
    assert seen == sorted(seen)
