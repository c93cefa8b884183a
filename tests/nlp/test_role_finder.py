"""The roles component on hand-built Docs (no model): which argument goes where, and frames stay as built."""

from __future__ import annotations

import copy
from pathlib import Path

from incidex.nlp.actors import COMMUNAL_KIND
from incidex.nlp.annotations import ActorMention
from incidex.nlp.roles import RoleFinder, _claimed_incident

from .handmade import NLP, frame, parsed, trigger

GUNMEN_KILLED_THE_MAYOR = ("Gunmen/gunman/NOUN/NNS/nsubj/1 killed/kill/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
                           "mayor/mayor/NOUN/NN/dobj/1 ././PUNCT/./punct/1")


def test_roles_assigns_the_subject_as_perpetrator_and_the_killed_object_as_victim() -> None:
    doc = parsed(GUNMEN_KILLED_THE_MAYOR)
    doc._.incidex_incidents = [frame(doc, trigger(doc, 1, "armed_assault", strong=False))]
    RoleFinder(NLP)(doc)
    args = doc._.incidex_arguments["i1"]
    assert [(p.text, p.kind) for p in args.perpetrators] == [("Gunmen", "individual")]
    assert [(v.text, [s.status for s in v.statuses]) for v in args.victims] == [("the mayor", ["killed"])]
    assert [(c.field, c.value) for c in args.casualties] == [("killed.victims", 1)]


def test_roles_writes_its_own_attribute_and_leaves_the_frames_as_built() -> None:
    doc = parsed(GUNMEN_KILLED_THE_MAYOR)
    frames = [frame(doc, trigger(doc, 1, "armed_assault", strong=False))]
    doc._.incidex_incidents = frames
    before = copy.deepcopy(frames)
    RoleFinder(NLP)(doc)
    assert doc._.incidex_incidents == before
    assert set(doc._.incidex_arguments) == {"i1"}


def test_roles_of_a_doc_without_incidents_are_empty() -> None:
    doc = parsed(GUNMEN_KILLED_THE_MAYOR)
    doc._.incidex_incidents = []
    assert RoleFinder(NLP)(doc)._.incidex_arguments == {}


def test_roles_assigns_soldiers_who_free_hostages_as_responders() -> None:
    doc = parsed("Soldiers/soldier/NOUN/NNS/nsubj/1 freed/free/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
                 "hostages/hostage/NOUN/NNS/dobj/1 ././PUNCT/./punct/1")
    doc._.incidex_incidents = [frame(doc, trigger(doc, 3, "hostage_taking"))]
    args = RoleFinder(NLP)(doc)._.incidex_arguments["i1"]
    assert [r.text for r in args.responders] == ["Soldiers"]
    assert [v.text for v in args.victims] == ["the hostages"]
    assert not args.perpetrators


def test_roles_reads_the_weapon_lexicon_its_config_names(tmp_path: Path) -> None:
    text = ("A/a/DET/DT/det/1 man/man/NOUN/NN/nsubj/2 attacked/attack/VERB/VBD/ROOT/2 guards/guard/NOUN/NNS/dobj/2 "
            "with/with/ADP/IN/prep/2 a/a/DET/DT/det/6 slingshot/slingshot/NOUN/NN/pobj/4 ././PUNCT/./punct/2")
    lexicon = tmp_path / "weapons.txt"
    lexicon.write_text("# incidex lexicon weapons, version 1\nslingshot\n", encoding="utf-8")
    found = {}
    for name, weapons in (("shipped", "weapons"), ("own", str(lexicon))):
        doc = parsed(text)
        doc._.incidex_incidents = [frame(doc, trigger(doc, 2, "armed_assault", strong=False))]
        found[name] = [w.text for w in RoleFinder(NLP, weapons=weapons)(doc)._.incidex_arguments["i1"].weapons]
    assert found == {"shipped": [], "own": ["slingshot"]}


def test_roles_takes_a_communal_militia_whose_noun_is_the_agent_when_the_name_is_the_root() -> None:
    # A headline parse that makes the community's name the root and its militia noun the subject of the attack.
    doc = parsed("Tiv/tiv/NOUN/NN/ROOT/0 raiders/raider/NOUN/NNS/nsubj/2 attack/attack/VERB/VBP/ccomp/0 "
                 "farmers/farmer/NOUN/NNS/dobj/2")
    doc._.incidex_actors = [ActorMention(0, 11, "Tiv raiders", "Tiv Communal Militia", COMMUNAL_KIND)]
    doc._.incidex_incidents = [frame(doc, trigger(doc, 2, "armed_assault", strong=False))]
    args = RoleFinder(NLP)(doc)._.incidex_arguments["i1"]
    assert [(p.name, p.relation) for p in args.perpetrators if p.kind == "organization"] == [
        ("Tiv Communal Militia", "stated")]


def test_a_claim_whose_object_the_parse_lost_still_names_what_was_claimed() -> None:
    doc = parsed("ZRA/ZRA/PROPN/NNP/nsubj/1 claimed/claim/VERB/VBD/ROOT/1 "
                 "responsibility/responsibility/NOUN/NN/nsubjpass/6 for/for/ADP/IN/prep/2 a/a/DET/DT/det/5 "
                 "blast/blast/NOUN/NN/pobj/3 reported/report/VERB/VBN/ccomp/1")
    claimed = _claimed_incident(doc[0])
    assert claimed is not None and claimed.i == 5
