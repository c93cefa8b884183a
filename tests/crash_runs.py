"""A crash script's run, read to its end or killed at a chosen point (the crash-safety tests of store and watch)."""

from __future__ import annotations

import subprocess
import time


def run_to_end(process: subprocess.Popen[str]) -> str:
    """The last line a started run prints, once it has ended with exit 0."""
    out, _ = process.communicate(timeout=300)
    assert process.returncode == 0
    return out.splitlines()[-1]


def kill_after(process: subprocess.Popen[str], count: int, extra_seconds: float) -> None:
    """Wait until a started run prints a count of at least ``count`` (or ends), wait a little more, SIGKILL it."""
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip().isdigit() and int(line) >= count:
            break
    time.sleep(extra_seconds)
    process.kill()
    process.wait()
