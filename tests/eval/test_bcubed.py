import pytest

from incidex.errors import EvalError
from incidex.eval.bcubed import bcubed

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_perfect_clustering_scores_one():
    result = bcubed({k: f"x{v}" for k, v in GOLD.items()}, GOLD)
    assert (result.precision, result.recall, result.f1, result.items) == (1.0, 1.0, 1.0, 5)


def test_all_singletons_have_full_precision_and_low_recall():
    result = bcubed({k: k for k in GOLD}, GOLD)
    # recall per item: a,b,c -> 1/3 each; d,e -> 1/2 each
    assert result.precision == 1.0
    assert result.recall == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)


def test_one_big_cluster_has_full_recall_and_low_precision():
    result = bcubed({k: "all" for k in GOLD}, GOLD)
    assert result.recall == 1.0
    assert result.precision == pytest.approx((3 * (3 / 5) + 2 * (2 / 5)) / 5)
    assert result.f1 == pytest.approx(2 * result.precision / (result.precision + 1))


def test_partial_clustering_by_hand():
    # predicted {a,b} {c,d} {e}: a,b: P 1, R 2/3; c: P 1/2, R 1/3; d: P 1/2, R 1/2; e: P 1, R 1/2
    result = bcubed({"a": "p", "b": "p", "c": "q", "d": "q", "e": "r"}, GOLD)
    assert result.precision == pytest.approx((1 + 1 + 0.5 + 0.5 + 1) / 5)
    assert result.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 / 2 + 1 / 2) / 5)


def test_cluster_labels_do_not_matter_only_grouping():
    renamed = {"a": 9, "b": 9, "c": 9, "d": 1, "e": 1}
    assert bcubed(renamed, GOLD).f1 == 1.0


def test_items_must_match():
    with pytest.raises(EvalError, match="same items"):
        bcubed({"a": 1}, GOLD)
    with pytest.raises(EvalError, match="empty"):
        bcubed({}, {})
