"""The incident trigger lexicon: word patterns that mention an incident, with its type and strength.

A *strong* trigger ("took ... hostage", "detonated", "opened fire") is enough to report an incident; a *weak* one
("attack", "clash", "raid", "blast") needs corroboration in its sentence (a casualty, a weapon, an armed actor).
Patterns are lemma sequences; ``*`` allows up to three intervening tokens; ``a|b`` lists alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

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
    ("bombing", "strong", "throw|hurl|explode|detonate|blast * cocktail"),  # a crude bomb, in South Asian reports
    ("bombing", "weak", "explosion|blast|explode|explosive"),
    ("bombing", "weak", "blow up"),  # "militants blew up a bridge"
    ("bombing", "weak", "blow * up"),  # "a suicide attacker blew himself up"
    ("air_or_drone_strike", "strong", "airstrike|air-strike|warplane|airstrikes"),
    ("air_or_drone_strike", "strong", "air strike|raid|attack|bombardment"),
    ("air_or_drone_strike", "strong", "drone strike|attack"),
    ("air_or_drone_strike", "strong", "missile strike"),
    ("air_or_drone_strike", "strong", "drone * drop|release|bomb|hit|strike|attack|fire|target"),
    ("air_or_drone_strike", "strong", "aircraft|jet|warplane|helicopter|plane * bomb|strike|pound|hit|attack"),
    ("shelling", "strong", "shelling|bombardment|shell"),
    ("shelling", "strong", "artillery|mortar|rocket fire|attack|shell|round"),
    ("shelling", "strong", "fire rocket|mortar|shell"),
    ("armed_assault", "weak", "attack|assault|attacker|assailant|shooting"),
    ("armed_assault", "strong", "open fire"),
    ("armed_assault", "strong", "gunman|gunmen|massacre|ambush|stab|stabbing"),
    ("armed_assault", "strong", "shoot|gun * dead|down|kill"),
    ("armed_assault", "weak", "shoot|kill|murder|murderer|slaying|slay|homicide|killing|killer"),
    ("armed_assault", "strong", "mass shooting"),
    ("armed_assault", "strong", "machete attack"),
    ("armed_assault", "weak", "gunfire|shootout"),
    ("armed_assault", "weak", "fire on|at"),
    ("armed_assault", "weak", "rampage"),
    ("armed_assault", "weak", "gunshot"),  # "a body with gunshot wounds"
    ("armed_assault", "weak", "overrun"),  # "fighters overran a military base"
    ("armed_assault", "weak", "firing"),  # "killed in cross-border firing", "injured in police firing"
    ("armed_assault", "weak", "beat up"),
    ("armed_assault", "weak", "beat * by"),  # "were beaten brutally on Tuesday by armed cadres"
    ("armed_assault", "weak", "beating|lynch|lynching|torture"),
    ("armed_assault", "strong", "beat|lynch|hack|stone|club * to death"),
    ("assassination", "strong", "assassinate|assassination|assassin"),
    ("arson", "strong", "arson|arsonist|firebomb|torch"),
    ("arson", "strong", "set fire"),
    ("arson", "strong", "set * on fire|ablaze|alight"),
    ("arson", "weak", "burn|molotov"),
    ("raid", "weak", "raid|storm"),
    ("clash", "weak", "clash|skirmish|firefight|fighting"),
    ("clash", "strong", "gun battle"),
    ("clash", "strong", "gunfight|gunbattle|gun-battle"),
    ("clash", "weak", "encounter|battle with|between * police|policeman|force|troop|army|soldier|militant|rebel|"
                      "insurgent|militia|guerrilla|fighter|gunman|gunmen|terrorist|maoist|jihadist|bandit|group"),
    ("clash", "strong", "exchange of fire"),
    ("clash", "strong", "exchange fire"),
    ("riot", "strong", "riot|rioting|rioter"),
    ("riot", "weak", "looting|loot|unrest"),
    ("riot", "weak", "tear gas"),
    ("arrest", "strong", "arrest|detain|apprehend"),
    ("arrest", "strong", "take * into custody"),
    ("arrest", "weak", "round up"),
    ("arrest", "weak", "capture"),
    ("plot", "weak", "plot"),
    ("plot", "strong", "plan|prepare|plot * attack|bombing|assault"),
    ("plot", "strong", "foil|thwart"),
    ("robbery", "strong", "rob|robbery|robber|heist|theft|thief"),
    ("robbery", "weak", "steal"),
    ("robbery", "strong", "make off with"),  # kept only when what was taken is money or valuables
    ("other", "strong", "escape|escapee|jailbreak|breakout"),  # kept only in custody context
    ("other", "strong", "prison break|escape"),
    ("other", "strong", "jail break|escape"),
    ("other", "strong", "hijack|hijacking|hijacker"),
    ("other", "weak", "sabotage|poison"),
)

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
FALSE_FRIEND_MODIFIERS = frozenset({"heart", "panic", "cyber", "asthma", "anxiety", "verbal", "personal", "shark"})
# Agent nouns: they name the perpetrators and refer to an incident, but do not start one by themselves.
AGENT_NOUNS = frozenset(
    {"hostage-taker", "taker", "kidnapper", "abductor", "bomber", "attacker", "assailant", "gunman", "gunmen",
     "robber", "rioter", "arsonist", "assassin", "hijacker", "thief", "murderer", "killer", "escapee"}
)
# Triggers that say violence happened but not which kind; they type an incident only when nothing more specific does.
GENERIC_TRIGGERS = frozenset({"attack", "assault", "kill", "killing", "attacker", "assailant", "shoot", "shooting"})


@dataclass(frozen=True)
class TriggerRule:
    type: str
    strong: bool


MAX_GAP = 3
# where a verb's -ing form stands for a noun ("Fighting between two groups left ten dead", "killed in firing by
# troops"), it is matched by its own form as well as by its lemma; not "the army is fighting corruption"
GERUND_AS_NOUN = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "pcomp", "acl", "compound", "appos"})


class TriggerMatcher:
    """Finds lexicon patterns by the lemma of their first word: one dictionary look-up per token.

    Call it on a Doc to get ``(rule, start, end)`` token spans, longest match per start position.
    """

    def __init__(self) -> None:
        self.rules: list[TriggerRule] = []
        self.by_first: dict[str, list[tuple[int, list[frozenset[str] | None]]]] = {}
        for index, (kind, strength, pattern) in enumerate(TRIGGERS):
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


def trigger_lemma(token: Token) -> str:
    """The lower-case lemma; a plural proper noun the tagger left as written loses its "s" ("Maoists": maoist)."""
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
