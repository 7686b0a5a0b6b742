"""Loading many briefing files at once: in worker processes (both cores) or, for a few, right here.

A worker runs the full loader on a file and hands back what the cache stores (`Loaded`: stamps,
the summary, the briefing as JSON, the texts for the find index) or its problems (`Failed`); the
parent only writes. The processes themselves are `workers`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from briefing_tui.stamps import digest, regular_stat, source_target, stamp

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing
    from briefing_tui.format.problems import Problem

T = TypeVar("T")

#: The most items of a list `compact_json` writes in one call.
PIECE = 500
#: Fewer files than this load in this process: starting workers costs more than it saves.
POOL_THRESHOLD = 48


@dataclass(slots=True)
class Loaded:
    """A valid briefing file, as the cache stores it."""

    path: str
    file_stamp: str
    file_digest: bytes
    source_name: str | None
    source_stamp: str | None
    source_digest: bytes | None
    #: When the stamps were taken (before reading): what tells a racy file (see `stamps`).
    read_ns: int
    summary: str
    data: str
    #: (path of the text as JSON, folded text) for the find index.
    index_rows: list[tuple[str, str]]
    #: False when a file changed while it was read: the result is right, but must not be cached.
    stable: bool
    #: The briefing itself, when loaded in this process (a worker's is not sent back).
    briefing: Briefing | None = None
    #: The file's key in the cache (its absolute path), set by the library.
    key: str = ""


@dataclass(slots=True)
class Failed:
    path: str
    problems: tuple[Problem, ...]


Result = Loaded | Failed


def load_file(path: str, max_bytes: int, keep: bool = False) -> Result:
    """Load one file fully, with the loader, and prepare what the cache stores."""
    loaded = load_then_prepare(path, max_bytes)
    return loaded if isinstance(loaded, Failed) else loaded[1](keep)


def load_then_prepare(path: str, max_bytes: int) -> Failed | tuple[Briefing, Callable[[bool], Loaded]]:
    """Load one file fully: its problems, or the briefing and what makes, when called, what the cache
    stores of it (`keep`: with the briefing). The two steps apart let a briefing be shown first."""
    from briefing_tui.format.loader import load_briefing
    from briefing_tui.format.problems import BriefingError

    read_ns = time.time_ns()
    before = _read(path)
    try:
        briefing = load_briefing(path, max_bytes=max_bytes)
    except BriefingError as exc:
        return Failed(path, tuple(exc.problems))
    return briefing, partial(_prepared, path, briefing, before, read_ns)


def _prepared(
    path: str, briefing: Briefing, before: tuple[str, bytes] | None, read_ns: int, keep: bool
) -> Loaded:
    from briefing_tui.entries import summary_of
    from briefing_tui.format.data import to_data
    from briefing_tui.fulltext import index_rows

    source_name = briefing.source.file if briefing.source is not None else None
    target = source_target(path, source_name) if source_name else None
    source_before = _read(target) if target else None
    after = _read(path)
    source_after = _read(target) if target else None
    stable = (
        before is not None
        and before == after
        and (source_name is None or (source_before is not None and source_before == source_after))
    )
    data = to_data(briefing)
    stem = os.path.splitext(os.path.basename(path))[0]
    return Loaded(
        path=path,
        file_stamp=before[0] if before else "",
        file_digest=before[1] if before else b"",
        source_name=source_name,
        source_stamp=source_before[0] if source_before else None,
        source_digest=source_before[1] if source_before else None,
        read_ns=read_ns,
        summary=summary_of(briefing, stem).to_json(),
        data=compact_json(data),
        index_rows=index_rows(data, briefing.source_text),
        stable=stable,
        briefing=briefing if keep else None,
    )


def compact_json(data: dict[str, Any]) -> str:
    """`json.dumps(data)`, compact, made from pieces of at most `PIECE` items of each long list:
    one call over a 100,000-participant briefing holds the GIL for ~170 ms, a stall of the UI when
    its cache entry is written after it is shown."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def value_json(value: Any) -> str:
        if not isinstance(value, list) or len(value) <= PIECE:
            return dumps(value)
        pieces = (dumps(value[start : start + PIECE])[1:-1] for start in range(0, len(value), PIECE))
        return "[" + ",".join(pieces) + "]"

    return "{" + ",".join(f"{dumps(key)}:{value_json(value)}" for key, value in data.items()) + "}"


def _read(path: str) -> tuple[str, bytes] | None:
    """The stamp and the digest of a regular file, or None."""
    info = regular_stat(path)
    if info is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return stamp(info), digest(data)


def load_chunk(paths: list[str], max_bytes: int) -> list[Result]:
    """`load_file` for each path, as a worker process runs it."""
    return [guarded(load_file, path, max_bytes) for path in paths]


def guarded(work: Callable[[str, int], T], path: str, max_bytes: int) -> T | Failed:
    """`work` on one file; a failure the loader did not foresee becomes that file's problem, so one
    file cannot cost the others of its batch."""
    try:
        return work(path, max_bytes)
    except Exception as exc:  # the promise is no traceback, whatever a file holds
        from briefing_tui.format.problems import Problem

        message = f"could not be loaded: {type(exc).__name__}: {exc}"
        return Failed(path, (Problem(path, None, None, message),))


def worker_count(files: int, workers: int | None = None) -> int:
    """How many worker processes to load `files` with: 0 (here) for a few, else one per core."""
    if workers is not None:
        return max(workers, 0)
    if files < POOL_THRESHOLD:
        return 0
    return max(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 1)


def load_files(paths: Sequence[str], *, max_bytes: int, workers: int) -> Iterator[list[Result]]:
    """`load_file` for every path, in batches as they are done. Loaded here, the briefings of a
    few files are kept (those of many would hold hundreds of megabytes, for no one)."""
    from briefing_tui.workers import run

    here = _load_here if len(paths) < POOL_THRESHOLD else _load_guarded
    return run(paths, here, f"{__name__}:load_chunk", max_bytes=max_bytes, workers=workers)


def _load_guarded(path: str, max_bytes: int) -> Result:
    return guarded(load_file, path, max_bytes)


def _load_here(path: str, max_bytes: int) -> Result:
    return guarded(_keeping, path, max_bytes)


def _keeping(path: str, max_bytes: int) -> Result:
    return load_file(path, max_bytes, keep=True)
