"""A keyboard-first list of briefing items, and the bordered pane that holds one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui import keys
from briefing_tui.items import Ref
from briefing_tui.widgets.focus import KeysFollowFocus
from briefing_tui.widgets.virtual_list import VirtualList


def can_page(option_list: OptionList | VirtualList) -> bool:
    """Whether `option_list` can move by a page: Textual 8.2.8 raises `KeyError: 0` paging an
    OptionList with options that has no size yet (not laid out, or no room): see `screens.palette`."""
    return option_list.option_count > 0 and bool(option_list.scrollable_content_region)


class ItemList(KeysFollowFocus, VirtualList, inherit_bindings=False):
    """A list whose rows are items (option id = `Ref.option_id`) or plain headings, drawn a line
    at a time (`VirtualList`): a list of 100,000 people costs what its visible rows cost."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.LIST_MOVES,
        keys.bind("details", "select"),
    ]

    def __init__(self, options: Iterable[Option] | Sequence[Option] = (), *, id: str | None = None) -> None:
        super().__init__(options, id=id)

    @property
    def current_ref(self) -> Ref | None:
        option = self.highlighted_option
        return Ref.from_option_id(option.id) if option is not None else None

    def highlight_id(self, option_id: str) -> bool:
        """Move the cursor to the option `option_id`; False if there is none."""
        index = self.index_of(option_id)
        if index is None:
            return False
        self.highlighted = index
        self.scroll_to_highlight()
        return True

    def highlight_ref(self, ref: Ref) -> bool:
        return self.highlight_id(ref.option_id)

    def highlight_first(self) -> None:
        self.highlighted = None
        self.action_first()

    def action_first(self) -> None:
        super().action_first()
        self._reveal_heading()

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self._reveal_heading()

    def _reveal_heading(self) -> None:
        # On the first item, show the heading(s) above it too.
        if self.highlighted is not None and self.highlighted == self.next_enabled(0, 1):
            self.scroll_home(animate=False, immediate=True)


class ScrollBox(KeysFollowFocus, VerticalScroll, inherit_bindings=False):
    """A focusable scrolling area with the same movement keys as the lists."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.SCROLL_MOVES]


class Pane(Vertical):
    """A bordered section of the main screen; the screen marks the one holding focus `-active`."""

    def __init__(self, number: int, name: str, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.number = number
        self.pane_name = name
        self.set_count("")

    def set_count(self, count: str) -> None:
        suffix = f" ({count})" if count else ""
        self.border_title = f"{self.number} {self.pane_name}{suffix}"
