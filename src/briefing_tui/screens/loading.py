"""Loading a briefing (or a folder) with every failure as problems to show, never a traceback; what
loading gave, as a message for the app; and what shows meanwhile, until the app replaces it with
what loaded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from briefing_tui import gc_control

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing
    from briefing_tui.library import Later, Library, Progress


@dataclass
class Loaded(Message):
    briefing: Briefing
    reload: bool = False
    #: Writes the briefing's cache entry: to run once it is on screen (None: nothing to write).
    store: Callable[[], None] | None = None


@dataclass
class LibraryLoaded(Message):
    library: Library
    reload: bool = False
    #: The files whose change caused the reload.
    changed: frozenset[Path] = frozenset()


@dataclass
class LibraryProgress(Message):
    """A folder opening: more of its files are loaded (`progress.new`), the library not yet."""

    library: Library
    progress: Progress


@dataclass
class LoadFailed(Message):
    problems: list[str]
    reload: bool = False


@dataclass
class Gone(Message):
    """On a reload: the briefing's file (or the library's folder) is not there any more."""

    path: Path


@dataclass
class FolderUnreadable(Message):
    """On a reload: the library's folder is there but could not be read again."""

    error: str


def load(
    path: Path,
    *,
    folder: bool,
    changed: frozenset[Path] | None = None,
    report: Callable[[Message], object] | None = None,
) -> Message:
    """What opening `path` gives: at start-up, or again (`changed`: the files whose change caused
    it). Runs in a thread: it may read a whole folder. `report`: hears a `LibraryProgress` as a
    folder's files load, at start-up (the library lists them as they come)."""
    reload = changed is not None
    if reload and not (path.is_dir() if folder else path.exists()):
        return Gone(path)
    if not folder:
        writes: list[Callable[[], None]] = []
        briefing = open_briefing(path, later=writes.append)
        if isinstance(briefing, list):
            return LoadFailed(briefing, reload)
        gc_control.freeze()  # the briefing lives on: no collector pass scans it again
        return Loaded(briefing, reload, writes[0] if writes else None)
    library = open_library(path, None if reload else report)
    gc_control.freeze()
    if isinstance(library, list):
        return FolderUnreadable(library[0]) if reload else LoadFailed(library)
    if not library.entries and not reload:
        return LoadFailed([f"{path}: no *.yaml or *.yml files in this folder"])
    return LibraryLoaded(library, reload, changed or frozenset())


def open_briefing(path: Path, later: Later | None = None) -> Briefing | list[str]:
    """The briefing at `path` (through the cache), or its problems. Imports the loader: not before
    the first frame. `later`: see `library.load_cached`."""
    try:
        from briefing_tui import BriefingError
        from briefing_tui.library import load_cached
    except Exception as exc:  # pragma: no cover - an install problem, shown not raised
        return [f"{path}: cannot load the loader: {exc}"]
    try:
        return load_cached(path, later=later)
    except BriefingError as exc:
        return [str(problem) for problem in exc.problems] or [f"{path}: {exc}"]
    except Exception as exc:  # the promise is no traceback, whatever happens
        return [f"{path}: {type(exc).__name__}: {exc}"]


def open_library(path: Path, report: Callable[[Message], object] | None = None) -> Library | list[str]:
    """The briefings under the folder `path` (those that fail hold their problems), or why not.
    `report` hears how far it has come (once there are files to list)."""
    try:
        from briefing_tui.library import Library

        library = Library(path)

        def progress(step: Progress) -> None:
            if step.total and report is not None:
                report(LibraryProgress(library, step))

        library.load(progress=progress if report is not None else None)
        return library
    except Exception as exc:  # the promise is no traceback, whatever happens
        return [f"{path}: {type(exc).__name__}: {exc}"]


class LoadingScreen(Screen[None]):
    """Says "Loading NAME…" until the main, library or error screen takes its place."""

    def __init__(self, path: Path, *, folder: bool = False) -> None:
        super().__init__()
        self.path = path
        self.folder = folder

    def compose(self) -> ComposeResult:
        what = f"the briefings in {self.path.name or self.path}" if self.folder else self.path.name
        yield Static(Content(f"Loading {what}…"), id="loading")
