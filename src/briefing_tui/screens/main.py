"""The main screen: headline, key points, agreements and events, participants."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from briefing_tui import gc_control, items, keys
from briefing_tui.items import Ref
from briefing_tui.screens.navigation import return_to
from briefing_tui.widgets.focus import focus_now
from briefing_tui.widgets.headline import HeadlinePane, headline_content
from briefing_tui.widgets.lists import ItemList, Pane
from briefing_tui.widgets.participants import ParticipantsPane, participant_rows
from briefing_tui.widgets.problems import ProblemList
from briefing_tui.widgets.searchable import SearchableList
from briefing_tui.widgets.text import heading_row, item_row, plain, side_styles

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

#: Below this many columns or rows the panes stack, and only the focused one is open.
COMPACT_WIDTH = 100
COMPACT_HEIGHT = 30
#: Stacked, the closed panes show a line of content each only while the open one keeps this many
#: rows: below `TIGHT_HEIGHT` (footer, three closed panes of three lines, two borders) they show
#: their title line alone.
OPEN_ROWS = 6
TIGHT_HEIGHT = 1 + 3 * 3 + 2 + OPEN_ROWS

PANE_IDS = ("headline-pane", "key-points-pane", "agreements-pane", "participants-pane")
FOCUS_IDS = ("headline", "key-points", "agreements", "participants")
#: The lists of panes 2 to 4; what each lists is in `items.ITEM_KINDS`.
LIST_IDS = FOCUS_IDS[1:]


@dataclass(frozen=True)
class ViewState:
    """Where the reader was: the focused pane and each list's cursor (a ref and its item's title)."""

    pane: int | None = None
    cursors: dict[str, tuple[Ref, str]] = field(default_factory=dict)


def _restore_cursor(item_list: ItemList, briefing: Briefing, ref: Ref, title: str) -> None:
    """The item with the same title if there is one (it may have moved), else the same place.
    Looks at the items, not the list's rows: those are made only when drawn."""
    for other in items.refs(briefing, items.kind_of(ref)):
        if items.title(briefing, other) == title and item_list.highlight_ref(other):
            return
    item_list.highlight_ref(ref)


def list_rows(briefing: Briefing, list_id: str, side_colours: Mapping[str | None, str]) -> Sequence[Option]:
    """The rows of the list `list_id`: every item of the kinds it shows, under a heading for each
    kind when it shows several. O(items): built off the UI thread; the participants' are made as
    they come on screen."""
    if list_id == "participants" and briefing.participants:
        return participant_rows(briefing, side_colours)
    kinds = items.kinds_shown_by(list_id)
    options: list[Option] = []
    for kind in kinds:
        refs = items.refs(briefing, kind)
        if refs and len(kinds) > 1:
            options.append(Option(heading_row(f"{kind.plural} ({len(refs)})"), disabled=True))
        options += [Option(item_row(briefing, ref, side_colours), id=ref.option_id) for ref in refs]
    if not options:
        nouns = " or ".join(kind.plural.lower() for kind in kinds)
        options.append(Option(heading_row(f"No {nouns}"), disabled=True))
    return options


class MainScreen(Screen[None]):
    class RowsReady(Message, bubble=False):
        """From the screen's worker: the rows of its lists, by list id."""

        def __init__(self, rows: dict[str, Sequence[Option]]) -> None:
            super().__init__()
            self.rows = rows

    BINDINGS: ClassVar[list[BindingType]] = [
        keys.bind("next-pane", "cycle_pane(1)"),
        keys.bind("previous-pane", "cycle_pane(-1)"),
        *(keys.bind(f"pane-{number}", f"pane({number})") for number in range(1, 5)),
        keys.bind("search", "search"),
        keys.bind("copy", "copy"),
        keys.bind("find", "find"),
        keys.bind("edit", "edit"),
        keys.bind("clear-search", "clear_search"),
        # After clear-search: Escape clears a search first, and goes back only when there is none.
        keys.BACK,
    ]

    AUTO_FOCUS = "#key-points"

    def __init__(
        self,
        briefing: Briefing,
        *,
        back: bool = False,
        participant: int | None = None,
        restore: ViewState | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """`back`: opened from a library, which Escape returns to. `participant`: select them.
        `restore`: the view of the screen this one replaces (a reload), as far as it still fits.
        `then`: work for a thread once the participants can be searched (see `_searchable`)."""
        super().__init__()
        self.briefing = briefing
        self.can_go_back = back
        self._participant = participant
        self._restore = restore
        self._rows_shown = False
        #: What runs once the lists have their rows (`when_ready`).
        self._when_ready: list[Callable[[], object]] = []
        self._then = then

    def compose(self) -> ComposeResult:
        briefing = self.briefing
        yield HeadlinePane(briefing)
        with Horizontal(id="lower"):
            with Vertical(id="left"):
                for number, list_id in enumerate(LIST_IDS[:2], 2):
                    with self._list_pane(number, list_id):
                        yield ItemList(id=list_id)
            yield ParticipantsPane(briefing)
        yield Footer(show_command_palette=False)

    def _list_pane(self, number: int, list_id: str) -> Pane:
        """Pane `number` for the list `list_id`, titled by the kinds it shows and their counts."""
        kinds = items.kinds_shown_by(list_id)
        pane = Pane(number, " · ".join(kind.plural for kind in kinds), id=f"{list_id}-pane")
        pane.set_count(" · ".join(str(len(items.refs(self.briefing, kind))) for kind in kinds))
        return pane

    def on_mount(self) -> None:
        self._build_rows()

    @work(thread=True, exclusive=True, group="main-rows", exit_on_error=False)
    def _build_rows(self) -> None:
        # Off the UI thread: a briefing may list thousands of people.
        briefing = self.briefing
        colours = side_styles(briefing.participants)
        with gc_control.paused():  # thousands of rows that live on: no collector pass over them
            rows = {each: list_rows(briefing, each, colours) for each in LIST_IDS}
        self.post_message(self.RowsReady(rows))

    @on(ParticipantsPane.Searchable)
    def _searchable(self) -> None:
        """Run `then` (writing the briefing's cache entry) only now: beside the index being built
        it shares the GIL with, the first searches of a big briefing waited for both."""
        if self._then is not None:
            self.run_worker(self._then, thread=True, exit_on_error=False)
            self._then = None

    @on(RowsReady)
    def _show_rows(self, message: RowsReady) -> None:
        for list_id, rows in message.rows.items():
            if list_id == "participants":
                self.participants.set_rows(rows)
            else:
                self.query_one(f"#{list_id}", ItemList).set_options(rows)
        for item_list in self.query(ItemList):
            item_list.highlight_first()
            # After the layout, as a list shown with its rows does: the cursor comes into view.
            self.call_after_refresh(item_list.scroll_to_highlight)
        self._rows_shown = True
        if self._participant is not None:
            item_list = self.participants.item_list
            if item_list.highlight_ref(Ref("participant", self._participant)):
                focus_now(item_list)
        if self._restore is not None:
            self._apply_view(self._restore)
        ready, self._when_ready = self._when_ready, []
        for callback in ready:
            callback()

    def when_ready(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the lists have their rows: now, if they have."""
        if self._rows_shown:
            callback()
        else:
            self._when_ready.append(callback)

    def show_gone(self) -> bool:
        """Say that the briefing's file was moved or deleted, over what was read of it (the app
        replaces this screen when the file is back). False if it says so already."""
        if self.query("#gone"):
            return False
        self.query("#reload-problems").remove()  # the problems of a file that is not there
        name = Path(self.briefing.path).name if self.briefing.path else "The briefing"
        text = (
            f"{name} was moved or deleted: this is the last version read. It reloads when the file is back."
        )
        self.mount(Static(plain(text), id="gone"), before=0)
        return True

    # -- live reload: the last good version stays -----------------------------------------------

    def update_briefing(self, briefing: Briefing, then: Callable[[], None] | None = None) -> None:
        """Show `briefing` (the file saved again) in place: the focused pane, the cursors (on the
        same items where they still exist), a search and any details dialog open over this screen
        (refreshed) stay; a banner of problems or a "gone" line goes. `then`: as for `__init__`."""
        self._then = then
        from briefing_tui.screens.details import DetailsScreen

        view = self.view_state()
        if self.query("#reload-problems:focus"):  # the banner goes: the next stop takes focus
            view = ViewState(0, view.cursors)
        self._restore = view
        self._rows_shown = False
        self.briefing = briefing
        self.query("#gone").remove()
        self.query("#reload-problems").remove()
        self.query_one(HeadlinePane).briefing = briefing
        self.query_one("#headline-text", Static).update(headline_content(briefing))
        for list_id in LIST_IDS[:2]:
            kinds = items.kinds_shown_by(list_id)
            counts = " · ".join(str(len(items.refs(briefing, kind))) for kind in kinds)
            self.query_one(f"#{list_id}-pane", Pane).set_count(counts)
        self.participants.update_briefing(briefing)
        self._build_rows()
        stack = self.app.screen_stack
        for screen in stack[stack.index(self) + 1 :] if self in stack else []:
            if isinstance(screen, DetailsScreen):
                screen.update_briefing(briefing)

    def show_problems(self, problems: list[str]) -> None:
        """The saved file no longer loads: list its problems in a banner at the top, over the last
        good version (which stays as it was until a save that loads)."""
        count = len(problems)
        name = Path(self.briefing.path).name if self.briefing.path else "The briefing"
        title = f"{name} no longer loads ({count} problem{'s' * (count != 1)}): this is the last good version"
        keymap = keys.keymap_of(self.app)
        edit, copy = (" or ".join(keys.current_keys(each, keymap)) for each in ("edit", "copy"))
        hint = f"{edit} edits at the highlighted problem · {copy} copies them"
        banners = list(self.query("#reload-problems").results(ProblemList))
        banner = banners[0] if banners else None
        if banner is None:
            path = Path(self.briefing.path) if self.briefing.path else None
            banner = ProblemList(problems, path=path, id="reload-problems")
            self.mount(banner, before=0)
        else:
            banner.set_problems(problems)
        banner.border_title, banner.border_subtitle = title, hint

    def view_state(self) -> ViewState:
        """The focused pane and the cursors, for the screen that replaces this one on a reload."""
        if not self._rows_shown and self._restore is not None:
            return self._restore  # replaced again before its rows were in
        cursors: dict[str, tuple[Ref, str]] = {}
        for item_list in self.query(ItemList):
            ref = item_list.current_ref
            if ref is not None and item_list.id is not None:
                cursors[item_list.id] = (ref, items.title(self.briefing, ref))
        return ViewState(self._current_pane(), cursors)

    def _apply_view(self, state: ViewState) -> None:
        for list_id, (ref, title) in state.cursors.items():
            for item_list in self.query(f"#{list_id}").results(ItemList):
                _restore_cursor(item_list, self.briefing, ref, title)
                self.call_after_refresh(item_list.scroll_to_highlight)
        if state.pane is not None:
            focus_now(self._focus_targets()[state.pane])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.can_go_back  # hidden from the footer, and the key unbound, without a library
        return True

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.width < COMPACT_WIDTH or event.size.height < COMPACT_HEIGHT
        self.set_class(compact, "-compact")
        self.set_class(compact and event.size.height < TIGHT_HEIGHT, "-tight")
        self._show_hints()

    @on(events.DescendantFocus)
    def _mark_active_pane(self, event: events.DescendantFocus) -> None:
        for number, pane in enumerate(self.query(Pane), 1):
            active = event.widget in pane.walk_children(with_self=False)
            pane.set_class(active, "-active")
            # The stacked layout sizes the containers by which pane is open.
            self.set_class(active, f"-active-{number}")
        self._show_hints()

    def _show_hints(self) -> None:
        """In the stacked layout a closed pane says how to open it: nothing hides silently."""
        compact = self.has_class("-compact")
        for pane in self.query(Pane):
            closed = compact and not pane.has_class("-active")
            pane.border_subtitle = f"{pane.number} to open" if closed else None

    # -- panes --------------------------------------------------------------------------------

    @property
    def participants(self) -> ParticipantsPane:
        return self.query_one(ParticipantsPane)

    def _focus_targets(self) -> list[Widget]:
        return [self.query_one(f"#{widget_id}") for widget_id in FOCUS_IDS]

    def _current_pane(self) -> int | None:
        focused = self.focused
        if focused is None:
            return None
        for number, pane_id in enumerate(PANE_IDS):
            if focused in self.query_one(f"#{pane_id}").walk_children(with_self=False):
                return number
        return None

    def action_pane(self, number: int) -> None:
        focus_now(self._focus_targets()[number - 1])

    def action_cycle_pane(self, step: int) -> None:
        current = self._current_pane()
        targets = self._focus_targets()
        # A banner of problems is a stop before the headline.
        for banner in self.query("#reload-problems"):
            targets.insert(0, banner)
            current = 0 if self.focused is banner else None if current is None else current + 1
        start = (0 if step > 0 else len(targets) - 1) if current is None else current + step
        focus_now(targets[start % len(targets)])

    def action_search(self) -> None:
        focus_now(self.participants.search_box)

    def action_find(self) -> None:
        from briefing_tui.screens.find import FindScreen

        self.app.push_screen(FindScreen.in_briefing(self))

    def action_clear_search(self) -> None:
        search = self.participants.searchable
        in_search = self.focused is search.search_box
        if self.can_go_back and not in_search and not (search.query_text or search.searching):
            raise SkipAction()  # nothing to clear: Escape means back to the library
        search.clear_search(focus_list=in_search)

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    # -- items --------------------------------------------------------------------------------

    def focused_ref(self) -> Ref | None:
        focused = self.focused
        if isinstance(focused, ItemList):
            return focused.current_ref
        if focused is not None and focused.id == items.ITEM_KINDS["briefing"].main_id:
            return Ref("briefing", 0)
        return None

    def action_copy(self) -> None:
        ref = self.focused_ref()
        if ref is None:
            self.notify("Nothing to copy here: move to an item first", severity="warning")
            return
        self.app.copy_to_clipboard(items.as_text(self.briefing, ref))  # which says how it went

    def action_edit(self) -> None:
        """The focused item (the headline: the briefing's start) in the user's editor."""
        from briefing_tui.positions import item_target
        from briefing_tui.screens.editing import request_edit

        ref = self.focused_ref() or Ref("briefing", 0)
        if self.briefing.path is None:
            self.notify("This briefing was not read from a file", severity="warning")
            return
        path = Path(self.briefing.path)
        request_edit(self.app, lambda: item_target(path, ref))

    def action_open(self, option_id: str) -> None:
        if (ref := Ref.from_option_id(option_id)) is not None:
            self.open_details(ref)

    def open_details(self, ref: Ref) -> None:
        from briefing_tui.screens.details import DetailsScreen

        self.app.push_screen(DetailsScreen(self.briefing, ref))

    @on(ItemList.OptionSelected)
    def _option_selected(self, event: ItemList.OptionSelected) -> None:
        if (ref := Ref.from_option_id(event.option.id)) is not None:
            self.open_details(ref)

    def jump_to(self, ref: Ref) -> None:
        """Bring `ref` into view with focus on it (the command palette's jump). Nothing once this
        screen is closed: a palette's command runs later, when its screen may be gone."""
        if self not in self.app.screen_stack:
            return
        return_to(self)
        target = self.query_one(f"#{items.kind_of(ref).main_id}")
        if isinstance(target.parent, SearchableList):
            target.parent.show(ref.option_id)  # clearing a search that hides it
        elif isinstance(target, ItemList):
            target.highlight_ref(ref)
        focus_now(target)
