"""The command line's parsers: what each subcommand takes. Shell completion is made from these too."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing_tui import __version__

PROG = "briefing-tui"
SUBCOMMANDS = (
    "check",
    "schema",
    "search",
    "list",
    "find",
    "people",
    "new",
    "show",
    "export",
    "serve",
    "completion",
)
EXPORT_FORMATS = ("md", "json", "jsonl", "csv", "popolo")
EXPORT_TABLES = ("people", "agreements", "events", "figures", "key_points")
SHELLS = ("bash", "zsh", "fish")
CHECK_FORMATS = ("text", "json", "github")

_EPILOG = f"""\
subcommands:
  {PROG} check PATH...            validate briefing files and folders (--format text|json|github)
  {PROG} schema                   print the JSON Schema of briefing/1 (for editors)
  {PROG} search PATH QUERY        search participants (--limit N, --json)
  {PROG} list DIR [FILTER]        list briefings: topic:energy after:2026-03 -side:China (--sort, --json)
  {PROG} find PATH QUERY          find any text: "a phrase", prefix*, AND/OR/NOT (--limit N, --json)
  {PROG} people DIR [QUERY]       every person once, with their briefings (--limit N, --json)
  {PROG} new ARTICLE.txt          draft a briefing from an article (-o FILE, --force)
  {PROG} show PATH                print the whole briefing (or folder) without the browser
  {PROG} export PATH --format F   md, json, jsonl, csv or popolo (-o OUT, --table, --vault DIR)
  {PROG} serve [PATH]             the browser in a web page (--host, --port; the web extra)
  {PROG} completion SHELL         print a completion script for bash, zsh or fish

examples:
  {PROG} briefings/                          browse a folder of briefings
  {PROG} show visit.yaml | less -R           read one in a pager
  {PROG} list briefings/ 'topic:energy after:2026-03' --sort published
  {PROG} find briefings/ '"transit trade" OR bank*'

  {PROG} export briefings/ --format csv --table agreements -o agreements.csv
  {PROG} export briefings/ --format md --vault ~/notes/briefings
  source <({PROG} completion bash)           tab completion in this shell

Run '{PROG} SUBCOMMAND --help' for a subcommand's options. NO_COLOR=1 turns colours off.
"""

_WARNINGS_HELP = """\
warnings (turn one off in the config: warnings: {off: [ID, ...]}, or ID: off):
  participant-present-nowhere  a named participant without present_at in a briefing with events
  quote-ambiguous              an evidence quote found more than once in the source
  key-point-without-evidence   a key point without evidence in a briefing with a source file
  agreement-party-not-a-side   an agreement party that is no participant's side or organization
"""


def open_parser() -> argparse.ArgumentParser:
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


def sub_parser(name: str) -> argparse.ArgumentParser:
    if name == "check":
        from briefing_tui.format.problems import PER_KIND

        parser = argparse.ArgumentParser(
            prog=f"{PROG} check",
            description="Validate briefing files; folders are searched for *.yaml and *.yml. "
            "Prints every problem as PATH:LINE:COL: message, and the warnings of valid files. Exit "
            "status: 0 all valid, 1 any invalid (or, with --strict, any warning), 2 usage error.",
            epilog=_WARNINGS_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
        parser.add_argument(
            "--format",
            choices=CHECK_FORMATS,
            default="text",
            help="text (default); json: an array of {path, line, column, message, severity, code}; "
            "github: GitHub Actions annotations (::error file=...,line=...::message)",
        )
        parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
        parser.add_argument(
            "--config",
            type=Path,
            metavar="PATH",
            help="config file (warnings: off: [ID, ...]); default: the user config folder, or "
            "$BRIEFING_TUI_CONFIG",
        )
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
    elif name == "serve":
        parser = argparse.ArgumentParser(
            prog=f"{PROG} serve",
            description="Serve the browser as a web page (needs the web extra: pip install "
            "'briefing-tui[web]'). It has no authentication: bound to anything but loopback, anyone "
            "who can reach the port can read the briefings. Ctrl+C stops it.",
        )
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            metavar="PATH",
            help="a briefing file, or a folder of them (default: the bundled sample)",
        )
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="the address to listen on (default: 127.0.0.1, this machine only)",
        )
        parser.add_argument("--port", type=_port, default=8000, help="the port to listen on (default: 8000)")
    elif name in _LIBRARY_PARSERS:
        parser = _LIBRARY_PARSERS[name]()
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


def _list_parser() -> argparse.ArgumentParser:
    from briefing_tui.filters import FIELDS, SORTS

    parser = argparse.ArgumentParser(
        prog=f"{PROG} list",
        description="List the briefings of a folder, newest first, or those a filter keeps. Free words "
        "match the headline, location, topics and outlet (typos too); field:value terms narrow: "
        f"{', '.join(f + ':' for f in FIELDS)} (after:2026-03 is on or after 1 March, before: is "
        'before); -term excludes; "quote values with spaces". Files that did not load are listed '
        "last (is:invalid lists only them).",
    )
    parser.add_argument("path", type=Path, metavar="DIR")
    parser.add_argument("filter", nargs="?", default="", metavar="FILTER")
    parser.add_argument(
        "--sort",
        choices=list(SORTS),
        default="date",
        help="date (default), published, headline, participants",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    parser.add_argument("--no-cache", action="store_true", help="load every file afresh")
    return parser


def _find_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} find",
        description="Find any text of a briefing (or a folder of them): key points, agreements, "
        "events, figures, summaries, notes, evidence quotes and source articles. Words must all "
        'match, in any order; "a phrase", prefix*, AND, OR, NOT (in capitals) and parentheses; case '
        "and accents aside. Best matches first.",
    )
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument(
        "--limit", type=_positive, default=50, metavar="N", help="at most N hits (default 50)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    parser.add_argument("--no-cache", action="store_true", help="load every file afresh")
    return parser


def _people_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} people",
        description="Every person of a folder of briefings once: appearances with the same wikidata "
        "id, or the same name (or a name and an alias) and no conflicting side, are one person. "
        "With QUERY, the people it finds, in any spelling, best first; else most briefings first.",
    )
    parser.add_argument("path", type=Path, metavar="DIR")
    parser.add_argument("query", nargs="?", default="", metavar="QUERY")
    parser.add_argument(
        "--limit", type=_positive, default=50, metavar="N", help="at most N people (default 50)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array (with every appearance)")
    parser.add_argument("--no-cache", action="store_true", help="load every file afresh")
    return parser


_LIBRARY_PARSERS = {"list": _list_parser, "find": _find_parser, "people": _people_parser}


SCORE_HELP = (
    "score: from 0 to 1, how well the hit matches the query. 1 is a name that is exactly the "
    "query's words; everything else is a share of that, by where each word matched (a name 1, an "
    "alias 0.9, initials 0.8, the role 0.7, organization or side 0.6, events 0.4, notes 0.3) times "
    "how (exact 1, a transliteration 0.9, an office or country under another name 0.85, an "
    "acronym 0.8, a prefix or a typo less), a little less in a longer field, averaged over the "
    "query's words. 0 is no word matched (a query of only !not terms). --json lists for each "
    "person the fields the query matched."
)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be from 1 to 65535")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
