"""``incidex serve``: no store exposed without a token; several worker processes on request."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from incidex.api.app import WORKER_ENV, worker_app
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


def test_worker_app_takes_store_and_token_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv(WORKER_ENV["db_url"], str(tmp_path / "w.db"))
    monkeypatch.setenv(WORKER_ENV["token"], "s3cret")
    with TestClient(worker_app()) as client:
        assert client.get("/api/incidents").json() == {"total": 0, "items": []}
        assert client.post("/api/documents", json={"text": "x"}).status_code == 401


@pytest.mark.slow
def test_serve_with_two_workers_answers_from_two_processes(tmp_path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    arguments = ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen([sys.executable, "-m", "incidex", *arguments], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None and time.monotonic() < deadline, server.stderr and server.stderr.read()
            try:
                with urlopen(f"http://127.0.0.1:{port}/api/incidents?limit=1", timeout=5) as response:
                    assert json.load(response) == {"total": 0, "items": []}
                    break
            except OSError:
                time.sleep(0.5)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        if children.exists():  # Linux: the workers are the server's child processes
            assert len(children.read_text().split()) >= 2
    finally:
        server.terminate()
        server.wait(timeout=30)
