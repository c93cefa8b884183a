"""Casualty figures and victim statuses read off the dependency parse.

A count ("six inmates", "145 people", "three of them", "two deaths") becomes a figure for one field
(``killed.perpetrators``, ``injured.victims``, ``hostages_released``, ``arrested``...) when the verb or adjective
that governs it says what happened to them; the counted noun says which party they belong to. One person named by a
singular noun ("a shopkeeper was shot dead", "the village chief", a named person, "him") counts 1; a singular noun
no lexicon lists counts 1 only when it is killed and reads as a person by its form ("a rapist", "a Tanzanian"). Deaths
told as the cause of what happened ("rioted over the death of a vendor", "in revenge for") are no figure of it.

Counts joined in one conjunction ("two soldiers and a civilian") carry the index of the first as ``part_of``, and
counts of people beyond those told before ("another civilian", "were also killed", "later died") are
``additive``: the record sums them instead of choosing between them. A count that covers two outcomes ("seven were
killed or wounded") is a figure for neither. Headlines that drop the auxiliary ("Four officers killed in ambush")
read as passives.

What did not happen gives no figure: a count in a clause that is threatened, warned of, planned or only
possible ("threatened to kill 10 hostages", "500 people could die") and "claim" in the sense of responsibility
("no group has claimed the attack"). A 0 comes only from an explicit statement of none about people or casualties:
"no one was hurt", "none of the passengers were injured", "no casualties were reported", "left no one dead",
"uninjured", "the 12 hostages were not injured". Statements of none about anything else ("no immediate claim of
responsibility", "no one has been arrested", "no warning") leave every figure unknown.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .annotations import NumberMention, doc_text
from .frames import CasualtyArg, StatusCue
from .lexicons import (
    AMBIGUOUS_PERSON_NOUNS,
    ARREST_VERBS,
    COLLECTIVE_NOUNS,
    DEAD_WORDS,
    DIE_VERBS,
    HARMING_VERBS,
    INJURE_VERBS,
    INJURED_WORDS,
    KIDNAP_VERBS,
    KILL_VERBS,
    ONE_PERSON_PRONOUNS,
    PERPETRATION_VERBS,
    PERPETRATOR_NOUNS,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    RELEASE_VERBS,
    RESPONDER_NOUNS,
    UNHARMED_WORDS,
    VICTIM_NOUNS,
    words,
)
from .syntax import first_conjunct
from .triggers import trigger_lemma

LINK_WORDS = words("link_words")
# Auxiliaries of what may or will happen ("could die"); with "have" it is a hedged past ("may have died").
MODALS = frozenset({"could", "might", "may", "would", "will", "should", "can", "must", "'ll"})
# Verbs whose complement has not happened: "threatened to kill 10 hostages", "vowed to kill", "tried to kill".
UNREAL_GOVERNORS = words("unreal_governors")
# Nouns that a statement of none can be about, and the figures each one zeroes: "no casualties", "no deaths".
NONE_NOUNS = {"casualty": ("killed", "injured"), "injury": ("injured",), "death": ("killed",),
              "fatality": ("killed",)}
NONE_WORDS = frozenset({"nobody", "none"})
PERIOD_NOUNS = words("period_nouns")
# Verbs under which "no one" states a figure of none: "no one was killed / hurt", "nobody died" (never "claim").
NONE_KILL_VERBS = KILL_VERBS - {"claim", "shoot", "gun"}
# verbs whose object is the one killed ("killed a mechanic"; not "claimed the lives of")
OBJECT_KILL_VERBS = KILL_VERBS - {"claim"}
HOSTAGE_VERBS = words("hostage_verbs")
KIDNAP_NOUNS = frozenset({"kidnapping", "abduction"})
OUTCOME_WORDS = KILL_VERBS | DIE_VERBS | INJURE_VERBS | DEAD_WORDS | INJURED_WORDS | KIDNAP_VERBS | ARREST_VERBS
OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "iobj", "acomp"})
NOT_ONE_DETERMINERS = frozenset({"no", "any", "every", "each", "which", "what", "some", "all", "both", "either",
                                 "neither", "these", "those"})
# where a noun names a status or a modifier, not a person ("took them hostage", "a police post")
NOT_A_PERSON_DEPS = frozenset({"compound", "poss", "amod", "appos", "npadvmod", "oprd", "attr", "acomp", "advmod",
                               "xcomp"})
ADDITIVE_WORDS = frozenset({"another", "additional", "further", "more"})
LATER_WORDS = frozenset({"later", "subsequently", "eventually"})
ALLEGED_DEED_VERBS = frozenset({"accuse", "suspect", "blame", "charge"})  # "men accused of killing a colonel"
CAUSE_GOVERNORS = frozenset({"response", "retaliation", "revenge", "reprisal", "solidarity"})
BODY_NOUNS = frozenset({"body", "corpse"})
# verbs a body is found by ("the bodies were recovered", "three bodies found")
FINDING_VERBS = frozenset({"find", "discover", "recover", "retrieve", "exhume", "dump"})
DEATH_NOUNS = frozenset({"death", "killing", "murder", "assassination", "lynching"})
AGENT_ENDINGS = ("ist", "er", "or", "ian", "man", "woman", "person")
NOT_PEOPLE_OBJECTS = words("not_people_objects")
COUNTED_THINGS = NOT_PEOPLE_OBJECTS | words("vehicle_nouns")  # "killed two goats", "gunmen on two motorbikes shot"
REPORTED_VERBS = frozenset({"report", "believe", "fear", "say", "understand", "think", "confirm", "know"})
TO_DEATH_VERBS = HARMING_VERBS | KILL_VERBS | words("to_death_verbs")
RESULT_VERBS = frozenset({"result", "lead", "cause"})  # "resulted in / led to / caused the killing of"
FATALLY_WORDS = frozenset({"fatally", "mortally"})
INCLUDING_WORDS = frozenset({"including", "among"})
HOSPITAL_NOUNS = frozenset({"hospital", "clinic", "infirmary"})
LIFE_NOUNS = frozenset({"life", "live"})  # "lost their lives" lemmatizes to "live"
BURN_VERBS = frozenset({"burn", "bury"})
# the words of the people a count opens ("12 suspected rebels and their guides", "three ALF (East) fighters",
# "twenty people total"): what may stand between the count and its outcome (_outcome_after)
PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "CCONJ"})
PHRASE_EXTRAS = frozenset({"suspected", "alleged", "total", "-"})
NOUN_PHRASE_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN"})  # the words of one counted noun phrase
NOT_IN_A_RUN_DEPS = frozenset({"dobj", "nsubj", "pobj"})  # a phrase another clause already holds
BRACKETS = {"(": ")", "[": "]"}
# what may stand before a count that opens its clause ("; two dead", "- 2 killed", "and 12 were wounded")
OPENING_POS = frozenset({"PUNCT", "CCONJ"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
AGE_WORDS = frozenset({"yr", "yrs", "year", "years", "old", "aged"})
# accounts other than the report's own: "conflicting accounts give nine dead", "other sources say 15"
ACCOUNT_NOUNS = frozenset({"report", "source", "account"})
OTHER_ACCOUNT_WORDS = frozenset({"conflicting", "other", "some", "unconfirmed", "alternative", "another", "second",
                                 "different", "contradictory", "separate"})
OUTCOME_ADJECTIVES = {"dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
                      "hurt": "injured"}


def _has_hostage(verb: Token) -> bool:
    return any(c.lower_ in {"hostage", "hostages", "captive"} for c in verb.children)


def _in_hospital(verb: Token) -> bool:
    """Whether a verb's place is a hospital: "detained in hospital", "held at a clinic"."""
    return any(prep.dep_ == "prep" and prep.lower_ in {"in", "at"}
               and any(c.lemma_ in HOSPITAL_NOUNS for c in prep.children) for prep in verb.children)


def _verb_event(verb: Token, dep: str) -> str | None:
    """What a verb says happened to its object (or passive subject)."""
    lemma = verb.lemma_.lower()
    passive_or_object = dep in {"dobj", "nsubjpass", "oprd"} or _headline_passive(verb, dep)
    children = {c.lower_ for c in verb.children}
    if children & {"nearly", "almost"}:
        return None  # "nearly lynched", "almost killed": not what happened
    if lemma in HOSTAGE_VERBS and _has_hostage(verb) and passive_or_object:
        return "hostages_taken"
    if lemma in KIDNAP_VERBS and passive_or_object:
        return "killed" if _then_killed(verb) else "hostages_taken"  # "abducted and killed by gunmen": dead
    if lemma in RELEASE_VERBS and passive_or_object:
        return "hostages_released"
    if lemma in ARREST_VERBS and passive_or_object:
        return "injured" if _in_hospital(verb) else "arrested"  # "96 were detained in hospital": kept for care
    if children & FATALLY_WORDS and passive_or_object and lemma in TO_DEATH_VERBS | INJURE_VERBS:
        return "killed"  # "fatally shot", "was fatally assaulted", "mortally wounded"
    if lemma in HARMING_VERBS and passive_or_object and _then_killed(verb):
        return "killed"  # "was attacked and killed", "stabbed and killed"
    if lemma == "shoot" and passive_or_object and "down" in children:
        return "killed" if _object_is_people(verb) else None  # "a man was shot down", not "shot down a drone"
    if lemma == "shoot" and passive_or_object:
        return "killed" if children & {"dead", "death"} or to_death(verb) or _then_killed(verb) else "injured"
    if lemma in BURN_VERBS and passive_or_object and _alive(verb):
        return "killed"  # "burnt alive", "burned two children alive"
    if lemma in TO_DEATH_VERBS and passive_or_object and to_death(verb):
        return "killed"  # "beaten to death", "hacked him to death"
    if lemma in KILL_VERBS and lemma != "shoot" and passive_or_object and lemma != "claim":
        return "killed"
    if lemma == "claim" and dep == "dobj" and verb.head.lemma_ != "responsibility":
        return "killed" if any(c.lemma_ in LIFE_NOUNS for c in verb.children) else None
    if lemma in DIE_VERBS and dep == "nsubj":
        return "killed"
    if lemma == "lose" and dep == "nsubj" and any(c.dep_ == "dobj" and c.lemma_ in LIFE_NOUNS and any(
            g.dep_ == "poss" for g in c.children) for c in verb.children):
        return "killed"  # "a commander lost his life", "six soldiers lost their lives"; not "hundreds lost lives"
    if lemma in INJURE_VERBS and passive_or_object:
        return "injured"
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and any(
                c.lemma_ in {"wound", "injury", "burn"} for c in prep.children) and not children & DEAD_WORDS:
            return "injured"  # not "found dead with stab wounds"
    # "left dead", "confirmed dead", "feared dead" (the toll a report gives, as sure as it can be)
    if lemma in {"leave", "be", "lie", "remain", "find", "confirm", "declare", "pronounce", "report", "fear",
                 "presume"}:
        for child in verb.children:
            if lemma == "be" and child.dep_ in {"advcl", "dep"} and _dead_beside(child):
                return "killed"  # "were on Monday confirmed dead": the parse hangs the participle under "were"
            if child.dep_ in {"acomp", "oprd", "xcomp", "advmod", "amod", "ccomp", "attr"}:
                if _either_or(child):
                    return None
                if child.lower_ in DEAD_WORDS or lemma == "find" and child.tag_ == "VBN" and child.lemma_ in KILL_VERBS:
                    return "killed"  # "found dead", "found murdered", "found executed"
                if child.lower_ in INJURED_WORDS:
                    return "injured"
    return None


def _alive(verb: Token) -> bool:
    """"burnt alive", "burned two children alive", "burnt alive two children" (where the parse hangs "alive" on
    the children)."""
    return any(c.lower_ == "alive" or (c.dep_ in {"dobj", "nsubjpass"} and any(g.lower_ == "alive" for g in c.children))
               for c in verb.children)


def _dead_beside(word: Token) -> bool:
    """A participle with "dead" as its complement: "confirmed dead", and "shot dead" parsed as a noun."""
    return word.tag_ in {"VBN", "VBD", "NN"} and any(
        c.dep_ in {"oprd", "acomp", "xcomp"} and c.lower_ in DEAD_WORDS for c in word.children)


def _object_is_people(verb: Token) -> bool:
    """Whether a verb's object or passive subject is people: a person noun, a name, a count or a pronoun."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and _people(c) for c in verb.children)


def to_death(verb: Token) -> bool:
    """"shot to death", "beat him to death"."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
               for c in verb.children)


def _then_killed(verb: Token) -> bool:
    """"was shot and killed", "attacked and killed", "shot and later died": a verb of dying joined to the harm."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in (KILL_VERBS | DIE_VERBS) - {"shoot", "claim"}
               for c in verb.children)


def _headline_passive(verb: Token, dep: str) -> bool:
    """"Four officers killed in ambush", "12 militants killed": a subject and an outcome verb with no object."""
    lemma = verb.lemma_.lower()
    if dep != "nsubj" or verb.tag_ not in {"VBN", "VBD"} or lemma == "claim" or verb.dep_ == "relcl":
        return False
    if lemma not in KILL_VERBS | INJURE_VERBS | ARREST_VERBS | KIDNAP_VERBS and not (
            lemma in TO_DEATH_VERBS and to_death(verb)):
        return False
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and _has_object(c) for c in verb.children):
        return False  # "the guard shot and killed the intruder": the subject did it
    return not any((c.dep_ in OBJECT_DEPS and c.i > verb.i and c.lower_ not in DEAD_WORDS | INJURED_WORDS)
                   or c.dep_ == "auxpass" for c in verb.children)


def _either_or(word: Token) -> bool:
    """"killed or wounded", "dead or injured": one count for two outcomes, a figure for neither."""
    head = word.head if word.dep_ == "conj" else word
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children):
        return False
    pair = [head, *(c for c in head.children if c.dep_ == "conj")]
    return sum(t.lemma_.lower() in OUTCOME_WORDS or t.lower_ in OUTCOME_WORDS for t in pair) >= 2


def _own_clause_event(noun: Token) -> str | None:
    """What a noun's own participle or relative clause says: "7 people arrested", "a gendarme who later died"."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            event = _verb_event(child, "nsubjpass")
        elif child.dep_ == "relcl" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "that"}
                                           for c in child.children):
            subject = next(c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"})
            event = _verb_event(child, subject.dep_)
        else:
            continue
        if event is not None and not _either_or(child):
            return event
    return None


def _noun_event(noun: Token) -> str | None:
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and child.lower_ in DEAD_WORDS:
            return "killed"
        if child.dep_ in {"amod", "compound"} and child.lower_ in INJURED_WORDS:
            return "injured"
    if _of_bodies(noun):
        return "killed"  # "the bodies of three men with gunshot wounds were found"
    own = _own_clause_event(noun)
    if own is None:  # "1 policeman and 1 robber killed": the participle hangs on the last one
        own = next((e for c in noun.children if c.dep_ == "conj" and (e := _own_clause_event(c))), None)
    if own == "hostages_taken" and noun.dep_ in {"dobj", "nsubjpass"} and (
            _verb_event(noun.head, noun.dep_) == "killed"):
        return "killed"  # "militants executed a man abducted the day before": taken, then killed
    if own is not None:
        return own
    companion = _companion_of(noun)
    if companion is not None:
        return _noun_event(companion)  # "the mayor along with his driver died in the blast"
    lemma = trigger_lemma(noun)  # "corpses", which the lemmatizer makes "corps"
    if lemma in BODY_NOUNS and _described_body(noun):
        return None  # "one body had bullet wounds" tells of one of the bodies counted before
    if lemma in BODY_NOUNS | {"fatality", "death"}:
        return "killed"
    if lemma == "injury":
        return "injured"
    dep, head = noun.dep_, noun.head
    if dep == "nummod" and head.pos_ == "ADJ" and head.lower_ in DEAD_WORDS | INJURED_WORDS:
        return "killed" if head.lower_ in DEAD_WORDS else "injured"  # "left six dead", "at least four dead"
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(g.lemma_ in {"wound", "injury", "burn"} for g in c.children)
           for c in noun.children):
        return "injured"  # "one dead and several with stab wounds"
    if (run_verb := _run_verb(noun)) is not None and (event := _verb_event(run_verb, "nsubjpass")) is not None:
        return event  # "overran a post, two guards and a cook were killed"
    if dep == "conj" and head.i != noun.i:
        verb = _own_verb(noun) or _comma_clause_verb(noun)
        if verb is not None:
            return _verb_event(verb, "nsubjpass" if verb.tag_ == "VBN" else "nsubj")
        if _own_clause_event(head) is not None and head.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            return _verb_event(head.head, head.dep_)  # "one rebel killed, and two rebels and a soldier wounded"
        sibling = _joined_on_the_verb(noun)
        if sibling is not None and head.pos_ == "VERB":
            return _verb_event(head, sibling.dep_)  # "a guard was killed and two robbers too"
        return _noun_event(head)
    if dep == "ROOT" and (verb := _verb_split_off(noun)) is not None:
        return _verb_event(verb, next(c.dep_ for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}))
    if dep == "pobj" and head.lower_ == "between" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        return _verb_event(head.head, "dobj")  # "killing between 11 and 20 people": a range is the verb's object
    if dep == "pobj" and head.lower_ == "of" and (trigger_lemma(head.head) in DEAD_WORDS | {"death", "life"}
                                                  or _throat_cut(head.head)):
        return "killed"  # "the deaths of six", "slit the throats of four traders"
    if dep == "pobj" and head.lower_ == "of" and head.head.lower_ == "total":
        return _noun_event(head.head)  # "a total of twelve people were killed": the people stand where "total" does
    if dep == "pobj" and head.lower_ == "of" and _killing_as_result(head.head):
        return "killed"  # "the raid resulted in the killing of five traders"
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in INJURED_WORDS:
        return "injured"
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in KIDNAP_NOUNS:
        return "hostages_taken"  # "the kidnapping of 276 schoolgirls"
    if _a_toll(noun):
        return "killed"
    if dep == "nsubj" and head.pos_ == "ADJ" and head.lower_ in DEAD_WORDS | INJURED_WORDS and not _either_or(head):
        return "killed" if head.lower_ in DEAD_WORDS else "injured"  # "two fighters dead", "shot the driver dead"
    if dep == "dobj" and head.lemma_.lower() in {"shoot", "leave"} and _dead_after(noun):
        return "killed"  # "shooting three raiders dead", "left nine herders dead in all": "dead" hung elsewhere
    if dep == "nsubjpass" and (reported := _reported_outcome(head)) is not None:
        return reported  # "about forty miners are said / believed to have been killed"
    if dep in {"dobj", "nsubjpass", "nsubj", "oprd"}:
        event = _verb_event(head, dep)
        if event is None and head.dep_ in {"conj", "xcomp"} and dep == "nsubjpass" and _people(noun):
            event = _verb_event(head.head, dep)  # not "two workers were killed and 40 sheep were taken"
        if event is None and dep == "dobj" and _people(noun) and _shares_subject(head) and not _has_object(head.head):
            event = _verb_event(head.head, dep)  # "killed and mutilated a farmer": the object of both
        if event is None and dep == "nsubjpass" and _people(noun) and head.lemma_ in PERPETRATION_VERBS:
            event = next((e for c in head.children if _shares_subject(c) and (e := _verb_event(c, dep))), None)
        if event is None and dep in {"nsubj", "nsubjpass"} and _people(noun) and _headline_subject(head):
            event = _joined_outcome(head)  # "a teacher pulled from his shop and stabbed to death"
        return None if event is not None and _either_or(head) else event
    if dep in {"meta", "npadvmod", "dep"} and noun.pos_ == "NUM" and head.tag_ == "VBN" and noun.i < head.i:
        return _verb_event(head, "nsubjpass")  # "Land dispute. 7 killed.": a count the parse left unattached
    if dep == "npadvmod" and noun.pos_ == "NUM" and noun.i > head.i and head.pos_ == "VERB" and to_death(head):
        return "killed"  # "raiders hacked to death six": the count after "to death" is the verb's object
    return None


def _described_body(noun: Token) -> bool:
    """A body the sentence describes rather than counts: "one body had bullet wounds", "the body bore burns"."""
    return noun.dep_ == "nsubj" and noun.head.lemma_ in {"have", "bear", "show"}


def _verb_split_off(noun: Token) -> Token | None:
    """The verb of "1 soldier, and 4 porters died in the blast" when the parse made the first subject its root and
    hung the verb, with the second subject, on it as a conjunct."""
    if not any(c.dep_ == "cc" for c in noun.children):
        return None
    return next((c for c in noun.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i > noun.i
                 and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)), None)


def _phrase_before(doc: Doc, end: int, start: int) -> Span | None:
    """The words of a counted noun phrase ending at ``end`` (no earlier than ``start``), or None: "two gendarmes",
    "a civilian"; not "Seytenga", nor "the attackers" that another verb holds as its object."""
    first = end
    while first > start and doc[first - 1].pos_ in NOUN_PHRASE_POS:
        first -= 1
    phrase, head = doc[first:end + 1], doc[end]
    if head.pos_ not in {"NOUN", "PROPN"} or doc[first].pos_ not in NOUN_PHRASE_POS or head.dep_ in NOT_IN_A_RUN_DEPS:
        return None
    return phrase if any(t.pos_ == "NUM" for t in phrase) or _one_person(head) else None


def _subject_run(verb: Token) -> list[Token]:
    """The heads of counted noun phrases joined by "and" right before a passive verb that has no other subject ("On
    Monday, bandits overran a post, two guards and a cook were killed"), whatever heads the parse gave them."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.lower_ == "were"), None)
    doc, heads, joined = verb.doc, [], False
    end = aux.i - 1 if aux is not None else -1
    while aux is not None and (phrase := _phrase_before(doc, end, verb.sent.start)) is not None:
        heads.insert(0, phrase[-1])
        end = phrase.start - 1
        if end < verb.sent.start or doc[end].lower_ not in {",", "and"}:
            break
        joined |= doc[end].lower_ == "and"
        end -= 2 if doc[end].lower_ == "and" and doc[end - 1].text == "," else 1  # ", and"
    own = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return heads if len(heads) > 1 and joined and all(c in heads for c in own) else []


def _run_verb(noun: Token) -> Token | None:
    """The passive verb of killing or harm whose run of counted subjects ``noun`` stands in (see `_subject_run`)."""
    after = noun.doc[noun.i + 1:noun.sent.end]
    aux = next((t for t in after if t.pos_ not in NOUN_PHRASE_POS and t.lower_ not in {",", "and"}), None)
    if aux is None or aux.lower_ != "were" or aux.dep_ != "auxpass" or aux.head.tag_ != "VBN":
        return None
    return aux.head if noun in _subject_run(aux.head) else None


def _of_bodies(noun: Token) -> bool:
    """The people whose bodies or corpses a text tells of: "the bodies of three men", "the corpses of 14 rebels"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and trigger_lemma(noun.head.head) in BODY_NOUNS


def _killing_as_result(killing: Token) -> bool:
    """"resulted in the killing of five traders", "led to the killing of two of its leaders": a killing the incident
    caused, not one told as its cause ("following the killing of two herders")."""
    if killing.lower_ not in {"killing", "killings", "murder", "murders"} or killing.dep_ != "pobj":
        return False
    return killing.head.head.lemma_.lower() in RESULT_VERBS


def _throat_cut(noun: Token) -> bool:
    """"slit the throats of four traders", "cut his throat": a killing told by the throat cut."""
    return noun.lemma_.lower() == "throat" and noun.head.lemma_.lower() in {"slit", "cut", "slash"}


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in OBJECT_DEPS for c in verb.children)


def _shares_subject(verb: Token) -> bool:
    """A verb joined to another with no subject of its own: "killed" in "a guard was targeted by gunmen and killed",
    "mutilated" in "killed and mutilated a farmer"."""
    return verb.dep_ == "conj" and verb.tag_ in {"VBN", "VBD"} and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _headline_subject(verb: Token) -> bool:
    """A participle told of its subject with no object: "pulled" in "a teacher pulled from his shop and killed"."""
    return verb.tag_ in {"VBN", "VBD"} and not _has_object(verb)


def _joined_outcome(verb: Token) -> str | None:
    """What a participle joined to ``verb`` with no subject or object of its own says happened to the subject:
    "pulled from his shop and killed", "were taken out and shot dead"."""
    return next((e for c in verb.children if _shares_subject(c) and c.tag_ == "VBN" and _headline_subject(c)
                 and (e := _verb_event(c, "nsubjpass"))), None)


def _dead_after(noun: Token) -> bool:
    """"shot the guard dead": "dead" right after the object's phrase."""
    end = max(t.i for t in noun.subtree) + 1
    return end < len(noun.doc) and noun.doc[end].lower_ == "dead"


def _reported_outcome(verb: Token) -> str | None:
    """What a passive outcome says under a verb of report or belief: "are reported / believed / feared to have been
    killed", and "are reported to have died"."""
    if verb.lemma_.lower() not in REPORTED_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in child.children):
            return _verb_event(child, "nsubjpass")
        if child.dep_ == "xcomp" and child.lemma_.lower() in DIE_VERBS:
            return "killed"
    return None


def _people(noun: Token) -> bool:
    """Whether a noun can stand for people: a name, a number or pronoun, or a noun of persons or groups."""
    return noun.pos_ != "NOUN" or noun.lemma_.lower() in PERSON_NOUNS | COLLECTIVE_NOUNS | PEOPLE_NOUNS


def _own_verb(noun: Token) -> Token | None:
    """The verb of a conjunct that has one of its own ("a rocket killed five herders and two were wounded", "five
    soldiers killed and five others gone missing"): what happened to the first conjunct did not happen to it."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.pos_ not in {"AUX", "VERB"}:
        return None
    if following.head.i == noun.i:
        return following if following.dep_ in {"acl", "relcl"} and following.tag_ == "VBN" else None  # "gone missing"
    first = first_conjunct(noun)
    verb = following if following.pos_ == "VERB" else following.head
    return verb if verb.i != first.head.i else None  # "a guard and his brother were shot": the verb of them all


def _comma_clause_verb(noun: Token) -> Token | None:
    """The verb of conjuncts that open a clause after a comma ("stormed a camp near Kaya, four guards and a
    cook were shot dead"), where the parse joined the first of them to the noun before the comma."""
    left = noun.left_edge
    if left.i == 0 or noun.doc[left.i - 1].text != ",":
        return None
    last = noun
    while (later := next((c for c in last.children if c.dep_ == "conj"), None)) is not None:
        last = later
    return _own_verb(last) if last.i != noun.i else None


def acts_as_perpetrator(noun: Token) -> bool:
    """People the text makes the agents of the incident: "inmates who had taken the guards hostage",
    "men linked to the Islamic State"."""
    for token in noun.subtree:
        if token.dep_ == "relcl" and token.lemma_ in PERPETRATION_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in token.children):
            return True
    return any(c.dep_ == "acl" and c.lemma_ in LINK_WORDS for c in noun.children)


def party(noun: Token) -> str | None:
    """perpetrators / victims / responders for a counted noun, or None when the text does not say."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ != "PRON":
                return party(pobj)
    if acts_as_perpetrator(noun):
        return "perpetrators"
    if lemma in PERPETRATOR_NOUNS and lemma not in AMBIGUOUS_PERSON_NOUNS:
        return "perpetrators"
    if lemma in RESPONDER_NOUNS:
        return "responders"
    if lemma in VICTIM_NOUNS and lemma not in {"man", "men"}:
        return "victims"
    return None


def _counted_noun(token: Token) -> Token:
    # "fifteen" parsed as amod, "thirty" as compound
    counts = token.dep_ in {"nummod", "quantmod"} or (token.dep_ in {"amod", "compound"} and token.pos_ == "NUM")
    if any(c.dep_ == "amod" and c.lower_ in DEAD_WORDS | INJURED_WORDS for c in token.children):
        return token  # "23 dead, 12 wounded": the first count has its own outcome, wherever the parse hung it
    if counts and token.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        head = token.head
        while head.dep_ in {"compound", "amod"} and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i > head.i:
            head = head.head  # "two security forces personnel", "seven Kenyan fishermen": the phrase's head
        return head.head if head.dep_ == "nummod" else head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return token  # "dozens of people": the number carries the role, the pobj the party
    return token


def casualty_figures(doc: Doc, numbers: list[NumberMention]) -> Iterator[tuple[CasualtyArg, Token]]:
    """Every stated figure with the token it hangs on: counts, single persons, and zero figures from "unharmed" and
    "no one was killed"; those an alternative account states are marked ``alternative``."""
    figures = list(_stated_figures(doc, numbers))
    figures += _bodies_of_the_taken(doc, figures)
    for figure, token in figures:
        figure.alternative = _alternative_account(token)
        yield figure, token


def _bodies_of_the_taken(doc: Doc, figures: list[tuple[CasualtyArg, Token]]) -> list[tuple[CasualtyArg, Token]]:
    """"Four herders were seized; days later their bodies were recovered from a well", "soldiers arrested six men,
    their corpses were found near the river": bodies found of people counted as taken just before (in their sentence
    or the one before) are that many dead, over the span from the count to the bodies."""
    text = doc_text(doc)
    result = []
    for body in doc:
        if (trigger_lemma(body) not in BODY_NOUNS or not any(c.dep_ == "poss" and c.lower_ == "their"
                                                             for c in body.children)
                or body.head.lemma_.lower() not in FINDING_VERBS or _counted_or_quantified(body)):
            continue
        sentences = {body.sent.start, doc[body.sent.start - 1].sent.start if body.sent.start else body.sent.start}
        taken = [(f, t) for f, t in figures if f.field in {"hostages_taken", "arrested"} and f.value and t.i < body.i
                 and t.sent.start in sentences]
        if taken:
            _, noun = max(taken, key=lambda pair: pair[0].start)
            # "a health worker, his driver and two guards were kidnapped": every count the verb takes
            verb = _clause_verb(noun)
            group = [f for f, t in taken if _clause_verb(t).i == verb.i]
            start, end = min(f.start for f in group), body.idx + len(body.text)
            result.append((CasualtyArg(start, end, text[start:end], field=_field("killed", noun),
                                       value=sum(f.value or 0 for f in group)), body))
    return result


def _alternative_account(token: Token) -> bool:
    """Whether a figure is told as what some other account says: "conflicting accounts give nine dead", "some reports
    put the dead in the hundreds", "other sources say 15 died", "unconfirmed reports say a guard died"; the
    account named before the figure (the parse may hang "40 died (some reports say more)" under it)."""
    return any((_other_reports(t) or any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i and _other_reports(c)
                                         for c in t.children)) for t in [token, *token.ancestors])


def _other_reports(noun: Token) -> bool:
    """"conflicting reports", "some sources", "a second report", "unconfirmed accounts"."""
    return noun.lemma_.lower() in ACCOUNT_NOUNS and any(
        c.dep_ in {"amod", "det"} and c.lower_ in OTHER_ACCOUNT_WORDS for c in noun.children)


def _stated_figures(doc: Doc, numbers: list[NumberMention]) -> Iterator[tuple[CasualtyArg, Token]]:
    text = doc_text(doc)
    counted: set[int] = set()
    for number in numbers:
        if number.value is None and number.low is None:
            continue
        span = doc.char_span(number.start, number.end, alignment_mode="expand")
        if span is None:
            continue
        token = _count_root(span)
        noun = _counted_noun(token)
        counted.update({noun.i, token.i})
        if _included(noun) or _told_as_cause(noun) or _counts_things(token, noun):
            continue
        start = min(noun.idx, number.start)
        value, low, high = number.value, number.low, number.high
        pronoun = _killed_after(noun)
        if pronoun is not None and not _unreal(pronoun.head):  # "arrested twelve villagers and executed them"
            end = pronoun.idx + len(pronoun.text)
            yield CasualtyArg(start, end, text[start:end], field=_field("killed", noun), value=value, low=low,
                              high=high), noun
        event = _noun_event(noun)
        if event is None and (after := _outcome_after(doc, span)) is not None:
            event, outcome = after
            noun = noun if noun.i < outcome.i else token  # "Five dead after land fighting": not the fighting
            if noun.sent.start != outcome.sent.start:
                noun = outcome  # split at a bracket: the figure belongs to the incident of its verb
        if event is None or _unreal(verb := _clause_verb(noun)):
            continue  # "threatened to kill 10 hostages", "500 people could die"
        end = max(noun.idx + len(noun.text), number.end)
        if verb.i > noun.i and any(c.dep_ == "neg" for c in verb.children):
            if event not in {"killed", "injured"}:
                continue  # "the 30 hostages were not released": nothing to count
            end, value, low, high = verb.idx + len(verb.text), 0, None, None  # "the 12 hostages were not injured"
        yield CasualtyArg(start, end, text[start:end], field=_field(event, noun), value=value, low=low, high=high,
                          part_of=_conjunction(noun), additive=_additive(noun, token),
                          died_later=_died(noun), toll=_a_toll(noun)), noun
    yield from _single_people(doc, text, counted)
    yield from _zero_figures(doc, text)


def _count_root(count: Span) -> Token:
    """The token a count hangs on: the root of its words, without the "between" that opens a range ("killing between
    11 and 20 people": the parse hangs the numbers under "between", a preposition that counts no one)."""
    if len(count) > 1 and count[0].lower_ == "between":
        count = count[1:]
    return count.root


def _counts_things(count: Token, noun: Token) -> bool:
    """"They also killed two goats", "3 camels were shot", "gunmen on two motorbikes shot at a post": a count of the
    animals or vehicles (``not_people_objects``, ``vehicle_nouns``) right after it counts no one; not "5 killed during
    a raid, 200 animals stolen", where the parse hung the first count there."""
    return noun.lemma_.lower() in COUNTED_THINGS and 0 < noun.i - count.i <= 3


def _opens_clause(count: Span) -> bool:
    """Whether a count opens its sentence or a clause: after punctuation or a conjunction ("; two dead"), a date
    ("14 Mar. 6 traders") or "resulting in"."""
    if count.start == count.sent.start:
        return True
    before = count.doc[count.start - 1]
    return (before.pos_ in OPENING_POS or before.ent_type_ == "DATE"
            or before.lower_ == "in" and before.head.lemma_ == "result")


def _outcome_after(doc: Doc, count: Span) -> tuple[str, Token] | None:
    """What the words after a count say where the parse lost the count: "At least 12 suspected rebels and their
    guides were killed", "Nine people in all killed", "Five dead after land fighting": a count opening its
    clause, the words of its people, auxiliaries and adverbs, then a participle of killing or wounding or a word for
    dead or wounded, also after a date ("14 Mar. 6 traders shot dead") or "resulting in"; not "in 3 villages soldiers
    were killed" or "stole 100 cattle and killed two" (a count that does not open its clause), "two were killed or
    wounded" nor "could be killed". Gives the event and the word that tells it."""
    if not _opens_clause(count):
        return None
    end = _sentence_end(count.sent)
    i = _after_people(doc, count, end)
    if i is None:
        return None
    while i < end and (doc[i].pos_ in {"AUX", "ADV"} and doc[i].lower_ not in MODALS or _when(doc[i])):
        i += 1  # "were", "reportedly", "on Friday afternoon"
    if i >= end or _either_or(doc[i]):
        return None
    event = _outcome_word(doc[i])
    return None if event is None else (event, doc[i])


def _sentence_end(sentence: Span) -> int:
    """Where a sentence ends, carried over a split the parser made at a bracket: "Three ALF (East) | [Arakan
    Liberation Front] fighters were killed" is one sentence."""
    doc, end = sentence.doc, sentence.end
    while end < len(doc) and (doc[end].lower_ in BRACKETS or doc[end - 1].lower_ in BRACKETS):
        end = doc[end].sent.end
    return end


def _when(word: Token) -> bool:
    """A word of the time told between a count's people and their outcome: "on Friday afternoon"."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else word
    return word.ent_type_ in TIME_ENTITIES or (word.lower_ == "on" and following.ent_type_ in TIME_ENTITIES)


def _dead_after_shot(shot: Token) -> bool:
    """"shot dead" ending the people's outcome ("three guards were on Monday evening shot dead by raiders"), not
    shooting an object dead ("three militants shot dead a driver": the count is of the doers)."""
    doc, i = shot.doc, shot.i
    if i + 1 >= len(doc) or doc[i + 1].lower_ != "dead":
        return False
    return i + 2 >= len(doc) or doc[i + 2].pos_ not in {"DET", "NUM", "PROPN", "NOUN", "PRON", "ADJ"}


def _outcome_word(word: Token) -> str | None:
    """What a participle or adjective says happened: "killed", "shot dead" (its "shot" read as a noun too),
    "wounded", "dead"."""
    lemma = word.lemma_.lower()
    if word.lower_ in OUTCOME_ADJECTIVES:
        return OUTCOME_ADJECTIVES[word.lower_]
    if word.lower_ == "shot" and word.tag_ not in {"VBN", "VBD"} and _dead_after_shot(word):
        return "killed"
    if word.tag_ != "VBN":
        return None
    if lemma == "shoot":
        dead = word.i + 1 < len(word.doc) and word.doc[word.i + 1].lower_ == "dead"
        return "killed" if dead or to_death(word) else "injured"
    if lemma in KILL_VERBS - {"claim"}:
        return "killed"
    return "injured" if lemma in INJURE_VERBS else None


def _after_people(doc: Doc, count: Span, end: int) -> int | None:
    """The index of the first word after the people a count opens ("12 suspected rebels and their guides", "three
    ALF (East) fighters", "nine people in all") before token ``end``, bracketed words skipped; None for an age ("a
    5 yr old child")."""
    i = count.end
    while i < end and doc[i].lower_ not in OUTCOME_ADJECTIVES:
        if doc[i].lower_ in BRACKETS:
            i = next((j for j in range(i + 1, end) if doc[j].lower_ == BRACKETS[doc[i].lower_]), end)
        elif doc[i].lower_ in AGE_WORDS:
            return None
        elif doc[i].pos_ not in PHRASE_POS and doc[i].lower_ not in PHRASE_EXTRAS:
            break
        i += 1
    return i


def _killed_after(noun: Token) -> Token | None:
    """The "them" of a verb of killing joined to the verb whose object ``noun`` is: "abducted three teachers and
    executed them", "captured two bandits and shot them dead", "ambushed two traders, killing them" (the people
    counted are the ones killed)."""
    if noun.dep_ != "dobj":
        return None
    for verb in noun.head.children:
        joined = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        if joined and verb.i > noun.i and not any(c.dep_ == "nsubj" for c in verb.children):
            them = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "them"), None)
            if them is not None and _verb_event(verb, "dobj") == "killed":
                return them
    return None


def _field(event: str, noun: Token) -> str:
    """The figure's field: "arrested", or "killed.victims" by the counted noun's party ("killed.total" if unknown)."""
    if event in {"hostages_taken", "hostages_released", "arrested"}:
        return event
    return f"{event}.{party(noun) or 'total'}"


def _companion_of(noun: Token) -> Token | None:
    """The noun that ``noun`` is joined to by "along / together with" ("the mayor along with his driver"; "two
    guards were killed along with five raiders", where the parse hangs "along with" on the verb)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with":
        return None
    if prep.head.lower_ in {"along", "together"}:
        owner = prep.head.head
    elif prep.head.pos_ == "VERB" and _along(prep.head):
        owner = next((c for c in prep.head.children if c.dep_ in {"nsubjpass", "nsubj"}), prep.head)
    else:
        return None
    return owner if owner.pos_ in {"NOUN", "PROPN"} else None


def _along(token: Token) -> bool:
    """ "along / together" with "with" after them among the token's children, or "with" a sibling of them."""
    return any(c.lower_ in {"along", "together"} and (
        any(g.lower_ == "with" for g in c.children) or any(g.lower_ == "with" for g in token.children))
        for c in token.children)


def _has_companion(noun: Token) -> bool:
    verb = noun.head if noun.dep_ in {"nsubjpass", "nsubj"} and noun.head.pos_ == "VERB" else None
    return _along(noun) or (verb is not None and _along(verb))


def _joined_on_the_verb(noun: Token) -> Token | None:
    """The person a count is joined to where the parse hangs the count's "and" on the verb or on "the death of":
    "assassinated a chief and at least four of his guards", "a guard was killed and two robbers too", "led
    to the death of the minister and 12 other people"."""
    head = noun.head
    if noun.dep_ != "conj" or (not _counted_or_quantified(noun) and noun.pos_ != "NUM") or _outcome_of_its_own(noun):
        return None
    if head.pos_ == "VERB":
        return next((c for c in head.children if c.dep_ in {"dobj", "nsubjpass"} and c.i < noun.i), None)
    if trigger_lemma(head) in DEATH_NOUNS:
        return next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
    return None


def _outcome_of_its_own(noun: Token) -> bool:
    """Whether an outcome is told after a count in its sentence: "two were killed and five others hurt", "one
    dead and two farmers severely wounded", "three soldiers sustained bullet injuries"."""
    return any(trigger_lemma(t) in OUTCOME_WORDS | {"injury", "wound"} or t.lower_ in OUTCOME_WORDS
               for t in noun.doc[noun.i + 1:noun.sent.end])


def _conjunction(noun: Token) -> int | None:
    """The index of the first conjunct when ``noun`` is one of several joined by "and" or "along with"."""
    split = _split_subject(noun)
    if split is not None:
        return split.i
    run_verb = _run_verb(noun)
    if run_verb is not None:
        return _subject_run(run_verb)[0].i
    sibling = _joined_on_the_verb(noun)
    if sibling is not None:
        return sibling.i
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head  # the verb, or "death" in "the death of"
    if noun.dep_ in {"dobj", "nsubjpass", "pobj"} and any(
            (j := _joined_on_the_verb(c)) is not None and j.i == noun.i for c in holder.children):
        return noun.i
    companion = _companion_of(noun)
    first = first_conjunct(companion if companion is not None else noun)
    if (companion is None and first.i == noun.i and not any(c.dep_ == "conj" for c in noun.children)
            and not _has_companion(noun)):
        return None
    return first.i


def _split_subject(noun: Token) -> Token | None:
    """The first of counted subjects (or persons) joined by "and" that the parse made subjects of one verb each: "3
    farm guards and 2 raiders were killed", "A police major, and 4 raiders were killed", whose "and" hangs on the
    first with no conjunct after it."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    subjects = [c for c in noun.head.children if c.dep_ == noun.dep_]
    first = subjects[0]
    joined = any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children) and not any(
        c.dep_ == "conj" for c in first.children)
    counted = all(_counted_or_quantified(s) or _one_person(s) for s in subjects)
    return first if len(subjects) > 1 and joined and counted else None


def _additive(noun: Token, number: Token | None = None) -> bool:
    """People beyond those counted before: "another civilian", "two more soldiers", "three others", "were also
    killed", "later died", "two died in hospital", "two of the injured"."""
    words = [*noun.children, *(number.children if number is not None else [])]
    if noun.lower_ == "another" or any(c.lower_ in ADDITIVE_WORDS and c.dep_ in {"det", "amod", "advmod", "quantmod"}
                                       for c in words):
        return True  # "another civilian", "Another 2 herders were killed"
    if _others(noun):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in INJURED_WORDS for g in c.children)
           for c in words):
        return True  # "one of the wounded later died": counted among the wounded, not the dead
    verb = noun.head if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    if verb is None:
        return False
    if any(c.dep_ == "advmod" and _also(c) for c in verb.children) or _joined_clause_count(noun):
        return True
    if verb.lemma_ not in DIE_VERBS:
        return False
    counted = noun.pos_ == "NUM" or any(c.dep_ == "nummod" for c in noun.children)
    return any(c.lower_ in LATER_WORDS for c in verb.children) or (
        counted and _in_hospital(verb) and not _of_them(noun))  # not "the commander died in hospital"


def _of_them(noun: Token) -> bool:
    """"two of them", "one of whom": some of people a count before holds."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in {"them", "whom", "these", "those"}
                                                             for g in c.children) for c in noun.children)


def _others(noun: Token) -> bool:
    """"Three others were killed", "two other soldiers died": counted people beyond those told before, when they
    stand alone; not "the other two" (the rest of a group told before), nor "a soldier and 11 others" (one count
    of a conjunction)."""
    other = noun if noun.lower_ == "others" else next((c for c in noun.children if c.dep_ == "amod"
                                                        and c.lower_ == "other"), None)
    if other is None or not _counted_or_quantified(noun) or _conjunction(noun) is not None:
        return False
    if noun.head.lemma_.lower() in {"fear", "believe", "think"}:
        return False  # "two others feared dead": not confirmed beyond the count
    return not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _also(word: Token) -> bool:
    """"also", "too", "as well"."""
    return word.lower_ in {"also", "too"} or (word.lower_ == "well" and any(c.lower_ == "as" for c in word.children))


def _joined_clause_count(noun: Token) -> bool:
    """The subject of a clause joined to an earlier one with its own counted subject and the same outcome: "three
    rebels" in "17 soldiers were killed, 40 were hurt and three rebels were killed", other people than it counts."""
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    event = _verb_event(verb, noun.dep_)
    while event is not None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
        first = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        counted = first is not None and (first.pos_ == "NUM" or any(c.dep_ == "nummod" for c in first.children))
        if counted and _verb_event(verb, first.dep_) == event:
            return True
    return False


def _a_toll(noun: Token) -> bool:
    """The number a toll stands at or rose to ("the death toll rose to eight", "put the toll at 12")."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in {"to", "at"} and any(c.lemma_ == "toll" for c in head.head.children)


def _died(noun: Token) -> bool:
    """The noun is the subject of a verb of dying ("a wounded guard died in hospital", "two more of the hurt
    succumbed"): when such people are counted beyond others, they are that incident's wounded who died."""
    return noun.dep_ == "nsubj" and noun.head.lemma_ in DIE_VERBS


def _one_person(token: Token) -> bool:
    """A singular noun, name or pronoun that stands for one person: "a farmer", "the village chief", "his
    brother", "Mohamed Ali", "him", "another" standing alone."""
    if token.dep_ in NOT_A_PERSON_DEPS:
        return False  # "took them hostage": a status, not a person
    if token.lower_ in {"hostage", "captive"} and token.head.lemma_ in HOSTAGE_VERBS:
        return False
    if token.lower_ == "another":  # "two robbers were shot dead there, while another died in hospital"
        return token.dep_ in {"nsubj", "nsubjpass"} and not any(c.dep_ == "prep" for c in token.children)
    if token.pos_ == "PRON":
        return token.lower_ in ONE_PERSON_PRONOUNS and token.dep_ != "poss"
    if token.ent_type_ == "PERSON":  # a name that opens a sentence may be tagged an interjection
        return token.tag_ in {"NNP", "UH"} and not any(c.dep_ == "nummod" for c in token.children)
    noun = token.tag_ == "NN" or (token.tag_ == "JJ" and token.dep_ in {"dobj", "nsubjpass"})  # "killed a civilian"
    if not noun or token.lemma_.lower() not in PERSON_NOUNS or token.lemma_.lower() in COLLECTIVE_NOUNS:
        return False
    return not _counted_or_quantified(token)


def _counted_or_quantified(token: Token) -> bool:
    """"two farmers", "every farmer", "no one": more or fewer than one."""
    return any(c.dep_ in {"nummod", "quantmod"} or (c.dep_ == "det" and c.lower_ in NOT_ONE_DETERMINERS)
               for c in token.children)


def _person_by_form(token: Token) -> bool:
    """A singular noun the lexicons do not list that still reads as one person when it is killed: an agent noun by
    its ending ("a rapist", "a shop keeper", "a technician"), a nationality ("a Kenyan"), a capitalized title ("an
    Assistant Sub-Inspector"), any other object of a verb of killing, or a noun joined to one ("a pastor and a
    village head were shot dead"), with a determiner ("killed a forest guide", "shot dead the mechanic") or a
    person's name beside it ("killed county executive, John Doe"; not "attacked the village and killed five"), a
    headline's subject of a verb of killing ("Ward delegate killed outside his shop"; not "Fighting killed 18") but
    animals and figurative objects (``not_people_objects``). Taken for deaths only: things
    are damaged or shot at, not killed."""
    if token.tag_ not in {"NN", "NNP"} or token.dep_ in NOT_A_PERSON_DEPS or _counted_or_quantified(token):
        return False  # the tag first: it rules out most words without looking at their children
    lower = token.lower_
    if token.ent_type_ == "NORP":
        return not lower.endswith("s")
    if token.tag_ == "NNP" and named_dead(token):
        return True
    if token.ent_type_ in {"ORG", "GPE", "LOC", "FAC"}:
        return False
    if token.tag_ == "NNP":
        return lower in PERSON_NOUNS
    if token.tag_ != "NN" or _of_many(token):
        return False
    if len(lower) > 4 and lower.endswith(AGENT_ENDINGS):
        return True
    if token.lemma_.lower() in NOT_PEOPLE_OBJECTS or token.ent_type_ != "":
        return False
    killed = token.head.lemma_.lower() in OBJECT_KILL_VERBS
    if killed and token.dep_ == "nsubj" and _headline_passive(token.head, "nsubj"):
        return not lower.endswith("ing")  # "Ward delegate killed outside his shop"; not "Fighting killed 18"
    first = first_conjunct(token)
    return (first.dep_ in {"dobj", "nsubjpass"} and first.head.lemma_.lower() in OBJECT_KILL_VERBS
            and any(c.dep_ in {"det", "poss"} and c.lower_ not in NOT_ONE_DETERMINERS
                    or c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children))


def _of_many(noun: Token) -> bool:
    """A noun that sums up or gathers others ("a total of eighteen fighters", "a group of farmers", "a number of
    them"): the people are its "of" object, and the noun itself is no one."""
    return any(o.dep_ == "pobj" and (o.tag_ in {"NNS", "NNPS"} or o.lower_ == "them" or _counted_or_quantified(o))
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children)


def named_dead(token: Token) -> bool:
    """A singular name the recognizer did not take for a person, or took for an organization, that a verb of killing
    takes as its object or passive subject, or a verb of dying as its subject ("Rahim Uddin, a trader, was
    murdered", "an MP was killed", "Anis succumbed to his injuries"); not a place, nor a group of the alias table
    ("Al-Shabaab was targeted and killed ..." is no one's death)."""
    lemma = token.head.lemma_.lower()
    killed = token.dep_ in {"dobj", "nsubjpass"} and lemma in OBJECT_KILL_VERBS
    if not (killed or (token.dep_ == "nsubj" and lemma in DIE_VERBS)) or token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return False
    if any(c.dep_ == token.dep_ and c.i != token.i for c in token.head.children):
        return False  # two objects of one verb: the parse split one phrase, the name is not a second person
    return not any(a.start <= token.idx < a.end for a in token.doc._.incidex_actors or ())


def _told_as_cause(noun: Token) -> bool:
    """Deaths told as the cause of what the report is about: "protested over the death of a hawker", "in response
    to the killing of a trader", "in solidarity with men accused of killing an officer", "three men suspected of
    murdering a chief", "gunmen held responsible for a tourist's death". They belong to another incident, not
    to the one the sentence reports."""
    for ancestor in noun.ancestors:
        if (ancestor.lemma_.lower() in DEATH_NOUNS and ancestor.dep_ == "pobj"
                and ancestor.head.lower_ in {"over", "against"}):
            return True
        if ancestor.lemma_.lower() in CAUSE_GOVERNORS:
            return True
        if ancestor.lemma_ in ALLEGED_DEED_VERBS and ancestor.dep_ in {"acl", "relcl"}:
            return True  # their alleged deed, not this incident's toll
        if ancestor.lower_ == "responsible":
            return True
    return False


def _included(noun: Token) -> bool:
    """People named as some of a count ("four people, including a tribal elder and his son"; "twenty civilians,
    including farmers, and a pastor", where the pastor may be one of the twenty): no figure of their own."""
    if any(a.dep_ == "prep" and a.lower_ in INCLUDING_WORDS and a.head.pos_ in {"NOUN", "PROPN", "NUM"}
           for a in noun.ancestors):
        return True
    first = first_conjunct(noun)
    return first.i != noun.i and any(c.dep_ == "prep" and c.lower_ in INCLUDING_WORDS and c.i < noun.i
                                     for c in first.children)


def _single_people(doc: Doc, text: str, counted: set[int]) -> Iterator[tuple[CasualtyArg, Token]]:
    for token in doc:
        if token.i in counted:
            continue
        listed = _one_person(token)
        if (not listed and not _person_by_form(token)) or _included(token) or _told_as_cause(token):
            continue
        event = _noun_event(token)
        if event is None or (not listed and event != "killed"):
            continue
        verb = _clause_verb(token)
        if _unreal(verb) or (verb.i > token.i and any(c.dep_ == "neg" for c in verb.children)):
            continue  # "threatened to kill the governor"; "the chief was not hurt" is no count of one
        phrase = [t for t in token.subtree if t.i <= token.i and t.dep_ not in {"punct", "cc", "prep", "conj"}]
        start = min([token.idx, *(t.idx for t in phrase)])
        end = token.idx + len(token.text)
        people = _people_in(token)
        if people is None:
            continue
        yield CasualtyArg(start, end, text[start:end], field=_field(event, token), value=people,
                          part_of=_conjunction(token), additive=_additive(token), died_later=_died(token)), token


def _people_in(token: Token) -> int | None:
    """How many people a singular noun stands for: two for "a couple", none stated by "a couple of traders" (a
    vague few), else one."""
    if token.lower_ != "couple":
        return 1
    return None if any(c.lower_ == "of" for c in token.children) else 2


def _clause_verb(token: Token) -> Token:
    """The verb (or the root) of the clause ``token`` belongs to."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:  # the root is its own head
        token = token.head
    return token


def _unreal(verb: Token) -> bool:
    """Whether the clause of ``verb`` tells what did not happen: a modal without "have" ("could die", unlike "may
    have died"), a verb of threatening, warning or planning above it ("threatened to kill", "warned that ..."), or a
    running total rather than one incident's toll ("has killed thousands over the past decade")."""
    if _running_total(verb):
        return True
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in UNREAL_GOVERNORS:
        return True  # "in a bid to lynch", "an attempt to kill"
    for _ in range(4):
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if auxiliaries & MODALS and "have" not in auxiliaries:
            return True
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        if verb.dep_ == "conj" and not has_subject:
            verb = verb.head  # "threatened to kill 10 and behead two": the second verb shares the first's clause
        elif verb.dep_ in {"xcomp", "ccomp"}:
            verb = verb.head
            if verb.lemma_.lower() in UNREAL_GOVERNORS:
                return True
        else:
            return False
    return False


def _running_total(verb: Token) -> bool:
    """"Boko Haram, which has killed thousands", "has killed 40,000 people since 2009 / over the past decade"."""
    if not {c.lower_ for c in verb.children if c.dep_ == "aux"} & {"has", "have", "'s", "'ve"}:
        return False
    if verb.dep_ == "relcl" and verb.head.pos_ == "PROPN":
        return True
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ == "since" or any(c.dep_ == "pobj" and c.lemma_.lower() in PERIOD_NOUNS for c in prep.children):
            return True
    return False


def _zero_figures(doc: Doc, text: str) -> Iterator[tuple[CasualtyArg, Token]]:
    """Figures of none from "unharmed" words and explicit statements ("no one was hurt", "no casualties")."""
    for token in doc:
        lower = token.lower_
        if lower in UNHARMED_WORDS and token.dep_ in {"acomp", "amod", "oprd", "advmod", "conj"}:
            subject = next((c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            noun = subject if subject is not None else token.head
            who = party(noun) or ("victims" if noun.pos_ == "PRON" else None)
            if who is None or (lower == "safe" and who != "victims"):
                continue
            for event in ("injured", "killed"):
                yield CasualtyArg(token.idx, token.idx + len(token.text), token.text, field=f"{event}.{who}",
                                  value=0), token
            continue
        negated = _negated_noun(token)
        found = _none_statement(negated) if negated is not None else None
        if found is None or _unreal(_clause_verb(negated)):
            continue
        kinds, who, last = found
        start, end = token.idx, max(last.idx + len(last.text), token.idx + len(token.text))
        for kind in kinds:
            yield CasualtyArg(start, end, text[start:end], field=f"{kind}.{who}", value=0), token


def _negated_noun(token: Token) -> Token | None:
    """The noun a word of none stands for: "nobody", "none", the noun of "no" ("no one", "no casualties")."""
    if token.lower_ in NONE_WORDS:
        return token
    if token.lower_ == "no" and token.dep_ == "det" and token.head.i > token.i:
        return token.head
    return None


def _none_statement(noun: Token) -> tuple[tuple[str, ...], str, Token] | None:
    """``(figures, party, last token of the statement)`` when ``noun`` (negated) states that none were killed or
    injured, else None: "no casualties (were reported)", "no reports of casualties", "no one was hurt",
    "nobody died", "left no one dead", "none of the passengers were injured"."""
    lemma = noun.lemma_.lower()
    if lemma == "report":  # "there were no reports of casualties"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or pobj.lemma_.lower() not in NONE_NOUNS:
            return None
        return NONE_NOUNS[pobj.lemma_.lower()], "total", pobj
    if lemma in NONE_NOUNS:
        head = noun.head
        stated = noun.dep_ in {"nsubj", "nsubjpass"} and head.i > noun.i and head.lemma_ in {"report", "be", "occur"}
        return NONE_NOUNS[lemma], "total", head if stated else noun
    if lemma not in {"one", "nobody", "none"} and party(noun) is None:
        return None  # "no group has claimed responsibility", "no immediate claim": not about people harmed
    who = party(noun) or "total"
    for child in noun.children:  # "left no one dead"
        if child.dep_ in {"amod", "acomp", "oprd"} and child.lower_ in DEAD_WORDS | INJURED_WORDS:
            return ("killed",) if child.lower_ in DEAD_WORDS else ("injured",), who, child
    verb, lemma = noun.head, noun.head.lemma_.lower()
    if noun.dep_ == "nsubjpass" and lemma in NONE_KILL_VERBS | INJURE_VERBS:
        return ("killed",) if lemma in NONE_KILL_VERBS else ("injured",), who, verb
    if noun.dep_ == "nsubj" and lemma in DIE_VERBS:
        return ("killed",), who, verb
    if noun.dep_ == "nsubj" and lemma in {"be", "remain"}:  # "no one was hurt" parsed with an adjective
        state = next((c for c in verb.children if c.dep_ in {"acomp", "oprd"}), None)
        if state is not None and state.lower_ in DEAD_WORDS | INJURED_WORDS:
            return ("killed",) if state.lower_ in DEAD_WORDS else ("injured",), who, state
    return None


def status_cues(noun: Token) -> list[StatusCue]:
    """What the text says happened to a person group: taken hostage, kidnapped, released, killed, injured, unharmed."""
    cues: list[StatusCue] = []

    def add(status: str, token: Token) -> None:
        cues.append(StatusCue(token.idx, token.idx + len(token.text), token.text, status=status))

    anchors = [noun] + [c for c in noun.children if c.dep_ == "relcl"]
    for anchor in anchors:
        if anchor.i == noun.i:
            event = _noun_event(noun)
            verb = noun.head
        else:
            subject = next((c for c in anchor.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
            event = _verb_event(anchor, subject.dep_ if subject is not None else "dobj")
            verb = anchor
        if event == "hostages_taken":
            kidnapped = verb.lemma_ in KIDNAP_VERBS or verb.head.lemma_ in KIDNAP_NOUNS
            add("kidnapped" if kidnapped else "taken hostage", verb)
        elif event == "hostages_released":
            add("released", verb)
        elif event in {"killed", "injured"}:
            add(event, verb)
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        for child in noun.head.children:
            if child.dep_ in {"acomp", "oprd"} and child.lower_ in UNHARMED_WORDS:
                add("unharmed", child)
    return sorted(cues, key=lambda c: c.start)
