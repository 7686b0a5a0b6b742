"""How the app copies, decided over fake environments: the exact escape sequences for tmux, GNU
screen and plain terminals, the local command where one is usable, and running that command."""

from __future__ import annotations

import base64
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui import clipboard
from briefing_tui.clipboard import (
    SCREEN_LIMIT,
    Command,
    CopyPlan,
    osc52,
    plan_copy,
    run,
    screen_passthrough,
    tmux_passthrough,
)

TEXT = "Participant: Токаев\nRole: President"
B64 = base64.b64encode(TEXT.encode("utf-8")).decode("ascii")
OSC = f"\x1b]52;c;{B64}\x07"


def which(*installed: str) -> Callable[[str], str | None]:
    """A fake `shutil.which`: the named commands are in /usr/bin, nothing else is."""
    return lambda name: f"/usr/bin/{name}" if name in installed else None


EVERYTHING = which("pbcopy", "wl-copy", "xclip", "xsel", "clip.exe")
NOTHING = which()


def test_osc52_is_base64_of_utf8_ended_by_bel() -> None:
    assert osc52("hi") == "\x1b]52;c;aGk=\x07"
    assert osc52(TEXT) == OSC


def test_tmux_passthrough_doubles_every_escape() -> None:
    assert tmux_passthrough("\x1b]52;c;aGk=\x07") == "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
    assert tmux_passthrough("\x1b[1m\x1b]0;t\x1b\\") == "\x1bPtmux;\x1b\x1b[1m\x1b\x1b]0;t\x1b\x1b\\\x1b\\"


def test_screen_passthrough_cuts_long_sequences_into_pieces() -> None:
    assert screen_passthrough("abcdefghij", limit=8) == (
        "\x1bPabcd\x1b\\",
        "\x1bPefgh\x1b\\",
        "\x1bPij\x1b\\",
    )
    assert screen_passthrough("\x1b]52;c;aGk=\x07") == ("\x1bP\x1b]52;c;aGk=\x07\x1b\\",)
    long = osc52("x" * 1000)
    pieces = screen_passthrough(long)
    assert len(pieces) == 6
    assert all(len(piece) <= SCREEN_LIMIT for piece in pieces)
    assert all(p.startswith("\x1bP") and p.endswith("\x1b\\") for p in pieces)
    assert "".join(piece[2:-2] for piece in pieces) == long


def test_tmux_gets_the_plain_and_the_wrapped_sequence() -> None:
    env = {"TMUX": "/tmp/tmux-1000/default,4242,0", "TERM": "tmux-256color", "TERM_PROGRAM": "tmux"}
    plan = plan_copy(TEXT, env, NOTHING)
    wrapped = f"\x1bPtmux;\x1b\x1b]52;c;{B64}\x07\x1b\\"
    assert plan.output == (OSC, wrapped)
    assert (plan.command, plan.sent) == (None, False)
    assert plan.route == "through tmux to your terminal's clipboard"
    assert "allow-passthrough on" in plan.hint and "set-clipboard on" in plan.hint


def test_tmux_over_ssh_is_known_by_its_term() -> None:
    plan = plan_copy(TEXT, {"TERM": "tmux-256color", "SSH_TTY": "/dev/pts/3"}, EVERYTHING)
    assert plan.output == (OSC, tmux_passthrough(OSC))


def test_inside_tmux_the_outer_terminal_is_unknown() -> None:
    # Variables the tmux server inherited from the terminal it was started in say nothing of the
    # terminal attached now.
    plan = plan_copy(TEXT, {"TMUX": "x", "KITTY_WINDOW_ID": "1", "TERM": "screen-256color"}, NOTHING)
    assert not plan.sent
    assert plan.output == (OSC, tmux_passthrough(OSC))


def test_screen_gets_the_sequence_in_pieces() -> None:
    plan = plan_copy(TEXT, {"STY": "4242.pts-0.host", "TERM": "screen"}, NOTHING)
    assert plan.output == (f"\x1bP{OSC}\x1b\\",)
    assert plan.route == "through screen to your terminal's clipboard"
    assert not plan.sent


def test_apple_terminal_uses_pbcopy_in_utf8() -> None:
    plan = plan_copy(TEXT, {"TERM_PROGRAM": "Apple_Terminal", "TERM": "xterm-256color"}, which("pbcopy"))
    assert plan == CopyPlan(
        "with pbcopy", command=Command(("/usr/bin/pbcopy",), env={"LC_ALL": "en_US.UTF-8"})
    )


def test_apple_terminal_without_pbcopy_has_no_way() -> None:
    plan = plan_copy(TEXT, {"TERM_PROGRAM": "Apple_Terminal"}, NOTHING)
    assert (plan.command, plan.output, plan.route) == (None, (), "")
    assert "Apple's Terminal" in plan.hint


@pytest.mark.parametrize("variable", ["SSH_TTY", "SSH_CONNECTION", "SSH_CLIENT"])
def test_over_ssh_no_local_command_runs(variable: str) -> None:
    env = {variable: "10.0.0.1 50000 10.0.0.2 22", "DISPLAY": "localhost:10.0", "TERM": "xterm-256color"}
    plan = plan_copy(TEXT, env, EVERYTHING)
    assert plan.command is None
    assert plan.output == (OSC,)
    assert plan.route == "over SSH to your terminal's clipboard"
    assert not plan.sent


def test_over_ssh_a_known_terminal_takes_osc52() -> None:
    plan = plan_copy(TEXT, {"SSH_TTY": "/dev/pts/1", "TERM": "xterm-kitty"}, EVERYTHING)
    assert (plan.output, plan.sent, plan.command) == ((OSC,), True, None)


def test_wayland_uses_wl_copy() -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "TERM": "xterm-256color"}
    assert plan_copy(TEXT, env, which("wl-copy", "xclip")).command == Command(("/usr/bin/wl-copy",))
    # Without wl-copy, XWayland's clipboard is the same one.
    assert plan_copy(TEXT, env, which("xclip")).command == Command(
        ("/usr/bin/xclip", "-selection", "clipboard")
    )


def test_x11_uses_xclip_else_xsel() -> None:
    env = {"DISPLAY": ":0", "TERM": "xterm-256color"}
    plan = plan_copy(TEXT, env, which("xclip", "xsel"))
    assert plan == CopyPlan("with xclip", command=Command(("/usr/bin/xclip", "-selection", "clipboard")))
    plan = plan_copy(TEXT, env, which("xsel"))
    assert plan == CopyPlan("with xsel", command=Command(("/usr/bin/xsel", "--clipboard", "--input")))


def test_wsl_uses_clip_exe_in_utf16() -> None:
    env = {"WSL_DISTRO_NAME": "Ubuntu", "TERM": "xterm-256color"}
    plan = plan_copy(TEXT, env, which("clip.exe", "xclip"))
    assert plan.command == Command(("/usr/bin/clip.exe",), encoding="utf-16-le")
    assert plan.route == "with clip.exe"


def test_wsl_in_windows_terminal_takes_osc52() -> None:
    env = {"WSL_DISTRO_NAME": "Ubuntu", "WT_SESSION": "0b6e7c5a-0000", "TERM": "xterm-256color"}
    plan = plan_copy(TEXT, env, which("clip.exe"))
    assert plan == CopyPlan("through Windows Terminal to the clipboard", output=(OSC,), sent=True)


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "xterm-256color"},  # a plain xterm: OSC 52 is off unless allowWindowOps is set
        {"TERM": "xterm-256color", "DISPLAY": ":0"},  # with a display but no clipboard command
        {},  # nothing known at all
    ],
)
def test_an_unknown_terminal_gets_plain_osc52_unconfirmed(env: dict[str, str]) -> None:
    plan = plan_copy(TEXT, env, NOTHING)
    assert plan == CopyPlan("to your terminal's clipboard", output=(OSC,), hint=plan.hint)
    assert "OSC 52" in plan.hint


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"KITTY_WINDOW_ID": "1", "TERM": "xterm-kitty"}, "kitty"),
        ({"TERM": "xterm-kitty"}, "kitty"),
        ({"WEZTERM_PANE": "0", "TERM_PROGRAM": "WezTerm"}, "WezTerm"),
        ({"TERM_PROGRAM": "iTerm.app"}, "iTerm2"),
        ({"LC_TERMINAL": "iTerm2"}, "iTerm2"),
        ({"TERM_PROGRAM": "ghostty", "TERM": "xterm-ghostty"}, "Ghostty"),
        ({"TERM": "foot"}, "foot"),
        ({"TERM": "alacritty", "ALACRITTY_WINDOW_ID": "1"}, "Alacritty"),
        ({"WT_SESSION": "x", "TERM": "xterm-256color"}, "Windows Terminal"),
    ],
)
def test_known_terminals_take_plain_osc52(env: dict[str, str], name: str) -> None:
    # Preferred to a local command: no process, and it works the same over SSH.
    plan = plan_copy(TEXT, {**env, "DISPLAY": ":0"}, EVERYTHING)
    assert plan == CopyPlan(f"through {name} to the clipboard", output=(OSC,), sent=True)


# -- running the command --------------------------------------------------------------------------


def script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_run_passes_the_text_on_stdin(tmp_path: Path) -> None:
    record = tmp_path / "copied"
    fake = script(tmp_path, "xclip", f'cat > "{record}"; echo "$@" > "{record}.args"')
    text = 'a; rm -rf / $(touch pwned) `x` "quoted"\nТокаев'
    assert run(Command((str(fake), "-selection", "clipboard")), text) is None
    assert record.read_bytes() == text.encode("utf-8")
    assert (tmp_path / "copied.args").read_text() == "-selection clipboard\n"
    assert not (tmp_path / "pwned").exists()


def test_run_encodes_for_clip_exe(tmp_path: Path) -> None:
    record = tmp_path / "copied"
    fake = script(tmp_path, "clip.exe", f'cat > "{record}"')
    assert run(Command((str(fake),), encoding="utf-16-le"), "Ток") is None
    assert record.read_bytes() == "Ток".encode("utf-16-le")


def test_run_sets_the_command_environment(tmp_path: Path) -> None:
    record = tmp_path / "locale"
    fake = script(tmp_path, "pbcopy", f'cat > /dev/null; echo "$LC_ALL" > "{record}"')
    assert run(Command((str(fake),), env={"LC_ALL": "en_US.UTF-8"}), "x") is None
    assert record.read_text() == "en_US.UTF-8\n"


def test_run_says_why_a_command_failed(tmp_path: Path) -> None:
    fake = script(tmp_path, "xclip", 'cat > /dev/null; echo "Error: Can\'t open display: :9" >&2; exit 1')
    assert run(Command((str(fake),)), "x") == "xclip failed (exit status 1): Error: Can't open display: :9"


def test_run_reports_a_command_that_cannot_start(tmp_path: Path) -> None:
    failure = run(Command((str(tmp_path / "wl-copy"),)), "x")
    assert failure is not None and failure.startswith("wl-copy could not start: ")


def test_run_gives_up_on_a_hung_command(tmp_path: Path) -> None:
    fake = script(tmp_path, "xsel", "exec sleep 30")
    started = time.monotonic()
    assert run(Command((str(fake),)), "x", timeout=0.5) == "xsel did not finish within 0.5 s"
    assert time.monotonic() - started < 5


def test_run_does_not_wait_for_the_process_left_serving_the_clipboard(tmp_path: Path) -> None:
    # xclip, xsel and wl-copy exit at once, leaving a child that holds stdout and stderr open.
    fake = script(tmp_path, "xclip", "cat > /dev/null; (sleep 3; echo late >&2) & exit 0")
    started = time.monotonic()
    assert run(Command((str(fake),)), "x", timeout=10) is None
    assert time.monotonic() - started < 2.5


def test_the_environment_names_are_what_the_plan_reads() -> None:
    # The tests' known terminal (conftest) clears these: a name read but not listed would leak the
    # developer's terminal into the tests.
    source = Path(clipboard.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r'env\.get\("([A-Z_]+)"', source)) | set(re.findall(r'"(SSH_[A-Z]+)"', source))
    assert {"TMUX", "STY", "DISPLAY", "SSH_TTY"} <= read <= set(clipboard.ENVIRONMENT)
    assert os.environ.get("KITTY_WINDOW_ID") == "1"
    assert plan_copy("x", os.environ, NOTHING).sent
