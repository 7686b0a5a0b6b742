"""What each subcommand does: a thin layer over the module that does the work."""

from __future__ import annotations

import argparse
import json
import sys
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.library import Library


def check(args: argparse.Namespace) -> int:
    from briefing_tui.folders import folder_entries  # not from library: check never needs the cache
    from briefing_tui.format.problems import Problem, capped, printable
    from briefing_tui.format.reading import DEFAULT_MAX_BYTES
    from briefing_tui.pool import check_files, worker_count
    from briefing_tui.reports import ProgressBar

    files = valid = problems = skipped = 0
    unlisted = False
    bar = ProgressBar()
    for root in args.paths:
        # A path given by name is checked whatever it is; in a folder, entries that are no
        # regular files (folders, FIFOs, broken links) are not briefings, but they are listed.
        entries: list[tuple[Path, str | None]] = folder_entries(root) if root.is_dir() else [(root, None)]
        if not any(why is None for _, why in entries):
            print(Problem(str(root), None, None, "no *.yaml or *.yml files in this folder", "file"))
            problems += 1
        paths = [str(path) for path, why in entries if why is None]
        # Never the cache: check reads and checks every file again, in worker processes for a
        # large folder, and prints in file order as results come.
        results: dict[str, tuple[Problem, ...]] = {}
        shown = received = 0
        batches = check_files(paths, max_bytes=DEFAULT_MAX_BYTES, workers=worker_count(len(paths)))
        for batch in chain(batches, [[]]):  # the last, empty, prints the entries skipped at the end
            results.update(batch)
            received += len(batch)
            if shown < len(entries) and (entries[shown][1] is not None or str(entries[shown][0]) in results):
                bar.clear()  # the bar shares the terminal with what is printed
            while shown < len(entries):
                path, why = entries[shown]
                if why is not None:
                    print(f"{printable(str(path))}: skipped: {why}")
                    skipped += 1
                elif str(path) in results:
                    found = results.pop(str(path))
                    files += 1
                    listed = found if args.all else capped(found)
                    for problem in listed:
                        print(problem)
                    problems += len(found)
                    unlisted = unlisted or len(listed) != len(found)
                    if not found:
                        valid += 1
                        if not args.quiet:
                            print(f"{path}: ok")
                else:
                    break
                shown += 1
            if len(paths) > 1:
                sys.stdout.flush()
                bar.update(received, len(paths))
        bar.clear()
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
    # The engine's scores only rank; they add up per query word, with small bonuses on top.
    scale = score_scale(args.query)
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
    return app.return_code or 0


def score_scale(query: str) -> int:
    """What to divide the engine's scores by for 0 to 1: it adds up to about 1 per query word."""
    from briefing_tui.search.query import parse_query

    return max(1, len(parse_query(query).groups))
