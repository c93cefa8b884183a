"""Batched writes: the store's record cache and its bounded candidate windows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from incidex.config import Settings
from incidex.ingest_run import ingest
from incidex.resolve import CandidateWindow, Resolver
from incidex.store import Store, _candidates
from incidex.store.tables import incidents
from incidex.types import Document

from .store_helpers import corpus, fake_extract


def _ingest(store: Store, resolver: Resolver, documents: list[Document], *, batch_size: int = 8) -> None:
    ingest(documents, store=store, extract=fake_extract, resolver=resolver, batch_size=batch_size)


def test_cached_records_give_the_store_that_fresh_reads_give(tmp_path: Path, settings: Settings) -> None:
    documents = corpus(60)
    with Store(str(tmp_path / "cached.db")) as store:
        for start in range(0, 60, 20):
            _ingest(store, Resolver(settings), documents[start : start + 20])
        cached = store.dump()
    for start in range(0, 60, 20):  # a new Store and resolver per part: every candidate record is read back
        with Store(str(tmp_path / "fresh.db"), cached_records=1) as store:
            _ingest(store, Resolver(settings), documents[start : start + 20])
    with Store(str(tmp_path / "fresh.db")) as store:
        assert store.dump() == cached
    assert len(cached["incidents"]) < len(cached["records"])  # records were merged, so candidates were read


def _incident(number: int, *, window_from: str, window_to: str, country: str | None) -> dict[str, object]:
    return {
        "incident_id": f"inc-{number:04d}", "date": None, "date_precision": "unknown", "date_from": None,
        "date_to": None, "window_from": window_from, "window_to": window_to, "type": "bombing", "country": country,
        "perpetrators": [], "victims": [], "sources": [], "document_ids": [], "record_ids": [], "merged": {},
    }


@pytest.fixture
def dated_store(tmp_path: Path) -> Iterator[Store]:
    """Thirty one-day incidents in IQ, one a day through January 2024, and five in AF."""
    store = Store(str(tmp_path / "windows.db"))
    rows = [_incident(day, window_from=f"2024-01-{day:02d}", window_to=f"2024-01-{day:02d}", country="IQ")
            for day in range(1, 31)]
    rows += [_incident(100 + day, window_from=f"2024-01-{day:02d}", window_to=f"2024-01-{day:02d}", country="AF")
             for day in range(1, 6)]
    with store.engine.begin() as connection:
        connection.execute(sa.insert(incidents), rows)
    yield store
    store.close()


def _ids(store: Store, window: CandidateWindow) -> list[str]:
    with store.engine.connect() as connection:
        return _candidates.window_ids(connection, window)


def test_a_closed_window_selects_every_incident_it_reaches(dated_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_candidates, "UNBOUNDED_LIMIT", 3)
    found = _ids(dated_store, CandidateWindow("2024-01-10", "2024-01-20", "IQ"))
    assert sorted(found) == [f"inc-{day:04d}" for day in range(10, 21)]


def test_a_window_open_before_selects_the_latest_incidents_up_to_the_limit(
    dated_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_candidates, "UNBOUNDED_LIMIT", 3)
    found = _ids(dated_store, CandidateWindow(None, "2024-01-20", "IQ"))
    assert found == ["inc-0020", "inc-0019", "inc-0018"]


def test_a_window_open_after_selects_the_earliest_incidents_up_to_the_limit(
    dated_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_candidates, "UNBOUNDED_LIMIT", 3)
    found = _ids(dated_store, CandidateWindow("2024-01-04", None, None))
    assert found == ["inc-0004", "inc-0104", "inc-0005"]


def test_a_window_without_dates_selects_the_country_s_latest_incidents(
    dated_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_candidates, "UNBOUNDED_LIMIT", 2)
    assert _ids(dated_store, CandidateWindow(None, None, "AF")) == ["inc-0105", "inc-0104"]
    assert _ids(dated_store, CandidateWindow(None, None, None)) == ["inc-0030", "inc-0029"]


def _add_year_long_incidents(store: Store, count: int) -> None:
    """``count`` IQ incidents dated by the year 2024 (windows reaching from late 2023 into 2025)."""
    rows = [_incident(200 + n, window_from=f"2023-12-{20 + n:02d}", window_to="2025-01-03", country="IQ")
            for n in range(count)]
    with store.engine.begin() as connection:
        connection.execute(sa.insert(incidents), rows)


def test_a_narrow_window_takes_only_the_latest_starting_of_the_year_long_incidents(
    dated_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_year_long_incidents(dated_store, 6)
    monkeypatch.setattr(_candidates, "UNBOUNDED_LIMIT", 8)  # a quarter of it: two year-long incidents
    found = _ids(dated_store, CandidateWindow("2024-02-10", "2024-02-12", "IQ"))
    assert found == ["inc-0205", "inc-0204"]
    found = _ids(dated_store, CandidateWindow("2024-01-25", "2024-01-27", "IQ"))  # Dec 25 is within WIDE_DAYS
    assert sorted(found[:4]) == ["inc-0025", "inc-0026", "inc-0027", "inc-0205"]
    assert found[4:] == ["inc-0204", "inc-0203"]


def test_a_wide_window_selects_the_latest_incidents_up_to_the_limit(
    dated_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_year_long_incidents(dated_store, 2)
    monkeypatch.setattr(_candidates, "UNBOUNDED_LIMIT", 3)
    found = _ids(dated_store, CandidateWindow("2023-12-29", "2025-01-03", "IQ"))
    assert found == ["inc-0200", "inc-0201", "inc-0030"]
