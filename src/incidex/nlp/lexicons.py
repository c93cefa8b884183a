"""Word lists: the one loader of the lexicon files, and the lists the incident, role and casualty components share.

A lexicon is a UTF-8 text file in ``src/incidex/data/lexicons/`` (or any path), one entry per line (a word, a lemma
or a phrase), whose first line names it and its version: ``# incidex lexicon weapons, version 1``. Other lines
starting with ``#`` are comments; blank lines are skipped. Components that take a lexicon in their config accept
a shipped name ("weapons") or a file path.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

HEADER = re.compile(r"# incidex lexicon [\w.-]+, version \d+$")


def lexicon_path(name: str) -> Path:
    """The file of a shipped lexicon name (``NAME.txt``, or ``NAME.tsv`` for a table), or ``name`` itself when it
    is a path (it holds a "/" or ends in .txt or .tsv)."""
    if "/" in name or name.endswith((".txt", ".tsv")):
        return Path(name)
    shipped = Path(str(resources.files("incidex").joinpath("data", "lexicons")))
    table = shipped / f"{name}.tsv"
    return table if table.is_file() else shipped / f"{name}.txt"


@lru_cache(maxsize=None)
def phrases(name: str) -> tuple[str, ...]:
    """The entries of a lexicon in file order; a ConfigError names a missing file or a missing version header."""
    path = lexicon_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the lexicon {name!r} at {path} ({exc.__class__.__name__}); give a shipped "
                          "lexicon name or the path of a lexicon file") from None
    if not lines or not HEADER.match(lines[0].strip()):
        raise ConfigError(f"{path} is not a lexicon: its first line must be '# incidex lexicon NAME, version N'")
    return tuple(line.strip() for line in lines[1:] if line.strip() and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """The entries of a lexicon as a set, for membership tests."""
    return frozenset(phrases(name))


PERPETRATOR_NOUNS = words("perpetrator_nouns")
# Nouns that name perpetrators only when the text makes them the agent (an inmate who took hostages).
AMBIGUOUS_PERSON_NOUNS = words("ambiguous_person_nouns")
VICTIM_NOUNS = words("victim_nouns")
RESPONDER_NOUNS = words("responder_nouns")
# Who does a passive killing when an incident is reported ("by gunmen", "by police", "by the army"); not rescuers.
# responders who carry arms (police, soldiers, guards...), not firefighters or rescuers
SECURITY_FORCE_NOUNS = RESPONDER_NOUNS - {"firefighter", "rescuer"}
ARMED_DOERS = PERPETRATOR_NOUNS | SECURITY_FORCE_NOUNS | frozenset({"sniper", "jihadi"})
RESPONDER_VERBS = words("responder_verbs")
PERPETRATION_VERBS = words("perpetration_verbs")
# Nouns of an attack whose object is its target ("an attack on the embassy", "a Pokot raid").
ATTACK_NOUNS = words("attack_nouns")
# Verbs that report an act ("X are reported to have attacked"; "police said").
REPORTING_VERBS = words("reporting_verbs")
# Verbs that attribute a statement to a source ("said", "claimed", "denied").
SAY_VERBS = words("say_verbs")
# Verbs by which a group claims an attack ("claim", "accept"): the roles and places components read them.
CLAIM_VERBS = words("claim_verbs")
KILL_VERBS = words("kill_verbs")
DIE_VERBS = words("die_verbs")
INJURE_VERBS = words("injure_verbs")
KIDNAP_VERBS = frozenset({"kidnap", "abduct"})
# Pronouns that stand for one person: "two men beat him", "she was shot dead".
ONE_PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
# Violent verbs that report an incident when their object is people who are no public figures.
HARMING_VERBS = words("harming_verbs")
RELEASE_VERBS = words("release_verbs")
ARREST_VERBS = words("arrest_verbs")
DEAD_WORDS = words("dead_words")
INJURED_WORDS = words("injured_words")
# Singular nouns that stand for one person: "a shopkeeper was shot dead" is one killed.
PERSON_NOUNS = ((VICTIM_NOUNS | PERPETRATOR_NOUNS) - AMBIGUOUS_PERSON_NOUNS - words("group_nouns")) | words(
    "one_person_nouns")
COLLECTIVE_NOUNS = words("collective_nouns")
# Plural nouns of people a count can stand before: "people", "police", "men".
PEOPLE_NOUNS = words("people_nouns")
UNHARMED_WORDS = words("unharmed_words")

WEAPONS: tuple[str, ...] = phrases("weapons")
# Weapons that name an instrument only in violent context (a rope to climb down is not a weapon).
NON_WEAPON_CONTEXT = words("non_weapon_context")

TARGET_NOUNS = words("target_nouns")
TARGETING_VERBS = words("targeting_verbs")
# What robbers "make off with": money and valuables ("made off with $2 million of jewels"), not a ball or a title.
VALUABLES = words("valuables")
# Words that put an escape in custody ("escaped from prison", "an inmate escaped"), not "escaped unhurt".
CUSTODY_WORDS = words("custody_words")
