"""Running the real ``incidex`` command in a subprocess, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NOBODY = 65534


def run_incidex(*args: str | Path, stdin: str | bytes | None = None, as_nobody: bool = False,
                timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``python -m incidex ARGS`` with this interpreter and environment; text output, never raises on exit status.

    ``as_nobody`` runs it as the unprivileged user 65534 when the tests run as root (root ignores file permissions,
    so a read-only store is only read-only to someone else).
    """
    command = [sys.executable, "-m", "incidex", *map(str, args)]
    if as_nobody and os.geteuid() == 0:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    result = subprocess.run(command, input=data, capture_output=True, timeout=timeout, check=False)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode("utf-8", "replace"),
                                       result.stderr.decode("utf-8", "replace"))
