"""Word lists as versioned data files: the loader, the shipped files, and one list per vocabulary."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from incidex.errors import ConfigError
from incidex.nlp.lexicons import HEADER, phrases, words

SHIPPED = Path(str(resources.files("incidex").joinpath("data", "lexicons")))


def test_lexicons_every_shipped_file_has_a_version_header_of_its_own_name_and_no_repeats() -> None:
    files = sorted([*SHIPPED.glob("*.txt"), *SHIPPED.glob("*.tsv")])
    assert len(files) > 40
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert HEADER.match(first) and f" {path.stem}," in first, path.name
        entries = phrases(path.stem)
        assert entries and len(entries) == len(set(entries)), path.name


def test_lexicons_read_a_path_as_well_as_a_shipped_name(tmp_path: Path) -> None:
    own = tmp_path / "verbs.txt"
    own.write_text("# incidex lexicon verbs, version 2\n# a comment\nkill\n\nslay\n", encoding="utf-8")
    assert phrases(str(own)) == ("kill", "slay")
    assert "kill" in words("kill_verbs")


def test_lexicons_refuse_a_file_without_the_version_header(tmp_path: Path) -> None:
    own = tmp_path / "verbs.txt"
    own.write_text("kill\nslay\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="version N"):
        phrases(str(own))
    with pytest.raises(ConfigError, match="cannot read the lexicon"):
        phrases(str(tmp_path / "missing.txt"))
