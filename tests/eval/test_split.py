"""The tune/check split: a pure function of the document id, about 80/20, the same in any order or subset."""

from __future__ import annotations

import pytest

from incidex.eval.split import select, split_of


def test_the_split_is_about_eighty_twenty_and_depends_on_the_id_alone() -> None:
    ids = [f"doc-{n}" for n in range(2000)]
    tune = [doc_id for doc_id in ids if split_of(doc_id) == "tune"]
    assert 0.77 < len(tune) / len(ids) < 0.83
    assert [split_of(doc_id) for doc_id in reversed(ids)] == [split_of(doc_id) for doc_id in ids][::-1]
    assert split_of("KEN6833") == split_of("KEN6833")


def test_select_keeps_input_order_and_applies_the_limit_after_the_split() -> None:
    ids = [f"row{n}" for n in range(100)]
    check = select(ids, split="check", key=str)
    assert check == [doc_id for doc_id in ids if split_of(doc_id) == "check"]
    assert select(ids, split="check", key=str, limit=3) == check[:3]
    assert select(ids, split="all", key=str, limit=5) == ids[:5]
    assert set(select(ids, split="tune", key=str)) | set(check) == set(ids)
    with pytest.raises(ValueError, match="unknown split"):
        select(ids, split="dev", key=str)
