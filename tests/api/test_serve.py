"""``incidex serve``: no store exposed without a token; several worker processes on request."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from urllib.request import urlopen

import psutil
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from incidex.api.app import WORKER_ENV, worker_app
from incidex.api.workers import BALANCED, serve_workers
from incidex.cli.serve import command, is_loopback
from incidex.errors import ConfigError
from incidex.store import Store


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
    Store(str(tmp_path / "w.db")).close()  # the API serves an existing store; only ingest creates one
    monkeypatch.setenv(WORKER_ENV["db_url"], str(tmp_path / "w.db"))
    monkeypatch.setenv(WORKER_ENV["token"], "s3cret")
    with TestClient(worker_app()) as client:
        assert client.get("/api/incidents").json() == {"total": 0, "items": []}
        assert client.post("/api/documents", json={"text": "x"}).status_code == 401


linux_only = pytest.mark.skipif(not BALANCED, reason="a socket per worker is used on Linux only")


@linux_only
def test_workers_refuse_a_port_already_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=f"cannot serve on 127.0.0.1:{port}"):
            serve_workers(2, host="127.0.0.1", port=port)


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """``incidex serve --workers 2`` on a free port, answering."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = tmp_path_factory.mktemp("serve") / "s.db"
    Store(str(db)).close()  # serve needs an existing store
    arguments = ["serve", "--db", str(db), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen([sys.executable, "-m", "incidex", *arguments], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: _answers(port) and len(_workers(server)) == 2, server)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=60)


def _answers(port: int) -> bool:
    try:
        with urlopen(f"http://127.0.0.1:{port}/api/incidents?limit=1", timeout=5) as response:
            return json.load(response) == {"total": 0, "items": []}
    except OSError:
        return False


def _workers(server: subprocess.Popen[bytes]) -> list[psutil.Process]:
    """The worker processes (the spawn start method also runs a resource tracker, which serves nothing)."""
    children = psutil.Process(server.pid).children()
    return [child for child in children if "resource_tracker" not in " ".join(child.cmdline())]


def _wait_for(condition: Callable[[], bool], server: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert server.poll() is None, server.stderr and server.stderr.read().decode()
        assert time.monotonic() < deadline, "the server did not get there in time"
        time.sleep(0.3)


@linux_only
@pytest.mark.slow
def test_two_workers_share_a_burst_of_connections(two_workers: tuple[subprocess.Popen[bytes], int]) -> None:
    server, port = two_workers

    async def burst(count: int) -> list[int]:
        """Open ``count`` keep-alive connections at once (as a browser or a load test does), get one answer on
        each, and count the connections each worker holds."""
        opened = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in range(count)))
        try:
            for _, writer in opened:
                writer.write(b"GET /api/incidents?limit=1 HTTP/1.1\r\nHost: test\r\n\r\n")
            for reader, _ in opened:
                assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 200")
            return [sum(1 for c in worker.net_connections("tcp") if c.laddr.port == port and c.status == "ESTABLISHED")
                    for worker in _workers(server)]
        finally:
            for _, writer in opened:
                writer.close()

    held = asyncio.run(burst(16))
    assert sum(held) == 16
    assert min(held) >= 1, held  # with one shared socket, the worker that wakes first takes the whole burst


@pytest.mark.slow
def test_a_worker_killed_while_serving_is_replaced(two_workers: tuple[subprocess.Popen[bytes], int]) -> None:
    server, port = two_workers
    victim = _workers(server)[0]
    victim.kill()
    victim.wait(30)
    _wait_for(lambda: len(_workers(server)) == 2 and victim.pid not in {w.pid for w in _workers(server)}, server)
    _wait_for(lambda: _answers(port), server)
