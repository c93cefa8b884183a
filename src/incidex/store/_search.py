"""Text searches of incident filters: which incidents hold a term (SQLite) or a text (PostgreSQL) containing one.

SQLite (migration 0005_search_index): the distinct searched values per field are terms with a trigram full-text
index and links to their incidents' rowids; each link also holds its incident's type, country and dates (migration
0007_search_link_filters), so a search can test those filters without reading incident rows. PostgreSQL: pg_trgm
indexes the texts of ``PG_SEARCH_TEXTS``.
"""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa

from .prepared import Prepared, Values
from .query import IncidentQuery
from .tables import PG_SEARCH_TEXTS, contains_pattern

STATEMENTS = Prepared()
_terms = sa.table("incidents_search_terms", sa.column("term_id"), sa.column("field"), sa.column("value"))
_links = sa.table("incidents_search_links", *(sa.column(name) for name in
                                              ("term_id", "incident", "type", "country", "date_from", "date_to")))
_trigrams = sa.table("incidents_search", sa.column("rowid"), sa.column("value"))
TRIGRAM = 3  # shorter terms cannot use the trigram index: the field's terms are scanned


SearchField = Literal["text", "actors", "sources"]
Search = tuple[SearchField, tuple[str, ...]]  # a searched field and the terms any one of which it must contain
Terms = dict[Search, tuple[int, ...]]  # search -> ids of the stored terms that contain one of its terms


def searches(filters: IncidentQuery) -> list[Search]:
    """The text searches of ``filters``: (field, terms) for each of actors, source and q given."""
    given: tuple[Search, ...] = (
        ("actors", filters.actors), ("sources", (filters.source,) if filters.source else ()),
        ("text", (filters.q,) if filters.q else ()),
    )
    return [(field, terms) for field, terms in given if terms]


def one_of(column: sa.ColumnElement[Any], name: str, count: int) -> sa.ColumnElement[bool]:
    """``column`` equals one of the bound parameters ``name_0`` .. ``name_<count - 1>``."""
    if count == 1:
        return column == sa.bindparam(f"{name}_0")
    return column.in_([sa.bindparam(f"{name}_{n}") for n in range(count)])


def contains(
    filters: IncidentQuery, *, dialect: str, rowid: sa.ColumnElement[Any], probe: bool = False,
    terms: Terms | None = None,
) -> list[sa.ColumnElement[bool]]:
    """Case-insensitive substring tests of searched fields: places, actors, victims and notes; actors; sources.

    SQLite: one test for all ``searches``, whose links are intersected before any incident row is read; with
    ``probe`` (a walk that stops after one page), each row's links are looked up instead of listing every match.
    """
    given_searches = searches(filters)
    if dialect != "sqlite":
        return [sa.or_(*(PG_SEARCH_TEXTS[field].ilike(sa.bindparam(f"like_{field}_{n}"), escape="\\")
                         for n in range(len(given)))) for field, given in given_searches]
    if probe:
        return [_linked(search, rowid, terms=terms) for search in given_searches]
    return [rowid.in_(found(given_searches, terms=terms, filters=filters))] if given_searches else []


def _linked(search: Search, incident: sa.ColumnElement[Any], *, terms: Terms | None) -> sa.Exists:
    """Whether ``incident`` (a rowid) holds a term matching ``search`` (SQLite), by primary key."""
    link = _links.alias(f"linked_{search[0]}")
    holds = sa.select(1).select_from(link).where(_holds_term(link, search, terms), link.c.incident == incident)
    return holds.exists()


def resolve_terms(connection: sa.Connection, filters: IncidentQuery) -> Terms | None:
    """The matching term ids of each text search, looked up once (SQLite; None elsewhere or without searches).

    Passed to ``conditions``, they replace full-text subqueries that SQLite would otherwise rerun in every
    per-row probe and every statement of a request; being integers the database gave, they are written into the SQL.
    """
    given = searches(filters)
    if connection.dialect.name != "sqlite" or not given:
        return None
    values = search_values(filters)
    return {search: _term_ids(connection, search, values) for search in given}


def _term_ids(connection: sa.Connection, search: Search, values: Values) -> tuple[int, ...]:
    field, given = search
    shape = ("terms", field, tuple(len(term) >= TRIGRAM for term in given))
    return tuple(row[0] for row in STATEMENTS.run(connection, shape, lambda: _terms_of(search), values))


def _holds_term(link: sa.FromClause, search: Search, terms: Terms | None) -> sa.ColumnElement[bool]:
    """Whether the ``link`` row's term matches ``search``."""
    if terms is None:
        return link.c.term_id.in_(_terms_of(search))
    ids = terms[search]
    return link.c.term_id.in_([sa.literal_column(str(int(i))) for i in ids]) if ids else sa.false()


def _terms_of(search: Search) -> sa.Select[Any]:
    """Ids of the terms of the searched field that contain one of the search's terms (SQLite)."""
    field, given = search
    matched = []
    for n, term in enumerate(given):
        if len(term) < TRIGRAM:
            matched.append(_terms.c.value.like(sa.bindparam(f"like_{field}_{n}"), escape="\\"))
        else:
            phrase = sa.bindparam(f"phrase_{field}_{n}")
            matched.append(
                _terms.c.term_id.in_(sa.select(_trigrams.c.rowid).where(_trigrams.c.value.op("MATCH")(phrase))))
    return sa.select(_terms.c.term_id).where(_terms.c.field == sa.literal_column(f"'{field}'"), sa.or_(*matched))


def found(given: list[Search], *, terms: Terms | None = None, filters: IncidentQuery | None = None) -> sa.Select[Any]:
    """Rowids of the incidents matching every one of ``searches`` (SQLite): the first search's links that pass the
    type, country and date filters of ``filters`` (the links carry them), each checked against the other searches'
    links by primary key."""
    search, *others = given
    first = _links.alias("first")
    also = [_linked(other, first.c.incident, terms=terms) for other in others]
    passed = _link_filters(first, filters) if filters is not None else []
    return sa.select(first.c.incident).where(_holds_term(first, search, terms), *passed, *also)


def _link_filters(link: sa.FromClause, filters: IncidentQuery) -> list[sa.ColumnElement[bool]]:
    """The filters of ``filters`` that a search link can test by itself (the same bound parameters as
    :func:`._queries.conditions`)."""
    found = []
    if filters.types:
        found.append(one_of(link.c.type, "type", len(filters.types)))
    if filters.countries:
        found.append(one_of(link.c.country, "country", len(filters.countries)))
    if filters.date_from:
        found += [link.c.date_to >= sa.bindparam("date_from"), link.c.date_from >= sa.bindparam("earliest")]
    if filters.date_to:
        found.append(link.c.date_from <= sa.bindparam("date_to"))
    if filters.dated and not (filters.date_from or filters.date_to):
        found.append(link.c.date_from.is_not(None))
    return found


def search_values(filters: IncidentQuery) -> dict[str, Any]:
    """The bound parameters of the text searches of ``filters``: a LIKE pattern and a full-text phrase per term."""
    values: dict[str, Any] = {}
    for field, terms in searches(filters):
        for n, term in enumerate(terms):
            values[f"like_{field}_{n}"] = contains_pattern(term)
            values[f"phrase_{field}_{n}"] = '"' + term.replace('"', '""') + '"'
    return values
