"""Loading a briefing (or a folder) with every failure as problems to show, never a traceback; and
what shows meanwhile, until the app replaces it with what loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing
    from briefing_tui.library import Library


def open_briefing(path: Path) -> Briefing | list[str]:
    """The briefing at `path`, or its problems. Imports the loader: not before the first frame."""
    try:
        from briefing_tui import BriefingError, load_briefing
    except Exception as exc:  # pragma: no cover - an install problem, shown not raised
        return [f"{path}: cannot load the loader: {exc}"]
    try:
        return load_briefing(path)
    except BriefingError as exc:
        return [str(problem) for problem in exc.problems] or [f"{path}: {exc}"]
    except Exception as exc:  # the promise is no traceback, whatever happens
        return [f"{path}: {type(exc).__name__}: {exc}"]


def open_library(path: Path) -> Library | list[str]:
    """The briefings under the folder `path` (those that fail hold their problems), or why not."""
    try:
        from briefing_tui.library import Library

        return Library.open(path)
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
