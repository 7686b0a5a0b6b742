"""Every key binding of the app, declared once, by id: its default keys, its wording, where it works.

An id names a key assignment, and that is what a config keymap remaps (`keymap: {down: n}`). The
same id may run different actions in different places: Enter is `select` in a list and the whole
briefing's details on the headline; `q` exits with status 1 on the error screen. So screens and
widgets build their `BINDINGS` here, supplying the action: `keys.bind("copy", "copy")`. Bindings
whose action is the same wherever they appear are built here once (`LIST_MOVES`, `DIALOG`, `BACK`).

The help groups are data too: the help screen lists them, a keymap may name any id of `KEYS`, and
each group says on which screens its keys are live (`live_ids`), so keys that clash can be found.
This module imports only `textual.binding`: the app reads it before its first frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Key:
    """A key assignment: the keys of a binding id unless the keymap says otherwise, and its wording."""

    id: str
    keys: str
    description: str
    tooltip: str = ""
    show: bool = True
    priority: bool = False
    key_display: str | None = None

    def bind(self, action: str) -> Binding:
        return Binding(
            self.keys,
            action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.tooltip,
            id=self.id,
        )

    def worded(
        self, description: str | None = None, *, tooltip: str | None = None, show: bool | None = None
    ) -> Key:
        """The same assignment as one place words it; keys and priority are the same everywhere."""
        return replace(
            self,
            description=self.description if description is None else description,
            tooltip=self.tooltip if tooltip is None else tooltip,
            show=self.show if show is None else show,
        )


def _registry(*keys: Key) -> dict[str, Key]:
    registry: dict[str, Key] = {}
    for key in keys:
        if key.id in registry:
            raise ValueError(f"binding id {key.id!r} declared twice")
        registry[key.id] = key
    return registry


#: Every binding id, with its default keys and wording.
KEYS: Mapping[str, Key] = _registry(
    Key("quit", "q", "Quit", tooltip="Quit briefing-tui"),
    Key("quit-anywhere", "ctrl+q", "Quit", tooltip="Quit, even while typing", show=False, priority=True),
    Key("help", "question_mark", "Help", tooltip="Show every key"),
    Key(
        "command-palette",
        "ctrl+p",
        "Palette",
        tooltip="Jump to any item by name, change the theme…",
        priority=True,
    ),
    Key("next-pane", "tab", "Next pane", show=False),
    Key("previous-pane", "shift+tab", "Previous pane", show=False),
    Key("pane-1", "1", "Headline pane", show=False),
    Key("pane-2", "2", "Key points pane", show=False),
    Key("pane-3", "3", "Agreements and events pane", show=False),
    Key("pane-4", "4", "Participants pane", show=False),
    Key("search", "slash", "Search", tooltip="Search the participants"),
    Key("copy", "y", "Copy", tooltip="Copy the focused item as plain text"),
    Key(
        "clear-search",
        "escape",
        "Clear search",
        tooltip="Clear the participant search and list everyone again",
        show=False,
    ),
    Key(
        "back",
        "escape,backspace",
        "Library",
        tooltip="Back to the library of briefings",
        key_display="esc",
    ),
    Key("down", "j,down", "Down", show=False),
    Key("up", "k,up", "Up", show=False),
    Key("first", "g,home", "First", show=False),
    Key("last", "G,end", "Last", show=False),
    Key("page-down", "pagedown,ctrl+f", "Page down", show=False),
    Key("page-up", "pageup,ctrl+b", "Page up", show=False),
    Key("details", "enter", "Details", tooltip="Open the details of the item"),
    Key("first-hit", "enter", "First hit", tooltip="Go to the first hit"),
    Key("search-to-list", "down", "To the list", show=False),
    Key("close", "escape", "Close", tooltip="Close the dialog"),
    Key(
        "show-source",
        "s",
        "Source",
        tooltip="Show the source article with the evidence highlighted",
    ),
    Key("next-quote", "n", "Next quote"),
    Key("previous-quote", "N,p", "Previous quote"),
)


def bind(binding_id: str, action: str) -> Binding:
    """The binding `binding_id` running `action`, with the registry's keys and wording."""
    return KEYS[binding_id].bind(action)


# -- how some places word a key of their own ---------------------------------------------------

#: In the search box, Escape is shown in the footer.
SEARCH_BOX_CLEAR = KEYS["clear-search"].worded(tooltip="", show=True)
LIBRARY_SEARCH = KEYS["search"].worded("Search people", tooltip="Search the people of every briefing")
LIBRARY_CLEAR = KEYS["clear-search"].worded(tooltip="Clear the people search and list the briefings again")
LIBRARY_OPEN = KEYS["details"].worded("Open", tooltip="Open the briefing (or the person) under the cursor")
DIALOG_QUIT = KEYS["quit"].worded(show=False)
DIALOG_HELP = KEYS["help"].worded(show=False)
DIALOG_NEXT = KEYS["next-pane"].worded("Next part")
DIALOG_PREVIOUS = KEYS["previous-pane"].worded("Previous part")
DETAILS_COPY = KEYS["copy"].worded(tooltip="Copy the item as plain text")
#: On the help screen, the help key closes it.
HELP_CLOSE = KEYS["help"].worded("Close", tooltip="", show=False)
ERROR_QUIT = KEYS["quit"].worded(tooltip="Quit (exit status 1)")
ERROR_COPY = KEYS["copy"].worded(tooltip="Copy the problems as text")

# -- bindings whose action is the same wherever they appear ------------------------------------

_MOVES = ("down", "up", "first", "last", "page-down", "page-up")


def _moves(down: str, up: str, first: str, last: str) -> list[Binding]:
    actions = (down, up, first, last, "page_down", "page_up")
    return [bind(binding_id, action) for binding_id, action in zip(_MOVES, actions, strict=True)]


#: Moving in a list (an OptionList).
LIST_MOVES = _moves("cursor_down", "cursor_up", "first", "last")
#: The same keys scrolling a box of text.
SCROLL_MOVES = _moves("scroll_down", "scroll_up", "scroll_home", "scroll_end")
#: Escape closes a dialog; the app's keys that still work over one.
CLOSE_DIALOG = bind("close", "dismiss")
QUIT_FROM_DIALOG = DIALOG_QUIT.bind("app.quit")
DIALOG = [
    CLOSE_DIALOG,
    QUIT_FROM_DIALOG,
    DIALOG_HELP.bind("app.help"),
    DIALOG_NEXT.bind("app.focus_next"),
    DIALOG_PREVIOUS.bind("app.focus_previous"),
]
#: Back to the library: from a briefing opened there, and from a file's problems.
BACK = bind("back", "back")

# -- the help groups ---------------------------------------------------------------------------

#: The screens keys can be live on. "error": a briefing (or folder) that failed to load;
#: "entry-error": a file of a library that failed to load.
SCREENS = ("main", "details", "source", "help", "error", "entry-error", "library")


@dataclass(frozen=True, slots=True)
class Group:
    """Keys that work in one place, as the help lists them, and the screens where they are live."""

    title: str
    keys: tuple[Key, ...]
    screens: tuple[str, ...]
    #: Ids live on fewer or other screens than the group's.
    live_on: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Ids that work only when a folder is open: the help lists them only then.
    library_ids: frozenset[str] = frozenset()
    #: False for keys the help screen does not list (its own).
    listed: bool = True

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(key.id for key in self.keys)

    def screens_of(self, binding_id: str) -> tuple[str, ...]:
        return self.live_on.get(binding_id, self.screens)


def _keys(*ids: str) -> tuple[Key, ...]:
    return tuple(KEYS[binding_id] for binding_id in ids)


_DIALOG_KEYS = (KEYS["close"], DIALOG_QUIT, DIALOG_HELP, DIALOG_NEXT, DIALOG_PREVIOUS)

GROUPS: tuple[Group, ...] = (
    Group(
        "Everywhere",
        _keys("quit", "quit-anywhere", "help", "command-palette"),
        SCREENS,
        # Not priority keys: a dialog stops them, and binds q and ? itself.
        live_on=dict.fromkeys(("quit", "help"), ("main", "error", "entry-error", "library")),
    ),
    Group(
        "Main screen",
        _keys(
            "next-pane",
            "previous-pane",
            "pane-1",
            "pane-2",
            "pane-3",
            "pane-4",
            "search",
            "copy",
            "clear-search",
            "back",
            "details",  # on the headline: the whole briefing's details
        ),
        ("main",),
        library_ids=frozenset({"back"}),
    ),
    Group(
        "Lists",
        _keys(*_MOVES, "details"),
        # Boxes of text scroll with the same keys.
        ("main", "details", "source", "help", "error", "entry-error", "library"),
        live_on={"details": ("main", "details")},
    ),
    Group("Search box", (SEARCH_BOX_CLEAR, *_keys("first-hit", "search-to-list")), ("main", "library")),
    Group(
        "Details",
        (*_DIALOG_KEYS, KEYS["show-source"], DETAILS_COPY),
        ("details",),
    ),
    Group(
        "Source",
        (*_DIALOG_KEYS, *_keys("next-quote", "previous-quote")),
        ("source",),
    ),
    Group("Error screen", (ERROR_QUIT, ERROR_COPY), ("error", "entry-error")),
    Group(
        "Library",
        (LIBRARY_SEARCH, LIBRARY_CLEAR, LIBRARY_OPEN, KEYS["back"]),
        ("library",),
        live_on={"back": ("entry-error",)},
        library_ids=frozenset({"search", "clear-search", "details", "back"}),
    ),
    Group("Help", (KEYS["close"], DIALOG_QUIT, HELP_CLOSE), ("help",), listed=False),
)


def help_groups(*, library: bool = False) -> list[tuple[str, list[Key]]]:
    """The groups the help lists, and their keys. `library`: with the keys of an open folder."""
    listed = []
    for group in GROUPS:
        keys = [key for key in group.keys if library or key.id not in group.library_ids]
        if group.listed and keys:
            listed.append((group.title, keys))
    return listed


def binding_ids() -> set[str]:
    """Every id a keymap may name."""
    return set(KEYS)


def live_ids(screen: str) -> set[str]:
    """The ids whose keys are live together on `screen` (one of `SCREENS`)."""
    return {
        binding_id for group in GROUPS for binding_id in group.ids if screen in group.screens_of(binding_id)
    }


def current_keys(binding_id: str, keymap: Mapping[str, str]) -> list[str]:
    """The keys that trigger `binding_id` once `keymap` is applied."""
    keys = keymap.get(binding_id) or KEYS[binding_id].keys
    return [key.strip() for key in keys.split(",") if key.strip()]


def keymap_of(app: object) -> Mapping[str, str]:
    """The keymap in force in `app` (empty for an app without one, such as a test harness)."""
    keymap = getattr(app, "keymap", None)
    return keymap if isinstance(keymap, Mapping) else {}
