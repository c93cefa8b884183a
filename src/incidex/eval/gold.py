"""Gold records of our own corpus (``tests/corpus/NAME.json`` beside ``NAME.txt``), read into typed objects.

The format is documented in ``tests/corpus/README.md``. In short, every asserted value becomes an
:data:`Accepted` tuple of the values an analyst would accept:

* a key that is absent is not assessed (``None``): whatever the system says there is not scored;
* ``null`` is asserted as "the text does not say" (``(None,)``): a predicted value there is a false positive;
* a scalar is the one right value (``(6,)``); a list gives alternatives (``[12, 15]``), and ``null`` among
  them makes the field optional: leaving it empty is not a miss.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..types import CASUALTY_FIELDS, INCIDENT_TYPES, PLACE_PRECISIONS

Accepted = tuple[Any, ...] | None
"""Accepted values of one field; ``None`` means the field is not assessed."""

ROLES = ("main", "background")
DATE_PRECISIONS = ("day", "month", "year", "unknown")
ACTOR_KINDS = ("individual", "organization")
RELATIONS = ("claimed", "accused", "linked", "suspected", "stated")
SOURCE_KINDS = ("state_media", "news_media", "official", "social_media", "witness", "group_claim", "other")
DEFAULT_TOLERANCE_KM = 25.0


@dataclass(frozen=True)
class GoldDate:
    value: Accepted
    precision: Accepted


@dataclass(frozen=True)
class GoldLocation:
    name: Accepted
    country_code: Accepted
    admin1: Accepted
    precision: Accepted
    lat: float | None
    lon: float | None
    tolerance_km: float


@dataclass(frozen=True)
class GoldPerpetrator:
    names: tuple[str, ...]  # empty for an unnamed perpetrator ("six inmates")
    kind: Accepted
    relation: Accepted
    count: tuple[int, ...]  # accepted counts; empty when none is given


@dataclass(frozen=True)
class GoldSource:
    names: tuple[str, ...]
    kind: Accepted


@dataclass(frozen=True)
class GoldIncident:
    """One coded incident; list fields and ``casualties`` are ``None`` when not assessed."""

    role: tuple[str, ...]
    type: tuple[str, ...]
    optional: bool
    date: GoldDate | None
    location: GoldLocation | None
    perpetrators: tuple[GoldPerpetrator, ...] | None
    victims: tuple[tuple[int, ...], ...] | None  # accepted counts of each victim group
    weapons: tuple[tuple[str, ...], ...] | None
    casualties: Mapping[str, Accepted] | None
    sources: tuple[GoldSource, ...] | None


@dataclass(frozen=True)
class MustNot:
    """A condition no predicted incident may meet; ``incident`` is a gold index, or ``None`` for any incident.

    ``field == "*"`` forbids any incident at all; ``casualties.*`` means any casualty field.
    """

    incident: int | None
    why: str
    field: str | None = None
    values: tuple[Any, ...] = ()
    perpetrator: str | None = None
    relation: str | None = None


@dataclass(frozen=True)
class GoldReport:
    name: str
    text: str
    published: str | None
    source: str | None
    incidents: tuple[GoldIncident, ...]
    must_not: tuple[MustNot, ...]


MUST_NOT_FIELDS = (
    "*",
    "type",
    "role",
    "date.value",
    "date.precision",
    "location.name",
    "location.country_code",
    "location.admin1",
    "casualties.*",
    *(f"casualties.{name}" for name in CASUALTY_FIELDS),
)


def load_gold(path: str | Path) -> GoldReport:
    """Read ``NAME.json`` and its report text ``NAME.txt`` from the same folder."""
    path = Path(path)
    text_path = path.with_suffix(".txt")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvalError(f"gold file missing: {exc.filename}; every NAME.json needs its NAME.txt beside it") from None
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path} is not valid JSON: {exc}; fix the file") from None
    return parse_gold(data, name=path.stem, text=text)


def load_corpus(directory: str | Path) -> list[GoldReport]:
    """Every gold report in ``directory``, sorted by name."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise EvalError(f"no gold files (*.json) in {directory}; point to the corpus folder, e.g. tests/corpus")
    return [load_gold(path) for path in paths]


def parse_gold(data: Mapping[str, Any], *, name: str, text: str) -> GoldReport:
    """Validate one parsed gold file; raises :class:`EvalError` naming the file and the bad key."""
    where = name
    _check_keys(data, {"published", "source", "incidents", "must_not"}, where=where, required={"incidents"})
    incidents = tuple(
        _incident(item, where=f"{where}: incidents[{index}]")
        for index, item in enumerate(_list(data, "incidents", where))
    )
    must_not = tuple(
        _must_not(item, where=f"{where}: must_not[{index}]", incidents=len(incidents))
        for index, item in enumerate(_list(data, "must_not", where, default=[]))
    )
    return GoldReport(
        name=name,
        text=text,
        published=data.get("published"),
        source=data.get("source"),
        incidents=incidents,
        must_not=must_not,
    )


def _incident(data: Any, *, where: str) -> GoldIncident:
    keys = {
        "role",
        "type",
        "optional",
        "date",
        "location",
        "perpetrators",
        "victims",
        "weapons",
        "casualties",
        "sources",
    }
    _check_keys(data, keys, where=where, required={"role", "type"})
    role = _accepted(data["role"], where=f"{where}.role", choices=ROLES)
    kind = _accepted(data["type"], where=f"{where}.type", choices=INCIDENT_TYPES)
    return GoldIncident(
        role=role,
        type=kind,
        optional=bool(data.get("optional", False)),
        date=_date(data["date"], where=f"{where}.date") if "date" in data else None,
        location=_location(data["location"], where=f"{where}.location") if "location" in data else None,
        perpetrators=_items(data, "perpetrators", _perpetrator, where),
        victims=_victims(data, where),
        weapons=_items(data, "weapons", lambda item, where: _names(item, where=where), where),
        casualties=_casualties(data["casualties"], where=f"{where}.casualties") if "casualties" in data else None,
        sources=_items(data, "sources", _source, where),
    )


def _date(data: Any, *, where: str) -> GoldDate:
    _check_keys(data, {"value", "precision"}, where=where, required={"value", "precision"})
    precision = data["precision"]
    if precision == "unknown":  # an unknown date asserts that no date is given
        precision = None
    return GoldDate(
        value=_accepted(data["value"], where=f"{where}.value"),
        precision=_accepted(precision, where=f"{where}.precision", choices=DATE_PRECISIONS),
    )


def _location(data: Any, *, where: str) -> GoldLocation:
    keys = {"name", "country_code", "admin1", "precision", "lat", "lon", "tolerance_km"}
    _check_keys(data, keys, where=where, required=set())
    if ("lat" in data) != ("lon" in data):
        raise EvalError(f"{where}: give both lat and lon or neither")
    return GoldLocation(
        name=_accepted(data["name"], where=f"{where}.name") if "name" in data else None,
        country_code=_accepted(data["country_code"], where=f"{where}.country_code") if "country_code" in data else None,
        admin1=_accepted(data["admin1"], where=f"{where}.admin1") if "admin1" in data else None,
        precision=(
            _accepted(data["precision"], where=f"{where}.precision", choices=PLACE_PRECISIONS)
            if "precision" in data
            else None
        ),
        lat=data.get("lat"),
        lon=data.get("lon"),
        tolerance_km=float(data.get("tolerance_km", DEFAULT_TOLERANCE_KM)),
    )


def _perpetrator(data: Any, *, where: str) -> GoldPerpetrator:
    _check_keys(data, {"name", "kind", "relation", "count"}, where=where, required={"name", "kind"})
    return GoldPerpetrator(
        names=_names(data["name"], where=f"{where}.name") if data["name"] is not None else (),
        kind=_accepted(data["kind"], where=f"{where}.kind", choices=ACTOR_KINDS),
        relation=_accepted(data.get("relation"), where=f"{where}.relation", choices=RELATIONS),
        count=_counts(data.get("count"), where=f"{where}.count"),
    )


def _source(data: Any, *, where: str) -> GoldSource:
    _check_keys(data, {"name", "kind"}, where=where, required={"name", "kind"})
    return GoldSource(
        names=_names(data["name"], where=f"{where}.name"),
        kind=_accepted(data["kind"], where=f"{where}.kind", choices=SOURCE_KINDS),
    )


def _victims(data: Mapping[str, Any], where: str) -> tuple[tuple[int, ...], ...] | None:
    if "victims" not in data:
        return None
    groups = []
    for index, item in enumerate(_list(data, "victims", where)):
        _check_keys(item, {"count"}, where=f"{where}.victims[{index}]", required={"count"})
        counts = _counts(item["count"], where=f"{where}.victims[{index}].count")
        if counts:
            groups.append(counts)
    return tuple(groups)


def _casualties(data: Any, *, where: str) -> dict[str, Accepted]:
    """Flatten ``{"killed": {"total": 6}}`` to ``{"killed.total": (6,), ...}``; unlisted fields assert null."""
    if not isinstance(data, dict):
        raise EvalError(f'{where}: must be an object like {{"killed": {{"total": 6}}}}')
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("killed", "injured"):
            _check_keys(
                value, {"total", "perpetrators", "victims", "responders"}, where=f"{where}.{key}", required=set()
            )
            flat.update({f"{key}.{sub}": item for sub, item in value.items()})
        else:
            flat[key] = value
    unknown = set(flat) - set(CASUALTY_FIELDS)
    if unknown:
        raise EvalError(f"{where}: unknown casualty fields {sorted(unknown)}; known: {', '.join(CASUALTY_FIELDS)}")
    result: dict[str, Accepted] = {}
    for name in CASUALTY_FIELDS:
        accepted = _accepted(flat.get(name), where=f"{where}.{name}")
        for value in accepted:
            _count(value, where=f"{where}.{name}")
        result[name] = accepted
    return result


def _must_not(data: Any, *, where: str, incidents: int) -> MustNot:
    keys = {"incident", "why", "field", "equals", "in", "perpetrator", "relation"}
    _check_keys(data, keys, where=where, required={"incident", "why"})
    target = data["incident"]
    if target == "any":
        index = None
    elif isinstance(target, int) and 0 <= target < incidents:
        index = target
    else:
        raise EvalError(
            f'{where}.incident: {target!r} is neither "any" nor an index into incidents (0..{incidents - 1})'
        )
    has_field, has_perp = "field" in data, "perpetrator" in data
    if has_field == has_perp:
        raise EvalError(f'{where}: give exactly one of "field" or "perpetrator"')
    if has_field:
        field_name = data["field"]
        if field_name not in MUST_NOT_FIELDS:
            raise EvalError(f"{where}.field: {field_name!r} is not checkable; use one of {', '.join(MUST_NOT_FIELDS)}")
        values = (data["equals"],) if "equals" in data else tuple(data.get("in", ()))
        if field_name != "*" and not values:
            raise EvalError(f'{where}: give the forbidden value as "equals" or "in"')
        return MustNot(incident=index, why=data["why"], field=field_name, values=values)
    relation = data.get("relation")
    if relation is not None and relation not in RELATIONS:
        raise EvalError(f"{where}.relation: {relation!r} is not one of {', '.join(RELATIONS)}")
    return MustNot(incident=index, why=data["why"], perpetrator=data["perpetrator"], relation=relation)


def _items(data: Mapping[str, Any], key: str, parse: Callable[..., Any], where: str) -> tuple[Any, ...] | None:
    if key not in data:
        return None
    return tuple(parse(item, where=f"{where}.{key}[{index}]") for index, item in enumerate(_list(data, key, where)))


def _accepted(value: Any, *, where: str, choices: tuple[str, ...] | None = None) -> tuple[Any, ...]:
    values = tuple(value) if isinstance(value, list) else (value,)
    if not values:
        raise EvalError(f"{where}: an empty list accepts nothing; use null to assert that the text gives no value")
    if choices is not None:
        bad = [item for item in values if item is not None and item not in choices]
        if bad:
            raise EvalError(f"{where}: {bad[0]!r} is not one of {', '.join(choices)}")
    return values


def _names(value: Any, *, where: str) -> tuple[str, ...]:
    names = tuple(value) if isinstance(value, list) else (value,)
    if not names or not all(isinstance(item, str) and item.strip() for item in names):
        raise EvalError(f"{where}: give a name or a list of accepted names (non-empty strings)")
    return names


def _counts(value: Any, *, where: str) -> tuple[int, ...]:
    """A count or a list of accepted counts; ``null`` gives none."""
    values = value if isinstance(value, list) else [value]
    return tuple(count for item in values if (count := _count(item, where=where)) is not None)


def _count(value: Any, *, where: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return value
    raise EvalError(f"{where}: {value!r} is not a count (a whole number >= 0, or null)")


def _list(data: Mapping[str, Any], key: str, where: str, *, default: list[Any] | None = None) -> list[Any]:
    value = data.get(key, default)
    if not isinstance(value, list):
        raise EvalError(f'{where}: "{key}" must be a list')
    return value


def _check_keys(data: Any, allowed: set[str], *, where: str, required: set[str]) -> None:
    if not isinstance(data, dict):
        raise EvalError(f"{where}: expected an object, got {type(data).__name__}")
    unknown = set(data) - allowed
    if unknown:
        raise EvalError(f"{where}: unknown keys {sorted(unknown)}; allowed: {', '.join(sorted(allowed))}")
    missing = required - set(data)
    if missing:
        raise EvalError(f"{where}: missing keys {sorted(missing)}")
