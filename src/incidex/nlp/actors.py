"""ActorFinder: armed groups and militant organizations named in the text, normalized through the alias table.

The table is ``incidex/data/actor_aliases.tsv`` (canonical name, aliases, kind, countries, source, notes, part_of);
its countries tell the place finder where a report that names the group most likely is, its part_of the group a wing
or member group belongs to. Mentions come from:

* a case-insensitive PhraseMatcher over every alias (on ``LOWER``, so it works on lowercase text);
* a case-sensitive matcher for aliases marked ``=`` in the table (``=IS``): those match only with that exact
  casing, only in mixed-case text and not inside an all-caps run (a headline), so "is" the verb never matches;
* NER ``ORG`` entities that normalize through the table, or whose words mark an armed group ("Liberation Front",
  "Brigades", "cartel") and none of a government body ("Ministry", "Service", "Police");
* communal militias: a community's proper name before a militia noun ("Pokot raiders", "Tiv militiamen", "Rendille
  and Samburu herders", "Kamba and Luhya ethnic groups": one mention per community). Such a group has no row in
  the table; its canonical name is role-based, "<community> Communal Militia" ("Pokot Communal Militia"), unless
  the noun is capitalized as part of the group's own name ("Koglweogo Militia"); a people's separatists are
  "<people> Separatists" ("Baloch separatists": "Baloch Separatists"); a faith's members are "<faith> Militia"
  ("Muslims attack ...": "Muslim Militia").

A mention's span takes in a preceding "the", a following descriptor ("militant group", "organization") and a
parenthesized alias of the same group: "the Islamic State militant group", "Islamic State Khorasan (ISIS-K)".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import ConfigError
from .annotations import ActorMention, doc_text
from .lexicons import ATTACK_NOUNS, PERPETRATION_VERBS, phrases, words

ALIAS_FILE = "actor_aliases.tsv"
EXACT_MARK = "="
DESCRIPTOR_ADJECTIVES = words("descriptor_adjectives")
# Nouns a mention's span is widened over ("the Islamic State militant group"); normalization also drops members.
DESCRIPTOR_NOUNS = words("descriptor_nouns")
MEMBER_NOUNS = words("member_nouns")
_GROUP_WORDS = re.compile(
    r"\b(?:liberation|revolutionary|front|brigades|mujah[ie]d(?:ee|i)n|jihad|martyrs|cartel|guerrillas?|"
    r"insurgents?|militias?|commandos?|resistance|death\s+squads?|self-defen[cs]e\s+forces|rebels?)\b",
    re.IGNORECASE,
)
_GOVERNMENT_WORDS = re.compile(
    r"\b(?:ministry|ministries|service|police|government|council|court|parliament|agency|department|committee|"
    r"office|bureau|commission|federal|national\s+guard|armed\s+forces|navy|air\s+force|coast\s+guard|"
    r"prosecutor|embassy|united\s+nations|nato|union|university|party|church|red\s+cross|hospital|company|"
    r"corporation|bank|news|radio|television|press|guards?|corps|forces|military|intelligence|security|rifles|"
    r"rangers|branch|command|congress)\b",
    re.IGNORECASE,
)
# Nouns for the armed men of a community, and the words that may stand between its name and them
# ("Borana pastoralist militia", "Misseriya ethnic militias").
REBEL_KINDS = frozenset({"leftist", "rebel", "separatist", "jihadist", "islamist"})  # alias-table kinds of rebels
COMMUNAL_NOUNS = words("communal_nouns")
COMMUNAL_MODIFIERS = words("communal_modifiers")
COMMUNAL_SUFFIX = "Communal Militia"
# A faith's members who fight as such are "<adjective> Militia" ("Muslims": "Muslim Militia").
FAITH_ADJECTIVES: dict[str, str] = dict(line.split("\t") for line in phrases("faith_communities"))  # type: ignore[misc]
FAITH_SUFFIX = "Militia"
# Words before "groups" that make them a people's ("the Kamba and Luhya ethnic groups", "X and Y communal groups").
_PEOPLE_GROUP_WORDS = frozenset({"ethnic", "communal", "tribal"})
# Nouns that are a people's only after those words, a known people or two names joined by "and" ("the Moba and Yaana
# ethnies", "the Dabre and Zampaligre families"); not "people", which names victims as often ("Turkana people").
ETHNIC_GROUP_NOUNS = frozenset({"group", "groups", "families", "ethnies"})
# A people's separatists ("Baloch separatists") are named "<people> Separatists".
SEPARATIST_NOUNS = frozenset({"separatist", "separatists"})
SEPARATIST_SUFFIX = "Separatists"
COMMUNAL_KIND = "communal"  # ActorMention.kind of a communal militia: a perpetrator only as the agent
# Capitalized words before those nouns that are not a community's name.
_NOT_A_COMMUNITY = words("not_a_community")
# Present-tense forms of the verbs of violence, as a headline uses them ("X kidnaps", "Y attack"), whatever the
# parse made of them: it often reads a headline's verb as a noun.
_HEADLINE_VERBS = frozenset(form for verb in PERPETRATION_VERBS for form in (verb, verb + "s", verb + "es"))
_HEADLINE_OBJECT_STARTS = frozenset({"DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"})
# places people live in, a headline's object whatever their tag ("X raiders attack homestead", "homestead" an adverb)
_HEADLINE_PLACES = words("place_targets")
# Words after which a headline's second clause opens with its doer ("Seven killed as X attack Y village").
_HEADLINE_CLAUSE_OPENERS = frozenset({"as", "when", "after", "while"})
# Present-tense verbs of fighting whose object is the other side, as a headline uses them ("Police battle X raiders").
_HEADLINE_FIGHT_VERBS = frozenset({"battle", "battles", "fight", "fights"})
# A headline's doer of a fight without an object: "X clashes with Y", "X and Y battle over land", "... battle in Z".
_HEADLINE_CLASH_VERBS = frozenset({"clash", "clashes"})
_HEADLINE_FIGHT_PREPOSITIONS = frozenset({"with", "over", "against", "in", "near", "around"})
_HEADLINE_DOER_VERBS = _HEADLINE_VERBS | _HEADLINE_FIGHT_VERBS | _HEADLINE_CLASH_VERBS
# Words that leave a group the text calls the perpetrator only suspected ("the suspected perpetrators").
SUSPICION_WORDS = words("suspicion_words")
# Words of an armed group's own name ("... Elite Force", "... Liberation Tigers", "... Defence Army"), for names
# known only from their initials after them; and the small words such a name may hold ("People's", "Front of the").
_ARMED_NAME_WORDS = re.compile(
    r"\b(?:army|force|front|tigers|militia|brigade|battalion|liberation|movement|council|organi[sz]ation|"
    r"commando|volunteers|mujahideen|jihad|resistance|defen[cs]e)\b",
    re.IGNORECASE,
)
_INITIALED_LINKS = frozenset({"of", "the", "and", "'s", "’s", "for", "-"})
_SUFFIXES = re.compile(r"[-\s](?:affiliated|linked|inspired|backed|allied|aligned|led|run|held|controlled)$")
_PARENTHESIS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


@dataclass(frozen=True)
class ActorEntry:
    """One row of the alias table."""

    name: str
    aliases: tuple[str, ...]
    exact_aliases: tuple[str, ...]
    kind: str
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2 codes of where the group chiefly acts
    source: str
    notes: str
    part_of: str | None  # the group a wing or member group belongs to ("Awami League" for the Jubo League)


def fold_name(text: str) -> str:
    """Lowercase, accents and apostrophes removed, punctuation to single spaces: the lookup key."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@lru_cache(maxsize=1)
def load_aliases() -> tuple[ActorEntry, ...]:
    """The alias table, parsed and checked."""
    text = resources.files("incidex").joinpath("data").joinpath(ALIAS_FILE).read_text(encoding="utf-8")
    entries: list[ActorEntry] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells[0] == "canonical":
                continue
        if len(cells) != 7 or not cells[0].strip():
            raise ConfigError(f"{ALIAS_FILE} line {number}: expected 7 tab-separated columns with a name; fix the row")
        name, alias_cell, kind, country_cell, source, notes, part_of = (cell.strip() for cell in cells)
        raw = [a.strip() for a in alias_cell.split("|") if a.strip()]
        exact = tuple(a[1:] for a in raw if a.startswith(EXACT_MARK))
        loose = tuple(a for a in [name, *raw] if not a.startswith(EXACT_MARK))
        countries = tuple(c for c in country_cell.split("|") if c)
        if any(len(c) != 2 or not c.isupper() for c in countries):
            raise ConfigError(f"{ALIAS_FILE} line {number}: countries must be ISO 3166-1 alpha-2 codes separated by |")
        entries.append(ActorEntry(name, loose, exact, kind, countries, source, notes, part_of or None))
    if not entries:
        raise ConfigError(f"{ALIAS_FILE} has no rows; reinstall incidex")
    names = {entry.name for entry in entries}
    if unknown := sorted({e.part_of for e in entries if e.part_of and e.part_of not in names}):
        raise ConfigError(f"{ALIAS_FILE}: part_of names no group of the table: {', '.join(unknown)}; fix the rows")
    return tuple(entries)


@lru_cache(maxsize=1)
def actor_countries() -> dict[str, tuple[str, ...]]:
    """Canonical group name -> the countries where the group chiefly acts (ISO 3166-1 alpha-2)."""
    return {entry.name: entry.countries for entry in load_aliases()}


@lru_cache(maxsize=1)
def community_homes() -> dict[str, frozenset[str]]:
    """Lower-case name of a people, every spelling the lexicon gives -> the countries where it lives."""
    homes: dict[str, frozenset[str]] = {}
    for row in phrases("community_homes"):
        columns = row.split("\t")
        codes = columns[1].split("|") if len(columns) == 3 else []
        if not columns[-1].startswith("https://") or not codes or any(len(c) != 2 or not c.isupper() for c in codes):
            raise ConfigError(f"community_homes lexicon: {row!r} needs names, ISO 3166-1 alpha-2 countries separated "
                              "by | and a source")
        homes.update((name.lower(), frozenset(codes)) for name in columns[0].split("|"))
    return homes


def known_people(word: str) -> str | None:
    """``word`` as the name of a people ``community_homes`` lists, made singular ("Pokots": "Pokot"), or None."""
    homes = community_homes()
    lower = word.lower()
    if lower in homes:
        return word
    if lower.endswith("s") and lower[:-1] in homes:
        return word[:-1]
    return None


@lru_cache(maxsize=1)
def rebel_groups() -> frozenset[str]:
    """Canonical names of the groups that fight a state as rebels (leftist, rebel, separatist, jihadist, islamist)."""
    return frozenset(entry.name for entry in load_aliases() if entry.kind in REBEL_KINDS)


@lru_cache(maxsize=1)
def parent_groups() -> dict[str, str]:
    """Canonical name of a wing or member group -> that of the group it belongs to."""
    return {entry.name: entry.part_of for entry in load_aliases() if entry.part_of}


_FUNCTION_WORDS = {"the", "of", "in", "for"}


@lru_cache(maxsize=1)
def country_group_names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Lower-case word -> the (country code, canonical name) pairs it names: in each pair's country, the first of the
    group's countries in the actor alias table, the word names that group (``data/lexicons/country_group_names.tsv``:
    "maoists" names Communist Party of India (Maoist) in India, "insurgents" the Malay Muslim separatists in
    Thailand)."""
    countries = actor_countries()
    names: dict[str, tuple[tuple[str, str], ...]] = {}
    for row in phrases("country_group_names"):
        columns = row.split("\t")
        if len(columns) != 3 or not columns[2]:
            raise ConfigError(f"country_group_names lexicon: {row!r} needs a word, a group and a source")
        if not countries.get(columns[1]):
            raise ConfigError(f"country_group_names lexicon: {columns[1]!r} is not a group of the actor alias table "
                              "with a country; use its canonical name there")
        names[columns[0]] = (*names.get(columns[0], ()), (countries[columns[1]][0], columns[1]))
    return names


def _content_key(key: str) -> str:
    """A folded name without its function words: "islamic state greater sahara" for "... in the Greater Sahara"."""
    return " ".join(word for word in key.split() if word not in _FUNCTION_WORDS)


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(folded alias -> name, exact alias -> name, folded alias without function words -> name)."""
    loose: dict[str, str] = {}
    exact: dict[str, str] = {}
    content: dict[str, str] = {}
    for entry in load_aliases():
        for alias in entry.aliases:
            loose.setdefault(fold_name(alias), entry.name)
            content.setdefault(_content_key(fold_name(alias)), entry.name)
        for alias in entry.exact_aliases:
            exact.setdefault(alias, entry.name)
    return loose, exact, content


_STRIPPABLE = DESCRIPTOR_NOUNS | MEMBER_NOUNS | DESCRIPTOR_ADJECTIVES


def _strip_descriptors(key: str) -> str:
    words = key.split()
    while words and words[-1] in _STRIPPABLE:
        words.pop()
    while words and words[0] in ("the", "so", "called"):
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=8192)
def normalize_actor(text: str) -> str | None:
    """Canonical name of the group ``text`` names, or None when the table does not know it.

    >>> normalize_actor("ISIS-K")
    'Islamic State Khorasan'
    >>> normalize_actor("the Islamic State militant group")
    'Islamic State'
    >>> normalize_actor("Islamic State Greater Sahara")
    'Islamic State Sahel Province'
    """
    loose, exact, content = _lookup()
    text = " ".join(text.split())
    if (match := _PARENTHESIS.match(text)) and fold_name(text) not in loose:  # "SPLM-N (Agar)" is a name whole
        return normalize_actor(match[1]) or normalize_actor(match[2])
    bare = re.sub(r"^(?:the\s+)", "", text, flags=re.IGNORECASE)
    bare = re.sub(r"(?:'s|’s|')$", "", bare)
    bare = _SUFFIXES.sub("", bare)
    if bare in exact:
        return exact[bare]
    key = fold_name(bare)
    if key in loose:
        return loose[key]
    key = _strip_descriptors(key)
    return loose.get(key) or content.get(_content_key(key))


def _variants(alias: str) -> set[str]:
    """Spellings to match for one alias: as written, lowercase, without accents, hyphens as spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c))
    out = {alias, folded}
    out |= {v.replace("-", " ") for v in out if re.search(r"[a-z]-[A-Za-z]", v)}
    out |= {v.replace("’", "'") for v in out} | {v.replace("'", "’") for v in out}
    return out | {v.lower() for v in out}


class ActorFinder:
    """spaCy component writing ``doc._.incidex_actors``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.loose = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in load_aliases():
            texts = sorted({v for alias in entry.aliases for v in _variants(alias)})
            self.loose.add(entry.name, list(nlp.tokenizer.pipe(texts)))
            if entry.exact_aliases:
                self.exact.add(entry.name, list(nlp.tokenizer.pipe(entry.exact_aliases)))

    def __call__(self, doc: Doc) -> Doc:
        doc._.incidex_actors = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[ActorMention]:
        """Actor mentions of ``doc`` in text order."""
        text = doc_text(doc)
        spans = [Span(doc, s, e, label=m) for m, s, e in self.loose(doc)]
        if text != text.lower():
            spans += [Span(doc, s, e, label=m) for m, s, e in self.exact(doc) if _exact_context_ok(doc, s, e)]
        spans = filter_spans(spans)
        communal = [c for c in communal_militias(doc) if not any(c.start < sp.end and sp.start < c.end for sp in spans)]
        spans += communal
        spans += [g for g in initialed_groups(doc) if not any(g.start < sp.end and sp.start < g.end for sp in spans)]
        communal_starts = {c.start for c in communal}
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(ent.start < sp.end and sp.start < ent.end for sp in spans):
                continue
            name = normalize_actor(ent.text) or _unlisted_group_name(ent.text)
            if name:
                spans.append(Span(doc, ent.start, ent.end, label=name))
        spans.sort(key=lambda sp: sp.start)
        mentions: list[ActorMention] = []
        i = 0
        while i < len(spans):
            span = spans[i]
            start, end = _extend(doc, span)
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if nxt is not None and nxt.label_ == span.label_ and _parenthesized(doc, end, nxt):
                end = nxt.end + 1
                i += 1
            first, last = doc[start], doc[end - 1]
            start_char, end_char = first.idx, last.idx + len(last.text)
            kind = COMMUNAL_KIND if span.start in communal_starts else "organization"
            mentions.append(ActorMention(start_char, end_char, text[start_char:end_char], span.label_, kind))
            i += 1
        return mentions


def communal_militias(doc: Doc) -> list[Span]:
    """Spans naming a community's armed men, labelled "<community> Communal Militia"; communities coordinated before
    one noun ("Gabbra and Borana youths") each get a span, the last one taking in the noun."""
    spans: list[Span] = []
    for noun in doc:
        suffix = _group_suffix(noun)
        if suffix is None:
            continue
        first = _sentence_start(noun)
        k = noun.i - 1
        while k >= first and doc[k].lower_ in COMMUNAL_MODIFIERS and noun.i - k <= 2:
            k -= 1
        end = noun.i + 1
        while True:
            name_end = k + 1
            while k >= first and (_community_word(doc[k]) or _name_hyphen(doc, k, first)):
                k -= 1
            if k + 1 == name_end:
                break
            name = " ".join(doc[k + 1:name_end].text.split())
            if noun.text[:1].isupper():  # "Koglweogo Militia": the group's own name
                name = doc[k + 1:noun.i + 1].text if end == noun.i + 1 else name
            else:
                name = militia_name(name, suffix)
            spans.append(Span(doc, k + 1, end, label=name))
            if k > first and doc[k].lower_ == "the":
                k -= 1
            if k < first or doc[k].lower_ not in {"and", ","}:
                break
            end = k
            k -= 1
            if doc[k].lower_ == "the":
                k -= 1
    return spans


def _sentence_start(token: Token) -> int:
    """Where the token's sentence starts; the doc's start when nothing set sentence boundaries (a blank pipeline)."""
    return token.sent.start if token.doc.has_annotation("SENT_START") else 0


def bare_communities(doc: Doc) -> list[Span]:
    """Runs of proper-name words that stand alone as a noun phrase ("Maasai" in "clashes between Maasai and
    Kipsigis"), labelled with their role-based name ("Maasai Communal Militia"). They are no actor mentions: a caller
    keeps those that are a side of a clash or the subject of violence (the roles component)."""
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and (_bare_name_word(doc[j]) or (j > i and _name_hyphen(doc, j, i))
                                or (j == i and doc[j].pos_ == "PROPN" and _community_word(doc[j])
                                    and headline_doer(doc[j:j + 1]))) and (
                j == i or not doc[j].is_sent_start):  # within the sentence of token i
            j += 1
        if j == i:
            i += 1
            continue
        if (doc[j - 1].dep_ not in {"compound", "amod", "nmod", "poss"} or headline_doer(doc[i:j])
                or people_of_an_attack(doc[j - 1])) and (
                name := community_name(doc[i:j])):
            spans.append(Span(doc, i, j, label=name))  # not "Turkana" in "Turkana herders": that noun's people
        i = j
    return spans


def people_of_an_attack(token: Token) -> bool:
    """A people ``community_homes`` knows, named before an attack noun, made it: "a Pokot raid on a village"."""
    return (token.dep_ in {"compound", "amod", "nmod"} and token.head.lemma_.lower() in ATTACK_NOUNS
            and known_people(token.text) is not None)


def headline_doer(span: Span) -> bool:
    """The span opens its sentence or a clause after "as", "when", "after" or "while" (after at most a determiner,
    adjective or hedge: "Suspected X") and, past where its men come from ("X from Uganda"), a present-tense verb of
    violence with its object follows it, as in a headline: "X kidnaps an official", "X attack Y village", "X attack
    and kill civilians", "48 killed as X attacks Y village", and the first of two doers: "X and Y militia attack
    civilians"; or a verb of fighting with the other side or the matter ("X clashes with Y", "X and Y battle over
    land", "X and Y clans battle in Z town")."""
    doc = span.doc
    end = _past_an_origin(doc, _past_a_partner(span))
    if end + 1 >= len(doc) or doc[end].is_sent_start:
        return False
    verb, after = doc[end], doc[end + 1]
    if after.lower_ == "and" and end + 3 < len(doc) and doc[end + 2].lower_ in _HEADLINE_VERBS:
        after = doc[end + 3]  # two verbs share the object: "X attack and kill civilians"
    fights = verb.lower_ in _HEADLINE_DOER_VERBS - _HEADLINE_VERBS and after.lower_ in _HEADLINE_FIGHT_PREPOSITIONS
    object_start = after.pos_ in _HEADLINE_OBJECT_STARTS or after.lower_ in _HEADLINE_PLACES
    if not fights and (verb.lower_ not in _HEADLINE_VERBS or not object_start or after.is_sent_start):
        return False
    start = span.start
    while start > span.sent.start and (doc[start - 1].pos_ in {"DET", "ADJ"}
                                       or doc[start - 1].lower_ in SUSPICION_WORDS):
        start -= 1
    return start == span.sent.start or doc[start - 1].lower_ in _HEADLINE_CLAUSE_OPENERS


def _past_an_origin(doc: Doc, end: int) -> int:
    """Where the words go on past "from" or "of" and the proper name of a place after ``end`` ("X tribesmen from
    Uganda attack ...", "X of Ethiopia attack ..."), or ``end``."""
    if end >= len(doc) or doc[end].lower_ not in {"from", "of"}:
        return end
    k = end + 1
    while k < len(doc) and k - end <= 3 and doc[k].pos_ == "PROPN" and doc[k].ent_type_ in {"GPE", "LOC"}:
        k += 1
    return k if k > end + 1 else end


def _past_a_partner(span: Span) -> int:
    """Where the words after ``span`` go on once a partner joined by "and" is passed ("X and Y ethnic militia
    attack ...", "X and Y clans battle ...", where the parse may take "clans" for a verb), or the span's end."""
    doc = span.doc
    end = span.end
    if end >= len(doc) or doc[end].lower_ != "and":
        return end
    k = end + 1
    while (k < len(doc) and k - end <= 4
           and (doc[k].pos_ in {"PROPN", "NOUN", "ADJ"} or doc[k].lower_ in COMMUNAL_NOUNS)
           and doc[k].lower_ not in _HEADLINE_DOER_VERBS):
        k += 1
    return k if k > end + 1 and k < len(doc) and doc[k].lower_ in _HEADLINE_DOER_VERBS else end


def headline_side(span: Span) -> bool:
    """The span is the object of a headline's verb of fighting, maybe past a participle ("invading"), after a short
    subject that opens the sentence ("Police battle Pokot raiders", "X herders and police battle invading Y
    raiders"), whatever the parse made of that verb."""
    doc = span.doc
    verb = span.start - 1
    if verb > 0 and doc[verb].tag_ in {"VBG", "VBN"} and doc[verb].is_lower:
        verb -= 1
    start = span.sent.start
    return verb > start and doc[verb].lower_ in _HEADLINE_FIGHT_VERBS and _short_subject(doc[start:verb])


def _short_subject(words: Span) -> bool:
    """One or two nouns or names (a people's name whatever its tag), or two such joined by "and" ("Police", "X
    herders and police")."""
    parts: list[list[Token]] = [[]]
    for token in words:
        if token.lower_ == "and":
            parts.append([])
        else:
            parts[-1].append(token)
    return len(parts) <= 2 and all(0 < len(part) <= 2 and all(
        t.pos_ in {"NOUN", "PROPN"} or known_people(t.text) is not None for t in part) for part in parts)


def _bare_name_word(token: Token) -> bool:
    """A community word that is a name on its own: a sentence's first word only when it names a people, by its
    entity type or ``community_homes`` ("Borana kill ..."; "Supporters clashed ..." is no community)."""
    return _community_word(token) and (not token.is_sent_start or token.ent_type_ == "NORP"
                                       or known_people(token.text) is not None)


def community_name(span: Span) -> str | None:
    """ "<community> Communal Militia" for a community named bare ("Rizeigat", "Bul Nuer", "Hawazmah-Baggara"; a
    people of ``community_homes`` in the singular: "Pokots" is "Pokot Communal Militia"; a faith's members:
    "Muslims" is "Muslim Militia"), or
    None when a word of ``span`` is not part of a community's proper name or the words name an organization."""
    if not 0 < len(span) <= 3 or _GROUP_WORDS.search(span.text) or _GOVERNMENT_WORDS.search(span.text):
        return None
    if not all(_community_word(t) or _name_hyphen(span.doc, t.i, span.start) for t in span):
        return None
    name = (known_people(span.text) if len(span) == 1 else None) or " ".join(span.text.split())
    return militia_name(name)


def militia_name(community: str, suffix: str = COMMUNAL_SUFFIX) -> str:
    """ "<community> <suffix>", but "<adjective> Militia" for a faith's members ("Muslims": "Muslim Militia")."""
    faith = FAITH_ADJECTIVES.get(community.lower()) if suffix == COMMUNAL_SUFFIX else None
    return f"{faith} {FAITH_SUFFIX}" if faith else f"{community} {suffix}"


def _name_hyphen(doc: Doc, k: int, start: int) -> bool:
    """Token ``k`` is a hyphen inside a community's name ("Hawazmah-Baggara"): unspaced, between two name words."""
    return (doc[k].text == "-" and k - 1 >= start and k + 1 < len(doc) and not doc[k - 1].whitespace_
            and not doc[k].whitespace_ and _community_word(doc[k - 1]) and _community_word(doc[k + 1]))


def _group_suffix(noun: Token) -> str | None:
    """The role-based name a community's word before ``noun`` takes: "Communal Militia" for its armed men ("Pokot
    raiders", "the Kamba and Luhya ethnic groups"), "Separatists" for a people's separatists ("Baloch
    separatists"); None for other nouns."""
    if noun.lower_ in COMMUNAL_NOUNS:
        return COMMUNAL_SUFFIX
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if noun.lower_ in ETHNIC_GROUP_NOUNS and before is not None and (
            before.lower_ in _PEOPLE_GROUP_WORDS or known_people(before.text) is not None or _joined_names(before)):
        return COMMUNAL_SUFFIX  # "the Kamba and Luhya ethnic groups", "Meru and Embu families", "X communal groups"
    if noun.lower_ in SEPARATIST_NOUNS:
        return SEPARATIST_SUFFIX
    return None


def _joined_names(token: Token) -> bool:
    """The token ends two community names joined by "and" ("Nkonya and Alavanyo" before "groups")."""
    doc = token.doc
    return (token.i >= 2 and doc[token.i - 1].lower_ == "and" and _community_word(token)
            and _community_word(doc[token.i - 2]))


def _community_word(token: Token) -> bool:
    """A word of a community's proper name: capitalized, a name, noun or (not first in its sentence) adjective, or a
    name the tagger took for an auxiliary ("Pokot raiders attack" in a headline), not a date, a generic word or an
    acronym ("RENAMO gunmen" are an organization's, not a community's), nor a single letter ("NDC-C militias")."""
    tags = {"PROPN", "NOUN"} if token.is_sent_start else {"PROPN", "NOUN", "ADJ"}
    return (
        token.is_alpha
        and len(token) > 1
        and token.text[:1].isupper()
        and not (token.is_upper and len(token) > 1 and not _all_capitals(token.doc))
        and (token.pos_ in tags or token.ent_type_ in {"NORP", "GPE", "ORG", "LOC", "PERSON"}
             or (token.pos_ == "AUX" and not token.is_stop) or known_people(token.text) is not None)
        and token.ent_type_ not in {"DATE", "TIME"}
        and token.lower_ not in _NOT_A_COMMUNITY
    )


def _all_capitals(doc: Doc) -> bool:
    """Whether the whole text is in capitals (wire copy), worked out once per Doc."""
    key = ("incidex", "all_capitals")
    if key not in doc.user_data:
        doc.user_data[key] = doc_text(doc).isupper()
    return doc.user_data[key]


def _exact_context_ok(doc: Doc, start: int, end: int) -> bool:
    """An exact-case alias counts unless it sits in an all-caps run ("THE ATTACK IS OVER")."""
    neighbours = [doc[k] for k in (start - 1, end) if 0 <= k < len(doc) and doc[k].is_alpha and len(doc[k]) > 1]
    return not neighbours or any(not t.is_upper for t in neighbours)


def _unlisted_group_name(text: str) -> str | None:
    """The cleaned text of an ORG entity that names an armed group not in the table."""
    if _GROUP_WORDS.search(text) is None or _GOVERNMENT_WORDS.search(text) is not None:
        return None
    words = re.sub(r"^the\s+", "", " ".join(text.split()), flags=re.IGNORECASE).split()
    while words and words[0].lower() in SUSPICION_WORDS:  # "Suspected X Liberation Tigers" names X's
        words.pop(0)
    name = " ".join(words)
    if len(words) < 2 or any(char.isdigit() for char in name):
        return None  # "Brigade", "18th Brigade": army units and fragments, not group names
    return name


def initialed_groups(doc: Doc) -> list[Span]:
    """Names the table lacks written out before their initials in parentheses, "Achik Liberation Tigers (ALT)" or
    "Naga People's Front (NPF)": the capitalized words whose first letters spell the initials, labelled with the
    name; not a government body's ("Border Security Force (BSF)") nor a name without a word of an armed group."""
    spans: list[Span] = []
    for close in doc:
        if close.text != ")" or close.i < 3 or doc[close.i - 2].text != "(":
            continue
        initials = doc[close.i - 1].text
        if not (initials.isalpha() and initials.isupper() and 2 <= len(initials) <= 6):
            continue
        start = _initialed_start(doc, close.i - 2, initials)
        if start is None:
            continue
        name = doc[start:close.i - 2].text
        if _GOVERNMENT_WORDS.search(name) is None and _ARMED_NAME_WORDS.search(name) is not None:
            spans.append(Span(doc, start, close.i + 1, label=name))
    return spans


def _initialed_start(doc: Doc, paren: int, initials: str) -> int | None:
    """Where the capitalized words before token ``paren`` start whose first letters spell ``initials``, passing
    "of", "the", "and" and a possessive between them, or None."""
    k, letters = paren - 1, ""
    while k >= 0 and len(letters) < len(initials):
        token = doc[k]
        if token.text[:1].isupper() and token.is_alpha:
            letters = token.text[0] + letters
        elif token.lower_ not in _INITIALED_LINKS or k == paren - 1:
            return None
        k -= 1
    return k + 1 if letters == initials and doc[k + 1].text[:1].isupper() else None


def _extend(doc: Doc, span: Span) -> tuple[int, int]:
    """Token bounds widened over "the" before and "militant group" after."""
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    k = end
    while k < len(doc) and doc[k].lower_ in DESCRIPTOR_ADJECTIVES:
        k += 1
    if k < len(doc) and doc[k].lower_ in DESCRIPTOR_NOUNS:
        end = k + 1
    return start, end


def _parenthesized(doc: Doc, end: int, nxt: Span) -> bool:
    """``nxt`` is "(alias)" right after token ``end``."""
    return nxt.start == end + 1 and doc[end].text == "(" and nxt.end < len(doc) and doc[nxt.end].text == ")"


__all__ = [
    "ActorEntry", "ActorFinder", "actor_countries", "bare_communities", "communal_militias", "community_homes",
    "community_name",
    "country_group_names", "fold_name", "headline_doer", "headline_side", "load_aliases", "parent_groups",
    "normalize_actor",
]
