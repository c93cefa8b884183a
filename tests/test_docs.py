"""The README and the code agree: commands documented, the test command is what CI runs, the public API is exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import incidex
import incidex.errors
from incidex.cli.main import COMMANDS

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def first_screen_commands() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block, "the README's first screen has no bash block"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_first_screen_has_exactly_two_commands() -> None:
    commands = first_screen_commands()
    assert len(commands) == 2
    assert commands[0].endswith("incidex demo")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert first_screen_commands()[1] in ci


def test_every_cli_command_is_documented() -> None:
    for name, _module in COMMANDS:
        assert f"`incidex {name}" in README, f"incidex {name} is not in the README"


def test_public_api_is_exact() -> None:
    assert sorted(incidex.__all__) == sorted(
        ["SCHEMA_VERSION", "Document", "Incident", "IncidexError", "Outcome", "Report", "Settings",
         "extract_documents", "extract_text", "load_settings"])
    for name in incidex.__all__:
        assert hasattr(incidex, name)


def test_schema_version_in_readme_matches_code() -> None:
    assert f'"schema_version": "{incidex.SCHEMA_VERSION}"' in README


def test_every_api_path_is_documented() -> None:
    pytest.importorskip("fastapi", reason="the API needs the server extra: pip install 'incidex[server]'")
    from incidex.api import corrections, documents, exports, incidents, stats

    def shape(path: str) -> str:
        return re.sub(r"\{[^}]*\}", "{}", path)

    documented = {shape(path) for path in re.findall(r"/api/[\w/{}-]*[\w}]", README)}
    for module in (incidents, corrections, documents, stats, exports):
        for route in module.router.routes:
            assert shape(route.path) in documented, f"{route.path} is not in the README"


def test_every_exit_code_is_in_the_readme_table() -> None:
    codes = {cls.exit_code for cls in _subclasses(incidex.errors.IncidexError)} | {
        value for name, value in vars(incidex.errors).items() if name.startswith("EXIT_")}
    for code in sorted(codes):
        assert f"\n| {code} | " in README, f"exit code {code} is not in the README's table"


def _subclasses(cls: type) -> set[type]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _subclasses(sub)
    return found
