"""Load a briefing/1 YAML file into a `Briefing`, or say precisely what is wrong with it.

Every problem of a file is reported at once, each as `PATH:LINE:COL: message` (1-based), so a person
can fix the file in one pass. Nothing in the file is ever executed: see `yamltree` for the YAML side.
This module only runs the steps; each lives in a module of its own (see the package docstring), and
`FileContext` is all they are told about the file.

A good file takes the fast path: `yamlvalues` reads its values without positions, `validate` makes
the briefing, and the checks across it find nothing. Only when one of them finds something is the
file read again, with `yamltree`'s positions, and every problem reported where it is: the two paths
give the same verdict on every file (tests/test_loader_paths.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from briefing_tui.format.events import event_problems, events_clean
from briefing_tui.format.evidence import evidence_problems, source_if_clean
from briefing_tui.format.kinds import Errors
from briefing_tui.format.messages import kind_of, validation_problems
from briefing_tui.format.model import Briefing
from briefing_tui.format.problems import BriefingError, FileContext, Problem
from briefing_tui.format.quotes import normalise_quote
from briefing_tui.format.reading import DEFAULT_MAX_BYTES, forbidden_chars, read_text
from briefing_tui.format.syntax import TreeError, TreeProblem
from briefing_tui.format.tap import tap
from briefing_tui.format.validate import validate_briefing
from briefing_tui.format.yamltree import EXTENSION_PREFIX, Pos, read_tree
from briefing_tui.format.yamlvalues import Unsure, read_values
from briefing_tui.gc_control import paused


def load_briefing(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Briefing:
    """Load and validate one briefing file; raise `BriefingError` with every problem found."""
    path = Path(path)
    shown = str(path)
    text = read_text(path, shown, max_bytes=max_bytes)
    problems = forbidden_chars(text, shown)
    if problems:
        raise BriefingError(problems)
    return _load(text, FileContext(path, shown, max_bytes), clean=True)


def parse_briefing(
    text: str, path: Path, *, shown: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Briefing:
    """Validate briefing text as if read from `path` (the source file is looked up beside it)."""
    return _load(text, FileContext(path, shown or str(path), max_bytes))


def _load(text: str, file: FileContext, *, clean: bool = False) -> Briefing:
    with paused():  # a big file makes millions of objects and no cycles: no collector passes
        loaded, valid = _attempt(text, file, clean=clean)
        return loaded or slow_path(text, file, valid=valid)


def fast_path(text: str, file: FileContext, *, clean: bool = False) -> Briefing | None:
    """The briefing, if the file has no problem at all; None if it may have one (see the docstring).
    `clean`: `text` holds no forbidden character (see `read_values`)."""
    return _attempt(text, file, clean=clean)[0]


def _attempt(text: str, file: FileContext, *, clean: bool) -> tuple[Briefing | None, Briefing | None]:
    """The briefing if the file has no problem, else None and, if only the checks across the
    document found one, the valid model (the slow path need not make it again)."""
    try:
        data = read_values(text, clean=clean)
    except Unsure:
        return None, None
    tap(data, None, text)  # check's warnings read the same values (format/tap.py)
    if type(data) is not dict:
        return None, None
    data.setdefault("id", file.path.stem)
    briefing, _ = validate_briefing(data, path=str(file.path), source_text=None)
    if briefing is None:
        return None, None
    if not events_clean(briefing):
        return None, briefing
    fine, source_text = source_if_clean(briefing, file)
    if not fine:
        return None, briefing
    return briefing.attached(str(file.path), source_text), None


def slow_path(text: str, file: FileContext, *, valid: Briefing | None = None) -> Briefing:
    """The briefing, or `BriefingError` with every problem of the file at its place. `valid`: the
    model the fast path made of the same text, if it made one."""
    tree_problems: list[TreeProblem] = []
    try:
        data, pos = read_tree(text, tree_problems)
    except TreeError as exc:
        raise BriefingError(_problems(file, exc.problems)) from None
    tap(data, pos, text)
    return _validate(data, pos, tree_problems, file, valid if not tree_problems else None)


def _validate(
    data: Any, pos: Pos, tree_problems: list[TreeProblem], file: FileContext, valid: Briefing | None
) -> Briefing:
    problems = _problems(file, tree_problems)
    if not isinstance(data, dict):
        found = "nothing" if data is None else kind_of(data)
        problems.append(
            file.at(pos, f"the top level must be a mapping (headline: ..., date: ...), found {found}", "type")
        )
        raise BriefingError(problems)
    data.setdefault("id", file.path.stem)
    skip = {(p.line or 0, p.column or 0) for p in problems}
    # The checks across the document run before the model, which is made with the source text they
    # read; their problems still come after the model's, which keeps the order at any one place.
    across = event_problems(data, pos, file)
    source_problems, source_text = evidence_problems(data, pos, file)
    briefing: Briefing | None
    errors: Errors = []
    if valid is not None:  # the same values, already made into a model
        briefing = valid.attached(str(file.path), source_text)
    else:
        briefing, errors = validate_briefing(data, path=str(file.path), source_text=source_text)
    if errors:
        problems.extend(validation_problems(errors, pos, file, skip))
    problems += across + source_problems
    if problems or briefing is None:
        # The briefing's own problems in file order, then any in its source file.
        ordered = sorted(
            dict.fromkeys(problems), key=lambda p: (p.path != file.shown, p.line or 0, p.column or 0)
        )
        raise BriefingError(ordered)
    return briefing


def _problems(file: FileContext, found: list[TreeProblem]) -> list[Problem]:
    return [file.problem(p.line, p.column, p.message, p.code) for p in found]


__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSION_PREFIX",
    "BriefingError",
    "Problem",
    "load_briefing",
    "normalise_quote",
    "parse_briefing",
    "read_text",
]
