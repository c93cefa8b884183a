"""Our own gold corpus (tests/corpus): its integrity, and the evaluation gate the pipeline must pass on it."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from incidex.eval.fields import FIELDS, score_reports
from incidex.eval.gate import check_gate, corpus_checksum, load_gate, run_corpus
from incidex.eval.gold import Accepted, GoldIncident, GoldReport, load_corpus
from incidex.types import (
    INCIDENT_TYPES,
    DateValue,
    DocumentInfo,
    Incident,
    Location,
    Mention,
    Perpetrator,
    Report,
    Source,
    Victim,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
GATE = ROOT / "eval" / "corpus_gate.json"


@pytest.fixture(scope="module")
def cases() -> list[GoldReport]:
    return load_corpus(CORPUS)


def test_corpus_covers_every_incident_type_and_has_no_incident_reports(cases):
    coded = {kind for case in cases for incident in case.incidents for kind in incident.type}
    assert set(INCIDENT_TYPES) - {"other"} <= coded
    with_incidents = [case for case in cases if case.incidents]
    without = [case for case in cases if not case.incidents]
    assert len(with_incidents) >= 18 and len(without) >= 3
    assert all(any(rule.field == "*" for rule in case.must_not) for case in without)


def test_reports_are_newswire_length_with_metadata_outside_the_text(cases):
    for case in cases:
        words = len(case.text.split())
        assert 150 <= words <= 600, f"{case.name}: {words} words"
        assert case.source, case.name
        published = dt.date.fromisoformat(case.published or "")
        assert published.isoformat() not in case.text, f"{case.name}: the publication date belongs in the JSON"


def test_gold_dates_and_places_are_well_formed(cases):
    for case in cases:
        for incident in case.incidents:
            if incident.date is not None:
                for value in incident.date.value or ():
                    assert value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), case.name
            if incident.location is not None:
                for code in incident.location.country_code or ():
                    assert code is None or re.fullmatch(r"[A-Z]{2}", code), case.name
                if incident.location.lat is not None:
                    assert -90 <= incident.location.lat <= 90 and -180 <= (incident.location.lon or 0) <= 180


def test_gold_as_prediction_scores_perfectly_and_breaks_no_rule(cases):
    """The gold files agree with themselves: their first accepted values satisfy their own must_not rules."""
    score = score_reports((_as_prediction(case), case) for case in cases)
    imperfect = {name: value for name, value in score.f1().items() if value < 1.0}
    assert not imperfect, imperfect
    assert not score.violations
    assert score.counts["incidents"].expected >= 18


def test_corpus_checksum_matches_gate():
    gate = load_gate(GATE)
    assert corpus_checksum(CORPUS) == gate.corpus_sha256, (
        "tests/corpus changed: run `python eval/score_corpus.py --update-gate` and commit eval/corpus_gate.json"
    )
    assert set(gate.minimums) <= set(FIELDS)


@pytest.mark.slow
def test_pipeline_meets_the_gate_on_the_corpus(cases):
    batch = pytest.importorskip("incidex.batch", reason="incidex.batch.extract_text is not available yet")
    run = run_corpus(cases, batch.extract_text)
    print()
    print(run.score.table())
    for violation in run.score.violations:
        print(f"must_not violated: {violation}")
    assert not run.errors, run.errors
    failures = check_gate(run.score, load_gate(GATE), checksum=corpus_checksum(CORPUS))
    assert not failures, "\n".join(failures)


def _first(accepted: Accepted) -> Any:
    return accepted[0] if accepted else None


def _as_prediction(case: GoldReport) -> Report:
    incidents = [_incident(item, index) for index, item in enumerate(case.incidents) if not item.optional]
    return Report(
        document=DocumentInfo(published=case.published, source=case.source, chars=len(case.text)), incidents=incidents
    )


def _incident(gold: GoldIncident, index: int) -> Incident:
    date = gold.date
    loc = gold.location
    incident = Incident(
        id=f"g{index}",
        role=gold.role[0],
        type=gold.type[0],
        date=DateValue(
            value=_first(date.value) if date else None,
            precision=(_first(date.precision) or "unknown") if date else "unknown",
            text=None,
        ),
        location=Location(
            name=_first(loc.name),
            country_code=_first(loc.country_code),
            admin1=_first(loc.admin1),
            lat=loc.lat,
            lon=loc.lon,
            precision=_first(loc.precision),
        )
        if loc
        else Location(),
        perpetrators=[
            Perpetrator(
                text=p.names[0] if p.names else "them",
                name=p.names[0] if p.names else None,
                kind=_first(p.kind),
                relation=_first(p.relation) if p.names else None,
                count=_first(p.count),
            )
            for p in gold.perpetrators or ()
        ],
        victims=[Victim(text="victims", count=counts[0]) for counts in gold.victims or ()],
        weapons=[Mention(text=names[0]) for names in gold.weapons or ()],
        sources=[Source(name=s.names[0], kind=_first(s.kind)) for s in gold.sources or ()],
    )
    for name, accepted in (gold.casualties or {}).items():
        incident.casualties.set(name, _first(accepted))
    return incident


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "eval" / "score_corpus.py"), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_score_corpus_script_sets_checks_and_guards_the_gate(tmp_path):
    corpus, saved, gate = tmp_path / "corpus", tmp_path / "saved", tmp_path / "gate.json"
    corpus.mkdir()
    saved.mkdir()
    gold = {"published": "2024-01-02", "source": "Wire", "incidents": [{"role": "main", "type": "riot"}]}
    (corpus / "r.json").write_text(json.dumps(gold))
    (corpus / "r.txt").write_text("Rioters clashed with police.")
    riot = Incident(id="1", role="main", type="riot", date=DateValue(None, "unknown", None), location=Location())
    found = Report(document=DocumentInfo(published="2024-01-02", source="Wire", chars=28), incidents=[riot])
    (saved / "r.json").write_text(json.dumps(found.to_dict()))
    common = ["--corpus", str(corpus), "--gate", str(gate), "--predictions", str(saved)]

    created = _script(*common, "--update-gate")
    assert created.returncode == 0, created.stderr
    assert json.loads(gate.read_text())["minimums"]["type"] == 1.0
    passed = _script(*common)
    assert passed.returncode == 0 and "gate: passed" in passed.stdout

    (saved / "r.json").write_text(json.dumps(Report(document=found.document).to_dict()))
    failed = _script(*common)
    assert failed.returncode == 1 and "GATE FAIL incidents" in failed.stdout
    refused = _script(*common, "--update-gate")
    assert refused.returncode == 6 and "refusing to lower" in refused.stderr
    assert _script(*common, "--update-gate", "--allow-lower").returncode == 0
    assert json.loads(gate.read_text())["minimums"]["type"] == 0.0
    (saved / "r.json").unlink()
    broken = _script(*common, "--update-gate", "--allow-lower")
    assert broken.returncode == 6 and "pipeline failed on 1 reports" in broken.stderr
