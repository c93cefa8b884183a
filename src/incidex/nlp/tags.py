"""Tags of the encoder span tagger and document classifier, and decoding them; numpy only, no torch.

Decoding keeps only valid B/I sequences: Viterbi over the tag log-probabilities with the invalid transitions
forbidden.
"""

from __future__ import annotations

import numpy as np

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
TAGS: tuple[str, ...] = ("O", *(f"{p}-{r}" for r in ROLES for p in ("B", "I")))
INCIDENT_TYPES: tuple[str, ...] = ("attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage")
RELEVANT = "relevant"
DOC_LABELS: tuple[str, ...] = (RELEVANT, *INCIDENT_TYPES)


def _allowed() -> np.ndarray:
    """allowed[i, j]: tag j may follow tag i (I-X only after B-X or I-X)."""
    allowed = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            role = tag[2:]
            allowed[:, j] = False
            allowed[TAGS.index(f"B-{role}"), j] = True
            allowed[j, j] = True
    return allowed


ALLOWED = _allowed()
START_ALLOWED = np.array([not t.startswith("I-") for t in TAGS])


def viterbi(log_probs: np.ndarray) -> list[int]:
    """The best valid tag sequence for (pieces, tags) log-probabilities (the per-piece best when that is valid)."""
    best_each = log_probs.argmax(axis=1)
    if START_ALLOWED[best_each[0]] and ALLOWED[best_each[:-1], best_each[1:]].all():
        return best_each.tolist()
    penalty = np.where(ALLOWED, 0.0, -1e9)
    score = log_probs[0] + np.where(START_ALLOWED, 0.0, -1e9)
    back = []
    for row in log_probs[1:]:
        candidates = score[:, None] + penalty
        back.append(candidates.argmax(axis=0))
        score = candidates.max(axis=0) + row
    best = [int(score.argmax())]
    for pointers in reversed(back):
        best.append(int(pointers[best[-1]]))
    return best[::-1]


def spans_from_tags(tags: list[int], probs: np.ndarray) -> list[tuple[int, int, str, float]]:
    """(first piece, end piece, role, mean probability of its tags) for each tagged span."""
    spans, start, role = [], None, None
    for i, tag in enumerate([*tags, 0]):
        name = TAGS[tag]
        if start is not None and not (name.startswith("I-") and name[2:] == role):
            spans.append((start, i, role, float(np.mean([probs[k, tags[k]] for k in range(start, i)]))))
            start, role = None, None
        if name.startswith("B-"):
            start, role = i, name[2:]
    return spans
