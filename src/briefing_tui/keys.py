"""Every key binding of the app, declared once, by id: its default keys, its wording, where it works.

An id names a key assignment, and that is what a config keymap remaps (`keymap: {down: n}`). The
same id may run different actions in different places: Enter is `select` in a list and the whole
briefing's details on the headline; `q` exits with status 1 on the error screen. So screens and
widgets build their `BINDINGS` here, supplying the action: `keys.bind("copy", "copy")`. Bindings
whose action is the same wherever they appear are built here once (`LIST_MOVES`, `DIALOG`, `BACK`).

The help groups are data too: the help screen lists them, a keymap may name any id of `KEYS`, and
each group says on which screens its keys are live (`live_ids`), so keys that clash can be found
(`checked_keys`), as can keys Textual would never deliver. This module imports only
`textual.binding` and `textual.keys` (which that imports): the app reads it before its first frame.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.keys import KEY_ALIASES, KEY_NAME_REPLACEMENTS, Keys

if TYPE_CHECKING:
    from briefing_tui.config import Config


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
    Key("show-source", "s", "Source", tooltip="Show the source article with the evidence highlighted"),
    Key("next-quote", "n", "Next quote"),
    Key("previous-quote", "N,p", "Previous quote"),
    # The library at desk scale (issue 8): its sorts, its people, a person's dossier.
    Key("sort", "o", "Sort", tooltip="Sort by date, published date, headline or participants"),
    Key("people", "p", "People", tooltip="Every person of the library, each once"),
    Key("briefings", "b", "Briefings", tooltip="Back to the list of briefings"),
    # Edit at the line (issue 9): the item, field, problem or quote, in the user's editor.
    Key("edit", "e", "Edit", tooltip="Open the file in your editor at this line", show=False),
)


def bind(binding_id: str, action: str) -> Binding:
    """The binding `binding_id` running `action`, with the registry's keys and wording."""
    return KEYS[binding_id].bind(action)


# -- how some places word a key of their own ---------------------------------------------------

#: In the search box, Escape is shown in the footer.
SEARCH_BOX_CLEAR = KEYS["clear-search"].worded(tooltip="", show=True)
LIBRARY_SEARCH = KEYS["search"].worded(
    "Filter", tooltip="Filter the briefings: words, topic:, person:, after:…"
)
LIBRARY_CLEAR = KEYS["clear-search"].worded(tooltip="Clear the filter and list every briefing again")
LIBRARY_OPEN = KEYS["details"].worded("Open", tooltip="Open the briefing under the cursor")
PEOPLE_SEARCH = KEYS["search"].worded("Search", tooltip="Search the people by any spelling")
PEOPLE_CLEAR = KEYS["clear-search"].worded(tooltip="Clear the search; with none, back to the briefings")
PEOPLE_OPEN = KEYS["details"].worded("Dossier", tooltip="Every appearance of the person under the cursor")
DOSSIER_OPEN = KEYS["details"].worded("Open", tooltip="Open the briefing with the person selected")
PEOPLE_BACK = KEYS["back"].worded("Back", tooltip="Back to where you were")
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
SCREENS = ("main", "details", "source", "help", "error", "entry-error", "library", "people", "dossier")
#: Where the app's own q and ? are live: the screens that are not dialogs.
_APP_KEYS_LIVE = ("main", "error", "entry-error", "library", "people", "dossier")


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
        live_on=dict.fromkeys(("quit", "help"), _APP_KEYS_LIVE),
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
            "edit",
        ),
        ("main",),
        library_ids=frozenset({"back"}),
    ),
    Group(
        "Lists",
        _keys(*_MOVES, "details"),
        # Boxes of text scroll with the same keys.
        SCREENS,
        live_on={"details": ("main", "details")},
    ),
    Group(
        "Search box", (SEARCH_BOX_CLEAR, *_keys("first-hit", "search-to-list")), ("main", "library", "people")
    ),
    Group("Details", (*_DIALOG_KEYS, KEYS["show-source"], DETAILS_COPY, KEYS["edit"]), ("details",)),
    Group("Source", (*_DIALOG_KEYS, *_keys("next-quote", "previous-quote", "edit")), ("source",)),
    Group("Error screen", (ERROR_QUIT, ERROR_COPY, KEYS["edit"]), ("error", "entry-error")),
    Group(
        "Library",
        (LIBRARY_SEARCH, LIBRARY_CLEAR, LIBRARY_OPEN, *_keys("sort", "people"), KEYS["back"]),
        ("library",),
        live_on={"back": ("entry-error",)},
        library_ids=frozenset({"search", "clear-search", "details", "back", "sort", "people"}),
    ),
    Group(
        "People and dossiers",
        (PEOPLE_SEARCH, PEOPLE_CLEAR, PEOPLE_OPEN, DOSSIER_OPEN, PEOPLE_BACK, KEYS["briefings"]),
        ("people", "dossier"),
        live_on={"search": ("people",), "clear-search": ("people",)},
        library_ids=frozenset({"search", "clear-search", "details", "back", "briefings"}),
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


# -- checking a keymap ---------------------------------------------------------------------------

MODIFIERS = frozenset({"ctrl", "shift", "alt", "super", "meta", "hyper"})


def _character_key(character: str) -> str:
    """The name Textual gives the key of a printable character: "j", "question_mark", "slash".
    (As `textual.keys` does it, whose function for it is private.)"""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return KEY_NAME_REPLACEMENTS.get(name, name)


#: The key names Textual delivers without a modifier: its named keys (not its "<any>"-style
#: pseudo-keys), their aliases, and the names of the characters a keyboard types ("question_mark").
KEY_NAMES = frozenset(
    {key.value for key in Keys if "+" not in key.value and not key.value.startswith("<")}
    | {alias for aliases in KEY_ALIASES.values() for alias in aliases if "+" not in alias}
    | {_character_key(chr(code)) for code in range(0x20, 0x7F)}
)
#: Each alias of a key ("ctrl+m" is Enter), for finding keys given twice under two names.
_ALIAS_OF = {alias: key for key, aliases in KEY_ALIASES.items() for alias in aliases}


#: Why a key without modifiers is refused (other refusals say more).
NOT_A_KEY = "not a key"


def _split(key: str) -> tuple[list[str], str]:
    """ "ctrl+shift+x" -> (["ctrl", "shift"], "x"); "ctrl++" -> (["ctrl"], "+")."""
    if len(key) == 1:
        return [], key
    head, _, base = key.rpartition("+")
    if not base and head.endswith("+"):
        head, base = head[:-1], "+"
    return (head.split("+") if head else []), base


def key_problem(key: str) -> str | None:
    """Why Textual would never deliver `key` (as a keymap names it), or None if it would."""
    modifiers, base = _split(key)
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown:
        return f"{unknown[0]!r} is not a modifier"
    if len(set(modifiers)) != len(modifiers):
        return "a modifier twice"
    if modifiers and len(base) == 1 and _character_key(base) != base:
        # Textual names the character only when it stands alone ("?" is question_mark).
        return f"after a modifier, {base!r} is written {_character_key(base)}"
    if not (len(base) == 1 and base.isprintable()) and base not in KEY_NAMES:
        return f"{base!r} is not a key" if modifiers else NOT_A_KEY
    return None


def canonical_key(key: str) -> str:
    """`key` as Textual matches it: "?" is "question_mark", "ctrl+m" is "enter"."""
    modifiers, base = _split(key)
    key = "+".join([*sorted(modifiers), _character_key(base) if len(base) == 1 else base])
    return _ALIAS_OF.get(key, key)


_KEY_RULE = (
    "a key is one character, or a name such as escape, pagedown or f5, "
    "after any of ctrl+ shift+ alt+ super+ meta+ hyper+"
)


def keymap_in_force(config: Config) -> tuple[dict[str, str], list[str]]:
    """The config's keymap as the app applies it, and a message for each problem with it: ids that
    name no binding, keys Textual never delivers, keys given to two ids live on one screen."""
    from briefing_tui.config import checked_keymap

    keymap, problems = checked_keymap(config, binding_ids())
    keymap, more = checked_keys(keymap, str(config.path))
    return keymap, problems + more


def checked_keys(keymap: Mapping[str, str], where: str) -> tuple[dict[str, str], list[str]]:
    """`keymap` (binding id -> keys, ids all known) without keys Textual would never deliver, and a
    message (starting with `where`) for each id that had some, and for each key it gives to two ids
    live on the same screen that the default keys do not. An id left without keys keeps its
    default keys."""
    checked: dict[str, str] = {}
    problems = []
    for binding_id, value in keymap.items():
        keys = [key.strip() for key in value.split(",") if key.strip()]
        bad = [(key, problem) for key in keys if (problem := key_problem(key)) is not None]
        good = [key for key in keys if key_problem(key) is None]
        if good:
            checked[binding_id] = ",".join(good)
        if bad:
            named = ", ".join(repr(key) + (f" ({why})" if why != NOT_A_KEY else "") for key, why in bad)
            verb = "is not a key" if len(bad) == 1 else "are not keys"
            kept = "" if good else f"; keeping the default: {KEYS[binding_id].keys}"
            problems.append(f"{where}: keymap: {binding_id}: {named} {verb} ({_KEY_RULE}){kept}")
    return checked, problems + clashes(checked, where)


#: Ids that run the same action wherever both are live: a key they share is no clash.
SAME_ACTION = (frozenset({"quit", "quit-anywhere"}),)


def _holders(keymap: Mapping[str, str]) -> dict[tuple[str, str], set[str]]:
    """(screen, key) -> the ids live on that screen that `key` triggers, once `keymap` is applied."""
    holders: dict[tuple[str, str], set[str]] = {}
    for screen in SCREENS:
        for binding_id in live_ids(screen):
            for key in current_keys(binding_id, keymap):
                holders.setdefault((screen, canonical_key(key)), set()).add(binding_id)
    return holders


def clashes(keymap: Mapping[str, str], where: str) -> list[str]:
    """A message for each key `keymap` gives to two ids live on the same screen, unless the default
    keys share it already (Escape clears a search, then goes back: on purpose)."""
    default = _holders({})
    found: dict[tuple[str, str, str], list[str]] = {}
    for (screen, key), ids in _holders(keymap).items():
        shared = default.get((screen, key), set())
        for pair in combinations(sorted(ids), 2):
            if not set(pair) <= shared and frozenset(pair) not in SAME_ACTION:
                found.setdefault((key, *pair), []).append(screen)
    return [
        f"{where}: keymap: {key} is the key of both {first!r} and {second!r} on the "
        f"{' and '.join(screens)} screen{'s' * (len(screens) > 1)}: only one of them can have it"
        for (key, first, second), screens in found.items()
    ]
