"""Role filling: perpetrators with relations, victims with status, targets, responders, weapons (real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def main(report):
    return next(i for i in report.incidents if i.role == "main")


def orgs(incident) -> dict[str, str | None]:
    return {p.name: p.relation for p in incident.perpetrators if p.kind == "organization"}


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("A suicide bomber struck a mosque in Jalalabad on Friday, killing 11 worshippers. Islamic State claimed "
         "responsibility for the bombing.", "claimed"),
        ("Police accused Boko Haram of abducting 20 students from a school in Borno on Monday.", "accused"),
        ("Gunmen linked to al-Shabaab stormed a hotel in Mogadishu on Sunday, killing eight people.", "linked"),
        ("Suspected ELN rebels bombed an oil pipeline in Arauca on Tuesday, the army said.", "suspected"),
        ("Boko Haram fighters attacked a military base in Borno on Sunday, killing five soldiers.", "stated"),
    ],
)
def test_organization_relation_follows_the_text(extract, text: str, relation: str) -> None:
    incident = main(extract(text, published="2024-06-18"))
    assert list(orgs(incident).values()) == [relation]


def test_alias_is_normalized_to_the_canonical_group(extract) -> None:
    text = "ISKP claimed responsibility for a bombing at a market in Kabul on Monday that killed nine people."
    assert "Islamic State Khorasan" in orgs(main(extract(text, published="2024-06-18")))


def test_claim_for_a_recalled_attack_does_not_attach_to_the_main_incident(extract) -> None:
    text = ("Gunmen kidnapped two engineers in Kaduna on Monday. Boko Haram, which claimed responsibility for a "
            "bombing in Maiduguri in March, has not commented.")
    report = extract(text, published="2024-06-18")
    assert orgs(main(report)).get("Boko Haram") != "claimed"


def test_victims_with_count_and_status(extract) -> None:
    text = "Kidnappers abducted three aid workers near Gao on Tuesday. Two of them were released on Thursday."
    incident = main(extract(text, published="2024-06-21"))
    victim = incident.victims[0]
    assert victim.count == 3 and "kidnapped" in (victim.status or "")


def test_targets_responders_and_weapons(extract) -> None:
    text = ("Militants armed with rifles and grenades attacked a police checkpoint in Kirkuk on Sunday before "
            "soldiers repelled them, officials said.")
    incident = main(extract(text, published="2024-06-17"))
    assert any("checkpoint" in t.text for t in incident.targets)
    assert any("soldiers" in r.text for r in incident.responders)
    assert {w.text for w in incident.weapons} == {"rifles", "grenades"}


def test_place_people_come_from_is_not_the_incident_place(extract) -> None:
    text = ("Gunmen attacked a bus station in Nairobi on Saturday, killing four people. The attackers were from "
            "Somalia, police said.")
    incident = main(extract(text, published="2024-06-17"))
    assert incident.location.name == "Nairobi" and incident.location.country_code == "KE"


def test_ambiguous_place_resolves_by_country_in_the_report(extract) -> None:
    text = ("Armed men robbed a jewellery store in San Isidro, a district of the Peruvian capital, on Thursday, "
            "police in Peru said.")
    incident = main(extract(text, published="2024-06-21"))
    assert incident.location.country_code == "PE"


def test_every_filled_field_has_evidence_pointing_into_the_text(extract) -> None:
    text = ("Three gunmen stormed a hotel in Mogadishu on Sunday, killing 12 civilians, police said. Al-Shabaab "
            "claimed responsibility.")
    report = extract(text, published="2024-06-17")
    incident = main(report)
    cited = {e.field for e in incident.evidence}
    for e in incident.evidence:
        assert text[e.start:e.end] == e.text
    assert {"type", "date", "location.name", "location.country_code", "casualties.killed.victims"} <= cited
    assert {f"perpetrators[{i}]" for i in range(len(incident.perpetrators))} <= cited
    assert {f"sources[{i}]" for i in range(len(incident.sources))} <= cited
