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

from briefing_tui.screens.details import DIALOG_BINDINGS
from briefing_tui.widgets.lists import MOVE_BINDINGS, ScrollBox
from briefing_tui.widgets.text import DIM


def binding_groups(*, library: bool = False) -> list[tuple[str, list[Binding]]]:
    """Every binding the app declares, grouped by where it works. All have ids.

    `library`: with the keys that only work when a folder is open (the library screen, going back).
    """
    from briefing_tui.app import BriefingApp
    from briefing_tui.screens.details import DetailsScreen
    from briefing_tui.screens.error import ErrorScreen
    from briefing_tui.screens.library import EntryErrorScreen, LibraryList, LibraryScreen
    from briefing_tui.screens.main import MainScreen
    from briefing_tui.screens.source import SourceScreen
    from briefing_tui.widgets.headline import HeadlineBody
    from briefing_tui.widgets.lists import ItemList
    from briefing_tui.widgets.participants import SearchBox

    def declared(*classes: type) -> list[Binding]:
        found: dict[str, Binding] = {}
        for cls in classes:
            for binding in cls.BINDINGS:
                assert isinstance(binding, Binding) and binding.id
                found.setdefault(binding.id, binding)
        return list(found.values())

    main = [b for b in declared(MainScreen, HeadlineBody) if library or b.id != "back"]
    groups = [
        ("Everywhere", declared(BriefingApp)),
        ("Main screen", main),
        ("Lists", declared(ItemList)),
        ("Search box", declared(SearchBox)),
        ("Details", declared(DetailsScreen)),
        ("Source", declared(SourceScreen)),
        ("Error screen", declared(ErrorScreen)),
    ]
    if library:
        # The library's list moves like every list (listed above): only its Enter is its own.
        library_keys = declared(LibraryScreen, LibraryList, EntryErrorScreen)
        groups.append(("Library", [b for b in library_keys if b not in MOVE_BINDINGS]))
    return groups


def binding_ids() -> set[str]:
    groups = binding_groups(library=True)
    return {binding.id for _, bindings in groups for binding in bindings if binding.id}


def current_keys(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys that trigger `binding` once the keymap is applied."""
    keys = keymap.get(binding.id or "", binding.key)
    return [key.strip() for key in keys.split(",") if key.strip()]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *DIALOG_BINDINGS[:2],
        Binding("question_mark", "dismiss", "Close", show=False, id="help"),
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
                for title, bindings in binding_groups(library=self.library):
                    yield Static(Content(title), classes="section")
                    yield Static(self._table(bindings), classes="keys")
        yield Footer(show_command_palette=False)

    def _table(self, bindings: list[Binding]) -> Content:
        get_display = self.app.get_key_display
        rows = []
        for binding in bindings:
            keys = current_keys(binding, self.keymap)
            shown = ", ".join(get_display(binding.with_key(key, key_display=None)) for key in keys)
            rows.append((shown or "(unbound)", binding.tooltip or binding.description, binding.id or ""))
        key_width = max(cell_len(keys) for keys, _, _ in rows) + 2
        text_width = max(cell_len(text) for _, text, _ in rows) + 2
        lines = [
            Content.assemble(
                Content.styled(keys, "bold $text-accent").pad_right(key_width - cell_len(keys)),
                Content(text).pad_right(text_width - cell_len(text)),
                Content.styled(binding_id, DIM),
            )
            for keys, text, binding_id in rows
        ]
        return Content("\n").join(lines)
