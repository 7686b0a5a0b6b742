"""A list of rows drawn a line at a time: only the rows on screen cost anything.

Textual's `OptionList` measures every row whenever its options change (it wraps each to find its
height), so 100,000 participants cost seconds to list, and as much again to list after a search.
This list uses the line API (`ScrollView.render_line`, as Textualize's toolong does): a row is
rendered when a line of it is drawn, and where the rows are is known without looking at them when
they are all one line high (`OneLine` rows, the participants'), or found once per width for the
few short lists whose rows wrap (key points, agreements, a folder's briefings).

It speaks `OptionList`'s language where the app uses it: rows are `Option`s (a prompt, an id,
disabled for a heading), `highlighted` is the cursor's index, the component classes and their
styles are the same, and Enter or a click posts `OptionSelected`. The list given to `set_options`
is kept, not copied: the caller hands over a list it no longer changes, and can hand the same one
back later (a search cleared) at no cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import ClassVar, cast

from rich.color import Color as RichColorType
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual, visualize
from textual.widgets.option_list import Option

from briefing_tui import keys
from briefing_tui.widgets.rows import Layout, LazyRows, RowFacts

#: WCAG's contrast ratio below which text on the cursor is drawn in the cursor's colour.
MIN_CONTRAST = 2.0

__all__ = ["LazyRows", "VirtualList"]

ROW = "option-list--option"


class VirtualList(ScrollView, can_focus=True):
    """A navigable list of `Option` rows, drawn a line at a time."""

    DEFAULT_CSS = """
    VirtualList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .option-list--option-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        ROW,
        "option-list--option-disabled",
        "option-list--option-highlighted",
        "option-list--option-hover",
    }

    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES, keys.bind("details", "select")]

    highlighted: reactive[int | None] = reactive(None)
    """The index of the row under the cursor, or None."""

    hovered: reactive[int | None] = reactive(None)
    """The index of the row under the mouse, or None."""

    class OptionMessage(Message):
        def __init__(self, virtual_list: VirtualList, option: Option, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.option = option
            self.option_id = option.id
            self.option_index = index

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    class OptionHighlighted(OptionMessage):
        """The cursor moved to a row."""

    class OptionSelected(OptionMessage):
        """Enter (or a click) on a row that is not disabled."""

    def __init__(
        self, options: Iterable[Option] = (), *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: Sequence[Option] = []
        self.row_layout: Layout | None = None
        self.facts = RowFacts(self.rows)
        #: The facts of the lists shown last, by `id()` (each holds its list: the ids stay unique).
        self.known: dict[int, RowFacts] = {}
        self.strips: LRUCache[tuple[int, Style, int], list[Strip]] = LRUCache(1024)
        self.set_options(options if isinstance(options, Sequence) else list(options))
        if self.rows:
            self.action_first()

    # -- the rows -------------------------------------------------------------------------------

    @property
    def options(self) -> Sequence[Option]:
        return self.rows

    @property
    def option_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted_option(self) -> Option | None:
        return self.rows[self.highlighted] if self.highlighted is not None else None

    def get_option_at_index(self, index: int) -> Option:
        return self.rows[index]

    def index_of(self, option_id: str) -> int | None:
        """The index of the row `option_id`, or None."""
        return self.facts.index_of(option_id)

    def set_options(self, options: Sequence[Option]) -> None:
        """Show `options` (kept, not copied: it must not change after), cursor and scroll reset.
        Rows are made (`LazyRows`) and drawn only when on screen; one-line rows are not measured;
        the last few lists shown are remembered, so showing one again costs nothing."""
        self.rows = options
        facts = self.known.get(id(options))
        if facts is None or facts.rows is not options:
            facts = RowFacts(options)
            if len(self.known) >= 3:
                del self.known[next(iter(self.known))]
            self.known[id(options)] = facts
        self.facts = facts
        self.strips.clear()
        self.row_layout = None
        self.set_reactive(VirtualList.hovered, None)
        self.set_reactive(VirtualList.highlighted, None)
        if self.is_mounted:
            self.scroll_to(y=0, animate=False, immediate=True)
            self.update_layout()
            self.refresh()

    def clear_options(self) -> None:
        self.set_options([])

    # -- where the rows are -----------------------------------------------------------------------

    def row_width(self) -> int:
        return self.scrollable_content_region.width

    def measure(self, width: int) -> Layout:
        """Where the rows go at `width`: one line each, or measured."""
        if self.facts.one_line or not self.rows:
            return Layout(width, len(self.rows), None)
        padding = self.get_component_styles(ROW).padding.width
        rules = cast(RulesMap, self.styles)
        inner = max(1, width - padding)
        heights = (self.visual(option).get_height(rules, inner) for option in self.rows)
        return Layout(width, len(self.rows), [0, *accumulate(heights)])

    def update_layout(self) -> Layout | None:
        """Lay the rows out at the current width (again only if it changed), and size the view."""
        width = self.row_width()
        if width <= 0:
            return None
        if self.row_layout is None or self.row_layout.width != width:
            self.row_layout = self.measure(width)
            self.strips.clear()
        virtual = Size(width, self.row_layout.lines)
        if virtual != self.virtual_size:
            self.virtual_size = virtual
        return self.row_layout

    def on_resize(self) -> None:
        self.update_layout()
        self.scroll_to_highlight()

    def watch_show_vertical_scrollbar(self) -> None:
        # A scrollbar that comes (or goes) narrows (or widens) the rows.
        self.call_after_refresh(self.update_layout)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.measure(width).lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        padding = self.get_component_styles(ROW).padding.width
        rules = cast(RulesMap, self.styles)
        rows = (self.rows[index] for index in range(min(len(self.rows), 1000)))
        widths = (self.visual(o).get_optimal_width(rules, container.width) for o in rows)
        return max(widths, default=0) + padding

    # -- drawing --------------------------------------------------------------------------------

    def visual(self, option: Option) -> Visual:
        return visualize(self, option.prompt, markup=False)

    def render_line(self, y: int) -> Strip:
        width = self.row_width()
        layout = self.row_layout
        if layout is None or layout.width != width:
            layout = self.update_layout()
        line = self.scroll_offset.y + y
        if layout is None or line >= layout.lines:
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        index, offset = layout.row_at(line)
        strips = self.render_row(index, width)
        if offset >= len(strips):
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        return strips[offset]

    def row_style(self, index: int) -> Style:
        if self.rows[index].disabled:
            return self.get_visual_style(ROW, "option-list--option-disabled")
        if index == self.highlighted:
            return self.get_visual_style(ROW, "option-list--option-highlighted")
        if index == self.hovered:
            return self.get_visual_style(ROW, "option-list--option-hover")
        return self.get_visual_style(ROW)

    def render_row(self, index: int, width: int) -> list[Strip]:
        """The lines of row `index` at `width`, in its style (cached: drawn again as it is)."""
        style = self.row_style(index)
        key = (index, style, width)
        if (strips := self.strips.get(key)) is None:
            visual = self.visual(self.rows[index])
            padding = self.get_component_styles(ROW).padding
            if padding:
                visual = Padding(visual, padding)
            rendered = Visual.to_strips(self, visual, width, None, style)
            strips = [strip.extend_cell_length(width, style.rich_style) for strip in rendered]
            if index == self.highlighted:
                strips = [legible(strip, style) for strip in strips]
            self.strips[key] = strips
        return strips

    def refresh_row(self, index: int | None) -> None:
        layout = self.row_layout
        if index is None or layout is None or index >= layout.count:
            return
        top = layout.start(index) - self.scroll_offset.y
        self.refresh(Region(0, top, self.size.width, layout.height(index)))

    # -- the cursor -----------------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self.rows:
            return None
        return max(0, min(highlighted, len(self.rows) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        if new is not None and not self.rows[new].disabled:
            self.scroll_to_highlight()
            self.post_message(self.OptionHighlighted(self, self.rows[new], new))

    def watch_hovered(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll the cursor's row into view (at the top, with `top`)."""
        index = self.highlighted
        if index is None or not self.is_mounted:
            return
        layout = self.update_layout()
        if layout is None or index >= layout.count:
            return
        region = Region(0, layout.start(index), layout.width, layout.height(index))
        self.scroll_to_region(region, force=True, animate=False, top=top, immediate=True)

    def next_enabled(self, start: int, step: int) -> int | None:
        """The first row from `start` on (by `step`, not wrapping) that is not disabled."""
        rows, index = self.rows, start
        while 0 <= index < len(rows):
            if not rows[index].disabled:
                return index
            index += step
        return None

    def action_cursor_down(self) -> None:
        self.move(1)

    def action_cursor_up(self) -> None:
        self.move(-1)

    def move(self, step: int) -> None:
        """To the next row that is not disabled, wrapping around at the ends, as OptionList does."""
        if not self.rows:
            return
        current = self.highlighted
        if current is None:
            self.action_first() if step > 0 else self.action_last()
            return
        count = len(self.rows)
        for distance in range(1, count + 1):
            index = (current + step * distance) % count
            if not self.rows[index].disabled:
                self.highlighted = index
                return

    def action_first(self) -> None:
        self.highlighted = self.next_enabled(0, 1)

    def action_last(self) -> None:
        self.highlighted = self.next_enabled(len(self.rows) - 1, -1)

    def page(self, direction: int) -> None:
        layout = self.update_layout()
        if not self.rows or layout is None:
            return
        if self.highlighted is None:
            self.action_first() if direction < 0 else self.action_last()
            return
        height = self.scrollable_content_region.height
        line = layout.start(self.highlighted) + direction * height
        index = layout.row_at(max(0, min(line, layout.lines - 1)))[0]
        found = self.next_enabled(index, direction)
        self.highlighted = found if found is not None else self.next_enabled(index, -direction)

    def action_page_down(self) -> None:
        self.page(1)

    def action_page_up(self) -> None:
        self.page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and not self.rows[index].disabled:
            self.post_message(self.OptionSelected(self, self.rows[index], index))

    # -- the mouse ------------------------------------------------------------------------------

    def row_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        layout = self.row_layout
        if offset is None or layout is None:
            return None
        line = self.scroll_offset.y + offset.y
        return layout.row_at(line)[0] if 0 <= line < layout.lines else None

    async def on_click(self, event: events.Click) -> None:
        index = self.row_under(event)
        if index is not None and not self.rows[index].disabled:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self.row_under(event)

    def on_leave(self) -> None:
        self.hovered = None

    def on_show(self) -> None:
        self.scroll_to_highlight()


def legible(strip: Strip, style: Style) -> Strip:
    """`strip` with text drawn in the cursor's own colour where its colour is too close to the
    cursor's background to read (a side coloured $primary on the $primary cursor vanished)."""
    rich = style.rich_style
    background, foreground = rich.bgcolor, rich.color
    if background is None or foreground is None:
        return strip
    back = _luminance(Color.from_rich_color(background))

    def unreadable(color: RichColorType | None) -> bool:
        if color is None:
            return False
        lighter, darker = sorted((_luminance(Color.from_rich_color(color)), back), reverse=True)
        return (lighter + 0.05) / (darker + 0.05) < MIN_CONTRAST

    if not any(segment.style and unreadable(segment.style.color) for segment in strip):
        return strip
    return Strip(
        [
            Segment(text, seg_style + RichStyle(color=foreground), control)
            if seg_style and unreadable(seg_style.color)
            else Segment(text, seg_style, control)
            for text, seg_style, control in strip
        ],
        strip.cell_length,
    )


def _luminance(color: Color) -> float:
    """WCAG's relative luminance of `color`."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = color.rgb
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
