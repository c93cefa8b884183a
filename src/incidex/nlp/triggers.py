"""The incident trigger lexicon: word patterns that mention an incident, with its type and strength.

A *strong* trigger ("took ... hostage", "detonated", "opened fire") is enough to report an incident; a *weak* one
("attack", "clash", "raid", "blast") needs corroboration in its sentence (a casualty, a weapon, an armed actor).
Patterns are lemma sequences; ``*`` allows up to three intervening tokens; ``a|b`` lists alternatives. They live in
the lexicon file ``triggers.tsv`` (type, strength, pattern, tab-separated).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..errors import ConfigError
from .lexicons import phrases, words

# Order used to type an incident that has triggers of several types (first wins).
TYPE_PRIORITY: tuple[str, ...] = (
    "hostage_taking",
    "kidnapping",
    "assassination",
    "air_or_drone_strike",
    "shelling",
    "bombing",
    "arson",
    "robbery",
    "armed_assault",
    "riot",
    "clash",
    "arrest",
    "raid",
    "plot",
    "other",
)

# Words that turn "attack" into something else.
FALSE_FRIEND_MODIFIERS = words("false_friend_modifiers")
# Agent nouns: they name the perpetrators and refer to an incident, but do not start one by themselves.
AGENT_NOUNS = words("agent_nouns")
# Triggers that say violence happened but not which kind; they type an incident only when nothing more specific does.
GENERIC_TRIGGERS = words("generic_triggers")
# A body found, or people found dead ("find * dead"): a killing where the text tells of foul play.
FOUND_WORDS = frozenset({"body", "corpse", "find"})


@dataclass(frozen=True)
class TriggerRule:
    type: str
    strong: bool


def trigger_patterns(lexicon: str = "triggers") -> tuple[tuple[str, str, str], ...]:
    """The ``(type, strength, pattern)`` rows of a trigger lexicon (a shipped name or a path)."""
    rows = tuple(tuple(line.split("\t")) for line in phrases(lexicon))
    bad = next((row for row in rows if len(row) != 3 or row[0] not in TYPE_PRIORITY or row[1] not in STRENGTHS), None)
    if bad is not None:
        raise ConfigError(f"trigger lexicon {lexicon!r}: the row {bad!r} is not 'type<TAB>strong|weak<TAB>pattern' "
                          "with one of our incident types")
    return rows  # type: ignore[return-value]


STRENGTHS = ("strong", "weak")
MAX_GAP = 3
# where a verb's -ing form stands for a noun ("Fighting between two groups left ten dead", "killed in firing by
# troops"), it is matched by its own form as well as by its lemma; not "the army is fighting corruption"
GERUND_AS_NOUN = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "pcomp", "acl", "compound", "appos"})


class TriggerMatcher:
    """Finds lexicon patterns by the lemma of their first word: one dictionary look-up per token.

    Call it on a Doc to get ``(rule, start, end)`` token spans, longest match per start position.
    """

    def __init__(self, lexicon: str = "triggers") -> None:
        self.rules: list[TriggerRule] = []
        self.by_first: dict[str, list[tuple[int, list[frozenset[str] | None]]]] = {}
        for index, (kind, strength, pattern) in enumerate(trigger_patterns(lexicon)):
            self.rules.append(TriggerRule(kind, strength == "strong"))
            steps = [None if word == "*" else frozenset(word.split("|")) for word in pattern.split()]
            for first in steps[0] or ():
                self.by_first.setdefault(first, []).append((index, steps[1:]))

    def __call__(self, doc: Doc) -> list[tuple[TriggerRule, int, int]]:
        lemmas = [trigger_lemma(token) for token in doc]
        found = []
        for start, lemma in enumerate(lemmas):
            best: tuple[int, int] | None = None
            token = doc[start]
            rules = self.by_first.get(lemma, [])
            if token.tag_ == "VBG" and token.dep_ in GERUND_AS_NOUN and token.lower_ != lemma:
                rules = [*rules, *self.by_first.get(token.lower_, ())]  # "in cross-border firing": "firing", not "fire"
            for index, rest in rules:
                end = _match_rest(doc, lemmas, start + 1, rest)
                if end is not None and (best is None or end > best[1]):
                    best = (index, end)
            if best is not None:
                found.append((self.rules[best[0]], start, best[1]))
        return found


# forms the lemmatizer gets wrong: "raped" is not a form of "rap"
LEMMA_FIXES = {"raped": "rape", "rapes": "rape", "corpses": "corpse"}  # the lemmatizer gives "corps"


def trigger_lemma(token: Token) -> str:
    """The lower-case lemma; a plural proper noun the tagger left as written loses its "s" ("Maoists": maoist), and
    a form of LEMMA_FIXES takes its right lemma."""
    if token.lower_ in LEMMA_FIXES:
        return LEMMA_FIXES[token.lower_]
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and lemma == token.lower_ and lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def _match_rest(doc: Doc, lemmas: list[str], position: int, steps: list[frozenset[str] | None]) -> int | None:
    """End of the match of ``steps`` from ``position``, or None. A gap step skips up to MAX_GAP tokens."""
    gap = 0
    for step in steps:
        if step is None:
            gap = MAX_GAP
            continue
        for offset in range(gap + 1):
            at = position + offset
            if at >= len(lemmas) or (offset and doc[at].is_sent_start):
                return None
            if lemmas[at] in step:
                position = at + 1
                break
        else:
            return None
        gap = 0
    return position
