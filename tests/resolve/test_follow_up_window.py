"""A follow-up report (an arrest naming the perpetrators) meets its event stored by an earlier batch."""

from __future__ import annotations

import pytest
from store.store_helpers import store_url_for

from incidex.resolve import Resolver
from incidex.store import Store
from incidex.store.repository import DocumentEntry
from incidex.types import DateValue, Document, DocumentInfo, Incident, Location, Perpetrator, Report

from .resolve_helpers import make_record

KABUL = Location("Kabul", "AF", "Kabul", 34.53, 69.17, "city")


def _entry(key: str, text: str, *, kind: str, date: str, actor: str, location: Location = KABUL) -> DocumentEntry:
    incident = Incident(
        id="i1", role="main", type=kind, date=DateValue(date, "day", date),  # type: ignore[arg-type]
        location=location, perpetrators=[Perpetrator(text=actor, name=actor, kind="organization")], summary=text,
    )
    document = Document(text=text, published=date, source=f"Outlet {key}", origin=f"{key}.txt")
    return DocumentEntry(key, "ok", key * 8, document, Report(DocumentInfo(date, f"Outlet {key}", len(text)),
                                                                 [incident]))


def test_window_of_a_dated_arrest_naming_perpetrators_reaches_back_to_them(resolver: Resolver) -> None:
    arrest = resolver.window(make_record("a", kind="arrest", date="2024-09-01", actors=("The Red Hand",)))
    assert arrest.follow_up_from == "2023-07-29" and arrest.actors == ("Red Hand",)
    attack = resolver.window(make_record("b", kind="bombing", date="2024-09-01", actors=("Red Hand",)))
    nameless = resolver.window(make_record("c", kind="arrest", date="2024-09-01"))
    assert attack.follow_up_from is None and nameless.follow_up_from is None and attack.actors == ()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_arrest_months_later_joins_its_bombing_stored_by_an_earlier_batch(backend, tmp_path, resolver) -> None:
    bombing = ("A car bomb of the Red Hand killed nine people outside the Zarghona market in Kabul; "
               "Governor Haqmal blamed the Red Hand.")
    arrest = ("Police arrested three members of the Red Hand over the Zarghona market car bomb in Kabul, "
              "Governor Haqmal said.")
    other = "The Red Hand claimed a rocket attack on a checkpoint in Kabul."
    with store_url_for(backend, tmp_path) as url, Store(url) as store:
        store.write([_entry("bomb", bombing, kind="bombing", date="2024-01-10", actor="Red Hand")], resolver=resolver)
        store.write([_entry("rocket", other, kind="shelling", date="2024-03-02", actor="Red Hand")],
                    resolver=resolver)
        store.write([_entry("held", arrest, kind="arrest", date="2024-06-20", actor="the Red Hand")],
                    resolver=resolver)
        by_document = {tuple(row.document_ids): row for row in store.incidents()}
    assert set(by_document) == {("bomb", "held"), ("rocket",)}
