"""The shape of the code, checked: imports go one way, modules stay small, Textual's internals are touched
in one place, and the type checker and the linter pass (so the README's test command runs both)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "briefing_tui"
MAX_LINES = 450
MAX_APP_LINES = 300
#: The one module allowed to use Textual's private attributes (see its docstring for why).
FOCUS_MODULE = "briefing_tui.widgets.focus"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Nodes under `if TYPE_CHECKING:`: imports for the type checker only, never run."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(child) for child in ast.walk(node))
    return hidden


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports, at the top or inside functions (lazy imports count:
    they are edges all the same, only deferred)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hidden = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in hidden:
                continue
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                # `from briefing_tui.x import y`: y may be a module or a name in x.
                while target and target not in MODULES:
                    target = target.rpartition(".")[0]
                if target and target != name and target != "briefing_tui":
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative enough for us)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(MODULES):
        if node not in index:
            visit(node)
    return found


def test_there_is_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    # Guards the test above against a graph builder that finds no edges.
    graph = import_graph()
    assert "briefing_tui.format.model" in graph["briefing_tui.format.loader"]
    graph["briefing_tui.format.model"] = {*graph["briefing_tui.format.model"], "briefing_tui.format.loader"}
    assert cycles(graph)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    limit = MAX_APP_LINES if name == "briefing_tui.app" else MAX_LINES
    assert lines <= limit, f"{name} has {lines} lines (at most {limit}): split it by what it holds"


def _textual_private_names() -> set[str]:
    """Single-underscore attributes of the Textual classes our code works with: those the classes
    define and those their instances set (`self._compositor = ...`)."""
    import textual

    base = Path(textual.__file__).parent
    sources = [
        "app.py",
        "screen.py",
        "widget.py",
        "dom.py",
        "message_pump.py",
        "scroll_view.py",
        "binding.py",
        "widgets/_option_list.py",
        "widgets/_input.py",
    ]
    names: set[str] = set()
    for source in sources:
        text = (base / source).read_text(encoding="utf-8")
        names.update(re.findall(r"self\.(_[a-zA-Z]\w*)", text))
        names.update(re.findall(r"^\s*def (_[a-zA-Z]\w*)", text, re.M))
    return names


def _own_private_names() -> set[str]:
    """Underscore names our own code defines (methods, attributes, module names), but the focus
    module's, which are Textual's on purpose."""
    own: set[str] = set()
    pattern = re.compile(r"(?:def|class)\s+(_\w+)|self\.(_\w+)\s*[:=]|^(_\w+)\s*[:=]", re.M)
    for name, path in MODULES.items():
        if name == FOCUS_MODULE:
            continue
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            own.add(next(group for group in match.groups() if group))
    return own


def test_only_the_focus_module_touches_textual_internals() -> None:
    private = _textual_private_names() - _own_private_names()
    offenders = []
    for name, path in MODULES.items():
        if name == FOCUS_MODULE:
            continue
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for used in re.findall(r"\.(_[a-zA-Z]\w*)", text):
                if used in private:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {used}")
    assert offenders == []


def test_tests_touch_no_textual_internals() -> None:
    private = _textual_private_names() - _own_private_names()
    offenders = []
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        if path.name == Path(__file__).name:
            continue
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for used in re.findall(r"\.(_[a-zA-Z]\w*)", text):
                if used in private:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {used}")
    assert offenders == []


def test_the_internals_check_sees_a_private_name() -> None:
    assert "_compositor" in _textual_private_names() - _own_private_names()


def test_types_check() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_lint_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
