"""Learned role fillers and incident types from a trained incidex MUC-4 model (``incidex train muc4``).

The component runs the trained pipeline (ner + textcat_multilabel) on a lowercased copy of the text,
because the model is trained on lowercased MUC-4 text; lowercasing keeps character offsets, so the spans it
writes point into the original ``doc.text`` whatever its casing.

It assigns ``doc._.incidex_muc`` (a :class:`LearnedRoles`): role spans labelled PerpInd, PerpOrg, Target, Victim
or Weapon, and a probability per MUC-4 incident type (attack, bombing, kidnapping, arson, robbery,
forced work stoppage).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import ConfigError

FACTORY_NAME = "incidex_muc_roles_v1"
EXTENSION = "incidex_muc"
LEXICON_FILE = "role_lexicon.json"
MUC_ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")


@dataclass(frozen=True)
class RoleSpan:
    """A learned role filler: ``text == doc.text[start:end]``; ``role`` is a MUC-4 role name."""

    start: int
    end: int
    text: str
    role: str
    score: float = 1.0  # the tagger's confidence, where it gives one


@dataclass(frozen=True)
class TypeScore:
    type: str
    score: float


@dataclass(frozen=True)
class LearnedRoles:
    """What the learned model found in one document: incident-type scores (highest first), role spans, and the
    probability that it reports an incident at all where the model gives one (else the best type score stands in)."""

    types: tuple[TypeScore, ...]
    spans: tuple[RoleSpan, ...]
    relevance: float | None = None
    component: str = FACTORY_NAME  # the component that found them, named in their evidence
    read: tuple[tuple[int, int], ...] | None = None  # character ranges the model read; None: the whole text


def lowercase_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lowercase form is longer stay as they are (offsets are kept)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def default_model_dir() -> Path:
    """The MUC-4 model shipped with incidex (``src/incidex/models/muc4``)."""
    return Path(str(resources.files("incidex").joinpath("models", "muc4")))


def load_model(model_dir: str | Path) -> Language:
    """Load a trained MUC-4 model directory, with a ConfigError that says how to make one."""
    path = Path(model_dir)
    if not (path / "config.cfg").is_file():
        raise ConfigError(
            f"{path} is not a trained incidex model directory (no config.cfg); "
            "train one with `incidex train muc4 --train FILE --dev FILE --out DIR`"
        )
    return spacy.load(path)


class MucModel:
    """A loaded MUC-4 model: texts in, :class:`LearnedRoles` out. Load once; :meth:`predict` is the hot path.

    Role spans come from the trained tagger, plus phrases of the model's role lexicon (``role_lexicon.json``,
    strings that reliably filled one role in training) where the tagger found nothing overlapping.
    """

    def __init__(self, model_dir: str | Path) -> None:
        self.nlp = load_model(model_dir)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        lexicon_path = Path(model_dir) / LEXICON_FILE
        if lexicon_path.is_file():
            lexicon: dict[str, str] = json.loads(lexicon_path.read_text(encoding="utf-8"))
            for role in MUC_ROLES:
                phrases = [self.nlp.make_doc(text) for text, label in lexicon.items() if label == role]
                if phrases:
                    self.matcher.add(role, phrases)

    def predict(self, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[LearnedRoles]:
        """Learned roles for each text (offsets into the texts as given)."""
        texts = list(texts)
        lowered = (lowercase_same_length(t) for t in texts)
        for text, inner in zip(texts, self.nlp.pipe(lowered, batch_size=batch_size), strict=True):
            scores = (TypeScore(label, float(score)) for label, score in inner.cats.items())
            types = sorted(scores, key=lambda t: -t.score)
            # The tagger starts from a general NER; its old labels (GPE, PERSON, ...) are not roles.
            tagged = [ent for ent in inner.ents if ent.label_ in MUC_ROLES]
            covered = {i for ent in tagged for i in range(ent.start, ent.end)}
            extra = [
                Span(inner, start, end, label=match_id)
                for match_id, start, end in self.matcher(inner)
                if not covered.intersection(range(start, end))
            ]
            spans = sorted([*tagged, *filter_spans(extra)], key=lambda span: span.start)
            yield LearnedRoles(
                types=tuple(types),
                spans=tuple(
                    RoleSpan(span.start_char, span.end_char, text[span.start_char : span.end_char], span.label_)
                    for span in spans
                ),
            )


class MucRoles:
    """spaCy component writing :class:`LearnedRoles` to ``doc._.incidex_muc``."""

    def __init__(self, nlp: Language, name: str = "incidex_muc_roles", *, model_dir: str | Path) -> None:
        if not Doc.has_extension(EXTENSION):
            raise ConfigError(
                f"Doc extension {EXTENSION!r} is not registered; call register_extensions() before adding {name}"
            )
        self.name = name
        self.model = MucModel(model_dir)

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, next(self.model.predict([doc.text])))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch, batch_size=batch_size)
                batch = []
        yield from self._annotate(batch, batch_size=batch_size)

    def _annotate(self, docs: list[Doc], *, batch_size: int) -> Iterator[Doc]:
        learned = self.model.predict((doc.text for doc in docs), batch_size=batch_size)
        for doc, item in zip(docs, learned, strict=True):
            doc._.set(EXTENSION, item)
            yield doc


def create_muc_roles(nlp: Language, name: str, model_dir: str) -> MucRoles:
    """Factory for ``incidex_muc_roles_v1`` (registered by the pipeline module)."""
    return MucRoles(nlp, name, model_dir=model_dir)
