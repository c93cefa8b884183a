"""Settings of the wrong type or out of range stop every command at load time with exit 3 naming the key
(issue 14, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.config import load_settings
from incidex.errors import ConfigError

from .cli_helpers import run_incidex

BAD = [
    ("[nlp]\nbatch_size = \"abc\"\n", "nlp.batch_size"),
    ("[nlp]\nmax_chars = -5\n", "nlp.max_chars"),
    ("[nlp]\nmax_chars = true\n", "nlp.max_chars"),
    ("[input]\nmax_bytes = 0\n", "input.max_bytes"),
    ("[store]\nbatch_size = 2.5\n", "store.batch_size"),
    ("[resolve]\nsimilarity_threshold = 1.5\n", "resolve.similarity_threshold"),
    ("[server]\nport = 70000\n", "server.port"),
    ("[nlp]\nmodel = \"\"\n", "nlp.model"),
    ("[nlp]\ncasing = \"yes\"\n", "nlp.casing"),
    ("[nlp]\ncasing = 1\n", "nlp.casing"),
]


@pytest.mark.parametrize(("toml", "key"), BAD[:2])
def test_extract_refuses_a_bad_setting_with_exit_3_naming_the_key(tmp_path: Path, toml: str, key: str) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(toml, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("Gunmen attacked a police post in Mandera on Tuesday.", encoding="utf-8")
    result = run_incidex("extract", report, "--config", config)
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith("incidex: [E100] setting " + key), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("toml", "key"), BAD)
def test_every_bad_setting_is_refused_at_load_time_naming_its_key(tmp_path: Path, toml: str, key: str) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^\[E100\] setting {key} must "):
        load_settings(config)


def test_ingest_reads_the_environment_settings_file_and_refuses_it_too(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[store]\nbatch_size = \"abc\"\n", encoding="utf-8")
    monkeypatch.setenv("INCIDEX_CONFIG", str(config))
    result = run_incidex("ingest", tmp_path, "--db", tmp_path / "store.db")
    assert result.returncode == 3 and "store.batch_size" in result.stderr
    assert not (tmp_path / "store.db").exists()


def test_good_overrides_load_and_floats_accept_whole_numbers(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[resolve]\nsimilarity_threshold = 1\n[nlp]\nlearned_model = \"\"\n", encoding="utf-8")
    settings = load_settings(config)
    assert settings.resolve.similarity_threshold == 1.0 and isinstance(settings.resolve.similarity_threshold, float)
    with pytest.raises(ConfigError, match="nlp.batch_size"):
        settings.with_overrides(nlp={"batch_size": 0})


def test_a_switch_takes_true_or_false(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[nlp]\ncasing = false\n", encoding="utf-8")
    assert load_settings(config).nlp.casing is False
