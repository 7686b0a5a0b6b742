"""`e`: hand the terminal to the user's editor at a place in a file, and come back where we were.

The place is found off the UI thread (the briefing is read again for its positions); the editor
runs while the app is suspended (`App.suspend`), so the screen, focus and cursors are exactly as
they were on return, and a saved change comes in through live reload. Where the app cannot be
suspended (served in a web page, or a driver that cannot), a notice names the place to edit by
hand; a missing editor or one that fails gives a notice too, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, SuspendNotSupported

from briefing_tui.editor import EditorError, Target, edit_command, find_editor, run_editor


def request_edit(app: App[Any], find_target: Callable[[], Target | None]) -> None:
    """Edit where `find_target` says (run in a thread: it may read the file)."""

    def find_and_edit() -> None:
        try:
            target = find_target()
        except Exception as exc:  # a file that went away meanwhile: say so, never a traceback
            app.call_from_thread(app.notify, f"Cannot find the place to edit: {exc}", severity="error")
            return
        app.call_from_thread(edit_at, app, target)

    app.run_worker(find_and_edit, thread=True, group="edit", exclusive=True, exit_on_error=False)


def _by_hand(app: App[Any], why: str, target: Target) -> None:
    app.notify(f"{why}: edit {target.path}:{target.line} yourself", severity="warning", markup=False)


def edit_at(app: App[Any], target: Target | None) -> None:
    """Suspend `app`, run the editor at `target`, resume (on the UI thread)."""
    if target is None:
        app.notify("Nothing to edit here: no file holds this", severity="warning", markup=False)
        return
    if app.is_web:
        _by_hand(app, "An editor cannot open in a web page", target)
        return
    config = getattr(app, "config", None)
    try:
        argv = edit_command(find_editor(getattr(config, "editor", None)), target)
    except EditorError as exc:
        _by_hand(app, str(exc), target)
        return
    error: str | None = None
    try:
        with app.suspend():
            error = run_editor(argv)
    except SuspendNotSupported:
        _by_hand(app, "This terminal cannot hand the screen to an editor", target)
        return
    if error is not None:
        app.notify(error, severity="error", markup=False)
