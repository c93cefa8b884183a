"""``explain`` on a real SQLite store filled through the store's own write path with the real resolver."""

from __future__ import annotations

import pytest
from incidex.cli.explain import render
from incidex.config import load_settings
from incidex.errors import NotFoundError
from incidex.resolve import Resolver
from incidex.store import DocumentEntry, Store
from incidex.types import DateValue, Document, DocumentInfo, Evidence, Figure, Incident, Report, Source
from resolve.resolve_helpers import ROSTOV

TEXTS = {
    "doc-a": "Six inmates took two guards hostage in Rostov-on-Don on Sunday. Special forces killed six of them, "
    "the Federal Penitentiary Service said.",
    "doc-b": "Special forces stormed a Rostov-on-Don detention center where inmates held two guards hostage on "
    "Sunday, killing five hostage-takers, state media reported.",
}


def report(document_id: str, killed: int, source: Source) -> DocumentEntry:
    text = TEXTS[document_id]
    start = text.index("killed") if "killed" in text else text.index("killing")
    incident = Incident(
        id="i1", role="main", type="hostage_taking", date=DateValue("2024-06-16", "day", "on Sunday"),
        location=ROSTOV,
        figures=[Figure("killed.perpetrators", killed, source.name, str(killed), start, start + 6)],
        sources=[source],
        evidence=[Evidence("type", "hostage", text.index("hostage"), text.index("hostage") + 7, "test")],
    )
    document = Document(text=text, id=document_id, published="2024-06-17")
    info = DocumentInfo(published="2024-06-17", source=None, chars=len(text), id=document_id)
    return DocumentEntry(document_id, "ok", document_id, document, Report(info, [incident]))


@pytest.fixture
def store(tmp_path) -> Store:
    with Store(f"sqlite:///{tmp_path / 'explain.db'}") as opened:
        resolver = Resolver(load_settings())
        opened.write([report("doc-a", 6, Source("Federal Penitentiary Service", "official"))], resolver=resolver)
        opened.write([report("doc-b", 5, Source("state media", "state_media"))], resolver=resolver)
        yield opened


def test_explain_shows_each_record_with_its_reasons(store):
    (row,) = list(store.incidents())
    explanation = store.explain(row.incident_id)
    assert [d.record_id for d in explanation.decisions] == ["doc-a:i1", "doc-b:i1"]
    first, second = explanation.decisions
    assert first.new_cluster and not second.new_cluster
    assert "same type family (hostage_taking)" in second.reasons
    assert explanation.merged["document_ids"] == ["doc-a", "doc-b"]
    text = render(explanation)
    assert "killed.perpetrators = 6: official figure (Federal Penitentiary Service" in text
    assert "(reports range 5-6)" in text and "joined with score" in text


def test_explain_unknown_incident_says_what_to_do(store):
    with pytest.raises(NotFoundError, match="no incident 'inc-nope'"):
        store.explain("inc-nope")
