"""`briefing-tui completion bash|zsh|fish`: shell completion scripts, made from the CLI's own parsers.

Written here rather than with a library: fish needs its own anyway, and the first word is either a
subcommand or a briefing path (`briefing-tui data/`), which generic generators cannot offer together.
Arguments named PATH, OUT or FILE complete files and folders; DIR completes folders; choices complete
their words.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

from briefing_tui.cli.parsers import PROG, SUBCOMMANDS, open_parser, sub_parser

_FUNCTION = "_" + PROG.replace("-", "_")
_FILE_METAVARS = ("PATH", "OUT", "FILE")


@dataclass(frozen=True, slots=True)
class Arg:
    """One option or positional argument, as completion needs it."""

    flags: tuple[str, ...]  # empty for a positional
    takes: str | None  # None (a switch), "file", "dir", "choice" or "word"
    choices: tuple[str, ...]
    help: str
    many: bool  # a positional that repeats


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # "" for the top level (opening the browser)
    help: str
    args: tuple[Arg, ...]

    @property
    def options(self) -> list[Arg]:
        return [arg for arg in self.args if arg.flags]

    @property
    def positionals(self) -> list[Arg]:
        return [arg for arg in self.args if not arg.flags]


def _short(text: str | None) -> str:
    """The first clause of a help text, without characters the shells' quoting treats specially."""
    first = re.split(r"(?<=[a-z)])[.;:](\s|$)|\s\(", text or "")[0].strip()
    return re.sub(r"[\[\]`$\\\"']", "", first)


def _arg(action: argparse.Action) -> Arg:
    metavar = action.metavar if isinstance(action.metavar, str) else None
    if action.nargs == 0:
        takes = None
    elif action.choices:
        takes = "choice"
    elif metavar == "DIR":
        takes = "dir"
    elif metavar in _FILE_METAVARS:
        takes = "file"
    else:
        takes = "word"
    choices = tuple(str(choice) for choice in action.choices or ())
    many = action.nargs in ("+", "*")
    help_text = action.help if isinstance(action.help, str) else ""
    if not help_text and metavar == "PATH":
        help_text = "briefing file or folder"
    return Arg(
        tuple(action.option_strings), takes, choices, _short(help_text or metavar or action.dest), many
    )


def commands() -> list[Command]:
    """The top level and every subcommand, with their arguments."""
    found = [Command("", "open in the browser", tuple(_arg(a) for a in open_parser()._actions))]
    for name in SUBCOMMANDS:
        parser = sub_parser(name)
        found.append(Command(name, _short(parser.description), tuple(_arg(a) for a in parser._actions)))
    return found


# -- bash ---------------------------------------------------------------------------------------


def _words(words: list[str] | tuple[str, ...]) -> str:
    """Words for `compgen -W` while IFS is a newline (so file names with spaces stay whole)."""
    return "$'" + "\\n".join(words) + "'"


def _bash() -> str:
    table = commands()
    names = "|".join(SUBCOMMANDS)
    values = []
    for command in table:
        for option in command.options:
            if option.takes is None:
                continue
            patterns = "|".join(f'"{command.name} {flag}"' for flag in option.flags)
            if option.takes == "choice":
                action = f'COMPREPLY=($(compgen -W {_words(option.choices)} -- "$cur"))'
            elif option.takes == "file":
                action = 'COMPREPLY=($(compgen -f -- "$cur"))'
            elif option.takes == "dir":
                action = 'COMPREPLY=($(compgen -d -- "$cur"))'
            else:
                action = "COMPREPLY=()"
            values.append(f"        {patterns}) {action}; return ;;")
    options = []
    positionals = []
    for command in table:
        flags = [flag for option in command.options for flag in option.flags]
        options.append(f'        "{command.name}") COMPREPLY=($(compgen -W {_words(flags)} -- "$cur")) ;;')
        words: list[str] = list(SUBCOMMANDS) if not command.name else []
        files = False
        for arg in command.positionals:
            words += arg.choices
            files = files or arg.takes == "file"
        found = []
        if words:
            found.append(f'$(compgen -W {_words(words)} -- "$cur")')
        if files:
            found.append('$(compgen -f -- "$cur")')
        positionals.append(f'        "{command.name}") COMPREPLY=({" ".join(found)}) ;;')
    return f"""\
# bash completion for {PROG}; load it with: source <({PROG} completion bash)
{_FUNCTION}() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" sub="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            {names}) sub="${{COMP_WORDS[i]}}"; break ;;
        esac
    done
    local IFS=$'\\n'
    case "$sub $prev" in
{chr(10).join(values)}
    esac
    if [[ "$cur" == -* ]]; then
        case "$sub" in
{chr(10).join(options)}
        esac
        return
    fi
    case "$sub" in
{chr(10).join(positionals)}
    esac
}}
complete -o filenames -o bashdefault -F {_FUNCTION} {PROG}
"""


# -- zsh ----------------------------------------------------------------------------------------


def _zsh_action(arg: Arg) -> str:
    if arg.takes == "file":
        return "_files"
    if arg.takes == "dir":
        return "_files -/"
    if arg.takes == "choice":
        return f"({' '.join(arg.choices)})"
    return " "


def _zsh_specs(command: Command) -> list[str]:
    specs = []
    for option in command.options:
        for flag in option.flags:
            if option.takes is None:
                specs.append(f"'{flag}[{option.help}]'")
            else:
                suffix = "=" if flag.startswith("--") else ""
                message = option.help.replace(":", " ")
                specs.append(f"'{flag}{suffix}[{option.help}]:{message}:{_zsh_action(option)}'")
    for number, arg in enumerate(command.positionals, 1):
        position = "*" if arg.many else str(number)
        specs.append(f"'{position}:{arg.help.replace(':', ' ')}:{_zsh_action(arg)}'")
    return specs


def _zsh() -> str:
    table = commands()
    described = "\n".join(f"        '{c.name}:{c.help}'" for c in table if c.name)
    cases = []
    for command in table[1:]:
        specs = " \\\n                ".join(_zsh_specs(command))
        cases.append(
            f"        {command.name})\n"
            f"            shift words; (( CURRENT-- ))\n"
            f"            _arguments -s : \\\n                {specs} && ret=0 ;;"
        )
    top = " \\\n                ".join(_zsh_specs(table[0]))
    return f"""\
#compdef {PROG}
# zsh completion for {PROG}; load it with: source <({PROG} completion zsh)
# (or save it as {_FUNCTION} in a folder of your $fpath)
{_FUNCTION}() {{
    local ret=1
    local -a subcommands
    subcommands=(
{described}
    )
    if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then
        _describe -t subcommands 'subcommand' subcommands && ret=0
        _files && ret=0
        return ret
    fi
    case $words[2] in
{chr(10).join(cases)}
        *)
            _arguments -s : \\
                {top} && ret=0 ;;
    esac
    return ret
}}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    {_FUNCTION} "$@"
else
    compdef {_FUNCTION} {PROG}
fi
"""


# -- fish ---------------------------------------------------------------------------------------


def _fish() -> str:
    table = commands()
    subs = " ".join(SUBCOMMANDS)
    top = f"not __fish_seen_subcommand_from {subs}"
    lines = [
        f"# fish completion for {PROG}; load it with: {PROG} completion fish | source",
        f"# (or save it as ~/.config/fish/completions/{PROG}.fish)",
        f"complete -c {PROG} -f",
    ]
    for command in table:
        when = top if not command.name else f"__fish_seen_subcommand_from {command.name}"
        if command.name:
            lines.append(f"complete -c {PROG} -n '{top}' -a {command.name} -d '{command.help}'")
        for option in command.options:
            parts = [f"complete -c {PROG} -n '{when}'"]
            for flag in option.flags:
                parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
            if option.takes == "file":
                parts.append("-r -F")
            elif option.takes == "dir":
                parts.append("-x -a '(__fish_complete_directories)'")
            elif option.takes == "choice":
                parts.append(f"-x -a '{' '.join(option.choices)}'")
            elif option.takes == "word":
                parts.append("-x")
            parts.append(f"-d '{option.help}'")
            lines.append(" ".join(parts))
        for arg in command.positionals:
            if arg.takes == "file":
                lines.append(f"complete -c {PROG} -n '{when}' -F")
            elif arg.takes == "choice":
                lines.append(f"complete -c {PROG} -n '{when}' -x -a '{' '.join(arg.choices)}'")
    return "\n".join(lines) + "\n"


SHELLS = {"bash": _bash, "zsh": _zsh, "fish": _fish}


def script(shell: str) -> str:
    """The completion script for `shell` (bash, zsh or fish)."""
    return SHELLS[shell]()
