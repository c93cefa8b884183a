"""The home country of an armed group or party that acts in one country only (``data/lexicons/group_homes.tsv``):
weak context for an incident whose text states no country ("Mungiki members killed a matatu driver"). The lexicon
names the groups; their country is the first one the actor alias table gives them."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ConfigError
from .actors import actor_countries
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


__all__ = ["group_homes"]
