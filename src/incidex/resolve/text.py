"""Text similarity of reports without a trained model: weighted bag-of-words cosine.

Names decide whether two reports of a similar incident are about the same one ("Vancouver", "Kirkpatrick" versus
"Troy", "Wood"), so a word that the report capitalizes inside a sentence counts :data:`NAME_WEIGHT` times as much as
a common word. Headline lines in Title Case are not taken as evidence of a name. Stop words and reporting verbs do
not count. Vectors are unit-normalized dicts, so the cosine of two profiles is a sparse dot product, and the cosines
of a whole batch are one sparse matrix product (:func:`similarity_table`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from spacy.lang.en.stop_words import STOP_WORDS

NAME_WEIGHT = 3.0
NUMBER_WEIGHT = 0.5
_REPORTING = frozenset(
    "said says say told tells reported reports according added statement news officials official police "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")
_TITLE_LINE_SHARE = 0.6

TextVector = dict[str, float]


def _lines(text: str) -> list[list[str]]:
    return [tokens for line in re.split(r"[\n\r]+|(?<=[.!?])\s+", text) if (tokens := _TOKEN.findall(line))]


def _is_title_line(tokens: list[str]) -> bool:
    words = [t for t in tokens if t[0].isalpha()]
    return bool(words) and sum(t[0].isupper() for t in words) / len(words) >= _TITLE_LINE_SHARE and len(words) > 2


def _names(lines: list[list[str]]) -> set[str]:
    """The casefolded words capitalized inside a sentence, outside Title Case headline lines."""
    known: set[str] = set()
    for tokens in lines:
        if not _is_title_line(tokens):
            known.update(key for t in tokens[1:] if t[0].isupper() and (key := _key(t)) not in STOP_WORDS)
    return known


def _key(token: str) -> str:
    return token.casefold().strip("'’-.,")


def features(text: str) -> tuple[TextVector, frozenset[str]]:
    """The unit-length weighted term vector of ``text`` (empty when it has no content words) and its names: the
    words that weigh NAME_WEIGHT in it."""
    lines = _lines(text)
    known = _names(lines)
    counts: Counter[str] = Counter()
    for tokens in lines:
        for token in tokens:
            key = _key(token)
            if len(key) < 2 or key in STOP_WORDS or key in _REPORTING:
                continue
            counts[key] += 1
    vector: TextVector = {}
    for key, n in counts.items():
        weight = NAME_WEIGHT if key in known else NUMBER_WEIGHT if key[0].isdigit() else 1.0
        vector[key] = (1.0 + math.log(n)) * weight
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return ({k: v / norm for k, v in vector.items()} if norm else {}), frozenset(known & vector.keys())


def cosine(a: TextVector, b: TextVector) -> float:
    """Cosine similarity of two unit vectors from :func:`features` (0.0 when either is empty)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def similarity_table(vectors: Sequence[TextVector], rows: Sequence[int]) -> np.ndarray:
    """The cosines of the vectors at positions ``rows`` with every vector: a ``len(rows) x len(vectors)`` array."""
    words: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for vector in vectors:
        indices.extend(words.setdefault(key, len(words)) for key in vector)
        data.extend(vector.values())
        indptr.append(len(indices))
    matrix = csr_matrix((data, indices, indptr), shape=(len(vectors), len(words)), dtype=np.float64)
    return (matrix[list(rows)] @ matrix.T).toarray()
