"""The sources file of incidex watch: what it accepts and the errors that say what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.errors import ConfigError
from incidex.watch import SourceConfig, load_sources

from .watch_helpers import sources_file


def test_sources_are_read_in_file_order_with_local_paths_from_the_file_folder(tmp_path: Path) -> None:
    path = sources_file(tmp_path / "sources.toml", [
        {"name": "112", "url": "exports/112", "kind": "social_media", "username": "ru112"},
        {"name": "TASS", "url": "https://tass.invalid/rss.xml", "kind": "state_media", "interval": 300},
        {"name": "Wire", "url": "feeds/wire.xml"},
    ])
    assert load_sources(path) == [
        SourceConfig("112", str(tmp_path / "exports" / "112"), "social_media", None, "ru112"),
        SourceConfig("TASS", "https://tass.invalid/rss.xml", "state_media", 300.0),
        SourceConfig("Wire", str(tmp_path / "feeds" / "wire.xml")),
    ]


@pytest.mark.parametrize(("sources", "message"), [
    ([{"name": "a", "url": "x", "kind": "tabloid"}], "kind 'tabloid' is not one of"),
    ([{"name": "a", "url": "x", "interval": 0}], "interval must be a positive number"),
    ([{"name": "a", "url": "x", "interval": "often"}], "interval must be a positive number"),
    ([{"name": "a"}], "a source needs a url"),
    ([{"url": "x"}], "a source needs a name"),
    ([{"name": "a", "url": "x", "colour": "red"}], "unknown key colour"),
    ([{"name": "a", "url": "x"}, {"name": "a", "url": "y"}], "repeated: a"),
    ([], "give one [[source]] table per source"),
], ids=["kind", "zero-interval", "text-interval", "no-url", "no-name", "unknown-key", "duplicate", "empty"])
def test_a_bad_sources_file_is_a_config_error_that_names_the_problem(tmp_path: Path, sources: list,
                                                                     message: str) -> None:
    path = sources_file(tmp_path / "sources.toml", sources)
    with pytest.raises(ConfigError) as raised:
        load_sources(path)
    assert message in raised.value.message and raised.value.exit_code == 3


def test_a_sources_file_that_is_not_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text("[[source]\nname = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(path)
