"""Attribution: who the report says each fact comes from.

Finds cited sources and the claims (character spans) the report attributes to them, from rules on the dependency
parse backed by a lexicon of source cues (``data/source_lexicon.tsv``):

- "according to X, CLAIM" / "CLAIM, according to X" (also "according to information made public by X");
- "X said/told/reported/confirmed/... (that) CLAIM", "CLAIM, X said", "X ..., saying, “QUOTE”";
- media: "footage published by X showed CLAIM", "X published a video showing CLAIM",
  "CLAIM could be heard in footage shared on X";
- group claims: "X claimed responsibility for CLAIM" (hedged);
- quoted speech “...” is split into sentence claims and given to the nearest reporting verb.

Kinds come from the lexicon (longest cue; named outlets first), then from the actors component (an armed group
speaking for itself is a ``group_claim``, named as in the alias table), then from NER (a person → witness, a
capital → official). "he said", "the statement said" and "the group said" find their source in the sentences
before. Mentions of one source in a document are merged: same normalized name, or a shorter name ending a longer
one ("State media" joins "Russian state-run media"). Writes ``doc._.incidex_sources: list[SourceMention]``,
ordered by first mention; claims are exact character spans (``text == doc.text[start:end]``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

import numpy
from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import ConfigError
from ..types import Claim, SourceKind
from .annotations import ActorMention, SourceMention, doc_text
from .lexicons import SAY_VERBS, words

OBJECT_CLAIM_VERBS = words("object_claim_verbs")
CLAIMLESS_VERBS = frozenset({"say", "tell", "report", "confirm", "announce", "state"})  # cite a source by themselves
GENERIC_OBJECTS = words("generic_objects")
MEDIA_NOUNS = words("media_nouns")
PUBLISH_VERBS = words("publish_verbs")
SHOW_VERBS = words("show_verbs")
CONTENT_NOUNS = words("content_nouns")
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept"})  # "... responsibility for"
TRIGGER_LEMMAS = SAY_VERBS | RESPONSIBILITY_VERBS | MEDIA_NOUNS | {"accord"}
GENERIC_GROUP_WORDS = words("generic_group_words")
GROUP_ANAPHORS = words("group_anaphors")
ANAPHORIC_PRONOUNS = frozenset({"he", "she", "it", "they"})
CITING_WORDS = frozenset({"citing", "quoting"})
CONTINUING_PRONOUNS = frozenset({"he", "she", "it", "they", "this", "these", "we"})
MIN_QUOTE_TOKENS = 4  # shorter quotes are names or scare quotes, not speech
ENTITY_KINDS: dict[str, SourceKind] = {"PERSON": "witness", "GPE": "official"}  # unlisted people; "Moscow said"
RELATIVE_PRONOUNS = frozenset({"that", "who", "which", "whom"})
STATE_PARTICIPLES = words("state_participles")
TITLE_WORDS = words("title_words")
DROPPED_TAIL_LEMMAS = frozenset({"report", "outlet"})
PLATFORMS = {"telegram": "Telegram", "twitter": "Twitter", "facebook": "Facebook", "youtube": "YouTube",
             "instagram": "Instagram", "tiktok": "TikTok", "vkontakte": "VKontakte", "whatsapp": "WhatsApp"}
PLATFORM_CONTAINERS = frozenset({"channel", "account", "page", "group", "feed"})
HEDGE_WORDS = words("hedge_words")
HEDGE_PAIRS = frozenset({("accused", "of"), ("believed", "to"), ("thought", "to"), ("may", "have"),
                         ("might", "have"), ("said", "to"), ("suspected", "of")})
HEDGING_VERBS = frozenset({"claim", "allege", "accuse"})
KEPT_PREPS = frozenset({"of", "for"})
CUT_DEPS = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis", "prep"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})  # cut wherever they hang in a phrase
LEADING_WORDS = frozenset({"that", "and", "but"})  # dropped from the start of a claim ("said that ...")
ANAPHOR_WINDOW = 3  # sentences back in which a pronoun or "the group" may find its antecedent
QUOTE_RE = re.compile(r"“([^”]{1,3000})”|\"([^\"\n]{1,3000})\"")
DATELINE_RE = re.compile(r"[A-Z][A-Z .,'-]+ [—–-]+ ")  # "BAGHDAD — " opening a report
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
TRAILING_PUNCT = ".,;: \n\t\"'”’“"
SOURCE_KINDS: tuple[str, ...] = SourceKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class SourceCue:
    kind: SourceKind
    name: str | None


@dataclass(frozen=True)
class SourceLexicon:
    """Cue word sequences (lowercase) mapped to a source kind and, for named outlets, a canonical name."""

    cues: dict[tuple[str, ...], SourceCue]
    vocabulary: frozenset[str]
    common: frozenset[str]  # words of generic cues ("state", "police"): lowercased at the start of a sentence
    group_starts: frozenset[str]  # first words of named groups ("islamic", "hamas"), to find them in running text
    longest: int

    @classmethod
    def load(cls, path: Path | None = None) -> SourceLexicon:
        """Read a cue table (default: the shipped ``source_lexicon.tsv``)."""
        if path is None:
            text = resources.files("incidex.data").joinpath("source_lexicon.tsv").read_text(encoding="utf-8")
            where = "incidex/data/source_lexicon.tsv"
        else:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"cannot read source lexicon {path}: {exc.strerror}; "
                                  "pass an existing TSV file") from exc
            where = str(path)
        return cls.parse(text, where=where)

    @classmethod
    def parse(cls, text: str, *, where: str = "<lexicon>") -> SourceLexicon:
        cues: dict[tuple[str, ...], SourceCue] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) not in (2, 3) or parts[1] not in SOURCE_KINDS:
                raise ConfigError(f"{where} line {number}: expected 'cue<TAB>kind[<TAB>name]' with kind one of "
                                  f"{', '.join(SOURCE_KINDS)}; fix or remove the line")
            words = tuple(parts[0].lower().split())
            if words and words not in cues:
                name = parts[2].strip() if len(parts) == 3 else ""
                cues[words] = SourceCue(parts[1], name or None)  # type: ignore[arg-type]
        vocabulary = frozenset(word for words in cues for word in words)
        common = frozenset(word for words, cue in cues.items() if cue.name is None and cue.kind != "group_claim"
                           for word in words)
        group_starts = frozenset(words[0] for words, cue in cues.items()
                                 if cue.kind == "group_claim" and not set(words) <= GENERIC_GROUP_WORDS)
        return cls(cues, vocabulary, common, group_starts, max((len(words) for words in cues), default=0))

    def classify(self, words: list[str]) -> SourceCue | None:
        """The cue found in ``words``: named outlets first, then the longest, then the rightmost (the head's)."""
        best: tuple[bool, int, int] | None = None
        found: SourceCue | None = None
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                key = tuple(words[start:start + size])
                cue = self.cues.get(key)
                if cue is not None and (best is None or (cue.name is None, -size, -start) < best):
                    best, found = (cue.name is None, -size, -start), cue
        return found


@lru_cache(maxsize=4)
def _shipped_lexicon() -> SourceLexicon:
    return SourceLexicon.load()


@dataclass
class _Source:
    """A source phrase as found in one place: tokens of the phrase, its name and kind."""

    start: int
    end: int
    text: str
    name: str
    kind: SourceKind
    key: tuple[str, ...]
    sentence: int


@dataclass
class _Attribution:
    source: _Source
    verb: str | None
    claims: list[Claim] = field(default_factory=list)


class AttributionFinder:
    """spaCy component: finds cited sources and their claims; writes ``doc._.incidex_sources``."""

    def __init__(self, nlp: Language, name: str = "incidex.attribution.v1", *, lexicon: str | None = None) -> None:
        self.name = name
        self.lexicon = SourceLexicon.load(Path(lexicon)) if lexicon else _shipped_lexicon()
        self.triggers = numpy.array(sorted(nlp.vocab.strings.add(word) for word in TRIGGER_LEMMAS), dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.incidex_sources = []
            return doc
        candidates = numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), self.triggers))  # skip the per-token loop
        doc._.incidex_sources = _DocReader(doc, self.lexicon).read([doc[int(i)] for i in candidates])
        return doc


class _DocReader:
    """Attribution rules applied to one Doc."""

    def __init__(self, doc: Doc, lexicon: SourceLexicon) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.found: list[_Attribution] = []
        self.by_verb: dict[int, _Attribution] = {}
        self.quotes = [(m.start(1) if m.group(1) is not None else m.start(2),
                        m.end(1) if m.group(1) is not None else m.end(2)) for m in QUOTE_RE.finditer(self.text)]
        self.used_quotes: set[int] = set()
        self.sent_starts = [sent.start for sent in doc.sents]

    def read(self, candidates: list[Token]) -> list[SourceMention]:
        """Apply the rules at each candidate token (one whose lemma may open an attribution)."""
        for token in candidates:
            lemma = token.lemma_.lower()
            if lemma == "accord" and token.lower_ == "according":
                self._according(token)
            elif (lemma in SAY_VERBS or lemma in RESPONSIBILITY_VERBS) and token.pos_ in ("VERB", "AUX"):
                self._reporting_verb(token)
            elif lemma in MEDIA_NOUNS and token.pos_ in ("NOUN", "PROPN") and (
                    token.dep_ != "compound" or (token.i + 1 < len(self.doc) and token.nbor(1).lemma_ in SHOW_VERBS)):
                self._media(token)
        self._attach_quotes()
        return _merge(self.found)

    # -- rules ------------------------------------------------------------------------------------------------

    def _according(self, token: Token) -> None:
        """ "according to X, CLAIM" and "CLAIM, according to X"."""
        obj = next((g.i for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
        if obj is None:
            return
        clause = _clause_head(token.head)
        cut = [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "according"]
        claim = self._claim(clause, exclude=cut) if clause.i != token.i else None
        for source in self._sources(self.doc[obj]):
            self._add(source, "according to", [claim] if claim else [], verb_token=None)

    def _reporting_verb(self, verb: Token) -> None:
        """ "X said (that) CLAIM", "CLAIM, X said", "X confirmed ..., saying, “QUOTE”", "X claimed responsibility
        for CLAIM"."""
        subject = _subject(verb)
        if subject is None:
            return
        lemma = verb.lemma_.lower()
        responsibility = lemma in RESPONSIBILITY_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in verb.children)
        if lemma not in SAY_VERBS and not responsibility:
            return
        if responsibility:
            said = [c for c in verb.rights if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in SAY_VERBS]
            claim = self._claim_range(verb.i, said[0].left_edge.i - 1 if said else verb.right_edge.i, hedged=True)
            claims = [claim] if claim else []
        else:
            claims = self._verb_claims(verb, subject, hedged=lemma in HEDGING_VERBS)
        sources = self._sources(subject, group_claim=responsibility)
        if lemma == "tell":  # "X told the Interfax news agency that ...": the outlet carried the claim too
            sources += [source for child in verb.children if child.dep_ in ("dobj", "dative")
                        and any(t.pos_ == "PROPN" for t in child.subtree)  # not "told reporters"
                        for source in self._sources(child) if source.kind in ("news_media", "state_media")]
        for source in sources:
            if claims or (source.kind != "other" and lemma in CLAIMLESS_VERBS):
                self._add(source, verb.lower_, claims, verb_token=verb.i)

    def _verb_claims(self, verb: Token, subject: Token, *, hedged: bool) -> list[Claim]:
        """What a reporting verb reports: its clause, the clause it follows ("CLAIM, X said") or its object."""
        lemma = verb.lemma_.lower()
        claims: list[Claim] = []
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp"):
                citing = [c for c in child.children if c.lower_ in CITING_WORDS]
                edge = self._claim(child, exclude=[*citing, subject])
                claims += self._claims_or_quote(edge, hedged=hedged) if edge is not None else []
        head = verb.head
        if verb.dep_ in ("parataxis", "ccomp") and head.i < verb.i and head.pos_ in ("VERB", "AUX") \
                and _has_comma_between(head, verb):
            claim = self._claim(head, exclude=[verb], hedged=hedged)
            claims += [claim] if claim else []
        if not claims and lemma in OBJECT_CLAIM_VERBS:
            for child in verb.children:
                if child.dep_ == "dobj" and child.lemma_.lower() not in GENERIC_OBJECTS and child.pos_ != "PRON":
                    end = verb.right_edge.i if lemma == "accuse" else child.right_edge.i  # accused X of Y
                    edge = self._claim_range(child.left_edge.i, end)
                    claims += self._claims_or_quote(edge, hedged=hedged) if edge is not None else []
        return claims or self._statement_claims(verb, hedged=hedged)

    def _statement_claims(self, verb: Token, *, hedged: bool) -> list[Claim]:
        """ "said in a statement that CLAIM" when the parse hangs the clause on "statement"."""
        for prep in verb.children:
            for obj in prep.children if prep.dep_ == "prep" else ():
                for clause in obj.children if obj.dep_ == "pobj" else ():
                    if clause.dep_ in ("acl", "relcl", "ccomp") and any(c.dep_ == "mark" for c in clause.children):
                        claim = self._claim(clause, exclude=[])
                        if claim is not None:
                            return self._claims_or_quote(claim, hedged=hedged)
        return []

    def _media(self, noun: Token) -> None:
        """Videos and footage: who published or shared them, and what they show."""
        publisher: Token | None = None
        verb_text: str | None = None
        shared = [c for c in noun.children if c.dep_ == "acl"]
        if noun.dep_ == "nsubj" and noun.head.tag_ == "VBD" and noun.head.lemma_.lower() not in SHOW_VERBS:
            shared.append(noun.head)  # "Video shared on X showed ...": parsed as a main verb
        for verb in shared:
            if verb.lemma_.lower() in PUBLISH_VERBS:
                for prep in verb.children:
                    if prep.dep_ in ("agent", "prep") and prep.lower_ in ("by", "on", "via", "to"):
                        found = next((g for g in prep.children if g.dep_ == "pobj"), None)
                        publisher, verb_text = (found, verb.lower_) if found is not None else (publisher, verb_text)
        branch = noun
        for verb in list(noun.ancestors)[:3]:
            if publisher is None and verb.lemma_.lower() in PUBLISH_VERBS and verb.pos_ == "VERB" and verb.i < noun.i:
                publisher, verb_text = _subject(verb), verb.lower_
                break
            branch = verb
        if publisher is None:
            return
        claim = self._media_claim(noun)
        follower = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
        if claim is None and follower is not None and follower.lemma_.lower() in SHOW_VERBS:
            claim = self._claim_range(follower.i + 1, branch.right_edge.i)  # "a video showing ..." parsed loosely
        for source in self._sources(publisher):
            if claim is not None or source.kind != "other":
                self._add(source, verb_text, [claim] if claim else [], verb_token=None)

    def _media_claim(self, noun: Token) -> Claim | None:
        shower = noun.head
        if noun.dep_ == "nsubj" and shower.lemma_.lower() in PUBLISH_VERBS:
            shower = next((c for c in shower.children if c.dep_ == "conj" and c.lemma_.lower() in SHOW_VERBS), shower)
        if noun.dep_ in ("nsubj", "nsubjpass") and shower.lemma_.lower() in SHOW_VERBS:
            inner = next((c for c in shower.children if c.dep_ == "xcomp" and c.lemma_.lower() in SHOW_VERBS), None)
            return self._content_after(inner or shower)
        for child in noun.children:
            if child.dep_ == "acl" and child.lemma_.lower() in SHOW_VERBS:
                return self._content_after(child)
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
            return self._claim(noun.head.head, exclude=[noun.head])
        return None

    def _content_after(self, verb: Token) -> Claim | None:
        rights = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj")]
        if not rights:
            return None
        return self._claim_range(rights[0].left_edge.i, rights[-1].right_edge.i)

    # -- sources ----------------------------------------------------------------------------------------------

    def _sources(self, head: Token, *, group_claim: bool = False) -> list[_Source]:
        """The source(s) a phrase headed by ``head`` names; conjuncts give one source each."""
        heads = [head, *head.conjuncts] if head.dep_ != "conj" else [head]
        out = []
        for item in heads:
            source = self._source(self._content_target(item), group_claim=group_claim)
            if source is not None:
                out.append(source)
        return out

    def _content_target(self, head: Token) -> Token:
        """Follow "information made public by X" or "a statement from X" to X."""
        if head.lemma_.lower() not in CONTENT_NOUNS or _is_source_phrase(head, self.lexicon):
            return head
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
            if child.dep_ == "acl":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        obj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                        if obj is not None:
                            return obj
        return head

    def _source(self, head: Token, *, group_claim: bool) -> _Source | None:
        sentence = self._sentence_index(head.i)
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head
        if head.pos_ == "PRON" and head.lower_ in ANAPHORIC_PRONOUNS:
            return self._antecedent_source(head.i, sentence)
        if head.pos_ not in ("NOUN", "PROPN", "NUM", "X"):
            return None
        tokens = _phrase_tokens(head)
        if head.lemma_.lower() in GROUP_ANAPHORS and not any(t.pos_ == "PROPN" for t in tokens) \
                and any(c.lower_ == "the" for c in head.children):
            return self._named_group(head, sentence)
        if head.lemma_.lower() in CONTENT_NOUNS and not _is_source_phrase(head, self.lexicon):
            return self._antecedent_source(head.i, sentence)
        cue = self._cue(head, tokens)
        actor = self._actor(head)
        definite = any(c.lower_ == "the" for c in head.children)  # "the extraditables", not "various factions"
        named = definite or actor is not None or any(t.pos_ == "PROPN" for t in tokens)
        if group_claim and cue is None and not named:
            return None  # no one to name
        kind: SourceKind
        if group_claim or (cue is None and actor is not None):
            kind = "group_claim"
        elif cue is not None:
            kind = cue.kind
        else:
            kind = ENTITY_KINDS.get(head.ent_type_, "other")
        person = _proper_apposition(head)
        if person is not None and kind == "other":
            kind = ENTITY_KINDS.get(person[-1].ent_type_, "other")
        if cue is not None and cue.name:
            name = cue.name
        elif kind == "group_claim" and actor is not None:
            name = actor.name  # the alias table's name: "ISIS" and "Islamic State" are one source
        else:
            name = _display_name(person or _after_group_word(tokens), common=self.lexicon.common)
        if not name or not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return _Source(start, end, self.text[start:end], name, kind, _key(name), sentence)

    def _cue(self, head: Token, tokens: list[Token]) -> SourceCue | None:
        """The lexicon cue of the phrase; a named outlet in an apposition wins ("the newspaper Kommersant")."""
        cue = self.lexicon.classify(_lexicon_words(tokens, self.lexicon.vocabulary))
        if cue is not None and cue.name:
            return cue
        for child in head.children:
            if child.dep_ == "appos":
                inner = self.lexicon.classify(_lexicon_words(list(child.subtree), self.lexicon.vocabulary))
                if inner is not None and (cue is None or inner.name):
                    return inner
        return cue

    def _actor(self, head: Token) -> ActorMention | None:
        """The actor mention (from the actors component, when it ran) that covers ``head``."""
        return next((a for a in self.doc._.incidex_actors or [] if a.start <= head.idx < a.end), None)

    def _antecedent_source(self, token_i: int, sentence: int) -> _Source | None:
        """The most recent source within a few sentences before ``token_i`` (for "he said", "the statement said")."""
        for attribution in reversed(self.found):
            source = attribution.source
            if source.start < self.doc[token_i].idx and sentence - source.sentence <= ANAPHOR_WINDOW:
                return source
        return None

    def _named_group(self, head: Token, sentence: int) -> _Source | None:
        """ "the group" → the nearest organization named before it: actor mentions, ORG entities, group cues."""
        first = self.doc[self.sent_starts[max(0, sentence - ANAPHOR_WINDOW)]].idx
        for attribution in reversed(self.found):
            if attribution.source.kind == "group_claim" and first <= attribution.source.start < head.idx:
                return attribution.source
        candidates = [(a.start, a.end, a.text, a.name) for a in (self.doc._.incidex_actors or [])]
        for ent in self.doc.ents:
            tokens = _strip_det(list(ent)) if ent.label_ == "ORG" else []
            if tokens:
                span = self.doc[tokens[0].i:tokens[-1].i + 1]
                name = _display_name(tokens, common=self.lexicon.common)
                candidates.append((span.start_char, span.end_char, span.text, name))
        candidates += self._group_cues(self.sent_starts[max(0, sentence - ANAPHOR_WINDOW)], head.i)
        before = [c for c in candidates if first <= c[0] and c[1] <= head.idx and c[3]]
        if not before:
            return None
        start, end, text, name = max(before, key=lambda c: c[1])
        return _Source(start, end, text, name, "group_claim", _key(name), sentence)

    def _group_cues(self, low: int, high: int) -> list[tuple[int, int, str, str]]:
        """Named groups from the lexicon between tokens ``low`` and ``high`` (for lowercase text without NER)."""
        out = []
        lowers = [t.lower_ for t in self.doc[low:high]]
        for i, word in enumerate(lowers):
            if word not in self.lexicon.group_starts:
                continue
            for size in range(min(self.lexicon.longest, len(lowers) - i), 0, -1):
                key = tuple(lowers[i:i + size])
                cue = self.lexicon.cues.get(key)
                if cue is not None and cue.kind == "group_claim":
                    span = self.doc[low + i:low + i + size]
                    out.append((span.start_char, span.end_char, span.text, cue.name or span.text))
                    break
        return out

    def _sentence_index(self, token_i: int) -> int:
        return bisect_right(self.sent_starts, token_i) - 1

    # -- claims -----------------------------------------------------------------------------------------------

    def _claim(self, clause: Token, *, exclude: list[Token], hedged: bool = False) -> Claim | None:
        """The clause's span without the excluded subtrees at its edges."""
        cut = {t.i for tok in exclude for t in tok.subtree}
        kept = [t.i for t in clause.subtree if t.i not in cut]
        if not kept:
            return None
        start, end = kept[0], kept[-1]
        while start < end and (start in cut or self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        while end > start and (end in cut or self.doc[end].is_punct or self.doc[end].is_space):
            end -= 1
        return self._claim_range(start, end, hedged=hedged)

    def _claims_or_quote(self, claim: Claim, *, hedged: bool) -> list[Claim]:
        """The claim, or the sentences of the quoted speech it falls in."""
        for number, (q_start, q_end) in enumerate(self.quotes):
            if q_start - 1 <= claim.start and claim.end <= q_end + 1:
                self.used_quotes.add(number)
                return self._quote_claims(q_start, q_end, hedged=hedged)
        return [replace(claim, hedged=claim.hedged or hedged)]

    def _claim_range(self, start: int, end: int, *, hedged: bool = False) -> Claim | None:
        doc = self.doc
        while start < end and ((doc[start].lower_ in LEADING_WORDS and doc[start].dep_ != "det")
                               or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        if end - start < 1:
            return None
        return self._make_claim(doc[start].idx, doc[end].idx + len(doc[end]), hedged=hedged)

    def _make_claim(self, begin: int, finish: int, *, hedged: bool) -> Claim | None:
        text = self.text
        while begin < finish and text[begin] in TRAILING_PUNCT:
            begin += 1
        while finish > begin and text[finish - 1] in TRAILING_PUNCT:
            finish -= 1
        if text.count('"', begin, finish) % 2 and finish < len(text) and text[finish] == '"':
            finish += 1  # keep the closing mark of a quotation inside the claim
        dateline = DATELINE_RE.match(text, begin, finish)
        begin = dateline.end() if dateline else begin
        if finish <= begin:
            return None
        span = self.doc.char_span(begin, finish, alignment_mode="expand")
        cue = hedged or (span is not None and _has_hedge(span))
        return Claim(text=text[begin:finish], start=begin, end=finish, hedged=cue)

    def _quote_claims(self, q_start: int, q_end: int, *, hedged: bool) -> list[Claim]:
        """Sentences of a quote; one that opens with a pronoun stays with the sentence before it."""
        span = self.doc.char_span(q_start, q_end, alignment_mode="expand")
        pieces: list[list[int]] = []
        for sent in span.sents if span is not None and len(span) else []:
            begin, finish = max(q_start, sent.start_char), min(q_end, sent.end_char)
            first = next((t for t in sent if t.idx >= begin and not (t.is_punct or t.is_space)), None)
            if pieces and first is not None and first.lower_ in CONTINUING_PRONOUNS:
                pieces[-1][1] = finish
            else:
                pieces.append([begin, finish])
        claims = [self._make_claim(begin, finish, hedged=hedged) for begin, finish in pieces]
        return [claim for claim in claims if claim is not None]

    def _attach_quotes(self) -> None:
        """Give each quote not yet used to the nearest attributed reporting verb in the sentences it touches."""
        for number, (q_start, q_end) in enumerate(self.quotes):
            span = self.doc.char_span(q_start, q_end, alignment_mode="expand")
            if number in self.used_quotes or span is None or len(span) < MIN_QUOTE_TOKENS:
                continue
            first, last = self._sentence_index(span.start), self._sentence_index(span.end - 1)
            low = self.sent_starts[first]
            high = self.sent_starts[last + 1] if last + 1 < len(self.sent_starts) else len(self.doc)
            verbs = [i for i in self.by_verb if low <= i < high and not q_start <= self.doc[i].idx < q_end]
            if not verbs:
                continue
            nearest = min(verbs, key=lambda i: min(abs(self.doc[i].idx - q_start), abs(self.doc[i].idx - q_end)))
            self.by_verb[nearest].claims += self._quote_claims(q_start, q_end, hedged=False)
            self.used_quotes.add(number)

    def _add(self, source: _Source, verb: str | None, claims: list[Claim], *, verb_token: int | None) -> None:
        attribution = _Attribution(source, verb, list(claims))
        self.found.append(attribution)
        if verb_token is not None:
            self.by_verb[verb_token] = attribution


# -- tree helpers ---------------------------------------------------------------------------------------------


def _clause_head(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _has_comma_between(left: Token, right: Token) -> bool:
    return any(t.text == "," for t in left.doc[left.i:right.i])


def _subject(verb: Token) -> Token | None:
    """The verb's subject (the nearest, if the parse gives two) or passive agent; "saying" and conjoined verbs
    inherit it from the verb they hang on."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and current.i != verb.i)]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - current.i))
        for child in current.children:
            if child.dep_ == "agent":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        if current.i == verb.i and verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return verb.doc[verb.i - 1]  # "CLAIM, Iraq's Security Media Cell said": the parse lost the subject
        if current.dep_ not in ("advcl", "conj", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """The source phrase: the head with its modifiers, "of"/"for"/"on" phrases and a name in apposition
    ("the group al-Shabaab", "Federal Security Service (FSB)")."""
    doc = head.doc
    cut: set[int] = set()
    for child in head.subtree:
        if child.i == head.i or child.i in cut:
            continue
        before = doc[max(child.left_edge.i - 1, 0)].text
        glued = child.left_edge.i > 0 and not doc[child.left_edge.i - 1].whitespace_  # "Jaish-e-Mohammed"
        named = child.dep_ == "appos" and ("(" in (child.left_edge.text, before) or glued
                                           or before not in (",", "—", "-"))
        joined = child.text in ("-", "–") and not child.whitespace_ and not doc[max(child.i - 1, 0)].whitespace_
        dated = any(g.ent_type_ == "DATE" for g in child.subtree)  # "police on Monday said"
        kept_prep = child.dep_ == "prep" and (child.lower_ in KEPT_PREPS or (child.lower_ == "on" and not dated))
        keep = named or joined or kept_prep or child.text in ("(", ")") or child.text in QUOTE_MARKS
        if ((child.dep_ in CUT_DEPS and child.head.i == head.i) or child.dep_ in CLAUSE_DEPS) and not keep:
            cut.update(t.i for t in child.subtree)
    run = [head]
    while run[0].i > head.left_edge.i and run[0].i - 1 not in cut:
        run.insert(0, doc[run[0].i - 1])
    while run[-1].i < head.right_edge.i and run[-1].i + 1 not in cut:
        run.append(doc[run[-1].i + 1])
    if sum(t.text == "(" for t in run) != sum(t.text == ")" for t in run):
        run = [t for t in run if t.text not in ("(", ")")]
    return _strip_det(run)


def _proper_apposition(head: Token) -> list[Token] | None:
    """ "a local vigilante leader, Musa Bukar," → the tokens of "Musa Bukar"."""
    if head.pos_ == "PROPN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            start = min([child.i, *(t.left_edge.i for t in child.lefts if t.dep_ == "compound")])
            return list(head.doc[start:child.i + 1])
    return None


def _after_group_word(tokens: list[Token]) -> list[Token]:
    """ "the Somali militant group al-Shabaab" → "al-Shabaab"."""
    for number, tok in enumerate(tokens[:-1]):
        if tok.lemma_.lower() in GROUP_ANAPHORS and tokens[number + 1].pos_ == "PROPN":
            return tokens[number + 1:]
    return tokens


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].dep_ == "det" or tokens[0].tag_ == "PRP$" or tokens[0].is_punct
                      or tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    while tokens and ((tokens[-1].is_punct and tokens[-1].text != ")") or tokens[-1].tag_ == "POS"
                      or tokens[-1].pos_ == "ADV"):  # "the armed forces hereby"
        tokens = tokens[:-1]
    return tokens


def _kept_tokens(tokens: list[Token]) -> list[Token]:
    """Drop "-run"/"-owned" after "state" (state-run media → state media) and a trailing "reports"."""
    kept: list[Token] = []
    for tok in tokens:
        if tok.lower_ in STATE_PARTICIPLES and len(kept) >= 2 and kept[-1].text == "-" \
                and kept[-2].lower_ in ("state", "government"):
            kept.pop()
            continue
        kept.append(tok)
    if len(kept) > 1 and kept[-1].lemma_.lower() in DROPPED_TAIL_LEMMAS:
        kept.pop()
    return kept


def _lexicon_words(tokens: list[Token], vocabulary: frozenset[str]) -> list[str]:
    words = []
    for tok in _kept_tokens(tokens):
        lower = tok.lower_
        words.append(lower if lower in vocabulary else tok.lemma_.lower())
    return words


def _join(tokens: list[Token], words: list[str] | None = None) -> str:
    """Token texts (or replacement ``words``) with the original spacing; a space where tokens were dropped."""
    texts = words if words is not None else [tok.text for tok in tokens]
    parts: list[str] = []
    for number, tok in enumerate(tokens):
        parts.append(texts[number])
        if number + 1 < len(tokens):
            parts.append(tok.whitespace_ if tokens[number + 1].i == tok.i + 1 else " ")
    return "".join(parts).strip()


def _display_name(tokens: list[Token], *, common: frozenset[str]) -> str:
    """A readable, normalized source name ("the 112 Telegram channel" → "112 (Telegram channel)")."""
    kept = _kept_tokens(tokens)
    if not kept:
        return ""
    platform = next((n for n, t in enumerate(kept) if t.lower_ in PLATFORMS), None)
    if platform is not None and platform + 1 < len(kept) and kept[platform + 1].lemma_.lower() in PLATFORM_CONTAINERS \
            and kept[platform + 1].tag_ in ("NN", "NNP"):
        label = [t for t in kept[:platform] + kept[platform + 2:] if t.pos_ in ("PROPN", "NUM") and t.tag_ != "JJ"]
        if label:
            return f"{_join(label)} ({PLATFORMS[kept[platform].lower_]} {kept[platform + 1].lower_})"
    kept = [tok for tok in kept if tok.text not in QUOTE_MARKS]
    if not kept:
        return ""
    words = [tok.text for tok in kept]
    if kept[0].is_sent_start and kept[0].text.istitle() and kept[0].lower_ in common:
        words[0] = words[0].lower()  # "State media revealed" → "state media"
    return _join(kept, words)


def _key(name: str) -> tuple[str, ...]:
    """Merge key of a name: its lowercase words without a leading title ("Col. Isaacs" → ("isaacs",))."""
    words = re.findall(r"\w+", name.lower())
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words.pop(0)
    return tuple(words)


def _is_source_phrase(head: Token, lexicon: SourceLexicon) -> bool:
    """True when a content noun carries its own source ("Russian media reports", "a police statement")."""
    modifiers = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "poss")]
    words = _lexicon_words(modifiers, lexicon.vocabulary)
    return lexicon.classify(words) is not None


def _has_hedge(span: Span) -> bool:
    lowers = [t.lower_ for t in span]
    if any(word in HEDGE_WORDS for word in lowers):
        return True
    return any(pair in HEDGE_PAIRS for pair in pairwise(lowers))


# -- merging --------------------------------------------------------------------------------------------------


def _merge(found: list[_Attribution]) -> list[SourceMention]:
    """One SourceMention per source: same name, or a shorter name that ends a longer one of the same kind."""
    ordered = sorted(found, key=lambda a: a.source.start)
    first_of: dict[tuple[str, tuple[str, ...]], _Source] = {}
    for attribution in ordered:
        first_of.setdefault((attribution.source.kind, attribution.source.key), attribution.source)
    merged: dict[tuple[str, tuple[str, ...]], SourceMention] = {}
    for attribution in ordered:
        source = attribution.source
        target = _merge_target(source, first_of)
        mention = merged.get(target)
        if mention is None:
            named = first_of[target]
            mention = SourceMention(source.start, source.end, source.text, named.name, named.kind, attribution.verb)
            merged[target] = mention
        mention.verb = mention.verb or attribution.verb
        for claim in attribution.claims:
            if all((c.start, c.end) != (claim.start, claim.end) for c in mention.claims):
                mention.claims.append(claim)
    for mention in merged.values():
        mention.claims.sort(key=lambda c: c.start)
    return sorted(merged.values(), key=lambda m: m.start)


def _merge_target(source: _Source, first_of: dict[tuple[str, tuple[str, ...]], _Source]) -> tuple[str, tuple[str, ...]]:
    """The longer name this one abbreviates ("state media" → "russian state media", "armed forces" → "armed forces
    of El Salvador"), nearest first; of the same kind, or any kind when this one is "other" ("Macabangon" →
    "police spokesman Major Jun Macabangon")."""
    size = len(source.key)
    longer = [(kind, key) for kind, key in first_of if len(key) > size and source.kind in (kind, "other") and (
        key[-size:] == source.key or (key[:size] == source.key and key[size] == "of"))]
    if not longer:
        return (source.kind, source.key)
    return min(longer, key=lambda k: abs(first_of[k].start - source.start))
