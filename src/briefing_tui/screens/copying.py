"""Copying from the app: the way that works in this terminal (see `clipboard.py`), a notice saying
which way it went, and the text in a dialog to select by hand when the copy cannot be confirmed.

`BriefingApp.copy_to_clipboard` calls `copy_text`, so every copy goes this way: `y` on any screen,
and Textual's own (ctrl+c in a text box). A clipboard command runs in a thread worker, so a slow
or hung one never holds up the UI; an escape sequence goes straight to the terminal. Under the web
driver (`briefing-tui serve`) Textual's own copy is kept: the page hands its OSC 52 to the browser.
"""

from __future__ import annotations

import os
import shutil
from functools import partial
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from briefing_tui import keys
from briefing_tui.clipboard import CopyPlan, plan_copy, run
from briefing_tui.widgets.focus import remember_copied, write_to_terminal
from briefing_tui.widgets.text import DIM, block, paragraph

#: The notice names what was copied by its first line, cut to this many characters.
SUMMARY_CHARS = 60
SELECT_BY_HAND = (
    "Select the text below with the mouse while holding Shift (Option in iTerm2, fn in Apple's "
    "Terminal), then copy it as your terminal does."
)


def summary(text: str) -> str:
    """What was copied, for the notice: its first line, and how many more there are."""
    lines = text.splitlines() or [""]
    first = " ".join(lines[0].split())
    first = first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1] + "…"
    more = len(lines) - 1
    return first + (f" (and {more} more line{'s' * (more != 1)})" if more else "")


def copy_text(app: App[Any], text: str) -> None:
    """Copy `text` to the user's clipboard the way that works here, and say which way it went."""
    remember_copied(app, text)
    if app.is_web:
        App.copy_to_clipboard(app, text)
        app.notify(summary(text), title="Copied to the browser's clipboard", markup=False)
        return
    plan = plan_copy(text, os.environ, shutil.which)
    if plan.command is not None:
        work = partial(_run_command, app, plan, text)
        app.run_worker(work, name="copy", group="clipboard", thread=True, exit_on_error=False)
        return
    for data in plan.output:
        write_to_terminal(app, data)
    if plan.sent:
        app.notify(summary(text), title=f"Copied {plan.route}", markup=False)
    elif plan.output:
        title = f"Sent {plan.route}"
        show_by_hand(app, text, title, "Not confirmed", f"{title}, but not confirmed: {plan.hint}.")
    else:
        show_by_hand(app, text, "Not copied", plan.hint, f"Not copied: {plan.hint}.", severity="warning")


def _run_command(app: App[Any], plan: CopyPlan, text: str) -> None:
    """In a thread: run the plan's command, then report on the UI thread."""
    assert plan.command is not None
    failure = run(plan.command, text)
    app.call_from_thread(_command_done, app, plan, text, failure)


def _command_done(app: App[Any], plan: CopyPlan, text: str, failure: str | None) -> None:
    if failure is None:
        app.notify(summary(text), title=f"Copied {plan.route}", markup=False)
    else:
        show_by_hand(app, text, "Not copied", failure, f"Not copied: {failure}.", severity="error")


def show_by_hand(
    app: App[Any], text: str, title: str, notice: str, note: str, *, severity: SeverityLevel = "information"
) -> None:
    """Say that the copy is not sure (`title`, `notice`) and show the text to select by hand, under
    `note`; once: a copy made from the dialog itself does not open another."""
    app.notify(f"{notice}. The text is shown to copy by hand.", title=title, severity=severity, markup=False)
    if not isinstance(app.screen, CopyDialog):
        app.push_screen(CopyDialog(text, note))


class CopyDialog(ModalScreen[None]):
    """The copied text, read-only and selectable, with why it is shown; Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE_DIALOG, keys.QUIT_FROM_DIALOG]

    AUTO_FOCUS = "#copy-text"

    def __init__(self, text: str, note: str) -> None:
        super().__init__()
        self.text = text
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-dialog") as dialog:
            dialog.border_title = "Copy by hand"
            yield Static(paragraph(self.note), id="copy-note")
            yield Static(Content.styled(SELECT_BY_HAND, DIM), id="copy-how")
            # TextArea would send an ESC in the text to the terminal: control characters are shown
            # as their pictures (␛), one for one, as everywhere else.
            yield TextArea(block(self.text), read_only=True, soft_wrap=True, id="copy-text")
        yield Footer(show_command_palette=False)
