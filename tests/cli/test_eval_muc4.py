"""``incidex eval muc4`` and ``incidex train muc4`` run end to end on our own fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from incidex.cli.eval_muc4 import command as eval_command
from incidex.cli.train import command as train_command
from incidex.errors import ConfigError, EvalError
from incidex.eval.muc4 import KEYS, MAX_TEMPLATES, ROLES, load_muc4, read_predictions

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "muc4_mini.jsonl"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "model"
    result = CliRunner().invoke(
        train_command,
        ["muc4", "--train", str(FIXTURE), "--dev", str(FIXTURE), "--out", str(out), "--epochs", "2"],
    )
    assert result.exit_code == 0, result.output
    return out


def test_train_writes_a_model_directory_with_its_command(model_dir: Path) -> None:
    info = json.loads((model_dir / "incidex_model.json").read_text(encoding="utf-8"))
    assert info["command"].startswith("incidex train muc4 --train")
    assert (model_dir / "config.cfg").is_file()


def test_eval_prints_a_table_and_writes_a_rescorable_prediction_file(model_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "preds.json"
    result = CliRunner().invoke(
        eval_command,
        ["--data", str(FIXTURE), "--system", "learned", "--model", str(model_dir), "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    for key in (*KEYS, "micro_avg"):
        assert key in result.output
    assert "docs/s" in result.output
    documents = load_muc4(FIXTURE)
    predictions = read_predictions(out, documents)
    assert set(predictions) == {d.docid for d in documents}
    for templates in predictions.values():
        assert len(templates) <= MAX_TEMPLATES
        entities = [entity for t in templates for role in ROLES for entity in t.entities(role)]
        assert all(entity and all(m.strip() for m in entity) for entity in entities)


def test_eval_reports_missing_data_with_the_eval_exit_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, ["--data", str(tmp_path / "none.jsonl"), "--system", "learned"])
    assert result.exit_code == EvalError.exit_code
    assert "not found" in result.output


def test_the_learned_system_needs_a_model_and_rules_only_excludes_model(model_dir: Path) -> None:
    rules_only = CliRunner().invoke(eval_command, ["--data", str(FIXTURE), "--system", "learned", "--rules-only"])
    assert rules_only.exit_code == ConfigError.exit_code
    assert "needs a learned model" in rules_only.output
    both = CliRunner().invoke(eval_command, ["--data", str(FIXTURE), "--model", str(model_dir), "--rules-only"])
    assert both.exit_code == 2
    assert "exclude each other" in both.output

