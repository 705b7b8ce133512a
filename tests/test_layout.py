"""The package layout follows the pipeline: no module imports from a room after its own.

The rooms, in order (docs/architecture.md): the shared base (errors, data file
reading, the Doc extensions), ``german/``, ``actors/``, ``relations/``, the pipeline
that assembles them, ``records.py``, ``graph.py``, ``readwrite/``; the command line,
evaluation, pictures and other consumers sit on top. Every import counts, also one
inside a function. A new module must be given a room here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import banlens

SOURCE = Path(banlens.__file__).parent

ROOMS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("banlens.errors", "banlens.yamlfile", "banlens.datafiles",
              "banlens.annotations")),
    ("german", ("banlens.german",)),
    ("actors", ("banlens.actors",)),
    ("relations", ("banlens.relations",)),
    ("pipeline", ("banlens.pipeline",)),
    ("records", ("banlens.records",)),
    ("graph", ("banlens.graph",)),
    ("readwrite", ("banlens.readwrite",)),
    ("top", ("banlens", "banlens.__main__", "banlens.cli", "banlens.evaluate",
             "banlens.visualize", "banlens.corpus", "banlens.csvformat", "banlens.passages",
             "banlens.dataframes", "banlens.discovery", "banlens.dictionary",
             "banlens.lexicon", "banlens.partitions", "banlens.dask")),
]
RANK = {prefix: n for n, (_, prefixes) in enumerate(ROOMS) for prefix in prefixes}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _room(module: str) -> int:
    """Rank of the room of ``module``: its longest listed prefix."""
    parts = module.split(".")
    for k in range(len(parts), 0, -1):
        prefix = ".".join(parts[:k])
        if prefix in RANK and (k > 1 or module == "banlens"):
            return RANK[prefix]
    raise KeyError(module)


def _imports(module: str, path: Path) -> set[str]:
    """The banlens modules that ``module`` imports, anywhere in its file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "banlens")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "banlens":
                continue
            for alias in node.names:  # "from . import annotations": a module
                name = f"{target}.{alias.name}"
                found.add(name if name in MODULES else target)
    return found


def _against_the_order() -> set[tuple[str, str]]:
    return {(module, target) for module, path in MODULES.items()
            for target in _imports(module, path)
            if target in MODULES and _room(target) > _room(module)}


def test_every_module_has_a_room():
    assert [m for m in MODULES if not _try_room(m)] == []


def _try_room(module: str) -> bool:
    try:
        _room(module)
    except KeyError:
        return False
    return True


def test_no_module_imports_from_a_later_room():
    assert _against_the_order() == set()


def test_the_check_sees_an_import_against_the_order(tmp_path):
    """The reader of imports finds relative imports inside functions too."""
    path = tmp_path / "probe.py"
    path.write_text("def f():\n    from ..graph import build_graph\n", encoding="utf-8")
    assert _imports("banlens.actors.probe", path) == {"banlens.graph"}
    assert _room("banlens.graph") > _room("banlens.actors.probe")
