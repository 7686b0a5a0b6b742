"""The line-rendered list under every list of the app: keys, mouse, paging a huge list, rows made
and drawn only when on screen, and a search cleared without rebuilding the rows."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult
from textual.content import Content
from textual.strip import Strip
from textual.widgets.option_list import Option

from apptest import make_app, ready
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.text import Hanging, OneLine, plain
from briefing_tui.widgets.virtual_list import LazyRows, VirtualList

HUGE = 100_000
HEIGHT = 12


def person(index: int) -> Option:
    return Option(OneLine(Content("▌ "), plain(f"Person {index}  role {index}")), id=f"participant:{index}")


def huge_rows(count: int = HUGE) -> LazyRows:
    def locate(option_id: str) -> int | None:
        number = option_id.removeprefix("participant:")
        return int(number) if number.isdigit() and int(number) < count else None

    return LazyRows(count, person, one_line=True, locate=locate)


class Counting(ItemList):
    """An ItemList that records which lines it is asked to draw."""

    def __init__(self, options: LazyRows | list[Option]) -> None:
        super().__init__(id="list")
        self.initial = options
        self.drawn: list[int] = []

    def on_mount(self) -> None:
        self.set_options(self.initial)
        self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        self.drawn.append(self.scroll_offset.y + y)
        return super().render_line(y)


class ListApp(App[None]):
    CSS = f"ItemList {{ height: {HEIGHT}; border: none; padding: 0; }}"

    def __init__(self, options: LazyRows | list[Option]) -> None:
        super().__init__()
        self.options = options
        self.selected: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Counting(self.options)

    def on_virtual_list_option_selected(self, message: VirtualList.OptionSelected) -> None:
        self.selected.append(message.option_id)

    @property
    def item_list(self) -> Counting:
        return self.query_one(Counting)


async def test_only_the_visible_lines_are_drawn_and_rows_made() -> None:
    rows = huge_rows()
    app = ListApp(rows)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        item_list = app.item_list
        item_list.focus()
        await pilot.pause()
        assert item_list.drawn, "the list must have been drawn for this test to mean anything"
        assert set(item_list.drawn) <= set(range(HEIGHT))
        assert len(rows.made) <= HEIGHT
        item_list.drawn.clear()
        await pilot.press("end")
        await pilot.pause()
        assert item_list.highlighted == HUGE - 1
        assert set(item_list.drawn) <= set(range(HUGE - HEIGHT, HUGE))
        assert len(item_list.drawn) <= 3 * HEIGHT  # a frame or a few, never the list
        assert len(rows.made) <= 2 * HEIGHT


async def test_keys_move_the_cursor_and_keep_it_in_view() -> None:
    app = ListApp(huge_rows())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        item_list = app.item_list
        item_list.focus()
        await pilot.press("j", "j", "down")
        assert item_list.highlighted == 3
        await pilot.press("k")
        assert item_list.highlighted == 2
        await pilot.press("pagedown")
        assert item_list.highlighted == 2 + HEIGHT
        await pilot.press("pagedown", "pagedown")
        assert item_list.highlighted == 2 + 3 * HEIGHT
        await pilot.press("pageup")
        assert item_list.highlighted == 2 + 2 * HEIGHT
        await pilot.press("G")
        assert item_list.highlighted == HUGE - 1
        assert item_list.scroll_y == HUGE - HEIGHT
        await pilot.press("pagedown")
        assert item_list.highlighted == HUGE - 1
        await pilot.press("g")
        assert item_list.highlighted == 0 and item_list.scroll_y == 0
        await pilot.press("up")  # wraps around, as OptionList does
        assert item_list.highlighted == HUGE - 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [f"participant:{HUGE - 1}"]


async def test_headings_are_skipped() -> None:
    rows = [
        Option(Content("Heading"), disabled=True),
        Option("a", id="key_point:0"),
        Option(Content("Another"), disabled=True),
        Option("b", id="key_point:1"),
    ]
    app = ListApp(rows)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        item_list = app.item_list
        item_list.highlight_first()
        item_list.focus()
        assert item_list.highlighted == 1
        await pilot.press("j")
        assert item_list.highlighted == 3
        await pilot.press("k")
        assert item_list.highlighted == 1
        await pilot.press("G")
        assert item_list.highlighted == 3


async def test_the_mouse_selects_and_scrolls() -> None:
    app = ListApp(huge_rows())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        item_list = app.item_list
        await pilot.click(item_list, offset=(5, 4))
        await pilot.pause()
        assert item_list.highlighted == 4
        assert app.selected == ["participant:4"]
        for _ in range(2):  # the wheel
            item_list.post_message(events.MouseScrollDown(item_list, 5, 4, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert item_list.scroll_y > 0
        top = round(item_list.scroll_y)
        await pilot.click(item_list, offset=(5, 0))
        await pilot.pause()
        assert item_list.highlighted == top
        assert app.selected[-1] == f"participant:{top}"


async def test_a_row_is_found_by_id_without_making_the_rows() -> None:
    rows = huge_rows()
    app = ListApp(rows)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        item_list = app.item_list
        assert item_list.highlight_id("participant:76543")
        await pilot.pause()
        assert item_list.highlighted == 76543
        assert item_list.scroll_y <= 76543 < item_list.scroll_y + HEIGHT
        assert not item_list.highlight_id("participant:100000")
        assert len(rows.made) <= 3 * HEIGHT


async def test_rows_of_several_lines_are_laid_out_and_paged() -> None:
    rows = [
        Option(Hanging(Content(""), Content(f"Event {i}\n{i} attendees"), indent=2), id=f"event:{i}")
        for i in range(500)
    ]
    app = ListApp(rows)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        item_list = app.item_list
        item_list.focus()
        assert item_list.virtual_size.height == 1000
        await pilot.press("pagedown")
        assert item_list.highlighted == HEIGHT // 2
        await pilot.press("end")
        assert item_list.highlighted == 499
        assert item_list.scroll_y == 1000 - HEIGHT


async def test_clearing_a_search_shows_the_same_rows_and_keeps_the_cursor(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        search = screen.participants.searchable
        people = search.item_list
        everyone = people.options
        await pilot.press("4", "j", "j", "j")
        assert people.highlighted == 3
        await pilot.press("slash", *"tok")
        await ready(pilot)
        assert people.options is not everyone and people.option_count < len(everyone)
        await pilot.press("down", "j")  # to the list, and the second hit
        hit = people.current_ref
        assert hit is not None
        await pilot.press("escape")
        await pilot.pause()
        assert people.options is everyone  # the very rows: nothing rebuilt
        assert people.current_ref == hit  # the cursor stays on the person it was on


@given(
    text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60),
    more=st.text(st.sampled_from("ab c"), max_size=30),
    width=st.integers(4, 40),
)
def test_a_hanging_row_is_as_high_as_it_wraps(text: str, more: str, width: int) -> None:
    row = Hanging(Content("• "), plain(text) + Content("\n") + plain(more))
    assert row.get_height({}, width) == row._wrap(width)[1]  # type: ignore[arg-type]


async def test_the_cursor_row_keeps_every_word_readable(tmp_path: Path) -> None:
    """A side coloured like the cursor (Kazakhstan is $primary, the cursor's background) is drawn
    in the cursor's own colour on the cursor row, not blue on blue; elsewhere it keeps its colour."""
    from briefing_tui.widgets.virtual_list import MIN_CONTRAST, Color, _luminance

    def contrast(a: object, b: object) -> float:
        first, second = (_luminance(Color.from_rich_color(c)) for c in (a, b))  # type: ignore[arg-type]
        high, low = max(first, second), min(first, second)
        return (high + 0.05) / (low + 0.05)

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("4", "j")
        await pilot.pause()
        people = screen.participants.item_list
        index = people.highlighted
        assert index is not None
        row = people.render_row(index, people.row_width())[0]
        texts = [s.text for s in row]
        side = list(row)[texts.index(" · ") + 1 :]  # the side, "Kazakhstan" (cut to fit or not)
        assert side and side[0].text.startswith("Kaza"), row.text
        for segment in side:
            assert segment.style is not None
            assert contrast(segment.style.color, segment.style.bgcolor) >= MIN_CONTRAST
        other = people.render_row(index + 3, people.row_width())[0]  # Berik Assylov, not highlighted
        kept = {s.style.color for s in other if s.text.startswith("Kaza") and s.style}
        recoloured = {s.style.color for s in side if s.style}
        assert kept and kept.isdisjoint(recoloured)
