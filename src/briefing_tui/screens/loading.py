"""What shows while a briefing (or a folder) loads; the app replaces it with what loaded."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class LoadingScreen(Screen[None]):
    """Says "Loading NAME…" until the main, library or error screen takes its place."""

    def __init__(self, path: Path, *, folder: bool = False) -> None:
        super().__init__()
        self.path = path
        self.folder = folder

    def compose(self) -> ComposeResult:
        what = f"the briefings in {self.path.name or self.path}" if self.folder else self.path.name
        yield Static(Content(f"Loading {what}…"), id="loading")
