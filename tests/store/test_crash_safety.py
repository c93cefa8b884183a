"""A real ``kill -9`` in the middle of ingest runs, then a rerun: the store must equal an uninterrupted run's."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from crash_runs import kill_after, run_to_end

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


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_runs_killed_at_random_points_end_like_an_uninterrupted_run(backend: str, tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    total = DOCUMENTS + 3
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with store_url_for(backend, tmp_path / "a") as reference_url, store_url_for(backend, tmp_path / "b") as url:
        run_to_end(start(reference_url, folder))
        with Store(reference_url) as reference:
            expected = reference.dump()
        assert len(expected["documents"]) == total

        chooser = random.Random(20241124)
        stored = [0]
        while len(stored) <= 6 and stored[-1] < total - BATCH:
            # aim at a batch write: it starts once the input after a multiple of BATCH new inputs is handled
            batches_left = (total - stored[-1]) // BATCH
            handled = stored[-1] + BATCH * chooser.randint(1, max(1, batches_left // 3)) - 1
            kill_after(start(url, folder), handled, chooser.uniform(0.0, 0.15))
            with Store(url) as store:
                stored.append(store.count("documents"))
        assert sum(0 < size < total for size in stored) >= 2, stored
        assert stored == sorted(stored), stored
        assert "duplicate=" in run_to_end(start(url, folder))
        with Store(url) as store:
            assert store.dump() == expected
