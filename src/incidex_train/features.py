"""Encoder features of a corpus, computed once and cached on disk, so that heads train in minutes.

A cache directory holds, per split: ``<split>.f16`` (every word piece's hidden states of the chosen layers,
float16, row after row), ``<split>.npz`` (character offsets of each piece, the document and window each belongs
to, the window spans) and ``<split>.json`` (docids, layers, encoder, hidden size). Nothing here is imported at
run time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from incidex.nlp.encoding import MAX_PIECES, Encoder, sentence_spans

LAYER_SHARES: tuple[float, ...] = (1 / 3, 1 / 2, 2 / 3, 5 / 6, 1)


def layers_for(depth: int) -> tuple[int, ...]:
    """The hidden states the heads read from an encoder of ``depth`` layers: (4, 6, 8, 10, 12) for a base model."""
    return tuple(sorted({max(1, round(depth * share)) for share in LAYER_SHARES}))




@dataclass
class CachedSplit:
    """Features of one split: ``features[rows]`` are the pieces of document ``doc[rows]``."""

    docids: list[str]
    layers: tuple[int, ...]
    features: np.ndarray  # (pieces, layers, hidden) float16, memory-mapped
    offsets: np.ndarray  # (pieces, 2)
    doc: np.ndarray  # (pieces,) document index
    window: np.ndarray  # (pieces,) window index
    windows: np.ndarray  # (windows, 3): document index, start, end

    def rows(self, index: int) -> slice:
        lo, hi = np.searchsorted(self.doc, [index, index + 1])
        return slice(int(lo), int(hi))


def cache_split(encoder: Encoder, texts: Sequence[str], docids: Sequence[str], out_dir: Path, split: str, *,
                max_pieces: int = MAX_PIECES, docs_per_batch: int = 16, log=print) -> None:
    """Encode every window of every text and write the split's cache files.

    Progress is saved after every batch (``<split>.progress.npz``), so an interrupted run resumes where it stopped.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    raw_path, progress_path = out_dir / f"{split}.f16", out_dir / f"{split}.progress.npz"
    index: dict[str, list[np.ndarray]] = {"offsets": [], "doc": [], "window": [], "windows": []}
    first_doc, pieces = 0, 0
    if progress_path.is_file() and raw_path.is_file():
        saved = np.load(progress_path)
        index = {key: [saved[key]] for key in index}
        first_doc, pieces = int(saved["next_doc"]), len(saved["offsets"])
        log(f"{split}: resuming at document {first_doc} ({pieces} pieces cached)")
    row_bytes = len(encoder.layers) * encoder.hidden * 2
    started, done = time.perf_counter(), 0
    with raw_path.open("r+b" if first_doc else "wb") as raw:
        raw.truncate(pieces * row_bytes)
        raw.seek(pieces * row_bytes)
        for first in range(first_doc, len(texts), docs_per_batch):
            last = min(first + docs_per_batch, len(texts))
            items = [(d, w) for d in range(first, last)
                     for w in encoder.windows(texts[d], sentence_spans(texts[d]), max_pieces=max_pieces)]
            encoded = encoder.encode_many([(texts[d], w) for d, w in items])
            window_count = sum(len(w) for w in index["windows"])
            for n, ((d, (s, e)), item) in enumerate(zip(items, encoded, strict=True)):
                raw.write(item.features.astype(np.float16).tobytes())
                index["offsets"].append(item.offsets)
                index["doc"].append(np.full(len(item.offsets), d, dtype=np.int32))
                index["window"].append(np.full(len(item.offsets), window_count + n, dtype=np.int32))
                index["windows"].append(np.array([[d, s, e]], dtype=np.int32))
                pieces += len(item.offsets)
                done += len(item.offsets)
            raw.flush()
            np.savez(progress_path, next_doc=last, **{key: np.concatenate(parts) for key, parts in index.items()})
            log(f"{split}: {last}/{len(texts)} documents, {pieces} pieces, "
                f"{done / (time.perf_counter() - started):.0f} pieces/s")
    np.savez(out_dir / f"{split}.npz", **{key: np.concatenate(parts) for key, parts in index.items()})
    (out_dir / f"{split}.json").write_text(json.dumps({
        "docids": list(docids), "layers": list(encoder.layers), "hidden": encoder.hidden, "pieces": pieces,
        "max_pieces": max_pieces}) + "\n", encoding="utf-8")
    progress_path.unlink(missing_ok=True)


def load_split(cache_dir: Path, split: str) -> CachedSplit:
    info = json.loads((cache_dir / f"{split}.json").read_text(encoding="utf-8"))
    index = np.load(cache_dir / f"{split}.npz")
    features = np.memmap(cache_dir / f"{split}.f16", dtype=np.float16, mode="r",
                         shape=(info["pieces"], len(info["layers"]), info["hidden"]))
    return CachedSplit(info["docids"], tuple(info["layers"]), features, index["offsets"], index["doc"],
                       index["window"], index["windows"])
