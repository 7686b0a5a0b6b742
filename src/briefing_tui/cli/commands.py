"""What each subcommand does: a thin layer over the module that does the work."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.library import Library


def check(args: argparse.Namespace) -> int:
    from briefing_tui.check_report import run

    return run(args)


def schema(_: argparse.Namespace) -> int:
    from briefing_tui.format.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def search(args: argparse.Namespace) -> int:
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
    scores = [hit.score for hit in hits]  # 0..1, 1 an exact name: see SCORE_HELP
    if args.json:
        rows = [
            {
                "name": hit.participant.name,
                "aliases": list(hit.participant.aliases),
                "role": hit.participant.role,
                "organization": hit.participant.organization,
                "side": hit.participant.side,
                "score": round(score, 4),
                # Which fields the query matched: why it was found ("notes", "organization"...).
                "matched": list(dict.fromkeys(key.field for key in hit.spans)),
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


def _library(args: argparse.Namespace) -> Library | None:
    """The library at `args.path` for list, find and people; None (said why) if it has no files."""
    from briefing_tui.library import Library

    library = Library.open(args.path, use_cache=not args.no_cache)
    if not library.entries:
        print(f"{args.path}: no *.yaml or *.yml files in this folder", file=sys.stderr)
        return None
    return library


def list_(args: argparse.Namespace) -> int:
    from briefing_tui.filters import SORTS, FilterError
    from briefing_tui.reports import print_list

    library = _library(args)
    if library is None:
        return 1
    try:
        entries = library.filter(args.filter, sort=args.sort)
    except FilterError as exc:
        print(f"briefing-tui list: {exc}", file=sys.stderr)
        return 2
    print_list(library, entries, SORTS[args.sort], as_json=args.json)
    return 0


def find(args: argparse.Namespace) -> int:
    from briefing_tui.find import FindError
    from briefing_tui.reports import print_found

    library = _library(args)
    if library is None:
        return 1
    for problem in library.problems:
        print(problem, file=sys.stderr)
    try:
        found = library.find(args.query, limit=args.limit)
    except FindError as exc:
        print(f"briefing-tui find: {exc}", file=sys.stderr)
        return 2
    print_found(library, found, args.query, as_json=args.json)
    return 0


def people(args: argparse.Namespace) -> int:
    from briefing_tui.reports import print_people

    library = _library(args)
    if library is None:
        return 1
    for problem in library.problems:
        print(problem, file=sys.stderr)
    people = library.persons()
    print_people(library, people.search(args.query, limit=args.limit), len(people), as_json=args.json)
    return 0


def new(args: argparse.Namespace) -> int:
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
    return 0


def show(args: argparse.Namespace) -> int:
    from briefing_tui.show import run

    return run(args.path, args.color)


def export(args: argparse.Namespace) -> int:
    from briefing_tui.export.command import run

    return run(args)


def serve(args: argparse.Namespace) -> int:
    from briefing_tui.web.command import run

    return run(args.path, args.host, args.port)


def completion(args: argparse.Namespace) -> int:
    from briefing_tui.completion import script

    sys.stdout.write(script(args.shell))
    return 0


def open_browser(args: argparse.Namespace) -> int:
    from briefing_tui.app import build_app

    app = build_app(args.file, config_path=args.config, watch=args.watch)
    app.run()
    # Python waits for the workers' threads before it exits (a cache entry being written): an
    # interrupt then (the web server closing the app) raised a KeyboardInterrupt with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    return app.return_code or 0
