"""Corrections in the store: merge and split undo restore the exact state before, across re-ingest, on both backends."""

from __future__ import annotations

import io
from typing import Any

import pytest
import sqlalchemy as sa

from incidex.errors import ConflictError, NotFoundError
from incidex.export.csv import export_csv
from incidex.export.jsonl import export_jsonl
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Operation, Store
from incidex.store.tables import assignments, incidents
from incidex.types import Document

from .store_helpers import fake_extract, incident_line

WHO = {"who": "analyst@example.org", "why": "same event"}
DOCUMENTS = [
    Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4), id="d1", source="A", published="2024-05-11"),
    Document(text=incident_line("Kabul", "2024-05-10", "bombing", 6) + " Later.", id="d2", source="B",
             published="2024-05-12"),
    Document(text=incident_line("Mosul", "2024-03-02", "armed_assault", 2), id="d3", source="C",
             published="2024-03-03"),
    Document(text=incident_line("Maiduguri", "2024-04-07", "kidnapping", 0), id="d4", source="D",
             published="2024-04-08"),
]
EXTRACTED = ("documents", "records", "evidence")
DERIVED = ("assignments", "incidents")


def _ingest(store: Store, resolver: Resolver, documents: list[Document]) -> None:
    ingest(documents, store=store, extract=fake_extract, resolver=resolver, batch_size=10)


@pytest.fixture
def seeded(store: Store, resolver: Resolver) -> Store:
    _ingest(store, resolver, DOCUMENTS)
    return store


def _id_of(store: Store, document_id: str) -> str:
    with store.engine.connect() as connection:
        return connection.execute(
            sa.select(assignments.c.cluster_id).where(assignments.c.record_id == f"{document_id}:i1")
        ).scalar_one()


def _operations(store: Store, incident_id: str) -> list[Operation]:
    """The merges and splits that took or produced the incident, oldest first."""
    _, changes = store.corrections(incident_id=incident_id, limit=500)
    return [change for change in reversed(changes) if isinstance(change, Operation)]


def _state(store: Store) -> dict[str, Any]:
    """What an analyst sees: stored rows (extracted and derived) and both exports."""
    tables = store.dump()
    csv_out, jsonl_out = io.StringIO(), io.StringIO()
    export_csv(store, store.incidents(), csv_out)
    export_jsonl(store, store.incidents(), jsonl_out)
    return {**{name: tables[name] for name in (*EXTRACTED, *DERIVED)}, "csv": csv_out.getvalue(),
            "jsonl": jsonl_out.getvalue()}


def _members(store: Store) -> dict[str, list[str]]:
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(incidents.c.incident_id, incidents.c.record_ids)).all()
    return {incident_id: sorted(record_ids) for incident_id, record_ids in rows}


def test_seed_gives_three_incidents_with_kabul_reported_twice(seeded: Store) -> None:
    members = _members(seeded)
    assert sorted(members.values()) == [["d1:i1", "d2:i1"], ["d3:i1"], ["d4:i1"]]


def test_undoing_a_three_way_merge_restores_ids_members_figures_and_exports(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul, maiduguri = (_id_of(seeded, d) for d in ("d1", "d3", "d4"))
    before = _state(seeded)
    target = seeded.merge_incidents([mosul, kabul, maiduguri], resolver=resolver, **WHO)
    assert target == mosul and list(_members(seeded)) == [mosul]
    merged = _state(seeded)
    assert merged["csv"] != before["csv"]
    assert all(merged[name] == before[name] for name in EXTRACTED)  # nothing extracted is touched

    (operation,) = _operations(seeded, kabul)
    undone = seeded.undo_operation(operation.id, resolver=resolver, who="lead", why="different events")
    assert undone.undone and undone.undo is not None
    assert (undone.undo.who, undone.undo.why) == ("lead", "different events")
    assert _state(seeded) == before


def test_undoing_a_split_restores_the_incident_exactly(seeded: Store, resolver: Resolver) -> None:
    kabul = _id_of(seeded, "d1")
    before = _state(seeded)
    new_id = seeded.split_incident(kabul, ["d2:i1"], resolver=resolver, **WHO)
    assert _members(seeded)[new_id] == ["d2:i1"] and _members(seeded)[kabul] == ["d1:i1"]
    (operation,) = _operations(seeded, new_id)
    assert (operation.kind, operation.incident_ids, operation.result_ids) == ("split", [kabul], [kabul, new_id])

    seeded.undo_operation(operation.id, resolver=resolver)
    assert _state(seeded) == before
    assert new_id not in _members(seeded)


def test_undo_refuses_out_of_order_and_names_the_operation_to_undo_first(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul, maiduguri = (_id_of(seeded, d) for d in ("d1", "d3", "d4"))
    before = _state(seeded)
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    seeded.merge_incidents([maiduguri, kabul], resolver=resolver, **WHO)
    first, second = _operations(seeded, kabul)
    with pytest.raises(ConflictError, match=rf"undo merge {second.id} by analyst@example.org first"):
        seeded.undo_operation(first.id, resolver=resolver)
    seeded.undo_operation(second.id, resolver=resolver)
    seeded.undo_operation(first.id, resolver=resolver)
    assert _state(seeded) == before


def test_operations_undo_in_any_order_when_they_moved_different_records(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul = _id_of(seeded, "d1"), _id_of(seeded, "d3")
    before = _state(seeded)
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    split_id = seeded.split_incident(kabul, ["d2:i1"], resolver=resolver, **WHO)
    merge, split = _operations(seeded, kabul)
    seeded.undo_operation(merge.id, resolver=resolver)  # d3 is still where the merge put it
    assert _members(seeded)[mosul] == ["d3:i1"] and _members(seeded)[split_id] == ["d2:i1"]
    seeded.undo_operation(split.id, resolver=resolver)
    assert _state(seeded) == before


def test_undoing_twice_changes_nothing_and_unknown_ids_are_not_found(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul = _id_of(seeded, "d1"), _id_of(seeded, "d3")
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    (operation,) = _operations(seeded, kabul)
    first = seeded.undo_operation(operation.id, resolver=resolver, who="lead")
    after = _state(seeded)
    assert seeded.undo_operation(operation.id, resolver=resolver, who="other") == first
    assert _state(seeded) == after
    with pytest.raises(NotFoundError, match="no merge or split with id 999"):
        seeded.undo_operation(999, resolver=resolver)


def test_field_corrections_of_a_merged_away_incident_return_with_the_undo(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul = _id_of(seeded, "d1"), _id_of(seeded, "d3")
    seeded.correct(mosul, field="casualties.killed.total", value=9, resolver=resolver, **WHO)
    corrected = _state(seeded)
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    (operation,) = _operations(seeded, mosul)
    seeded.undo_operation(operation.id, resolver=resolver)
    assert _state(seeded) == corrected
    with seeded.engine.connect() as connection:
        killed = connection.execute(sa.select(incidents.c.killed).where(incidents.c.incident_id == mosul))
        assert killed.scalar_one() == 9


def test_undoing_a_field_correction_records_who_and_why(seeded: Store, resolver: Resolver) -> None:
    kabul = _id_of(seeded, "d1")
    before = _state(seeded)
    made = seeded.correct(kabul, field="type", value="arson", resolver=resolver, **WHO)
    undone = seeded.undo_correction(made.id, resolver=resolver, who="lead", why="it was a bomb")
    assert undone.undone and undone.undo is not None and (undone.undo.who, undone.undo.why) == ("lead", "it was a bomb")
    assert made.undo is None
    assert _state(seeded) == before


def test_history_lists_every_kind_newest_first_and_per_incident(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul, maiduguri = (_id_of(seeded, d) for d in ("d1", "d3", "d4"))
    seeded.correct(kabul, field="casualties.killed.total", value=5, resolver=resolver, **WHO)
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    split_id = seeded.split_incident(kabul, ["d2:i1"], resolver=resolver, **WHO)
    seeded.correct(maiduguri, field="type", value="arson", resolver=resolver, **WHO)

    total, items = seeded.corrections()
    assert total == 4
    assert [(type(i).__name__, getattr(i, "kind", getattr(i, "field", None))) for i in items] == [
        ("Correction", "type"), ("Operation", "split"), ("Operation", "merge"),
        ("Correction", "casualties.killed.total"),
    ]
    assert all(i.who == WHO["who"] and i.why == WHO["why"] and i.at for i in items)
    total, page = seeded.corrections(limit=2, offset=1)
    assert total == 4 and page == items[1:3]

    assert [type(i).__name__ for i in seeded.corrections(incident_id=kabul)[1]] == [
        "Operation", "Operation", "Correction"
    ]
    assert [getattr(i, "kind", None) for i in seeded.corrections(incident_id=mosul)[1]] == ["merge"]
    assert [getattr(i, "kind", None) for i in seeded.corrections(incident_id=split_id)[1]] == ["split"]
    assert seeded.corrections(incident_id="no-such-incident") == (0, [])


def test_reingest_keeps_an_active_merge_and_split(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul = _id_of(seeded, "d1"), _id_of(seeded, "d3")
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    split_id = seeded.split_incident(kabul, ["d2:i1"], resolver=resolver, **WHO)
    corrected = _state(seeded)
    _ingest(seeded, resolver, DOCUMENTS)  # the same reports again: duplicates, nothing changes
    assert _state(seeded) == corrected

    again = [
        Document(text=DOCUMENTS[2].text + " Follow-up.", id="d5", source="E", published="2024-03-04"),
        Document(text=DOCUMENTS[1].text + " Follow-up.", id="d6", source="F", published="2024-05-13"),
    ]
    _ingest(seeded, resolver, again)
    members = _members(seeded)
    assert mosul not in members  # merged away and not brought back by a new report about it
    assert {"d1:i1", "d3:i1"} <= set(members[kabul]) and "d2:i1" in members[split_id]
    assert all(not op.undone for op in _operations(seeded, kabul))


def test_reingest_keeps_undone_operations_undone(seeded: Store, resolver: Resolver) -> None:
    kabul, mosul = _id_of(seeded, "d1"), _id_of(seeded, "d3")
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    (operation,) = _operations(seeded, kabul)
    seeded.undo_operation(operation.id, resolver=resolver)
    _ingest(seeded, resolver, [*DOCUMENTS, Document(text=DOCUMENTS[2].text + " Follow-up.", id="d5", source="E",
                                                    published="2024-03-04")])
    members = _members(seeded)
    assert members[kabul] == ["d1:i1", "d2:i1"] and "d3:i1" in members[mosul]
    assert _operations(seeded, kabul)[0].undone


def test_undo_keeps_records_that_joined_later_where_the_resolver_put_them(seeded: Store, resolver: Resolver) -> None:
    kabul = _id_of(seeded, "d1")
    split_id = seeded.split_incident(kabul, ["d2:i1"], resolver=resolver, **WHO)
    _ingest(seeded, resolver, [Document(text=DOCUMENTS[0].text + " Update.", id="d7", source="G",
                                        published="2024-05-12")])
    home = _id_of(seeded, "d7")
    assert home in (kabul, split_id)
    (operation,) = _operations(seeded, split_id)
    seeded.undo_operation(operation.id, resolver=resolver)
    members = _members(seeded)
    assert {"d1:i1", "d2:i1"} <= set(members[kabul]) and _id_of(seeded, "d7") == home


def test_a_field_correction_undone_while_merged_away_stays_undone_after_the_merge_is_undone(
    seeded: Store, resolver: Resolver
) -> None:
    kabul, mosul = _id_of(seeded, "d1"), _id_of(seeded, "d3")
    before = _state(seeded)
    made = seeded.correct(mosul, field="casualties.killed.total", value=9, resolver=resolver, **WHO)
    seeded.merge_incidents([kabul, mosul], resolver=resolver, **WHO)
    seeded.undo_correction(made.id, resolver=resolver)
    (operation,) = _operations(seeded, mosul)
    seeded.undo_operation(operation.id, resolver=resolver)
    assert _state(seeded) == before
