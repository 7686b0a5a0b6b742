"""`briefing-tui show`: the whole briefing on stdout, rich on a terminal, plain when piped, text inert."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from briefing_tui.cli import main
from briefing_tui.format.loader import load_briefing
from briefing_tui.paths import sample_path
from briefing_tui.show import make_console, render
from golden import check_golden

HOSTILE_TEXT = Path(__file__).parent / "briefings" / "hostile-text.yaml"
BRIEFINGS = {"sample": sample_path(), "hostile": HOSTILE_TEXT}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def _no_colour_settings(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


def shown(path: Path, *, terminal: bool, width: int = 80) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=terminal,
        color_system="standard" if terminal else None,
        highlight=False,
        legacy_windows=False,
    )
    render(console, [load_briefing(path)])
    return out.getvalue()


@pytest.mark.parametrize("name", BRIEFINGS)
@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
def test_golden(name, terminal):
    check_golden(
        f"show-{name}-{'terminal' if terminal else 'piped'}.txt", shown(BRIEFINGS[name], terminal=terminal)
    )


@pytest.mark.parametrize("name", BRIEFINGS)
@pytest.mark.parametrize("width", [40, 80, 132])
def test_lines_fit_the_width_without_trailing_spaces(name, width):
    from rich.cells import cell_len

    for text_line in shown(BRIEFINGS[name], terminal=False, width=width).splitlines():
        assert cell_len(text_line) <= width, text_line
        assert text_line == text_line.rstrip(), repr(text_line)


def test_terminal_and_piped_say_the_same():
    styled = shown(sample_path(), terminal=True)
    assert "\x1b[" in styled
    assert ANSI.sub("", styled) == shown(sample_path(), terminal=False)


def test_everything_is_there():
    text = shown(sample_path(), terminal=False, width=200)
    briefing = load_briefing(sample_path())
    for expected in (
        briefing.headline,
        "Wed 4 Feb 2026 · Aiwan-e-Sadr, Islamabad",
        "Key points (8)",
        "Roadmap for Trade and Economic Cooperation 2025–2027",
        "roadmap · unveiled · Pakistan, Kazakhstan · 2025–2027",
        "Attended by: Asif Ali Zardari, Kassym-Jomart Tokayev\n",
        "Bilateral trade target: 1 billion USD",
        "  Kazakhstan\n    ▌ Kassym-Jomart Tokayev  President of Kazakhstan",
        "also: Tokaev, Toqaev",
    ):
        assert expected in text
    assert text.index("  Pakistan\n") < text.index("  Kazakhstan\n")


def test_user_text_is_never_markup_or_a_control_code(bdir):
    shown_text = shown(HOSTILE_TEXT, terminal=True)
    assert "[bold red]Leaders[/] meet" in ANSI.sub("", shown_text)
    assert "[@click=app.quit]Nowhere[/]" in ANSI.sub("", shown_text)
    briefing = bdir.load(
        bdir.HEAD.replace("headline: H", 'headline: "tab\\there\\rand CR"') + 'summary: "a\\u200fb"\n'
    )
    out = io.StringIO()
    render(Console(file=out, width=80, force_terminal=True, color_system="standard"), [briefing])
    assert "tab here␍and CR" in ANSI.sub("", out.getvalue())
    assert not re.search(r"[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]", out.getvalue())


def test_a_folder_is_shown_newest_first_with_rules_between(bdir, capsys):
    bdir.write(
        bdir.HEAD.replace("headline: H", "headline: Older").replace("2026-02-04", "2025-01-01"), "a.yaml"
    )
    bdir.write(bdir.HEAD.replace("headline: H", "headline: Newer"), "b.yaml")
    assert main(["show", ".", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out.index("Newer") < out.index("Older")
    assert [text for text in out.splitlines() if text and set(text) == {"─"}] == ["─" * 80]


def test_a_broken_file_prints_its_problems_and_exits_1(bdir, capsys):
    bdir.write(bdir.HEAD + "summry: x\n")
    assert main(["show", "b.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "b.yaml:5:1: unknown key 'summry' in a briefing; did you mean 'summary'?\n"


def test_colour_choices(monkeypatch):
    assert make_console("never").color_system is None
    assert make_console("always").is_terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert make_console("auto").no_color
    assert not make_console("always").no_color  # an explicit flag beats the environment


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})},
    )


def test_piped_output_is_plain_and_forced_colour_is_not():
    piped = _run("show", str(sample_path()))
    assert piped.returncode == 0 and piped.stderr == ""
    assert "\x1b" not in piped.stdout and "Kassym-Jomart Tokayev" in piped.stdout
    coloured = _run("show", str(sample_path()), "--color", "always", env={"NO_COLOR": "1"})
    assert "\x1b[" in coloured.stdout
    assert ANSI.sub("", coloured.stdout).splitlines() == piped.stdout.splitlines()
