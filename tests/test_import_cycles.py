"""No module of the store, the resolver, the API or the exports imports itself through others, checked by reading
every import statement with ``ast`` (lazy imports inside functions and ``TYPE_CHECKING`` imports count too: they
hide a cycle, they do not break it); and the API reaches the database only through ``Store``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "incidex"
CHECKED = ("store", "resolve", "api", "export")  # the store, what it needs and what reads it


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The incidex modules that ``path`` imports (for ``from X import name``: X.name when that is a module, else X)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            source = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                found.add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source)
    return {module for module in found if module in modules and module != name}


def import_graph() -> dict[str, set[str]]:
    """Each module of the CHECKED packages with the modules of those packages it imports."""
    paths = [p for sub in CHECKED for p in (PACKAGE / sub).rglob("*.py") if "migrations" not in p.parts]
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of ``graph``, each as the modules along it (depth-first search, one cycle per back edge)."""
    found, state, trail = [], {}, []

    def visit(module: str) -> None:
        state[module] = "open"
        trail.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                found.append([*trail[trail.index(target):], target])
            elif target not in state:
                visit(target)
        trail.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def test_cycle_search_finds_a_planted_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]


def test_graph_sees_relative_and_lazy_imports() -> None:
    graph = import_graph()
    assert "incidex.store._rebuild" in graph["incidex.store._write"]  # from ._rebuild import rebuild
    assert "incidex.store.repository" in graph["incidex.store"]  # the package re-exports the Store


def test_store_resolve_api_and_export_have_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_api_reaches_the_database_only_through_the_store() -> None:
    api = PACKAGE / "api"
    for path in api.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        sources = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not {name for name in names | sources if name.split(".")[0] == "sqlalchemy"}, path
        private = {s for s in sources if "store." in s and s.rsplit(".", 1)[-1].startswith(("_", "tables"))}
        assert not private, path
