"""The incident trigger lexicon: word patterns that mention an incident, with its type and strength.

A *strong* trigger ("took ... hostage", "detonated", "opened fire") is enough to report an incident; a *weak* one
("attack", "clash", "raid", "blast") needs corroboration in its sentence (a casualty, a weapon, an armed actor).
Patterns are lemma sequences; ``*`` allows up to three intervening tokens; ``a|b`` lists alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher

LEXICON_VERSION = "1"

# (type, strength, pattern)
TRIGGERS: tuple[tuple[str, str, str], ...] = (
    ("hostage_taking", "strong", "take|hold|seize|keep * hostage"),
    ("hostage_taking", "strong", "hostage - taking|taker|take"),
    ("hostage_taking", "strong", "hostage taking|taker|crisis|situation|standoff|siege"),
    ("hostage_taking", "strong", "hostage-taking|hostage-taker"),
    ("kidnapping", "strong", "kidnap|kidnapping|kidnapper|abduct|abduction|abductor"),
    ("kidnapping", "strong", "take|hold * captive"),
    ("kidnapping", "strong", "hold * for ransom"),
    ("bombing", "strong", "bomb|bombing|bomber|detonate|ied|dynamite|car-bomb"),
    ("bombing", "strong", "explosive device"),
    ("bombing", "strong", "suicide bomber|vest|attack"),
    ("bombing", "strong", "grenade attack"),
    ("bombing", "strong", "throw|hurl * grenade|explosive"),
    ("bombing", "weak", "explosion|blast|explode|explosive"),
    ("air_or_drone_strike", "strong", "airstrike|air-strike|warplane|airstrikes"),
    ("air_or_drone_strike", "strong", "air strike|raid|attack|bombardment"),
    ("air_or_drone_strike", "strong", "drone strike|attack"),
    ("air_or_drone_strike", "strong", "missile strike"),
    ("shelling", "strong", "shelling|bombardment|shell"),
    ("shelling", "strong", "artillery|mortar|rocket fire|attack|shell|round"),
    ("shelling", "strong", "fire rocket|mortar|shell"),
    ("armed_assault", "weak", "attack|assault|attacker|assailant|shooting"),
    ("armed_assault", "strong", "open fire"),
    ("armed_assault", "strong", "gunman|gunmen|massacre|ambush|stab|stabbing"),
    ("armed_assault", "strong", "shoot|gun * dead|down"),
    ("armed_assault", "strong", "mass shooting"),
    ("armed_assault", "strong", "machete attack"),
    ("armed_assault", "weak", "gunfire|shootout"),
    ("armed_assault", "weak", "fire on|at"),
    ("assassination", "strong", "assassinate|assassination|assassin"),
    ("arson", "strong", "arson|arsonist|firebomb|torch"),
    ("arson", "strong", "set fire"),
    ("arson", "strong", "set * on fire|ablaze|alight"),
    ("arson", "weak", "burn|molotov"),
    ("raid", "weak", "raid|storm"),
    ("clash", "weak", "clash|skirmish|firefight"),
    ("clash", "strong", "gun battle"),
    ("clash", "strong", "exchange of fire"),
    ("clash", "strong", "exchange fire"),
    ("riot", "strong", "riot|rioting|rioter"),
    ("riot", "weak", "looting|loot|unrest"),
    ("riot", "weak", "tear gas"),
    ("arrest", "strong", "arrest|detain|apprehend"),
    ("arrest", "strong", "take * into custody"),
    ("arrest", "weak", "round up"),
    ("plot", "weak", "plot"),
    ("plot", "strong", "plan|prepare|plot * attack|bombing|assault"),
    ("plot", "strong", "foil|thwart"),
    ("robbery", "strong", "rob|robbery|robber|heist"),
    ("robbery", "weak", "steal"),
    ("other", "strong", "hijack|hijacking|hijacker"),
    ("other", "weak", "sabotage|poison"),
)

# Order used to type an incident that has triggers of several types (first wins).
TYPE_PRIORITY: tuple[str, ...] = (
    "hostage_taking",
    "kidnapping",
    "assassination",
    "bombing",
    "air_or_drone_strike",
    "shelling",
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
FALSE_FRIEND_MODIFIERS = frozenset({"heart", "panic", "cyber", "asthma", "anxiety", "verbal", "personal", "shark"})
# Agent nouns: they name the perpetrators and refer to an incident, but do not start one by themselves.
AGENT_NOUNS = frozenset(
    {"hostage-taker", "taker", "kidnapper", "abductor", "bomber", "attacker", "assailant", "gunman", "gunmen",
     "robber", "rioter", "arsonist", "assassin", "hijacker"}
)


@dataclass(frozen=True)
class TriggerRule:
    type: str
    strong: bool


def _token_pattern(word: str) -> dict:
    options = word.split("|")
    return {"LEMMA": {"IN": options}} if len(options) > 1 else {"LEMMA": options[0]}


def _lower_pattern(word: str) -> dict:
    options = word.split("|")
    return {"LOWER": {"IN": options}} if len(options) > 1 else {"LOWER": options[0]}


def build_matcher(nlp: Language) -> tuple[Matcher, dict[str, TriggerRule]]:
    """A Matcher over the lexicon and the rule each match key stands for."""
    matcher = Matcher(nlp.vocab)
    rules: dict[str, TriggerRule] = {}
    for index, (kind, strength, pattern) in enumerate(TRIGGERS):
        key = f"TRIGGER_{index}"
        rules[key] = TriggerRule(kind, strength == "strong")
        words = pattern.split()
        for make in (_token_pattern, _lower_pattern):
            spec: list[dict] = []
            for word in words:
                if word == "*":
                    spec.extend({"IS_SENT_START": False, "OP": "?"} for _ in range(3))
                else:
                    spec.append(make(word))
            matcher.add(key, [spec], greedy="LONGEST")
    return matcher, rules
