"""The package layout the README promises: one subpackage per stage, imports only downward, no cycles."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "helpers"
# lower rank = earlier; a module may import its own rank or a lower one only
LAYERS = {"core": 0, "geo": 1, "parse": 2, "text": 3, "places": 4, "rewrites": 5, "time": 6, "ledger": 7,
          "figures": 8, "run": 9}
STAGE_PACKAGES = ("parse", "text", "places", "rewrites", "time", "ledger", "figures")


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported helpers module, at module level?) for every import in ``path``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    top = {id(n) for n in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helpers"):
            assert node.level == 0, f"{path}: relative import; use absolute helpers.* imports"
            for alias in node.names:
                found.append((f"{node.module}.{alias.name}", id(node) in top))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("helpers"):
                    found.append((alias.name, id(node) in top))
    return found


MODULES = {_module_name(p): p for p in SRC.rglob("*.py")}


def _resolve(name: str) -> str | None:
    """The module an import names (``helpers.core.schemas.X`` -> ``helpers.core.schemas``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_at_most_three_modules_at_the_top_and_seven_stage_packages():
    top = sorted(p.name for p in SRC.glob("*.py"))
    assert len(top) <= 3, top
    packages = [p.name for p in SRC.iterdir() if (p / "__init__.py").exists()]
    assert set(STAGE_PACKAGES) <= set(packages)
    assert len(set(packages) & set(STAGE_PACKAGES)) >= 7


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_later_stage(module):
    mine = _layer(module)
    if mine is None:  # helpers/__init__, helpers/pipeline (the stable CLI address) sit above everything
        return
    for name, _ in _imports(MODULES[module]):
        target = _resolve(name)
        theirs = _layer(target) if target else None
        assert theirs is None or theirs <= mine, f"{module} imports {target}, a later stage"


def test_no_import_cycles():
    graph = {m: {t for n, top in _imports(p) if top and (t := _resolve(n)) and t != m} for m, p in MODULES.items()}
    state: dict[str, int] = {}

    def visit(node, stack):
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(stack + [node, nxt]))
            if nxt not in state:
                visit(nxt, stack + [node])
        state[node] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [])


def test_every_stage_declares_its_notebooks():
    from helpers.run.stages import all_specs

    numbers = [s.notebook for s in all_specs()]
    notebooks = sorted(p.name[:2] for p in (SRC.parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert numbers == notebooks


def test_tests_mirror_the_stage_folders():
    """tests/<package>/ holds each subpackage's tests, and every test file sits in a package's folder."""
    tests = Path(__file__).resolve().parents[1]
    for package in LAYERS:
        assert list((tests / package).glob("test_*.py")), f"no tests/{package}/test_*.py for src/helpers/{package}/"
    stray = sorted(p.name for p in tests.glob("test_*.py"))
    assert not stray, f"test files outside a stage folder: {stray}"
    folders = {p.name for p in tests.iterdir() if p.is_dir() and list(p.glob("test_*.py"))}
    assert folders <= set(LAYERS), f"test folders without a package: {sorted(folders - set(LAYERS))}"
