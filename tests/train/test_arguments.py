"""Event-argument data (RAMS, WikiEvents formats) mapped onto MUC-4 roles as extra tagger passages; the examples
are our own sentences in those formats."""

from __future__ import annotations

import json
from pathlib import Path

from incidex.eval.muc4 import load_muc4
from incidex_train.arguments import head_kind, muc_role, rams_records, role_counts, usable, wikievents_records


def test_doers_split_into_persons_and_organizations() -> None:
    assert muc_role("attacker", "person") == "PerpInd"
    assert muc_role("killer", "organization") == "PerpOrg"
    assert muc_role("injurer", "other") is None  # a country or an abstraction is no MUC-4 perpetrator


def test_targets_that_are_people_are_victims_and_instruments_are_weapons() -> None:
    assert muc_role("target", "person") == "Victim"
    assert muc_role("Target", "other") == "Target"
    assert muc_role("ExplosiveDevice", "other") == "Weapon"
    assert muc_role("place", "other") is None


def test_a_noun_for_people_makes_a_person_in_either_number() -> None:
    assert head_kind("two masked gunmen") == "person"
    assert head_kind("the militants") == "person"
    assert head_kind("the ruling coalition") == "other"


def test_pronouns_and_clauses_are_not_fillers() -> None:
    assert not usable("They")
    assert not usable("the men who had driven up from the coast earlier that week in a van")
    assert usable("a roadside bomb")


RAMS_LINE = {
    "doc_key": "nw_test1", "sentences": [["Two", "gunmen", "shot", "at", "a", "minibus", "."],
                                         ["The", "Northern", "Front", "said", "it", "did", "it", "."]],
    "evt_triggers": [[2, 3, [["conflict.attack.firearmattack", 1.0]]]],
    "gold_evt_links": [[[2, 3], [0, 1], "evt001arg01attacker"], [[2, 3], [4, 5], "evt001arg02target"],
                       [[2, 3], [8, 9], "evt001arg01attacker"], [[2, 3], [11, 11], "evt001arg01attacker"]],
}


def _kind(text: str, start: int, end: int) -> str:
    return "organization" if text[start:end] == "Northern Front" else head_kind(text[start:end])


def test_a_rams_attack_gives_one_document_with_its_fillers(tmp_path: Path) -> None:
    other = {**RAMS_LINE, "doc_key": "nw_test2", "evt_triggers": [[2, 3, [["contact.meet.n/a", 1.0]]]]}
    records = list(rams_records([json.dumps(RAMS_LINE), json.dumps(other)], _kind))
    assert len(records) == 1
    template = records[0]["templates"][0]
    assert [e[0][0] for e in template["PerpInd"]] == ["Two gunmen"]
    assert [e[0][0] for e in template["PerpOrg"]] == ["Northern Front"]
    assert [e[0][0] for e in template["Target"]] == ["a minibus"]  # the pronoun "it" is left out
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps(records[0]) + "\n")
    assert load_muc4(path)[0].templates[0].PerpOrg == (("Northern Front",),)


def test_wikievents_entity_types_decide_the_perpetrator_role() -> None:
    document = {
        "doc_id": "test_doc", "sentences": [[[], "A car bomb hit the market."], [[], "The Delta Brigade claimed it."]],
        "entity_mentions": [{"id": "m1", "entity_type": "WEA", "text": "car bomb"},
                            {"id": "m2", "entity_type": "FAC", "text": "market"},
                            {"id": "m3", "entity_type": "ORG", "text": "Delta Brigade"}],
        "event_mentions": [{"event_type": "Conflict.Attack.DetonateExplode", "arguments": [
            {"entity_id": "m1", "role": "ExplosiveDevice"}, {"entity_id": "m2", "role": "Target"},
            {"entity_id": "m3", "role": "Attacker"}]}],
    }
    [record] = wikievents_records([json.dumps(document)])
    assert record["doctext"] == "A car bomb hit the market. The Delta Brigade claimed it."
    assert record["templates"][0]["incident_type"] == "bombing"
    assert role_counts([record]) == {"Weapon": 1, "Target": 1, "PerpOrg": 1}
