"""The home country of an armed group or party that acts in one country only (``data/lexicons/group_homes.tsv``):
weak context for an incident whose text states no country ("Mungiki members killed a matatu driver")."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ConfigError
from .lexicons import phrases


@lru_cache(maxsize=1)
def group_homes() -> dict[str, str]:
    """Canonical group name -> its one home country (ISO 3166-1 alpha-2)."""
    homes: dict[str, str] = {}
    for row in phrases("group_homes"):
        columns = row.split("\t")
        if len(columns) != 3 or len(columns[1]) != 2 or not columns[2]:
            raise ConfigError(f"group_homes lexicon: {row!r} needs a name, a country code and a source")
        homes[columns[0]] = columns[1]
    return homes


__all__ = ["group_homes"]
