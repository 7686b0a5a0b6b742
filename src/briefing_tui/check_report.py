"""`briefing-tui check`: files and folders checked, their problems printed for a person (`text`),
a script (`json`) or GitHub Actions (`github`), and the exit status.

text    `PATH:LINE:COL: message` for each error, `PATH:LINE:COL: warning: message [id]` for each
        warning, `PATH: ok` for a clean file (not with --quiet), a summary last; capped per kind
        unless --all; a progress bar on a terminal's standard error for many files.
json    one JSON array on standard output, `[]` when all is well, of every problem of every file:
        `{path, line, column, message, severity, code}` (line and column null for a whole file);
        skipped entries and the summary go to standard error.
github  workflow commands, `::error file=PATH,line=L,col=C,title=ID::message` (`::warning` for
        warnings), escaped as GitHub's toolkit escapes them; other lines as text prints them.

Exit status: 1 when any file has an error (or a folder holds none), or with --strict any warning.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import Any

from briefing_tui.format.problems import Problem, capped, printable


def text_line(problem: Problem) -> str:
    """A problem as `text` prints it: warnings say so, and name their id to turn them off."""
    if problem.severity != "warning":
        return str(problem)
    where = printable(problem.path)
    if problem.line is not None:
        where += f":{problem.line}:{problem.column}"
    return f"{where}: warning: {problem.message} [{problem.code}]"


def _said_as_warnings(problem: Problem) -> Problem:
    """`capped`'s line counting the rest of a kind, worded for warnings (whose id is said anyway)."""
    suffix = f" more problems like this ({problem.code})"
    if problem.severity != "warning" or problem.line is not None or not problem.message.endswith(suffix):
        return problem
    message = problem.message.removesuffix(suffix) + " more warnings like this"
    return Problem(problem.path, None, None, message, problem.code, problem.severity)


def json_row(problem: Problem) -> dict[str, Any]:
    return {
        "path": _unsurrogated(problem.path),
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
        "severity": problem.severity,
        "code": problem.code,
    }


def _unsurrogated(path: str) -> str:
    """A path as valid Unicode: bytes that were not UTF-8 (kept as surrogates) as \\x escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as @actions/core's `escapeData`."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value, escaped as @actions/core's `escapeProperty`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """A problem as a GitHub Actions annotation: `::error file=...,line=...,col=...,title=...::...`."""
    properties = [f"file={escape_property(_unsurrogated(problem.path))}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append(f"title={escape_property(problem.code)}")
    command = "warning" if problem.severity == "warning" else "error"
    return f"::{command} {','.join(properties)}::{escape_data(problem.message)}"


class _Output:
    """Where each kind of line goes, for one format."""

    def __init__(self, form: str, *, quiet: bool, every: bool) -> None:
        self.form = form
        self.quiet = quiet
        self.every = every
        self.rows: list[dict[str, Any]] = []
        #: What only a person reads: the standard output, except in JSON.
        self.aside = sys.stderr if form == "json" else sys.stdout

    def problems(self, found: Iterable[Problem]) -> bool:
        """Print a file's problems; True if some were left out (capped)."""
        found = list(found)
        if self.form == "json":
            self.rows += (json_row(problem) for problem in found)
            return False
        listed = found if self.every else [_said_as_warnings(p) for p in capped(found)]
        line = annotation if self.form == "github" else text_line
        for problem in listed:
            print(line(problem))
        return len(listed) != len(found)

    def note(self, text: str) -> None:
        print(text, file=self.aside)

    def ok(self, path: Path) -> None:
        if not self.quiet and self.form != "json":
            print(f"{path}: ok")

    def finish(self) -> None:
        if self.form == "json":
            print(json.dumps(self.rows, ensure_ascii=False, indent=2))


def _workers(files: int) -> int:
    if files <= 1:  # one file is checked here: no pool to import (a tenth of a small check's time)
        return 0
    from briefing_tui.pool import worker_count

    return worker_count(files)


def run(args: argparse.Namespace) -> int:
    from briefing_tui.checking import check_files, without
    from briefing_tui.config import load_config, resolve_config_path
    from briefing_tui.folders import folder_entries  # not library's: check never uses the cache
    from briefing_tui.format.reading import DEFAULT_MAX_BYTES
    from briefing_tui.reports import ProgressBar

    config = load_config(resolve_config_path(args.config))
    for message in config.problems:
        print(f"config: {message}", file=sys.stderr)
    off = config.warnings_off
    out = _Output(args.format, quiet=args.quiet, every=args.all)
    files = valid = errors = warnings = skipped = 0
    unlisted = False
    bar = ProgressBar()
    for root in args.paths:
        # A path given by name is checked whatever it is; in a folder, entries that are no
        # regular files (folders, FIFOs, broken links) are not briefings, but they are listed.
        entries: list[tuple[Path, str | None]] = folder_entries(root) if root.is_dir() else [(root, None)]
        if not any(why is None for _, why in entries):
            out.problems([Problem(str(root), None, None, "no *.yaml or *.yml files in this folder", "file")])
            errors += 1
        paths = [str(path) for path, why in entries if why is None]
        # Never the cache: check reads and checks every file again, in worker processes for a
        # large folder, and prints in file order as results come.
        results: dict[str, tuple[Problem, ...]] = {}
        shown = received = 0
        batches = check_files(paths, max_bytes=DEFAULT_MAX_BYTES, workers=_workers(len(paths)))
        for batch in chain(batches, [[]]):  # the last, empty, prints the entries skipped at the end
            results.update(batch)
            received += len(batch)
            if shown < len(entries) and (entries[shown][1] is not None or str(entries[shown][0]) in results):
                bar.clear()  # the bar shares the terminal with what is printed
            while shown < len(entries):
                path, why = entries[shown]
                if why is not None:
                    out.note(f"{printable(str(path))}: skipped: {why}")
                    skipped += 1
                elif str(path) in results:
                    found = without(results.pop(str(path)), off)
                    files += 1
                    unlisted = out.problems(found) or unlisted
                    file_errors = sum(p.severity != "warning" for p in found)
                    errors += file_errors
                    warnings += len(found) - file_errors
                    if not file_errors:
                        valid += 1
                        if not found:
                            out.ok(path)
                else:
                    break
                shown += 1
            if len(paths) > 1:
                sys.stdout.flush()
                bar.update(received, len(paths))
        bar.clear()
    out.finish()
    invalid = files - valid
    summary = f"{files} file{'s' * (files != 1)} checked: {valid} valid, {invalid} invalid"
    if errors:
        summary += f", {errors} problem{'s' * (errors != 1)}"
    if warnings:
        summary += f", {warnings} warning{'s' * (warnings != 1)}"
    if skipped:
        summary += f", {skipped} skipped"
    if unlisted:
        summary += " (not all listed: --all lists every one)"
    out.note(summary)
    return 1 if errors or (args.strict and warnings) else 0
