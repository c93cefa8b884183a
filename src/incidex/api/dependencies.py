"""Shared dependencies of the routers: the app's context, filters and the write guard."""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from ..config import Settings
from ..errors import InputError
from ..resolve import Resolver
from ..store import IncidentQuery, IncidentRole, Sort, Store
from ..store.filters import bbox, country_code, date_bound, incident_type

MAX_FILTER_CHARS = 200
MAX_LISTED = 50  # values of one repeatable filter
MAX_LIMIT = 500  # incidents per page


@dataclass
class ApiContext:
    """What every request needs: the store, settings, resolver, the write token, and the lazily loaded pipeline.

    Writes take ``write_lock``: the pipeline and the resolver's profile cache are shared and not thread-safe.
    """

    store: Store
    settings: Settings
    resolver: Resolver
    token: str | None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    nlp: Any = None


async def context(request: Request) -> ApiContext:
    """The app's settings and engines. Pure dependencies are ``async def`` so FastAPI runs them without a thread hop."""
    return request.app.state.incidex


Context = Annotated[ApiContext, Depends(context)]


async def require_writer(request: Request, ctx: Context) -> None:
    """Write endpoints need ``Authorization: Bearer <token>`` when the operator set a token."""
    if ctx.token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), ctx.token.encode()):
        raise HTTPException(401, "this server needs 'Authorization: Bearer <token>' for changes; ask its operator",
                            headers={"WWW-Authenticate": "Bearer"})


def checked_text(value: str | None, name: str) -> str | None:
    """``value`` without surrounding blanks, None when blank; an :class:`InputError` (422) for control characters."""
    if value is None:
        return None
    if any(ord(ch) < 32 for ch in value):
        raise InputError(f"{name} must not contain control characters")
    return value.strip() or None


Text = Annotated[str | None, Field(max_length=MAX_FILTER_CHARS)]
Day = Annotated[str | None, Field(max_length=10, description="YYYY[-MM[-DD]]")]
Listed = Annotated[list[Annotated[str, Field(max_length=MAX_FILTER_CHARS)]], Field(max_length=MAX_LISTED)]
LISTED = ("type", "country", "actor")  # query parameters that may be repeated: any one of their values matches


class FilterParams(BaseModel):
    """The filters of incident lists, stats and exports as query parameters, validated in one pass. ``type``,
    ``country`` and ``actor`` may be repeated (any one value matches); the other filters must all hold."""

    type: Annotated[
        list[str], Field(max_length=MAX_LISTED, description="incident type; repeat for any of several")
    ] = []
    country: Annotated[
        list[Annotated[str, Field(max_length=MAX_FILTER_CHARS)]],
        Field(max_length=MAX_LISTED, description="ISO 3166 alpha-2 code such as RU; repeat for any of several"),
    ] = []
    admin1: Annotated[str | None, Field(max_length=MAX_FILTER_CHARS, description="first-level region, any case")] = None
    actor: Annotated[Listed, Field(description="perpetrator name contains; repeat for any of several")] = []
    source: Annotated[
        str | None, Field(max_length=MAX_FILTER_CHARS, description="outlet or cited source contains")
    ] = None
    q: Annotated[
        str | None, Field(max_length=MAX_FILTER_CHARS, description="place, actor, victim or note contains")
    ] = None
    date_from: Annotated[Day, Field(description="event date on or after, YYYY[-MM[-DD]]")] = None
    date_to: Annotated[Day, Field(description="event date on or before, YYYY[-MM[-DD]]")] = None
    reported_from: Annotated[Day, Field(description="a report published on or after, YYYY[-MM[-DD]]")] = None
    reported_to: Annotated[Day, Field(description="a report published on or before, YYYY[-MM[-DD]]")] = None
    min_killed: Annotated[int | None, Field(ge=0, le=10**9, description="at least this many killed")] = None
    dated: Annotated[bool, Field(description="only incidents with an event date")] = False
    bbox: Annotated[str | None, Field(max_length=100, description="minlon,minlat,maxlon,maxlat")] = None
    role: IncidentRole | None = None

    def checked(self) -> IncidentQuery:
        """The filters as the store takes them; an :class:`InputError` (422, as a value of the wrong type) for
        values that mean nothing, checked as `incidex export` and a correction check them."""
        texts = {name: checked_text(getattr(self, name), name)
                 for name in ("admin1", "source", "q", "date_from", "date_to", "reported_from", "reported_to", "bbox")}
        return IncidentQuery(
            types=tuple(incident_type(kind) for kind in _listed(self.type, "type")),
            countries=tuple(dict.fromkeys(country_code(code) for code in _listed(self.country, "country"))),
            admin1=texts["admin1"], actors=_listed(self.actor, "actor"), source=texts["source"], q=texts["q"],
            date_from=date_bound(texts["date_from"], "date_from", 0),
            date_to=date_bound(texts["date_to"], "date_to", 1),
            reported_from=date_bound(texts["reported_from"], "reported_from", 0),
            reported_to=date_bound(texts["reported_to"], "reported_to", 1), min_killed=self.min_killed,
            dated=self.dated, bbox=bbox(texts["bbox"]), role=self.role,
        )


def _listed(values: list[str], name: str) -> tuple[str, ...]:
    """The non-blank values of a repeatable parameter, stripped, each once, in the order given."""
    return tuple(dict.fromkeys(value for value in (checked_text(v, name) for v in values) if value))


def query_values(request: Request) -> dict[str, Any]:
    """The query string as the filter models take it: a list for each repeatable parameter, else the last value."""
    params = request.query_params
    return {key: params.getlist(key) if key in LISTED else params[key] for key in params}


async def list_filters(params: Annotated[FilterParams, Query()]) -> IncidentQuery:
    return params.checked()


Filters = Annotated[IncidentQuery, Depends(list_filters)]


class ListParams(FilterParams):
    """The parameters of incident lists: the filters, the sort order and the page."""

    sort: Sort = "-date"  # newest first
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 50
    offset: Annotated[int, Field(ge=0, le=10**9)] = 0


@dataclass(frozen=True)
class ListQuery:
    """A checked incident-list request."""

    filters: IncidentQuery
    sort: Sort
    limit: int
    offset: int


async def list_query(request: Request) -> ListQuery:
    """The list parameters validated as one model, without FastAPI's per-parameter work (the list is the hot path).

    Routes using it document :class:`ListParams` with ``openapi_extra=query_parameters(ListParams)``; invalid
    values get FastAPI's usual 422 body.
    """
    try:
        params = ListParams.model_validate(query_values(request))
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("query", *error["loc"])} for error in exc.errors(include_url=False)]
        ) from None
    return ListQuery(params.checked(), sort=params.sort, limit=params.limit, offset=params.offset)


ListRequest = Annotated[ListQuery, Depends(list_query)]


def query_parameters(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI ``parameters`` of an operation whose query parameters are the fields of ``model``."""
    properties = model.model_json_schema()["properties"]
    return {"parameters": [
        {"name": name, "in": "query", "required": False, "schema": schema}
        | ({"description": schema["description"]} if "description" in schema else {})
        for name, schema in properties.items()
    ]}
