"""B-cubed precision, recall and F1 of a clustering against gold clusters (Bagga & Baldwin, 1998).

For each item, precision is the share of its predicted cluster that shares its gold cluster, and recall the share
of its gold cluster that shares its predicted cluster; the scores are the means over all items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from ..errors import EvalError
from .prf import f1


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> BCubed:
    """Score ``predicted`` (item -> cluster id) against ``gold`` (item -> gold cluster id) over the same items."""
    if set(predicted) != set(gold):
        missing = len(set(gold) - set(predicted))
        extra = len(set(predicted) - set(gold))
        raise EvalError(
            f"B-cubed needs the same items in both clusterings ({missing} gold items unpredicted, {extra} extra); "
            "give every item a predicted cluster, its own if need be"
        )
    if not gold:
        raise EvalError("B-cubed of an empty clustering is undefined; pass at least one item")
    pred_size = Counter(predicted.values())
    gold_size = Counter(gold.values())
    both = Counter((predicted[item], gold[item]) for item in gold)
    precision = recall = 0.0
    for item in gold:
        shared = both[(predicted[item], gold[item])]
        precision += shared / pred_size[predicted[item]]
        recall += shared / gold_size[gold[item]]
    precision /= len(gold)
    recall /= len(gold)
    return BCubed(precision=precision, recall=recall, f1=f1(precision, recall), items=len(gold))
