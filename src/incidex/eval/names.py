"""Whether our name of an armed group names the group a gold annotation gives (ACLED actors, MUC-4 organizations).

Names are first normalized through our actor alias table (``incidex/data/actor_aliases.tsv``), so an alias and the
canonical name are one group; names the table does not know match when they have the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..nlp.actors import normalize_actor
from .fields import tokens

_PARENTHESIZED = re.compile(r"^(?P<base>.*?)\s*\((?P<inner>[^()]*)\)\s*$")


def same_group(ours: str, gold: str) -> bool:
    """Our name of a group names the gold group: by our actor alias table when it knows the gold name or its
    abbreviation ("JNIM: Group for Support of Islam and Muslims"), else by the same words."""
    ours_canonical = normalize_actor(ours) or ours
    variants = _name_variants(gold)
    if any(normalize_actor(variant) == ours_canonical for variant in variants):
        return True
    return any(tokens(ours) == tokens(v) or tokens(ours_canonical) == tokens(v) for v in variants)


def _name_variants(gold: str) -> list[str]:
    """A gold name's abbreviation (before a colon, ACLED's style) and name; a parenthesized country is dropped
    ("Vigilante Group (India)"), other parentheses are part of the name ("Islamic State (Greater Sahara)")."""
    abbreviation, _, full = gold.partition(": ") if ": " in gold else ("", "", gold)
    variants = [abbreviation] if abbreviation else []
    if match := _PARENTHESIZED.match(full):
        base, inner = match["base"], match["inner"]
        variants.append(base if _is_country(inner) else f"{base} {inner}")
    else:
        variants.append(full)
    return variants


@lru_cache(maxsize=1024)
def _is_country(name: str) -> bool:
    from ..nlp.gazetteer import default_gazetteer

    return default_gazetteer().country_named(name) is not None
