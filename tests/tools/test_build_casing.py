"""tools/build_casing.py turns spaCy's lexeme probabilities into the casing table the recaser loads."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from incidex.nlp.casing import MIXED_FILE, WORDS_FILE, load_lexicon, truecase

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_casing.py"
SHIPPED = Path(str(resources.files("incidex").joinpath("data/casing")))


def run_tool(monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    spec = importlib.util.spec_from_file_location("build_casing", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    monkeypatch.setattr(sys, "argv", ["build_casing.py", *args])
    tool.main()


def write_wheel(path: Path, probabilities: dict[str, float]) -> Path:
    """A wheel-shaped zip holding ``en_lexeme_prob`` as spacy-lookups-data ships it (gzipped JSON)."""
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("spacy_lookups_data/data/en_lexeme_prob.json.gz",
                       gzip.compress(json.dumps(probabilities).encode("utf-8"), mtime=0))
    return path


def test_the_tool_builds_a_table_the_recaser_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wheel = write_wheel(tmp_path / "lookups.whl", {
        "the": -3.0, "The": -5.0, "army": -10.0, "Army": -11.0, "attacked": -11.0, "town": -9.0, "Town": -12.0,
        "guerrillas": -13.0, "said": -7.0, "of": -4.0, "and": -4.0, "escaped": -12.0, "Zorbleton": -12.5,
        "McDonald": -14.0, "Mcdonald": -15.0, "mcdonald": -16.5,
    })
    out = tmp_path / "casing"
    run_tool(monkeypatch, "--wheel", str(wheel), "--out", str(out))
    assert (out / WORDS_FILE).exists()
    assert (out / MIXED_FILE).read_text(encoding="utf-8").splitlines()[1:] == ["mcdonald\tMcDonald"]
    lexicon = load_lexicon(out)
    cased = truecase("THE ARMY SAID GUERRILLAS ATTACKED THE TOWN OF ZORBLETON AND MCDONALD ESCAPED", lexicon)
    assert cased == "The army said guerrillas attacked the town of Zorbleton and McDonald escaped"
    first = (out / WORDS_FILE).read_bytes()
    run_tool(monkeypatch, "--wheel", str(wheel), "--out", str(out))
    assert (out / WORDS_FILE).read_bytes() == first  # byte for byte the same on every build


@pytest.mark.slow
def test_the_build_reproduces_the_shipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wheel = os.environ.get("INCIDEX_CASING_WHEEL")
    if not wheel:
        pytest.skip("set INCIDEX_CASING_WHEEL to spacy_lookups_data-1.0.5-py2.py3-none-any.whl to rebuild the table")
    run_tool(monkeypatch, "--wheel", wheel, "--out", str(tmp_path))
    for name in (WORDS_FILE, MIXED_FILE):
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name
