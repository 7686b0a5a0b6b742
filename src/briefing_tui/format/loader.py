"""Load a briefing/1 YAML file into a `Briefing`, or say precisely what is wrong with it.

Every problem of a file is reported at once, each as `PATH:LINE:COL: message` (1-based), so a person
can fix the file in one pass. Nothing in the file is ever executed: see `yamltree` for the YAML side.
This module only runs the steps; each lives in a module of its own (see the package docstring), and
`FileContext` is all they are told about the file.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefing_tui.format.events import event_problems
from briefing_tui.format.evidence import evidence_problems
from briefing_tui.format.messages import kind_of, validation_problems
from briefing_tui.format.model import Briefing
from briefing_tui.format.problems import BriefingError, FileContext, Problem
from briefing_tui.format.quotes import normalise_quote
from briefing_tui.format.reading import DEFAULT_MAX_BYTES, forbidden_chars, read_text
from briefing_tui.format.syntax import TreeError, TreeProblem
from briefing_tui.format.tap import tap
from briefing_tui.format.yamltree import EXTENSION_PREFIX, Pos, read_tree


def load_briefing(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Briefing:
    """Load and validate one briefing file; raise `BriefingError` with every problem found."""
    path = Path(path)
    shown = str(path)
    text = read_text(path, shown, max_bytes=max_bytes)
    problems = forbidden_chars(text, shown)
    if problems:
        raise BriefingError(problems)
    return parse_briefing(text, path, shown=shown, max_bytes=max_bytes)


def parse_briefing(
    text: str, path: Path, *, shown: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Briefing:
    """Validate briefing text as if read from `path` (the source file is looked up beside it)."""
    file = FileContext(path, shown or str(path), max_bytes)
    tree_problems: list[TreeProblem] = []
    with paused_gc():
        try:
            data, pos = read_tree(text, tree_problems)
        except TreeError as exc:
            raise BriefingError(_problems(file, exc.problems)) from None
        tap(data, pos)  # check's warnings read the same tree (format/tap.py)
        return _validate(data, pos, tree_problems, file)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector: a big file makes millions of objects and no cycles, and the
    collector's repeated passes over them doubled load time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validate(data: Any, pos: Pos, tree_problems: list[TreeProblem], file: FileContext) -> Briefing:
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
    briefing: Briefing | None = None
    try:
        briefing = Briefing.loaded(data, path=str(file.path), source_text=source_text)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, pos, file, skip))
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
    "paused_gc",
    "read_text",
]
