"""`briefing-tui list`, `find` and `people` (text and --json), `check`'s progress bar (a terminal's
standard error only), and `search` on a single file through the cache."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

import briefing_tui.format.loader as loader
from briefing_tui.cli import main

ARTICLE = "The ministers met in Astana. They spoke of [bold]transit[/bold] trade.\n"


def briefing(headline: str, date: str, people: str, topics: str = "[]") -> str:
    return (
        f"headline: {headline!r}\ndate: {date}\ntopics: {topics}\n"
        "source: {file: article.txt, outlet: Kazinform}\n"
        'key_points:\n  - {text: Transit was discussed., evidence: "spoke of [bold]transit[/bold] trade"}\n'
        f"participants: {people}\n"
    )


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_TUI_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "energy.yaml").write_text(
        briefing(
            "Energy talks in Astana",
            "2026-03-01",
            "[{name: Murat Nurtleu, side: Kazakhstan, role: Minister}]",
            "[energy]",
        ),
        encoding="utf-8",
    )
    (folder / "trade.yaml").write_text(
        briefing(
            "Trade [red]talks[/red]",
            "2025-01-01",
            "[{name: Murat Nurtleu, side: Kazakhstan}, {name: Wang Yi}]",
        ),
        encoding="utf-8",
    )
    (folder / "broken.yaml").write_text("headline: [\n", encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_text(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", str(desk))
    assert code == 0 and err == ""
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0].split() == ["date", "headline", "people", "file"]
    assert lines[1].startswith("2026-03-01  Energy talks in Astana")
    assert "Trade [red]talks[/red]" in lines[2]  # user text, never markup
    assert lines[3].startswith("not loaded") and "broken.yaml" in lines[3]
    assert lines[-1] == "3 of 3 briefings · newest first"


def test_list_filter_sort_and_json(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", str(desk), "side:kazakhstan -topic:energy", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert row["file"] == "trade.yaml" and row["headline"] == "Trade [red]talks[/red]"
    assert (row["date"], row["participants"], row["sides"], row["outlet"]) == (
        "2025-01-01",
        2,
        ["Kazakhstan"],
        "Kazinform",
    )
    code, out, _ = run(capsys, "list", str(desk), "--sort", "participants", "--json")
    assert [r["file"] for r in json.loads(out)] == ["trade.yaml", "energy.yaml", "broken.yaml"]
    assert json.loads(out)[2]["valid"] is False and json.loads(out)[2]["problems"]


def test_list_a_bad_filter_says_why_on_stderr(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", str(desk), "topik:energy")
    assert (code, out) == (2, "")
    assert err == "briefing-tui list: unknown field 'topik:' in 'topik:energy'; did you mean 'topic'?\n"
    code, out, err = run(capsys, "list", str(desk), "after:2026-02-30")
    assert code == 2 and "February 2026 has 28 days" in err


def test_list_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", str(tmp_path))
    assert (code, out) == (1, "") and "no *.yaml or *.yml files" in err


def test_find_text_shows_user_text_as_it_is(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "find", str(desk), "transit")
    assert code == 0
    assert "spoke of [bold]transit[/bold] trade" in out
    assert out.splitlines()[-1].endswith("matching texts, best first")
    assert "broken.yaml" in err  # a file's problems, not in the results


def test_find_json(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "find", str(desk), '"transit was"', "--json")
    rows = json.loads(out)
    assert code == 0 and {r["file"] for r in rows} == {"energy.yaml", "trade.yaml"}
    row = rows[0]
    assert (row["kind"], row["field"], row["item"], row["path"]) == (
        "key point",
        "text",
        {"kind": "key_point", "index": 0},
        ["key_points", 0, "text"],
    )
    start, end = row["spans"][0]
    assert row["snippet"][start - row["snippet_start"] : end - row["snippet_start"]] == "Transit was"


def test_find_a_bad_query(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "find", str(desk), '"transit')
    assert (code, out) == (2, "")
    assert err.endswith('briefing-tui find: "transit: a quote is not closed\n')


def test_find_nothing(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "find", str(desk), "zebra")
    assert code == 0 and out == "no text matches 'zebra'\n"


def test_people(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "people", str(desk))
    assert code == 0
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[1].split()[:3] == ["2", "Murat", "Nurtleu"]
    assert lines[-1] == "2 of 2 people"
    code, out, _ = run(capsys, "people", str(desk), "nurtlev", "--json")
    [person] = json.loads(out)
    assert (person["name"], person["briefings"], person["role"], person["sides"]) == (
        "Murat Nurtleu",
        2,
        "Minister",
        ["Kazakhstan"],
    )
    assert [a["file"] for a in person["appearances"]] == ["energy.yaml", "trade.yaml"]  # newest first
    assert person["appearances"][0]["role"] == "Minister" and person["appearances"][1]["role"] is None


def test_search_a_single_file_goes_through_the_cache(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = loader.load_briefing
    monkeypatch.setattr(
        loader, "load_briefing", lambda path, **kw: (calls.append(str(path)), real(path, **kw))[1]
    )
    for _ in range(2):
        code, out, _ = run(capsys, "search", str(desk / "trade.yaml"), "wang", "--json")
        assert code == 0 and json.loads(out)[0]["name"] == "Wang Yi"
    assert calls == [str(desk / "trade.yaml")]
    run(capsys, "search", str(desk / "trade.yaml"), "wang", "--no-cache")
    assert len(calls) == 2


def test_check_never_uses_the_cache(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "list", str(desk))  # fills the cache
    calls: list[str] = []
    real = loader.load_briefing
    monkeypatch.setattr(
        loader, "load_briefing", lambda path, **kw: (calls.append(str(path)), real(path, **kw))[1]
    )
    code, _, err = run(capsys, "check", str(desk))
    assert code == 1 and sorted(Path(c).name for c in calls) == ["broken.yaml", "energy.yaml", "trade.yaml"]
    assert err == ""  # no progress bar: standard error is not a terminal


def _many(folder: Path, count: int) -> None:
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    for number in range(count):
        (folder / f"b{number:03d}.yaml").write_text(
            briefing(f"Talks {number}", "2026-03-01", "[{name: A}]"), encoding="utf-8"
        )
    (folder / "b007.yaml").write_text("headline: [\n", encoding="utf-8")


def test_check_in_worker_processes_prints_in_file_order(tmp_path: Path) -> None:
    _many(tmp_path, 60)  # enough for worker processes
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and result.stderr == ""
    assert [Path(line.split(":")[0]).name for line in lines[:-1]] == [f"b{n:03d}.yaml" for n in range(60)]
    assert "YAML syntax error" in lines[7]
    assert lines[-1] == "60 files checked: 59 valid, 1 invalid, 1 problem"


def test_check_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    _many(tmp_path, 60)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing_tui", "check", "-q", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            env=env,
            text=True,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        out, _ = process.communicate(timeout=300)
    finally:
        os.close(controller)
    assert b"loaded 60 of 60" in shown and b"\r\x1b[K" in shown  # drawn, then cleared
    assert "loaded" not in out  # never in the captured output
    assert out.splitlines()[-1] == "60 files checked: 59 valid, 1 invalid, 1 problem"
