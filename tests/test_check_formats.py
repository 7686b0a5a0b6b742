"""`check --format json|github`, `--strict`, warnings in text, the config, and the pre-commit hook."""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.check_report import annotation
from briefing_tui.cli import main
from briefing_tui.format.problems import Problem
from test_cli_check import run_check

REPO = Path(__file__).resolve().parents[1]
VALID = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nparticipants: [{name: A}]\n"
#: Valid, with one warning: a named participant at no event, on line 6, column 5.
WARNED = (
    "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nevents: [{name: talks}]\nparticipants:\n"
    "  - name: Absent\n"
)
INVALID = VALID.replace("2026-02-04", "2026-02-30")
#: GitHub's workflow command syntax: properties are key=value, separated by commas, and neither
#: they nor the message may hold an unescaped line break; properties no unescaped , or :.
ANNOTATION = re.compile(
    r"^::(?P<command>error|warning) file=(?P<file>[^,:\r\n]+)"
    r"(,line=(?P<line>[1-9]\d*),col=(?P<col>[1-9]\d*))?"
    r",title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]*)$"
)
FIELDS = {"path", "line", "column", "message", "severity", "code"}


def unescape(text: str) -> str:
    """As the Actions runner reads a command (ActionCommand.Unescape): %25 last."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


@pytest.fixture
def tree(bdir):
    """A folder with a valid file, one with a warning and one with an error."""
    (bdir.folder / "desk").mkdir()
    bdir.write(VALID, "desk/a-clean.yaml")
    bdir.write(WARNED, "desk/b-warned.yaml")
    bdir.write(INVALID, "desk/c-invalid.yaml")
    return bdir


# -- text -------------------------------------------------------------------------------------------


def test_text_prints_warnings_with_their_id_and_counts_them(tree, capsys):
    assert main(["check", "desk"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "desk/a-clean.yaml: ok",
        "desk/b-warned.yaml:6:5: warning: participant 'Absent' is present at no event (events: 'talks'): "
        "add present_at with the events they attended, or present_at: [] if none or the article does "
        "not say [participant-present-nowhere]",
        "desk/c-invalid.yaml:2:7: impossible date 2026-02-30: February 2026 has 28 days",
        "3 files checked: 2 valid, 1 invalid, 1 problem, 1 warning",
    ]


def test_warnings_do_not_fail_a_check_unless_strict(bdir, capsys):
    name = bdir.write(WARNED)
    assert main(["check", name]) == 0
    assert main(["check", "--strict", name]) == 1
    assert main(["check", "--strict", bdir.write(VALID, "v.yaml")]) == 0
    assert main(["check", bdir.write(INVALID, "i.yaml")]) == 1  # errors fail, strict or not
    assert main(["check", "--strict", "--format", "json", name]) == 1


def test_the_config_turns_a_warning_off_in_check(bdir, capsys):
    name = bdir.write(WARNED)
    config = bdir.write("warnings:\n  off: [participant-present-nowhere]\n", "config.yaml")
    assert main(["check", "--strict", "--config", config, name]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["b.yaml: ok", "1 file checked: 1 valid, 0 invalid"]
    assert captured.err == ""


def test_an_unknown_warning_id_in_the_config_is_said_on_stderr(bdir, capsys):
    config = bdir.write("warnings:\n  off: [participant-present-nowher]\n", "config.yaml")
    assert main(["check", "--config", config, "--format", "json", bdir.write(WARNED)]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1  # the warning is still on; stdout is still JSON
    assert (
        "config: config.yaml: warnings: off: unknown warning id 'participant-present-nowher'; "
        "did you mean 'participant-present-nowhere'?"
    ) in captured.err.splitlines()


# -- json -------------------------------------------------------------------------------------------


def test_json_lists_every_problem_with_its_fields(tree, capsys):
    assert main(["check", "--format", "json", "desk"]) == 1
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert all(set(row) == FIELDS for row in rows)
    assert [(r["path"], r["line"], r["column"], r["severity"], r["code"]) for r in rows] == [
        ("desk/b-warned.yaml", 6, 5, "warning", "participant-present-nowhere"),
        ("desk/c-invalid.yaml", 2, 7, "error", "date"),
    ]
    assert rows[1]["message"] == "impossible date 2026-02-30: February 2026 has 28 days"
    assert captured.err.splitlines() == ["3 files checked: 2 valid, 1 invalid, 1 problem, 1 warning"]


def test_json_is_an_empty_array_when_all_is_well(bdir, capsys):
    bdir.write(VALID)
    assert main(["check", "--format", "json", "-q", "."]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_json_lists_every_problem_uncapped_and_whole_file_problems_without_a_place(bdir, capsys):
    name = bdir.write(
        VALID.replace("participants", "".join(f"x{i}: 1\n" for i in range(30)) + "participants")
    )
    (bdir.folder / "empty").mkdir()
    assert main(["check", "--format", "json", name, "empty", "missing.yaml"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert sum(r["code"] == "unknown-key" for r in rows) == 30
    whole = [r for r in rows if r["line"] is None]
    assert [(r["path"], r["column"], r["code"]) for r in whole] == [
        ("empty", None, "file"),
        ("missing.yaml", None, "file"),
    ]


def test_json_stdout_parses_from_a_process_with_a_folder_and_skipped_entries(tree):
    (tree.folder / "desk" / "dir.yaml").mkdir()
    result = run_check("--format", "json", "desk", cwd=tree.folder)
    assert result.returncode == 1
    assert len(json.loads(result.stdout)) == 2
    assert "desk/dir.yaml: skipped: a folder named like a briefing" in result.stderr


# -- github -----------------------------------------------------------------------------------------


def test_github_prints_annotations(tree, capsys):
    assert main(["check", "--format", "github", "-q", "desk"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "3 files checked: 2 valid, 1 invalid, 1 problem, 1 warning"
    found = [ANNOTATION.match(line) for line in lines[:-1]]
    assert all(found), lines
    assert [m.group("command", "file", "line", "col", "title") for m in found if m] == [
        ("warning", "desk/b-warned.yaml", "6", "5", "participant-present-nowhere"),
        ("error", "desk/c-invalid.yaml", "2", "7", "date"),
    ]
    assert lines[1] == (
        "::error file=desk/c-invalid.yaml,line=2,col=7,title=date::"
        "impossible date 2026-02-30: February 2026 has 28 days"
    )


def test_github_escapes_hostile_names_and_messages():
    problem = Problem("a,b:c%d.yaml", 3, 4, "100% sure:\nline two,\r\nthree %0A", "invalid", "warning")
    line = annotation(problem)
    assert line == (
        "::warning file=a%2Cb%3Ac%25d.yaml,line=3,col=4,title=invalid::"
        "100%25 sure:%0Aline two,%0D%0Athree %250A"
    )
    match = ANNOTATION.match(line)
    assert match and unescape(match["file"]) == problem.path and unescape(match["message"]) == problem.message


def test_github_annotates_a_hostile_file_end_to_end(bdir, capsys):
    name = bdir.write(WARNED.replace("Absent", "'100%, sure: yes'"), "a,b:c%.yaml")
    assert main(["check", "--format", "github", name]) == 0
    match = ANNOTATION.match(capsys.readouterr().out.splitlines()[0])
    assert match and unescape(match["file"]) == "a,b:c%.yaml"
    assert unescape(match["message"]).startswith("participant '100%, sure: yes' is present at no event")


@given(
    path=st.text(st.characters(exclude_categories=["Cs"]), min_size=1),
    message=st.text(st.characters(exclude_categories=["Cs"])),
    place=st.none() | st.tuples(st.integers(1, 10**6), st.integers(1, 10**6)),
    severity=st.sampled_from(["error", "warning"]),
)
def test_any_problem_is_one_well_formed_annotation(path, message, place, severity):
    line, column = place or (None, None)
    text = annotation(Problem(path, line, column, message, "unknown-key", severity))
    # The runner reads a command to the end of its line (\n, \r or both): neither may survive.
    assert "\r" not in text and "\n" not in text
    pattern = ANNOTATION.pattern.replace("[^,:\\r\\n]+", "[^,:\\r\\n]*")  # an empty path is data too
    match = re.fullmatch(pattern, text)
    assert match, text
    assert unescape(match["file"]) == path and unescape(match["message"]) == message
    assert match["command"] == severity
    assert (match["line"], match["col"]) == ((str(line), str(column)) if place else (None, None))


# -- pre-commit -------------------------------------------------------------------------------------


def test_the_pre_commit_hook_names_a_real_entry_point_and_runs(bdir, capsys):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (hook,) = (h for h in hooks if h["id"] == "briefing-check")
    assert hook["language"] == "python"
    assert {"id", "name", "entry", "language", "files"} <= set(hook)
    command, *args = shlex.split(hook["entry"])
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[command] == "briefing_tui.cli:main"
    files = re.compile(hook["files"])
    for path in ("briefings/visit.yaml", "news/briefings/2026/visit.yml", "visit.briefing.yaml"):
        assert files.search(path), path
    for path in (".github/workflows/ci.yml", "config.yaml", "briefings/article.txt", "docs/briefings.md"):
        assert not files.search(path), path
    # pre-commit runs the entry with the hook's args and the staged files that match.
    good, bad = bdir.write(VALID, "briefings/a.yaml"), bdir.write(INVALID, "briefings/b.yaml")
    assert main([*args, *hook.get("args", []), good]) == 0
    assert main([*args, *hook.get("args", []), good, bad]) == 1
    assert "briefings/b.yaml:2:7: impossible date" in capsys.readouterr().out


def test_many_warnings_of_one_kind_are_capped_like_problems(bdir, capsys):
    bdir.write("The article.\n", "article.txt")
    points = "".join(f"  - point {i}\n" for i in range(23))
    name = bdir.write(
        "headline: H\ndate: 2026-02-04\nsource: {file: article.txt}\nkey_points:\n"
        + points
        + "participants: [{name: A}]\n"
    )
    assert main(["check", name]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 22
    assert lines[-2:] == [
        "b.yaml: warning: … and 3 more warnings like this [key-point-without-evidence]",
        "1 file checked: 1 valid, 0 invalid, 23 warnings (not all listed: --all lists every one)",
    ]
    assert main(["check", "--all", name]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 24
