"""Decoding the encoder heads' outputs into role spans with character offsets, and choosing what to encode."""

from __future__ import annotations

import numpy as np

from incidex.nlp.encoder_roles import FACTORY_NAME, EncoderHeads, document_roles, flagged_sentences, window_spans
from incidex.nlp.encoding import sentence_spans
from incidex.nlp.tags import DOC_LABELS, TAGS, spans_from_tags, viterbi


def _log_probs(tags: list[str], confidence: float = 0.9) -> np.ndarray:
    rest = (1 - confidence) / (len(TAGS) - 1)
    probs = np.full((len(tags), len(TAGS)), rest)
    for i, tag in enumerate(tags):
        probs[i, TAGS.index(tag)] = confidence
    return np.log(probs)


def test_viterbi_never_starts_a_span_inside() -> None:
    tags = viterbi(_log_probs(["O", "I-Victim", "I-Victim", "O"]))
    assert all(not TAGS[t].startswith("I-") or TAGS[tags[i - 1]][2:] == TAGS[t][2:] for i, t in enumerate(tags) if i)
    assert TAGS[tags[0]] == "O"


def test_spans_from_tags_gives_pieces_role_and_confidence() -> None:
    log_probs = _log_probs(["B-PerpOrg", "I-PerpOrg", "O", "B-Weapon"], confidence=0.8)
    spans = spans_from_tags(viterbi(log_probs), np.exp(log_probs))
    assert [(s, e, role) for s, e, role, _ in spans] == [(0, 2, "PerpOrg"), (3, 4, "Weapon")]
    assert all(abs(p - 0.8) < 1e-6 for *_, p in spans)


def test_window_spans_widen_pieces_to_whole_words_and_keep_offsets() -> None:
    text = "Yesterday the Zapatistas fired mortars at the barracks."
    # pieces: "the", "zap", "##atistas", "fired", "mort", "##ars"
    offsets = np.array([[10, 13], [14, 17], [17, 24], [25, 30], [31, 35], [35, 38]])
    log_probs = _log_probs(["O", "B-PerpOrg", "O", "O", "O", "B-Weapon"])
    spans = window_spans(text, offsets, log_probs, EncoderHeads())
    assert [(s.text, s.role) for s in spans] == [("Zapatistas", "PerpOrg"), ("mortars", "Weapon")]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_span_thresholds_drop_unsure_spans_per_role() -> None:
    text = "rebels burned a bus"
    offsets = np.array([[0, 6], [7, 13], [14, 15], [16, 19]])
    log_probs = _log_probs(["B-PerpInd", "O", "O", "B-Target"], confidence=0.5)
    heads = EncoderHeads(span_threshold={"Target": 0.6})
    assert [s.text for s in window_spans(text, offsets, log_probs, heads)] == ["rebels"]


def test_document_roles_name_their_component_and_relevance() -> None:
    probs = np.array([0.8, 0.1, 0.7, 0.05, 0.0, 0.0, 0.0])
    assert DOC_LABELS[2] == "bombing"
    learned = document_roles("x", [], probs, EncoderHeads())
    assert learned.relevance == 0.8 and learned.types[0].type == "bombing"
    assert learned.component == FACTORY_NAME
    assert document_roles("x", [], None, EncoderHeads()).relevance == 0.0


def test_sentences_split_at_stops_blank_lines_and_space_runs() -> None:
    text = "Gunmen attacked. Police said so!   the mayor fled\n\nA new day."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Gunmen attacked.", "Police said so!", "the mayor fled",
                                                          "A new day."]


def test_flagged_sentences_take_trigger_sentences_and_their_neighbours() -> None:
    text = "One. Two. Three bombs. Four. Five. Six."
    sentences = sentence_spans(text)
    trigger = text.index("bombs")
    assert [text[s:e] for s, e in flagged_sentences(text, [trigger], neighbours=1)] == ["Two.", "Three bombs.",
                                                                                       "Four."]
    assert flagged_sentences(text, [trigger], neighbours=0) == [sentences[2]]
    assert flagged_sentences(text, []) == []


def test_document_roles_record_the_text_each_window_read() -> None:
    text = "rebels burned a bus. Police came. Troops fired"
    first = np.array([[0, 6], [7, 13], [14, 15], [16, 19], [19, 20]])
    last = np.array([[34, 40], [41, 46]])
    windows = [(first, _log_probs(["B-PerpInd", "O", "O", "B-Target", "O"])), (last, _log_probs(["O", "O"]))]
    learned = document_roles(text, windows, None, EncoderHeads())
    assert [text[s:e] for s, e in learned.read] == ["rebels burned a bus.", "Troops fired"]
    assert [s.text for s in learned.spans] == ["rebels", "bus"]
