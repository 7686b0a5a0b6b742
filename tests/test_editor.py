"""The editor `e` opens: which one, its command line for each preset and for a template, positions."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.config import load_config
from briefing_tui.editor import (
    EditorError,
    Target,
    edit_command,
    editor_name,
    find_editor,
    run_editor,
    split_command,
)
from briefing_tui.items import Ref
from briefing_tui.paths import sample_path
from briefing_tui.positions import item_target, problem_target, text_target

#: A file name no shell would pass as one word.
FILE = Path("/tmp/my briefs/it's $HOME; rm -rf ~ `x` (1).yaml")
AT = Target(FILE, 12, 5)
F = str(FILE)


@pytest.mark.parametrize(
    ("setting", "argv"),
    [
        ("vim", ["vim", "+call cursor(12,5)", F]),
        ("/usr/bin/vim", ["/usr/bin/vim", "+call cursor(12,5)", F]),
        ("nvim", ["nvim", "+call cursor(12,5)", F]),
        ("gvim -f", ["gvim", "-f", "+call cursor(12,5)", F]),
        ("vi", ["vi", "+12", F]),
        ("hx", ["hx", f"{F}:12:5"]),
        ("helix", ["helix", f"{F}:12:5"]),
        ("kak", ["kak", "+12:5", F]),
        ("nano", ["nano", "+12,5", F]),
        ("micro", ["micro", f"{F}:12:5"]),
        ("emacs -nw", ["emacs", "-nw", "+12:5", F]),
        ("emacsclient -t", ["emacsclient", "-t", "+12:5", F]),
        ("code", ["code", "--goto", f"{F}:12:5", "--wait"]),
        ("code -w", ["code", "-w", "--goto", f"{F}:12:5"]),  # no second wait flag
        ("codium", ["codium", "--goto", f"{F}:12:5", "--wait"]),
        ("'C:\\Tools\\Code.exe'", ["C:\\Tools\\Code.exe", "--goto", f"{F}:12:5", "--wait"]),
        ("subl", ["subl", f"{F}:12:5", "--wait"]),
        ('"/opt/My Editor/ed" --flag', ["/opt/My Editor/ed", "--flag", F]),  # unknown: the file alone
        ("myed --line {line} --col {column} {file}", ["myed", "--line", "12", "--col", "5", F]),
        ("myed {file}:{line}:{column}", ["myed", f"{F}:12:5"]),
        ("myed +{line}", ["myed", "+12", F]),  # no {file}: the file comes last
    ],
)
def test_the_command_line_of_each_preset_and_template(setting: str, argv: list[str]) -> None:
    assert edit_command(split_command(setting), AT) == argv


@given(st.text(min_size=1).filter(lambda name: "\x00" not in name))
def test_the_file_is_always_one_argument(name: str) -> None:
    target = Target(Path("/tmp") / name.replace("/", "_"), 3, 1)
    for setting in ("vim", "nano", "code", "unknown-editor -x", "ed {file}"):
        argv = edit_command(split_command(setting), target)
        assert sum(str(target.path) in word for word in argv) == 1


def test_the_editor_comes_from_the_config_then_visual_then_editor_then_path() -> None:
    env = {"VISUAL": "code -w", "EDITOR": "nano"}
    assert find_editor("hx", env) == ["hx"]
    assert find_editor(None, env) == ["code", "-w"]
    assert find_editor(None, {"EDITOR": "nano -m"}) == ["nano", "-m"]
    assert find_editor(None, {"EDITOR": "  "}, which=lambda name: name if name == "vi" else None) == ["vi"]
    with pytest.raises(EditorError, match="no editor found: set 'editor:'"):
        find_editor(None, {}, which=lambda name: None)
    with pytest.raises(EditorError, match="not a command line"):
        find_editor('vim "unclosed', {})


def test_editor_names_are_basenames() -> None:
    assert editor_name("/usr/local/bin/NVIM") == "nvim"
    assert editor_name("C:\\Program Files\\Sublime\\subl.exe") == "subl"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("''", "editor: expected a command such as 'vim'"),
        ("[vim]", "editor: expected a command"),
        ("'vim \"oops'", "editor: 'vim \"oops' is not a command line: No closing quotation"),
        ("'myed {row} {file}'", "editor: unknown placeholder {row} in 'myed {row} {file}'"),
    ],
)
def test_a_bad_editor_setting_is_a_config_problem(tmp_path: Path, value: str, problem: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(f"editor: {value}\n", encoding="utf-8")
    config = load_config(path)
    assert config.editor is None
    assert len(config.problems) == 1
    assert config.problems[0].startswith(f"{path}: {problem}"), config.problems


def test_a_good_editor_setting_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text('editor: "myed --line {line} {file}"\n', encoding="utf-8")
    config = load_config(path)
    assert (config.editor, config.problems) == ("myed --line {line} {file}", [])


# -- running it ---------------------------------------------------------------------------------


def fake_editor(folder: Path, name: str = "fake-editor", *, status: int = 0) -> tuple[Path, Path]:
    """A script that records its argv (one JSON line per run) in the log it returns, and exits
    with `status`."""
    script = folder / name
    log = folder / f"{name}.log"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"with open({str(log)!r}, 'a') as log:\n"
        "    log.write(json.dumps(sys.argv[1:]) + '\\n')\n"
        f"sys.exit({status})\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def test_running_the_editor_passes_the_argv_as_is(tmp_path: Path) -> None:
    script, log = fake_editor(tmp_path)
    argv = edit_command([str(script), "--flag"], Target(tmp_path / "a; b $(c).yaml", 2, 3))
    assert run_editor(argv) is None
    assert log.read_text(encoding="utf-8") == f'["--flag", "{tmp_path}/a; b $(c).yaml"]\n'


def test_a_missing_or_failing_editor_says_so(tmp_path: Path) -> None:
    assert run_editor([str(tmp_path / "nope"), "x"]) == (
        f"editor not found: {tmp_path / 'nope'} (set 'editor:' in the config file, or $VISUAL or $EDITOR)"
    )
    script, _ = fake_editor(tmp_path, status=3)
    assert run_editor([str(script)]) == f"the editor {script} exited with status 3"


# -- where things are -----------------------------------------------------------------------------


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_items_and_fields_are_found_in_the_file() -> None:
    path = sample_path()
    assert item_target(path, Ref("participant", 0)) == Target(path, _line_of(path, "- name: Asif"), 5)
    tokayev = _line_of(path, "- name: Kassym-Jomart Tokayev")
    assert item_target(path, Ref("participant", 1)) == Target(path, tokayev, 5)
    assert item_target(path, Ref("participant", 1), "Role").line == tokayev + 1
    assert item_target(path, Ref("participant", 0), "Present at").line == _line_of(path, "present_at: [t")
    assert item_target(path, Ref("briefing", 0)) == Target(path, _line_of(path, "headline:"), 1)
    assert item_target(path, Ref("briefing", 0), "Source file") == Target(path, _line_of(path, "  file:"), 3)
    # An item the file no longer holds: the list's key.
    assert item_target(path, Ref("participant", 10_000)).line == _line_of(path, "participants:")


def test_an_unreadable_file_is_edited_at_its_start(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("participants: [\n", encoding="utf-8")
    assert item_target(path, Ref("participant", 0)) == Target(path)
    assert item_target(tmp_path / "gone.yaml", Ref("participant", 0)) == Target(tmp_path / "gone.yaml")


def test_a_problem_names_its_place_even_with_colons_in_the_path(tmp_path: Path) -> None:
    path = tmp_path / "a:1:2: b.yaml"
    path.write_text("x", encoding="utf-8")
    assert problem_target(f"{path}:9:7: impossible date") == Target(path, 9, 7)
    assert problem_target(f"{path}: file too large") == Target(path)
    assert problem_target("elsewhere.yaml:1:1: x") is None
    assert problem_target("… and 3 more problems like this", default=path) == Target(path)


def test_an_offset_in_a_text_is_its_line_and_column() -> None:
    text = "one\ntwo three\nfour"
    assert text_target(Path("a.txt"), text, text.index("three")) == Target(Path("a.txt"), 2, 5)
    assert text_target(Path("a.txt"), text, 0) == Target(Path("a.txt"), 1, 1)


def test_the_environment_is_not_consulted_when_the_config_names_an_editor() -> None:
    assert find_editor("nano", {**os.environ, "EDITOR": "definitely-not-here"}) == ["nano"]
