"""The incident type: the one component that decides it (``incidex_types_v1``), after roles.

A frame's triggers give its type (a specific type if any trigger has one, else the most mentioned), unless the
incident is told as violence against people first: then the burning, theft, raid or arrest told after it is part of
that assault or clash. Who was involved can change it: a killed official makes an armed assault an assassination,
protesters as the subject of a trigger's sentence make a clash, arson, bombing, armed assault, raid or looting a
riot. Writes ``doc._.incidex_types``, the type of each frame by its id.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from .casualties import to_death
from .frames import FrameArguments, IncidentFrame, Trigger, VictimArg
from .lexicons import ARMED_DOERS, PERSON_NOUNS, RESPONDER_NOUNS, SECURITY_FORCE_NOUNS, VICTIM_NOUNS, words
from .triggers import AGENT_NOUNS, FOUND_WORDS, GENERIC_TRIGGERS, TYPE_PRIORITY, trigger_lemma

SPECIFIC_TYPES = ("hostage_taking", "kidnapping", "assassination", "air_or_drone_strike", "shelling")
# Victims whose killing makes an assassination, and people whose violence makes a riot.
OFFICIAL_NOUNS = words("official_nouns")
# an official of the security forces is one of them, not a public figure: "a police official was shot dead",
# "two prison officials died when gunmen stormed the jail"
SECURITY_MODIFIERS = SECURITY_FORCE_NOUNS | {"security", "customs", "prison", "border"}
PROTEST_NOUNS = words("protest_nouns")
RIOT_PRONE_TYPES = frozenset({"clash", "arson", "bombing", "armed_assault", "raid", "robbery"})
# Violence against people, and the acts that are part of it when it is told first: "gunmen attacked the village and
# burned houses", "shot a farmer and looted his phone", "police killed two and arrested five"; of an assault and a
# clash, the one told first.
VIOLENCE_TYPES = frozenset({"clash", "armed_assault"})
CONSEQUENT_TYPES = frozenset({"arson", "robbery", "raid", "arrest"})
# Bombs and shells used in a fight the incident tells are its weapons: "two groups clashed, hurling crude bombs at each
# other", "troops exchanged fire and shells across the border", "an ambush opened by a roadside bomb, then a gun battle"
FIRED_IN_A_FIGHT = frozenset({"bombing", "shelling"})
# A bomb or shell used with guns in one attack is an armed assault: "opened fire on the post and hurled a grenade",
# "the ambush began with a roadside bomb and then small arms fire", "gunfire and mortar rounds hit the outposts"
GUNFIRE_LEMMAS = frozenset({"fire", "firing", "gunfire", "shoot", "shooting", "shootout", "gunshot"})
# Verbs of throwing by hand. A bomb thrown is an attack by people on the spot, an armed assault as a grenade attack
# may be: "a youth on a bicycle hurled a home-made bomb into the crowd"; not a bomb planted, left or set off ("a
# roadside bomb exploded"). Stones thrown at people are a crowd's violence (the ``triggers`` lexicon, incidents.py).
THROWING_VERBS = frozenset({"throw", "hurl", "lob", "toss", "pelt"})
# A raid or theft in which people are killed or wounded is that assault, whatever is told first (_harms_in_taking);
# "attack" and "assault" (which may name the raid itself) and the doers' nouns do not count as the harm.
TAKING_TYPES = frozenset({"robbery", "raid"})
NOT_THE_HARM = frozenset({"attack", "assault"}) | AGENT_NOUNS
# Taking people: when the captives are killed, or people are killed or wounded before anyone is taken, the incident
# is an armed assault ("abducted and executed a chief"); "gunmen abducted 23 passengers ... the driver was shot dead"
# stays a kidnapping.
CAPTURE_TYPES = frozenset({"kidnapping", "arrest"})
# who raids on duty: police and soldiers, not a militia that raids a village and kills a herder
ON_DUTY_NOUNS = RESPONDER_NOUNS - {"militia"}
# people an attack told beside a raid may be done to ("raid homesteads and attack herders")
ATTACKED_PEOPLE = (PERSON_NOUNS | VICTIM_NOUNS) - RESPONDER_NOUNS
# people a raid by police or soldiers may harm and stay a raid: those held to have done a crime, and armed men (not
# the plain words for people that ARMED_DOERS also holds: "killing a youth", "beat the inmates")
CULPRITS = words("culprit_nouns") | (ARMED_DOERS - {"man", "men", "youth", "individual", "inmate", "prisoner"})
KILLING_LEMMAS = frozenset({"kill", "murder", "execute", "behead", "shoot", "slay", "lynch"}) | FOUND_WORDS
# harm joined to an arrest: an assault on those arrested ("soldiers arrested and wounded three fishermen")
HARMING_LEMMAS = KILLING_LEMMAS | {"wound", "injure", "attack", "assault", "beat", "torture"}
# an abduction tried and failed is no abduction: "tried to kidnap him", "an attempted abduction", "a bid to abduct"
ATTEMPT_LEMMAS = frozenset({"attempt", "try", "bid", "fail", "foil", "thwart"})
# who a killing told after an abduction may refer back to: the captive
THIRD_PERSON = frozenset({"he", "him", "she", "her", "they", "them"})
CAPTIVE_NOUNS = frozenset({"victim", "captive", "hostage", "abductee"})
# words that open a noun phrase before its head ("a", "deadly", "in", "two")
NOUN_PHRASE_TAGS = frozenset({"DET", "ADJ", "ADP", "NUM"})


def typing_triggers(frame: IncidentFrame) -> list[Trigger]:
    """The triggers that type a frame: its acts, then explosives seized or recalled, then its agent nouns and tolls,
    the first of these that the frame has."""
    acts = [t for t in frame.triggers if not t.agent and not t.casualty]
    return [t for t in acts if not t.aside] or acts or frame.triggers


def trigger_type(frame: IncidentFrame) -> str:
    """The type the triggers give: a specific type if any trigger has one, else the most mentioned type (ties go
    to the earlier type in TYPE_PRIORITY)."""
    typed = typing_triggers(frame)
    specific = [t for t in typed if t.lemma not in GENERIC_TRIGGERS]
    types = [t.type for t in (specific or typed)]
    for specific in SPECIFIC_TYPES:
        if specific in types:
            return _fired_with(specific, types, typed) if specific in FIRED_IN_A_FIGHT else specific
    if "arrest" in types and "plot" in types:
        return "arrest"
    kind = max(TYPE_PRIORITY, key=lambda kind: (types.count(kind), -TYPE_PRIORITY.index(kind)))
    first = first_act(typed).type
    if kind in CONSEQUENT_TYPES | {"clash"} and first in VIOLENCE_TYPES:
        return first  # "militia attacked the village, killing seven; fighting went on": the attack comes first
    if kind in FIRED_IN_A_FIGHT:
        return "clash" if first == "clash" else _fired_with(kind, types, typed)
    return kind


def _fired_with(kind: str, types: list[str], triggers: list[Trigger]) -> str:
    """A bombing or shelling whose incident tells a fight (``types``, those its typing triggers give) is that clash;
    one that gunfire opens ("opened fire on the post and hurled a grenade") is an armed assault, while gunfire told
    after the blast ("a car bomb exploded, followed by gunfire", police firing back) leaves it a bombing."""
    if "clash" in types:
        return "clash"
    blast = min((t.start for t in triggers if t.type == kind), default=None)
    if any(t.type == "armed_assault" and t.lemma in GUNFIRE_LEMMAS and (blast is None or t.start < blast)
           for t in triggers):
        return "armed_assault"
    return kind


def first_act(triggers: list[Trigger]) -> Trigger:
    """The act told first; a noun naming its doers ("armed robbers kill three") is no act when a verb or event
    noun is there."""
    acts = [t for t in triggers if t.lemma not in AGENT_NOUNS] or triggers
    return min(acts, key=lambda t: t.start)


def incident_type(doc: Doc, frame: IncidentFrame, arguments: FrameArguments) -> str:
    """The type of one incident: its triggers' type, refined by who was involved."""
    kind = trigger_type(frame)
    if kind == "plot" and _killed_foiling(doc, frame):
        kind = "armed_assault"
    if kind == "kidnapping" and _abduction_attempted(doc, frame):
        kind = trigger_type(replace(frame, triggers=[t for t in frame.triggers if t.type != "kidnapping"]))
    if kind == "bombing" and _thrown_by_hand(doc, frame):
        kind = "armed_assault"
    if kind in TAKING_TYPES and (_harms_in_taking(doc, frame) or _toll_in_taking(doc, frame, arguments)):
        kind = "armed_assault"
    elif kind in CONSEQUENT_TYPES and _done_in_clash(doc, frame):
        kind = "clash"
    if kind in CAPTURE_TYPES and (_captives_killed(doc, frame) or _captive_killed_later(doc, frame)
                                  or _captives_counted_dead(doc, frame, arguments)
                                  or kind == "kidnapping" and (_harm_told_first(frame, arguments)
                                                               or _rape_told(doc, frame))
                                  or kind == "arrest" and _dead_after_arrest(doc, frame, arguments)):
        kind = "armed_assault"
    if kind == "armed_assault" and any(
        _public_figure(v) and any(c.status == "killed" for c in v.statuses) for v in arguments.victims
    ):
        return "assassination"
    if kind in RIOT_PRONE_TYPES and not (kind == "armed_assault" and _crowd_kills(doc, frame)):
        for trigger in frame.triggers:
            sentence = doc[trigger.token].sent
            if any(t.lemma_ in PROTEST_NOUNS and t.dep_ in {"nsubj", "nsubjpass", "poss"} for t in sentence):
                return "riot"
    return kind


def _crowd_kills(doc: Doc, frame: IncidentFrame) -> bool:
    """"An angry crowd lynched two men", "a mob dragged a suspect out and beat him to death": protesters or a crowd
    killing someone is an attack on that person, not a riot."""
    for trigger in typing_triggers(frame):
        verb = doc[trigger.token]
        if trigger.type != "armed_assault" or not (trigger.lemma in KILLING_LEMMAS or to_death(verb)):
            continue
        verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in PROTEST_NOUNS for v in verbs for c in v.children):
            return True
    return False


def _thrown_by_hand(doc: Doc, frame: IncidentFrame) -> bool:
    """Whether someone the text tells of threw a bomb of the incident: "lobbed a home-made bomb over the wall",
    "threw a grenade and a cocktail bomb" (THROWING_VERBS); not "two bombs were thrown at an embassy car", where no
    thrower is seen."""
    for trigger in typing_triggers(frame):
        if trigger.type != "bombing":
            continue
        token = doc[trigger.token]
        while token.dep_ in {"compound", "conj"} and token.head.i != token.i:
            token = token.head  # "cocktail bomb", "bombs and grenades"
        if token.lemma_.lower() in THROWING_VERBS or (token.dep_ == "dobj"
                                                      and token.head.lemma_.lower() in THROWING_VERBS):
            return True
    return False


def _killed_foiling(doc: Doc, frame: IncidentFrame) -> bool:
    """"Officers shot dead two militants while foiling a bombing plot": a killing or shooting done, not one planned
    ("foiled a plot to kill the governor")."""
    return any(t.type == "armed_assault" and t.lemma in KILLING_LEMMAS | GUNFIRE_LEMMAS
               and not any(c.dep_ == "aux" and c.lower_ == "to" for c in doc[t.token].children)
               for t in typing_triggers(frame))


def _public_figure(victim: VictimArg) -> bool:
    """An official, leader or journalist (``official_nouns``), not an official of the security forces."""
    before = victim.text.lower().split()[:-1]
    return victim.head in OFFICIAL_NOUNS and SECURITY_MODIFIERS.isdisjoint(before)


def _harms_in_taking(doc: Doc, frame: IncidentFrame) -> bool:
    """"Bandits raided the village, killed two herders and stole cattle", "raiders stole goats, wounding two
    herders": a raid or theft in which people are killed, shot, wounded or beaten, whatever is told first; not a
    raid by police or soldiers ("police raided a hideout and shot dead two suspects": a raid), nor a robbery whose
    gang exchanges fire with police as it flees (that is no harm told as an assault)."""
    if not any(t.type == "armed_assault" and (t.lemma not in NOT_THE_HARM or _attacks_people(doc[t.token]))
               for t in typing_triggers(frame)):
        return False
    return not _taken_by_responders(doc, frame) or _harms_bystanders(doc, frame)


def _harms_bystanders(doc: Doc, frame: IncidentFrame) -> bool:
    """"Soldiers raided a house, killing a boy", "policemen raided a trader's house and shot him": the people a
    raid by police or soldiers kills, shoots, wounds or beats are not named as suspects or armed men (``CULPRITS``),
    so the raid is an attack on them; "police raided a hideout and shot dead two suspects" stays a raid."""
    verbs = [doc[t.token] for t in typing_triggers(frame) if t.type == "armed_assault" and t.lemma in HARMING_LEMMAS]
    # "shot and injured him": verbs joined by "and" share their object
    harmed = [person for v in verbs for w in (v, *(c for c in v.children if c.dep_ == "conj"))
              for person in _killed_people(w)]
    return any(p.lemma_.lower() not in CULPRITS and (p.pos_ == "PRON" or p.lemma_.lower() in ATTACKED_PEOPLE)
               for p in harmed)


def _attacks_people(trigger: Token) -> bool:
    """"Rustlers raid homesteads and attack herders": an attack whose object, or the word right after it where the
    parse lost the object, is people, not the raid itself ("raided the village in a dawn attack")."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if trigger.i + 1 < len(trigger.doc) and _bare_word(trigger):
        objects.append(trigger.doc[trigger.i + 1])
    return any(o.lemma_.lower() in ATTACKED_PEOPLE for o in objects)


def _bare_word(trigger: Token) -> bool:
    """A trigger with no words of its own before it, as a verb in a headline ("... and attack herders"), not one
    heading a noun phrase ("in a night attack residents said lasted two hours": the residents speak)."""
    before = trigger.doc[trigger.i - 1] if trigger.i else None
    return trigger.n_lefts == 0 and (before is None or before.pos_ not in NOUN_PHRASE_TAGS)


def _taken_by_responders(doc: Doc, frame: IncidentFrame) -> bool:
    """Police or soldiers do the raid or taking: "police raided a hideout"."""
    takers = [c for t in frame.triggers if t.type in TAKING_TYPES
              for v in (doc[t.token], doc[t.token].head) for c in v.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in ON_DUTY_NOUNS for c in takers for t in c.subtree)


def _done_in_clash(doc: Doc, frame: IncidentFrame) -> bool:
    """"Houses were burnt in clashes between two clans", "police arrested 20 after clashes between rival groups":
    a burning, theft, raid or arrest told in the sentence of a clash, or after it, is part of that clash; not
    "robbers stormed a bank ... After shots were traded with officers, five were detained"."""
    acts = typing_triggers(frame)
    first = min((t for t in acts if t.type in CONSEQUENT_TYPES), key=lambda t: t.start)
    return any(t.type == "clash" and (t.start < first.start or doc[t.token].sent == doc[first.token].sent)
               for t in acts)


def _toll_in_taking(doc: Doc, frame: IncidentFrame, arguments: FrameArguments) -> bool:
    """"Four died when armed men raided the village", "two killed during a raid by bandits", "five hurt as a gang
    stole 300 cattle": a raid or theft with people other than its doers counted dead or hurt, told as a toll; not
    "two robbers were killed" nor a raid by police or soldiers."""
    harmed = any(c.field.split(".")[0] in {"killed", "injured"} and not c.field.endswith(".perpetrators")
                 and (c.value or c.low or 0) > 0 for c in arguments.casualties)
    return harmed and not _taken_by_responders(doc, frame)


def _captives_killed(doc: Doc, frame: IncidentFrame) -> bool:
    """"abducted and executed a chief", "arrested and killed two men": a killing joined to the capture ends it, and
    so does any harm joined to an arrest ("soldiers arrested and wounded three fishermen", "were detained and
    attacked by guards"); "executed a man abducted the day before": the killing's object is the captive."""
    pairs = [(doc[c.token], doc[k.token]) for c in frame.triggers if c.type in CAPTURE_TYPES
             for k in frame.triggers if k.type == "armed_assault"
             and k.lemma in (HARMING_LEMMAS if c.type == "arrest" else KILLING_LEMMAS)]
    return any(k.dep_ == "conj" and k.head == c or c.dep_ == "conj" and c.head == k
               or c.dep_ == "acl" and c.head.dep_ == "dobj" and c.head.head == k for c, k in pairs)


def _captives_counted_dead(doc: Doc, frame: IncidentFrame, arguments: FrameArguments) -> bool:
    """"A village chief abducted and executed by militants", where the parse lost the killing as an act: the casualty
    figures count the captive, the object of the abduction itself, among the dead."""
    verbs = [doc[t.token] for t in frame.triggers if t.type in CAPTURE_TYPES]
    # a headline's subject of a participle with no object is the one taken: "Village chief abducted and executed"
    captives = [c.idx for v in verbs for c in v.children if c.dep_ in {"dobj", "nsubjpass"} or c.dep_ == "nsubj"
                and v.tag_ in {"VBN", "VBD"} and not any(o.dep_ == "dobj" for o in v.children)]
    return any(c.field.startswith("killed") and any(c.start <= at < c.end for at in captives)
               for c in arguments.casualties)


def _captive_killed_later(doc: Doc, frame: IncidentFrame) -> bool:
    """"abducted a man; he was later found beheaded", "abducted a chief ... and beheaded him", "the victim was
    beheaded", "arrested a trader; his body was found": a killing told after the capture of one the text refers back
    to, so the captive; not "abducted 23 passengers; the driver was shot dead"."""
    taken = min(t.start for t in frame.triggers if t.type in CAPTURE_TYPES)
    return any(t.start > taken and kills_one_told_before(doc, t) for t in frame.triggers)


def kills_one_told_before(doc: Doc, trigger: Trigger) -> bool:
    """A killing of someone the text refers back to: "killed him", "executed the victim", "their bodies were
    found"."""
    return trigger.type == "armed_assault" and trigger.lemma in KILLING_LEMMAS and any(
        _refers_back(person) for person in _killed_people(doc[trigger.token]))


def _dead_after_arrest(doc: Doc, frame: IncidentFrame, arguments: FrameArguments) -> bool:
    """"Soldiers carried out mass arrests; six were summarily executed", "arrested a trader, who died in custody
    hours later": people counted dead after the arrest; "one rebel killed, two wounded and three arrested in a
    search operation", "leaving seven dead and others captured": or told with it in its sentence. The arrest was part
    of that violence."""
    arrest = min((t for t in frame.triggers if t.type == "arrest"), key=lambda t: t.start)
    sentence = doc[arrest.token].sent
    return any(c.field.startswith("killed") and (c.value or c.low or 0) > 0
               and (c.start > arrest.start or c.start >= sentence.start_char) for c in arguments.casualties)


def _killed_people(verb: Token) -> list[Token]:
    """Who a verb of killing kills: its object or passive subject, or that of "found" in "was found executed"; a body
    found is the one killed."""
    if trigger_lemma(verb) in FOUND_WORDS - {"find"}:
        return [verb]
    verbs = [verb, verb.head] if verb.dep_ in {"xcomp", "oprd"} else [verb]
    return [c for v in verbs for c in v.children if c.dep_ in {"dobj", "nsubjpass"}]


def _refers_back(person: Token) -> bool:
    """A pronoun, "the victim" / "the captive" or "his body": someone told before."""
    return person.lower_ in THIRD_PERSON or trigger_lemma(person) in CAPTIVE_NOUNS | FOUND_WORDS and any(
        c.lower_ in {"the", "his", "her", "their"} for c in person.children)


def _abduction_attempted(doc: Doc, frame: IncidentFrame) -> bool:
    """"Gunmen beat a candidate and tried to kidnap him", "an attempted abduction", "a foiled kidnapping": every
    abduction the frame tells was only tried, and it tells some other act (which types it)."""
    taking = [doc[t.token] for t in frame.triggers if t.type == "kidnapping"]
    return len(taking) < len(typing_triggers(frame)) and all(
        token.dep_ in {"xcomp", "acl"} and token.head.lemma_.lower() in ATTEMPT_LEMMAS
        or any(c.dep_ == "amod" and c.lemma_.lower() in ATTEMPT_LEMMAS for c in token.children) for token in taking)


def _rape_told(doc: Doc, frame: IncidentFrame) -> bool:
    """"Armed men seized a girl and raped her" ("gang-raped" is split: "raped" counts): sexual violence done to those
    taken is the act."""
    return any(trigger_lemma(doc[t.token]) == "rape" for t in frame.triggers)


def _harm_told_first(frame: IncidentFrame, arguments: FrameArguments) -> bool:
    """"killed a villager and abducted two others", "attacked the school; one pupil was killed and a teacher
    abducted": violence against people, with people killed or wounded, told before the abduction."""
    taken = min(t.start for t in frame.triggers if t.type == "kidnapping")
    if first_act(typing_triggers(frame)).type not in VIOLENCE_TYPES:
        return False
    return any(c.field.split(".")[0] in {"killed", "injured"} and (c.value or c.low or 0) > 0 and c.start < taken
               for c in arguments.casualties)


class IncidentTyper:
    """spaCy component writing ``doc._.incidex_types``: ``{frame id: type}`` for every incident frame."""

    def __init__(self, nlp: Language, name: str = "incidex_types") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        arguments: dict[str, FrameArguments] = doc._.incidex_arguments or {}
        doc._.incidex_types = {frame.id: incident_type(doc, frame, arguments.get(frame.id, FrameArguments()))
                               for frame in doc._.incidex_incidents or []}
        return doc
