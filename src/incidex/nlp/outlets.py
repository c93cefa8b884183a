"""The home country of a report's outlet: where its stories most likely happen when their text names no country.

A document's ``source`` names its outlet ("Daily Nation"), or several separated by semicolons ("Daily Nation; AFP").
Each name is looked up in the shipped outlet lexicon (``data/lexicons/outlets.tsv``: an outlet, its other names, its
home country, empty for an outlet that reports from everywhere) after folding case, accents, punctuation and a
leading "The"; a name the lexicon lacks that ends in a country in parentheses ("The Star (Kenya)", as Wikipedia
titles outlets that share a name) is that country's. Of a list, the country most of its national outlets name wins;
a tie, or no national outlet, gives none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from .actors import fold_name
from .gazetteer import default_gazetteer
from .lexicons import phrases

SEPARATOR = ";"
_PARENTHESIZED = re.compile(r"^(?P<name>.*?)\s*\((?P<inside>[^()]+)\)\s*$")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class OutletCountry:
    """The country a document's outlets call home (ISO 3166-1 alpha-2) and the outlet names, as the document gives
    them, that say so."""

    code: str
    outlets: tuple[str, ...]


def outlet_key(name: str) -> str:
    """``name`` folded for lookup: lowercase, no accents, "&" as "and", no apostrophes, other punctuation as spaces,
    no leading "the" or "www"."""
    words = fold_name(name.replace("&", " and ")).split()
    while words and words[0] in ("the", "www"):
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def outlet_countries() -> dict[str, str | None]:
    """Every name and other name of the outlet lexicon, folded, and its outlet's home country (None: everywhere)."""
    table: dict[str, str | None] = {}
    for row in phrases("outlets"):
        columns = row.split("\t")
        if len(columns) != 4 or not columns[0] or not columns[3]:
            raise ConfigError(f"outlets lexicon: {row!r} needs four tab-separated columns (name, other names, "
                              "country, source), the name and source filled")
        name, others, code, _ = columns
        if code and not _COUNTRY_CODE.fullmatch(code):
            raise ConfigError(f"outlets lexicon: {code!r} of {name!r} is not an ISO 3166-1 alpha-2 code")
        for variant in (name, *filter(None, others.split("|"))):
            key = outlet_key(variant)
            if key in table and table[key] != (code or None):
                raise ConfigError(f"outlets lexicon: {variant!r} is listed under two countries")
            table[key] = code or None
    return table


def home_country(outlet: str) -> str | None:
    """The home country of one outlet name; None for an international outlet or one we do not know."""
    table = outlet_countries()
    key = outlet_key(outlet)
    if key in table:
        return table[key]
    match = _PARENTHESIZED.match(outlet.strip())
    if match is None:
        return None
    base = outlet_key(match["name"])
    if base in table and table[base] is None:  # "BBC (Kenya)": an international outlet stays one
        return None
    return default_gazetteer().country_named(match["inside"]) or table.get(base)


@lru_cache(maxsize=4096)
def outlet_country(source: str | None) -> OutletCountry | None:
    """The country a document's ``source`` (one outlet or several separated by ";") calls home: the one most of
    its national outlets name; None when none is national or two countries tie."""
    if not source:
        return None
    named: dict[str, list[str]] = {}
    for outlet in (part.strip() for part in source.split(SEPARATOR)):
        code = home_country(outlet) if outlet else None
        if code is not None:
            named.setdefault(code, []).append(outlet)
    if not named:
        return None
    votes = Counter({code: len(outlets) for code, outlets in named.items()}).most_common(2)
    if len(votes) == 2 and votes[0][1] == votes[1][1]:
        return None
    code = votes[0][0]
    return OutletCountry(code, tuple(named[code]))


__all__ = ["OutletCountry", "home_country", "outlet_countries", "outlet_country", "outlet_key"]
