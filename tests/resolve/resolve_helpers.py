"""Hand-built records for resolver tests (imported by the tests; the fixtures are in conftest.py)."""

from __future__ import annotations

from incidex.resolve import RecordRef
from incidex.types import DateValue, Figure, Incident, Location, Perpetrator, Source

ROSTOV = Location("Rostov-on-Don", "RU", "Rostov Oblast", 47.23, 39.72, "city")
VANCOUVER = Location("Vancouver", "CA", "British Columbia", 49.25, -123.12, "city")
TROY = Location("Troy", "US", "Michigan", 42.61, -83.15, "city")


def make_record(
    document_id: str,
    *,
    kind: str = "hostage_taking",
    role: str = "main",
    date: str | None = "2024-06-16",
    precision: str = "day",
    location: Location | None = ROSTOV,
    context: str = "",
    published: str | None = None,
    actors: tuple[str, ...] = (),
    figures: tuple[Figure, ...] = (),
    sources: tuple[Source, ...] = (),
    number: int = 1,
) -> RecordRef:
    incident = Incident(
        id=f"i{number}",
        role=role,  # type: ignore[arg-type]
        type=kind,  # type: ignore[arg-type]
        date=DateValue(date, precision if date else "unknown", date),  # type: ignore[arg-type]
        location=location or Location(),
        perpetrators=[Perpetrator(text=a, name=a, kind="organization") for a in actors],
        figures=list(figures),
        sources=list(sources),
    )
    return RecordRef(f"{document_id}:i{number}", document_id, incident, published, None, context)
