"""Train the encoder heads (role-span tagger, document classifier) on cached MUC-4 features.

Gold offsets in the GTT data are first occurrences, so every whole-word occurrence of a gold mention string is
labelled with its role (as for the spaCy tagger, :func:`incidex_train.muc4.training_doc`); a word piece inside such
a span gets I-role, the first one B-role. Training is deterministic: fixed seeds, one thread order, no data-loader
workers. The best epoch of each head is chosen on dev.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file
from torch import nn

from incidex.eval.muc4 import MucDocument, Score, learned_templates, score_corpus
from incidex.nlp.encoder_roles import EncoderHeads, Lexicon, document_roles, window_spans
from incidex.nlp.muc_roles import RoleSpan
from incidex.nlp.heads import DocClassifier, HeadConfig, SpanTagger
from incidex.nlp.tags import DOC_LABELS, TAGS

from .features import CachedSplit
from .muc4 import incident_types, mention_roles


@dataclass(frozen=True)
class HeadOptions:
    seed: int = 13
    tagger_epochs: int = 14
    classifier_epochs: int = 6
    batch_windows: int = 16
    batch_docs: int = 8
    learn_rate: float = 1e-3
    tagger_docs: str = "incident"  # "incident": documents with templates only; "all": every document
    o_weight: float = 1.0  # weight of the O tag in the tagger's loss (below 1: role tags count more, recall rises)
    config: HeadConfig = field(default_factory=HeadConfig)


def piece_tags(document: MucDocument, offsets: np.ndarray) -> np.ndarray:
    """The B/I/O tag index of each word piece of ``document`` (pieces given by their character offsets)."""
    text = document.text.lower()
    spans = []
    for mention, role in mention_roles(document).items():
        if mention:
            for match in re.finditer(r"(?<!\w)" + re.escape(mention.lower()) + r"(?!\w)", text):
                spans.append((match.start(), match.end(), role))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    tags = np.zeros(len(offsets), dtype=np.int64)
    taken = np.zeros(len(offsets), dtype=bool)
    for start, end, role in spans:
        inside = (offsets[:, 0] >= start) & (offsets[:, 1] <= end)
        if not inside.any() or taken[inside].any():
            continue
        rows = np.flatnonzero(inside)
        tags[rows] = TAGS.index(f"I-{role}")
        tags[rows[0]] = TAGS.index(f"B-{role}")
        taken[rows] = True
    return tags


def doc_targets(document: MucDocument) -> np.ndarray:
    types = incident_types(document)
    return np.array([float(bool(document.templates)), *(types[t] for t in DOC_LABELS[1:])], dtype=np.float32)


def premix(features: np.ndarray, weights: np.ndarray, *, chunk: int = 20000) -> np.ndarray:
    """(pieces, 1, hidden) float16: the layers of ``features`` (pieces, layers, hidden) summed with ``weights``."""
    out = np.empty((len(features), 1, features.shape[2]), dtype=np.float16)
    for first in range(0, len(features), chunk):
        block = np.asarray(features[first:first + chunk], dtype=np.float32)
        out[first:first + chunk, 0] = np.einsum("plh,l->ph", block, weights)
    return out


class Data:
    """A split held in memory (float16) with its labels; with ``mix`` (one weight per layer, summing to 1) the
    layers are mixed once here and the heads train on one fixed mix (HeadConfig(layers=1))."""

    def __init__(self, split: CachedSplit, documents: Sequence[MucDocument], mix: np.ndarray | None = None) -> None:
        by_id = {d.docid: d for d in documents}
        self.documents = [by_id[docid] for docid in split.docids]  # a cache may hold a subset of the documents
        self.split = split
        self.mix = mix
        self.features = torch.from_numpy(np.array(split.features) if mix is None else premix(split.features, mix))
        self.tags = torch.from_numpy(np.concatenate([
            piece_tags(doc, split.offsets[split.rows(i)]) for i, doc in enumerate(self.documents)]))
        self.window_rows = self._ranges(split.window, len(split.windows))
        self.doc_rows = self._ranges(split.doc, len(self.documents))
        self.targets = torch.from_numpy(np.stack([doc_targets(d) for d in self.documents]))

    @staticmethod
    def _ranges(index: np.ndarray, count: int) -> list[tuple[int, int]]:
        bounds = np.searchsorted(index, np.arange(count + 1))
        return [(int(bounds[i]), int(bounds[i + 1])) for i in range(count)]

    def window_batch(self, windows: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return window_batch([(self, w) for w in windows])

    def doc_batch(self, docs: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor]:
        features, lengths, _ = _pad([(self.features, *self.doc_rows[d]) for d in docs], None)
        mask = torch.arange(features.shape[1])[None, :] < lengths[:, None]
        return features, mask


def window_batch(windows: Sequence[tuple[Data, int]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Padded features, lengths and tags of windows that may come from several splits."""
    rows = [(data.features, *data.window_rows[w]) for data, w in windows]
    return _pad(rows, [data.tags for data, _ in windows])


def _pad(rows: list[tuple[torch.Tensor, int, int]], tags: list[torch.Tensor] | None):
    """Rows ``lo:hi`` of each features tensor, zero-padded to one width; ``tags`` of the same rows, -100 padded."""
    lengths = torch.tensor([hi - lo for _, lo, hi in rows])
    width = max(1, int(lengths.max()))
    features = torch.zeros((len(rows), width, *rows[0][0].shape[1:]), dtype=torch.float32)
    labels = torch.full((len(rows), width), -100, dtype=torch.long)
    for i, (source, lo, hi) in enumerate(rows):
        features[i, : hi - lo] = source[lo:hi].float()
        if tags is not None:
            labels[i, : hi - lo] = tags[i][lo:hi]
    return features, lengths.clamp(min=1), labels


def _seed(seed: int) -> torch.Generator:
    torch.manual_seed(seed)
    np.random.seed(seed)
    return torch.Generator().manual_seed(seed)


def _fit(model: nn.Module, name: str, *, items: list, batch_size: int, epochs: int, learn_rate: float,
         generator: torch.Generator, batch_loss: Callable[[nn.Module, list], torch.Tensor],
         evaluate: Callable[[nn.Module], float], log: Callable[[str], None]) -> list[dict]:
    """Adam over shuffled batches of ``items`` for ``epochs``; keeps the weights of the best dev epoch."""
    optimizer = torch.optim.Adam(model.parameters(), lr=learn_rate)
    best, best_state, history = -1.0, None, []
    for epoch in range(1, epochs + 1):
        model.train()
        started, total = time.perf_counter(), 0.0
        order = torch.randperm(len(items), generator=generator).tolist()
        for first in range(0, len(order), batch_size):
            batch = [items[i] for i in order[first:first + batch_size]]
            loss = batch_loss(model, batch)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            total += loss.item() * len(batch)
        model.eval()
        value = evaluate(model)
        history.append({"epoch": epoch, "loss": round(total / len(items), 4), "dev": round(value, 4),
                        "seconds": round(time.perf_counter() - started, 1)})
        log(f"{name} epoch {epoch}: {history[-1]}")
        if value > best:
            best, best_state = value, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    model.eval()
    return history


def tag_weights(o_weight: float) -> torch.Tensor:
    """Per-tag loss weights: ``o_weight`` for O, 1 for every B/I tag."""
    weights = torch.ones(len(TAGS))
    weights[TAGS.index("O")] = o_weight
    return weights


def tagger_windows(data: Data, every_document: bool) -> list[tuple[Data, int]]:
    """The windows of ``data`` the tagger trains on: those of documents with templates, or of every document."""
    keep = {i for i, d in enumerate(data.documents) if d.templates or every_document}
    return [(data, w) for w, (d, _, _) in enumerate(data.split.windows) if d in keep]


def train_tagger(train: Data, options: HeadOptions, evaluate: Callable[[SpanTagger], float],
                 log: Callable[[str], None] = print, extra: Sequence[Data] = ()) -> tuple[SpanTagger, list[dict]]:
    """The tagger of the best dev epoch and the history of every epoch; the windows of ``extra`` splits (passages
    from other annotated data) are shuffled in with the training windows."""
    generator = _seed(options.seed)
    model = SpanTagger(options.config)
    windows = [item for data in (train, *extra) for item in tagger_windows(data, options.tagger_docs == "all")]
    loss_fn = nn.CrossEntropyLoss(weight=tag_weights(options.o_weight), ignore_index=-100)

    def batch_loss(tagger: nn.Module, batch: list[tuple[Data, int]]) -> torch.Tensor:
        features, lengths, labels = window_batch(batch)
        return loss_fn(tagger(features, lengths).reshape(-1, len(TAGS)), labels.reshape(-1))

    history = _fit(model, "tagger", items=windows, batch_size=options.batch_windows, epochs=options.tagger_epochs,
                   learn_rate=options.learn_rate, generator=generator, batch_loss=batch_loss, evaluate=evaluate,
                   log=log)
    return model, history


def train_classifier(train: Data, options: HeadOptions, evaluate: Callable[[DocClassifier], float],
                     log: Callable[[str], None] = print) -> tuple[DocClassifier, list[dict]]:
    """The document classifier of the best dev epoch and the history of every epoch."""
    generator = _seed(options.seed + 1)
    model = DocClassifier(options.config)
    loss_fn = nn.BCEWithLogitsLoss()

    def batch_loss(classifier: nn.Module, batch: list[int]) -> torch.Tensor:
        features, mask = train.doc_batch(batch)
        return loss_fn(classifier(features, mask), train.targets[batch])

    history = _fit(model, "classifier", items=list(range(len(train.documents))), batch_size=options.batch_docs,
                   epochs=options.classifier_epochs, learn_rate=options.learn_rate, generator=generator,
                   batch_loss=batch_loss, evaluate=evaluate, log=log)
    return model, history


@torch.inference_mode()
def tag_log_probs(model: SpanTagger, data: Data) -> list[np.ndarray]:
    """Per window, the (pieces, tags) log-probabilities."""
    result = []
    for first in range(0, len(data.window_rows), 32):
        batch = list(range(first, min(first + 32, len(data.window_rows))))
        features, lengths, _ = data.window_batch(batch)
        logits = torch.log_softmax(model(features, lengths), dim=-1).numpy()
        result.extend(logits[i, : int(lengths[i])] for i in range(len(batch)))
    return result


@torch.inference_mode()
def doc_probs(model: DocClassifier, data: Data) -> np.ndarray:
    result = []
    for first in range(0, len(data.documents), 8):
        batch = list(range(first, min(first + 8, len(data.documents))))
        features, mask = data.doc_batch(batch)
        result.append(torch.sigmoid(model(features, mask)).numpy())
    return np.concatenate(result)


def decode(data: Data, windows: list[np.ndarray], lexicon: Lexicon | None = None) -> list[list[RoleSpan]]:
    """Per document, every span the tagger's log-probabilities give (no confidence threshold yet), and the
    ``lexicon`` strings found in its windows where the tagger found nothing."""
    loose = EncoderHeads()
    spans: list[list[RoleSpan]] = [[] for _ in data.documents]
    for w, (d, _, _) in enumerate(data.split.windows):
        lo, hi = data.window_rows[w]
        spans[d].extend(window_spans(data.documents[d].text, data.split.offsets[lo:hi], windows[w], loose))
    if lexicon is not None:
        for d, document in enumerate(data.documents):
            ranges = [(int(s), int(e)) for doc, s, e in data.split.windows if doc == d]
            spans[d] += lexicon.spans(document.text, ranges, spans[d])
    return spans


def score_decoded(data: Data, spans: list[list[RoleSpan]], probs: np.ndarray, heads: EncoderHeads) -> Score:
    """The GTT-style score of templates built from decoded spans (filtered by ``heads``' thresholds) and the
    classifier's probabilities."""
    predictions = {}
    for d, document in enumerate(data.documents):
        kept = [s for s in spans[d] if s.score >= heads.span_threshold.get(s.role, 0.0)]
        learned = replace(document_roles(document.text, [], probs[d], heads), spans=tuple(kept))
        predictions[document.docid] = learned_templates(learned, document.text, relevance=heads.relevance,
                                                        threshold=heads.type_threshold)
    return score_corpus(predictions, data.documents)


def score_heads(data: Data, windows: list[np.ndarray], probs: np.ndarray, heads: EncoderHeads) -> Score:
    """The GTT-style score of templates built from the heads' outputs on a cached split."""
    return score_decoded(data, decode(data, windows), probs, heads)


def save_heads(out_dir: Path, tagger: SpanTagger, classifier: DocClassifier, heads: EncoderHeads,
               info: dict, *, mix: np.ndarray | None = None) -> None:
    """Write the heads; heads trained on a fixed ``mix`` get it as their scalar-mix weights (log, so the softmax
    gives it back), so that at run time they read every cached layer as in training."""
    out_dir.mkdir(parents=True, exist_ok=True)
    state = {f"tagger.{k}": v.contiguous() for k, v in tagger.state_dict().items()}
    state |= {f"classifier.{k}": v.contiguous() for k, v in classifier.state_dict().items()}
    if mix is not None:
        for key in ("tagger.mix.weights", "classifier.mix.weights"):
            state[key] = torch.log(torch.from_numpy(np.asarray(mix, dtype=np.float32)))
    save_file(state, str(out_dir / "heads.safetensors"), metadata={"format": "pt"})
    (out_dir / "heads.json").write_text(json.dumps({**asdict(heads), **info}, indent=2) + "\n", encoding="utf-8")


__all__ = ["Data", "HeadOptions", "doc_probs", "replace", "save_heads", "score_heads", "tag_log_probs",
           "train_classifier", "train_tagger"]
