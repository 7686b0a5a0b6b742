"""`briefing-tui export`: load, render in the chosen format, write to stdout, a file or a vault.

Every failure is one line on stderr and exit status 1: files that fail to load print their problems
as `check` does and nothing is written; an existing output file is never replaced without `--force`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.export.common import load_path
from briefing_tui.paths import write_atomically

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

TABLE_FORMATS = ("csv", "jsonl")


class ExportError(Exception):
    """A reason to stop, said in one line."""


def render(briefings: Sequence[Briefing], fmt: str, table: str = "people", *, single: bool = False) -> str:
    """`briefings` as the text of format `fmt`; `single` for one briefing file (JSON: an object)."""
    if fmt == "md":
        from briefing_tui.export.markdown import export_markdown

        return export_markdown(briefings)
    if fmt == "json":
        from briefing_tui.export.jsondoc import export_json

        return export_json(briefings, single=single)
    if fmt == "jsonl":
        from briefing_tui.export.jsonl import export_jsonl

        return export_jsonl(briefings, table)
    if fmt == "csv":
        from briefing_tui.export.csvtable import export_csv

        return export_csv(briefings, table)
    if fmt == "popolo":
        from briefing_tui.export.popolo import export_popolo

        return export_popolo(briefings)
    raise ExportError(f"unknown format {fmt!r}")


def _check_options(args: argparse.Namespace) -> None:
    if args.table is not None and args.format not in TABLE_FORMATS:
        raise ExportError(f"--table is for --format csv or jsonl, not {args.format}")
    if args.vault is not None:
        if args.format != "md":
            raise ExportError(f"--vault writes Markdown notes: use it with --format md, not {args.format}")
        if args.output not in (None, "-"):
            raise ExportError("--vault writes a folder of notes: leave out -o")
    if args.output not in (None, "-"):
        out = Path(args.output)
        if out.is_dir():
            raise ExportError(f"{out}: is a folder; give a file name")
        if out.exists() and not args.force:
            raise ExportError(f"{out}: already exists; use --force to overwrite it")


def _write(text: str, output: str | None) -> None:
    if output in (None, "-"):
        # UTF-8 whatever the locale says: the files are UTF-8, and so must be a pipe to a file.
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        return
    try:
        write_atomically(Path(output), text)
    except OSError as exc:
        raise ExportError(f"{output}: cannot write: {exc.strerror or exc}") from None


def _vault(briefings: Sequence[Briefing], folder: Path, force: bool) -> int:
    from briefing_tui.export.vault import write_vault

    try:
        result = write_vault(briefings, folder, force=force)
    except OSError as exc:
        raise ExportError(f"{exc.filename or folder}: cannot write: {exc.strerror or exc}") from None
    for path in result.skipped:
        print(
            f"{path}: not written by briefing-tui; left as it is (use --force to overwrite)", file=sys.stderr
        )
    unchanged = f", {len(result.unchanged)} unchanged" if result.unchanged else ""
    print(f"{len(result.written)} notes written to {folder}{unchanged}", file=sys.stderr)
    return 1 if result.skipped else 0


def run(args: argparse.Namespace) -> int:
    try:
        _check_options(args)
        loaded = load_path(args.path)
        if loaded.problems:
            for problem in loaded.problems:
                print(problem, file=sys.stderr)
            return 1
        if args.vault is not None:
            return _vault(loaded.briefings, args.vault, args.force)
        single = not args.path.is_dir()
        try:
            text = render(loaded.briefings, args.format, args.table or "people", single=single)
        except ValueError as exc:  # JSON cannot hold an infinite or NaN figure
            raise ExportError(f"{args.path}: cannot export as {args.format}: {exc}") from None
        _write(text, args.output)
    except ExportError as exc:
        print(f"briefing-tui export: {exc}", file=sys.stderr)
        return 1
    return 0
