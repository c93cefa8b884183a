"""The evaluation gate: checksum, margin, and the refusal to lower a minimum silently."""

from __future__ import annotations

import pytest

from incidex.errors import EvalError
from incidex.eval.fields import Score
from incidex.eval.gate import Gate, check_gate, corpus_checksum, load_gate, run_corpus, save_gate, updated_gate
from incidex.eval.gold import parse_gold
from incidex.types import DocumentInfo, Report


def score_with(**f1_counts: tuple[int, int, int]) -> Score:
    score = Score(reports=1)
    for name, (correct, predicted, expected) in f1_counts.items():
        score.counts[name.replace("__", ".")].add(correct=correct, predicted=predicted, expected=expected)
    return score


def test_checksum_changes_when_a_corpus_file_changes(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "README.md").write_text("not part of the corpus")
    before = corpus_checksum(tmp_path)
    (tmp_path / "README.md").write_text("edited")
    assert corpus_checksum(tmp_path) == before
    (tmp_path / "a.txt").write_text("two")
    assert corpus_checksum(tmp_path) != before


def test_gate_fails_below_minimum_minus_margin_only():
    gate = Gate(corpus_sha256="abc", files=2, margin=0.02, minimums={"type": 0.80})
    assert check_gate(score_with(type=(79, 100, 100)), gate, checksum="abc") == []
    failures = check_gate(score_with(type=(70, 100, 100)), gate, checksum="abc")
    assert len(failures) == 1 and failures[0].startswith("type: F1 0.700")


def test_gate_fails_when_the_corpus_changed():
    gate = Gate(corpus_sha256="abc", files=2)
    failures = check_gate(score_with(), gate, checksum="def")
    assert failures and "--update-gate" in failures[0]


def test_update_refuses_to_lower_a_minimum_unless_allowed():
    gate = Gate(corpus_sha256="abc", files=2, minimums={"type": 0.9})
    worse = score_with(type=(50, 100, 100))
    with pytest.raises(EvalError, match=r"refusing to lower.*type 0\.90 -> 0\.50"):
        updated_gate(gate, worse, checksum="new", files=2)
    lowered = updated_gate(gate, worse, checksum="new", files=2, allow_lower=True)
    assert lowered.minimums["type"] == 0.5 and lowered.corpus_sha256 == "new"
    raised = updated_gate(gate, score_with(type=(96, 100, 100)), checksum="new", files=2)
    assert raised.minimums == {"type": 0.96}


def test_gate_round_trips_through_its_file(tmp_path):
    path = tmp_path / "gate.json"
    save_gate(Gate(corpus_sha256="abc", files=3, minimums={"role": 0.5}), path)
    assert load_gate(path) == Gate(corpus_sha256="abc", files=3, margin=0.02, minimums={"role": 0.5})
    path.write_text("{}")
    with pytest.raises(EvalError, match="malformed"):
        load_gate(path)
    with pytest.raises(EvalError, match="--update-gate"):
        load_gate(tmp_path / "missing.json")


def test_run_corpus_records_a_failing_report_and_goes_on():
    cases = [
        parse_gold({"incidents": [{"role": "main", "type": "riot"}]}, name="bad", text="x"),
        parse_gold({"incidents": []}, name="good", text="y"),
    ]

    def extract(text: str, **meta: object) -> Report:
        if text == "x":
            raise ValueError("boom")
        return Report(document=DocumentInfo(published=None, source=None, chars=len(text)))

    run = run_corpus(cases, extract)
    assert run.errors == ["bad: ValueError: boom"]
    assert set(run.per_report) == {"bad", "good"}
    assert run.score.counts["incidents"].expected == 1 and run.score.reports == 2
