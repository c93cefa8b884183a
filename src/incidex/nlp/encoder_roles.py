"""Learned role spans and incident types from the pretrained encoder (component ``incidex_encoder_roles_v1``).

The component runs after the rule incident detector: it encodes only the sentences that hold a trigger, with one
sentence on each side (``neighbours``), for all the documents of a ``pipe`` call, each window on its own. A
document without triggers is not encoded at all. The span tagger reads every encoded window, the document
classifier all encoded pieces of the document; their findings go to ``doc._.incidex_muc`` as :class:`LearnedRoles`,
each span with character offsets into ``doc.text`` (word pieces are mapped back through the fast tokenizer's offsets
and widened to whole words).

A heads directory (``incidex train encoder``) holds ``heads.safetensors``, ``heads.json`` (the encoder the heads
were trained on, its layers, the head shapes and the decision thresholds) and, optionally, ``role_lexicon.json``
(strings that reliably filled one role in training; they add to the tagger's spans inside the encoded windows).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from .encoding import Encoder, sentence_spans
from .tags import DOC_LABELS, INCIDENT_TYPES, spans_from_tags, viterbi
from .muc_roles import EXTENSION, LearnedRoles, RoleSpan, TypeScore

FACTORY_NAME = "incidex_encoder_roles_v1"
HEADS_FILE = "heads.safetensors"
HEADS_INFO = "heads.json"
LEXICON_FILE = "role_lexicon.json"


@dataclass(frozen=True)
class EncoderHeads:
    """What a heads directory records besides its weights (``heads.json``)."""

    encoder: str = "all-mpnet-base-v2"
    layers: tuple[int, ...] = (4, 6, 8, 10, 12)
    hidden: int = 768
    quantized: bool = True
    projection: int = 256
    lstm: int = 128
    attention: int = 128
    relevance: float = 0.5
    type_threshold: float = 0.5
    span_threshold: dict[str, float] = field(default_factory=dict)

    @property
    def config(self):  # -> heads.HeadConfig (torch is imported only where the heads run)
        from .heads import HeadConfig

        return HeadConfig(layers=len(self.layers), hidden=self.hidden, projection=self.projection, lstm=self.lstm,
                          attention=self.attention)

    @classmethod
    def from_json(cls, data: dict) -> EncoderHeads:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["layers"] = tuple(values.get("layers", cls.layers))
        return cls(**values)


def default_heads_dir() -> Path:
    """The heads shipped with incidex (``src/incidex/models/encoder``)."""
    return Path(str(resources.files("incidex").joinpath("models", "encoder")))


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` widened to whole words (a span that starts or ends inside a word takes all of it)."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def window_spans(text: str, offsets: np.ndarray, log_probs: np.ndarray, heads: EncoderHeads) -> list[RoleSpan]:
    """The role spans of one window from its pieces' character offsets and tag log-probabilities."""
    if len(offsets) == 0:
        return []
    tags = viterbi(log_probs)
    probs = np.exp(log_probs)
    result = []
    for first, end, role, confidence in spans_from_tags(tags, probs):
        if confidence < heads.span_threshold.get(role, 0.0):
            continue
        start, stop = _word_bounds(text, int(offsets[first, 0]), int(offsets[end - 1, 1]))
        result.append(RoleSpan(start, stop, text[start:stop], role, confidence))
    return result


class Lexicon:
    """Strings that reliably filled one role in training (``role_lexicon.json``), found as whole words."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.roles = {k.lower(): v for k, v in entries.items()}
        ordered = sorted(self.roles, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)", re.I) \
            if ordered else None

    def spans(self, text: str, ranges: Iterable[tuple[int, int]], taken: Sequence[RoleSpan]) -> list[RoleSpan]:
        """Lexicon matches inside ``ranges`` that overlap none of the ``taken`` spans."""
        if self.pattern is None:
            return []
        found = []
        for start, end in ranges:
            for match in self.pattern.finditer(text, start, end):
                if not any(t.start < match.end() and match.start() < t.end for t in taken):
                    found.append(RoleSpan(match.start(), match.end(), match.group(), self.roles[match.group().lower()]))
        return found


def document_roles(text: str, windows: Sequence[tuple[np.ndarray, np.ndarray]], doc_probs: np.ndarray | None,
                   heads: EncoderHeads, lexicon: Lexicon | None = None) -> LearnedRoles:
    """:class:`LearnedRoles` of a document from its windows' (offsets, tag log-probabilities) and the
    classifier's label probabilities (None when nothing was encoded); ``lexicon`` strings add to the tagger's
    spans inside the encoded windows."""
    spans = [s for offsets, log_probs in windows for s in window_spans(text, offsets, log_probs, heads)]
    read = tuple((int(offsets[0, 0]), int(offsets[-1, 1])) for offsets, _ in windows if len(offsets))
    if lexicon is not None:
        spans += lexicon.spans(text, read, spans)
    spans.sort(key=lambda s: s.start)
    if doc_probs is None:
        return LearnedRoles(types=(), spans=tuple(spans), relevance=0.0, component=FACTORY_NAME, read=read)
    types = sorted((TypeScore(t, float(doc_probs[DOC_LABELS.index(t)])) for t in INCIDENT_TYPES),
                   key=lambda t: -t.score)
    return LearnedRoles(types=tuple(types), spans=tuple(spans), relevance=float(doc_probs[0]),
                        component=FACTORY_NAME, read=read)


class EncoderModel:
    """The encoder and the trained heads, loaded once: texts (and the parts of them to read) in, LearnedRoles out."""

    def __init__(self, heads_dir: str | Path, *, encoder: str | None = None, threads: int | None = None) -> None:
        import torch
        from safetensors.torch import load_file

        from .encoder import encoder_dir
        from .heads import DocClassifier, SpanTagger

        heads_dir = Path(heads_dir)
        if not (heads_dir / HEADS_INFO).is_file() or not (heads_dir / HEADS_FILE).is_file():
            raise ConfigError(f"{heads_dir} holds no trained encoder heads ({HEADS_INFO}, {HEADS_FILE}); train them "
                              "with `incidex train encoder` or use the shipped ones")
        self.heads = EncoderHeads.from_json(json.loads((heads_dir / HEADS_INFO).read_text(encoding="utf-8")))
        name = encoder or self.heads.encoder
        if name != self.heads.encoder:
            raise ConfigError(f"the heads in {heads_dir} were trained on the encoder {self.heads.encoder!r}, but "
                              f"nlp.encoder is {name!r}; train heads for it with `incidex train encoder --encoder "
                              f"{name}` or set nlp.encoder to {self.heads.encoder!r}")
        self.encoder = Encoder(encoder_dir(name), layers=self.heads.layers, quantize=self.heads.quantized,
                               threads=threads)
        if self.encoder.hidden != self.heads.hidden:
            raise ConfigError(f"the heads in {heads_dir} expect features of size {self.heads.hidden}, the encoder "
                              f"{name!r} gives {self.encoder.hidden}; retrain them with `incidex train encoder`")
        state = load_file(str(heads_dir / HEADS_FILE))
        self.tagger = SpanTagger(self.heads.config)
        self.tagger.load_state_dict({k[7:]: v for k, v in state.items() if k.startswith("tagger.")})
        self.classifier = DocClassifier(self.heads.config)
        self.classifier.load_state_dict({k[11:]: v for k, v in state.items() if k.startswith("classifier.")})
        self.tagger.eval()
        self.classifier.eval()
        lexicon_path = heads_dir / LEXICON_FILE
        self.lexicon = Lexicon(json.loads(lexicon_path.read_text(encoding="utf-8"))) if lexicon_path.is_file() \
            else None
        self.torch = torch

    def predict(self, texts: Sequence[str], selections: Sequence[list[tuple[int, int]] | None]) -> list[LearnedRoles]:
        """LearnedRoles per text; ``selections[i]`` are the sentence spans of text i to read (None: all of it)."""
        items, owners = [], []
        for index, (text, chosen) in enumerate(zip(texts, selections, strict=True)):
            spans = sentence_spans(text) if chosen is None else chosen
            for window in self.encoder.windows(text, spans):
                items.append((text, window))
                owners.append(index)
        encoded = self.encoder.encode_many(items)
        per_doc: list[list] = [[] for _ in texts]
        for owner, item in zip(owners, encoded, strict=True):
            per_doc[owner].append(item)
        return [self._read(text, windows) for text, windows in zip(texts, per_doc, strict=True)]

    def _read(self, text: str, windows: list) -> LearnedRoles:
        torch = self.torch
        if not windows:
            return document_roles(text, [], None, self.heads)
        with torch.inference_mode():
            tagged = []
            for item in windows:
                features = torch.from_numpy(np.ascontiguousarray(item.features, dtype=np.float32))[None]
                logits = self.tagger(features, torch.tensor([len(item.offsets)]))
                tagged.append((item.offsets, torch.log_softmax(logits[0], dim=-1).numpy()))
            pieces = torch.from_numpy(np.concatenate([w.features for w in windows]).astype(np.float32))[None]
            mask = torch.ones(pieces.shape[:2], dtype=torch.bool)
            probs = torch.sigmoid(self.classifier(pieces, mask))[0].numpy()
        return document_roles(text, tagged, probs, self.heads, self.lexicon)


def flagged_sentences(text: str, trigger_offsets: Iterable[int], *, neighbours: int = 1) -> list[tuple[int, int]]:
    """The sentences holding a trigger offset, with ``neighbours`` sentences on each side, in text order."""
    sentences = sentence_spans(text)
    hits = {i for offset in trigger_offsets for i, (s, e) in enumerate(sentences) if s <= offset < e}
    chosen = {j for i in hits for j in range(i - neighbours, i + neighbours + 1) if 0 <= j < len(sentences)}
    return [sentences[i] for i in sorted(chosen)]


class EncoderRoles:
    """spaCy component writing :class:`LearnedRoles` to ``doc._.incidex_muc`` for documents with triggers."""

    def __init__(self, nlp: Language, name: str, *, heads_dir: str, encoder: str, neighbours: int,
                 threads: int) -> None:
        if not Doc.has_extension(EXTENSION):
            raise ConfigError(f"Doc extension {EXTENSION!r} is not registered; call register_extensions() first")
        self.name = name
        self.neighbours = neighbours
        self.model = EncoderModel(heads_dir or default_heads_dir(), encoder=encoder or None, threads=threads or None)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> Iterator[Doc]:
        texts = [doc.text for doc in docs]
        selections = [flagged_sentences(text, [t.start for f in doc._.incidex_incidents or [] for t in f.triggers],
                                        neighbours=self.neighbours) for text, doc in zip(texts, docs, strict=True)]
        for doc, learned in zip(docs, self.model.predict(texts, selections), strict=True):
            doc._.set(EXTENSION, learned)
            yield doc


DEFAULT_CONFIG = {"heads_dir": "", "encoder": "", "neighbours": 0, "threads": 0}


def create_encoder_roles(nlp: Language, name: str, heads_dir: str, encoder: str, neighbours: int,
                         threads: int) -> EncoderRoles:
    """Factory of ``incidex_encoder_roles_v1``: ``heads_dir`` "" is the shipped heads, ``encoder`` "" the one they
    were trained on, ``threads`` 0 leaves torch's default."""
    return EncoderRoles(nlp, name, heads_dir=heads_dir, encoder=encoder, neighbours=neighbours, threads=threads)
