"""Hand-built documents, reports and a deterministic stand-in extractor for store, export and CLI tests.

The stand-in reads one line per incident, ``City (CC), YYYY-MM-DD: A TYPE killed N people.``, so the tests
control every field without loading spaCy. A text containing ``EXTRACTION-FAILS`` gives an error outcome.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from incidex.batch import Outcome
from incidex.config import Settings
from incidex.errors import ExtractionError
from incidex.store import DocumentEntry, migrate
from incidex.store._engine import engine_for
from incidex.types import (
    Casualties,
    CasualtyCount,
    DateValue,
    Document,
    DocumentInfo,
    Evidence,
    Incident,
    Location,
    Perpetrator,
    Report,
)

POSTGRES_ENV = "INCIDEX_TEST_POSTGRES_URL"
CITIES = {  # country, admin1, its ISO 3166-2 code, lat, lon
    "Kabul": ("AF", "Kabul", "AF-KAB", 34.53, 69.17),
    "Mosul": ("IQ", "Nineveh", "IQ-NI", 36.34, 43.13),
    "Rostov-on-Don": ("RU", "Rostov Oblast", "RU-ROS", 47.23, 39.72),
    "Maiduguri": ("NG", "Borno", "NG-BO", 11.85, 13.16),
    "Atlantis": ("GR", None, None, None, None),  # a place the gazetteer cannot put on a map
}
_LINE = re.compile(
    r"(?P<city>[\w-]+) \((?P<cc>[A-Z]{2})\), (?P<date>[\d-]+|undated): An? (?P<type>\w+)(?: by (?P<by>[\w ]+?))? killed"
    r" (?P<n>\d+) people(?P<recalled> \(recalled\))?"
)


def incident_line(city: str, date: str, kind: str, killed: int, *, by: str | None = None,
                  recalled: bool = False) -> str:
    """One incident in the stand-in format; ``by`` names its perpetrator (default "gunmen"), ``recalled`` makes it a
    background incident."""
    perpetrator = f" by {by}" if by else ""
    return f"{city} ({CITIES[city][0]}), {date}: A {kind}{perpetrator} killed {killed} people" + (
        " (recalled)." if recalled else ".")


def read_report(text: str, *, published: str | None = None, source: str | None = None) -> Report:
    """The report the stand-in extractor gives for ``text``: one incident per line in the format above."""
    incidents = []
    for number, match in enumerate(_LINE.finditer(text), start=1):
        cc, admin1, code, lat, lon = CITIES[match["city"]]
        killed = int(match["n"])
        incidents.append(
            Incident(
                id=f"i{number}",
                role="background" if match["recalled"] else "main",
                type=match["type"],  # type: ignore[arg-type]
                date=DateValue(None, "unknown", None) if match["date"] == "undated"
                else DateValue(match["date"], "day", match["date"]),
                location=Location(match["city"], cc, admin1, lat, lon, "city" if lat is not None else None,
                                  admin1_code=code),
                perpetrators=[Perpetrator(text=match["by"] or "gunmen", name=None, kind="individual")],
                casualties=Casualties(killed=CasualtyCount(total=killed)),
                evidence=[
                    Evidence("type", match["type"], match.start("type"), match.end("type"), "stand_in.v1"),
                    Evidence("casualties.killed.total", match["n"], match.start("n"), match.end("n"), "stand_in.v1"),
                    Evidence("location", match["city"], match.start("city"), match.end("city"), "stand_in.v1"),
                ],
                summary=match.group(0),
            )
        )
    return Report(DocumentInfo(published, source, len(text)), incidents)


def fake_extract(documents: Iterable[Document], *, settings: Settings | None = None) -> Iterator[Outcome]:
    """Stand-in for ``incidex.batch.extract_documents`` (``settings`` is accepted for the same signature)."""
    for document in documents:
        if "EXTRACTION-FAILS" in document.text:
            yield Outcome(document, None, ExtractionError("stand-in extractor refused this document"))
        else:
            yield Outcome(document, read_report(document.text, published=document.published, source=document.source))


def corpus(size: int, *, seed: int = 7) -> list[Document]:
    """``size`` documents over a few cities and a year of days; about one in four repeats an earlier incident."""
    kinds = ("bombing", "armed_assault", "kidnapping")
    names = sorted(CITIES)
    documents = []
    for n in range(size):
        mix = (n * 7919 + seed) % (4 * size + 1) // 4 * 4  # nearby n often share mix: the same incident again
        city, kind = names[mix % len(names)], kinds[(mix // 5) % len(kinds)]
        day = date(2023, 1, 1) + timedelta(days=mix % 730)
        text = incident_line(city, day.isoformat(), kind, killed=mix % 9) + f" Report number {n}."
        if n % 3 == 0:
            earlier = (day - timedelta(days=40)).isoformat()
            text += " " + incident_line(names[(mix + 1) % len(names)], earlier, "raid", 1)
        published = (day + timedelta(days=1)).isoformat()
        documents.append(Document(text=text, published=published, source=f"Outlet {n % 4}"))
    return documents


def postgres_admin_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need a server: set {POSTGRES_ENV}=postgresql://user@host:port/db")
    return url


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """URL of a new, empty database on the test server, dropped afterwards."""
    admin = sa.make_url(postgres_admin_url()).set(drivername="postgresql+psycopg")
    name = f"incidex_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@contextmanager
def store_url_for(backend: str, tmp_path: os.PathLike[str]) -> Iterator[str]:
    """A fresh store URL: a SQLite file under ``tmp_path`` or a new PostgreSQL database."""
    if backend == "postgres":
        with fresh_postgres_database() as url:
            yield url
    else:
        yield f"sqlite:///{os.fspath(tmp_path)}/incidex.db"


def document_entry(text: str, key: str, *, published: str = "2024-05-11", source: str = "Outlet") -> DocumentEntry:
    """A stored-to-be document of the stand-in format with its report."""
    document = Document(text=text, published=published, source=source, origin=f"{key}.txt")
    return DocumentEntry(key, "ok", key * 4, document, read_report(text, published=published, source=source))


def migrate_store(url: str, step: str, revision: str) -> None:
    """Run alembic's ``upgrade`` or ``downgrade`` (``step``) to ``revision`` on the store at ``url``."""
    engine = engine_for(url)
    migrate.run(engine, step, revision)
    engine.dispose()
