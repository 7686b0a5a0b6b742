"""Command line: `briefing-tui [PATH]` opens the browser; `check`, `schema`, `search`, `new`, `show`,
`export` and `completion` are subcommands, each doing its work in a module of its own."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing_tui import __version__

PROG = "briefing-tui"
SUBCOMMANDS = ("check", "schema", "search", "new", "show", "export", "completion")
EXPORT_FORMATS = ("md", "json", "jsonl", "csv", "popolo")
EXPORT_TABLES = ("people", "agreements", "events", "figures", "key_points")
SHELLS = ("bash", "zsh", "fish")

_EPILOG = f"""\
subcommands:
  {PROG} check PATH...            validate briefing files and folders (exit 1 if any has problems)
  {PROG} schema                   print the JSON Schema of briefing/1 (for editors)
  {PROG} search PATH QUERY        search participants (--limit N, --json)
  {PROG} new ARTICLE.txt          draft a briefing from an article (-o FILE, --force)
  {PROG} show PATH                print the whole briefing (or folder) without the browser
  {PROG} export PATH --format F   md, json, jsonl, csv or popolo (-o OUT, --table, --vault DIR)
  {PROG} completion SHELL         print a completion script for bash, zsh or fish

examples:
  {PROG} briefings/                          browse a folder of briefings
  {PROG} show visit.yaml | less -R           read one in a pager
  {PROG} export briefings/ --format csv --table agreements -o agreements.csv
  {PROG} export briefings/ --format md --vault ~/notes/briefings
  source <({PROG} completion bash)           tab completion in this shell

Run '{PROG} SUBCOMMAND --help' for a subcommand's options. NO_COLOR=1 turns colours off.
"""


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A terminal browser for structured briefings.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="PATH",
        help="a briefing file, or a folder of them, to open (default: the bundled sample)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="config file (theme, keymap); default: the user config folder, or $BRIEFING_TUI_CONFIG",
    )
    parser.add_argument(
        "--no-watch",
        dest="watch",
        action="store_false",
        help="do not reload the briefing (or folder) when its files are saved",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _sub_parser(name: str) -> argparse.ArgumentParser:
    if name == "check":
        from briefing_tui.format.problems import PER_KIND

        parser = argparse.ArgumentParser(
            prog=f"{PROG} check",
            description="Validate briefing files; folders are searched for *.yaml and *.yml. "
            "Prints every problem as PATH:LINE:COL: message. Exit status: 0 all valid, 1 any "
            "invalid, 2 usage error.",
        )
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
        parser.add_argument(
            "--all",
            action="store_true",
            help=f"list every problem (by default, after {PER_KIND} problems of one kind in a file, "
            "one line counts the rest)",
        )
    elif name == "schema":
        parser = argparse.ArgumentParser(
            prog=f"{PROG} schema",
            description="Print the JSON Schema (draft 2020-12) of briefing/1, for the YAML language "
            "server and other editors.",
        )
    elif name == "new":
        parser = argparse.ArgumentParser(
            prog=f"{PROG} new",
            description="Draft a briefing from an article: its headline, its date, a placeholder key "
            "point and, commented out, the people it names with a title. The draft passes check as "
            "written; an existing file is never replaced without --force.",
        )
        parser.add_argument("article", type=Path, metavar="ARTICLE")
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            metavar="FILE",
            help="the briefing to write (default: the article's name with .yaml, beside it)",
        )
        parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    elif name == "show":
        parser = argparse.ArgumentParser(
            prog=f"{PROG} show",
            description="Print a whole briefing, or every briefing of a folder (newest first), without "
            "the browser: wrapped to the terminal, styled on a terminal, plain when piped; NO_COLOR "
            "is honoured.",
        )
        parser.add_argument("path", type=Path, metavar="PATH")
        parser.add_argument(
            "--color",
            choices=("auto", "always", "never"),
            default="auto",
            help="style the output: auto (on a terminal, unless NO_COLOR is set), always, never",
        )
    elif name == "export":
        parser = argparse.ArgumentParser(
            prog=f"{PROG} export",
            description="Export a briefing, or every briefing of a folder, as Markdown (or a notes "
            "vault), JSON, JSON Lines, CSV or Popolo JSON.",
        )
        parser.add_argument("path", type=Path, metavar="PATH")
        parser.add_argument("--format", "-f", choices=EXPORT_FORMATS, required=True, help="the output format")
        parser.add_argument(
            "--table",
            choices=EXPORT_TABLES,
            help="one row per item of this list, in csv and jsonl (default: people)",
        )
        parser.add_argument(
            "-o", "--output", metavar="OUT", help="write to this file instead of stdout ('-': stdout)"
        )
        parser.add_argument(
            "--vault",
            type=Path,
            metavar="DIR",
            help="write one Markdown note per briefing and per person into this folder",
        )
        parser.add_argument(
            "--force", action="store_true", help="overwrite an existing OUT, or notes not written by us"
        )
    elif name == "completion":
        parser = argparse.ArgumentParser(
            prog=f"{PROG} completion",
            description="Print a shell completion script. Load it with: "
            f"bash: source <({PROG} completion bash); zsh: source <({PROG} completion zsh); "
            f"fish: {PROG} completion fish | source",
        )
        parser.add_argument("shell", choices=SHELLS)
    else:
        parser = argparse.ArgumentParser(
            prog=f"{PROG} search",
            description="Search the participants of a briefing (or a folder of them) and print "
            "the best hits. Query syntax: words match in any order and spelling; 'exact, ^prefix, "
            "suffix$, !not, a | b.",
        )
        parser.add_argument("path", type=Path, metavar="PATH")
        parser.add_argument("query", metavar="QUERY")
        parser.add_argument(
            "--limit", type=_positive, default=20, metavar="N", help="at most N hits (default 20)"
        )
        parser.add_argument("--json", action="store_true", help="print a JSON array for scripts")
        parser.epilog = SCORE_HELP
        parser.add_argument("--no-cache", action="store_true", help="load every file afresh")
    return parser


SCORE_HELP = (
    "score: from 0 to 1, how well the hit matches each word of the query, averaged over the words. "
    "1 is an exact match of a one-word name; a longer name, a match in the aliases, role, "
    "organization, side or events, a prefix, a transliteration or a typo each count less; 0 is no "
    "word matched (a query of only !not terms)."
)


def _score_scale(query: str) -> int:
    """What to divide the engine's scores by for 0 to 1: it adds up to about 1 per query word."""
    from briefing_tui.search.query import parse_query

    return max(1, len(parse_query(query).groups))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _check(args: argparse.Namespace) -> int:
    from briefing_tui.format.loader import load_briefing
    from briefing_tui.format.problems import BriefingError, Problem, capped, printable
    from briefing_tui.library import folder_entries

    files = valid = problems = skipped = 0
    unlisted = False
    for root in args.paths:
        # A path given by name is checked whatever it is; in a folder, entries that are no
        # regular files (folders, FIFOs, broken links) are not briefings, but they are listed.
        entries: list[tuple[Path, str | None]] = folder_entries(root) if root.is_dir() else [(root, None)]
        if not any(why is None for _, why in entries):
            print(Problem(str(root), None, None, "no *.yaml or *.yml files in this folder", "file"))
            problems += 1
        for path, why in entries:
            if why is not None:
                print(f"{printable(str(path))}: skipped: {why}")
                skipped += 1
                continue
            files += 1
            try:
                load_briefing(path)
            except BriefingError as exc:
                listed = exc.problems if args.all else capped(exc.problems)
                for problem in listed:
                    print(problem)
                problems += len(exc.problems)
                unlisted = unlisted or len(listed) != len(exc.problems)
            else:
                valid += 1
                if not args.quiet:
                    print(f"{path}: ok")
    invalid = files - valid
    summary = f"{files} file{'s' * (files != 1)} checked: {valid} valid, {invalid} invalid"
    if problems:
        summary += f", {problems} problem{'s' * (problems != 1)}"
    if skipped:
        summary += f", {skipped} skipped"
    if unlisted:
        summary += " (not all listed: --all lists every one)"
    print(summary)
    return 1 if problems else 0


def _schema(_: argparse.Namespace) -> int:
    from briefing_tui.format.model import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _search(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from briefing_tui.library import Library, participants_of
    from briefing_tui.search import SearchIndex

    library = Library.open(args.path, use_cache=not args.no_cache)
    if not library.entries:
        print(f"{args.path}: no *.yaml or *.yml files in this folder", file=sys.stderr)
        return 1
    for problem in library.problems:
        print(problem, file=sys.stderr)
    if not library.briefings:
        return 1  # nothing could be searched: the problems above are the whole answer
    failed = bool(library.problems)
    refs = library.people()
    people = participants_of(refs)
    owners = [ref.entry.briefing.id or ref.entry.path.stem for ref in refs]  # type: ignore[union-attr]
    hits = SearchIndex(people).search(args.query, limit=args.limit)
    # The engine's scores only rank; they add up per query word, with small bonuses on top.
    scale = _score_scale(args.query)
    scores = [min(1.0, hit.score / scale) for hit in hits]
    if args.json:
        rows = [
            {
                "name": hit.participant.name,
                "aliases": list(hit.participant.aliases),
                "role": hit.participant.role,
                "organization": hit.participant.organization,
                "side": hit.participant.side,
                "score": round(score, 4),
                "briefing": owners[hit.position],
            }
            for hit, score in zip(hits, scores, strict=True)
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        # Piped output keeps whole rows: wrapping would split names over lines.
        console = Console(highlight=False, width=None if sys.stdout.isatty() else 10_000)
        if not hits:
            console.print(Text(f"no participant matches {args.query!r}"))
        else:
            table = Table(box=None, pad_edge=False, header_style="bold")
            for column in ("score", "name", "role", "organization", "side", "briefing"):
                table.add_column(column, justify="right" if column == "score" else "left")
            for hit, score in zip(hits, scores, strict=True):
                person = hit.participant
                cells = (
                    person.name,
                    person.role,
                    person.organization,
                    person.side,
                    owners[hit.position],
                )
                table.add_row(Text(f"{score:.2f}"), *(Text(c or "") for c in cells))
            console.print(table)
    return 1 if failed and not hits else 0


def _new(args: argparse.Namespace) -> int:
    from briefing_tui.draft import DraftError, draft_briefing, write_draft

    try:
        draft = draft_briefing(args.article, args.output)
        write_draft(draft, force=args.force)
    except DraftError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    count = len(draft.people)
    when = (
        f"{draft.date} from the article" if draft.found_date else f"{draft.date} (today: none in the article)"
    )
    print(
        f"wrote {draft.output}: date {when}, 1 placeholder key point, 1 placeholder participant and "
        f"{count} suggested participant{'s' * (count != 1)} (commented out) to accept or delete"
    )
    if not draft.scanned_all:
        print("only the article's first 1,000,000 characters were searched for people and a date")


def _show(args: argparse.Namespace) -> int:
    from briefing_tui.show import run

    return run(args.path, args.color)


def _export(args: argparse.Namespace) -> int:
    from briefing_tui.export.command import run

    return run(args)


def _completion(args: argparse.Namespace) -> int:
    from briefing_tui.completion import script

    sys.stdout.write(script(args.shell))
    return 0


def _open(args: argparse.Namespace) -> int:
    from briefing_tui.app import build_app

    app = build_app(args.file, config_path=args.config, watch=args.watch)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            name = argv.pop(0)
            args = _sub_parser(name).parse_args(argv)
            commands = {
                "check": _check,
                "schema": _schema,
                "search": _search,
                "new": _new,
                "show": _show,
                "export": _export,
                "completion": _completion,
            }
            return commands[name](args)
        return _open(_open_parser().parse_args(argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing-tui check data/ | head`: the reader left; say nothing more.
        sys.stderr.close()
        return 1


if __name__ == "__main__":
    sys.exit(main())
