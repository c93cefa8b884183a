"""Figures and dates that the text states, and nothing else, through the real ``incidex ingest`` into a real
SQLite file (issue 14, items 1 and 5): no casualty figure from a clause about responsibility, arrests, warnings or
threats; explicit statements of none still give 0 with their words; an incident is dated by its action, not by the
statement about it, and one action told twice is one incident."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from .cli_helpers import run_incidex

pytestmark = pytest.mark.slow

PUBLISHED = "2024-06-19"  # a Wednesday: "on Monday" is 2024-06-17, "on Tuesday" 2024-06-18
CASES = {
    "no_group_claimed": "A bomb exploded outside a police station in Quetta on Friday, police said. No group has "
                        "claimed responsibility.",
    "no_immediate_claim": "A bomb exploded outside a police station in Quetta on Friday, killing six people, police "
                          "said. There was no immediate claim of responsibility.",
    "nobody_claimed": "A bomb exploded in a market in Kano on Monday. Nobody has claimed the attack.",
    "no_one_arrested": "A bomb exploded in Peshawar on Sunday, wounding four people. No group has claimed "
                       "responsibility, and no one has been arrested.",
    "none_of_hostages": "Gunmen seized a bus near Kano on Sunday. None of the hostages has been freed, police said.",
    "threat": "A bomb exploded in a market in Maiduguri on Monday. The group threatened to kill 10 hostages unless "
              "its demands were met.",
    "warning": "A bomb exploded in a market in Kano on Monday. Officials warned that 500 people could die if the "
               "fighting spreads.",
    "running_total": "A bomb exploded in a market in Maiduguri on Monday. Boko Haram has killed thousands of people "
                     "over the past decade.",
    "claimed_lives": "A suicide bomber struck a market in Kabul on Monday. The attack claimed 12 lives, officials "
                     "said. No group claimed the attack.",
    "no_one_hurt": "A grenade exploded near a school in Mogadishu on Monday. No one was hurt, police said.",
    "no_casualties": "A grenade exploded near a school in Mogadishu on Monday. No casualties were reported.",
    "uninjured": "Gunmen stormed a bank in Lima on Monday and took six staff hostage. The hostages were released "
                 "uninjured on Tuesday.",
    "told_twice_after": "Gunmen abducted 12 students after storming a school late on Monday, police said on Tuesday.",
    "told_twice_when": "Twelve students were abducted when gunmen stormed a school late on Monday, police said on "
                       "Tuesday.",
    "confirmed_later": "Gunmen stormed a school late on Monday and abducted 12 students. Police confirmed the "
                       "kidnapping on Tuesday.",
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """The incidents of each case, as ``incidex ingest`` stored them in a SQLite file."""
    folder = tmp_path_factory.mktemp("truthful")
    feed = folder / "cases.jsonl"
    feed.write_text("".join(json.dumps({"id": name, "text": text, "published": PUBLISHED}) + "\n"
                            for name, text in CASES.items()), encoding="utf-8")
    db = folder / "store.db"
    result = run_incidex("ingest", feed, "--db", db)
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT document_id, incident FROM records ORDER BY record_id").fetchall()
    found: dict[str, list[dict]] = {name: [] for name in CASES}
    for document_id, incident in rows:
        found[document_id].append(json.loads(incident))
    return found


def main(incidents: list[dict]) -> dict:
    mains = [i for i in incidents if i["role"] == "main"]
    assert len(mains) == 1, incidents
    return mains[0]


def casualty_values(incident: dict) -> dict[str, int | None]:
    cas = incident["casualties"]
    values = {f"{kind}.{part}": cas[kind][part] for kind in ("killed", "injured") for part in cas[kind]}
    return values | {name: cas[name] for name in ("hostages_taken", "hostages_released", "arrested")}


def evidence_of(incident: dict, field: str) -> list[str]:
    return [e["text"] for e in incident["evidence"] if e["field"] == field]


@pytest.mark.parametrize("name", ["no_group_claimed", "nobody_claimed", "none_of_hostages", "threat", "warning",
                                  "running_total"])
def test_clauses_about_something_else_leave_every_figure_unknown(stored, name: str) -> None:
    incident = main(stored[name])
    assert set(casualty_values(incident).values()) == {None}, incident["figures"]
    assert incident["figures"] == []


def test_no_immediate_claim_adds_no_zero_beside_the_stated_toll(stored) -> None:
    incident = main(stored["no_immediate_claim"])
    assert incident["casualties"]["killed"]["total"] == 6
    assert [f["value"] for f in incident["figures"]] == [6]
    assert all(r["low"] == r["high"] for r in incident["reconciliation"])  # no bogus 0-6 range


def test_arrests_and_responsibility_clauses_do_not_touch_the_wounded_figure(stored) -> None:
    values = casualty_values(main(stored["no_one_arrested"]))
    assert values["injured.victims"] == 4 and values["injured.total"] == 4
    assert values["killed.total"] is None and values["arrested"] is None


def test_claimed_lives_is_a_death_toll(stored) -> None:
    incident = main(stored["claimed_lives"])
    assert incident["casualties"]["killed"]["total"] == 12
    assert evidence_of(incident, "casualties.killed.total") == ["12 lives"]


@pytest.mark.parametrize(("name", "fields", "words"), [
    ("no_one_hurt", ["injured.total"], "No one was hurt"),
    ("no_casualties", ["killed.total", "injured.total"], "No casualties were reported"),
    ("uninjured", ["killed.victims", "injured.victims"], "uninjured"),
])
def test_explicit_statements_of_none_give_zero_with_their_words(stored, name: str, fields: list[str],
                                                                words: str) -> None:
    incident = main(stored[name])
    values = casualty_values(incident)
    for field in fields:
        assert values[field] == 0
        assert evidence_of(incident, f"casualties.{field}") == [words]


@pytest.mark.parametrize("name", ["told_twice_after", "told_twice_when", "confirmed_later"])
def test_one_action_told_twice_is_one_incident_dated_by_its_action(stored, name: str) -> None:
    incidents = stored[name]
    assert len(incidents) == 1, [(i["type"], i["date"]) for i in incidents]
    incident = incidents[0]
    assert incident["type"] == "kidnapping"
    assert incident["date"]["value"] == "2024-06-17"
    assert incident["casualties"]["hostages_taken"] == 12


def test_extract_prints_no_invented_zero(tmp_path: Path) -> None:
    report = tmp_path / "quetta.txt"
    report.write_text(CASES["no_group_claimed"], encoding="utf-8")
    result = run_incidex("extract", report, "--published", PUBLISHED)
    assert result.returncode == 0, result.stderr
    incident = json.loads(result.stdout)["incidents"][0]
    assert incident["casualties"]["killed"]["total"] is None
    assert not any("claimed" in e["text"] for e in incident["evidence"] if e["field"].startswith("casualties"))
