"""Incident detection, grouping, and main vs background (the type is decided by :mod:`incidex.nlp.incident_types`).

Finds trigger mentions, drops generic and hypothetical ones ("numerous attacks worldwide", "to prevent attacks"),
groups the rest into incident frames, and tells the report's current incident(s) (``main``) from incidents it
recalls (``background``: "the March attack", "detained in 2022"). Writes ``doc._.incidex_incidents``.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..geodesy import distance_km
from ..resolve.dates import parse_partial
from .actors import COMMUNAL_NOUNS, known_people
from .annotations import DateMention, PlaceMention
from .casualties import ADDITIVE_WORDS, FINDING_VERBS, NOT_PEOPLE_OBJECTS, named_dead
from .frames import IncidentFrame, Trigger
from .incident_types import CAPTURE_TYPES, THROWING_VERBS, kills_one_told_before
from .lexicons import (
    ARMED_DOERS,
    CUSTODY_WORDS,
    DEAD_WORDS,
    DIE_VERBS,
    HARMING_VERBS,
    INJURE_VERBS,
    KIDNAP_VERBS,
    KILL_VERBS,
    ONE_PERSON_PRONOUNS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    RESPONDER_NOUNS,
    SAY_VERBS,
    VALUABLES,
    VICTIM_NOUNS,
    words,
)
from .syntax import is_negated, objects_of, tree_distance
from .triggers import AGENT_NOUNS, FALSE_FRIEND_MODIFIERS, FOUND_WORDS, GERUND_AS_NOUN, TriggerMatcher, trigger_lemma

CASUALTY_VERBS = KILL_VERBS | DIE_VERBS | INJURE_VERBS  # what tells a toll, not another act ("also killed a guard")
# what was done to people, whoever the parse made its doer ("claimed lives" and "martyred" tell no act)
HARM_WORDS = (KILL_VERBS | INJURE_VERBS) - {"claim", "martyr"}
# what the doers did to people: with "also", the same attack told further ("the bandits also abducted 12 women")
DONE_TO_PEOPLE = CASUALTY_VERBS | HARMING_VERBS | KIDNAP_VERBS
GENERIC_MODIFIERS = words("generic_modifiers")
HYPOTHETICAL_GOVERNORS = words("hypothetical_governors")
GENERIC_DETERMINERS = frozenset({"every", "each", "any", "no"})
ANY_PEOPLE = frozenset({"anyone", "anybody"})  # no one in particular: "they kidnap and murder anyone who resists"
HABITUAL = words("habitual_words")
PLANNING_GOVERNORS = words("planning_governors")
ACCUSING_WORDS = words("accusing_words")
FIGURATIVE_OBJECTS = words("figurative_objects")
ACCIDENT_WORDS = words("accident_words")
ILLNESS_WORDS = words("illness_words")
MODALS = frozenset({"will", "would", "could", "might", "may", "should", "can", "'ll"})
BACKGROUND_CUES = words("background_cues")
SEPARATE_CUES = words("separate_cues")
MOMENT_UNITS = frozenset({"second", "minute", "moment"})
LONG_PERIODS = frozenset({"month", "year", "decade"})  # "in the last three years": a span a tally covers
SPAN_PREPOSITIONS = frozenset({"in", "during", "over", "within", "for"})
# an incident dated more than 60 days before publication is history, not the report's news; a year named alone
# ("last year's attack", which may date another act of its sentence) only when it ended a year before
HISTORY_DAYS = 60
HISTORY_DAYS_OF_A_YEAR = 365
SAME_TOWN_KM = 10.0  # towns nearer than this are one place told twice (a district beside its city)
ESCAPE_WORDS = words("escape_words")
INCENDIARY = words("incendiary_words")
JUDICIAL_WORDS = words("judicial_words")


def _date_key(mention: DateMention | None) -> str | None:
    """What identifies a date: its value, or its words while unresolved ("on Sunday" without a publication date)."""
    if mention is None:
        return None
    return mention.date.value or f"~{mention.text.lower()}"


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return date(*parts)
    except ValueError:
        return None


def dates_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    """Whether two date mentions may denote the same day (one contains the other or they are equal)."""
    if a is None or b is None:
        return True
    va, vb = a.date.value, b.date.value
    if va is None or vb is None:
        return a.text.lower() == b.text.lower()
    return va.startswith(vb) or vb.startswith(va)


def _dates_a_statement(span: Span) -> bool:
    """"police said on Tuesday", "the agency announced Tuesday": a date on a reporting verb dates the statement."""
    return span.root.head.lemma_ in REPORTING_VERBS and span.root.head.i != span.root.i


def _dates_the_report(span: Span, trigger: Token) -> bool:
    """"[changes at a prison where an inmate used a gun to escape], the agency announced Tuesday": a statement's date
    never dates an incident buried in what it reports. The verb it reports directly takes it when its sentence
    dates no action ("gunmen attacked a post, the army said on Tuesday"), never a reference to an incident told
    before ("police confirmed the kidnapping on Tuesday")."""
    if not _dates_a_statement(span):
        return False
    verb = span.root.head
    if trigger.head == verb and trigger.dep_ in {"dobj", "nsubjpass", "nsubj"} and trigger.pos_ == "NOUN":
        return True
    return trigger.head != verb and verb in trigger.ancestors


class IncidentFinder:
    """Trigger detection and grouping into :class:`IncidentFrame` objects; ``triggers`` is the trigger lexicon (a
    shipped name or a path, see :mod:`incidex.nlp.triggers`), ``max_date_distance`` the farthest a date may stand
    from a trigger in the dependency tree and still date it."""

    def __init__(self, nlp: Language, name: str = "incidex_incidents", *, triggers: str = "triggers",
                 max_date_distance: int = 6) -> None:
        self.name = name
        self.matcher = TriggerMatcher(triggers)
        self.max_date_distance = max_date_distance

    def __call__(self, doc: Doc) -> Doc:
        triggers = [t for t in self.find_triggers(doc) if self._is_specific(doc[t.token])]
        doc._.incidex_incidents = self.group(doc, triggers)
        return doc

    # -- triggers ---------------------------------------------------------------------------------------------
    def find_triggers(self, doc: Doc) -> list[Trigger]:
        matches = {(start, end): rule for rule, start, end in self.matcher(doc)
                   # "grenades attacked" is a subject and its verb, not the compound "grenade attack"; "a grenade
                   # was thrown" is meant, as is "warplanes pounded", and "shot and wounded", two verbs joined whose
                   # first the tagger made the noun "shot" ("shoots and kills", a noun of "shoot", leaves its "kills")
                   if not (end - start > 1 and doc[start].pos_ in {"NOUN", "PROPN"} and doc[end - 1].pos_ == "VERB"
                           and rule.type != "air_or_drone_strike" and not _passive(doc[end - 1])
                           and not (doc[start].lemma_ not in KILLING_VERBS
                                    and any(t.lower_ == "and" for t in doc[start:end])))
                   # "insurgents fired rockets", not "machine-gun fire and explosions from rocket-propelled grenades"
                   and not (rule.type == "shelling" and doc[start].lemma_ == "fire" and doc[start].pos_ != "VERB")}
        triggers, beside, others = [], [], []
        for span in filter_spans([doc[start:end] for start, end in matches]):
            rule = matches[(span.start, span.end)]
            head = self._head(span)
            if head.lemma_ == "storm" and head.pos_ != "VERB":
                continue
            if head.lemma_ == "burn" and head.i + 1 < len(doc) and doc[head.i + 1].lemma_.lower() in WOUND_NOUNS:
                continue  # "burn injuries" are a wound, not a burning, however the parser read "burn"
            if head.lemma_ in {"shell", "fire", "bomb", *FIGHTING_VERBS} and head.pos_ == "PROPN":
                continue
            if head.lower_ == "firing" and any(c.lower_ == "of" for c in head.children):
                continue  # "the firing of the police chief" is a dismissal
            if span[-1].lower_ == "between" and head.lower_ != "firing":
                continue  # "firing between two armies", not "a fire between two warehouses"
            # "militiamen shot at a car", "a helicopter was shot at": firing at someone is an act, never a toll
            verbal_killing = head.lemma_ in KILLING_VERBS and head.pos_ == "VERB" and span[-1].lower_ != "at"
            casualty = verbal_killing and not self._agentive(head)
            if casualty and not _violent_toll(head):
                continue  # "12 people were killed" states a casualty; "gunmen killed 12" reports an incident
            if head.lemma_ in INJURING_VERBS:
                if head.pos_ != "VERB" or not _injured_by_people(head):
                    continue  # "two were wounded", "the storm injured six", "gunshot wounds"
            if _fight(head) and not _fought_by_people(head):
                continue  # "guards battled a gang", not "firefighters battled the blaze" or "fight corruption"
            if rule.type == "clash" and span[0].lemma_.lower() in GROUND_VERBS and (not _ground_taken(span)
                                                                            or _told_since(head)):
                continue  # "troops recaptured the town", not "seized livestock in the village" nor "shelled daily
                # since troops recaptured the city" (when the holding began)
            if head.lemma_.lower() == "violence" and not _violence_between_sides(head):
                continue  # "violence between two clans", not "violence against women" or "election violence"
            verb_alone = len(span) == 1 and head.pos_ == "VERB" and head.tag_ != "VBG"  # not "a mob beating"
            if head.lemma_ in {"execute", "beat"} and verb_alone and not (_done_to_people(head) or _harms_people(head)):
                continue  # "soldiers executed seven men", "soldiers beat a candidate", not "police executed a search
                # warrant", "beat Chelsea" or "Smith beat the mayor" at the polls
            if head.lemma_ == "execute" and any(t.lemma_.lower() in JUDICIAL_WORDS for t in head.sent):
                continue  # "the state executed two men convicted of murder" carries out a sentence
            if head.lemma_ in {"shoot", "kill", "capture", *INJURING_VERBS} and head.pos_ != "VERB":
                continue
            if head.lemma_.lower() in PEOPLE_ONLY_VERBS and len(span) == 1 and not _beats_or_slaughters_people(head):
                continue  # "whipped up anger", "Rovers thrashed the visitors", "slaughtered two goats", "the club"
            found_killed = trigger_lemma(head) in FOUND_WORDS
            # foul play told in the body's own sentence, else only in a sentence beside it
            foul_here = found_killed and _found_killed(head, list(head.sent))
            if found_killed and not foul_here and not _found_killed(head, _with_neighbours(head.sent)):
                continue  # "the body of a drowned fisherman was found", "the governing body met"
            if rule.type == "robbery" and head.lemma_ == "make" and not self._takes_valuables(span):
                continue  # "made off with the ball" is sport; "made off with $2 million of jewels" is a robbery
            if any(t.lemma_.lower() in ESCAPE_WORDS for t in span) and not self._in_custody(span):
                continue  # "the hostages escaped unhurt" is not an escape from custody
            agent = (head.lemma_ in AGENT_NOUNS or head.lower_ in AGENT_NOUNS) and not self._acting_agent(head)
            kind = "plot" if self._is_planned(head) and rule.type not in {"arrest", "plot"} else rule.type
            if head.lemma_ == "bomb" and (any(c.lower_ in INCENDIARY for c in head.children)
                                          or head.i > 0 and doc[head.i - 1].lower_ in INCENDIARY):
                kind = "arson"  # petrol bombs and Molotov cocktails are incendiary, not explosive ("a petrol bomb
                # attack", where the parser hangs "petrol" on "attack")
            strong = (rule.strong or found_killed) and not agent
            # a riot unit ("riot police intervened") and stones thrown tell of unrest, and type the incident only when
            # no act does ("two groups clashed, throwing stones at each other" is a clash)
            aside = (kind == "bombing" and (_held(head) or _recalled(head)) or _names_riot_unit(head)
                     or kind == "riot" and trigger_lemma(head) in THROWING_VERBS)
            trigger = Trigger(span.start_char, span.end_char, span.text, kind, strong, head.i, agent,
                              head.lemma_.lower(), casualty, aside)
            triggers.append(trigger)
            if found_killed and not foul_here:
                beside.append((trigger, head))
            elif not (found_killed or casualty):
                others.append((head, kind))
        joined = [t for t, head in beside
                  if others and (_added_to_a_toll(head) or _ends_an_attack_before(head, others))]
        return [t for t in triggers if t not in joined]

    @staticmethod
    def _takes_valuables(span: Span) -> bool:
        """Whether what follows "made off with" is money or valuables."""
        taken = list(span[-1].subtree)[1:] or list(span.doc[span.end:min(span.end + 6, span.sent.end)])
        return any(t.lemma_.lower() in VALUABLES or t.ent_type_ == "MONEY" or t.tag_ == "$" for t in taken)

    @staticmethod
    def _in_custody(span: Span) -> bool:
        """An escape whose sentence speaks of prison, jail, custody or inmates."""
        return any(t.lemma_.lower() in CUSTODY_WORDS or t.lower_ in CUSTODY_WORDS for t in span.sent)

    @staticmethod
    def _accused_of(verb: Token) -> bool:
        """"convicted of killing", "found guilty of shooting", "accused of overpowering a guard before killing"."""
        if verb.dep_ != "pcomp":
            return False
        return any(a.lemma_.lower() in ACCUSING_WORDS or any(c.lower_ == "guilty" for c in a.children)
                   for a in list(verb.ancestors)[:4])

    def _agentive(self, verb: Token) -> bool:
        """A verb with a doer and a literal object: "gunmen killed 12" or "a guard was shot by gunmen", not "were
        killed" or "killed the game"."""
        accused = self._accused_of(verb)
        # "the army raided X and killed eight", "the group claimed to have killed three soldiers"; not "the student
        # appears to have been shot", where the subject is the one shot
        passive = _passive(verb)
        doer = any(c.dep_ == "nsubj" for c in verb.children) or (
            (verb.dep_ == "conj" or verb.dep_ == "xcomp" and not passive) and verb.head.pos_ == "VERB"
            and any(c.dep_ == "nsubj" for c in verb.head.children))
        # an active verb with people as its object has a doer, where the parser lost the subject ("presumed rebels
        # killed a herder" read as "presumed [rebels] [killed a herder]")
        doer = doer or not passive and any(c.dep_ == "dobj" for c in verb.children) and _done_to_people(verb)
        if not accused and not doer and not self._passive_doer(verb) and not _done_by_someone(verb, passive):
            return False
        return not any(c.dep_ == "dobj" and c.lemma_ in FIGURATIVE_OBJECTS for c in verb.children)

    @staticmethod
    def _passive_doer(verb: Token) -> bool:
        """A passive killing done "by" people ("was shot and killed by unidentified gunmen", "killed by police",
        "killed by a mob"), on the verb or a verb joined to it; "killed by a falling tree" and "killed by a drunk
        driver" have no such agent."""
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj"), *([verb.head] if verb.dep_ == "conj" else [])]
        return any(_violent_doer(o) for v in verbs for o in _agents(v))

    @staticmethod
    def _acting_agent(token: Token) -> bool:
        """"Four robbers stole jewels": an agent noun doing something reports an incident by itself."""
        verb = token.head
        return token.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_ not in {"be", "have", "remain", "face"}

    @staticmethod
    def _is_planned(token: Token) -> bool:
        """An attack that was planned, plotted or prepared ("a plot to bomb", "planning an attack") is a plot."""
        return any(a.lemma_ in PLANNING_GOVERNORS for a in list(token.ancestors)[:3])

    @staticmethod
    def _head(span) -> Token:
        """The word a trigger phrase is judged by: "fire" in "opened fire"; the verb of "took N people hostage" or
        "held them captive", not the people held (whose "several" would make the act look generic)."""
        if span[-1].lower_ in {"hostage", "hostages", "captive", "captives"}:
            return span[0]
        for token in span:
            if token.pos_ in {"VERB", "NOUN"} and token.lemma_ not in {"take", "hold", "set", "open", "hostage"}:
                return token
        return span.root

    def _is_specific(self, token: Token) -> bool:
        """False for generic, hypothetical, negated and false-friend mentions."""
        if is_negated(token) or any(c.lower_ in {"no", "never"} for c in token.children):
            return False
        children = {c.lower_ for c in token.children}
        if children & FALSE_FRIEND_MODIFIERS or token.lower_.startswith("cyber"):
            return False
        if token.tag_ in {"NNS", "NNPS"} and children & GENERIC_MODIFIERS and token.lemma_ not in AGENT_NOUNS:
            return False
        if children & GENERIC_DETERMINERS or children & HABITUAL or _done_to_anyone(token):
            return False
        if token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in ILLNESS_WORDS for c in token.children):
            return False  # "resources to attack the virus"
        if token.lemma_ in {"kill", "die", "killing"} and any(
                t.lemma_ in ACCIDENT_WORDS for t in [*token.subtree, *token.head.children]):
            return False  # "killed in a crash"; not "charged with killing two women ... is dying from disease"
        if any(c.dep_ == "relcl" and c.lemma_ in HYPOTHETICAL_GOVERNORS for c in token.children):
            return False
        if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            return False
        if any(_over_years(t) for t in [token, *list(token.ancestors)[:3]]):
            return False  # "in the last three years, 900 judges have been killed by hired gunmen"
        for ancestor in list(token.ancestors)[:3]:
            if ancestor.lemma_ in HYPOTHETICAL_GOVERNORS and not _feared_dead(ancestor):
                return False
        return True

    # -- grouping ---------------------------------------------------------------------------------------------
    def group(self, doc: Doc, triggers: list[Trigger]) -> list[IncidentFrame]:
        dates: list[DateMention] = list(doc._.incidex_dates or [])
        frames: list[IncidentFrame] = []
        main: IncidentFrame | None = None
        last_frame: IncidentFrame | None = None
        for sentence_triggers in self._by_sentence(doc, triggers):
            if frames or any(not t.casualty and not t.agent for t in sentence_triggers):
                # a toll ("six civilians had been killed") tells an incident only where nothing else does
                sentence_triggers = [t for t in sentence_triggers if not t.casualty]
            if not sentence_triggers:
                continue
            for trigger_group, own_date in self._sentence_groups(doc, sentence_triggers, dates):
                token = doc[trigger_group[0].token]
                frame = self._place_group(doc, trigger_group, own_date, frames, main, last_frame)
                elsewhere = frame is not None and _told_elsewhere(doc, trigger_group, frame)
                if elsewhere:
                    own_date = own_date or frame.date  # the story goes on: the same day, another town
                    frame = _frame_at(doc, trigger_group, frames)
                if frame is None:
                    if all(t.agent for t in trigger_group) and not _harm_told(token.sent):
                        continue  # "the hostage-takers" refers to an incident; it does not start one
                    frame = IncidentFrame(id="", role="main", triggers=[], date=own_date)
                    # an act told at another town is told beside the report's own: it does not stand for the report
                    frame.role = "background" if elsewhere else self._role_for_new(doc, frame, token, main)
                    frames.append(frame)
                    if frame.role == "main" and main is None:
                        main = frame
                frame.triggers.extend(trigger_group)
                frame.sentences.add(token.sent.start)
                if frame.date is None and own_date is not None:
                    frame.date = own_date
                last_frame = frame
        sentences = list(doc.sents)
        starts, sports = [s.start for s in sentences], [_sports_words(s) for s in sentences]
        kept = [f for f in frames if self._corroborated(doc, f, sports=_told_in_sports(starts, sports, f))]
        if not any(f.role == "main" for f in kept):
            current = next((f for f in kept if not self._long_past(doc, f.date)), None)
            if current is not None:
                current.role = "main"
        for frame in kept:
            if frame.role == "main" and frame.date is None:
                frame.date = self._lead_date(doc, frame, kept, dates)
        for index, frame in enumerate(kept, start=1):
            frame.id = f"i{index}"
        return kept

    @staticmethod
    def _lead_date(doc: Doc, frame: IncidentFrame, frames: list[IncidentFrame],
                   dates: list[DateMention]) -> DateMention | None:
        """The date that opens the story of an undated main incident: "On 3 May, a gunman opened fire on a patrol.
        Soldiers returned fire and killed him." The date stands in a sentence before the incident's first one that
        tells no incident, and every such date agrees (no choice between two days)."""
        first = min(frame.sentences)
        told = {start for f in frames for start in f.sentences}
        taken = {_date_key(f.date) for f in frames if f.date is not None}
        leads: list[DateMention] = []
        for mention in dates:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.sent.start >= first or span.sent.start in told:
                continue
            if _date_key(mention) in taken or _dates_a_statement(span):
                continue
            leads.append(mention)
        return leads[-1] if len({_date_key(m) for m in leads}) == 1 else None

    @staticmethod
    def _by_sentence(doc: Doc, triggers: list[Trigger]) -> list[list[Trigger]]:
        groups: dict[int, list[Trigger]] = {}
        for trigger in sorted(triggers, key=lambda t: t.start):
            groups.setdefault(doc[trigger.token].sent.start, []).append(trigger)
        return list(groups.values())

    def _sentence_groups(
        self, doc: Doc, triggers: list[Trigger], dates: list[DateMention]
    ) -> list[tuple[list[Trigger], DateMention | None]]:
        """Split a sentence's triggers by the date each attaches to (undated triggers join the first group)."""
        sent = doc[triggers[0].token].sent
        sentence_dates = [d for d in dates if sent.start_char <= d.start < sent.end_char]
        by_date: dict[str | None, list[Trigger]] = {}
        attached: dict[str | None, DateMention | None] = {}
        for trigger in triggers:
            mention = self._attached_date(doc, trigger, sentence_dates, triggers)
            key = _date_key(mention) if mention else None
            by_date.setdefault(key, []).append(trigger)
            attached[key] = mention
        groups = [(group, attached[key]) for key, group in by_date.items() if key is not None]
        undated = by_date.get(None, [])
        referring = [t for t in undated if t.agent or self._is_definite_reference(doc[t.token])]
        others = [t for t in undated if t not in referring]
        if others:
            if groups:
                nearest = min(range(len(groups)), key=lambda i: min(
                    tree_distance(doc[t.token], doc[g.token]) for t in others for g in groups[i][0]))
                groups[nearest] = (sorted(groups[nearest][0] + others, key=lambda t: t.start), groups[nearest][1])
            else:
                groups.append((others, None))
        if referring:
            groups.insert(0, (referring, None))
        return groups

    def _attached_date(
        self, doc: Doc, trigger: Trigger, dates: list[DateMention], triggers: list[Trigger]
    ) -> DateMention | None:
        """The date whose tree distance to this trigger is smallest, not larger than to any other trigger and at most
        ``max_date_distance``.

        The date of the action wins over the date of the statement about it: "gunmen abducted 12 students after
        storming a school late on Monday, police said on Tuesday" is Monday's; a statement's date is taken only when
        the sentence dates no action."""
        spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in dates]
        spans = [(m, span) for m, span in spans if span is not None]
        actions = [(m, span) for m, span in spans if not _dates_a_statement(span)]
        best: tuple[int, DateMention] | None = None
        head = doc[trigger.token]
        for mention, span in actions or spans:
            if _dates_the_report(span, head):
                continue
            distance = tree_distance(head, span.root)
            others = [tree_distance(doc[t.token], span.root) for t in triggers if t is not trigger]
            if distance > self.max_date_distance or (others and min(others) < distance):
                continue
            if best is None or distance < best[0]:
                best = (distance, mention)
        return best[1] if best else None

    @staticmethod
    def _is_definite_reference(token: Token) -> bool:
        return any(c.lower_ in {"the", "this", "that"} and c.dep_ == "det" for c in token.children)

    def _place_group(
        self,
        doc: Doc,
        triggers: list[Trigger],
        own_date: DateMention | None,
        frames: list[IncidentFrame],
        main: IncidentFrame | None,
        last_frame: IncidentFrame | None,
    ) -> IncidentFrame | None:
        """The existing frame this group refers to, or None when it starts a new incident."""
        token = doc[triggers[0].token]
        separate = self._is_separate(token)
        if own_date is not None and main is not None and self._follow_up_arrest(triggers, own_date, main):
            return main
        for captive in (main, last_frame):  # the main capture, else one just told that is not (yet) main
            if captive is not None and _captive_killed(doc, triggers, captive):
                return captive
        if own_date is not None:
            for frame in frames:
                if frame.date is not None and _date_key(frame.date) == _date_key(own_date):
                    if not separate or frame is not main:
                        return frame
            if main is not None and main.date is None and self._recent(doc, own_date) and not separate:
                return main
            if (main is not None and not separate and main.date is not None and own_date.date.precision != "day"
                    and dates_compatible(main.date, own_date)
                    and {t.type for t in triggers} & {t.type for t in main.triggers}):
                return main  # "the kidnapping was the third this month" is still Monday's kidnapping
            return None
        if self._has_background_cue(token):
            return None
        if main is not None and not separate:
            return main
        return last_frame if not separate else None

    @staticmethod
    def _follow_up_arrest(triggers: list[Trigger], own_date: DateMention, main: IncidentFrame) -> bool:
        """Arrests in the days after the main incident are part of its story (casualties.arrested), not new events."""
        if not all(t.type == "arrest" for t in triggers) or main.date is None:
            return False
        after, before = _parse_iso(own_date.date.value), _parse_iso(main.date.date.value)
        return after is not None and before is not None and 0 <= (after - before).days <= 7

    @staticmethod
    def _is_separate(token: Token) -> bool:
        """"In a separate attack", "another bombing", "Elsewhere, ...", "in response": a new incident; not "Minutes
        later, he shot the judge", the same incident's next moment. "Another" may qualify the noun a trigger
        modifies ("another dynamite charge"); not "the second bomb technician", a person named by his trade, nor
        "another arson victim"."""
        if any(c.lower_ in SEPARATE_CUES and not _moments_apart(c) for c in token.children):
            return True
        if (token.dep_ == "compound" and any(c.lower_ == "another" for c in token.head.children)
                and token.head.lemma_.lower() not in PERSON_NOUNS):
            return True  # not "another arson victim died": one more person of the same incident
        if any((t.lower_ == "response" and t.head.lower_ == "in") or t.lemma_ == "retaliation" for t in token.sent):
            return True
        opening = token.sent[:4]
        if any(t.lower_ in SEPARATE_CUES for t in opening) and opening[0].lower_ in {"in", "elsewhere", "meanwhile"}:
            return True
        return _also_reported(token) or _also_done(token)

    def _role_for_new(self, doc: Doc, frame: IncidentFrame, token: Token, main: IncidentFrame | None) -> str:
        if self._has_background_cue(token):
            return "background"
        if main is None:
            return "main" if frame.date is None or self._recent(doc, frame.date) else "background"
        if frame.date is not None and main.date is not None and dates_compatible(frame.date, main.date):
            return "main"
        if frame.date is not None and self._recent(doc, frame.date) and main.date is None:
            return "main"
        return "background" if frame.date is not None else "main"

    @staticmethod
    def _has_background_cue(token: Token) -> bool:
        """"a previous attack", an incident told in a "since" clause ("on high alert since militants launched a
        series of attacks", "the deadliest since the 2015 attacks"), or a pluperfect that is not just reported
        speech ("police said two had been detained" is the backshifted present of the report)."""
        if any(c.lower_ in BACKGROUND_CUES for c in token.children):
            return True
        if _told_since(token):
            return True
        pluperfect = token.tag_ == "VBN" and any(c.lower_ == "had" for c in token.children) and token.lemma_ != "take"
        reported = token.dep_ == "ccomp" and token.head.lemma_ in REPORTING_VERBS
        return pluperfect and not reported

    @staticmethod
    def _recent(doc: Doc, mention: DateMention) -> bool:
        """Whether a date lies within a week before publication (or cannot be compared)."""
        published = _parse_iso(doc._.incidex_published)
        when = _parse_iso(mention.date.value)
        if published is None or when is None:
            return mention.date.precision in {"day", "unknown"}
        if mention.date.precision == "year":
            return False
        if mention.date.precision == "month":
            return when.year == published.year and when.month == published.month
        return -1 <= (published - when).days <= 7

    @staticmethod
    def _long_past(doc: Doc, mention: DateMention | None) -> bool:
        """Whether a date ends more than :data:`HISTORY_DAYS` (a year named alone: :data:`HISTORY_DAYS_OF_A_YEAR`)
        before publication ("the bombing of its offices in June 1987" in a report of 1990): history the report
        recalls, never its news, even when it tells nothing newer."""
        published = _parse_iso(doc._.incidex_published)
        days = parse_partial(mention.date.value) if mention is not None and mention.date.value else None
        if published is None or days is None:
            return False
        limit = HISTORY_DAYS_OF_A_YEAR if mention.date.precision == "year" else HISTORY_DAYS
        return (published - days[1]).days > limit

    @staticmethod
    def _corroborated(doc: Doc, frame: IncidentFrame, *, sports: bool) -> bool:
        """A frame of weak triggers only survives with a casualty, weapon, armed actor or perpetrator noun nearby.

        In a sports report ("Liverpool's attack", "Salah shot twice", "we killed the game") weak triggers never do."""
        if any(t.strong for t in frame.triggers):
            return True
        if sports:
            return False
        for start in frame.sentences:
            if any(trigger_lemma(t) in CORROBORATION_CUES for t in doc[start].sent):
                return True
        # a verb of PEOPLE_ONLY_VERBS is kept only when done to people: that is violence by itself
        return (any(t.lemma in PEOPLE_ONLY_VERBS for t in frame.triggers)
                or any(_harms_people(doc[t.token]) or _between_communities(doc[t.token]) or _fight(doc[t.token])
                       or _violence_between_sides(doc[t.token]) or _clash_with_armed_people(doc[t.token])
                       or _headline_harm(doc[t.token]) or _raped(doc[t.token]) or _burns_homes(doc[t.token])
                       or _stones_at_people(doc[t.token]) for t in frame.triggers)
                or _casualties_follow(doc, frame))


def _names_riot_unit(token: Token) -> bool:
    """"Riot police shot a man", "riot-police intervened", "officers in riot gear": "riot" naming what a force or
    its kit is for."""
    return token.lemma_.lower() == "riot" and token.dep_ in {"compound", "amod", "nmod"} and (
        token.head.lemma_.lower() in RIOT_UNIT_HEADS)


def _is_town(mention: PlaceMention) -> bool:
    """A city, or a place the gazetteer lacks (a village, mostly) placed by the place named around it; not a
    region or a country, nor a name the gazetteer cannot place at all."""
    location = mention.location
    return mention.kind == "place" and location is not None and location.lat is not None and (
        location.precision in {"city", None} or mention.within is not None)


def _same_town(a: PlaceMention, b: PlaceMention) -> bool:
    """One town: the same gazetteer entry or name, or two entries less than :data:`SAME_TOWN_KM` apart (a
    district named beside its city)."""
    if _town_key(a) == _town_key(b):
        return True
    x, y = a.location, b.location
    return bool(x and y and x.geonameid and y.geonameid and None not in (x.lat, x.lon, y.lat, y.lon)
                and distance_km(x.lat, x.lon, y.lat, y.lon) < SAME_TOWN_KM)


def _town_key(mention: PlaceMention) -> str:
    """The gazetteer id of a town, else its name."""
    return str(mention.location.geonameid) if mention.location and mention.location.geonameid else mention.text.lower()


def _own_towns(doc: Doc, triggers: list[Trigger]) -> list[PlaceMention]:
    """The towns told as where these triggers happened: named under one of them or the verb a trigger noun is
    the object of ("attacked a post in X", "set fire to a depot in X"), not where a person is from ("shot a
    teacher of X", "Ana Ruiz, 40, of X")."""
    heads = {t.token for t in triggers} | {doc[t.token].head.i for t in triggers
                                           if doc[t.token].dep_ in {"dobj", "nsubjpass"}}
    return [m for m in doc._.incidex_places or [] if _is_town(m)
            and (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
            and _hangs_on(span.root, heads)]


def _shares_town(these: list[PlaceMention], those: list[PlaceMention]) -> bool:
    return any(_same_town(a, b) for a in these for b in those)


def _hangs_on(place: Token, heads: set[int]) -> bool:
    """Whether the place's chain of heads reaches one of ``heads`` within their clause (not "as guards moved him
    from a jail in X") and not through where a person is from ("shot Ana Ruiz of X")."""
    if place.i in heads or place.dep_ == "compound":
        return False  # the act's own word, or a word of a thing's name ("Molotov cocktails", "the X Prado road")
    for token in place.ancestors:
        if token.i in heads:
            return True
        if token.pos_ in {"VERB", "AUX"} or token.dep_ == "nsubj":
            return False  # another verb's clause; a place as the doer ("the destroyer Mysore repulsed the attack")
        if token.lower_ in {"of", "from"} and _names_person(token.head):
            return False
    return False


def _names_person(token: Token) -> bool:
    """A person's name or a word for a person ("Ruiz", "a teacher"), not a place's name."""
    return (token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_NOUNS
            or (token.pos_ == "PROPN" and token.ent_type_ not in {"GPE", "LOC", "FAC"}))


def _told_elsewhere(doc: Doc, triggers: list[Trigger], frame: IncidentFrame) -> bool:
    """Whether a new act is told at a town other than the one the frame's own acts were told at ("Rebels also
    attacked the town hall of Y" after a raid on X): another incident, not the frame's. A frame not yet placed at
    a town takes its town from the act (the headline's "shooting", then "a gunman opened fire in X"). Not a
    definite reference ("the attack in Y"), nor arrests after it or the killing of its captive."""
    token = doc[triggers[0].token]
    if all(t.agent or t.type == "arrest" for t in triggers) or IncidentFinder._is_definite_reference(token):
        return False
    if _captive_killed(doc, triggers, frame):
        return False
    own, placed = _own_towns(doc, triggers), _own_towns(doc, frame.triggers)
    return bool(own and placed) and not _shares_town(own, placed)


def _frame_at(doc: Doc, triggers: list[Trigger], frames: list[IncidentFrame]) -> IncidentFrame | None:
    """The latest frame whose acts were told at one of these triggers' towns, else None (a new incident)."""
    own = _own_towns(doc, triggers)
    return next((f for f in reversed(frames) if _shares_town(own, _own_towns(doc, f.triggers))), None)


def _captive_killed(doc: Doc, triggers: list[Trigger], main: IncidentFrame) -> bool:
    """"Militants abducted a teacher on 3 March, then killed him on 9 March": the killing of one the text refers back
    to, told after a capture, ends that capture, whatever its date."""
    return any(t.type in CAPTURE_TYPES for t in main.triggers) and any(kills_one_told_before(doc, t) for t in triggers)


def _harm_told(sentence: Span) -> bool:
    """Whether a sentence tells of people killed, shot or wounded: with it, the agent nouns it names did it ("a
    masked gunman shot and wounded two traders", where the tagger read "shot" as a noun; "raiders stormed a hamlet,
    killing three")."""
    return any(trigger_lemma(t) in HARM_WORDS or t.lower_ == "shot" for t in sentence)


def _also_reported(token: Token) -> bool:
    """Whether the trigger is told in what a saying verb with "also" reports, an act with a doer named ("Police also
    reported that gunmen burned a bus", "It was also reported that ..."): a report the story adds, so another
    incident; not a toll ("the spokesman also said a bomb technician had been injured" tells the same blast), nor what
    a pronoun's doer did or was done to ("he also said he acted in self-defence during the unrest", "they also said he
    had been arrested before")."""
    clause = token
    for ancestor in token.ancestors:
        if clause.dep_ == "ccomp" and ancestor.lemma_ in SAY_VERBS:
            return (any(child.lower_ == "also" for child in ancestor.children) and _names_its_doer(clause)
                    and clause.lemma_ not in CASUALTY_VERBS and not _told_again(clause))
        clause = ancestor
    return False


def _also_done(verb: Token) -> bool:
    """Whether a doer named again does another act with "also" ("The rebels also blew up two pylons"): another
    incident; not what they did to people ("the gunmen also killed a guard", "the bandits also abducted 12 women"
    tell the same attack) nor what a pronoun's doer did next."""
    return (verb.pos_ == "VERB" and any(child.lower_ == "also" for child in verb.children) and _names_its_doer(verb)
            and verb.lemma_ not in DONE_TO_PEOPLE and not _told_again(verb))


def _told_again(verb: Token) -> bool:
    """Whether an act's doer and what it was done to are both named before, with "the" ("Police also reported
    that the gunmen burned the bus" after "Gunmen attacked a bus"): the same act told again, not another one
    ("the rebels also blew up two pylons")."""
    named = {t.lemma_.lower() for t in verb.doc[:verb.sent.start] if t.pos_ in {"NOUN", "PROPN"}}
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return bool(doers and objects) and all(
        IncidentFinder._is_definite_reference(t) and t.lemma_.lower() in named for t in doers + objects)


def _names_its_doer(verb: Token) -> bool:
    """Whether a verb's subject is a doer named, not a pronoun ("the rebels blew up", not "they blew up")."""
    return any(child.dep_ == "nsubj" and child.pos_ != "PRON" for child in verb.children)


def _done_to_anyone(verb: Token) -> bool:
    """An act done to no one in particular: "orders to shoot anyone who enters", "they steal, kidnap and murder
    anyone who resists" (verbs joined by "and" share the object)."""
    verbs = [verb, *verb.conjuncts]
    return any(c.dep_ == "dobj" and c.lower_ in ANY_PEOPLE for v in verbs for c in v.children)


def _over_years(token: Token) -> bool:
    """A verb that tallies over months or years, not an incident: "in the last three years, 1,300 policemen have
    been killed", "during ten years of war more than 70,000 people were killed"; not "killed in an ambush last year"
    nor "the town's second raid in four months" (a noun)."""
    return token.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ in SPAN_PREPOSITIONS and any(
        o.dep_ == "pobj" and o.tag_ == "NNS" and o.lemma_.lower() in LONG_PERIODS for o in c.children)
        for c in token.children)


def _feared_dead(verb: Token) -> bool:
    """"Twelve herders feared dead after clan fighting", "six rangers are feared dead": the fear is about
    how many died, not whether the clash or attack happened."""
    return verb.lemma_ == "fear" and any(c.lower_ in DEAD_WORDS for c in verb.children)


def _moments_apart(cue: Token) -> bool:
    """"later" or "earlier" by seconds, minutes or moments: "Minutes later", "Four seconds later"."""
    return cue.lower_ in {"later", "earlier"} and any(t.lemma_ in MOMENT_UNITS for t in cue.children)


def _sports_words(sentence: Span) -> int:
    """How many sports words a sentence has, a scoreline ("3-1") counting as one; "scores" as a noun is a
    quantity ("injuring scores more", "scores of people"), the death penalty no sport, and a person beaten no
    match (:func:`_beats_a_person`)."""
    words = sum(t.lemma_ in SPORTS_WORDS and not (t.lower_ == "scores" and t.pos_ != "VERB") and not _beats_a_person(t)
                and not any(c.lower_ == "death" for c in t.children) for t in sentence)  # "the death penalty"
    return words + len(SCORELINE.findall(sentence.text))


def _beats_a_person(verb: Token) -> bool:
    """"Two men beat him", "a village chief was beaten dead": "beat" done to a person named by a common noun or a
    pronoun for one person, not a match won ("Rovers beat United", "they beat Chelsea")."""
    return verb.lemma_ == "beat" and any(c.dep_ in {"dobj", "nsubjpass"} and (
        c.lemma_.lower() in KILLABLE and c.pos_ == "NOUN" or c.lower_ in ONE_PERSON_PRONOUNS) for c in verb.children)


def _told_in_sports(sentence_starts: list[int], sports_words: list[int], frame: IncidentFrame) -> bool:
    """Whether a frame is told among sports words: two or more in its sentences and the sentence before each
    ("Salah shot twice" after "Liverpool beat Chelsea 3-1"), near at least half of its sentences; not a bombing
    report whose last lines are about the football tournament its city will host. ``sports_words`` counts them per
    sentence of the document (:func:`_sports_words`)."""
    own = [i for i, start in enumerate(sentence_starts) if start in frame.sentences]
    windows = [range(max(i - 1, 0), i + 1) for i in own]
    near = {j for window in windows for j in window}
    among = sum(1 for window in windows if any(sports_words[j] for j in window))
    return sum(sports_words[j] for j in near) >= 2 and 2 * among >= len(own)


def _stones_at_people(verb: Token) -> bool:
    """"Supporters threw stones at a rival camp's members", "the two sides pelted one another with rocks", "hurled
    stones at him": stones thrown at people or at a side of a fight, not at cars or windows."""
    lemma = trigger_lemma(verb)
    if lemma not in THROWING_VERBS:
        return False
    targets = objects_of(verb, {"at"})
    if lemma == "pelt":  # "pelted the guards with stones"
        targets += [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(t.pos_ == "PRON" or _reciprocal(t) or t.lemma_.lower() in HARMED_PEOPLE or _fighting_side(t)
               for t in targets)


def _fight(trigger: Token) -> bool:
    """A battle or fight verb or noun, kept only by :func:`_fought_by_people`; not "fighting" read as a noun
    ("fighting went on for hours", the weak trigger of old)."""
    noun = trigger.pos_ == "NOUN" or trigger.dep_ in GERUND_AS_NOUN or _opens_as_noun(trigger)
    return trigger.lemma_ in FIGHTING_VERBS and not (trigger.lower_ == "fighting" and noun)


def _opens_as_noun(verb: Token) -> bool:
    """An -ing form opening its sentence with no subject of its own stands for a noun, however the parser hung it
    ("Fighting over a well left four dead"); one that names its sides ("Fighting between two clans") is judged by
    them (:func:`_fought_by_people`)."""
    return verb.tag_ == "VBG" and verb.i == verb.sent.start and not any(
        c.dep_ == "nsubj" or c.lower_ in {"between", "with"} for c in verb.children)


def _passive(verb: Token) -> bool:
    """"was thrown", "were blasted": a verb with a passive auxiliary."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _found_killed(trigger: Token, told: list[Token]) -> bool:
    """A body found, or people found dead, with a sign of foul play in ``told`` (``foul_play_cues``): "the bodies
    of two herders, shot in the head, were found", "a trader was found dead with stab wounds", "two bodies were
    dumped by the road"; not "the body of a drowned fisherman was found", "a tourist was found dead in his room" or
    "the governing body met"."""
    lemmas = {trigger_lemma(t) for t in told} | {t.lower_ for t in told}
    if lemmas.isdisjoint(FOUL_PLAY_CUES) or not lemmas.isdisjoint(ACCIDENT_WORDS):
        return False
    if trigger.lemma_ == "find":
        return True  # "found ... dead", the trigger's own pattern
    verb = trigger.head  # "bodies were found", "found two bodies", a headline's "Bodies found near river"
    if verb.lemma_ in FINDING_VERBS and (trigger.dep_ in {"dobj", "nsubjpass"} or trigger.dep_ == "nsubj"
                                          and verb.tag_ == "VBN"):
        return True
    return any(t.dep_ == "acl" and t.lemma_ in FINDING_VERBS for t in trigger.subtree)  # "3 bodies found"


def _added_to_a_toll(trigger: Token) -> bool:
    """A body found whose sentence adds it to people counted before: "Five more rebels were found dead later"."""
    return any(t.lower_ in ADDITIVE_WORDS for t in trigger.sent)


def _ends_an_attack_before(body: Token, acts: list[tuple[Token, str]]) -> bool:
    """Whether a shooting, stabbing or other attack on people is told before a body found, in its sentence or the one
    before, and no capture is: the body, known as foul play only from there, is that attack's ("Simpson is accused
    of shooting Flynn. Her body was found near Spiro"), not an incident of its own. A captive found dead ends the
    capture instead (:func:`_captive_killed`)."""
    before = [kind for act, kind in acts
              if act.i < body.i and body.sent.start in (act.sent.start, act.sent.end)]
    return any(kind in ATTACK_ON_PEOPLE for kind in before) and not any(kind in CAPTURE_TYPES for kind in before)


def _with_neighbours(sentence: Span) -> list[Token]:
    """The tokens of a sentence and of the sentences just before and after it, where a body's wounds may be told:
    "Police found two bodies in a car. Both had been strangled." A body found on the strength of them starts an
    incident."""
    doc = sentence.doc
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    return list(doc[start:end])


def _held(noun: Token) -> bool:
    """Explosives seized, found or carried, not used: "seized arms, explosives and fuel", "in possession of
    explosives", "a militant equipped with an IED", "grenades were confiscated" (``holding_words``); the parser may
    read the verb as a modifier of the first thing listed ("and [seized arms], ammunition, explosives")."""
    listed = [noun]
    while noun.dep_ in {"conj", "appos"} and noun.head != noun:
        noun = noun.head
        listed.append(noun)
    if any(c.dep_ == "amod" and c.lemma_.lower() in HOLDING_WORDS for n in listed for c in n.children):
        return True
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ in {"of", "with"}:
        governor = governor.head
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return governor.lemma_.lower() in HOLDING_WORDS


def _recalled(trigger: Token) -> bool:
    """A bombing told of people as what they did before ("militants involved in the bomb attack", "the group behind
    the bombing", "were responsible for blowing up pipelines"; ``recalling_words``); not under a clause's own verb
    ("police suspect militants planted the bomb") nor a noun ("two suspects arrested with explosives")."""
    return any(a.lemma_.lower() in RECALLING_WORDS and a.tag_ not in FINITE_TAGS and a.pos_ in {"VERB", "ADJ", "ADP"}
               for a in list(trigger.ancestors)[:4])


def _raped(trigger: Token) -> bool:
    """"Twelve girls were treated after being raped", "women were gang-raped": rape told as a verb is violence
    against people by itself, whoever the parser took for its object."""
    return trigger.pos_ == "VERB" and trigger_lemma(trigger) == "rape"  # "gang-raped" is split: "raped" counts


def _burns_homes(trigger: Token) -> bool:
    """"Youths burned houses near the river", "clansmen hit back by burning nine of their houses": people who can take a
    side burn places people live, work or pray in; not "farmers burned the stubble" or "the blaze burned homes"."""
    if trigger.pos_ != "VERB" or trigger_lemma(trigger) != "burn":
        return False
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [o for c in objects if c.pos_ == "NUM" for p in c.children if p.lower_ == "of" for o in p.children]
    if not any(o.lemma_.lower() in PLACE_TARGETS for o in objects):
        return False
    verb = next((v for v in [trigger, *list(trigger.ancestors)[:3]]
                 if v.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in v.children)), None)
    doers = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    return any(_fighting_side(d) for d in [*doers, *_agents(trigger)])


def _casualties_follow(doc: Doc, frame: IncidentFrame) -> bool:
    """"Rival crews clashed over fishing nets on Sunday. Two men died of their wounds.": the sentence right after one
    of the frame's counts its casualties, unless it tells of an accident (the frame may be told again after the
    toll: "... Both sides denied the clashes.")."""
    return any(_casualties_after(doc, doc[start].sent) for start in frame.sentences)


def _casualties_after(doc: Doc, sentence: Span) -> bool:
    """Whether the sentence after ``sentence`` counts casualties and tells of no accident."""
    if sentence.end >= len(doc):
        return False
    lemmas = {t.lemma_.lower() for t in doc[sentence.end].sent}
    return bool(lemmas & CASUALTY_CUES) and not lemmas & ACCIDENT_WORDS


def _violent_toll(verb: Token) -> bool:
    """"Six militants were killed in an operation by border troops", "three farmers were killed in the hills": people
    killed where the sentence tells of no accident ("two soldiers died when their lorry rolled over") and, where it
    speaks of road users or vehicles, names armed people, weapons or a fight; a headline's "Six herders killed in
    tribal violence" too; and "a physician was shot dead in Yala", whose verb names the violence."""
    if verb.lemma_ not in TOLL_VERBS:
        return False
    # "a physician was shot dead": only a being is shot dead, whatever the lexicons say of the word
    dead = any(c.lower_ in DEAD_WORDS for c in verb.children)
    passive = _passive(verb) and (dead or _done_to_people(verb))
    if not (passive or _headline_toll(verb)):
        return False
    lemmas = {trigger_lemma(t) for t in verb.sent}
    if lemmas & ACCIDENT_WORDS:
        return False
    return not lemmas & TRAFFIC_WORDS or bool(lemmas & ARMED_CUES) or _in_conflict(verb)


def _headline_toll(verb: Token) -> bool:
    """A headline's passive with no auxiliary, its people or their number before it and heading the sentence: "Six
    herders killed in tribal violence", "Two traders killed in land dispute"; not a phrase inside a sentence
    ("residents protested after a man killed by a car") nor a killing done by something ("killed by a hippo")."""
    people = verb.head.pos_ == "NUM" or verb.head.lemma_.lower() in HARMED_PEOPLE or any(
        c.dep_ == "nummod" for c in verb.head.children)
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and people and verb.head.i < verb.i
            and verb.head.dep_ == "ROOT" and not any(c.dep_ == "agent" for c in verb.children)
            and not any(t.pos_ == "AUX" for t in verb.sent))


def _in_conflict(verb: Token) -> bool:
    """"Killed in communal violence", "killed during clashes", "killed in an encounter": the words after "in",
    "during" or "amid" name a fight."""
    return any(p.lower_ in {"in", "during", "amid"} and any(
        o.dep_ == "pobj" and trigger_lemma(o) in CONFLICT_NOUNS for o in p.children) for p in verb.children)


def _agents(verb: Token) -> list[Token]:
    """Who does a passive verb: "by gunmen", and "by attacking gunmen", where the parser hangs the doer on the
    participle."""
    found = []
    # "were shot dead in the village by raiders": the parser may hang a participle's "by" as a plain preposition
    agents = [c for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
              and verb.tag_ == "VBN"]
    for agent in agents:
        for child in agent.children:
            if child.dep_ == "pobj":
                found.append(child)
            elif child.dep_ == "pcomp":
                found.extend(o for o in child.children if o.dep_ == "dobj")
    return found


def _injured_by_people(verb: Token) -> bool:
    """"A gang wounded two night watchmen", "the shopkeeper was injured by a gang of youths", "insurgents fired on
    a patrol, injuring a soldier": an injury whose doer is people; not "the storm injured six" or "two were
    wounded"."""
    passive = _passive(verb)
    verbs = [verb, verb.head] if verb.dep_ in {"conj", "advcl"} and not passive and verb.head.pos_ == "VERB" \
        else [verb]
    doers = [*(c for v in verbs for c in v.children if c.dep_ == "nsubj"), *(o for v in verbs for o in _agents(v))]
    return any(_fighting_side(d) for d in doers)


def _fought_by_people(verb: Token) -> bool:
    """"Border guards battled a gang of smugglers", "a battle broke out between rebels and the army", "rival gangs
    fought", a headline's "Herders and farmers battle": people on each side of a fight; not "battled the blaze",
    "vowed to fight corruption" or "fight for their rights"."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    sides = _headline_sides(verb)  # "Police battle armed gangsters near the port": "battle" parsed as a verb
    if sides is not None and all(any(_fighting_side(t) for t in side) for side in sides):
        return True
    others = [c for c in verb.children if c.dep_ == "dobj"]
    others += [o for o in objects_of(verb, {"with", "against", "between"}) if not _a_day(o)]
    sides = _engaged_sides(verb) if verb.pos_ != "VERB" else []
    if (len(sides) > 1 or sides and any(c.lower_ in COMMUNITY_MODIFIERS for c in verb.children)) and any(
            _fighting_side(s) for s in sides):
        return True
    if verb.pos_ != "VERB":
        # a headline's "Guards battle smugglers" or "Herders and farmers battle", parsed as nouns; "Rival clans from
        # the hills fight over cattle", its subject kept; "Two clans battle", the community taken for a verb
        others += [c for c in verb.children
                   if c.dep_ in {"compound", "amod"} or c.dep_ == "nsubj" and verb.dep_ == "ROOT"]
        others += [verb.head] if verb.dep_ == "compound" or verb.dep_ == "dobj" and _communal(verb.head) else []
        # "a battle broke out between rebels and the army", "night-long clashes between street gangs"
        heads = [verb, verb.head] if verb.dep_ == "nsubj" else [verb]
        others += [o for h in heads for o in objects_of(h, {"with", "between"})]
        return any(_fighting_side(o) or any(c.dep_ == "conj" for c in o.children) for o in others)
    reciprocal = any(_reciprocal(o) for o in others)
    others = [o for o in others if not _reciprocal(o)]
    if others:
        return all(_fighting_side(o) for o in others)
    # "rebels and soldiers continued fighting": the subject of the verb it completes
    doers = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    subjects = [c for v in doers for c in v.children if c.dep_ == "nsubj"]
    if reciprocal:  # "residents of two villages fought each other": the subject is both sides
        return any(_side_or_joined(s) for s in subjects)
    # "Police and herders clashed", "Party A and party B supporters clash", "supporters of A and B clashed", "the XYZ
    # and government forces fought" (a group the recognizer does not know, joined to one it does)
    return any(_side_or_joined(s) and (any(t.dep_ == "conj" for t in s.subtree) or s.lemma_.lower() in COMMUNITY_NOUNS
                                       or any(c.lower_ in {"rival", "two"} for c in s.children))
               for s in subjects)


def _side_or_joined(subject: Token) -> bool:
    """Whether a subject, or one joined to it by "and", names a side in a fight (:func:`_fighting_side`)."""
    return _fighting_side(subject) or any(c.dep_ == "conj" and _fighting_side(c) for c in subject.children)


def _reciprocal(token: Token) -> bool:
    """"each other", "one another"."""
    return token.lower_ in {"other", "another"} and any(c.lower_ in {"each", "one"} for c in token.children)


def _engaged_sides(noun: Token) -> list[Token]:
    """Who "engages in" a battle or fight: the subjects of "engage" and its object ("troops and rebels engaged in
    battle", "traders engaged police in running battles"), or, when it has no subject of its own, those of the verb
    it is joined to ("soldiers chased the raiders and engaged in battle"); none when the noun is no such thing ("a
    battle of words", "the battle for the title")."""
    prep = noun.head
    engage = prep.head
    if engage.dep_ == "dobj" and engage.head.lemma_ == "engage":
        engage = engage.head  # "troops engaged the gunmen in a battle", its "in" hung on the object
    if noun.dep_ != "pobj" or prep.lower_ != "in" or engage.lemma_ != "engage" or any(
            c.dep_ == "prep" and c.lower_ in {"of", "for"} for c in noun.children):
        return []
    verbs = [engage]
    if engage.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in engage.children):
        verbs.append(engage.head)
    sides = [c for v in verbs for c in v.children if c.dep_ in {"nsubj", "dobj"}]
    return sides + [c for s in sides for c in s.children if c.dep_ == "conj"]


def _clash_with_armed_people(trigger: Token) -> bool:
    """"Market porters clashed with youths", "police clashed with students", "two rival clans clashed over a well",
    "herders and farmers clashed": a clash between people, armed people or communities (``communal_nouns``) among
    them, or one told as violent ("violent clashes"); not "students clashed with teachers over the exam rules" or
    "two rival groups of traders clashed over prices"."""
    if trigger_lemma(trigger) != "clash":  # a headline's "Clash between ..." may be tagged a proper noun
        return False
    if any(c.dep_ == "amod" and c.lower_ in PHYSICAL_MODIFIERS for c in trigger.children):
        return not any(c.lower_ == "of" for c in trigger.children)  # "violent clashes", not "a heavy clash of views"
    return _fought_by_people(trigger) and any(t.lemma_.lower() in ARMED_DOERS or _communal(t) for t in trigger.subtree)


def _communal(token: Token) -> bool:
    """A word for a community, its armed men or a violent crowd: "clans", "herders", "militiamen", "gangs"."""
    return not SIDE_NOUNS.isdisjoint((token.lemma_.lower(), token.lower_))


def _fighting_side(token: Token) -> bool:
    """Whether ``token`` names people who can take a side in a fight: armed people, groups, communities and their
    armed men, violent crowds, named groups and nationalities (``_violent_doer``)."""
    return _violent_doer(token) or token.lemma_.lower() in COMMUNITY_NOUNS or _communal(token)


def _done_by_someone(verb: Token, passive: bool) -> bool:
    """Killings whose doer the sentence implies where the parse shows none: people shot ("a farmer was shot dead",
    "shot dead by rustlers", not "was shot by a photographer"), murdered or beheaded; people murdered, executed or
    shot and killed, whoever the parser took for the subject; and a killing told as what violent doers' act did
    ("troops stormed the camp, killing six")."""
    if passive:
        agents = _agents(verb)
        dead = any(c.lower_ == "dead" or c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                   for c in verb.children)
        if verb.lemma_ in {"murder", "behead"}:
            return _done_to_people(verb)  # "a party activist was murdered"
        return verb.lemma_ == "shoot" and _done_to_people(verb) and (dead or all(_violent_doer(o) for o in agents))
    if not _done_to_people(verb):
        return False
    if verb.lemma_ in INTENT_KILLING_VERBS or verb.dep_ == "conj" and verb.head.lemma_ in INTENT_KILLING_VERBS:
        return True
    return verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"} and any(
        c.dep_ == "nsubj" and _violent_doer(c) for c in verb.head.children)


def _done_to_people(verb: Token) -> bool:
    """Whether the object of ``verb`` (or its passive subject) is people: a person noun, a pronoun, a named person or
    nationality, a counted noun or a bare count ("executed seven men", "executed them", "a chief was executed",
    "three were killed", "killing two"), or a name killed that the recognizer took for a group ("Blogger Ann Roe was
    murdered"). Verbs joined by
    "and" share their object: in "shot and killed two traders" the traders are shot too; and "a teacher was found
    murdered" is done to the teacher. Public figures count as the object of a killing, not of a beating ("Smith beat
    the mayor" at the polls)."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if verb.dep_ in {"xcomp", "oprd", "acomp"} and verb.head.lemma_ == "find":
        verbs.append(verb.head)  # "a teacher was found murdered": the one found
    # words kill no one: a public figure killed, shot or murdered is a victim ("a party activist was shot dead")
    killing = verb.lemma_ in KILLED_OBJECT_VERBS
    people = KILLABLE if killing else HARMED_PEOPLE
    return any(c.dep_ in {"dobj", "nsubjpass"} and (
        c.lemma_.lower() in people or c.pos_ in {"PRON", "NUM"} or c.ent_type_ in {"PERSON", "NORP"}
        or any(g.dep_ == "nummod" for g in c.children) or (killing and c.tag_ == "NNP" and named_dead(c)))
        for v in verbs for c in v.children)


def _beats_or_slaughters_people(verb: Token) -> bool:
    """"Soldiers flogged voters", "an activist was slaughtered": a verb of ``PEOPLE_ONLY_VERBS`` done to people as
    :func:`_harms_people` reads them, or, for a killing, to anyone (public figures too); never to animals."""
    if any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in NOT_PEOPLE_OBJECTS for c in verb.children):
        return False
    return _harms_people(verb) or verb.lemma_ in KILLED_OBJECT_VERBS and _done_to_people(verb)


def _of_many(noun: Token) -> bool:
    """A noun after "of" and a plural ("repeated cycles of violence", "years of fighting"): a pattern or a period,
    not one incident; not "an outbreak of violence"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_ == "NNS"


def _told_since(token: Token) -> bool:
    """Whether a word is told in a "since" clause or phrase ("on high alert since militants launched a series of
    attacks", "the deadliest since the 2015 attacks"): when a state began, told as the past."""
    return any(node.dep_ == "pobj" and node.head.lower_ == "since"
               or any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children)
               for node in [token, *list(token.ancestors)[:3]])


def _ground_taken(span: Span) -> bool:
    """"Troops recaptured the town", "seized strategic Point 12 hilltop", "took control of the district": the place
    is what the verb takes, not where it took something ("seized livestock in the village")."""
    place = span[-1]
    while place.dep_ == "compound":  # "the district offices"
        place = place.head
    if place.dep_ == "pobj":
        return place.head.lower_ == "of" and place.head.head.lemma_ == "control"
    return place.dep_ == "dobj"


def _a_day(token: Token) -> bool:
    """A date or a day's number: the days a fight lasted ("fought between 3 and 4 May"), not a side of it."""
    return token.ent_type_ in {"DATE", "TIME"} or token.like_num


def _violence_between_sides(noun: Token) -> bool:
    """"Violence broke out between herders and farmers", "violence between two clans": violence whose sides the
    text names; not "violence against women", "police violence", "election violence", "killed in communal
    violence" (a toll, typed by its killing) or "cycles of violence between communities" (:func:`_of_many`)."""
    if noun.lemma_.lower() != "violence" or _of_many(noun):
        return False
    heads = [noun, noun.head] if noun.dep_ == "nsubj" else [noun]
    sides = [o for h in heads for o in objects_of(h, {"between"})]
    return any(_fighting_side(o) or any(t.dep_ == "conj" for t in o.subtree) for o in sides)


def _between_communities(trigger: Token) -> bool:
    """"Ethnic clashes", "clashes between two tribal groups", "sectarian fighting": a clash or fight
    between communities; not "a clash of ethnic cuisines"."""
    if trigger.lemma_ not in {"clash", "fighting", "fight"}:
        return False
    return any(t.dep_ == "amod" and t.lemma_.lower() in COMMUNITY_MODIFIERS
               and (t.head == trigger or t.head.lemma_.lower() in COMMUNITY_NOUNS) for t in trigger.subtree)


def _harms_people(verb: Token) -> bool:
    """"Herders attacked two farmers", "tortured a villager", "beat up a teacher", "a gang of youths attacked a
    school", "gunmen attacked the mayor": a violent verb whose object is people who are no public figures (critics
    "attack the minister" with words), public figures when armed people do it, or a place people live in or a
    vehicle."""
    if verb.pos_ != "VERB" or trigger_lemma(verb) not in HARMING_VERBS:
        return False
    if any(c.lower_ == "verbally" for c in verb.children):
        return False  # "was verbally assaulted by two agents" is done with words
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    # "herders attacked two farmers", or "a constable was attacked by a group of youths"
    objects = _done_to(verb)
    doers = [*(o for v in verbs for o in _agents(v)),
             *(c for v in verbs for c in v.children if c.dep_ == "nsubj" and c not in objects)]
    armed = any(_forceful(d, verb) for d in doers)
    if not any(_harmable(c, armed=armed) for c in objects) or _in_words(verb, objects, armed=armed):
        return False
    # "farmers were attacked", "Taxi driver attacked at home": people attacked by no one named are attacked with
    # blows (words attack public figures, whom _harmable leaves out unless armed people act)
    undergone = not doers and (_passive(verb) or _headline_participle(verb))
    return verb.lemma_ not in WORDS_ATTACK_TOO or undergone or any(_fighting_side(c) for c in doers)


def _in_words(verb: Token, objects: list[Token], *, armed: bool) -> bool:
    """An attack in words: "Senator Smith attacked Governor Jones over the budget", "Trump attacks Biden over border
    policy": a verb words can do, done by no armed people to named people or public figures "over" or "for" something,
    in a sentence that tells no harm, weapon or armed people; not "youths attacked John Kamau over a land dispute,
    injuring him"."""
    if armed or trigger_lemma(verb) not in WORDS_ATTACK_TOO or not objects:
        return False
    if not all(o.ent_type_ == "PERSON" or o.lemma_.lower() in PUBLIC_FIGURES for o in objects):
        return False
    if not any(c.dep_ == "prep" and c.lower_ in {"over", "for"} for c in verb.children):
        return False
    return not any(trigger_lemma(t) in CORROBORATION_CUES | HARM_WORDS for t in verb.sent)


def _done_to(verb: Token) -> list[Token]:
    """Whom a verb is done to: its object or passive subject, or the noun a participle with a doer modifies (a
    headline's "Former mayor attacked by rival supporters", "the reporter assaulted by guards")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and (any(c.dep_ == "agent" for c in verb.children)
                                                      or _headline_participle(verb)):
        objects.append(verb.head)
    elif _headline_participle(verb):
        objects.extend(c for c in verb.children if c.dep_ == "nsubj")
    return objects


def _headline_participle(verb: Token) -> bool:
    """A headline's passive told without "was": "Taxi driver attacked at home" (a past form with a subject and no
    object, parsed as the sentence's verb) or "Former aide attacked at house" (a participle on the headline's noun),
    in a sentence with no auxiliary and no other verb before it."""
    if verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return False
    if verb.dep_ not in {"ROOT", "acl"} or verb.dep_ == "acl" and verb.head.dep_ != "ROOT":
        return False
    return not any(t.pos_ in {"AUX", "VERB"} for t in verb.sent if t.i < verb.i)


def _forceful(doer: Token, verb: Token) -> bool:
    """Doers who make public figures victims, not targets of words: armed people or a crowd ("a mob attacked the
    mayor", "a crowd of youths assaulted the governor"); with a verb words cannot do, any violent doer named by a common
    noun ("the councillor was beaten by a group of men"; not "the mayor was beaten by Smith" at the polls)."""
    people = [doer, *(o for p in doer.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
    if any(p.lemma_.lower() in ARMED_DOERS or _communal(p) or _unknown(p) for p in people):
        return True
    return trigger_lemma(verb) not in WORDS_ATTACK_TOO and any(
        p.lemma_.lower() in VIOLENT_DOERS and not p.ent_type_ for p in people)


def _unknown(doer: Token) -> bool:
    """People the text cannot name ("unknown men", "an unidentified group"): they attack with blows, not words."""
    return doer.pos_ == "NOUN" and doer.lemma_.lower() in VIOLENT_DOERS and any(
        c.dep_ == "amod" and c.lower_ in UNNAMED_MODIFIERS for c in doer.children)


def _headline_sides(trigger: Token) -> tuple[list[Token], list[Token]] | None:
    """A headline's doers and object, however the parser read it: "Raiders attack village", "Police battle
    smugglers in port", "Group of youths attack minister", "Raiders from Chad attack village". The trigger stands in
    its present form between the words before it and those after it, in a sentence with no auxiliary and no past
    tense; None elsewhere ("the attack on the village", "rebels attacked the town")."""
    sent = trigger.sent
    lemma = trigger_lemma(trigger)
    if trigger.lower_ not in {lemma, lemma + "s"} or any(
            (t.pos_ == "AUX" or t.tag_ == "VBD") and not _headline_noun(t) for t in sent):
        return None
    before = []
    for token in reversed(sent[:trigger.i - sent.start]):
        if not (token.pos_ in PHRASE_WORDS or token.lower_ in {"of", "from"} and before or _headline_noun(token)):
            break
        before.append(token)
    after = []
    rest = sent[trigger.i - sent.start + 1:]
    if len(rest) > 2 and rest[0].lower_ == "and" and rest[1].pos_ == "VERB":
        rest = rest[2:]  # "Gabra attack and burn homes of herders": what the second verb is done to
    for token in rest:
        if token.pos_ not in PHRASE_WORDS and token.pos_ != "DET" and not _headline_noun(token):
            break
        after.append(token)
    # a group's acronym is a name, whatever the tagger made of it ("ABF attacks villagers")
    named = before and (before[0].pos_ in {"NOUN", "PROPN"} or before[0].is_upper and len(before[0]) > 1
                        or _headline_noun(before[0]))
    if not named or not any(t.pos_ in {"NOUN", "PROPN"} or _headline_noun(t) for t in after):
        return None
    return before, after


def _headline_noun(token: Token) -> bool:
    """A word the lexicons know as a people, a community's armed men or a place people live in, which a headline
    uses as a noun whatever its tag ("Borana" an adverb, "raiders" an auxiliary, "homestead" an adverb)."""
    return (token.lower_ in COMMUNAL_NOUNS or token.lower_ in PLACE_TARGETS
            or token.text[:1].isupper() and known_people(token.text) is not None)


def _headline_harm(trigger: Token) -> bool:
    """A headline's attack on people or a place people live in: "Raiders attack village", "Youths attack
    journalists at rally", "Group of youths attack deputy minister", "Doreni attack Lomari herders", "ZLF attacks
    civilians" (a name the recognizer missed does it), a people ``community_homes`` lists raiding ("Kamba raid
    Taita herders"); not "Critics attack minister over remarks" nor "Police raid homes"."""
    if (sides := _headline_sides(trigger)) is None:
        return False
    doers, objects = sides
    lemma = trigger_lemma(trigger)
    if lemma not in HARMING_VERBS and not (lemma == "raid" and any(known_people(d.text) for d in doers)):
        return False
    armed = any(_forceful(d, trigger) for d in doers)
    named = [o for o in objects if o.pos_ in {"NOUN", "PROPN"}]
    return any(_fighting_side(d) or d.text[:1].isupper() for d in doers) and any(
        _harmable(o, armed=armed) for o in objects) and not _in_words(trigger, named[-1:], armed=armed)


def _harmable(token: Token, *, armed: bool) -> bool:
    """People who are no public figures (any people when ``armed`` people act), a named person or people, a
    counted noun, a community (a word for one, or a people ``community_homes`` names: "Borana attack Gabra"), or a
    place people live, work or pray in ("a school", "homes") or a vehicle."""
    lemma = token.lemma_.lower()
    return (lemma in HARMED_PEOPLE or armed and lemma in PUBLIC_FIGURES or lemma in PLACE_TARGETS
            or lemma in COMMUNITY_NOUNS or token.ent_type_ in {"PERSON", "NORP"}
            or any(c.dep_ == "nummod" for c in token.children) or known_people(token.text) is not None)


def _violent_doer(token: Token) -> bool:
    """Whether ``token`` names people who do violence to people: armed people, people who are no road users, groups
    of people, or a named person, group or nationality."""
    return (token.lemma_.lower() in VIOLENT_DOERS or token.lower_ in VIOLENT_DOERS
            or token.ent_type_ in {"ORG", "NORP", "PERSON"})


COMMUNITY_MODIFIERS = (words("communal_modifiers") - {"armed", "militia"}) | {"sectarian"}
COMMUNITY_NOUNS = frozenset({"group", "community", "clan", "subclan", "tribe", "faction", "gang"})
# what "riot" names the purpose of: a force or its kit ("riot police", "riot gear", "an anti-riot squad")
RIOT_UNIT_HEADS = RESPONDER_NOUNS | {"gear", "squad", "shield", "control"}
# what makes a clash one of blows, not words ("violent clashes", "bloody clashes")
PHYSICAL_MODIFIERS = words("physical_modifiers")
# words for a community or its armed men ("two rival clans clashed", "herders and farmers clashed", ``communal_nouns``)
# for crowds that do violence ("a crowd attacked the mayor", ``crowd_nouns``) and for partisans ("rival supporters
# clashed", ``partisan_nouns``): sides of a clash
SIDE_NOUNS = COMMUNAL_NOUNS | words("crowd_nouns") | words("partisan_nouns")
# the words of a headline's doer or object phrase ("Armed raiders attack Kamba homestead")
PHRASE_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# verbs of killing that report an incident only with a doer ("gunmen killed 12", not "12 people were killed")
KILLING_VERBS = frozenset({"shoot", "kill", "capture", "murder", "execute", "behead"})
# the kinds of act whose victim's body, found later, belongs to it
ATTACK_ON_PEOPLE = frozenset({"armed_assault", "assassination"})
# verbs that tell violence only when done to people ("an activist was slaughtered", "soldiers flogged voters")
PEOPLE_ONLY_VERBS = frozenset({"slaughter", "thrash", "flog", "whip", "hack", "ax", "axe", "bludgeon", "club"})
# verbs of injuring: with people as their doer, an incident ("a gang wounded two night watchmen")
INJURING_VERBS = frozenset({"wound", "injure"})
# the verbs of killing whose toll tells an incident without a doer (_violent_toll)
TOLL_VERBS = frozenset({"kill", "shoot", "behead"})
# verbs of fighting: a clash only with people on each side ("border guards battled a gang of smugglers")
FIGHTING_VERBS = frozenset({"battle", "fight"})
# verbs of ground taken by force (the trigger lexicon's "seize|capture|... * town", "take control of * town")
GROUND_VERBS = frozenset({"seize", "capture", "overrun", "recapture", "retake", "take", "gain", "wrest"})
# what people are killed in when they are killed in a fight ("killed in communal violence", "during clashes")
CONFLICT_NOUNS = words("conflict_nouns")
# a toll in a sentence with these words may be a road accident ("two were killed when their car hit a tree")
TRAFFIC_WORDS = words("road_users") | words("vehicle_nouns")
# killing verbs that say by themselves someone meant it ("shot and killed a man", not "killed 12 passengers")
INTENT_KILLING_VERBS = frozenset({"shoot", "murder", "execute", "behead"})
# verbs whose object is a victim even when it is a public figure ("the mayor was shot dead")
KILLED_OBJECT_VERBS = INTENT_KILLING_VERBS | {"kill", "slaughter"}
# people whom words can "attack": a violent verb with one of them as object needs other corroboration
PUBLIC_FIGURES = words("public_figures")
# verbs that words do too: "the newspaper attacked the students" is criticism; "herders attacked two farmers" is not
WORDS_ATTACK_TOO = frozenset({"attack", "assault"})
HARMED_PEOPLE = (PERSON_NOUNS | VICTIM_NOUNS) - PUBLIC_FIGURES
# people a killing is done to: anyone, public figures and officials too
KILLABLE = HARMED_PEOPLE | PUBLIC_FIGURES | words("official_nouns")
PLACE_TARGETS = words("place_targets")
UNNAMED_MODIFIERS = frozenset({"unknown", "unidentified", "masked"})
# who does violence to people ("killed by a mob", "herders attacked two farmers"): armed people, people who are no
# road users (an accident: "killed by a drunk driver"), and groups of people ("a mob", "locals")
VIOLENT_DOERS = ARMED_DOERS | (HARMED_PEOPLE - words("road_users")) | words("violent_groups")
CASUALTY_CUES = words("casualty_cues")
SPORTS_WORDS = words("sports_words")
ARMED_CUES = words("corroboration_cues")
CORROBORATION_CUES = CASUALTY_CUES | ARMED_CUES
FOUL_PLAY_CUES = words("foul_play_cues")
WOUND_NOUNS = frozenset({"injury", "wound"})
HOLDING_WORDS = words("holding_words")
RECALLING_WORDS = words("recalling_words")
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ"})
SCORELINE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
