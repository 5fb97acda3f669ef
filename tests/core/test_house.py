"""The layout keeps its shape: packages import downward only, no circles, the core without Qt,
SQL only in the store, modules under 400 lines (docs/ARCHITECTURE.md explains the rules)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "clipper"

# Each package of the core and the packages it may import (besides itself): the stages, lowest
# first. "base" is the modules directly in clipper/ (config, dates, errors, models, paths, textnorm).
LAYERS = {
    "base": set(),
    "store": {"base"},
    "extract": {"base"},
    "classify": {"base", "store"},
    "review": {"base", "store"},
    "edition": {"base", "store", "classify"},
    "search": {"base", "store", "classify", "edition"},
    "mail": {"base", "store", "edition"},
    "harvest": {"base", "store", "extract", "classify"},
    "workspace": {"base", "classify", "mail"},
    "cli": {"base", "store", "extract", "classify", "review", "edition", "search", "mail", "harvest",
            "workspace"},
}
MAX_LINES = 400
SQL = re.compile(r"(select .+ from [a-z_]+|insert (or [a-z]+ )?into [a-z_]+|update [a-z_]+ set|delete from [a-z_]+"
                 r"|create (virtual |temp )?(table|index|trigger))", re.I)


def _modules(folder: Path) -> dict[str, Path]:
    """Dotted module name → file, for every module under ``folder``."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, name: str) -> set[str]:
    """Every module an import statement of this file names (inside functions too), resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def _graph() -> dict[str, set[str]]:
    modules = _modules(CORE)
    return {name: {m for m in _imports(path, name) if m in modules and m != name} for name, path in modules.items()}


def _layer(module: str) -> str:
    if module == "clipper.__main__":  # `python -m clipper`: the command line's entry
        return "cli"
    parts = module.split(".")
    if len(parts) == 2 and (CORE / f"{parts[1]}.py").is_file() or module == "clipper":
        return "base"
    return parts[1]


def test_no_import_circle_in_the_core():
    """No module of clipper/ reaches itself through its imports (lazy imports count too)."""
    graph = _graph()
    index, low, stack, on_stack, circles, counter = {}, {}, [], set(), [], [0]

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == node:
                    break
            if len(members) > 1:
                circles.append(sorted(members))

    for node in graph:
        if node not in index:
            visit(node)
    assert circles == []


def test_packages_import_downward_only():
    """A stage imports only the stages below it (LAYERS), never one above."""
    wrong = []
    for module, targets in _graph().items():
        layer = _layer(module)
        for target in targets:
            other = _layer(target)
            if other != layer and other not in LAYERS[layer]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []
    assert {p.name for p in CORE.iterdir() if (p / "__init__.py").is_file()} == set(LAYERS) - {"base"}


def test_core_never_imports_the_gui_or_qt():
    """Nothing under clipper/ imports ui or PySide6 (nor names them for importlib)."""
    offenders = []
    for name, path in _modules(CORE).items():
        for target in _imports(path, name):
            if target.split(".")[0] in ("ui", "PySide6", "shiboken6"):
                offenders.append(f"{name} -> {target}")
    assert offenders == []


def test_sql_lives_in_the_store_only():
    """SQL statements appear in clipper/store/ and nowhere else in the core or the GUI."""
    offenders = []
    for folder in (CORE, ROOT / "ui"):
        for path in folder.rglob("*.py"):
            if CORE / "store" in path.parents:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SQL.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_modules_stay_under_400_lines():
    """Every module of the core and the GUI is under MAX_LINES lines."""
    long = [f"{p.relative_to(ROOT)} ({n})" for folder in (CORE, ROOT / "ui") for p in folder.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []


def test_each_package_says_what_it_owns():
    """Every package of the core opens with a docstring naming what it owns and may import."""
    for init in CORE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "Imports:" in doc, f"{init.relative_to(ROOT)} has no 'Imports:' line"


def test_command_line_loads_what_a_command_needs():
    """`clipper --help` loads none of the core's libraries, and a harvest's process not the PDF's."""
    import subprocess
    import sys
    code = ("import sys, clipper.cli.main;"
            "help = sorted({m.split('.')[0] for m in sys.modules} & {'sqlite_utils', 'pydantic', 'reportlab', 'httpx'});"
            "from clipper.harvest.run import run_harvest;"
            "harvest = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'PIL', 'qrcode'});"
            "print(help, harvest)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[] []"
