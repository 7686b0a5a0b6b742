"""Opening a file in the user's editor at a line and column: which editor, and its command line.

The editor is `editor:` in the config, else `$VISUAL`, else `$EDITOR`, else the first of a few
common ones found on `PATH`. An editor setting may carry arguments (`code -w`): it is split as a
shell would split it (`shlex`), but never run by a shell, and the file is always one argument,
whatever characters its name holds. The executable's name (its basename) picks a preset that puts
the cursor at the line and column; a setting holding `{file}`, `{line}` or `{column}` is a template
filled in word by word instead (`myed --line {line} --col {column} {file}`). Any other editor is
given the file alone. Never imports textual.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Tried in order when neither the config nor the environment names an editor.
DEFAULT_EDITORS = ("sensible-editor", "editor", "nano", "vim", "vi", "micro", "emacs")
#: The placeholders a template may hold.
PLACEHOLDERS = ("file", "line", "column")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


class EditorError(Exception):
    """No editor to run, or a setting that is not a command line; the message says which."""


@dataclass(frozen=True, slots=True)
class Target:
    """A place in a file: 1-based line and column."""

    path: Path
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


def split_command(setting: str) -> list[str]:
    """The words of an editor setting (`code -w`, `"/opt/My Editor/ed" --wait`); `EditorError`
    for one that is empty or not a command line (an unclosed quote)."""
    try:
        words = shlex.split(setting, posix=os.name != "nt")  # Windows: backslashes are paths
    except ValueError as exc:
        raise EditorError(f"editor: {setting!r} is not a command line: {exc}") from None
    if not words:
        raise EditorError("editor: empty; name a command such as 'vim' or 'code --wait'")
    return words


def setting_problem(setting: object) -> str | None:
    """What is wrong with `editor:` as the config gives it, or None (for the config's problems)."""
    if not isinstance(setting, str) or not setting.strip():
        return "expected a command such as 'vim', 'code --wait' or 'myed --line {line} {file}'"
    try:
        split_command(setting)
    except EditorError as exc:
        return str(exc).removeprefix("editor: ")
    unknown = sorted({name for name in _PLACEHOLDER.findall(setting) if name not in PLACEHOLDERS})
    if unknown:
        known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        return f"unknown placeholder {{{unknown[0]}}} in {setting!r}; a template may hold {known}"
    return None


def find_editor(
    configured: str | None,
    environ: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str]:
    """The editor's command words: the config's, else $VISUAL, else $EDITOR, else a default on PATH."""
    environ = os.environ if environ is None else environ
    for setting in (configured, environ.get("VISUAL"), environ.get("EDITOR")):
        if setting and setting.strip():
            return split_command(setting)
    for name in DEFAULT_EDITORS:
        if which(name):
            return [name]
    raise EditorError(
        "no editor found: set 'editor:' in the config file, or $VISUAL or $EDITOR "
        f"(none of {', '.join(DEFAULT_EDITORS)} is on PATH)"
    )


def editor_name(command: str) -> str:
    """The name a preset knows an editor by: the executable's basename, lower case, without `.exe`."""
    name = re.split(r"[\\/]", command)[-1].lower()
    return name.removesuffix(".exe")


def _vim(target: Target) -> list[str]:
    return [f"+call cursor({target.line},{target.column})", str(target.path)]


def _vi(target: Target) -> list[str]:  # a plain vi (nvi, busybox, vim.tiny) may not know `call`
    return [f"+{target.line}", str(target.path)]


def _plus_line_column(target: Target) -> list[str]:  # emacs, kakoune
    return [f"+{target.line}:{target.column}", str(target.path)]


def _nano(target: Target) -> list[str]:
    return [f"+{target.line},{target.column}", str(target.path)]


def _file_line_column(target: Target) -> list[str]:  # helix, micro
    return [f"{target.path}:{target.line}:{target.column}"]


def _vscode(target: Target) -> list[str]:
    return ["--goto", f"{target.path}:{target.line}:{target.column}", "--wait"]


def _sublime(target: Target) -> list[str]:
    return [f"{target.path}:{target.line}:{target.column}", "--wait"]


#: How each known editor is told the place: the arguments after its own.
PRESETS: Mapping[str, Callable[[Target], list[str]]] = {
    **dict.fromkeys(("vim", "nvim", "gvim", "mvim", "vim.basic", "vim.gtk3", "vimx"), _vim),
    **dict.fromkeys(("vi", "view", "vim.tiny", "nvi", "elvis"), _vi),
    **dict.fromkeys(("hx", "helix", "micro"), _file_line_column),
    **dict.fromkeys(("kak", "kakoune", "emacs", "emacsclient"), _plus_line_column),
    **dict.fromkeys(("nano", "pico", "rnano"), _nano),
    **dict.fromkeys(("code", "code-insiders", "codium", "vscodium", "code-oss"), _vscode),
    **dict.fromkeys(("subl", "sublime_text", "sublime-text"), _sublime),
}
#: Arguments the preset gives that the user's setting may give already (`code -w`).
_WAIT_FLAGS = frozenset({"--wait", "-w"})


def is_template(words: Sequence[str]) -> bool:
    return any(_PLACEHOLDER.search(word) for word in words)


def _fill(word: str, target: Target) -> str:
    values = {"file": str(target.path), "line": str(target.line), "column": str(target.column)}
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group()), word)


def edit_command(words: Sequence[str], target: Target) -> list[str]:
    """The argv that opens `target` in the editor `words` (as `find_editor` gives them)."""
    if is_template(words):
        argv = [_fill(word, target) for word in words]
        if not any("{file}" in word for word in words):
            argv.append(str(target.path))
        return argv
    preset = PRESETS.get(editor_name(words[0]))
    if preset is None:
        return [*words, str(target.path)]
    extra = preset(target)
    if any(word in _WAIT_FLAGS for word in words[1:]):
        extra = [word for word in extra if word not in _WAIT_FLAGS]
    return [*words, *extra]


def run_editor(argv: Sequence[str], *, cwd: Path | None = None) -> str | None:
    """Run the editor (no shell) and wait for it; None when it exits 0, else what went wrong."""
    try:
        status = subprocess.run(list(argv), cwd=cwd, check=False).returncode
    except FileNotFoundError:
        return f"editor not found: {argv[0]} (set 'editor:' in the config file, or $VISUAL or $EDITOR)"
    except OSError as exc:
        return f"cannot run the editor {argv[0]}: {exc.strerror or exc}"
    if status != 0:
        return f"the editor {argv[0]} exited with status {status}"
    return None
