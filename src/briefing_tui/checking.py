"""What `check` finds in a file: its errors, or, when it has none, its warnings.

Like `pool`'s loading, in worker processes for many files. Workers look for every warning; the
caller drops those the config turns off (`without`), so workers need no settings.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.format.problems import Problem

Checked = tuple[str, tuple["Problem", ...]]


def check_file(path: str, max_bytes: int) -> Checked:
    """The problems of one file: its errors, else its warnings (none: it is valid and clean)."""
    from briefing_tui.format.loader import load_briefing
    from briefing_tui.format.problems import BriefingError
    from briefing_tui.format.tap import tapped
    from briefing_tui.format.warnings import briefing_warnings

    with tapped() as seen:
        try:
            briefing = load_briefing(path, max_bytes=max_bytes)
        except BriefingError as exc:
            return path, tuple(exc.problems)
    if not seen:
        return path, ()
    data, pos, text = seen[-1]
    return path, tuple(briefing_warnings(data, pos, path, briefing.source_text, text=text))


def check_chunk(paths: list[str], max_bytes: int) -> list[Checked]:
    """`check_file` for each path, as a worker process runs it."""
    return [_guarded(path, max_bytes) for path in paths]


def _guarded(path: str, max_bytes: int) -> Checked:
    """`check_file`; a failure no check foresaw is that file's problem, never a traceback."""
    try:
        return check_file(path, max_bytes)
    except Exception as exc:  # the promise is no traceback, whatever a file holds
        from briefing_tui.format.problems import Problem

        return path, (Problem(path, None, None, f"could not be checked: {type(exc).__name__}: {exc}"),)


def check_files(paths: Sequence[str], *, max_bytes: int, workers: int) -> Iterator[list[Checked]]:
    """`check_file` for every path, in batches as they are done."""
    if workers <= 0 or len(paths) <= 1:  # here, as `run` would, without importing the process pool
        return ([_guarded(path, max_bytes)] for path in paths)
    from briefing_tui.workers import run

    return run(paths, _guarded, f"{__name__}:check_chunk", max_bytes=max_bytes, workers=workers)


def without(problems: Sequence[Problem], off: Collection[str]) -> tuple[Problem, ...]:
    """`problems` without the warnings whose ids are in `off` (errors are never turned off)."""
    if not off:
        return tuple(problems)
    return tuple(p for p in problems if p.severity != "warning" or p.code not in off)
