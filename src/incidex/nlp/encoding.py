"""Running the encoder: text windows in, word-piece features with character offsets out.

A document is cut into sentences (:func:`sentence_spans`, rules over the raw text, so training and run time cut
alike) and consecutive sentences are packed into windows of at most ``max_pieces`` word pieces; each window is
encoded on its own. The features of a word piece are the hidden states of the chosen layers, and its offsets come
from the fast tokenizer, so every learned span maps back to characters of the input.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .encoder import offline

SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n|\s{3,}")
MAX_PIECES = 256


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: breaks after . ! ? and whitespace, at blank lines and at runs of 3+ spaces."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append(_trimmed(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class Encoded:
    """One encoded window: ``features[i]`` (layers x hidden) belongs to ``text[offsets[i, 0]:offsets[i, 1]]``.

    Offsets are characters of the whole document, not of the window.
    """

    start: int
    end: int
    offsets: np.ndarray  # (pieces, 2) int32
    features: np.ndarray  # (pieces, layers, hidden) float32 or float16


class Encoder:
    """A Hugging Face encoder on CPU, loaded once; :meth:`encode` is the hot path.

    ``layers`` are hidden-state indices (0 = embeddings, 12 = the last layer of a base model); the model is cut
    after the deepest one. ``quantize`` applies int8 dynamic quantization to its linear layers.
    """

    def __init__(self, path: str | Path, *, layers: Sequence[int], quantize: bool = False,
                 threads: int | None = None) -> None:
        offline()
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()

        if threads:
            torch.set_num_threads(threads)
        self.torch = torch
        self.layers = tuple(layers)
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True, use_fast=True)
        model = AutoModel.from_pretrained(str(path), local_files_only=True)
        model.eval()
        depth = max(self.layers)
        if hasattr(model, "encoder") and hasattr(model.encoder, "layer") and depth < len(model.encoder.layer):
            model.encoder.layer = model.encoder.layer[:depth]
        if quantize:
            with warnings.catch_warnings():  # torch announces that this API moves to torchao; it works as it is
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        self.model = model
        self.hidden = model.config.hidden_size
        self.max_length = min(int(getattr(model.config, "max_position_embeddings", 514)) - 2, 512)

    def windows(self, text: str, spans: Sequence[tuple[int, int]], *, max_pieces: int = MAX_PIECES,
                ) -> list[tuple[int, int]]:
        """Consecutive ``spans`` packed greedily into windows of at most ``max_pieces`` word pieces; a longer
        sentence is a window of its own (the tokenizer truncates it)."""
        if not spans:
            return []
        lengths = [len(ids) for ids in self.tokenizer([text[s:e] for s, e in spans],
                                                       add_special_tokens=False)["input_ids"]]
        windows: list[tuple[int, int]] = []
        start, end, size = spans[0][0], spans[0][1], lengths[0]
        previous_end = spans[0][1]
        for (s, e), n in zip(spans[1:], lengths[1:], strict=True):
            if size + n <= max_pieces - 2 and s <= previous_end + 4 * max_pieces:
                end, size = e, size + n
            else:
                windows.append((start, end))
                start, end, size = s, e, n
            previous_end = e
        windows.append((start, end))
        return windows

    def encode(self, text: str, windows: Sequence[tuple[int, int]]) -> list[Encoded]:
        """The features of each window of ``text`` (same order)."""
        return self.encode_many([(text, w) for w in windows])

    def encode_many(self, items: Sequence[tuple[str, tuple[int, int]]]) -> list[Encoded]:
        """Windows of many documents, ``items`` being (document text, (start, end)), each encoded on its own.

        Never in batches: int8 dynamic quantization scales the activations of a whole input, so a window batched
        with others would get features that depend on its neighbours (a report's learned spans would change with
        the reports extracted beside it). On CPU one at a time is no slower, since nothing is padded.
        """
        if not items:
            return []
        torch = self.torch
        pieces = self.tokenizer([text[s:e] for text, (s, e) in items], return_offsets_mapping=True,
                                truncation=True, max_length=self.max_length)
        results = []
        for (_, (start, end)), ids, offsets in zip(items, pieces["input_ids"], pieces["offset_mapping"], strict=True):
            with torch.inference_mode():
                states = self.model(input_ids=torch.tensor([ids]), output_hidden_states=True).hidden_states
                stacked = torch.stack([states[layer][0] for layer in self.layers], dim=1).numpy()
            spans = np.asarray(offsets, dtype=np.int32)
            keep = spans[:, 1] > spans[:, 0]  # special tokens have empty offsets
            results.append(Encoded(start, end, spans[keep] + start, stacked[keep]))
        return results
