"""What incidex's spaCy components leave on a ``Doc``: the mention types and the ``Doc._`` extensions.

Extensions are registered here, once, by :func:`register_extensions` (called by ``pipeline.build_pipeline``),
never as an import side effect. Offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..types import Claim, DateValue, Location, SourceKind


@dataclass
class NumberMention:
    """A count in the text: "six", "145", "dozens" (value None, low 24, high 99)."""

    start: int
    end: int
    text: str
    value: int | None
    low: int | None = None
    high: int | None = None


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: DateValue


@dataclass
class PlaceMention:
    """A place name with its geocoding; ``location`` is None for vague regions (the Levant, Khorasan).

    ``within`` is the span of the enclosing place whose country, admin1 and point the location took, when the
    gazetteer lacks the named place itself ("Posso" in "Posso (Titao, Loroum)" takes Titao's).
    """

    start: int
    end: int
    text: str
    location: Location | None
    kind: str = "place"  # place | facility | region | country (only the country is known: a filing or text country)
    within: tuple[int, int] | None = None
    inferred: bool = False  # not named for the incident: where the text as a whole is (places._document_country)
    respelled: bool = False  # geocoded by a spelling of the name the gazetteer lacks (Resolution.respelled)


@dataclass
class ActorMention:
    """An organization mention normalized through the alias table; ``kind`` "communal" for a community's armed men
    named by the role-based pattern ("Pokot Communal Militia")."""

    start: int
    end: int
    text: str
    name: str
    kind: str = "organization"


@dataclass
class SourceMention:
    """A cited source and what the report attributes to it."""

    start: int
    end: int
    text: str
    name: str
    kind: SourceKind
    verb: str | None = None
    claims: list[Claim] = field(default_factory=list)


EXTENSIONS: dict[str, object] = {
    "incidex_original": None,  # the input when the Doc holds it recased (nlp/casing.py) or respaced; same length
    "incidex_published": None,  # "YYYY-MM-DD" or None; set before the pipeline runs (or from the dateline)
    "incidex_outlet": None,  # the document's source (its outlet, or several separated by ";"); set before the pipeline
    "incidex_dateline": None,  # the report's dateline and header tags (nlp/datelines.py), if it has one
    "incidex_numbers": None,
    "incidex_dates": None,
    "incidex_places": None,
    "incidex_country": None,  # the country the text as a whole states (a PlaceMention of kind "country"), or None
    "incidex_outlet_country": None,  # the home country of the document's outlet (nlp/outlets.py), or None
    "incidex_actors": None,
    "incidex_sources": None,
    "incidex_incidents": None,  # incident frames (nlp/frames.py), never changed after the incidents component
    "incidex_arguments": None,  # {frame id: FrameArguments}, from the roles component
    "incidex_types": None,  # {frame id: incident type}, from the types component
    "incidex_muc": None,  # learned role spans and type scores, when a trained model directory is loaded
}


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins a new Token object per word on every read of ``doc.text``,
    which the components did a dozen times per report."""
    key = ("incidex", "text")
    if key not in doc.user_data:
        doc.user_data[key] = doc.text
    return doc.user_data[key]


def register_extensions() -> None:
    """Register every ``Doc._.incidex_*`` attribute (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
