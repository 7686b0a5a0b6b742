"""`briefing-tui check`: every problem as `PATH:LINE:COL: message`, a summary, exit 0/1/2."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.paths import sample_path

REPO = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).parent / "hostile"
VALID = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nparticipants: [{name: A}]\n"
SUMMARY = re.compile(
    r"^(\d+) files? checked: (\d+) valid, (\d+) invalid(, (\d+) problems?)?(, \d+ skipped)?$"
)
PROBLEM = re.compile(r"^[^:\n]+(:\d+:\d+)?: \S.*$")
ROW = re.compile(r"^\| `[^`]+` \| [^|]* \| `(?P<problem>.*)` \|$")


def run_check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def assert_well_formed(out: str) -> list[str]:
    lines = out.splitlines()
    assert SUMMARY.match(lines[-1]), lines[-1]
    for line in lines[:-1]:
        assert PROBLEM.match(line), line
    return lines


# -- in process ---------------------------------------------------------------------------------


def test_bundled_data_is_valid(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["check", "data"]) == 0
    lines = assert_well_formed(capsys.readouterr().out)
    assert f"data/{sample_path().name}: ok" in lines
    assert all(line.endswith(": ok") for line in lines[:-1])
    files, valid, invalid = SUMMARY.match(lines[-1]).group(1, 2, 3)
    assert files == valid and invalid == "0"


def _tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "folder.yaml").mkdir()  # a folder with a briefing's name is not a briefing
    (root / "good.yaml").write_text(VALID)
    (root / "sub" / "bad.yml").write_text(VALID + "summry: red\n")
    (root / "sub" / "deeper" / "worse.YAML").write_text(
        VALID.replace("2026-02-04", "2026-02-30") + "side: NO\n"
    )
    (root / "sub" / "notes.txt").write_text("not: [a briefing")
    (root / ".hidden" / "skipped.yaml").write_text("not: [a briefing")


def test_folders_are_searched_recursively(bdir, capsys):
    _tree(bdir.folder / "tree")
    assert main(["check", "tree"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "tree/folder.yaml: skipped: a folder named like a briefing",
        "tree/good.yaml: ok",
        "tree/sub/bad.yml:5:1: unknown key 'summry' in a briefing; did you mean 'summary'?",
        "tree/sub/deeper/worse.YAML:2:7: impossible date 2026-02-30: February 2026 has 28 days",
        "tree/sub/deeper/worse.YAML:5:1: unknown key 'side' in a briefing; did you mean 'id'?",
        "3 files checked: 1 valid, 2 invalid, 3 problems, 1 skipped",
    ]


def test_quiet_prints_only_problems(bdir, capsys):
    _tree(bdir.folder / "tree")
    assert main(["check", "--quiet", "tree"]) == 1
    out = capsys.readouterr().out
    assert ": ok" not in out
    assert out.splitlines()[-1] == "3 files checked: 1 valid, 2 invalid, 3 problems, 1 skipped"


def test_entries_that_are_no_files_are_listed_as_skipped(bdir, capsys):
    folder = bdir.folder / "tree"
    folder.mkdir()
    (folder / "good.yaml").write_text(VALID)
    os.mkfifo(folder / "fifo.yaml")
    (folder / "broken.yaml").symlink_to("nowhere.yaml")
    (folder / "loop.yml").symlink_to("loop.yml")
    (folder / "dir.yaml").mkdir()
    (folder / ".hidden.yaml").symlink_to("nowhere.yaml")  # hidden: skipped without a word
    assert main(["check", "tree"]) == 0  # entries that are no briefings are not problems
    assert capsys.readouterr().out.splitlines() == [
        "tree/broken.yaml: skipped: a broken symbolic link",
        "tree/dir.yaml: skipped: a folder named like a briefing",
        "tree/fifo.yaml: skipped: a FIFO (named pipe), not a regular file",
        "tree/good.yaml: ok",
        "tree/loop.yml: skipped: a symbolic link loop",
        "1 file checked: 1 valid, 0 invalid, 4 skipped",
    ]


def test_a_folder_of_only_skipped_entries_has_no_briefings(bdir, capsys):
    (bdir.folder / "tree" / "dir.yaml").mkdir(parents=True)
    assert main(["check", "tree"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "tree: no *.yaml or *.yml files in this folder",
        "tree/dir.yaml: skipped: a folder named like a briefing",
        "0 files checked: 0 valid, 0 invalid, 1 problem, 1 skipped",
    ]


def test_several_paths(bdir, capsys):
    bdir.write(VALID, "one.yaml")
    bdir.write(VALID, "more/two.yml")
    assert main(["check", "one.yaml", "more"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "one.yaml: ok",
        "more/two.yml: ok",
        "2 files checked: 2 valid, 0 invalid",
    ]


def test_missing_path(bdir, capsys):
    assert main(["check", "nope.yaml"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "nope.yaml: file not found",
        "1 file checked: 0 valid, 1 invalid, 1 problem",
    ]


def test_folder_without_briefings(bdir, capsys):
    (bdir.folder / "empty").mkdir()
    assert main(["check", "empty"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "empty: no *.yaml or *.yml files in this folder",
        "0 files checked: 0 valid, 0 invalid, 1 problem",
    ]


def _unknown_keys(n: int) -> str:
    return VALID + "".join(f"unknwn{i}: x\n" for i in range(n))


def test_problems_of_one_kind_are_capped(bdir, capsys):
    bdir.write(_unknown_keys(1000))
    bdir.write(VALID + "summry: x\n", "c.yaml")
    assert main(["check", "b.yaml", "c.yaml"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 20 + 1 + 1 + 1
    assert lines[0].startswith("b.yaml:5:1: unknown key 'unknwn0' in a briefing")
    assert lines[19].startswith("b.yaml:24:1: unknown key 'unknwn19' in a briefing")
    assert lines[20] == "b.yaml: … and 980 more problems like this (unknown-key)"
    assert lines[21] == "c.yaml:5:1: unknown key 'summry' in a briefing; did you mean 'summary'?"
    assert (
        lines[22]
        == "2 files checked: 0 valid, 2 invalid, 1001 problems (not all listed: --all lists every one)"
    )


def test_all_lists_every_problem(bdir, capsys):
    bdir.write(_unknown_keys(1000))
    assert main(["check", "--all", "b.yaml"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1001
    assert lines[999].startswith("b.yaml:1004:1: unknown key 'unknwn999' in a briefing")
    assert lines[-1] == "1 file checked: 0 valid, 1 invalid, 1000 problems"


def test_output_stays_small_for_100000_unknown_keys(tmp_path):
    (tmp_path / "b.yaml").write_text(_unknown_keys(100_000))
    result = run_check("b.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stdout) < 5000
    assert result.stdout.splitlines()[-2] == "b.yaml: … and 99,980 more problems like this (unknown-key)"


@pytest.mark.parametrize("argv", [["check"], ["check", "--bogus", "data"], ["check", "-x"]])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "usage: briefing-tui check" in captured.err


# -- as a program -------------------------------------------------------------------------------


def test_exit_status_valid():
    result = run_check("data", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""


def test_exit_status_invalid(tmp_path):
    (tmp_path / "b.yaml").write_text(VALID + "summry: red\n")
    result = run_check("b.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stdout.splitlines()[0]
        == "b.yaml:5:1: unknown key 'summry' in a briefing; did you mean 'summary'?"
    )
    assert result.stderr == ""


@pytest.mark.parametrize("args", [(), ("--bogus", "data"), ("--limit", "3", "data")])
def test_exit_status_usage(args):
    result = run_check(*args, cwd=REPO)
    assert result.returncode == 2
    assert "usage: briefing-tui check" in result.stderr
    assert "Traceback" not in result.stderr


def _hostile_folder(root: Path) -> Path:
    folder = root / "hostile"
    shutil.copytree(HOSTILE, folder)
    os.mkfifo(folder / "fifo.yaml")
    (folder / "loop.yaml").symlink_to("loop.yaml")
    (folder / "dir.yaml").mkdir()
    outside = root / "secret.txt"
    outside.write_text("secret")
    (folder / "secret.txt").symlink_to(outside)
    (folder / "symlink-out.yaml").write_text(VALID + "source: {file: secret.txt}\n")
    if Path("/dev/zero").exists():
        (folder / "zero.yaml").symlink_to("/dev/zero")
    return folder


def test_hostile_folder_never_tracebacks(tmp_path):
    folder = _hostile_folder(tmp_path)
    result = run_check("-q", "hostile", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ""
    lines = assert_well_formed(result.stdout)
    # Every corpus problem is printed, prefixed with the folder it was found in.
    rows = (ROW.match(line) for line in (HOSTILE / "README.md").read_text(encoding="utf-8").splitlines())
    corpus = [row["problem"] for row in rows if row]
    assert corpus
    for problem in corpus:
        assert f"hostile/{problem}" in lines
    assert "hostile/symlink-out.yaml:5:16: source file 'secret.txt' is outside the briefing's folder" in lines
    # FIFOs, devices, folders and symlink loops named *.yaml are not briefing files of a folder,
    # but they are named.
    regular = sum(path.is_file() for path in folder.glob("*.yaml"))
    assert lines[-1].startswith(f"{regular} files checked: 0 valid, {regular} invalid")
    others = 4 if Path("/dev/zero").exists() else 3
    assert lines[-1].endswith(f", {others} skipped")
    assert "hostile/fifo.yaml: skipped: a FIFO (named pipe), not a regular file" in lines
    assert "hostile/loop.yaml: skipped: a symbolic link loop" in lines
    assert "hostile/dir.yaml: skipped: a folder named like a briefing" in lines


def test_hostile_paths_given_one_by_one(tmp_path):
    _hostile_folder(tmp_path)
    names = ["fifo.yaml", "loop.yaml", "dir.yaml", "missing.yaml", "empty.yaml"]
    if Path("/dev/zero").exists():
        names += ["zero.yaml", "/dev/zero"]
    result = run_check(*names, cwd=tmp_path / "hostile")
    assert result.returncode == 1
    assert result.stderr == ""
    lines = assert_well_formed(result.stdout)
    assert "fifo.yaml: file is not a regular file" in lines
    assert "dir.yaml: no *.yaml or *.yml files in this folder" in lines
    assert "missing.yaml: file not found" in lines
    assert any(line.startswith("loop.yaml: cannot read file: ") for line in lines)


def test_check_never_tracebacks_on_bad_source_names(tmp_path):
    (tmp_path / "article.txt").symlink_to("article.txt")
    (tmp_path / "loop.yaml").write_text(VALID + "source: {file: article.txt}\n")
    (tmp_path / "long.yaml").write_text(VALID + "source: {file: " + "a" * 300 + "}\n")
    (tmp_path / "nul.yaml").write_text(VALID + 'source: {file: "a\\0b"}\n')
    result = run_check(".", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1


def test_file_names_cannot_drive_the_terminal(bdir, capsys):
    bdir.write("not: [a briefing", "evil\x1b]0;owned\x07\x1b[2J.yaml")
    main(["check", "."])
    assert "\x1b" not in capsys.readouterr().out
