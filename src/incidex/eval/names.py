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


def names_identity(identity: frozenset[str], name: frozenset[str]) -> bool:
    """Every word of a people's or place's name (``identity``, folded words) is among the words of ``name``, spelt
    alike up to transliteration (:func:`same_spelling`): "Merrile" in "Merille raiders"."""
    return all(any(same_spelling(word, other) for other in name) for word in identity)


def same_spelling(a: str, b: str) -> bool:
    """Two folded words spell one name, allowing for transliteration: the same once doubled letters are single
    ("merrile", "merille"), or, both of five letters or more, one letter changed, added, dropped, or two neighbours
    swapped ("karamojong", "karamajong"; "turkana", "tukrana")."""
    a, b = _single_letters(a), _single_letters(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= _FUZZY_LENGTH and _one_edit_apart(a, b)


_FUZZY_LENGTH = 5


def _single_letters(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _one_edit_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one substitution, insertion, deletion or swap of two neighbouring letters."""
    if abs(len(a) - len(b)) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    rest_a, rest_b = a[start:], b[start:]
    return (rest_a[1:] == rest_b[1:] or rest_a[1:] == rest_b or rest_a == rest_b[1:]
            or (len(rest_a) >= 2 and rest_a[:2] == rest_b[1::-1] and rest_a[2:] == rest_b[2:]))


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
