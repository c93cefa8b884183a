"""The trigger lexicon and its matcher, on hand-made Docs (words and lemmas, no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from incidex.nlp.triggers import AGENT_NOUNS, TriggerMatcher


@pytest.fixture(scope="module")
def matcher() -> TriggerMatcher:
    return TriggerMatcher()


def matches(matcher: TriggerMatcher, words: str, lemmas: str) -> list[tuple[str, bool, str]]:
    doc = Doc(spacy.blank("en").vocab, words=words.split(), lemmas=lemmas.split())
    return [(rule.type, rule.strong, doc[start:end].text) for rule, start, end in matcher(doc)]


def test_made_off_with_is_a_strong_robbery_phrase(matcher):
    found = matches(matcher, "robbers made off with $ 2 million", "robber make off with $ 2 million")
    assert ("robbery", True, "made off with") in found


def test_made_off_needs_with(matcher):
    assert matches(matcher, "he made off quickly", "he make off quickly") == []


@pytest.mark.parametrize(
    ("words", "lemmas", "phrase"),
    [
        ("the inmate escaped from jail", "the inmate escape from jail", "escaped"),
        ("a prison break in Texas", "a prison break in Texas", "prison break"),
        ("the jailbreak on Sunday", "the jailbreak on Sunday", "jailbreak"),
    ],
)
def test_escapes_are_other_incidents(matcher, words, lemmas, phrase):
    assert ("other", True, phrase) in matches(matcher, words, lemmas)


def test_rampage_is_a_weak_assault_trigger(matcher):
    assert matches(matcher, "his deadly rampage", "his deadly rampage") == [("armed_assault", False, "rampage")]


def test_an_escapee_names_a_perpetrator_but_starts_no_incident():
    assert "escapee" in AGENT_NOUNS


@pytest.mark.parametrize(
    ("words", "lemmas", "kind", "phrase"),
    [
        ("jets carried out aerial precision strikes on a camp", "jet carry out aerial precision strike on a camp",
         "air_or_drone_strike", "aerial precision strikes"),
        ("six fighters died in arial strikes", "six fighter die in arial strike", "air_or_drone_strike",
         "arial strikes"),
        ("the Airforce bombed two hideouts", "the airforce bomb two hideout", "air_or_drone_strike",
         "Airforce bombed"),
        ("a rocket hit the depot", "a rocket hit the depot", "shelling", "rocket hit"),
        ("he escaped an attack of rockets", "he escape an attack of rocket", "shelling", "attack of rockets"),
    ],
)
def test_strikes_from_the_air_and_rockets_are_typed_by_their_means(matcher, words, lemmas, kind, phrase):
    assert (kind, True, phrase) in matches(matcher, words, lemmas)
