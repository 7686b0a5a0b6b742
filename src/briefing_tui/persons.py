"""The people of a library, each once: their appearances across briefings merged into one `Person`.

Two appearances are one person when they share a `wikidata` id. Without ids, when one's name is
the other's name or alias (folded: case, accents and script aside, "Tokayev" is "TOKAYEV") and
their sides do not conflict. Aliases alone do not merge ("the President" is many people), and a
name shared by people on different sides stays two people. An appearance without a side joins the
one person its name leads to, and stays apart when it leads to several (which would be a guess).
Participants with a role and no name are each their own person.

`People.search` finds people by any spelling with the participant search engine, over each
person's latest name, every other name and alias they appear under, latest role, organisation
and side.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from briefing_tui.search.fold import ASCII_WORD, words

if TYPE_CHECKING:
    from briefing_tui.entries import LibraryEntry
    from briefing_tui.format.model import Participant
    from briefing_tui.library import Library
    from briefing_tui.search import SearchIndex


class Appearance(NamedTuple):
    """A person in one briefing: as they were then. (A named tuple: a library has hundreds of
    thousands, and a tuple is made several times faster than a frozen dataclass.)"""

    entry: LibraryEntry
    #: Their place in the briefing's participants (to open the briefing at them).
    position: int
    date: dt.date
    name: str | None
    role: str | None
    organization: str | None
    side: str | None
    aliases: tuple[str, ...]
    #: The events of the briefing they attended.
    present_at: tuple[str, ...]
    evidence: tuple[str, ...]
    notes: str | None
    wikidata: str | None

    @property
    def label(self) -> str:
        return self.name or self.role or ""


class _Key(NamedTuple):
    """What the search engine reads of a person: a participant's attributes."""

    name: str | None
    aliases: tuple[str, ...]
    role: str | None
    organization: str | None
    side: str | None
    present_at: tuple[str, ...] = ()
    notes: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.role or ""


class Person:
    """One person across the library: their appearances, newest first, and what they add up to."""

    __slots__ = ("appearances",)

    def __init__(self, appearances: Sequence[Appearance]) -> None:
        if len(appearances) > 1:
            appearances = sorted(appearances, key=lambda a: a.date, reverse=True)
        self.appearances = tuple(appearances)

    def __repr__(self) -> str:
        return f"Person({self.name!r}, {len(self.appearances)} appearances)"

    def _latest(self, attribute: str) -> str | None:
        return next((value for a in self.appearances if (value := getattr(a, attribute))), None)

    @property
    def name(self) -> str:
        """The latest name they appear under (the role, if they never have one)."""
        return self._latest("name") or self.appearances[0].label

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and alias they appear under, the latest name first."""
        found = dict.fromkeys(n for a in self.appearances for n in (a.name, *a.aliases) if n)
        return tuple(found)

    @property
    def wikidata(self) -> str | None:
        return self._latest("wikidata")

    @property
    def role(self) -> str | None:
        """The latest role they are given."""
        return self._latest("role")

    @property
    def organization(self) -> str | None:
        return self._latest("organization")

    @property
    def sides(self) -> tuple[str, ...]:
        """Their sides, latest first."""
        return tuple(dict.fromkeys(a.side for a in self.appearances if a.side))

    @property
    def briefings(self) -> int:
        """In how many briefings they appear."""
        return len({id(a.entry) for a in self.appearances})

    @property
    def first(self) -> dt.date:
        return self.appearances[-1].date

    @property
    def last(self) -> dt.date:
        return self.appearances[0].date

    def key(self) -> _Key:
        others = tuple(n for n in self.names if n != self.name)
        notes = "\n".join(dict.fromkeys(a.notes for a in self.appearances if a.notes)) or None
        side = self.sides[0] if self.sides else None
        return _Key(self.name, others, self.role, self.organization, side, notes=notes)


class People:
    """Every person of a library, most briefings first."""

    def __init__(self, persons: list[Person]) -> None:
        self.persons = persons

    def __len__(self) -> int:
        return len(self.persons)

    @classmethod
    def of(cls, library: Library) -> People:
        with _long_lived():
            return cls(merge(appearances(library.data())))

    @cached_property
    def index(self) -> SearchIndex:
        """The search engine over the people (built on first use)."""
        from briefing_tui.search import SearchIndex

        with _long_lived():
            # The engine reads participants' attributes only; `_Key` has them.
            return SearchIndex(cast("list[Participant]", [person.key() for person in self.persons]))

    def search(self, query: str, limit: int = 50) -> list[Person]:
        """The people `query` finds (any spelling), best first; everyone for a blank query."""
        if not query.strip():
            return self.persons[:limit]
        return [self.persons[hit.position] for hit in self.index.search(query, limit=limit)]


@contextmanager
def _long_lived() -> Iterator[None]:
    """Make hundreds of thousands of objects that live on, with no cycles among them: the cyclic
    collector does not run while they are made, and skips them after (`gc.freeze`); a full pass
    over them stalled a keystroke for seconds. Reference counting still frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def appearances(data: Iterable[tuple[LibraryEntry, dict[str, Any]]]) -> list[Appearance]:
    """An appearance for every participant of the briefings' data (`to_data`'s shape)."""
    found: list[Appearance] = []
    shared: dict[Any, Any] = {}  # roles, sides, events repeat: keep each text once

    def once(value: Any) -> Any:
        return shared.setdefault(value, value)

    for entry, briefing in data:
        summary = entry.summary
        if summary is None:
            continue
        date = summary.date
        for index, person in enumerate(briefing.get("participants") or ()):
            get = person.get
            aliases, present_at, evidence = get("aliases"), get("present_at"), get("evidence")
            found.append(
                Appearance(
                    entry,
                    index,
                    date,
                    get("name"),
                    once(get("role")),
                    once(get("organization")),
                    once(get("side")),
                    tuple(aliases) if aliases else (),
                    once(tuple(present_at)) if present_at else (),
                    tuple(evidence) if evidence else (),
                    get("notes"),
                    get("wikidata"),
                )
            )
    return found


def folded(text: str | None) -> str | None:
    """A name or side as compared: its words folded (case, accents, script), one space apart."""
    if not text:
        return None
    if text.isascii():  # the same as below, ten times faster: most names are
        return " ".join(w.replace("'", "").replace("`", "") for w in ASCII_WORD.findall(text.lower())) or None
    return " ".join(fold for fold, _, _ in words(text, split_han=False)) or None


def merge(found: Sequence[Appearance]) -> list[Person]:
    """The people the appearances are (see the module docstring), most briefings first."""
    folds: dict[str, str | None] = {}

    def key(text: str | None) -> str | None:
        if not text:
            return None
        known = folds.get(text, "")
        if known == "":
            known = folds[text] = folded(text)
        return known

    names = [key(a.name) for a in found]
    sides = [key(a.side) for a in found]
    aliases = [tuple(k for alias in a.aliases if (k := key(alias))) for a in found]
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, into: int) -> None:
        """Put `i`'s group into `into`'s, which keeps its root."""
        a, b = root(i), root(into)
        if a != b:
            parent[a] = b

    # 1. One id, one person.
    by_id: dict[str, int] = {}
    for i, a in enumerate(found):
        if a.wikidata:
            join(i, by_id.setdefault(a.wikidata, i))
    # 2. Without ids: the same name (or a name another has as alias) on the same side, or on none.
    loose = [i for i, a in enumerate(found) if not a.wikidata and names[i]]
    by_name: dict[tuple[str | None, str | None], int] = {}
    for i in loose:
        join(i, by_name.setdefault((names[i], sides[i]), i))
    for i in loose:
        for alias in aliases[i]:
            other = by_name.get((alias, sides[i]))
            if other is not None:
                join(i, other)
    # 3. A group with a side joins the one person with an id its names lead to, if that person
    # has no conflicting side.
    if by_id:
        ids = {root(i) for i in by_id.values()}
        id_sides = _sides_of(ids, sides, root)
        leads = _leads([i for i in range(len(found)) if root(i) in ids], names, aliases, root)
        wanted: defaultdict[int, set[int]] = defaultdict(set)
        for i in loose:
            if sides[i] is not None:
                wanted[root(i)].update(_led_to(i, names, aliases, leads))
        for group, candidates in sorted(wanted.items()):
            side = sides[group]
            fitting = {c for c in candidates if not id_sides[c] or side in id_sides[c]}
            if len(fitting) == 1:
                join(group, fitting.pop())
    # 4. A group with no side joins the one person of any kind its names lead to.
    sideless = [i for i in loose if sides[i] is None]
    if sideless:
        leads = _leads(range(len(found)), names, aliases, root)
        candidates_of: defaultdict[int, set[int]] = defaultdict(set)
        for i in sideless:
            candidates_of[root(i)].update(root(c) for c in _led_to(i, names, aliases, leads))
        for group, candidates in sorted(candidates_of.items()):
            candidates.discard(root(group))
            if len({root(c) for c in candidates}) == 1:
                join(group, candidates.pop())
    members: defaultdict[int, list[Appearance]] = defaultdict(list)
    for i, a in enumerate(found):
        members[root(i)].append(a)
    persons = [Person(group) for group in members.values()]
    persons.sort(key=_most_briefings_first)
    return persons


def _most_briefings_first(person: Person) -> tuple[int, int, str]:
    appearances = person.appearances
    if len(appearances) == 1:  # most people: no need to count
        only = appearances[0]
        return -1, -only.date.toordinal(), (only.name or only.role or "").casefold()
    return -person.briefings, -person.last.toordinal(), person.name.casefold()


class _Leads(NamedTuple):
    """Which groups (by root) have a name, and which an alias."""

    by_name: dict[str, set[int]]
    by_alias: dict[str, set[int]]


def _leads(
    among: Iterable[int], names: list[str | None], aliases: list[tuple[str, ...]], root: Callable[[int], int]
) -> _Leads:
    by_name: defaultdict[str, set[int]] = defaultdict(set)
    by_alias: defaultdict[str, set[int]] = defaultdict(set)
    for i in among:
        r = root(i)
        name = names[i]
        if name:
            by_name[name].add(r)
        for alias in aliases[i]:
            by_alias[alias].add(r)
    return _Leads(by_name, by_alias)


def _led_to(i: int, names: list[str | None], aliases: list[tuple[str, ...]], leads: _Leads) -> set[int]:
    """The groups whose name is this appearance's name or alias, or that have its name as alias."""
    found: set[int] = set()
    name = names[i]
    if name:
        found.update(leads.by_name.get(name, ()))
        found.update(leads.by_alias.get(name, ()))
    for alias in aliases[i]:
        found.update(leads.by_name.get(alias, ()))
    return found


def _sides_of(groups: set[int], sides: list[str | None], root: Callable[[int], int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {group: set() for group in groups}
    for i, side in enumerate(sides):
        if side is not None:
            r = root(i)
            if r in found:
                found[r].add(side)
    return found
