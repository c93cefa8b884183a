"""Where the actors a text names live, for an incident whose text states no country: the home country of an armed
group or party that acts in one country only (``data/lexicons/group_homes.tsv``: "Mungiki members killed a matatu
driver"), and the countries of a people whose armed men a report names as a community
(``data/lexicons/community_homes.tsv``: "Orma militia"). A group's country is the first one the actor alias table
gives it. The actors point at a country when the countries they share come down to one ("Maasai and Kipsigis
youths clashed": Kenya; "Pokot raiders" alone: none, the Pokot live in Kenya and Uganda)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..errors import ConfigError
from .actors import COMMUNAL_SUFFIX, actor_countries, community_homes, known_people
from .lexicons import phrases


@lru_cache(maxsize=1)
def group_homes() -> dict[str, str]:
    """Canonical group name -> its one home country (ISO 3166-1 alpha-2)."""
    countries = actor_countries()
    homes: dict[str, str] = {}
    for row in phrases("group_homes"):
        columns = row.split("\t")
        if len(columns) != 2 or not columns[1]:
            raise ConfigError(f"group_homes lexicon: {row!r} needs a name and a source")
        if not countries.get(columns[0]):
            raise ConfigError(f"group_homes lexicon: {columns[0]!r} is not a group of the actor alias table with a "
                              "country; use its canonical name there")
        homes[columns[0]] = countries[columns[0]][0]
    return homes


def actor_home(name: str) -> frozenset[str]:
    """The countries a named actor points at: a group's one home, the countries of a community's people
    ("Pokots Communal Militia": the Pokot's), or none."""
    if (home := group_homes().get(name)) is not None:
        return frozenset({home})
    people = name.removesuffix(f" {COMMUNAL_SUFFIX}")
    if people == name or (spelling := known_people(people)) is None:
        return frozenset()
    return community_homes()[spelling.lower()]


def shared_home(homes: Iterable[frozenset[str]]) -> str | None:
    """The one country that every home of ``homes`` (each an actor's :func:`actor_home`) that names any shares, or
    None (none names any, or they leave none or several in common)."""
    shared: frozenset[str] | None = None
    for home in homes:
        if home:
            shared = home if shared is None else shared & home
    return next(iter(shared)) if shared is not None and len(shared) == 1 else None


__all__ = ["actor_home", "group_homes", "shared_home"]
