"""What each subcommand does: a thin layer over the module that does the work."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def check(args: argparse.Namespace) -> int:
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


def schema(_: argparse.Namespace) -> int:
    from briefing_tui.format.model import json_schema

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
