"""A real ``kill -9`` in the middle of ingest runs, then a rerun: the store must equal an uninterrupted run's."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from incidex.store import Store

from .store_helpers import corpus, store_url_for

SCRIPT = Path(__file__).with_name("crash_ingest.py")
DOCUMENTS = 240
BATCH = 16
DELAY = 0.004


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    for n, document in enumerate(corpus(DOCUMENTS)):
        (folder / f"{n:04d}.txt").write_text(document.text, encoding="utf-8")
    (folder / "0100_empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "0150_binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "0200_fails.txt").write_text("EXTRACTION-FAILS on purpose", encoding="utf-8")
    return folder


def start(url: str, folder: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), url, str(folder), str(BATCH), str(DELAY)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=SCRIPT.parent,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "started"
    return process


def run_to_end(url: str, folder: Path) -> str:
    process = start(url, folder)
    out, _ = process.communicate(timeout=300)
    assert process.returncode == 0
    return out


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_runs_killed_at_random_points_end_like_an_uninterrupted_run(backend: str, tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with store_url_for(backend, tmp_path / "a") as reference_url, store_url_for(backend, tmp_path / "b") as url:
        started = time.monotonic()
        run_to_end(reference_url, folder)
        full_run = time.monotonic() - started
        with Store(reference_url) as reference:
            expected = reference.dump()
        assert len(expected["documents"]) == DOCUMENTS + 3

        chooser = random.Random(20241124)
        partial_sizes = []
        for _ in range(6):
            process = start(url, folder)
            time.sleep(chooser.uniform(0.05, 0.5) * full_run)
            process.kill()
            process.wait()
            with Store(url) as store:
                partial_sizes.append(store.count("documents"))
        print(backend, round(full_run, 2), partial_sizes)
        assert any(0 < size < DOCUMENTS + 3 for size in partial_sizes), partial_sizes
        assert "duplicate=" in run_to_end(url, folder)
        with Store(url) as store:
            assert store.dump() == expected
