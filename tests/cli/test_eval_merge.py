"""``incidex eval merge`` run as a command with the real pipeline on a tiny ECB+-style file."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from incidex.cli.eval_merge import command

TEXTS = [
    ("18_1ecb", "18_ecb", "A gunman shot dead the chief executive of TallGrass at an office party in Vancouver."),
    ("18_2ecb", "18_ecb", "Police said the gunman killed the TallGrass chief at the Vancouver office party."),
    ("18_1ecbplus", "18_ecbplus", "A fired accountant shot three people dead at an office in Troy, Michigan."),
]


@pytest.mark.slow
def test_eval_merge_prints_bcubed_scores(tmp_path):
    data = tmp_path / "ecb.jsonl"
    data.write_text(
        "".join(
            json.dumps({"doc_id": d, "topic": 18, "subtopic": s, "violent_incident_topic": True, "text": t}) + "\n"
            for d, s, t in TEXTS
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(command, ["--data", str(data), "--in-memory"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("documents 3  gold events 2  predicted incidents ")
    scores = re.search(r"B-cubed precision (\d\.\d{3})  recall (\d\.\d{3})  F1 (\d\.\d{3})", result.output)
    assert scores and all(0.0 <= float(v) <= 1.0 for v in scores.groups())
    assert "topic 18 ( 3 docs)" in result.output


def test_eval_merge_missing_data_exits_with_eval_code(tmp_path):
    result = CliRunner().invoke(command, ["--data", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 6 and "pass --data" in result.output
