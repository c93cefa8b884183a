"""Pydantic models of the API's request bodies and responses (the contract the UI codes against)."""

from __future__ import annotations

import copy
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, WithJsonSchema, model_validator

from ..schema import record_schema

MAX_TEXT = 500
_SURROGATE = re.compile("[\ud800-\udfff]")


class RequestBody(BaseModel):
    """Base of every JSON request body: a lone UTF-16 surrogate anywhere in it ("\\ud800", which JSON allows and no
    UTF-8 text can hold) is a 422 naming the field, before anything reads the values."""

    @model_validator(mode="before")
    @classmethod
    def _valid_unicode(cls, data: Any) -> Any:
        if _has_lone_surrogate(data):
            raise ValueError("the body holds a lone UTF-16 surrogate (a broken \\u escape); send valid Unicode")
        return data


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(item) for item in value)
    return False


def _inlined(value: Any, definitions: dict[str, Any]) -> Any:
    """``value`` with every ``{"$ref": "#/$defs/NAME"}`` replaced by a copy of that definition."""
    if isinstance(value, dict):
        ref = value.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _inlined(copy.deepcopy(definitions[ref.removeprefix("#/$defs/")]), definitions)
        return {key: _inlined(item, definitions) for key, item in value.items()}
    if isinstance(value, list):
        return [_inlined(item, definitions) for item in value]
    return value


def _open(value: Any) -> Any:
    """``value`` with no ``required`` lists and no closed objects: the shapes of the record, loosened for the merged
    view, which leaves out what no report gave and adds provenance (the ``document_id`` of a target)."""
    if isinstance(value, dict):
        return {key: _open(item) for key, item in value.items() if key not in ("required", "additionalProperties")}
    if isinstance(value, list):
        return [_open(item) for item in value]
    return value


_RECORD_INCIDENT = _inlined(record_schema()["$defs"]["incident"], record_schema()["$defs"])
_IDS = {"type": "array", "items": {"type": "string"}}
_MERGED_INCIDENT = {
    "type": "object",
    "description": "The merged incident: the record contract's fields reconciled across the reports (role, type, "
                   "date, location, casualties, actors, sources, figures, targets and responders with the document "
                   "each comes from; no evidence of its own: its records carry it), with the ids of its cluster, "
                   "documents and records, and notes on the rule that chose each value.",
    "properties": {
        **{name: _open(shape) for name, shape in _RECORD_INCIDENT["properties"].items()
           if name not in ("evidence", "summary")},
        "cluster_id": {"type": "string"}, "document_ids": _IDS, "record_ids": _IDS,
        "notes": {"type": ["string", "null"], "description": "the rules that chose type, date and location"},
    },
    "additionalProperties": True,
}
# The incident of one record exactly as ``schema/record.schema.json`` defines it (documented, not re-validated).
RecordIncident = Annotated[dict[str, Any], WithJsonSchema({**_RECORD_INCIDENT, "title": "RecordIncident"})]
MergedIncident = Annotated[dict[str, Any], WithJsonSchema({**_MERGED_INCIDENT, "title": "MergedIncident"})]


class IncidentItem(BaseModel):
    id: str
    date: str | None
    date_precision: str
    type: str
    role: str = Field(description="main when any report describes it as its main event, else background")
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    killed: int | None
    injured: int | None
    hostages_taken: int | None
    perpetrators: list[str]
    source_count: int = Field(description="outlets that published reports of it plus the sources they cite")
    report_count: int | None = Field(description="documents that report it")
    reported_from: str | None = Field(description="the first day a report of it was published, YYYY-MM-DD")
    reported_to: str | None = Field(description="the last day a report of it was published, YYYY-MM-DD")
    document_ids: list[str]
    corrected: bool


class IncidentList(BaseModel):
    total: int
    items: list[IncidentItem]


class UndoOut(BaseModel):
    who: str | None
    why: str | None
    at: str


class Signed(BaseModel):
    """Who made a correction, when and why, and who undid it."""

    who: str
    why: str | None
    at: str
    undone: bool
    undo: UndoOut | None = Field(default=None, description="who undid it, when and why; null while it applies")


class CorrectionOut(Signed):
    id: int
    field: str
    old: Any = None
    new: Any = None


class ChangeOut(Signed):
    """One correction of any kind: a field override, a merge or a split."""

    kind: Literal["field", "merge", "split"]
    id: int = Field(description="numbered per kind: field corrections apart from merges and splits")
    incident_ids: list[str] = Field(description="the corrected incident, or the incidents merged or split")
    result_ids: list[str] = Field(description="the incidents a merge or split left; empty for a field")
    record_ids: list[str] = Field(description="the records a merge or split moved; empty for a field")
    field: str | None = None
    old: Any = None
    new: Any = None
    undo_path: str = Field(description="POST here (optionally with who and why) to undo it")


class ChangeList(BaseModel):
    total: int
    items: list[ChangeOut]


class UndoRequest(RequestBody):
    who: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT)
    why: str | None = Field(default=None, max_length=4000)


class DocumentOut(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None
    text: str | None


class BackgroundItem(BaseModel):
    id: str
    type: str
    date: str | None
    location: str | None
    killed: int | None


class RecordOut(BaseModel):
    record_id: str
    document_id: str
    incident: RecordIncident


class MergeReason(BaseModel):
    record_id: str
    score: float
    reasons: list[str]


class IncidentDetail(BaseModel):
    incident: MergedIncident
    records: list[RecordOut]
    documents: list[DocumentOut]
    background: list[BackgroundItem]
    corrections: list[ChangeOut] = Field(description="field corrections, merges and splits that touch it")
    merge_reasons: list[MergeReason]


class DocumentItem(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    status: str = Field(description="ok, failed, unreadable, or skipped: stored without extraction (see error)")
    error: str | None
    language: str | None = Field(description="ISO 639-1 code of the text's language as detected; null if unknown")


class DocumentList(BaseModel):
    total: int
    items: list[DocumentItem]


class DocumentDetail(DocumentItem):
    url: str | None
    source_kind: str | None = Field(description="the outlet's kind, when declared (a watched source, Telegram)")
    forwarded_from: str | None = Field(description="a forwarded post: the channel it was forwarded from")
    origin: str | None
    text: str | None
    record_ids: list[str]


class NewDocument(RequestBody):
    text: str = Field(min_length=1)
    published: str | None = Field(default=None, max_length=32)
    source: str | None = Field(default=None, max_length=MAX_TEXT)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    id: str | None = Field(default=None, min_length=1, max_length=200)


class IngestResult(BaseModel):
    document_id: str
    incident_ids: list[str]
    duplicate: bool
    warnings: list[str] = Field(default_factory=list, description="what reading and extraction noticed (a text cut "
                                "at nlp.max_chars, a published value that is not a date); empty for a duplicate")


class WeekCount(BaseModel):
    week: str = Field(description="the Monday starting the week, YYYY-MM-DD")
    type: str
    count: int
    killed: int


class CountryCount(BaseModel):
    country: str | None
    count: int
    killed: int


class Tally(BaseModel):
    start: str = Field(description="first day, YYYY-MM-DD")
    end: str = Field(description="last day, YYYY-MM-DD")
    count: int
    killed: int | None = Field(description="sum of the known death tolls; null when none is known")
    types: dict[str, int] = Field(description="incidents per type")


class Timeline(BaseModel):
    unit: Literal["day", "week", "month", "year"] | None = Field(description="the bin size; null without dates")
    start: str | None
    end: str | None
    dated: int = Field(description="matching incidents with an event date: those in bins plus those in spans")
    undated: int
    bins: list[Tally] = Field(description="every bin of the range, empty ones included")
    spans: list[Tally] = Field(description="incidents dated only to a period longer than a bin, by period")


class MapCell(BaseModel):
    count: int
    killed: int | None
    lat: float = Field(description="mean latitude of the cell's incidents")
    lon: float
    south: float
    north: float
    west: float
    east: float
    id: str | None = Field(description="the incident, when the cell holds one")
    type: str | None = Field(description="the type all its incidents share, else null")
    location: str | None = Field(description="the place all its incidents share, else null")
    background: int = Field(description="how many of its incidents are background only")


class MapCells(BaseModel):
    cell: float
    cells: list[MapCell]
    unlocated: int = Field(description="matching incidents without coordinates (any bbox aside)")


class FacetCount(BaseModel):
    name: str
    count: int


class RegionCount(BaseModel):
    country: str | None
    admin1: str
    count: int


class NewCorrection(RequestBody):
    field: str = Field(max_length=100, description="dotted path, e.g. type, location.name, casualties.killed.total")
    value: Any = None
    who: str = Field(min_length=1, max_length=MAX_TEXT)
    why: str | None = Field(default=None, max_length=4000)


class MergeRequest(RequestBody):
    ids: list[str] = Field(min_length=2, max_length=100)
    who: str = Field(min_length=1, max_length=MAX_TEXT)
    why: str | None = Field(default=None, max_length=4000)


class SplitRequest(RequestBody):
    record_ids: list[str] = Field(min_length=1, max_length=1000)
    who: str = Field(min_length=1, max_length=MAX_TEXT)
    why: str | None = Field(default=None, max_length=4000)


class IncidentId(BaseModel):
    incident_id: str
