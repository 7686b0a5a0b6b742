"""What the loader read, for a caller that asks: the values and positions of a file it loaded.

`check` looks for warnings in the values the loader read, rather than reading the file twice
(reading is most of a load). The loader calls `tap` once per file: with positions when it took the
slow path, without them (None) on the fast one, where `check` reads positions only if a warning
needs them. It keeps the values only inside `tapped()`, in this thread or task, and costs one
lookup otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_TAPPED: ContextVar[list[tuple[Any, Any, str]] | None] = ContextVar("briefing_tui_tapped", default=None)


def tap(data: Any, pos: Any, text: str) -> None:
    """Called by the loader with a file's values, their `Pos` tree (None on the fast path) and its
    text, once it has read them."""
    seen = _TAPPED.get()
    if seen is not None:
        seen.append((data, pos, text))


@contextmanager
def tapped() -> Iterator[list[tuple[Any, Any, str]]]:
    """A list that receives (values, positions or None, text) of every file read in this block."""
    seen: list[tuple[Any, Any, str]] = []
    token = _TAPPED.set(seen)
    try:
        yield seen
    finally:
        _TAPPED.reset(token)
