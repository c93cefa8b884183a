"""Dependency-tree helpers on hand-parsed Docs (no model)."""

from __future__ import annotations

from incidex.nlp.syntax import first_conjunct

from .handmade import parsed


def test_the_first_conjunct_is_where_a_chain_of_and_starts() -> None:
    doc = parsed("between/between/ADP/IN/ROOT/0 Kaya/Kaya/PROPN/NNP/pobj/0 ,/,/PUNCT/,/punct/1 "
                 "Pissila/Pissila/PROPN/NNP/conj/1 and/and/CCONJ/CC/cc/3 Kongoussi/Kongoussi/PROPN/NNP/conj/3")
    assert [first_conjunct(doc[i]).text for i in (1, 3, 5)] == ["Kaya", "Kaya", "Kaya"]
    assert first_conjunct(doc[0]).i == 0  # a word joined to nothing is its own first
