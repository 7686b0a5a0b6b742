"""Copying from the app over fake terminal environments: `y` goes the way the environment allows
(a fake clipboard command on a temporary PATH records what it got), the notice says which way, and
the text is shown to select by hand where the copy is not sure. The palette copies the briefing as
Markdown or JSON and exports it to a file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from apptest import SIZE, main_screen, make_app, ready, settle
from briefing_tui import items
from briefing_tui.app import BriefingApp
from briefing_tui.clipboard import osc52, tmux_passthrough
from briefing_tui.export.command import render
from briefing_tui.items import Ref
from briefing_tui.screens import copying
from briefing_tui.screens.copying import CopyDialog
from briefing_tui.screens.exporting import ExportDialog
from briefing_tui.screens.main import MainScreen


class FakeClipboard:
    """`xclip` on a PATH of the test's own, recording its arguments and stdin, under an X display
    and no known terminal: the app's way to the clipboard is that command."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch, *, fails: bool = False) -> None:
        self.record = folder / "copied"
        folder.mkdir()
        failure = 'echo "Error: Can\'t open display: :99" >&2; exit 1' if fails else "exit 0"
        script = folder / "xclip"
        script.write_text(f'#!/bin/sh\ncat > "{self.record}"\necho "$@" > "{self.record}.args"\n{failure}\n')
        script.chmod(0o755)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
        monkeypatch.setenv("DISPLAY", ":99")
        monkeypatch.delenv("KITTY_WINDOW_ID")

    @property
    def text(self) -> str:
        return self.record.read_bytes().decode("utf-8")

    @property
    def args(self) -> str:
        return self.record.with_name("copied.args").read_text().strip()


def record_notices(app: BriefingApp) -> list[tuple[str, str]]:
    """(title, message) of every notice from now on."""
    notices: list[tuple[str, str]] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        notices.append((kwargs.get("title", ""), message))
        notify(message, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return notices


def record_terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app writes to the terminal raw, in order (the headless driver shows none of it)."""
    written: list[str] = []
    monkeypatch.setattr(copying, "write_to_terminal", lambda app, data: written.append(data))
    return written


async def copy_second_person(pilot: Pilot) -> str:
    """`y` on the second participant; the text that should be copied."""
    await pilot.press("4", "j", "y")
    await settle(pilot)
    screen = pilot.app.screen_stack[1]
    assert isinstance(screen, MainScreen)
    return items.as_text(screen.briefing, Ref("participant", 1))


def dialog_text(pilot: Pilot) -> str:
    dialog = pilot.app.screen
    assert isinstance(dialog, CopyDialog)
    area = dialog.query_one("#copy-text", TextArea)
    assert area.read_only and pilot.app.focused is area
    return area.text


async def test_y_copies_with_the_local_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeClipboard(tmp_path / "bin", monkeypatch)
    written = record_terminal(monkeypatch)
    app = make_app(tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        expected = await copy_second_person(pilot)
        assert fake.text == expected
        assert fake.args == "-selection clipboard"
        assert pilot.app.clipboard == expected  # what ctrl+v pastes in a text box
        first_line = expected.splitlines()[0]
        assert notices == [
            ("Copied with xclip", f"{first_line} (and {len(expected.splitlines()) - 1} more lines)")
        ]
        assert written == []
        assert isinstance(pilot.app.screen, MainScreen)


async def test_a_failing_command_shows_the_text_to_copy_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeClipboard(tmp_path / "bin", monkeypatch, fails=True)
    app = make_app(tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        expected = await copy_second_person(pilot)
        assert fake.text == expected
        assert dialog_text(pilot) == expected
        assert notices == [
            (
                "Not copied",
                "xclip failed (exit status 1): Error: Can't open display: :99. "
                "The text is shown to copy by hand.",
            )
        ]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MainScreen)


async def test_inside_tmux_both_sequences_go_out_and_the_text_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KITTY_WINDOW_ID")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,4242,0")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")  # so xclip is not for us
    written = record_terminal(monkeypatch)
    app = make_app(tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        expected = await copy_second_person(pilot)
        assert written == [osc52(expected), tmux_passthrough(osc52(expected))]
        assert notices == [
            (
                "Sent through tmux to your terminal's clipboard",
                "Not confirmed. The text is shown to copy by hand.",
            )
        ]
        assert dialog_text(pilot) == expected
        note = str(pilot.app.screen.query_one("#copy-note").render())
        assert "set -g allow-passthrough on" in note
        # Copying from the dialog (F7 selects all, ctrl+c copies) goes the same way, with no second dialog.
        await pilot.press("f7", "ctrl+c")
        await settle(pilot)
        assert len(written) == 4
        assert [type(screen) for screen in pilot.app.screen_stack[-2:]] == [MainScreen, CopyDialog]


async def test_the_dialog_shows_control_characters_as_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KITTY_WINDOW_ID")
    monkeypatch.setenv("STY", "4242.pts-0.host")
    written = record_terminal(monkeypatch)
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        hostile = "red \x1b[31mtext\x1b]52;c;aGk=\x07\tend"
        pilot.app.copy_to_clipboard(hostile)
        await settle(pilot)
        assert dialog_text(pilot) == "red \u241b[31mtext\u241b]52;c;aGk=\u2407 end"
        assert pilot.app.clipboard == hostile
        assert written == ["\x1bP" + osc52(hostile) + "\x1b\\"]


async def test_a_known_terminal_gets_osc52_and_no_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM_PROGRAM", "WezTerm")
    monkeypatch.delenv("KITTY_WINDOW_ID")
    written = record_terminal(monkeypatch)
    app = make_app(tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        screen = main_screen(pilot)
        expected = items.as_text(screen.briefing, Ref("key_point", 0))
        assert written == [osc52(expected)]
        assert [title for title, _ in notices] == ["Copied through WezTerm to the clipboard"]


async def test_apple_terminal_without_pbcopy_shows_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM_PROGRAM", "Apple_Terminal")
    monkeypatch.setenv("SSH_TTY", "/dev/ttys001")  # pbcopy, if any, would be the remote machine's
    monkeypatch.delenv("KITTY_WINDOW_ID")
    written = record_terminal(monkeypatch)
    app = make_app(tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        expected = await copy_second_person(pilot)
        assert written == []
        assert notices[0][0] == "Not copied"
        assert dialog_text(pilot) == expected


async def test_in_the_browser_textual_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Under textual-serve the page hands Textual's OSC 52 to the browser's clipboard: no command
    # runs (it would copy on the server), no sequence of ours is written.
    fake = FakeClipboard(tmp_path / "bin", monkeypatch)
    monkeypatch.setattr(BriefingApp, "is_web", property(lambda app: True))
    written = record_terminal(monkeypatch)
    app = make_app(tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        expected = await copy_second_person(pilot)
        assert pilot.app.clipboard == expected
        assert not fake.record.exists()
        assert written == []
        assert [title for title, _ in notices] == ["Copied to the browser's clipboard"]
        assert isinstance(pilot.app.screen, MainScreen)


# -- the palette ----------------------------------------------------------------------------------


async def run_from_palette(pilot: Pilot, query: str) -> None:
    await pilot.press("ctrl+p", *query)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize(("query", "fmt"), [("copy as markdown", "md"), ("copy as json", "json")])
async def test_palette_copies_the_briefing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str, fmt: str
) -> None:
    fake = FakeClipboard(tmp_path / "bin", monkeypatch)
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        briefing = main_screen(pilot).briefing
        await run_from_palette(pilot, query)
        assert fake.text == render([briefing], fmt, single=True)
        assert isinstance(pilot.app.screen, MainScreen)


async def test_palette_exports_to_a_file_and_asks_before_replacing_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        briefing = main_screen(pilot).briefing
        await run_from_palette(pilot, "export")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        path_box = dialog.query_one("#export-path", Input)
        assert path_box.value == "pakistan-kazakhstan-state-visit.md"
        await pilot.press("enter")
        await settle(pilot)
        written = tmp_path / "pakistan-kazakhstan-state-visit.md"
        assert written.read_text(encoding="utf-8") == render([briefing], "md", single=True)
        assert isinstance(pilot.app.screen, MainScreen)

        # JSON, to a file that exists: the first Export only warns.
        existing = tmp_path / "out.json"
        existing.write_text("mine", encoding="utf-8")
        await run_from_palette(pilot, "export")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.click("#format-json")
        path_box = dialog.query_one("#export-path", Input)
        assert path_box.value == "pakistan-kazakhstan-state-visit.json"
        path_box.value = "out.json"
        await pilot.click("#export-path")
        await pilot.press("enter")
        await settle(pilot)
        assert existing.read_text(encoding="utf-8") == "mine"
        assert "exists" in str(dialog.query_one("#export-warning").render())
        await pilot.press("enter")
        await settle(pilot)
        assert existing.read_text(encoding="utf-8") == render([briefing], "json", single=True)
        assert isinstance(pilot.app.screen, MainScreen)


async def test_export_errors_are_notices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    app = make_app(tmp_path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await run_from_palette(pilot, "export")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        path_box = dialog.query_one("#export-path", Input)
        for name, message in [
            ("folder", "folder: is a folder; give a file name"),
            ("file/out.md", "file/out.md: cannot write: "),
        ]:
            path_box.value = name
            await pilot.press("enter")
            await settle(pilot)
            assert notices[-1][1].startswith(message), notices
            assert pilot.app.screen is dialog
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MainScreen)
