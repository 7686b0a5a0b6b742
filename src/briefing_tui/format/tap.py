"""What the loader read, for a caller that asks: the values and positions of a file it loaded.

`check` looks for warnings in the same tree the loader built, rather than reading the file twice
(reading the tree is most of a load). The loader calls `tap` once per file; it keeps the tree only
inside `tapped()`, in this thread or task, and costs one lookup otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_TAPPED: ContextVar[list[tuple[Any, Any]] | None] = ContextVar("briefing_tui_tapped", default=None)


def tap(data: Any, pos: Any) -> None:
    """Called by the loader with a file's values and their `Pos` tree, once it has read them."""
    seen = _TAPPED.get()
    if seen is not None:
        seen.append((data, pos))


@contextmanager
def tapped() -> Iterator[list[tuple[Any, Any]]]:
    """A list that receives (values, positions) of every file the loader reads in this block."""
    seen: list[tuple[Any, Any]] = []
    token = _TAPPED.set(seen)
    try:
        yield seen
    finally:
        _TAPPED.reset(token)
