"""What a runtime install carries: the incidex package with its ``py.typed`` marker, and no training code; the
``incidex train`` command says where training code lives when it is absent."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from setuptools import find_namespace_packages

from incidex.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_runtime_package_ships_py_typed_and_leaves_the_training_code_out() -> None:
    find = SETUPTOOLS["packages"]["find"]  # pyproject's find looks for namespace packages too
    packages = find_namespace_packages(where=REPO / find["where"][0], include=find["include"])
    assert {"incidex", "incidex.nlp", "incidex.api"} <= set(packages)
    assert (REPO / "src" / "incidex_train" / "muc4.py").exists()
    assert not [name for name in packages if name.startswith("incidex_train")]
    assert "py.typed" in SETUPTOOLS["package-data"]["incidex"] and (REPO / "src" / "incidex" / "py.typed").exists()


def test_train_without_the_training_code_fails_with_a_clear_message(tmp_path: Path) -> None:
    script = ("import sys; sys.modules['incidex_train'] = None  # as in an install without it\n"
              "from incidex.cli.main import main; main()")
    result = subprocess.run(
        [sys.executable, "-c", script, "train", "muc4", "--train", str(tmp_path / "t.jsonl"), "--dev",
         str(tmp_path / "d.jsonl"), "--out", str(tmp_path / "model")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == ConfigError.exit_code == 3, result.stderr
    assert result.stderr.startswith("incidex: [E100] `incidex train` needs the training code (incidex_train)")
    assert not (tmp_path / "model").exists()
