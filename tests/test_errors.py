"""The exception tree: every code printed anywhere is defined once, and the docstring draws the classes as they
are."""

from __future__ import annotations

import re
from pathlib import Path

import incidex.errors
from incidex.errors import IncidexError

SRC = Path(incidex.__file__).resolve().parent
CODE = re.compile(r"\bE\d{3}\b")
TREE_LINE = re.compile(r"^ {4}[│ ├└─]*(?P<name>\w+)\s.*?\((?P<code>E\d{3})(?:, exit (?P<exit>\d+))?\)$")


def _classes() -> list[type[IncidexError]]:
    found, todo = [], [IncidexError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_class_has_its_own_code() -> None:
    codes = [cls.code for cls in _classes()]
    assert len(codes) == len(set(codes)), sorted(codes)


def test_every_code_in_the_sources_is_defined_in_errors_py() -> None:
    defined = {cls.code for cls in _classes()}
    used = {
        (path.relative_to(SRC).as_posix(), code)
        for path in SRC.rglob("*.py")
        for code in CODE.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "no code found: the scan reads nothing"
    assert {(path, code) for path, code in used if code not in defined} == set()


def test_the_docstring_tree_draws_the_classes_as_they_are() -> None:
    """Name, parent, code and exit code (drawn on the class, else its parent's) of every class, and no other."""
    drawn: dict[str, tuple[str | None, str, int]] = {}
    stack: list[tuple[int, str]] = []
    for line in (incidex.errors.__doc__ or "").splitlines():
        match = TREE_LINE.match(line)
        if not match:
            continue
        depth = (match.start("name") - 4) // 4
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1] if stack else None
        exit_code = int(match["exit"]) if match["exit"] else drawn[parent][2] if parent else 1
        drawn[match["name"]] = (parent, match["code"], exit_code)
        stack.append((depth, match["name"]))
    actual = {
        cls.__name__: (cls.__base__.__name__ if cls is not IncidexError else None, cls.code, cls.exit_code)
        for cls in _classes()
    }
    assert drawn == actual

