"""The open briefing out of the browser, for the palette: copied as Markdown or JSON, or exported
to a file in a dialog (a file name and a format), through the exporters `briefing-tui export` uses.

As on the command line, an existing file is never replaced unless the user says so: here by
pressing Export a second time, once the dialog has said the file exists. Failures are notices.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, RadioButton, RadioSet, Static

from briefing_tui import keys
from briefing_tui.paths import write_atomically
from briefing_tui.widgets.text import DIM, plain

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str


#: The formats the dialog offers, by `briefing-tui export --format` name (tables: people).
FORMATS: dict[str, Format] = {
    "md": Format("Markdown", ".md"),
    "json": Format("JSON", ".json"),
    "csv": Format("CSV, one row per person", ".csv"),
    "jsonl": Format("JSON Lines, one line per person", ".jsonl"),
    "popolo": Format("Popolo JSON", ".popolo.json"),
}


def rendered(briefing: Briefing, fmt: str) -> str:
    """`briefing` as `briefing-tui export --format fmt` writes it; raises ValueError where the format
    cannot hold it (JSON: an infinite figure)."""
    from briefing_tui.export.command import render

    return render([briefing], fmt, single=True)


def copy_as(app: App[Any], briefing: Briefing, fmt: str) -> None:
    """Copy `briefing` in the format `fmt` through the app's copy path."""
    try:
        text = rendered(briefing, fmt)
    except ValueError as exc:
        app.notify(f"Cannot copy as {FORMATS[fmt].name}: {exc}", severity="error", markup=False)
        return
    app.copy_to_clipboard(text)


def file_name(briefing: Briefing, fmt: str) -> str:
    """The name offered at first: the briefing's file name with the format's suffix."""
    stem = Path(briefing.path).stem if briefing.path else briefing.id or "briefing"
    return stem + FORMATS[fmt].suffix


def with_suffix(name: str, fmt: str) -> str:
    """`name` with the suffix of `fmt` in place of another format's (a name of the user's stays)."""
    for other in sorted((f.suffix for f in FORMATS.values()), key=len, reverse=True):
        if name.endswith(other):
            return name[: -len(other)] + FORMATS[fmt].suffix
    return name


class ExportDialog(ModalScreen[None]):
    """A file name and a format; Enter or Export writes the file; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE_DIALOG]

    AUTO_FOCUS = "#export-path"

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.format = "md"
        #: The file the user has been told exists, in the format they chose then: a second Export
        #: with the same two replaces it.
        self.replacing: tuple[Path, str] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export the briefing"
            yield Static(Content.styled("File (relative to the folder briefing-tui runs in)", DIM))
            yield Input(file_name(self.briefing, self.format), id="export-path")
            yield Static(Content.styled("Format", DIM))
            with RadioSet(id="export-format"):
                for fmt, spec in FORMATS.items():
                    yield RadioButton(spec.name, value=fmt == self.format, id=f"format-{fmt}")
            yield Static("", id="export-warning")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-write")
                yield Button("Cancel", id="export-cancel")
        yield Footer(show_command_palette=False)

    @on(RadioSet.Changed, "#export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        self.format = (event.pressed.id or "format-md").removeprefix("format-")
        path = self.query_one("#export-path", Input)
        path.value = with_suffix(path.value, self.format)
        self._not_replacing()

    @on(Input.Changed, "#export-path")
    def _not_replacing(self) -> None:
        self.replacing = None
        self.query_one("#export-warning", Static).update("")
        self.query_one("#export-write", Button).label = "Export"

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#export-write")
    @on(Input.Submitted, "#export-path")
    def export(self) -> None:
        """Write the file, unless it exists and the user has not yet said to replace it."""
        name = self.query_one("#export-path", Input).value.strip()
        if not name:
            self.notify("Give the file a name", severity="warning")
            return
        path = Path(name).expanduser()
        if path.is_dir():
            self.notify(f"{path}: is a folder; give a file name", severity="error", markup=False)
            return
        if path.exists() and self.replacing != (path, self.format):
            self.replacing = (path, self.format)
            warning = Content.assemble(plain(str(path), "bold"), " exists: Export again to replace it")
            self.query_one("#export-warning", Static).update(warning)
            self.query_one("#export-write", Button).label = "Replace"
            return
        spec = FORMATS[self.format]
        try:
            write_atomically(path, rendered(self.briefing, self.format))
        except ValueError as exc:
            self.notify(f"Cannot export as {spec.name}: {exc}", severity="error", markup=False)
            return
        except OSError as exc:
            self.notify(f"{path}: cannot write: {exc.strerror or exc}", severity="error", markup=False)
            return
        self.app.notify(str(path), title=f"Exported as {spec.name}", markup=False)
        self.dismiss()
