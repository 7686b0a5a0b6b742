"""A keyboard-first list of briefing items, and the bordered pane that holds one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, cast

from textual import events
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui import keys
from briefing_tui.items import Ref


def focus_now(widget: Widget) -> None:
    """Focus `widget` before the next key is handled (`Widget.focus` waits a turn of the loop,
    and keys typed fast, like "/abc", would go to the old focus)."""
    widget.screen.set_focus(widget)


class KeysFollowFocus:
    """Mixin (put it first): keys typed in a burst are handled in order, where focus is.

    Textual hands each key to the widget focused when the key arrives, and bindings run only once
    the key has bubbled up to the app. Typed in one burst ("/tok", "Escape j", a paste), the later
    keys reach the old widget before the binding that moves focus has run. So this mixin tags the
    keys it lets bubble, for `BriefingApp.on_key` to send on to wherever focus is by then, and
    sends on at once keys that arrive after focus left. A widget that acts on keys itself (an
    Input types them) sets `BIND_AT_ONCE`, running its own bindings before later keys arrive.
    Not a Widget itself, so the class it is mixed into keeps its CSS lineage.
    """

    BIND_AT_ONCE: ClassVar[bool] = False

    # Textual calls the `_on_key` of every class in the MRO in turn; this one runs first.
    async def _on_key(self, event: events.Key) -> None:
        widget = cast(Widget, self)
        focused = widget.app.focused
        if focused is not None and focused is not widget:
            event.stop()
            event.prevent_default()  # the classes after this one do not see it
            focused.post_message(events.Key(event.key, event.character))
            return
        if self.BIND_AT_ONCE:
            bindings = widget._bindings.copy()
            if keymap := widget.app._keymap:
                bindings.apply_keymap(keymap)
            for binding in bindings.key_to_bindings.get(event.key, ()):
                if await widget.app.run_action(binding.action, widget):
                    event.stop()
                    event.prevent_default()
                    return
        event.typed_at = widget  # type: ignore[attr-defined]


def key_origin(event: events.Key) -> Widget | None:
    """The widget a key was typed at, if it passed through a `KeysFollowFocus` widget."""
    return getattr(event, "typed_at", None)


class ItemList(KeysFollowFocus, OptionList, inherit_bindings=False):
    """An OptionList whose options are items (option id = `Ref.option_id`) or plain headings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.LIST_MOVES,
        keys.bind("details", "select"),
    ]

    def __init__(self, options: Iterable[Option] = (), *, id: str | None = None) -> None:
        super().__init__(*options, id=id, markup=False)

    def watch_show_vertical_scrollbar(self) -> None:
        # OptionList measures rows when they are set: a scrollbar that comes (or goes) after that
        # narrows (or widens) them, and rows that wrap would be cut. Replacing a prompt with itself
        # is its public way to measure them again.
        if self.option_count:
            self.replace_option_prompt_at_index(0, self.get_option_at_index(0).prompt)

    @property
    def current_ref(self) -> Ref | None:
        option = self.highlighted_option
        return Ref.from_option_id(option.id) if option is not None else None

    def index_of(self, ref: Ref) -> int | None:
        try:
            return self.get_option_index(ref.option_id)
        except Exception:  # OptionDoesNotExist
            return None

    def highlight_ref(self, ref: Ref) -> bool:
        index = self.index_of(ref)
        if index is None:
            return False
        self.highlighted = index
        self.scroll_to_highlight()
        return True

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
        highlighted = self.highlighted
        if highlighted is not None and all(o.disabled for o in self.options[:highlighted]):
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
