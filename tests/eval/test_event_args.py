"""WikiEvents and RAMS scorers on our own documents in their formats (tests/fixtures/annotated) and hand-built
reports: text rebuilt with an offset map, detection by sentence, argument head words with coreference."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.eval.event_args import ALL_GROUPS, evaluate_events, head_word
from incidex.eval.rams import detokenize, load_rams, role_name
from incidex.eval.wikievents import load_wikievents
from incidex.types import Document

from .annotated_helpers import incident, run_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "annotated"


@pytest.mark.parametrize(("phrase", "head"), [
    ("the leader of the group", "leader"), ("Taliban's", "taliban"), ("two soldiers", "soldiers"),
    ("people in Kabul who fled", "people"), ("Islamic State group", "group"), ("", None), ("of", None),
])
def test_head_word(phrase: str, head: str | None) -> None:
    assert head_word(phrase) == head


@pytest.fixture(scope="module")
def wiki():
    (document,) = load_wikievents(FIXTURES / "wikievents_mini.jsonl")
    return document


def test_wikievents_text_is_rebuilt_with_separators_and_offsets_kept(wiki) -> None:
    assert wiki.text.startswith("Car bomb kills two soldiers in Aleppo\nA car bomb exploded")  # a headline: newline
    assert "soldiers. The Islamic State" in wiki.text  # a sentence after a full stop: one space
    for start, end in wiki.sentences:
        assert wiki.text[start:end] and not wiki.text[start:end].startswith(" ")
    assert [e.trigger for e in wiki.events] == ["exploded", "killing", "arrested", "claimed"]
    assert [e.kind for e in wiki.events] == ["attack", "die", "arrest", None]
    assert [e.sentence for e in wiki.events] == [1, 1, 2, 2]


def test_wikievents_arguments_carry_their_coreferent_heads(wiki) -> None:
    attack, die, arrest, _ = wiki.events
    assert {(a.group, a.text) for a in attack.arguments} == {
        ("weapons", "car bomb"), ("location", "Aleppo"), ("perpetrators", "Islamic State group")}
    (victim,) = [a for a in die.arguments if a.group == "victims"]
    assert victim.heads == {"soldiers"}
    assert not arrest.arguments  # Detainee and Jailer are not mapped to our groups


def evaluate_wiki(wiki, incidents):
    return evaluate_events("WikiEvents", [wiki], run_of([(Document(text=wiki.text, id=wiki.id), incidents)]))


def span(document, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(text, start + 1)
    return start, start + len(text)


def test_an_incident_detects_the_events_whose_sentence_its_evidence_touches(wiki) -> None:
    bomb = span(wiki, "car bomb")
    found = incident(type="bombing", evidence=[("type", *bomb), ("weapons[0]", *bomb)], weapons=["car bomb"])
    evaluation = evaluate_wiki(wiki, [found])
    tally = evaluation.sections[0].tally
    assert (tally.fields["detected: attack"].n, tally.fields["detected: attack"].correct) == (1, 1)
    assert (tally.fields["detected: die"].n, tally.fields["detected: die"].correct) == (1, 1)
    assert (tally.fields["detected: arrest"].n, tally.fields["detected: arrest"].correct) == (1, 0)
    assert tally.errors["event missed: arrest"] == 1
    precision = tally.fields["our incidents in a sentence with such an event"]
    assert (precision.n, precision.correct) == (1, 1)


def test_arguments_score_by_head_word_and_coreference(wiki) -> None:
    evidence = [("type", *span(wiki, "exploded")),
                ("victims[0]", *span(wiki, "soldiers", 0)),  # the headline's mention: coreferent with the gold one
                ("perpetrators[0]", *span(wiki, "Islamic State group")),
                ("location.name", *span(wiki, "checkpoint")),
                ("weapons[0]", *span(wiki, "bomb", 1))]
    prf = evaluate_wiki(wiki, [incident(evidence=evidence)]).sections[1].prf
    assert (prf["victims"].p_num, prf["victims"].p_den, prf["victims"].r_num, prf["victims"].r_den) == (1, 1, 1, 1)
    assert (prf["perpetrators"].precision, prf["perpetrators"].recall) == (1.0, 1.0)
    assert (prf["weapons"].p_num, prf["weapons"].r_num) == (1, 1)  # "bomb" is the head of "car bomb"
    assert (prf["location"].p_num, prf["location"].p_den, prf["location"].r_num) == (0, 1, 0)
    assert (prf[ALL_GROUPS].p_num, prf[ALL_GROUPS].p_den, prf[ALL_GROUPS].r_den) == (3, 4, 4)


def test_a_part_of_a_list_item_is_no_filler(wiki) -> None:
    evidence = [("type", *span(wiki, "exploded")), ("victims[0]", *span(wiki, "soldiers", 0)),
                ("victims[0].status", *span(wiki, "kills"))]  # the words that give the victim's status
    prf = evaluate_wiki(wiki, [incident(evidence=evidence)]).sections[1].prf
    assert (prf["victims"].p_num, prf["victims"].p_den) == (1, 1)


def test_an_incident_in_a_sentence_with_no_such_event_costs_precision(wiki) -> None:
    claimed = span(wiki, "claimed")
    headline = span(wiki, "kills")
    evaluation = evaluate_wiki(wiki, [incident(evidence=[("type", *headline)]),
                                      incident(evidence=[("type", *span(wiki, "Car"))])])
    precision = evaluation.sections[0].tally.fields["our incidents in a sentence with such an event"]
    assert (precision.n, precision.correct) == (2, 0)  # the headline's "kills" is not annotated as an event
    assert claimed[0] > 0 and evaluation.records[0]["errors"][0]["error"].startswith("event missed")


def test_a_failed_document_detects_nothing(wiki) -> None:
    evaluation = evaluate_wiki(wiki, None)
    assert evaluation.sections[0].tally.fields["detected: all kinds"].correct == 0
    assert evaluation.sections[0].tally.errors["document failed"] == 1


def test_a_rams_argument_label_gives_its_role_whatever_its_numbering() -> None:
    assert [role_name(label) for label in ("evt089arg01victim", "evt1arg123place")] == ["victim", "place"]


def test_rams_tokens_are_detokenized_with_spans() -> None:
    text, sentences, tokens = detokenize([["He", "said", ",", "\"", "no", "\"", "."], ["It", "'s", "(", "late", ")"]])
    assert text == 'He said, " no ". It\'s (late)'
    assert [text[s:e] for s, e in tokens][2:4] == [",", '"']
    assert [text[s:e] for s, e in sentences] == ['He said, " no ".', "It's (late)"]


def test_rams_one_event_per_window_scores_only_incidents_that_detect_it() -> None:
    attack, meeting = load_rams(FIXTURES / "rams_mini.jsonlines")
    assert attack.text.startswith("Gunmen opened fire on a bus near Quetta on Friday, police said.")
    assert attack.events[0].kind == "attack" and attack.events[0].trigger == "fire"
    assert meeting.events[0].kind is None and attack.one_event
    found = incident(evidence=[("type", *span(attack, "fire")), ("perpetrators[0]", *span(attack, "gunmen", 0)),
                               ("victims[0]", *span(attack, "Three passengers"))])
    elsewhere = incident(evidence=[("type", *span(attack, "attack")), ("weapons[0]", *span(attack, "wounded"))])
    meeting_incident = incident(evidence=[("type", *span(meeting, "met"))])
    run = run_of([(Document(text=attack.text, id=attack.id), [found, elsewhere]),
                  (Document(text=meeting.text, id=meeting.id), [meeting_incident])])
    evaluation = evaluate_events("RAMS", [attack, meeting], run)
    tally = evaluation.sections[0].tally
    assert tally.fields["detected: attack"].correct == 1
    kind = tally.fields["right kind, of documents where we detect the annotated event"]
    assert (kind.n, kind.correct) == (2, 1)  # the meeting window: an event of another kind
    prf = evaluation.sections[1].prf
    assert (prf["perpetrators"].p_num, prf["perpetrators"].r_num) == (1, 1)  # "gunmen" in the last sentence
    assert (prf["victims"].p_den, prf["victims"].r_num, prf["victims"].r_den) == (1, 0, 1)  # passengers, not the bus
    assert prf["weapons"].p_den == 0  # the incident in the third sentence does not detect the annotated event
