"""briefing-tui: a terminal browser for structured briefings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from briefing_tui.format.loader import load_briefing
    from briefing_tui.format.model import Briefing, Participant
    from briefing_tui.format.problems import BriefingError, Problem
    from briefing_tui.library import Library, load_library

__all__ = [
    "Briefing",
    "BriefingError",
    "Library",
    "Participant",
    "Problem",
    "__version__",
    "load_briefing",
    "load_library",
]

_LAZY = {
    "Briefing": "briefing_tui.format.model",
    "Participant": "briefing_tui.format.model",
    "BriefingError": "briefing_tui.format.problems",
    "Problem": "briefing_tui.format.problems",
    "load_briefing": "briefing_tui.format.loader",
    "Library": "briefing_tui.library",
    "load_library": "briefing_tui.library",
}


def __getattr__(name: str) -> Any:
    # Importing the package must stay cheap: the app paints its first frame before the loader loads.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'briefing_tui' has no attribute {name!r}")
