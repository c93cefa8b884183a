"""The one component that decides the incident type, on hand-built Docs (no model)."""

from __future__ import annotations

from incidex.nlp.incident_types import IncidentTyper
from incidex.nlp.roles import RoleFinder

from .handmade import NLP, frame, parsed, trigger


def typed(sentence: str, *triggers: tuple[int, str, bool]) -> str:
    doc = parsed(sentence)
    doc._.incidex_incidents = [frame(doc, *(trigger(doc, i, kind, strong=strong) for i, kind, strong in triggers))]
    RoleFinder(NLP)(doc)
    return IncidentTyper(NLP)(doc)._.incidex_types["i1"]


def killed(noun: str) -> str:
    return (f"Gunmen/gunman/NOUN/NNS/nsubj/1 killed/kill/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
            f"{noun}/{noun}/NOUN/NN/dobj/1 ././PUNCT/./punct/1")


def test_types_make_the_killing_of_an_official_an_assassination() -> None:
    assert typed(killed("mayor"), (1, "armed_assault", False)) == "assassination"
    assert typed(killed("villager"), (1, "armed_assault", False)) == "armed_assault"


def test_types_make_violence_by_protesters_a_riot() -> None:
    sentence = ("Protesters/protester/NOUN/NNS/nsubj/1 burned/burn/VERB/VBD/ROOT/1 a/a/DET/DT/det/3 "
                "car/car/NOUN/NN/dobj/1 ././PUNCT/./punct/1")
    assert typed(sentence, (1, "arson", False)) == "riot"
    assert typed(sentence.replace("Protesters/protester", "Attackers/attacker"), (1, "arson", False)) == "arson"


def test_types_prefer_a_specific_trigger_over_a_generic_one() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 kidnapped/kidnap/VERB/VBD/ROOT/1 and/and/CCONJ/CC/cc/1 "
                "attacked/attack/VERB/VBD/conj/1 villagers/villager/NOUN/NNS/dobj/3 ././PUNCT/./punct/1")
    assert typed(sentence, (1, "kidnapping", True), (3, "armed_assault", False)) == "kidnapping"
    assert typed(sentence, (3, "armed_assault", False)) == "armed_assault"


def test_types_make_a_capture_whose_captives_are_killed_an_assault() -> None:
    sentence = ("Gunmen/gunman/NOUN/NNS/nsubj/1 kidnapped/kidnap/VERB/VBD/ROOT/1 and/and/CCONJ/CC/cc/1 "
                "killed/kill/VERB/VBD/conj/1 villagers/villager/NOUN/NNS/dobj/3 ././PUNCT/./punct/1")
    assert typed(sentence, (1, "kidnapping", True), (3, "armed_assault", False)) == "armed_assault"
    assert typed(sentence.replace("kidnapped/kidnap", "arrested/arrest"), (1, "arrest", True),
                 (3, "armed_assault", False)) == "armed_assault"
    # wounding ends an arrest, not an abduction
    wounded = sentence.replace("killed/kill", "wounded/wound")
    assert typed(wounded.replace("kidnapped/kidnap", "arrested/arrest"), (1, "arrest", True),
                 (3, "armed_assault", False)) == "armed_assault"
    assert typed(wounded, (1, "kidnapping", True), (3, "armed_assault", False)) == "kidnapping"

