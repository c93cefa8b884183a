"""``incidex serve`` refuses to expose a store without a token."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from incidex.cli.serve import command, is_loopback
from incidex.errors import ConfigError


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                                ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False)])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_a_public_address_without_token(tmp_path) -> None:
    result = CliRunner(env={"INCIDEX_TOKEN": ""}).invoke(
        command, ["--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"], standalone_mode=False
    )
    assert isinstance(result.exception, ConfigError)
    assert "--token" in str(result.exception)
