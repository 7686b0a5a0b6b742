"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.format.loader import load_briefing
from briefing_tui.format.model import Briefing
from briefing_tui.format.problems import BriefingError


class BriefingDir:
    """A scratch folder that is also the working directory, so problems read `b.yaml:LINE:COL: ...`."""

    #: The smallest valid briefing, four lines: whatever a test appends starts on line 5.
    HEAD = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nparticipants: [{name: A}]\n"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def write(self, content: str | bytes, name: str = "b.yaml") -> str:
        """Write `content` byte for byte (no newline translation) and return its relative name."""
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return name

    def load(self, content: str | bytes, name: str = "b.yaml", **kwargs: int) -> Briefing:
        return load_briefing(self.write(content, name), **kwargs)

    def problems(self, content: str | bytes, name: str = "b.yaml", **kwargs: int) -> list[str]:
        """`str()` of every problem loading `content` reports; fails the test if it loads."""
        with pytest.raises(BriefingError) as caught:
            self.load(content, name, **kwargs)
        return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def bdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BriefingDir:
    monkeypatch.chdir(tmp_path)
    return BriefingDir(tmp_path)


@pytest.fixture(autouse=True, scope="session")
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the real user's config and cache (subprocesses inherit this too)."""
    import os

    os.environ["BRIEFING_TUI_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.setdefault("BRIEFING_TUI_CONFIG", str(tmp_path_factory.mktemp("config") / "config.yaml"))


@pytest.fixture(autouse=True)
def _known_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies go to a terminal known to take OSC 52 (the headless driver writes it nowhere): never
    to the real clipboard through xclip or pbcopy, and with no dialog to select the text by hand.
    The copy tests set up the environment they test over this."""
    import os

    from briefing_tui.clipboard import ENVIRONMENT

    for name in ENVIRONMENT:
        if name != "TERM":  # Rich reads it too: changed only where it would say "inside tmux"
            monkeypatch.delenv(name, raising=False)
    if os.environ.get("TERM", "").startswith("tmux"):
        monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
