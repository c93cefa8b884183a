"""Hand-built reports and runs for the scorers of annotated data sets (no pipeline needed)."""

from __future__ import annotations

from collections.abc import Sequence

from incidex.batch import Outcome
from incidex.errors import ExtractionError
from incidex.eval.runner import Run
from incidex.types import (
    Casualties,
    CasualtyCount,
    DateValue,
    Document,
    DocumentInfo,
    Evidence,
    Incident,
    Location,
    Mention,
    Perpetrator,
    Report,
    Victim,
)


def incident(
    *,
    type: str = "armed_assault",
    role: str = "main",
    date: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    name: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    killed: int | None = None,
    injured: int | None = None,
    perpetrators: Sequence[tuple[str, str | None, str | None]] = (),
    victims: Sequence[str] = (),
    targets: Sequence[str] = (),
    weapons: Sequence[str] = (),
    evidence: Sequence[tuple[str, int, int]] = (),
) -> Incident:
    """An incident with the given fields; perpetrators as (text, canonical name, relation)."""
    return Incident(
        id="i1",
        role=role,
        type=type,
        date=DateValue(date, "day" if date and len(date) == 10 else "unknown", None),
        location=Location(name=name, country_code=country, admin1=admin1, lat=lat, lon=lon),
        perpetrators=[Perpetrator(text, canonical, "organization", relation=relation)
                      for text, canonical, relation in perpetrators],
        victims=[Victim(text) for text in victims],
        targets=[Mention(text) for text in targets],
        weapons=[Mention(text) for text in weapons],
        casualties=Casualties(killed=CasualtyCount(total=killed), injured=CasualtyCount(total=injured)),
        evidence=[Evidence(field, "", start, end, "test") for field, start, end in evidence],
    )


def run_of(pairs: Sequence[tuple[Document, Sequence[Incident] | None]]) -> Run:
    """A run whose outcomes hold these incidents (None: the document failed)."""
    outcomes = []
    for document, incidents in pairs:
        if incidents is None:
            outcomes.append(Outcome(document, None, ExtractionError("extraction failed: test")))
        else:
            info = DocumentInfo(published=None, source=None, chars=len(document.text), id=document.id)
            outcomes.append(Outcome(document, Report(info, list(incidents))))
    return Run(outcomes, seconds=1.0, workers=1)
