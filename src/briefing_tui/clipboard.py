"""How to put text on the user's clipboard from a terminal app, decided from the environment alone.

A terminal app has two ways to the clipboard, and neither works everywhere:
- OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`) asks the terminal to set its clipboard. It works over SSH,
  but Apple's Terminal ignores it, tmux drops it unless told otherwise (`set-clipboard on`, or the
  sequence wrapped for passthrough, which tmux 3.3+ allows only with `allow-passthrough on`), and
  GNU screen passes it on only wrapped, in pieces short enough for its string buffer.
- A local command (`pbcopy`, `wl-copy`, `xclip`, `xsel`, `clip.exe`) says whether it worked, but only
  on the machine with the display: over SSH it would fill the remote machine's clipboard.

`plan_copy` picks one from the environment variables and the commands on PATH; nothing is run or
written here but by `run`. OSC 52 is preferred where the terminal is known to take it; elsewhere a
local command is, since its exit status confirms the copy; and where neither is sure, the app also
shows the text to be selected by hand. Textual-free: tested over fake environments.
"""

from __future__ import annotations

import base64
import os
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: The environment variables `plan_copy` reads (the tests clear them for a known terminal).
ENVIRONMENT = (
    "TMUX",
    "STY",
    "TERM",
    "TERM_PROGRAM",
    "LC_TERMINAL",
    "KITTY_WINDOW_ID",
    "WEZTERM_PANE",
    "ALACRITTY_WINDOW_ID",
    "WT_SESSION",
    "GHOSTTY_RESOURCES_DIR",
    "SSH_TTY",
    "SSH_CONNECTION",
    "SSH_CLIENT",
    "WSL_DISTRO_NAME",
    "WAYLAND_DISPLAY",
    "DISPLAY",
)

#: GNU screen keeps a string sequence in a buffer of 256 bytes before 4.2 (768 since): each piece
#: of a long sequence goes in its own `ESC P … ESC \`, 4 bytes of the 256.
SCREEN_LIMIT = 256
#: Seconds a clipboard command may take before it counts as failed.
TIMEOUT = 5.0

Which = Callable[[str], str | None]


@dataclass(frozen=True)
class Command:
    """A local clipboard command: `argv` (no shell) reads the text on stdin in `encoding`."""

    argv: tuple[str, ...]
    encoding: str = "utf-8"
    #: Set for the command on top of the app's environment.
    env: Mapping[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return Path(self.argv[0]).name


@dataclass(frozen=True)
class CopyPlan:
    """How to copy: run `command`, or write `output` to the terminal; neither where no way is known."""

    #: How the text travels, for the notice: "with pbcopy", "through tmux to your terminal's clipboard";
    #: empty when it does not travel at all.
    route: str
    command: Command | None = None
    #: Escape sequences to write to the terminal, in order.
    output: tuple[str, ...] = ()
    #: OSC 52 to a terminal known to take it: as good as confirmed.
    sent: bool = False
    #: What the user can do when the copy may not have arrived.
    hint: str = ""


def osc52(text: str) -> str:
    """The OSC 52 sequence setting the clipboard ("c") to `text`, ended by BEL (not `ESC \\`, which
    would end a passthrough wrapper early)."""
    return "\x1b]52;c;" + base64.b64encode(text.encode("utf-8", errors="replace")).decode("ascii") + "\x07"


def tmux_passthrough(sequence: str) -> str:
    """`sequence` for tmux to pass to the outer terminal: in `ESC P tmux; … ESC \\`, every ESC doubled."""
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def screen_passthrough(sequence: str, limit: int = SCREEN_LIMIT) -> tuple[str, ...]:
    """`sequence` for GNU screen to pass on: in pieces of `limit` bytes at most, each `ESC P … ESC \\`."""
    size = limit - 4
    return tuple(f"\x1bP{sequence[at : at + size]}\x1b\\" for at in range(0, len(sequence), size))


def multiplexer(env: Mapping[str, str]) -> str | None:
    """ "tmux" or "screen" when the app runs inside one (inside tmux over SSH only TERM tells)."""
    if env.get("TMUX") or env.get("TERM", "").startswith("tmux"):
        return "tmux"
    if env.get("STY"):
        return "screen"
    return None


def osc52_terminal(env: Mapping[str, str]) -> str | None:
    """The name of the terminal, when it is one known to set its clipboard on OSC 52."""
    program, term = env.get("TERM_PROGRAM", ""), env.get("TERM", "")
    if env.get("KITTY_WINDOW_ID") or term == "xterm-kitty":
        return "kitty"
    if env.get("WEZTERM_PANE") or program == "WezTerm" or term == "wezterm":
        return "WezTerm"
    if program == "iTerm.app" or env.get("LC_TERMINAL") == "iTerm2":
        return "iTerm2"
    if program == "ghostty" or env.get("GHOSTTY_RESOURCES_DIR") or term == "xterm-ghostty":
        return "Ghostty"
    if term.startswith("foot"):
        return "foot"
    if env.get("ALACRITTY_WINDOW_ID") or term == "alacritty":
        return "Alacritty"
    if env.get("WT_SESSION"):
        return "Windows Terminal"
    return None


def remote(env: Mapping[str, str]) -> bool:
    """Over SSH: a local command would copy on the remote machine."""
    return any(env.get(name) for name in ("SSH_TTY", "SSH_CONNECTION", "SSH_CLIENT"))


def local_command(env: Mapping[str, str], which: Which) -> Command | None:
    """The clipboard command of this machine's display, if one is installed and usable."""
    if remote(env):
        return None
    if env.get("WSL_DISTRO_NAME") and (path := which("clip.exe")):
        return Command((path,), encoding="utf-16-le")  # UTF-8 would come out as mojibake
    if path := which("pbcopy"):
        # pbcopy reads stdin in the locale's encoding; without a UTF-8 one, non-ASCII is garbled.
        return Command((path,), env={"LC_ALL": "en_US.UTF-8"})
    if env.get("WAYLAND_DISPLAY") and (path := which("wl-copy")):
        return Command((path,))
    if env.get("DISPLAY"):
        if path := which("xclip"):
            return Command((path, "-selection", "clipboard"))
        if path := which("xsel"):
            return Command((path, "--clipboard", "--input"))
    return None


TMUX_HINT = "tmux passes it on with 'set -g set-clipboard on' or (tmux 3.3+) 'set -g allow-passthrough on'"
SCREEN_HINT = "GNU screen passes it on if your terminal supports OSC 52"
OSC52_HINT = "it arrives if your terminal supports OSC 52"


def plan_copy(text: str, env: Mapping[str, str], which: Which) -> CopyPlan:
    """How to copy `text`, given the environment `env` and `which` (`shutil.which`)."""
    sequence = osc52(text)
    mux = multiplexer(env)
    terminal = None if mux else osc52_terminal(env)
    if terminal is not None:
        return CopyPlan(f"through {terminal} to the clipboard", output=(sequence,), sent=True)
    command = local_command(env, which)
    if command is not None:
        return CopyPlan(f"with {command.name}", command=command)
    if mux == "tmux":
        # The plain sequence for `set-clipboard on`, the wrapped one for passthrough: one of them
        # gets through unless tmux blocks both, as 3.3 and later do by default.
        both = (sequence, tmux_passthrough(sequence))
        return CopyPlan("through tmux to your terminal's clipboard", output=both, hint=TMUX_HINT)
    if mux == "screen":
        pieces = screen_passthrough(sequence)
        return CopyPlan("through screen to your terminal's clipboard", output=pieces, hint=SCREEN_HINT)
    if env.get("TERM_PROGRAM") == "Apple_Terminal":
        # Only over SSH, or without pbcopy: there is no way to this clipboard.
        return CopyPlan("", hint="Apple's Terminal ignores OSC 52, and pbcopy is not at hand")
    route = "over SSH to your terminal's clipboard" if remote(env) else "to your terminal's clipboard"
    return CopyPlan(route, output=(sequence,), hint=OSC52_HINT)


def run(command: Command, text: str, timeout: float = TIMEOUT) -> str | None:
    """Run `command` with `text` on stdin: None when it exited 0, else why not, in one line.

    xclip, xsel and wl-copy fork a process that serves the clipboard until something else is
    copied: it keeps stdout and stderr open, so they must not be pipes waited on (stderr goes to a
    temporary file), and it runs in a session of its own, so closing the terminal does not end it."""
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                command.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env={**os.environ, **command.env},
                start_new_session=True,
            )
        except OSError as exc:
            return f"{command.name} could not start: {exc.strerror or exc}"
        try:
            process.communicate(text.encode(command.encoding, errors="replace"), timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return f"{command.name} did not finish within {timeout:g} s"
        if process.returncode == 0:
            return None
        errors.seek(0)
        said = errors.read(4096).decode("utf-8", errors="replace").strip().splitlines()
        reason = f": {said[-1].strip()}" if said else ""
        return f"{command.name} failed (exit status {process.returncode}){reason}"
