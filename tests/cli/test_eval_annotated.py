"""``incidex eval acled|wikievents|rams|muc4-keys`` end to end: the real pipeline in a subprocess on our own fixtures
in each data set's format; tables with counts, error classes, docs/s, the per-document error file, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from incidex.errors import EvalError
from incidex.eval.split import split_of

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "annotated"


def run_eval(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "incidex", "eval", *args], capture_output=True, text=True, env=env,
                          timeout=900)


def row(output: str, field: str) -> tuple[int, int]:
    """(n, correct) of a field's row in the first table that has it."""
    match = re.search(rf"^{re.escape(field)}\s+(\d+)\s+(\d+)\s+[\d.—]+$", output, re.M)
    assert match, f"no row {field!r} in:\n{output}"
    return int(match[1]), int(match[2])


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_eval_acled(tmp_path: Path) -> None:
    out = tmp_path / "errors.jsonl"
    result = run_eval("acled", "--data", str(FIXTURES / "acled_mini.jsonl"), "--out", str(out), "--workers", "2")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    violent, other = re.split(r"^ACLED other events", text, maxsplit=1, flags=re.M)
    assert row(violent, "incident found")[0] == 6 and row(other, "incident found")[0] == 1
    assert row(violent, "actor1 named")[0] == 3  # TST1, TST3, TST5 name a non-state actor
    assert row(violent, "fatalities exact (our null = 0)")[0] == 3  # coding note and shared note left out
    assert row(violent, "point within 25 km, geo_precision 1")[0] == 2
    assert "most frequent errors" in text
    assert re.search(r"6 documents extracted in [\d.]+ s, [\d.]+ docs/s with 2 worker\(s\), 0 failed", text)
    written = records(out)
    assert {r["id"] for r in written} <= {f"TST{n}" for n in range(1, 8)}
    assert all(r["errors"] and r["gold"]["iso2"] for r in written)


def test_eval_acled_split_and_limit(tmp_path: Path) -> None:
    out = tmp_path / "errors.jsonl"
    tune = [f"TST{n}" for n in range(1, 8) if split_of(f"TST{n}") == "tune"]
    result = run_eval("acled", "--data", str(FIXTURES / "acled_mini.jsonl"), "--split", "tune", "--limit", "2",
                      "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert re.search(r"^2 rows, ", result.stdout, re.M)
    assert {r["id"] for r in records(out)} <= set(tune[:2])


def test_eval_wikievents(tmp_path: Path) -> None:
    out = tmp_path / "errors.jsonl"
    result = run_eval("wikievents", "--data", str(FIXTURES / "wikievents_mini.jsonl"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert row(result.stdout, "detected: attack")[0] == 1
    assert row(result.stdout, "detected: all kinds")[0] == 3
    assert re.search(r"^all four groups\s+\d+\s+\d+\s+\d+\s+4\s", result.stdout, re.M)  # 4 gold entities
    assert "docs/s" in result.stdout and out.exists()


def test_eval_rams() -> None:
    result = run_eval("rams", "--data", str(FIXTURES / "rams_mini.jsonlines"))
    assert result.returncode == 0, result.stderr
    assert row(result.stdout, "detected: attack")[0] == 1
    assert re.search(r"^perpetrators\s+\d+\s+\d+\s+\d+\s+1\s", result.stdout, re.M)
    assert "2 documents extracted" in result.stdout


def test_eval_muc4_keys(tmp_path: Path) -> None:
    out = tmp_path / "errors.jsonl"
    result = run_eval("muc4-keys", "--data", str(FIXTURES / "muc4_keys_mini.jsonl"), "--raw",
                      str(FIXTURES / "muc4_raw_mini.jsonl"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert row(result.stdout, "template found")[0] == 1
    assert row(result.stdout, "relation, where the key gives a confidence")[0] <= 1
    assert row(result.stdout, "no template: no main incident")[0] == 1
    assert "incidex has no stage field" in result.stdout
    assert all(r["id"].startswith("TST9-MUC9-") for r in records(out))


def test_missing_data_exits_with_the_eval_code(tmp_path: Path) -> None:
    result = run_eval("acled", "--data", str(tmp_path / "missing.jsonl"))
    assert result.returncode == EvalError.exit_code == 6
    assert "ACLED data not found" in result.stderr
