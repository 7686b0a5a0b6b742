"""The data layer never imports textual: it must stay usable (and fast) for `check`, scripts and tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing_tui.paths import sample_path

#: Modules that must work without the UI.
DATA_LAYER = [
    "briefing_tui",
    "briefing_tui.format.model",
    "briefing_tui.format.yamltree",
    "briefing_tui.format.loader",
    "briefing_tui.search",
    "briefing_tui.items",
    "briefing_tui.library",
    "briefing_tui.store",
    "briefing_tui.pool",
    "briefing_tui.workers",
    "briefing_tui.filters",
    "briefing_tui.persons",
    "briefing_tui.find",
    "briefing_tui.format.data",
    "briefing_tui.watching",
    "briefing_tui.paths",
    "briefing_tui.config",
    "briefing_tui.editor",
    "briefing_tui.positions",
    "briefing_tui.draft",
    "briefing_tui.draft.drafting",
    "briefing_tui.safe_text",
    "briefing_tui.clipboard",
    "briefing_tui.format.data",
    "briefing_tui.export.command",
    "briefing_tui.export.markdown",
    "briefing_tui.export.vault",
    "briefing_tui.export.jsondoc",
    "briefing_tui.export.csvtable",
    "briefing_tui.export.jsonl",
    "briefing_tui.export.popolo",
]


def imported_after(code: str) -> set[str]:
    """The modules loaded by running `code` in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def _textual(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m == "textual" or m.startswith("textual."))


@pytest.mark.parametrize("module", DATA_LAYER)
def test_module_does_not_import_textual(module):
    modules = imported_after(f"import {module}")
    assert module in modules
    assert _textual(modules) == []


@pytest.mark.parametrize("module", ["briefing_tui.config", "briefing_tui.paths", "briefing_tui.watching"])
def test_config_paths_and_watching_do_not_import_pydantic(module):
    # The config is read before the first frame and the watcher starts on the UI thread: neither
    # may wait for the loader.
    modules = imported_after(f"import {module}")
    assert module in modules
    assert sorted(m for m in modules if m.partition(".")[0] == "pydantic") == []
    assert "briefing_tui.library" not in modules


def test_loading_a_briefing_does_not_import_textual():
    modules = imported_after(
        f"from briefing_tui.format.loader import load_briefing\nload_briefing({str(sample_path())!r})"
    )
    assert _textual(modules) == []


def test_check_command_does_not_import_textual():
    code = f"from briefing_tui.cli import main\nassert main(['check', '-q', {str(sample_path())!r}]) == 0"
    assert _textual(imported_after(code)) == []


@pytest.mark.parametrize("command", ["show", "export"])
def test_show_and_export_do_not_import_textual(command):
    extra = ", '--format', 'md'" if command == "export" else ""
    code = (
        "import contextlib, io\nfrom briefing_tui.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main([{command!r}, {str(sample_path())!r}{extra}]) == 0"
    )
    assert _textual(imported_after(code)) == []


def test_to_data_and_safe_text_do_not_import_pydantic():
    # The cache will write briefings through to_data before the first frame.
    modules = imported_after("import briefing_tui.format.data, briefing_tui.safe_text")
    assert [m for m in modules if m == "pydantic" or m.startswith("pydantic.")] == []


def test_the_probe_can_see_textual():
    # Guards the tests above against a probe that never sees anything.
    assert "textual" in imported_after("import textual")


def test_the_probe_can_see_the_yaml_reader():
    # Guards the pydantic tests above (pydantic is no longer imported by anything) the same way.
    assert "yaml" in imported_after("import briefing_tui.format.loader")


def test_the_model_is_cheap_to_import():
    # Screens and the search engine read the model's classes before anything is loaded.
    modules = imported_after("import briefing_tui.format.model")
    assert "briefing_tui.format.model" in modules
    assert [m for m in modules if m.partition(".")[0] in ("yaml", "pydantic", "jsonschema")] == []
    assert "briefing_tui.format.validate" not in modules


def test_loading_a_briefing_does_not_import_pydantic():
    modules = imported_after(
        f"from briefing_tui.format.loader import load_briefing\nload_briefing({str(sample_path())!r})"
    )
    assert [m for m in modules if m == "pydantic" or m.startswith("pydantic.")] == []


def test_field_keys_do_not_load_the_search_engine():
    # List rows use FieldKey before the first paint; the engine is imported after it.
    modules = imported_after("from briefing_tui.search import FieldKey")
    assert "briefing_tui.search.fields" in modules
    assert "briefing_tui.search.index" not in modules
    assert "rapidfuzz" not in modules


def test_the_search_engine_does_not_import_the_model():
    # The index only reads participants' attributes: pydantic is not needed to search.
    modules = imported_after("import briefing_tui.search\nfrom briefing_tui.search import Hit, SearchIndex")
    assert "briefing_tui.search.index" in modules
    assert [m for m in modules if m == "pydantic" or m.startswith("pydantic.")] == []


#: The data layer as the architecture document draws it (packages and modules).
DATA_LAYER_PARTS = (
    "format",
    "search",
    "draft",
    "export",
    "show",
    "completion",
    "safe_text",
    "library",
    "items",
    "config",
    "paths",
    "watching",
    "editor",
    "positions",
)


def test_the_web_module_is_reached_only_from_the_serve_command():
    from test_architecture import MODULES, import_graph

    graph = import_graph()
    web = {name for name in MODULES if name.startswith("briefing_tui.web")}
    data = {name for name in MODULES if name.split(".")[1:2] and name.split(".")[1] in DATA_LAYER_PARTS}
    assert len(web) >= 3 and len(data) > 30
    # Nothing of the data layer reaches it, however indirectly (lazy imports count)...
    for module in sorted(data):
        reached, todo = set(), [module]
        while todo:
            for other in graph.get(todo.pop(), ()):
                if other not in reached:
                    reached.add(other)
                    todo.append(other)
        assert not reached & web, f"{module} reaches {sorted(reached & web)}"
    # ...and outside its own package only the serve command imports it.
    importers = {name for name, targets in graph.items() if targets & web and name not in web}
    assert importers == {"briefing_tui.cli.commands"}


def test_the_serve_command_loads_the_web_extra_only_to_serve():
    # `serve --help` and the missing-extra message work without textual-serve (and Textual).
    modules = imported_after("import briefing_tui.web.command, briefing_tui.web.hosts")
    assert "briefing_tui.web.command" in modules
    assert sorted(m for m in modules if m.partition(".")[0] in ("textual_serve", "aiohttp", "textual")) == []
