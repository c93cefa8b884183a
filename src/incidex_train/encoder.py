"""``incidex train encoder``: cache encoder features of MUC-4 train and dev, train the heads, pick thresholds on dev.

Steps: (1) encode every window of every document once with the encoder the heads will run on (int8 by default,
as at run time) into ``cache_dir``, skipped when a cache for the same data, encoder and layers is there;
(2) train the document classifier, then the span tagger, each keeping its best dev epoch (GTT-style micro F1);
(3) choose the relevance, extra-type and per-role span thresholds on dev; (4) write ``heads.safetensors`` and
``heads.json`` with the data checksums, options, epoch histories and dev scores.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from itertools import product
from pathlib import Path

import numpy as np
import torch

from incidex.errors import ConfigError, EvalError
from incidex.eval.muc4 import ROLES, load_muc4
from incidex.nlp.encoder import DEFAULT_ENCODER, encoder_dir, sha256_file
from incidex.nlp.encoder_roles import LEXICON_FILE, EncoderHeads, Lexicon
from incidex.nlp.encoding import MAX_PIECES, Encoder

from .features import cache_split, layers_for, load_split
from .muc4 import role_lexicon
from .heads import (
    Data,
    HeadOptions,
    decode,
    doc_probs,
    save_heads,
    score_decoded,
    score_heads,
    tag_log_probs,
    train_classifier,
    train_tagger,
)

SPLITS = ("train", "dev")


@dataclass(frozen=True)
class EncoderTrainOptions:
    encoder: str = DEFAULT_ENCODER
    quantize: bool = True
    layers: tuple[int, ...] | None = None  # None: layers_for(the encoder's depth)
    threads: int = 1
    fixed_mix: bool = True  # heads read the mean of the layers (mixed once) instead of learning the mix
    lexicon: bool = True  # try strings that reliably filled one role in training beside the tagger's spans
    tagger_extra: Path | None = None  # GTT-format passages the tagger also trains on (incidex_train.arguments)
    extra_cache: Path | None = None  # where their features are cached (None: "extra" inside the cache directory)
    heads: HeadOptions = HeadOptions()


def with_layers(options: EncoderTrainOptions) -> EncoderTrainOptions:
    """``options`` with the layers to read filled in from the encoder's depth when not given."""
    if options.layers is not None:
        return options
    config = json.loads((encoder_dir(options.encoder) / "config.json").read_text(encoding="utf-8"))
    return replace(options, layers=layers_for(int(config["num_hidden_layers"])))


def ensure_cache(paths: dict[str, Path], cache_dir: Path, options: EncoderTrainOptions,
                 log: Callable[[str], None]) -> None:
    """Encode the splits into ``cache_dir`` unless a cache of the same data and encoder settings is there."""
    wanted = {split: {"sha256": sha256_file(path), "encoder": options.encoder, "quantized": options.quantize,
                      "layers": list(options.layers), "max_pieces": MAX_PIECES} for split, path in paths.items()}
    stamp = cache_dir / "stamp.json"
    if stamp.is_file() and json.loads(stamp.read_text(encoding="utf-8")) == wanted:
        log(f"features cached in {cache_dir}")
        return
    torch.set_num_threads(options.threads)
    encoder = Encoder(encoder_dir(options.encoder), layers=options.layers, quantize=options.quantize,
                      threads=options.threads)
    for split, path in paths.items():
        documents = load_muc4(path)
        cache_split(encoder, [d.text for d in documents], [d.docid for d in documents], cache_dir, split, log=log)
    stamp.write_text(json.dumps(wanted, indent=1) + "\n", encoding="utf-8")


def tune_thresholds(dev: Data, windows: list[np.ndarray], probs: np.ndarray, heads: EncoderHeads,
                    log: Callable[[str], None], lexicon: Lexicon | None = None) -> tuple[EncoderHeads, float]:
    """Relevance and extra-type thresholds on a grid, then each role's span threshold in turn, best dev F1."""
    spans = decode(dev, windows, lexicon)

    def f1(h: EncoderHeads) -> float:
        return score_decoded(dev, spans, probs, h).micro.f1

    best = max((replace(heads, relevance=r, type_threshold=t)
                for r, t in product((0.3, 0.4, 0.5, 0.6, 0.7), (0.3, 0.5, 0.7, 0.9))), key=f1)
    value = f1(best)
    for role in ROLES:
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            candidate = replace(best, span_threshold={**best.span_threshold, role: threshold})
            score = f1(candidate)
            if score > value:
                best, value = candidate, score
    log(f"thresholds: relevance {best.relevance}, types {best.type_threshold}, spans {best.span_threshold}: "
        f"dev F1 {100 * value:.2f}")
    return best, value


def train_encoder_heads(train_path: Path, dev_path: Path, out_dir: Path, *, cache_dir: Path,
                        options: EncoderTrainOptions = EncoderTrainOptions(), command: str | None = None,
                        log: Callable[[str], None] = print) -> dict:
    """Train and write the heads; returns what ``heads.json`` records."""
    started = time.perf_counter()
    train_docs, dev_docs = load_muc4(train_path), load_muc4(dev_path)
    if not any(d.templates for d in train_docs) or not any(d.templates for d in dev_docs):
        raise EvalError("training needs --train and --dev files in GTT MUC-4 format with at least one template each")
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / "heads.json").is_file():
        raise ConfigError(f"{out_dir} exists and holds no encoder heads; give --out a new or empty directory")
    options = with_layers(options)
    ensure_cache({"train": train_path, "dev": dev_path}, cache_dir, options, log)
    torch.set_num_threads(options.threads)
    mix = np.full(len(options.layers), 1 / len(options.layers)) if options.fixed_mix else None
    train = Data(load_split(cache_dir, "train"), train_docs, mix)
    dev = Data(load_split(cache_dir, "dev"), dev_docs, mix)
    shape = {"hidden": int(train.features.shape[-1]), "layers": 1 if mix is not None else len(options.layers)}
    head_options = replace(options.heads, config=replace(options.heads.config, **shape))
    heads = EncoderHeads(encoder=options.encoder, layers=options.layers, hidden=train.features.shape[-1],
                         quantized=options.quantize, projection=options.heads.config.projection,
                         lstm=options.heads.config.lstm, attention=options.heads.config.attention)
    gold_spans = decode(dev, _gold_log_probs(dev))  # the classifier is chosen with gold spans, not the tagger's

    def classifier_f1(model) -> float:
        return score_decoded(dev, gold_spans, doc_probs(model, dev), heads).micro.f1

    classifier, classifier_history = train_classifier(train, head_options, classifier_f1, log)
    probs = doc_probs(classifier, dev)
    extra = _extra_data(options, cache_dir, mix, log)
    tagger, tagger_history = train_tagger(
        train, head_options, lambda model: score_heads(dev, tag_log_probs(model, dev), probs, heads).micro.f1, log,
        extra=[extra] if extra else [])
    windows = tag_log_probs(tagger, dev)
    encoded = set(train.split.docids)
    lexicon = role_lexicon([d for d in train_docs if d.docid in encoded]) if options.lexicon else {}
    tuned, value = tune_thresholds(dev, windows, probs, heads, log)
    if lexicon:  # the lexicon is kept only when it raises dev F1
        with_lexicon, lexicon_value = tune_thresholds(dev, windows, probs, heads, log, Lexicon(lexicon))
        log(f"role lexicon: dev F1 {100 * lexicon_value:.2f} with it, {100 * value:.2f} without")
        if lexicon_value > value:
            tuned = with_lexicon
        else:
            lexicon = {}
    heads = tuned
    score = score_decoded(dev, decode(dev, windows, Lexicon(lexicon) if lexicon else None), probs, heads)
    info = {
        "name": "incidex-encoder-heads",
        "command": command,
        "train": {"file": train_path.name, "sha256": sha256_file(train_path), "documents": len(train_docs),
                  "documents_encoded": len(train.documents)},
        "dev": {"file": dev_path.name, "sha256": sha256_file(dev_path), "documents": len(dev_docs)},
        **({"tagger_extra": {"file": options.tagger_extra.name, "sha256": sha256_file(options.tagger_extra),
                             "documents": len(extra.documents)}} if extra else {}),
        "options": {**asdict(options.heads), "threads": options.threads, "fixed_mix": options.fixed_mix,
                    "quantized": options.quantize},
        "history": {"classifier": classifier_history, "tagger": tagger_history},
        "dev_scores": {key: {"p": round(100 * c.precision, 2), "r": round(100 * c.recall, 2),
                             "f1": round(100 * c.f1, 2)}
                       for key, c in [*score.keys.items(), ("micro_avg", score.micro)]},
        "minutes": round((time.perf_counter() - started) / 60, 1),
    }
    save_heads(out_dir, tagger, classifier, heads, info, mix=mix)
    if lexicon:
        (out_dir / LEXICON_FILE).write_text(json.dumps(lexicon, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    log(score.table())
    return info


def _extra_data(options: EncoderTrainOptions, cache_dir: Path, mix: np.ndarray | None,
                log: Callable[[str], None]) -> Data | None:
    """The tagger's extra passages with their cached features (encoded on first use), or None without any."""
    if options.tagger_extra is None:
        return None
    documents = load_muc4(options.tagger_extra)
    extra_cache = options.extra_cache or cache_dir / "extra"
    ensure_cache({"extra": options.tagger_extra}, extra_cache, options, log)
    return Data(load_split(extra_cache, "extra"), documents, mix)


def _gold_log_probs(data: Data) -> list[np.ndarray]:
    """Per window, log-probabilities that put all mass on the gold tags (to judge the classifier alone)."""
    result = []
    for lo, hi in data.window_rows:
        tags = data.tags[lo:hi].numpy()
        log_probs = np.full((hi - lo, 11), -30.0, dtype=np.float32)
        log_probs[np.arange(hi - lo), tags] = 0.0
        result.append(log_probs)
    return result
