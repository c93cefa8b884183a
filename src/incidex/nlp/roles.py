"""Role filling: the places, perpetrators, victims, targets, responders, weapons and casualty figures of each frame,
written to ``doc._.incidex_arguments`` by frame id (the frames themselves stay as the incidents component built them).

Every argument goes to the incident frame whose trigger is nearest to it in the dependency tree of its sentence;
casualty figures and pronouns in a sentence without a trigger continue the incident of the sentences just before it
("They are uninjured."). Spans of the learned model (``doc._.incidex_muc``) fill the gaps the rules leave, or, with
``[nlp] learned_roles = "decide"``, also decide which rule perpetrators, victims, targets and weapons stand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..types import Location, place_rank
from .actors import (
    COMMUNAL_KIND,
    COMMUNAL_NOUNS,
    DESCRIPTOR_ADJECTIVES,
    MEMBER_NOUNS,
    SUSPICION_WORDS,
    bare_communities,
    community_name,
    country_group_names,
    headline_doer,
    headline_side,
    known_people,
    parent_groups,
    people_of_an_attack,
    rebel_groups,
)
from .annotations import ActorMention, NumberMention, PlaceMention, doc_text
from .casualties import BODY_NOUNS, FINDING_VERBS, acts_as_perpetrator, casualty_figures, status_cues
from .datelines import dateline_of, filing_country
from .frames import Arg, FrameArguments, IncidentFrame, PerpetratorArg, StatusCue, VictimArg
from .hedged_groups import hedged_groups
from .lexicons import (
    AMBIGUOUS_PERSON_NOUNS,
    ATTACK_NOUNS,
    CLAIM_VERBS,
    COLLECTIVE_NOUNS,
    NON_WEAPON_CONTEXT,
    PERPETRATION_VERBS,
    PERPETRATOR_NOUNS,
    REPORTING_VERBS,
    RESPONDER_NOUNS,
    RESPONDER_VERBS,
    SAY_VERBS,
    SECURITY_FORCE_NOUNS,
    TARGET_NOUNS,
    TARGETING_VERBS,
    VICTIM_NOUNS,
    phrases,
    words,
)
from .muc_roles import LearnedRoles
from .places import is_origin, names_an_owner, speaks, where_told
from .syntax import is_negated, noun_phrase, tree_distance
from .triggers import trigger_lemma
from .unstated_country import unstated_country

# Words that tie a named group to an incident, and the relation each states.
RELATION_CUES: dict[str, str] = dict(line.split("\t") for line in phrases("relation_cues"))  # type: ignore[misc]
RELATION_STRENGTH = ("claimed", "accused", "suspected", "linked", "stated")
DENIAL_VERBS = frozenset({"deny", "reject", "disown"})
LOCATION_LABEL = "location:"  # a coder's label before the place of an event
OWN_WORDS = frozenset({"we", "it", "its", "our", "their"})  # a group speaking of its own people
# A part of a group, or a person who speaks for it, whose claim is the group's ("a TTP spokesman claimed ...").
VOICE_NOUNS = words("voice_nouns")
# Words for rebels that name no group ("the guerrillas"): the doers of the one rebel group a report names.
REBEL_NOUNS = words("rebel_nouns")
# Unnamed local people who can be a side of a clash ("two rival groups of villagers clashed"): a
# communal militia named by the place of the incident.
LOCAL_SIDE_NOUNS = words("local_side_nouns")
# Verbs and nouns of fighting whose sides are all parties to it.
CLASH_WORDS = words("clash_words")
# Nouns for a deed as someone's doing ("the work of X").
WORK_NOUNS = frozenset({"work", "handiwork", "doing"})
# Verbs whose subject takes part in what happens "in" them ("engaged in clashes").
ENGAGE_VERBS = frozenset({"engage", "participate"})
# Verbs whose passive names the doer of an act ("stabbed by X", "perpetrated by X"), not merely someone ("used by X").
DEED_VERBS = PERPETRATION_VERBS | {"perpetrate", "commit"}
PEOPLE_AND_THINGS = PERPETRATOR_NOUNS | VICTIM_NOUNS | RESPONDER_NOUNS | TARGET_NOUNS
PEOPLE_OR_LOCAL_SIDES = PEOPLE_AND_THINGS | LOCAL_SIDE_NOUNS
# Words that make armed men an organization's or a cause's, not a community's ("jihadist fighters from X",
# "rebel gunmen from X"); "armed men from X" are the community's.
CAUSE_WORDS = DESCRIPTOR_ADJECTIVES - {"armed"}
# "clashes pitting X against Y": the forms of "pit", and how far after "against" the other side's head may stand.
_PIT_WORDS = frozenset({"pit", "pits", "pitting", "pitted"})
_SIDE_SPAN = 5
# Participles that hedge what doers are ("believed to be X", "suspected to be from X").
HEDGE_VERBS = frozenset({"believe", "suspect", "think", "presume", "assume", "say"})
DOING_OR_FIGHTING_WORDS = PERPETRATION_VERBS | CLASH_WORDS
# What a group named before it does or uses: "X fighters", "an X ambush", "an X clash", "an X IED".
GROUP_ACT_NOUNS = PERPETRATOR_NOUNS | ATTACK_NOUNS | CLASH_WORDS | words("device_nouns")
# People of a group ("members / fighters / supporters of X"), singular as a lemma and plural as written.
GROUP_PEOPLE = PERPETRATOR_NOUNS | frozenset(noun.removesuffix("s") for noun in MEMBER_NOUNS) | MEMBER_NOUNS
# Words that make a fight one within a group: "two factions of X", "X infighting", "killed by party rivals".
_WITHIN_GROUP_WORDS = frozenset({"faction", "infighting"})
# What "rival" may describe for the rivals to be a group's own: "a rival group", "a rival X faction", "rivals".
_RIVAL_SIDES = frozenset({"group", "faction", "party", "wing", "camp"})
# Unnamed people who take the law into their own hands, named by the role-based pattern: a crowd or the local
# people who lynch someone, or who kill or beat someone held to be a criminal.
VIGILANTES = "Vigilante Group"
_CROWD_DOERS = frozenset({"mob", "crowd", "local", "villager", "resident"})
# Doers named by their trade, whom the role-based pattern names by it: "pirates boarded a tanker", "sea pirates".
ROLE_NAMED_DOERS: dict[str, str] = {"pirate": "Pirates"}
_LYNCH_WORDS = frozenset({"lynch", "lynching"})
CULPRIT_NOUNS = words("culprit_nouns")
# Verbs by which a state's forces take a fight to an armed group ("the army attacked the X", "troops engaged X").
_OFFENSIVE_VERBS = frozenset({"attack", "engage", "raid", "storm", "shell", "bomb", "ambush", "assault", "overrun"})
# A state's armed forces and police, as the subject of such a verb.
_STATE_FORCES = SECURITY_FORCE_NOUNS - {"militia", "agent"}
_HELD_WORDS = frozenset({"held", "controlled", "occupied", "dominated"})  # "rebel-held areas"
_BLAME_VERBS = frozenset({"blame", "pin"})  # "the attack was blamed on militants": the doers


class FrameLocator:
    """Find the frame an argument token belongs to, and the arguments being filled for it."""

    def __init__(self, doc: Doc, frames: list[IncidentFrame], arguments: dict[str, FrameArguments]) -> None:
        self.doc = doc
        self.arguments = arguments
        self.by_sentence: dict[int, list[tuple[Token, IncidentFrame]]] = {}
        for frame in frames:
            for trigger in frame.triggers:
                token = doc[trigger.token]
                self.by_sentence.setdefault(token.sent.start, []).append((token, frame))
        self.sentence_starts = [s.start for s in doc.sents]

    def frame_for(self, token: Token, *, carry: int = 2) -> IncidentFrame | None:
        """The frame of the nearest trigger in the token's sentence, else of the last trigger in the ``carry``
        sentences before it, a main incident's before a background one's ("gunmen attacked the village in revenge
        for last month's clashes. Five civilians were killed": the five died in the attack)."""
        candidates = self.by_sentence.get(token.sent.start)
        if candidates:
            return min(candidates, key=lambda c: (tree_distance(c[0], token), abs(c[0].i - token.i)))[1]
        index = self.sentence_starts.index(token.sent.start)
        for back in range(1, carry + 1):
            if index - back < 0:
                break
            previous = [frame for _, frame in self.by_sentence.get(self.sentence_starts[index - back], [])]
            if previous:
                return next((f for f in reversed(previous) if f.role == "main"), previous[-1])
        return None

    def arguments_for(self, token: Token, *, carry: int = 2) -> FrameArguments | None:
        """The arguments of :meth:`frame_for`'s frame."""
        frame = self.frame_for(token, carry=carry)
        return None if frame is None else self.arguments[frame.id]

    def main_arguments_ahead(self, token: Token) -> FrameArguments | None:
        """The main incident's arguments when the token's sentence tells no incident and the next sentence opens the
        main incident ("Presumed X militants entered the market. Several women were wounded.")."""
        index = self.sentence_starts.index(token.sent.start)
        if token.sent.start in self.by_sentence or index + 1 >= len(self.sentence_starts):
            return None
        ahead = [frame for _, frame in self.by_sentence.get(self.sentence_starts[index + 1], [])]
        main = next((f for f in ahead if f.role == "main"), None)
        return None if main is None else self.arguments[main.id]


class RoleFinder:
    """spaCy component writing ``doc._.incidex_arguments``: the :class:`FrameArguments` of every frame in
    ``doc._.incidex_incidents``, by frame id. ``weapons`` is the weapon lexicon (a shipped name or a file path)."""

    def __init__(self, nlp: Language, name: str = "incidex_roles", learned_roles: str = "fill",
                 weapons: str = "weapons") -> None:
        self.name = name
        self.decide = learned_roles == "decide"  # see _learned
        self.weapons = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.weapons.add("WEAPON", [nlp.make_doc(w) for w in phrases(weapons)])

    def __call__(self, doc: Doc) -> Doc:
        frames: list[IncidentFrame] = doc._.incidex_incidents or []
        found = {frame.id: FrameArguments() for frame in frames}
        doc._.incidex_arguments = found
        if not frames:
            return doc
        locate = FrameLocator(doc, frames, found)
        self._places(doc, locate, frames)
        self._actors(doc, locate)
        self._bare_communities(doc, locate)
        actor_tokens = {i for a in doc._.incidex_actors or [] for i in _token_range(doc, a.start, a.end)}
        numbers: list[NumberMention] = doc._.incidex_numbers or []
        self._people(doc, locate, _counts_by_token(doc, numbers), actor_tokens)
        self._country_group_names(doc, locate, actor_tokens)
        self._weapons(doc, locate)
        for figure, token in casualty_figures(doc, numbers):
            args = locate.arguments_for(token)
            if args is not None:
                args.casualties.append(figure)
        self._learned(doc, locate)
        self._home_communities(doc, found.values())
        self._hedged_identities(doc, locate)
        self._own_rivals(doc, frames, found)
        self._village_sides(doc, frames, found)
        self._vigilantes(doc, frames, found)
        self._report_group(doc, found.values())
        for args, group, relation in hedged_groups(doc, found.values(), doc._.incidex_actors or [],
                                                      lambda token: locate.arguments_for(token, carry=0)):
            _add_org(args, group, relation)
        for args in found.values():
            _merge_people(args)
        return doc

    # -- places -----------------------------------------------------------------------------------------------
    def _places(self, doc: Doc, locate: FrameLocator, frames: list[IncidentFrame]) -> None:
        """Places go to the nearest incident; the dateline place ("NAIROBI, Kenya —") is where the report was
        filed, used for the main incident only when the text names no other place in a known country for it, and
        so is the place where someone told of an incident ("reported in La Paz that ...") for that incident; any
        other incident with no place in a known country gets the filing country, at country precision and marked
        uncertain (datelines.filing_country), or else the country the text as a whole states
        (``doc._.incidex_country``: the main incident takes the place that states it, any other its country)."""
        header = dateline_of(doc)
        dateline = header.end if header is not None else 0
        filed_at: list[PlaceMention] = []
        told_at: list[tuple[FrameArguments, PlaceMention]] = []
        groups = [(actor.start, actor.end) for actor in doc._.incidex_actors or []]
        main_frame = next((f for f in frames if f.role == "main"), None)
        main = locate.arguments[main_frame.id] if main_frame is not None else None
        offices = _speaking_offices(doc)
        for mention in doc._.incidex_places or []:
            if mention.start < dateline:
                filed_at.append(mention)
                continue
            if _names_a_group_home(mention, groups) or any(s <= mention.start < e for s, e in offices):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            country = mention.location is not None and mention.location.precision == "country"
            if span is None or is_origin(span.root, country=country) or names_an_owner(span.root):
                continue
            args = (main if _after_a_location_label(span) else
                    locate.arguments_for(span.root, carry=2 if _tells_a_body_found(span.sent) else 0))
            if args is None:
                continue
            if where_told(span.root):
                told_at.append((args, mention))
            elif mention.kind == "facility":
                args.facilities.append(mention)
            else:
                args.places.append(mention)
        for args, mention in told_at:  # "said in Islamabad that ...": the incident's place when it has no other
            if mention.kind != "facility" and not any(p.location and p.location.country_code for p in args.places):
                args.places.append(mention)
        filed, stated = filing_country(filed_at), doc._.incidex_country
        if filed is not None and _states_elsewhere(doc, stated, filed, after=dateline):
            filed_at, filed = [], None
        if main is not None and not any(p.location and p.location.country_code for p in main.places):
            main.places.extend(m for m in filed_at if m.kind != "facility")
        for args in locate.arguments.values():
            if any(p.location and p.location.country_code for p in args.places):
                continue
            if filed is not None:
                args.places.append(filed)
            elif stated is not None and args is main and main_frame is not None:
                trigger = doc[main_frame.triggers[0].token]
                args.places.append(_nearest_in_country(doc._.incidex_places or [], stated, trigger))
            elif stated is not None:
                args.places.append(_country_only(stated))

    # -- organizations ----------------------------------------------------------------------------------------
    def _actors(self, doc: Doc, locate: FrameLocator) -> None:
        added: tuple[ActorMention, FrameArguments, str] | None = None  # the last group added, its frame, relation
        text = doc_text(doc)
        for actor in doc._.incidex_actors or []:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            if added is not None and _in_parentheses_after(text, added[0], actor):
                _add_org(added[1], actor, added[2])  # "Katiba Macina (JNIM) militants": the group it belongs to
                continue
            # a headline's parse may make the name the root, or its verb a noun ("X kidnaps official")
            agent = _is_agent(span.root) or _is_agent(span[-1]) or headline_doer(span) or headline_side(span) or (
                actor.name in rebel_groups() and _attacked_by_forces(span.root))
            if actor.kind == COMMUNAL_KIND and not agent:
                continue  # "members of the Fulani community" are its people, not its militia
            claimed = _claimed_incident(span.root) or _claimed_incident(span[-1]) or _own_attack(span.root)
            if claimed is not None:
                args = locate.arguments_for(claimed, carry=2)
                if args is not None:
                    _add_org(args, actor, "claimed")
                    added = (actor, args, "claimed")
                continue
            relation = _relation_cue(span)
            # a sentence after the incident may name the doers' group ("The gunmen belonged to X")
            args = locate.arguments_for(span.root, carry=2 if relation or _doers_belong_to(span.root) else 0)
            if args is None and agent and relation is not None:
                args = locate.main_arguments_ahead(span.root)  # "presumed X militants entered ... . Two died."
            if args is None:
                continue
            if relation is None:
                relation = "stated" if agent else None
            if relation is not None:
                _add_org(args, actor, relation)
                added = (actor, args, relation)

    def _bare_communities(self, doc: Doc, locate: FrameLocator) -> None:
        """Communities named bare as a side of a clash ("clashes between Maasai and Kipsigis"), named as a people
        (a nationality or ethnic entity, or a plural proper noun) as the subject of violence ("Gabra attacked ..."), or
        as the doer of a headline ("Orma attack Pokomo village"): "<community> Communal Militia", with the relation
        the words around it give ("suspected X"), else stated. A people ``community_homes`` lists is named as a people
        whatever the tagger made of it ("Misseriya attacked ..."), also as the doer of a passive ("stabbed by a
        suspected Fulani"). Not inside an actor mention, nor a country."""
        taken = [(a.start, a.end) for a in doc._.incidex_actors or []]
        taken += [(p.start, p.end) for p in doc._.incidex_places or []
                  if p.location is not None and p.location.precision == "country"]
        for span in bare_communities(doc):
            if any(span.start_char < end and start < span.end_char for start, end in taken):
                continue
            root = span.root
            people = root.ent_type_ == "NORP" or root.tag_ == "NNPS" or known_people(root.text) is not None
            if not (_side_of(root, CLASH_WORDS) or (people and (_side_of(root, PERPETRATION_VERBS)
                                                                 or _passive_doer_of(root, DEED_VERBS)))
                    or headline_doer(span) or people_of_an_attack(root)):
                continue
            args = locate.arguments_for(root, carry=0)
            if args is not None:
                _add_org(args, ActorMention(span.start_char, span.end_char, span.text, span.label_, COMMUNAL_KIND),
                         _relation_cue(span) or "stated")

    def _country_group_names(self, doc: Doc, locate: FrameLocator, actor_tokens: set[int]) -> None:
        """A bare word that names a group in the incident's country, as the doer or a side ("Maoists killed two
        villagers" in India: CPI (Maoist)) or among the words for doers found unnamed ("suspected separatist
        gunmen", "the work of insurgents" in Thailand), stated, or as hedged. (``_places`` has already given every
        incident the country of the text where it names none of its own; where the text states none, the incident's
        country is the one the assembler will give it, :func:`.unstated_country.unstated_country`.)"""
        names = country_group_names()
        for token in doc:
            if (groups := names.get(token.lower_)) is None or token.i in actor_tokens:
                continue
            args = locate.arguments_for(token, carry=0)
            if args is None or not (_is_agent(token) or _in_unnamed_doers(token, args)):
                continue
            where = next((p.location.country_code for p in args.places if p.location and p.location.country_code),
                         None)
            if where is None:  # the assembler places the story where the text states no country
                unstated = unstated_country(doc, [*args.perpetrators, *(doc._.incidex_actors or [])])
                where = unstated.code if unstated is not None else None
            for country, name in groups:
                if where == country:
                    span = doc[token.i:token.i + 1]
                    _add_org(args, ActorMention(span.start_char, span.end_char, span.text, name, "organization"),
                             _relation_cue(span) or "stated")

    def _home_communities(self, doc: Doc, frames: Iterable[FrameArguments]) -> None:
        """A community's armed men from a named community or place ("gunmen from Alavanyo", "raiders from Samburu",
        "a group of armed youths from X"; not "bandits from ...") make it a perpetrator too, "<X> Communal Militia",
        with the doers' relation; never a country, nor for men a word names as a cause's ("jihadist fighters from
        X")."""
        countries = [(p.start, p.end) for p in doc._.incidex_places or []
                     if p.location is not None and p.location.precision == "country"]
        for args in frames:
            for person in [p for p in args.perpetrators if p.kind == "individual" and p.name is None]:
                doers = doc.char_span(person.start, person.end, alignment_mode="expand")
                if doers is None or any(t.lower_ in CAUSE_WORDS for t in doers):
                    continue
                origin = _doers_home(doers.root)
                if origin is None or any(origin.start_char < e and s < origin.end_char for s, e in countries):
                    continue
                if (name := community_name(origin)) is not None:
                    _add_org(args, ActorMention(origin.start_char, origin.end_char, origin.text, name, COMMUNAL_KIND),
                             person.relation or "stated")

    def _hedged_identities(self, doc: Doc, locate: FrameLocator) -> None:
        """Doers a hedge says are of a group or people: "wounded by men presumed to be from the X community",
        "raiders suspected to be X attacked ...", "The raiders are thought to be X." (a sentence after the
        incident): the group, or "<X> Communal Militia", is a suspected perpetrator of the doers' incident."""
        actors = doc._.incidex_actors or []
        for verb in doc:
            if verb.lemma_ not in HEDGE_VERBS or verb.tag_ != "VBN":
                continue
            be = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
            doers = _hedged_doers(verb)
            if be is None or doers is None or not (doers.lemma_.lower() in PERPETRATOR_NOUNS
                                                    or _passive_doer(doers) or _side_of(doers, PERPETRATION_VERBS)):
                continue
            identity = _identity_after_be(be)
            group = None if identity is None else _group_named_by(identity, actors)
            args = None if group is None else locate.arguments_for(doers, carry=2)
            if args is not None and group is not None:
                _add_org(args, group, "suspected")

    @staticmethod
    def _own_rivals(doc: Doc, frames: list[IncidentFrame], found: dict[str, FrameArguments]) -> None:
        """A fight the text tells as one within a group ("two factions of X fought", "X infighting", "party rivals
        stabbed an X leader", "shot by his rival group") is fought by that group: the one group or community
        (with the groups it belongs to) named in a sentence of the incident that says so; not where the incident
        has a named doer, nor where the sentence names groups of two families."""
        actors = doc._.incidex_actors or []
        for frame in frames:
            args = found[frame.id]
            if any(p.name for p in args.perpetrators):
                continue
            sentences = {doc[t.token].sent.start: doc[t.token].sent for t in frame.triggers}
            for sentence in sentences.values():
                if not any(_tells_a_fight_within(t) for t in sentence):
                    continue
                groups = [a for a in actors if sentence.start_char <= a.start < sentence.end_char and a.name]
                if len({parent_groups().get(a.name, a.name) for a in groups}) == 1:
                    for group in groups:
                        _add_org(args, group, "stated")
                    break

    def _village_sides(self, doc: Doc, frames: list[IncidentFrame], found: dict[str, FrameArguments]) -> None:
        """A clash whose sides are a village's unnamed people is fought by the village: "a clash over land at X
        village", "rival groups of X village clashed" make "<X> Communal Militia" its one side, named by the village
        the text names (the incident's place may be a larger one the gazetteer knows); not where a side is named or
        is other people ("gunmen")."""
        for frame in frames:
            args = found[frame.id]
            if any(not p.local for p in args.perpetrators):
                continue
            clash = next((doc[t.token] for t in frame.triggers if doc[t.token].lemma_ in CLASH_WORDS), None)
            if clash is None or not (args.perpetrators or _over_a_matter(clash)):
                continue
            village = next((v for t in clash.sent if (v := _village_name(t)) is not None), None)
            if village is not None and (name := community_name(village)) is not None:
                args.perpetrators = [PerpetratorArg(village.start_char, village.end_char, village.text,
                                                    kind="organization", name=name, relation="stated")]

    @staticmethod
    def _vigilantes(doc: Doc, frames: list[IncidentFrame], found: dict[str, FrameArguments]) -> None:
        """A crowd or local people who lynch someone, or kill or beat someone the sentence holds to be a criminal,
        are vigilantes: "a mob lynched a suspected thief", "two burglars were clubbed to death by residents", "a
        lynch-mob assault on men accused of theft" make "Vigilante Group" a perpetrator (stated), unless a group is
        named."""
        for frame in frames:
            args = found[frame.id]
            if any(p.kind == "organization" for p in args.perpetrators):
                continue
            for sent in {doc[t.token].sent for t in frame.triggers}:
                crowd = next((t for t in sent if _crowd_doer(t)), None)
                if crowd is not None and any(_tells_a_crime(t) for t in sent):
                    phrase = noun_phrase(crowd)
                    args.perpetrators.append(PerpetratorArg(phrase.start_char, phrase.end_char, phrase.text,
                                                            kind="organization", name=VIGILANTES,
                                                            relation="stated", head=crowd.lemma_.lower()))
                    break

    @staticmethod
    def _report_group(doc: Doc, frames: Iterable[FrameArguments]) -> None:
        """Doers named only by a word for rebels ("the guerrillas blew up a pylon") in a report that names one rebel
        group and no other, in other sentences ("the FMLN said ..."), are suspected to be that group's (the report
        does not say so); an incident with a group of its own keeps it, and a group named in the doers' own sentence
        is not theirs ("police shot two militants of X")."""
        groups = [a for a in doc._.incidex_actors or [] if a.name in rebel_groups()]
        if len({parent_groups().get(a.name or "", a.name) for a in groups}) != 1:
            return
        named_in = {_sentence_of(doc, group.start, group.end) for group in groups}
        for args in frames:
            if any(p.kind == "organization" for p in args.perpetrators):
                continue
            doers = [p for p in args.perpetrators
                     if p.kind == "individual" and p.name is None and p.head in REBEL_NOUNS]
            if doers and named_in.isdisjoint(_sentence_of(doc, d.start, d.end) for d in doers):
                _add_org(args, groups[0], "suspected")

    # -- people and things ------------------------------------------------------------------------------------
    def _people(self, doc: Doc, locate: FrameLocator, counts: dict[int, int | None], actor_tokens: set[int]) -> None:
        for token in doc:
            if token.pos_ not in {"NOUN", "PROPN", "PRON"} or token.i in actor_tokens:
                continue
            lemma = token.lemma_.lower()
            if not (lemma in PEOPLE_OR_LOCAL_SIDES or token.ent_type_ == "PERSON" or lemma == "they"):
                continue
            args = locate.arguments_for(token, carry=1 if token.pos_ == "PRON" else 0)
            if args is None:
                continue
            phrase = noun_phrase(token)
            if lemma in LOCAL_SIDE_NOUNS and _side_of(token, CLASH_WORDS) and not _of_a_named_group(token):
                args.perpetrators.append(
                    PerpetratorArg(phrase.start_char, phrase.end_char, phrase.text, kind="organization",
                                   relation="stated", head=lemma, local=True))
            elif lemma in RESPONDER_NOUNS and _acts_as_responder(token):
                args.responders.append(Arg(phrase.start_char, phrase.end_char, phrase.text))
            elif lemma in ROLE_NAMED_DOERS and _is_perpetrator(token, lemma):
                relation = _relation_cue(doc[token.i:token.i + 1]) or "stated"  # "suspected pirates": suspected
                args.perpetrators.append(
                    PerpetratorArg(phrase.start_char, phrase.end_char, phrase.text, kind="organization",
                                   name=ROLE_NAMED_DOERS[lemma], relation=relation, head=lemma))
            elif _is_perpetrator(token, lemma):
                name = token.text if token.ent_type_ == "PERSON" else None
                args.perpetrators.append(
                    PerpetratorArg(phrase.start_char, phrase.end_char, phrase.text, kind="individual", name=name,
                                   count=_count(token, counts), head=lemma))
            elif lemma in VICTIM_NOUNS or token.ent_type_ == "PERSON" or (token.pos_ == "PRON" and lemma == "they"):
                statuses = [cue for cue in status_cues(token) if not _denied(doc, cue)]
                if statuses:
                    args.victims.append(
                        VictimArg(phrase.start_char, phrase.end_char, phrase.text, head=lemma,
                                  count=_count(token, counts), statuses=statuses)
                    )
            elif lemma in TARGET_NOUNS and _is_targeted(token):
                args.targets.append(Arg(phrase.start_char, phrase.end_char, phrase.text))

    def _learned(self, doc: Doc, locate: FrameLocator) -> None:
        """Spans of the learned role tagger add to the rule arguments where they overlap none; an organization
        the frame already holds under its alias-table name is not added twice (its relation takes the stronger).
        With ``learned_roles = "decide"`` the learned model first decides which rule arguments stand in the text it
        read (:func:`_keep_confirmed`)."""
        learned = doc._.incidex_muc
        if learned is None:
            return
        if self.decide:
            _keep_confirmed(doc, learned)
        # Places, dates and cited sources are not people: a learned victim or perpetrator is dropped when it is
        # headed by a place or source the rules found, or looks like a place or date itself.
        not_people = [(m.start, m.end) for m in [*(doc._.incidex_places or []), *(doc._.incidex_sources or [])]]
        full_text = doc_text(doc)
        for found in learned.spans:
            tokens = _nominal(doc.char_span(found.start, found.end, alignment_mode="expand"))
            if tokens is None:
                continue
            role, root = found.role, tokens.root
            start, end, text = tokens.start_char, tokens.end_char, tokens.text
            if role != "Target" and (_names_a_place_or_date(root) or any(s <= root.idx < e for s, e in not_people)):
                continue
            args = locate.arguments_for(root, carry=0)
            if args is None or _overlaps_argument(args, start, end):
                continue
            head = root.lemma_.lower()
            if role == "PerpOrg":
                name = _actor_name(doc, start, end) or text
                relation = _learned_relation(full_text, args, tokens)
                existing = _organization(args, name)
                if existing is None:
                    args.perpetrators.append(PerpetratorArg(start, end, text, kind="organization", name=name,
                                                            relation=relation, head=head, learned=learned.component))
                elif relation is not None:
                    _strengthen(existing, relation)  # the group the rules named, hedged where the tagger found it
            elif role == "PerpInd":
                args.perpetrators.append(PerpetratorArg(start, end, text, head=head, learned=learned.component))
            elif role == "Victim":
                args.victims.append(VictimArg(start, end, text, head=head, learned=learned.component))
            elif role == "Target":
                args.targets.append(Arg(start, end, text, learned=learned.component))
            elif role == "Weapon":
                args.weapons.append(Arg(start, end, text, learned=learned.component))

    def _weapons(self, doc: Doc, locate: FrameLocator) -> None:
        spans = filter_spans([doc[s:e] for _, s, e in self.weapons(doc)])
        for span in spans:
            if span.root.lower_ in NON_WEAPON_CONTEXT and not _used_as_weapon(span.root):
                continue
            if span.root.pos_ not in {"NOUN", "PROPN"}:
                continue
            args = locate.arguments_for(span.root, carry=0)
            if args is not None:
                args.weapons.append(Arg(span.start_char, span.end_char, span.text))


NOT_PEOPLE = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "into", "inside", "outside", "across", "throughout"})
NOMINAL_END = frozenset({"NOUN", "PROPN", "NUM", "PRON", "ADJ", "X"})


def _names_a_place_or_date(token: Token) -> bool:
    """The base NER labels ``token`` a place or date, or it is the object of "in", "near", "into" ... ."""
    if token.ent_type_ in NOT_PEOPLE:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


def _nominal(span: Span | None) -> Span | None:
    """``span`` without trailing words that cannot end a name ("a man wearing" -> "a man"); None if none is left."""
    if span is None:
        return None
    end = span.end
    while end > span.start and span.doc[end - 1].pos_ not in NOMINAL_END:
        end -= 1
    return span.doc[span.start:end] if end > span.start else None


def _actor_name(doc: Doc, start: int, end: int) -> str | None:
    """The alias-table name of the organization mention overlapping ``start:end``, if the rules found one."""
    return next((a.name for a in doc._.incidex_actors or [] if a.start < end and start < a.end), None)


LEARNED_FAMILIES: dict[str, tuple[str, ...]] = {"perpetrators": ("PerpInd", "PerpOrg"), "victims": ("Victim",),
                                                 "targets": ("Target",), "weapons": ("Weapon",)}


def _keep_confirmed(doc: Doc, learned: LearnedRoles) -> None:
    """Drop each rule perpetrator, victim, target and weapon that lies inside the text the learned model read
    (``learned.read``; all of it when None) and that no learned span of its family overlaps. Arguments outside
    what it read, responders, places and casualty figures stay as the rules found them."""
    read = learned.read if learned.read is not None else ((0, len(doc_text(doc))),)
    for args in doc._.incidex_arguments.values():
        for family, roles in LEARNED_FAMILIES.items():
            spans = [s for s in learned.spans if s.role in roles]
            setattr(args, family, [
                arg for arg in getattr(args, family)
                if not any(s <= arg.start and arg.end <= e for s, e in read)
                or any(s.start < arg.end and arg.start < s.end for s in spans)
            ])


def _overlaps_argument(args: FrameArguments, start: int, end: int) -> bool:
    spans = [*args.perpetrators, *args.victims, *args.targets, *args.weapons, *args.responders]
    return any(a.start < end and start < a.end for a in spans)


def _states_elsewhere(doc: Doc, stated: PlaceMention | None, filed: PlaceMention, *, after: int) -> bool:
    """Whether the text after its dateline names no place in the country the report was filed from and states
    another, by a place in it or a nationality word before a force ("MEXICO CITY, 3 APR 90 -- ... the judges murdered
    in Medellin"): a report filed abroad, whose incidents are where the text says, not where the wire sent it
    from."""
    if stated is None or stated.start < after or stated.location is None:
        return False
    home = filed.location.country_code if filed.location else None
    places = [m for m in doc._.incidex_places or [] if m.start >= after and m.location is not None]
    if stated.location.country_code == home or any(m.location.country_code == home for m in places):
        return False
    named = next((m for m in places if m.start == stated.start), None)
    return named is None or named.location.precision != "country"


def _nearest_in_country(mentions: list[PlaceMention], stated: PlaceMention, trigger: Token) -> PlaceMention:
    """The place in the country the text states that is named nearest to an incident's trigger, one with a point
    first (not a region such as "Rift Valley Province" beside its "Nakuru"), and of the places its sentence names the
    finest ("A patrol was in Kharan, Balochistan. Gunmen ambushed it" is in Kharan); uncertain. ``stated`` itself
    when no place names that country ("Kenyan police")."""
    code = stated.location.country_code if stated.location is not None else None
    places = [m for m in mentions if m.kind != "facility" and m.location is not None and not m.location.uncertain
              and m.location.precision != "country" and m.location.country_code == code]
    if not places:
        return stated
    pointed = [m for m in places if m.location is not None and m.location.lat is not None] or places

    def distance(m: PlaceMention) -> int:
        return abs(m.start - trigger.idx)

    nearest = min(pointed, key=lambda m: (distance(m), m.start))
    span = trigger.doc.char_span(nearest.start, nearest.end, alignment_mode="expand")
    if span is not None:
        told = [m for m in pointed if span.sent.start_char <= m.start < span.sent.end_char]
        nearest = min(told, key=lambda m: (place_rank(m.location.precision), distance(m)))  # type: ignore[union-attr]
    return replace(nearest, location=replace(nearest.location, uncertain=True), inferred=True)  # type: ignore[arg-type]


def _after_a_location_label(span: Span) -> bool:
    """Whether a place follows a coder's "LOCATION:" label, in its sentence or at the end of the one before ("...
    eight were killed. LOCATION: Kataluk, Turkana District"): the place of the report's main incident."""
    sentence = span.sent
    before = span.doc[sentence.start - 1].sent.text.rstrip().lower() if sentence.start > 0 else ""
    return before.endswith(LOCATION_LABEL) or sentence.text.lstrip().lower().startswith(LOCATION_LABEL)


def _tells_a_body_found(sentence: Span) -> bool:
    """Whether a sentence tells that a body was found ("Her body was found in a car near Spiro", "police recovered
    the corpse"): its places are those of the killing told before it."""
    return any(trigger_lemma(token) in BODY_NOUNS and (  # "corpses", which the lemmatizer makes "corps"
        token.dep_ in {"nsubjpass", "dobj", "nsubj"} and token.head.lemma_ in FINDING_VERBS
        or any(child.dep_ == "acl" and child.lemma_ in FINDING_VERBS for child in token.children))
        for token in sentence)


def _speaking_offices(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of facilities that speak, offices rather than places ("that nation's Defense Ministry
    confirmed ...", "according to the provincial police office"): neither they nor a place named inside them ("Kenya's
    interior ministry said") is where an incident happened."""
    offices = []
    for mention in doc._.incidex_places or []:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.kind == "facility" and span is not None and speaks(span.root):
            offices.append((mention.start, mention.end))
    return offices


def _names_a_group_home(mention: PlaceMention, groups: list[tuple[int, int]]) -> bool:
    """Whether a place finer than a country is named inside a group's name, and so says where the group comes from,
    not where it acted: "gunmen (described as Darfur communal militia) raided a farm in Taba". A country there still
    places the incident in it ("Bangladesh Chhatra League men beat three students")."""
    country = mention.location is not None and mention.location.precision == "country"
    return not country and any(start <= mention.start and mention.end <= end for start, end in groups)


def _country_only(mention: PlaceMention) -> PlaceMention:
    """``mention`` as a place of kind "country": its country alone, uncertain, its span kept as the evidence."""
    code = mention.location.country_code if mention.location is not None else None
    return PlaceMention(mention.start, mention.end, mention.text, Location(country_code=code, uncertain=True),
                        kind="country", inferred=True)


def _in_unnamed_doers(token: Token, args: FrameArguments) -> bool:
    """The token is among the words of a perpetrator found without a group's name ("separatist" in "suspected
    separatist gunmen")."""
    return any(p.name is None and p.start <= token.idx < p.end for p in args.perpetrators)


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _learned_relation(text: str, args: FrameArguments, span: Span) -> str | None:
    """The relation of an organization the learned tagger named: that of the group it stands in parentheses after
    ("the Tupac Amaru Revolutionary Movement (MRTA)"), claimed, or what the words that govern it say
    (:func:`_relation_cue`), else stated (the tagger names the doers the text reports); None when the group denies
    it ("X denied responsibility"). ``text`` is the Doc's text."""
    if span.root.dep_ == "nsubj" and span.root.head.lemma_ in DENIAL_VERBS:
        return None
    before = next((p for p in args.perpetrators if p.kind == "organization" and p.relation
                   and text[p.end:span.start_char].strip(" \n\"'") == "("), None)
    if before is not None:
        return before.relation
    if _claimed_incident(span.root) is not None or _own_attack(span.root) is not None:
        return "claimed"
    return _relation_cue(span) or "stated"


def _own_attack(token: Token) -> Token | None:
    """For a group that says its own people did it, the verb of what they did: "the FMLN reports that urban
    commando units staged attacks", "the group said its fighters killed six soldiers"."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_ not in SAY_VERBS:
        return None
    for done in (c for c in verb.children if c.dep_ == "ccomp" and _perpetration(c) and not _future(c)):
        doer = next((c for c in done.children if c.dep_ == "nsubj"), None)
        if doer is not None and any(t.lower_ in OWN_WORDS or t.lemma_.lower() in PERPETRATOR_NOUNS
                                    for t in doer.subtree):
            return done
    return None


def _future(verb: Token) -> bool:
    """A threat, not a deed: "announced that it would attack"."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in verb.children)


def _perpetration(verb: Token) -> bool:
    """A verb of doing violence, or one whose object is an attack ("staged attacks", "carried out an attack")."""
    return verb.lemma_ in PERPETRATION_VERBS or any(
        c.dep_ == "dobj" and c.lemma_ in ATTACK_NOUNS for c in verb.children)


def _in_parentheses_after(text: str, first: ActorMention, mention: ActorMention) -> bool:
    """``mention`` stands in parentheses right after ``first``: "Katiba Macina (JNIM)"."""
    return text[first.end:mention.start].strip() == "(" and text[mention.end:mention.end + 1] == ")"


# What a group claims of an incident, and the preposition that names the incident: "claimed responsibility for the
# attack", "claimed its hand in the explosion" (Indian English).
_CLAIMED_OBJECTS = {"responsibility": "for", "credit": "for", "hand": "in"}


def _claimer(token: Token) -> bool:
    """The token is the subject of a claim verb, also where the parse took a short name before the verb for its
    auxiliary or a compound ("IS later claimed responsibility", "the TTP claim responsibility")."""
    verb = token.head
    if verb.lemma_ not in CLAIM_VERBS:
        return False
    return token.dep_ == "nsubj" or (token.dep_ in {"aux", "auxpass", "compound"} and verb.pos_ == "VERB"
                                     and token.i < verb.i and token.pos_ in {"PROPN", "AUX"})


def _voice_of(token: Token) -> Token | None:
    """The noun for a part or a voice of the group ``token`` names, which speaks for it: "chapter" in "the Darra
    chapter of the TTP", "spokesman" in "a TTP spokesman" or "a spokesman for X", "leader" in "the leader of the X
    division"."""
    voice = None
    for _ in range(2):  # "the leader of the X division"
        head = token.head
        if token.dep_ in {"compound", "poss", "nmod"} and head.lemma_.lower() in VOICE_NOUNS:
            voice = token = head
        elif token.dep_ == "pobj" and head.lower_ in {"of", "for"} and head.head.lemma_.lower() in VOICE_NOUNS:
            voice = token = head.head
        else:
            break
    return voice


def _claimed_incident(token: Token) -> Token | None:
    """For an actor that claimed responsibility, the token of what it claimed ("for the attack"; "claimed the
    bombing"; "claimed to have killed"), or the claim verb itself when the claim names nothing ("Al-Shabaab claimed
    responsibility."; "Claimed by X."); also when a part of the group or its spokesman claimed it."""
    voice = _voice_of(token)
    claimer_heads = []
    for name in [token] if voice is None else [token, voice]:
        claimer_heads += [name, *[a for a in name.children if a.dep_ == "appos"]]
        if name.dep_ == "appos":
            claimer_heads.append(name.head)
    for head in claimer_heads:
        claims = [head.head] if _claimer(head) else []
        if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.lemma_ in CLAIM_VERBS:
            claim = head.head.head  # "the attack was claimed by X"; "Claimed by X on Monday."
            return next((c for c in claim.children if c.dep_ == "nsubjpass"), claim)
        claims += [c for c in head.children if c.dep_ == "relcl" and c.lemma_ in CLAIM_VERBS]
        for claim in claims:
            responsibility = [
                o for o in claim.children if o.dep_ == "dobj" and o.lemma_ in _CLAIMED_OBJECTS
            ] or [  # the parse lost the object: "claimed responsibility for an explosion ..." read as another clause
                t for t in claim.doc[claim.i + 1:claim.i + 3] if t.lemma_ in _CLAIMED_OBJECTS
            ][:1]
            for obj in [*responsibility, claim]:
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ == _CLAIMED_OBJECTS.get(obj.lemma_, "for"):
                        target = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if target is not None:
                            return target
            if responsibility:
                return claim
            attack = next((c for c in claim.children if c.dep_ == "dobj" and c.lemma_ in ATTACK_NOUNS), None)
            if attack is not None and not any(c.lower_ in {"that", "those"} for c in attack.children):
                return attack  # "X later claimed the attack"; "that attack" points back to an earlier one
            done = next((c for c in claim.children if c.dep_ == "xcomp" and c.lemma_ in PERPETRATION_VERBS), None)
            if done is not None:
                return done  # "X claimed to have killed two fighters"
    return None


def _sentence_of(doc: Doc, start: int, end: int) -> int | None:
    """The first token of the sentence that holds the characters ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.sent.start if span is not None else None


def _relation_cue(span: Span) -> str | None:
    """linked / accused / suspected from the words that govern the actor mention, the strongest when several do
    ("may have", "presumably" are suspected); for a group the text calls the perpetrators ("X are the suspected
    perpetrators", "police said X was behind the attack"), suspected, accused or stated."""
    cues = []
    for token in [*list(span.root.ancestors)[:4]]:
        relation = RELATION_CUES.get(token.lemma_.lower()) or RELATION_CUES.get(token.lower_)
        if relation:
            cues.append(relation)
        hedges = {c.lower_ for c in token.children if c.dep_ in {"aux", "advmod", "neg"}}
        if hedges & SUSPICION_WORDS and not hedges & {"not", "n't", "never"} and (
                _is_agent(span.root) or _passive_doer(span.root)):
            cues.append("suspected")  # "may have been carried out by X", "presumably from X"
    if cues:
        return min(cues, key=RELATION_STRENGTH.index)  # "presumed to be members of X": suspected, not linked
    for token in span.doc[max(span.start - 3, span.sent.start):span.start]:
        if token.lower_ in SUSPICION_WORDS and token.tag_ != "MD":
            return "suspected"  # "suspected ELN rebels", "presumed Katiba Macina militants"
    said_to_be = _named_perpetrator(span.root)
    if said_to_be is not None:
        if any(t.lower_ in SUSPICION_WORDS for t in said_to_be.subtree):
            return "suspected"
        return "accused" if _said_by_another(span.root) else "stated"
    return None


def _passive_doer(token: Token, *, members_only: bool = False) -> bool:
    """The token names the doer of a passive verb, or people of it: "carried out by the X group", "perpetrated by
    members of the guerrillas, presumably from X", "stabbed by X supporters"; with ``members_only``, people "of"
    or "from" it only when they are its members or fighters (not "by a relative of X")."""
    for _ in range(6):
        if token.dep_ == "pobj" and (token.head.dep_ == "agent" or (token.head.lower_ == "by"
                                                                     and _participle_of(token.head) is not None)):
            return True  # "by" as the parse left it without its passive: "shot dead in the market by X"
        if token.dep_ in {"compound", "nmod", "conj", "appos"} and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in {"of", "from"} and (
                not members_only or token.head.head.lemma_.lower() in GROUP_PEOPLE):
            token = token.head.head
        else:
            return False
    return False


def _passive_doer_of(token: Token, verbs: frozenset[str]) -> bool:
    """The token names the doer of a passive verb of ``verbs`` ("stabbed by a suspected X", "an attack carried out
    by X"), not of any passive ("a base used by US and Kenyan forces")."""
    by = next((a for a in token.ancestors if a.lower_ == "by"), None)
    if by is None or not _passive_doer(token):
        return False
    verb = by.head if by.dep_ == "agent" else _participle_of(by)
    return verb is not None and verb.lemma_.lower() in verbs


def _participle_of(by: Token) -> Token | None:
    """The past participle "by" belongs to, also where the parse hung it on the place or thing after that participle
    ("shot dead in Kech, Balochistan by X", "hidden in a bag by X"), or None."""
    head = by.head
    for _ in range(4):
        if head.tag_ == "VBN":
            return head
        if head.dep_ not in {"pobj", "prep", "appos", "conj", "compound"} or head.head.i == head.i:
            return None
        head = head.head
    return None


def _said_by_another(token: Token) -> bool:
    """The clause of ``token`` is what someone else said: "police said X was behind the attack"."""
    for ancestor in list(token.ancestors)[:3]:
        if ancestor.lemma_ in SAY_VERBS and token not in ancestor.children:
            return True
    return False


def _named_perpetrator(token: Token) -> Token | None:
    """For the subject of "to be" that the text calls the perpetrator, the words that say so: "the suspected
    perpetrators" in "X are the suspected perpetrators", "behind" in "X was behind the attack", "responsible" in
    "X is responsible for the attacks"."""
    if token.dep_ != "nsubj" or token.head.lemma_ != "be":
        return None
    for child in token.head.children:
        if child.dep_ == "attr" and child.lemma_ in PERPETRATOR_NOUNS:
            return child
        if (child.dep_, child.lower_) in {("prep", "behind"), ("acomp", "responsible")}:
            return child
    return None


def _is_agent(token: Token) -> bool:
    """The actor carries out a perpetration verb, modifies a perpetrator, attack, clash or device noun ("Boko Haram
    fighters", "an al-Shabaab bombing", "a police-SLDF clash", "an X IED"), is a side of a clash ("Pokot and Turkana
    herders clashed", "clashes between Tiv and Jukun militias", "an X activist died in a shootout with the police")
    or the doer of a passive verb (:func:`_passive_doer`)."""
    if _side_of(token, DOING_OR_FIGHTING_WORDS, fell=True) or _pitted_side(token):
        return True
    if _passive_doer(token, members_only=True) or _doers_belong_to(token) or _work_of(token):
        return True
    return token.dep_ in {"compound", "nmod", "amod", "poss"} and token.head.lemma_.lower() in GROUP_ACT_NOUNS


def _pitted_side(token: Token) -> bool:
    """The token names a side a clash pits against another: X or Y in "clashes pitting X against Y", "fighting pits
    X against Y", whatever the parse made of "pit"."""
    for pit in token.sent:
        if pit.i >= token.i or pit.lower_ not in _PIT_WORDS or pit.i == pit.sent.start:
            continue
        if pit.nbor(-1).lemma_ not in CLASH_WORDS:
            continue
        against = next((t for t in token.sent if t.i > pit.i and t.lower_ == "against"), None)
        return against is not None and token.i <= against.i + _SIDE_SPAN
    return False


def _work_of(token: Token) -> bool:
    """The text calls the deed the group's work: "a kidnapping thought to be the work of X", "the handiwork of X"."""
    while token.dep_ in {"compound", "nmod", "appos"} and token.head.i != token.i:
        token = token.head
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in WORK_NOUNS


def _doers_belong_to(token: Token) -> bool:
    """The group the text says the doers belong to: "militants belonging to X", "the gunmen belonged to X", "the
    attackers were members of X", "belonged to the X militant outfit", "two militants of X"."""
    while token.dep_ in {"compound", "nmod", "appos", "det"} and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    governor = token.head.head
    if token.head.lower_ == "to" and governor.lemma_ == "belong":
        people = governor.head if governor.dep_ == "acl" else next(
            (c for c in governor.children if c.dep_ == "nsubj"), None)
    elif token.head.lower_ == "of" and governor.dep_ == "attr" and governor.head.lemma_ == "be":
        people = next((c for c in governor.head.children if c.dep_ == "nsubj"), None)
    elif token.head.lower_ == "of" and governor.dep_ != "dobj":
        people = governor  # "two militants of X were killed in a gunfight", not "police shot two militants of X"
    else:
        return False
    return people is not None and people.lemma_.lower() in PERPETRATOR_NOUNS


def _hedged_doers(verb: Token) -> Token | None:
    """The people a hedging participle is about: "men" in "men presumed to be ...", "band" in "a band of men
    carrying clubs and thought to be ...", "raiders" in "the raiders are thought to be ...", and in "raiders,
    suspected to be ..., ambushed", where the parse hangs the participle set off by commas on the main verb."""
    if verb.dep_ == "acl" or (verb.dep_ == "conj" and verb.head.pos_ == "NOUN"):
        return verb.head
    doc = verb.doc
    if (verb.dep_ in {"advcl", "conj"} and verb.i >= 2 and doc[verb.i - 1].text == ","
            and doc[verb.i - 2].pos_ == "NOUN"):
        return doc[verb.i - 2]
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _identity_after_be(be: Token) -> Span | None:
    """What "to be" says the doers are: "X" in "to be X", "to be from X", "to be herders from X"."""
    attr = next((c for c in be.children if c.dep_ == "attr"), None)
    named = [attr] if attr is not None else []
    if attr is not None and attr.pos_ == "NOUN":
        named = _objects_of_from(attr) or named
    named += _objects_of_from(be)
    if not named:
        return None
    word = named[0]
    start = min([word.i, *(c.i for c in word.lefts if c.dep_ in {"compound", "amod", "det"})])
    return word.doc[start:word.i + 1]


def _objects_of_from(token: Token) -> list[Token]:
    """The objects of the token's "from": "X" in "herders from X"."""
    return [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "from" for p in prep.children
            if p.dep_ == "pobj"]


def _group_named_by(span: Span, actors: list[ActorMention]) -> ActorMention | None:
    """The actor mention within ``span``, else the community it names bare ("Turkana", "Pokots")."""
    mention = next((a for a in actors if span.start_char <= a.start < span.end_char), None)
    if mention is not None:
        return mention
    while len(span) > 1 and span[0].pos_ == "DET":
        span = span[1:]
    name = community_name(span)
    return ActorMention(span.start_char, span.end_char, span.text, name, COMMUNAL_KIND) if name else None


def _over_a_matter(clash: Token) -> bool:
    """The clash is told as one over something ("a clash over a disputed pond"), where the parse may have hung
    "over" on the verb of the clash."""
    return any(t.lower_ == "over" and t.dep_ == "prep" for t in clash.doc[clash.i + 1:min(clash.i + 4, clash.sent.end)])


def _village_name(token: Token) -> Span | None:
    """The name of a village the word "village" tells: "X" in "at X village", "the village of X"."""
    if token.lower_ != "village":
        return None
    doc = token.doc
    start = token.i
    while start > token.sent.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start < token.i:
        return doc[start:token.i]
    end = token.i + 2
    if end < len(doc) and doc[token.i + 1].lower_ == "of":
        while end < token.sent.end and doc[end].pos_ == "PROPN":
            end += 1
        return doc[token.i + 2:end] if end > token.i + 2 else None
    return None


def _of_a_named_group(token: Token) -> bool:
    """ "two factions of the ruling Awami League", "groups of BNP activists", "Awami League and BNP supporters":
    people of a named group, not unnamed locals; "two armed groups" are armed groups, not a community; "two groups
    of X village" are locals."""
    if token.lemma_ in {"group", "faction"} and any(c.dep_ == "amod" and c.lower_ == "armed" for c in token.children):
        return True
    if any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in token.children):
        return True
    of = [prep for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
          and not any(c.dep_ == "pobj" and c.lower_ == "village" for c in prep.children)]
    return any(t.pos_ == "PROPN" for prep in of for t in prep.subtree)


def _tells_a_fight_within(token: Token) -> bool:
    """The word tells a fight within one group: "factions", "infighting", "rivals", "party rival", "a rival
    group"; not "a rival gang"."""
    if token.lemma_.lower() in _WITHIN_GROUP_WORDS:
        return True
    if token.lower_ not in {"rival", "rivals"}:
        return False
    return token.pos_ == "NOUN" or token.head.lemma_.lower() in _RIVAL_SIDES


def _tells_a_crime(token: Token) -> bool:
    """The token lynches, names a supposed criminal or crime ("a suspected thief", "witchcraft"), or accuses of one
    ("men suspected of stealing goats", "accused of rape")."""
    lemma = token.lemma_.lower()
    if lemma in _LYNCH_WORDS | CULPRIT_NOUNS:
        return True
    return lemma in {"accuse", "suspect"} and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _crowd_doer(token: Token) -> bool:
    """The token is a crowd or the local people doing the deed: the subject of an active verb ("villagers
    lynched ..."), the doer of a passive one ("killed by locals") or a crowd before an attack noun ("a mob
    beating", "a lynch-mob assault")."""
    if token.lemma_.lower() not in _CROWD_DOERS:
        return False
    if any(c.dep_ == "acl" and c.lemma_ == "beat" for c in token.children):
        return True  # "killed in mob beating", the parse taking "beating" for a verb
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ == "group":
        token = token.head.head  # "a group of residents clubbed ..."
    if token.dep_ == "nsubj":
        return _does(token.head, PERPETRATION_VERBS | _LYNCH_WORDS)
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return _does(token.head.head, PERPETRATION_VERBS | _LYNCH_WORDS)
    return token.dep_ in {"compound", "nmod"} and token.head.lemma_.lower() in ATTACK_NOUNS | _LYNCH_WORDS | {
        "beating"}


def _attacked_by_forces(token: Token) -> bool:
    """The group, or what of it the text names ("a X base", "X forces", "the X's sentry units"), is the object of
    a verb by which a state's forces go on the offensive ("the army attacked X", "troops engaged X"): it is a side
    of the fight."""
    noun = token
    while noun.dep_ in {"compound", "poss", "nmod"} and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "dobj" or noun.head.lemma_ not in _OFFENSIVE_VERBS:
        return False
    subject = _subject_of(noun.head)
    return subject is not None and (subject.lemma_.lower() in _STATE_FORCES
                                    or subject.lower_.removesuffix("s") in _STATE_FORCES)


def _side_of(token: Token, verbs: frozenset[str], *, fell: bool = False) -> bool:
    """The token (or the noun it modifies, is coordinated or in apposition with, or whose people it names: "members
    of a Pokot militia", "volunteer fighters (X)") is the subject of one of ``verbs`` ("X are reported to have
    attacked"), the doer of an attack ("an attack by X", "from X") or a side of a clash ("clashes between two groups",
    "fighting broke out between X and Y", "the army clashed with X"); with ``fell``, also the people who died or
    were hurt in a clash ("an X activist died in a gunfight with police")."""
    side = token
    for _ in range(5):
        if side.dep_ in {"nsubj", "agent"} and _does(_verb_of(side), verbs):
            return True  # "X attacked ...", "X crossed the border and attacked ...", "X continued to attack ..."
        if side.dep_ == "ROOT" and _does_without_a_verb(side, verbs):
            return True
        if fell and side.dep_ in {"nsubj", "nsubjpass"} and _in_a_clash(side.head):
            return True
        if side.dep_ == "nsubj" and side.head.lemma_ in ENGAGE_VERBS and _in_a_clash(side.head):
            return True  # "X and Y engaged in clashes", "residents of X engaged in a street fight"
        if side.dep_ == "nsubjpass" and side.head.lemma_ in REPORTING_VERBS and _reports(side.head, verbs):
            return True
        if side.dep_ == "pobj" and _clash_side_preposition(side.head):
            return True
        if side.dep_ == "pobj" and side.head.lower_ in {"by", "from"} and side.head.head.lemma_ in ATTACK_NOUNS and (
                side.head.lower_ == "by" or side.head.head.pos_ == "NOUN"):
            return True  # "an attack by X", "an ambush by X supporters", "a revenge attack from X"; not "fired from X"
        if side.dep_ == "pobj" and side.head.lower_ in {"of", "from"} and side.head.head.pos_ in {"NOUN", "PRON"}:
            side = side.head.head  # "members of the X militia", "fighters from X"
            continue
        if side.dep_ == "dobj" and side.head.dep_ == "pcomp" and side.head.head.lower_ == "of":
            side = side.head.head.head  # "factions of ruling X", "ruling" parsed as a verb
            continue
        if side.dep_ not in {"conj", "nmod", "compound", "appos", "poss"} or side.head.i == side.i:
            break
        # "Rendille and Samburu herders": Samburu → Rendille → herders; "fighters (X)" → fighters; "X's patrol"
        side = side.head
    return False


def _verb_of(subject: Token) -> Token:
    """The verb a subject goes with, past a parenthesis after it that holds the verb the parse made the clause's
    subject: "attacked" in "X (a dozen of whom wore uniforms) attacked ...", not the verb inside the parenthesis."""
    verb, doc = subject.head, subject.doc
    if verb.dep_ != "csubj" or not subject.i < verb.i < verb.head.i:
        return verb
    before, after = [t.text for t in doc[subject.i + 1:verb.i]], [t.text for t in doc[verb.i + 1:verb.head.i]]
    return verb.head if "(" in before and ")" not in before and ")" in after else verb


def _does_without_a_verb(root: Token, verbs: frozenset[str]) -> bool:
    """A sentence the parse left with a noun at its root takes that noun for the doer of an act of ``verbs`` hung
    under it that has an object: "X militia armed with machetes attacked a man", "X lines up and executes 15
    farmers"; not "three soldiers killed in an ambush" (no object), nor an act done "by" someone."""
    if root.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(t.dep_ in {"acl", "conj"} and t.pos_ == "VERB" and _does(t, verbs) and _has_object(t)
               and not any(c.dep_ == "agent" for c in t.children) for t in root.subtree)


def _has_object(verb: Token) -> bool:
    """The verb, or a verb joined to it ("attacked and wounded a man"), has a direct object."""
    return any(c.dep_ == "dobj" or (c.dep_ == "conj" and _has_object(c)) for c in verb.children)


# Verbs of aspect or attempt whose complement says what the subject did or tried ("continued to attack", "tried
# to kidnap"), unlike verbs of intent ("intends to strike", "threatened to attack").
_ASPECT_VERBS = frozenset({"continue", "begin", "start", "resume", "keep", "proceed", "attempt", "try"})


def _does(verb: Token, verbs: frozenset[str]) -> bool:
    """``verb`` is one of ``verbs``, or has a conjunct that does, or is a verb of aspect whose complement does
    ("crossed the border and attacked", "continued to attack the village", "disrupted a feast and tried to kidnap
    the chief"), or is done by one ("avenged the arrest by burning two trucks")."""
    if verb.lemma_ in verbs or any(c.dep_ == "conj" and _does(c, verbs) for c in verb.children):
        return True
    if any(_by_doing(c, verbs) for c in verb.children):
        return True
    return verb.lemma_ in _ASPECT_VERBS and any(c.dep_ == "xcomp" and _does(c, verbs) for c in verb.children)


def _by_doing(preposition: Token, verbs: frozenset[str]) -> bool:
    """The preposition is the "by" of an act's means, a gerund of ``verbs``: "by shooting at him", "by attacking a
    post" (not the "by" of a passive's doer)."""
    return preposition.dep_ == "prep" and preposition.lower_ == "by" and any(
        c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_ in verbs for c in preposition.children)


def _doers_home(noun: Token) -> Span | None:
    """Where a community's armed men come from (:func:`_home_of`): "gunmen from X", and for a group, "an armed group
    from X" or "a group of armed youths from X"."""
    if noun.lower_ in COMMUNAL_NOUNS:
        return _home_of(noun)
    if noun.lemma_.lower() != "group":
        return None
    members = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj" and p.lower_ in COMMUNAL_NOUNS]
    return next((home for home in map(_home_of, [noun, *members]) if home is not None), None)


def _home_of(noun: Token) -> Span | None:
    """The proper name after "from" that says where people come from: "Alavanyo" in "gunmen from Alavanyo"."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"):
        place = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if place is not None:
            start = min([place.i, *(c.i for c in place.lefts if c.dep_ == "compound")])
            return noun.doc[start:place.i + 1]
    return None


def _in_a_clash(verb: Token) -> bool:
    """``verb`` happened in a clash: "killed in a gunfight with police", "wounded during fighting"."""
    return any(c.dep_ == "pobj" and c.lemma_ in CLASH_WORDS
               for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}
               for c in prep.children)


def _reports(verb: Token, verbs: frozenset[str]) -> bool:
    """``verb`` governs one of ``verbs`` as its complement ("reported to have attacked")."""
    return any(c.dep_ == "xcomp" and c.lemma_ in verbs for c in verb.children)


def _clash_side_preposition(preposition: Token) -> bool:
    """ "between", "with", "against", "of" or "within" that names a side of a clash: "clashes between ...", "fighting
    broke out between ...", "fighting continued for a day between ...", "clashed with ...", "fight against ...", "a
    gunfight with ...", "killed in a shootout with ...", "exchanged fire with ...", "a factional clash of / within
    ..."."""
    governor = preposition.head
    if preposition.lower_ in {"with", "of", "within", "against"}:
        return governor.lemma_ in CLASH_WORDS or (preposition.lower_ == "with" and (
            _in_a_clash(governor) or any(c.dep_ == "compound" and c.lemma_ in CLASH_WORDS for c in governor.children)))
    if preposition.lower_ != "between":
        return False
    for _ in range(3):  # "clashes were reported between ...", "fighting went on into a second day between ..."
        if governor.lemma_ in CLASH_WORDS or any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_ in CLASH_WORDS for c in governor.children):
            return True
        if governor.head.i == governor.i:
            break
        governor = governor.head
    return False


def _organization(args: FrameArguments, name: str) -> PerpetratorArg | None:
    """The frame's organization perpetrator of that alias-table name, if it has one."""
    return next((p for p in args.perpetrators if p.kind == "organization" and p.name == name), None)


def _strengthen(perpetrator: PerpetratorArg, relation: str) -> None:
    """Give ``perpetrator`` ``relation`` when it is stronger than the one it has (:data:`RELATION_STRENGTH`)."""
    if RELATION_STRENGTH.index(relation) < RELATION_STRENGTH.index(perpetrator.relation or "stated"):
        perpetrator.relation = relation


def _add_org(args: FrameArguments, actor: ActorMention, relation: str) -> None:
    """Add the group (or strengthen its relation), and the group it belongs to ("Jubo League" → "Awami League"):
    linked, or suspected or accused as the group is."""
    existing = _organization(args, actor.name)
    if existing is not None:
        _strengthen(existing, relation)
    else:
        args.perpetrators.append(
            PerpetratorArg(actor.start, actor.end, actor.text, kind="organization", name=actor.name,
                           relation=relation, head=actor.name)
        )
    if parent := parent_groups().get(actor.name):
        _add_org(args, replace(actor, name=parent), relation if relation in {"accused", "suspected"} else "linked")


def _acts_as_responder(token: Token) -> bool:
    verb = token.head if token.dep_ in {"nsubj", "nsubjpass", "conj", "agent"} else None
    while verb is not None and verb.dep_ in {"conj", "xcomp"} and verb.pos_ != "VERB":
        verb = verb.head
    if verb is not None and (verb.lemma_ in RESPONDER_VERBS or any(
            c.lemma_ in RESPONDER_VERBS for c in verb.children if c.dep_ in {"xcomp", "conj"})):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.head.lemma_ in RESPONDER_VERBS


def _is_perpetrator(token: Token, lemma: str) -> bool:
    if lemma == "group":  # "a group of armed youths from X attacked ...": a community's men (_home_communities)
        return _side_of(token, PERPETRATION_VERBS) and _doers_home(token) is not None
    if lemma in PERPETRATOR_NOUNS and lemma not in AMBIGUOUS_PERSON_NOUNS:
        return token.dep_ not in {"poss"} and not _acted_against(token)
    if lemma in AMBIGUOUS_PERSON_NOUNS or lemma in VICTIM_NOUNS:
        if token.dep_ == "nsubj" and token.head.lemma_ in PERPETRATION_VERBS and token.head.lemma_ != "kill":
            return True
        return acts_as_perpetrator(token)
    return False


def _acted_against(token: Token) -> bool:
    """Doers' words for the side others act against, or for the holders of the ground they strike: "air strikes
    against the rebels", "an airstrike on the rebel held district", "rebel-held areas"; not a side of a fight
    ("troops fought against rebels"), nor doers an act is blamed on."""
    if token.dep_ == "npadvmod" and token.head.lower_ in _HELD_WORDS:
        return True
    if token.dep_ != "pobj" or token.head.lower_ not in {"against", "on"}:
        return False
    governor = token.head.head
    blamed = governor.lemma_ in _BLAME_VERBS or governor.head.lemma_ in _BLAME_VERBS  # "blamed the attack on X"
    return governor.lemma_ not in CLASH_WORDS and not blamed


def _counts_by_token(doc: Doc, numbers: list[NumberMention]) -> dict[int, int | None]:
    """The value of each number mention, keyed by the index of its last token."""
    counts = {}
    for number in numbers:
        span = doc.char_span(number.start, number.end, alignment_mode="expand")
        if span is not None:
            counts[span.end - 1] = number.value
    return counts


def _count(token: Token, counts: dict[int, int | None]) -> int | None:
    """The stated number of people a noun names; "a town mayor" or a named person is one."""
    for child in token.children:
        if child.dep_ == "nummod" and child.i in counts:
            return counts[child.i]
    if token.i in counts:
        return counts[token.i]
    indefinite = token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in token.children)
    named = token.ent_type_ == "PERSON" and token.tag_ == "NNP"
    return 1 if (indefinite or named) and token.lemma_.lower() not in COLLECTIVE_NOUNS else None


def _subject_of(verb: Token) -> Token | None:
    while verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:
        if any(c.dep_ == "nsubj" for c in verb.children):
            break
        verb = verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)



def _denied(doc: Doc, cue: StatusCue) -> bool:
    """A status the text denies: the verb that gives it is negated ("did not kill the passengers", "the guards were
    not injured")."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span is not None and is_negated(span.root)


def _is_targeted(token: Token) -> bool:
    if token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_ in TARGETING_VERBS:
        subject = _subject_of(token.head)
        return subject is None or subject.lemma_.lower() not in RESPONDER_NOUNS
    if token.dep_ == "pobj" and token.head.lower_ in {"on", "against", "at"}:
        governor = token.head.head
        return governor.lemma_ in TARGETING_VERBS or governor.lemma_ in ATTACK_NOUNS
    return False


# Verbs whose subject, when it is a thing that is not always a weapon ("a drone dropped explosives"), is one.
WEAPON_SUBJECT_VERBS = PERPETRATION_VERBS | TARGETING_VERBS | {"drop", "release"}


def _used_as_weapon(token: Token) -> bool:
    """A thing that is not always a weapon (a drone, a vehicle, a tank) is one here: used "with", brandished or
    fired, the subject of an act of harm ("a drone hit the depot"), or the kind of an attack ("a drone strike")."""
    head = token.head
    if head.lower_ == "with" or head.lemma_ in {"brandish", "wield", "fire", "throw"}:
        return True
    if token.dep_ == "compound":
        return head.lemma_ in ATTACK_NOUNS
    return token.dep_ == "nsubj" and head.lemma_ in WEAPON_SUBJECT_VERBS


def _merge_people(args: FrameArguments) -> None:
    """One entry per person group: mentions with the same head noun merge, a counted mention naming the group."""
    merged: dict[str, VictimArg] = {}
    for victim in args.victims:
        key = victim.head
        if key == "they" and merged:
            key = next(iter(merged))
        if key in merged:
            target = merged[key]
            if target.count is None and victim.count is not None:
                target.start, target.end = victim.start, victim.end
                target.text, target.count = victim.text, victim.count
            target.statuses.extend(victim.statuses)
        else:
            merged[key] = victim
    hostage_groups = [v for v in merged.values() if any(s.status == "taken hostage" for s in v.statuses)]
    if len(hostage_groups) > 1:
        keeper = next((v for v in hostage_groups if v.count is not None), hostage_groups[0])
        for other in hostage_groups:
            if other is not keeper and other.count is None:
                keeper.statuses.extend(other.statuses)
                merged.pop(other.head, None)
    args.victims = list(merged.values())
    people: dict[str, PerpetratorArg] = {}
    orgs = [p for p in args.perpetrators if p.kind == "organization"]
    for person in (p for p in args.perpetrators if p.kind == "individual"):
        if person.head in people:
            if people[person.head].count is None and person.count is not None:
                people[person.head] = person
        else:
            people[person.head] = person
    counted: list[PerpetratorArg] = []
    for person in people.values():
        if person.count is not None and all(person.count != c.count for c in counted):
            counted.append(person)
    if counted:
        individuals = counted + [p for p in people.values() if p.count is None and p.name]
    else:
        individuals = list(people.values())
    args.perpetrators = individuals + orgs
    seen: set[str] = set()
    responders = []
    for responder in args.responders:
        key = responder.text.lower().split()[-1]
        if key not in seen:
            seen.add(key)
            responders.append(responder)
    args.responders = responders
