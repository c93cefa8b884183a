"""Casualty figures split by party, hostages and arrests, and zero statements (real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def main_incident(report):
    mains = [i for i in report.incidents if i.role == "main"]
    assert mains, "no main incident found"
    return mains[0]


def test_killed_split_between_attackers_and_victims(extract) -> None:
    text = ("Three gunmen attacked a hotel in Mogadishu on Sunday, killing 12 civilians before all three attackers "
            "were shot dead by police.")
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.killed.victims == 12
    assert cas.killed.perpetrators == 3
    assert cas.killed.total == 15


def test_injured_and_vague_amounts(extract) -> None:
    text = "A bomb exploded at a market in Kabul on Monday, killing seven people and wounding dozens, police said."
    incident = main_incident(extract(text, published="2024-06-18"))
    assert incident.casualties.killed.total == 7
    vague = [f for f in incident.figures if f.field.startswith("injured")]
    assert vague and vague[0].value is None and vague[0].low == 24 and vague[0].high == 99


def test_hostages_taken_and_released(extract) -> None:
    text = ("Armed men took 15 passengers hostage on a bus near Tripoli on Friday. Security forces freed ten of the "
            "hostages on Saturday, officials said.")
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.hostages_taken == 15
    assert cas.hostages_released == 10


def test_unknown_casualties_are_null_not_zero(extract) -> None:
    text = "Gunmen attacked a police post in Mandera on Tuesday, officials said."
    cas = main_incident(extract(text, published="2024-06-19")).casualties
    assert cas.killed.total is None and cas.injured.total is None and cas.arrested is None


def test_no_one_was_hurt_gives_zero(extract) -> None:
    text = "A bomb exploded outside a bank in Athens early on Sunday, but no one was hurt, police said."
    cas = main_incident(extract(text, published="2024-06-17")).casualties
    assert cas.injured.total == 0


def test_disagreeing_sources_keep_every_figure_and_reconcile_by_rule(extract) -> None:
    text = ("Militants attacked a military base in Borno on Sunday. A spokesman for the governor said 12 soldiers "
            "were killed. The Islamic State West Africa Province claimed in a statement that its fighters killed "
            "190 soldiers.")
    incident = main_incident(extract(text, published="2024-06-17"))
    values = sorted(f.value for f in incident.figures if f.field.startswith("killed"))
    assert 12 in values and 190 in values
    assert incident.casualties.killed.total == 12
    total = next(r for r in incident.reconciliation if r.field == "killed.total")
    assert (total.low, total.high) == (12, 190)
    chosen = next(r for r in incident.reconciliation if r.field != "killed.total" and r.field.startswith("killed"))
    assert chosen.value == 12 and "official" in chosen.rule
