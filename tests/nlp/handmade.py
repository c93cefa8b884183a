"""Hand-built Docs for fast component tests: ``spacy.blank("en")`` with the parse written out, no model loaded.

A token is ``"text/lemma/POS/TAG/dep/head"`` where ``head`` is the index of its head in the sentence (its own
index for the root); an entity type may follow as a seventh field ("Kano/Kano/PROPN/NNP/pobj/3/GPE").
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from incidex.nlp.annotations import NumberMention, register_extensions
from incidex.nlp.frames import IncidentFrame, Trigger

NLP: Language = spacy.blank("en")
register_extensions()


def parsed(*sentences: str) -> Doc:
    """A Doc of the given sentences, each a space-separated list of tokens in the form above."""
    words, lemmas, pos, tags, deps, heads, ents = [], [], [], [], [], [], []
    for sentence in sentences:
        offset = len(words)
        for token in sentence.split():
            text, lemma, upos, tag, dep, head, *ent = token.split("/")
            words.append(text)
            lemmas.append(lemma)
            pos.append(upos)
            tags.append(tag)
            deps.append(dep)
            heads.append(offset + int(head))
            ents.append(f"B-{ent[0]}" if ent else "O")
    spaces = [not (i + 1 < len(words) and words[i + 1] in {".", ","}) for i in range(len(words))]
    spaces[-1] = False
    doc = Doc(NLP.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads,
              ents=ents)
    doc._.incidex_numbers, doc._.incidex_places, doc._.incidex_actors, doc._.incidex_sources = [], [], [], []
    doc._.incidex_dates = []
    return doc


def number(doc: Doc, index: int, value: int) -> NumberMention:
    """The count at token ``index``."""
    token = doc[index]
    return NumberMention(token.idx, token.idx + len(token.text), token.text, value)


def trigger(doc: Doc, index: int, kind: str, *, strong: bool = True) -> Trigger:
    """A trigger of type ``kind`` on token ``index``."""
    token = doc[index]
    return Trigger(token.idx, token.idx + len(token.text), token.text, kind, strong, index, lemma=token.lemma_)


def frame(doc: Doc, *triggers: Trigger, id: str = "i1", role: str = "main") -> IncidentFrame:
    """An incident frame of ``triggers`` (the first one's sentence)."""
    return IncidentFrame(id=id, role=role, triggers=list(triggers), sentences={doc[triggers[0].token].sent.start})
