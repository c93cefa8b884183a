"""Only ``ingest`` and ``watch`` create a store (issue 14, item 3): ``export``, ``explain``, ``serve`` and ``sources``
on a missing store exit 5 naming the path and create nothing; a read-only store, and one in a read-only folder, is
exported and served without a byte written. Tests run as root in CI, and root ignores file permissions, so the read-only cases run the
command as the unprivileged user 65534 (``setpriv``)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from store.store_helpers import fake_extract, incident_line

from incidex.config import load_settings
from incidex.errors import StoreError
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document

from .cli_helpers import NOBODY, run_incidex


@pytest.mark.parametrize("command", [["export"], ["explain", "inc-1"], ["serve", "--port", "1"], ["sources"]])
def test_read_commands_on_a_missing_store_exit_5_naming_it_and_create_nothing(tmp_path: Path, command) -> None:
    missing = tmp_path / "typo.db"
    result = run_incidex(*command, "--db", missing)
    assert result.returncode == 5, result.stderr
    assert result.stderr.startswith(f"incidex: [E300] no store at {missing}: the file does not exist"), result.stderr
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def _seed(db: Path) -> None:
    documents = [Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4), id="d1", source="Outlet A"),
                 Document(text=incident_line("Mosul", "2024-03-02", "armed_assault", 2), id="d2", source="Outlet B")]
    with Store(str(db)) as store:
        ingest(documents, store=store, extract=fake_extract, resolver=Resolver(load_settings()), batch_size=10)


@pytest.fixture
def locked_store() -> Iterator[Path]:
    """A store file (mode 0444) in a folder (mode 0555) that the user 65534 may read but not write."""
    top = Path(tempfile.mkdtemp(prefix="incidex-ro-"))
    top.chmod(0o755)
    folder = top / "store"
    folder.mkdir()
    db = folder / "incidex.db"
    _seed(db)
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


def _unprivileged_python_works() -> bool:
    if os.geteuid() != 0:
        return True
    probe = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable,
                            "-c", "import incidex.cli.main"], capture_output=True, check=False)
    return probe.returncode == 0


needs_nobody = pytest.mark.skipif(not _unprivileged_python_works(),
                                  reason="user 65534 cannot read this checkout's sources or virtualenv")


def _fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}


@needs_nobody
def test_a_read_only_store_in_a_read_only_folder_is_exported_and_left_as_it_was(locked_store: Path) -> None:
    before = _fingerprint(locked_store.parent)
    result = run_incidex("export", "--db", locked_store, "--format", "jsonl", as_nobody=True)
    assert result.returncode == 0, result.stderr
    assert sorted(json.loads(line)["location"] for line in result.stdout.splitlines()) == ["Kabul", "Mosul"]
    explained = run_incidex("explain", json.loads(result.stdout.splitlines()[0])["incident_id"], "--db", locked_store,
                            as_nobody=True)
    assert explained.returncode == 0, explained.stderr
    assert _fingerprint(locked_store.parent) == before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _request(url: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@needs_nobody
def test_a_read_only_store_is_served_reads_answer_and_writes_are_refused(locked_store: Path) -> None:
    before = _fingerprint(locked_store.parent)
    port = _free_port()
    command = [sys.executable, "-m", "incidex", "serve", "--db", str(locked_store), "--port", str(port)]
    if os.geteuid() == 0:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):  # a loaded machine starts Python slowly
            try:
                status, listed = _request(f"{base}/api/incidents")
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer within 120 s")
        assert status == 200 and listed["total"] == 2
        first = listed["items"][0]["id"]
        status, refused = _request(f"{base}/api/incidents/{first}/corrections",
                                   {"field": "type", "value": "raid", "who": "analyst"})
        assert status == 503 and "readonly" in refused["detail"].replace("read-only", "readonly")
        assert _request(f"{base}/api/incidents/{first}")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert _fingerprint(locked_store.parent) == before


def test_the_read_only_store_refuses_writes_even_to_root(tmp_path: Path) -> None:
    """The read commands' store is opened read-only by SQLite itself (mode=ro), whoever runs them."""
    db = tmp_path / "incidex.db"
    _seed(db)
    with Store(str(db), create=False, read_only=True) as store:
        assert len(list(store.incidents())) == 2
        with pytest.raises(StoreError, match="readonly"):
            ingest([Document(text=incident_line("Kabul", "2024-05-11", "raid", 1), id="d3")], store=store,
                   extract=fake_extract, resolver=Resolver(load_settings()), batch_size=10)
    assert stat.S_IMODE(db.stat().st_mode) & 0o200  # writable by its owner: only the way it was opened refused


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    result = run_incidex("export", "--db", tmp_path)
    assert result.returncode == 5 and f"no store at {tmp_path}" in result.stderr
