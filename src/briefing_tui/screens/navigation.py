"""Moving between screens: what every screen may call without importing the app."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def return_to(screen: Screen[Any]) -> None:
    """Close every screen over `screen` (nothing if `screen` is not open)."""
    app = screen.app
    if screen in app.screen_stack:
        while app.screen is not screen:
            app.pop_screen()
