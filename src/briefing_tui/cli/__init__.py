"""Command line: `briefing-tui [PATH]` opens the browser; `check`, `schema`, `search`, `list`, `find`,
`people`, `new`, `show`, `export` and `completion` are subcommands. `parsers` says what each takes,
`commands` what each does (a thin layer over the module that does the work)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from briefing_tui.cli.parsers import SUBCOMMANDS, open_parser, sub_parser


def main(argv: Sequence[str] | None = None) -> int:
    from briefing_tui.cli import commands

    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            name = argv.pop(0)
            args = sub_parser(name).parse_args(argv)
            # `list_`: a trailing underscore where the name is a builtin's.
            handler = getattr(commands, f"{name}_", None) or getattr(commands, name)
            return int(handler(args))
        return commands.open_browser(open_parser().parse_args(argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing-tui check data/ | head`: the reader left; say nothing more.
        sys.stderr.close()
        return 1


__all__ = ["SUBCOMMANDS", "main"]
