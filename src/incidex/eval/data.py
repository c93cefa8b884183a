"""Reading a gold file of JSON lines, with one clear error naming the file and line when it is not what we expect."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import EvalError

T = TypeVar("T")


def load_records(path: str | Path, parse: Callable[[Any], T], *, what: str, expects: str) -> list[T]:
    """``parse`` of every non-blank line of the JSON-lines file at ``path``.

    ``what`` names the data set and ``expects`` says what a line needs; both go into the :class:`EvalError`
    raised for a missing file or a line that is not valid JSON or that ``parse`` cannot read.
    """
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"{what} data not found: {path}; give the file with --data")
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                records.append(parse(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
                raise EvalError(f"{path}:{number}: not a {what} record ({exc.__class__.__name__}: {exc}); "
                                f"{expects}") from None
    return records
