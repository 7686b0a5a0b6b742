"""The help dialog: every key of the app, as the keymap has it now, by where it works."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from briefing_tui import keys
from briefing_tui.keys import Key
from briefing_tui.widgets.lists import ScrollBox
from briefing_tui.widgets.text import DIM


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        keys.CLOSE_DIALOG,
        keys.QUIT_FROM_DIALOG,
        keys.HELP_CLOSE.bind("dismiss"),
    ]

    AUTO_FOCUS = "#help-body"

    def __init__(self, keymap: Mapping[str, str], *, library: bool = False) -> None:
        super().__init__()
        self.keymap = dict(keymap)
        self.library = library

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "remap any id under 'keymap:' in the config file"
            with ScrollBox(id="help-body"):
                for title, group in keys.help_groups(library=self.library):
                    yield Static(Content(title), classes="section")
                    yield Static(self._table(group), classes="keys")
        yield Footer(show_command_palette=False)

    def _table(self, group: list[Key]) -> Content:
        get_display = self.app.get_key_display
        rows = []
        for key in group:
            current = keys.current_keys(key.id, self.keymap)
            shown = ", ".join(get_display(Binding(each, "")) for each in current)
            rows.append((shown or "(unbound)", key.tooltip or key.description, key.id))
        key_width = max(cell_len(shown) for shown, _, _ in rows) + 2
        text_width = max(cell_len(text) for _, text, _ in rows) + 2
        lines = [
            Content.assemble(
                Content.styled(shown, "bold $text-accent").pad_right(key_width - cell_len(shown)),
                Content(text).pad_right(text_width - cell_len(text)),
                Content.styled(binding_id, DIM),
            )
            for shown, text, binding_id in rows
        ]
        return Content("\n").join(lines)
