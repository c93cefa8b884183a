"""Casualty figures on hand-built Docs (no model): counts, statements of none, what did not happen."""

from __future__ import annotations

from incidex.nlp.casualties import casualty_figures

from .handmade import number, parsed


def figures(sentence: str, counts: dict[int, int]) -> list[tuple[str, int | None]]:
    doc = parsed(sentence)
    numbers = [number(doc, index, value) for index, value in counts.items()]
    return [(figure.field, figure.value) for figure, _ in casualty_figures(doc, numbers)]


def test_casualties_count_killed_villagers_as_victims() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 killed/kill/VERB/VBD/ROOT/1 six/six/NUM/CD/nummod/3 "
                "villagers/villager/NOUN/NNS/dobj/1 ././PUNCT/./punct/1")
    assert figures(sentence, {2: 6}) == [("killed.victims", 6)]


def test_casualties_read_no_one_hurt_as_zero_injured() -> None:
    sentence = ("No/no/DET/DT/det/1 one/one/PRON/NN/nsubjpass/3 was/be/AUX/VBD/auxpass/3 hurt/hurt/VERB/VBN/ROOT/3 "
                "././PUNCT/./punct/3")
    assert figures(sentence, {}) == [("injured.total", 0)]


def test_casualties_give_no_figure_for_a_threatened_killing() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 threatened/threaten/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                "kill/kill/VERB/VB/xcomp/1 10/10/NUM/CD/nummod/5 hostages/hostage/NOUN/NNS/dobj/3 ././PUNCT/./punct/1")
    assert figures(sentence, {4: 10}) == []
