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

    def encode(self, text: str, windows: Sequence[tuple[int, int]], *, batch_pieces: int = 2048,
               ) -> list[Encoded]:
        """The features of each window of ``text`` (same order)."""
        return self.encode_many([(text, w) for w in windows], batch_pieces=batch_pieces)

    def encode_many(self, items: Sequence[tuple[str, tuple[int, int]]], *, batch_pieces: int = 2048,
                    ) -> list[Encoded]:
        """Windows of many documents, batched by length; ``items`` are (document text, (start, end))."""
        if not items:
            return []
        torch = self.torch
        pieces = self.tokenizer([text[s:e] for text, (s, e) in items], return_offsets_mapping=True,
                                truncation=True, max_length=self.max_length)
        order = sorted(range(len(items)), key=lambda i: len(pieces["input_ids"][i]))
        results: list[Encoded | None] = [None] * len(items)
        batch: list[int] = []

        def run(batch: list[int]) -> None:
            width = max(len(pieces["input_ids"][i]) for i in batch)
            ids = torch.full((len(batch), width), self.tokenizer.pad_token_id, dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, i in enumerate(batch):
                seq = pieces["input_ids"][i]
                ids[row, : len(seq)] = torch.tensor(seq)
                mask[row, : len(seq)] = 1
            with torch.inference_mode():
                states = self.model(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states
                stacked = torch.stack([states[layer] for layer in self.layers], dim=2).numpy()
            for row, i in enumerate(batch):
                offsets = np.asarray(pieces["offset_mapping"][i], dtype=np.int32)
                keep = offsets[:, 1] > offsets[:, 0]  # special tokens have empty offsets
                start = items[i][1][0]
                results[i] = Encoded(items[i][1][0], items[i][1][1], offsets[keep] + start,
                                     stacked[row, : len(offsets)][keep])

        for i in order:
            if batch and (len(batch) + 1) * len(pieces["input_ids"][i]) > batch_pieces:
                run(batch)
                batch = []
            batch.append(i)
        if batch:
            run(batch)
        return [r for r in results if r is not None]
