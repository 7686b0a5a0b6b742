"""Warnings: what a valid briefing probably gets wrong, though the format allows it.

A warning never stops a file from loading; `check` prints them after any errors (exit status 1
only with `--strict`), and each has a stable id, its `Problem.code`, to turn it off in the config
(`warnings: {off: [quote-ambiguous]}`). They are looked for in files without errors, on the tree
the loader read (`format/tap.py`), each at the place of the item it is about:

    participant-present-nowhere  a named participant without `present_at` in a briefing with
                                 events (`present_at: []` says "none, or the article does not say";
                                 groups and unnamed officials, with a role only, are not asked)
    quote-ambiguous              an evidence quote found more than once in the source, compared
                                 as `quotes` compares it: the source view highlights the first
    key-point-without-evidence   a key point without evidence in a briefing with a source file
    agreement-party-not-a-side   an agreement party that is no participant's side (nor
                                 organization), compared case and accents aside, word for word
                                 within ("Republic of Kazakhstan" is side "Kazakhstan"); not
                                 asked when no participant has a side
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from typing import Any

from briefing_tui.format.invisible import has_visible
from briefing_tui.format.problems import Problem
from briefing_tui.format.quotes import Haystack, normalise_quote
from briefing_tui.format.suggest import Suggester
from briefing_tui.format.yamltree import Pos, items_at

#: Every warning's id and what it says, in the order `check --help` and the docs list them.
WARNINGS: dict[str, str] = {
    "participant-present-nowhere": "a named participant without present_at in a briefing with events",
    "quote-ambiguous": "an evidence quote found more than once in the source (the first is highlighted)",
    "key-point-without-evidence": "a key point without evidence in a briefing with a source file",
    "agreement-party-not-a-side": "an agreement party that is no participant's side or organization",
}
#: Occurrences of one quote counted before "over" is said; their lines named in the message.
MAX_COUNTED = 1000
MAX_LINES = 3
#: Names listed in a message before "and N more".
MAX_LISTED = 4


class KeyPath(Pos):
    """A place in a document named by its keys and indexes, where no positions were read (the
    loader's fast path): warnings are looked for with these, and only when one is found is the
    text read again with positions to say where (`placed`)."""

    __slots__ = ("keys",)

    def __init__(self, keys: tuple[str | int, ...] = ()) -> None:
        super().__init__(0, 0)
        self.keys = keys

    def child(self, key: str | int) -> Pos:
        return KeyPath((*self.keys, key))


def _resolved(root: Pos, at: Pos) -> Pos:
    """`at`, a `KeyPath`, as the place it names in the tree read with positions."""
    if isinstance(at, KeyPath):
        for key in at.keys:
            root = root.child(key)
        return root
    return at


def briefing_warnings(
    data: Any,
    pos: Pos | None,
    shown: str,
    source_text: str | None,
    *,
    off: Collection[str] = (),
    text: str = "",
) -> list[Problem]:
    """The warnings of a briefing read as `data` at `pos` (a file without errors), whose source
    file holds `source_text`; `shown` is the name its problems carry. In file order. `pos` None:
    the loader read no positions; `text` is read again for them if a warning is found."""
    if not isinstance(data, dict):
        return []
    root = KeyPath() if pos is None else pos
    found = _found(data, root, source_text, off)
    if pos is None and found:
        from briefing_tui.format.yamltree import read_tree

        _, read = read_tree(text, [])
        found = [(_resolved(read, at), message, code) for at, message, code in found]
    found.sort(key=lambda f: (f[0].line, f[0].column))
    return [Problem(shown, at.line, at.column, message, code, "warning") for at, message, code in found]


def _found(
    data: dict[str, Any], pos: Pos, source_text: str | None, off: Collection[str]
) -> list[tuple[Pos, str, str]]:
    found: list[tuple[Pos, str, str]] = []
    if "participant-present-nowhere" not in off:
        found += _present_nowhere(data, pos)
    source = data.get("source")
    source_name = source.get("file") if isinstance(source, dict) else None
    if isinstance(source_name, str) and source_text is not None:
        if "quote-ambiguous" not in off:
            found += _ambiguous_quotes(data, pos, source_name, source_text)
        if "key-point-without-evidence" not in off:
            found += _points_without_evidence(data, pos, source_name)
    if "agreement-party-not-a-side" not in off:
        found += _parties_not_sides(data, pos)
    return found


def _present_nowhere(data: dict[str, Any], pos: Pos) -> Iterator[tuple[Pos, str, str]]:
    events = [e["name"] for e in data.get("events") or () if isinstance(e, dict) and "name" in e]
    if not events:
        return
    listed = _listed(events)
    for person, person_pos in items_at(data, pos, "participants"):
        if not isinstance(person, dict) or "present_at" in person or not isinstance(person.get("name"), str):
            continue
        yield (
            person_pos,
            f"participant {person['name']!r} is present at no event ({listed}): add present_at with "
            "the events they attended, or present_at: [] if none or the article does not say",
            "participant-present-nowhere",
        )


def _evidence(data: dict[str, Any], pos: Pos) -> Iterator[tuple[str, Pos]]:
    for section in ("key_points", "agreements", "events", "figures", "participants"):
        for item, item_pos in items_at(data, pos, section):
            quotes = item.get("evidence") if isinstance(item, dict) else None
            quotes_pos = item_pos.child("evidence")
            if isinstance(quotes, str):
                yield quotes, quotes_pos
            elif isinstance(quotes, list):
                yield from ((q, quotes_pos.child(i)) for i, q in enumerate(quotes) if isinstance(q, str))


def _ambiguous_quotes(
    data: dict[str, Any], pos: Pos, source_name: str, source_text: str
) -> Iterator[tuple[Pos, str, str]]:
    haystack: Haystack | None = None  # made at the first quote
    said: dict[str, str | None] = {}  # a quote given many times is counted once
    for quote, quote_pos in _evidence(data, pos):
        if quote not in said:
            needle = normalise_quote(quote)
            if not has_visible(needle):
                said[quote] = None
                continue
            if haystack is None:
                haystack = Haystack(unicodedata.normalize("NFC", source_text))
            said[quote] = _occurrences(needle, haystack, source_name)
        message = said[quote]
        if message is not None:
            yield quote_pos, message, "quote-ambiguous"


def _occurrences(needle: str, haystack: Haystack, source_name: str) -> str | None:
    """What to say of a quote found more than once (overlapping finds count), or None."""
    text = haystack.text
    starts: list[int] = []
    at = text.find(needle)
    while at >= 0 and len(starts) <= MAX_COUNTED:
        starts.append(at)
        at = text.find(needle, at + 1)
    if len(starts) < 2:
        return None
    count = f"over {MAX_COUNTED:,}" if len(starts) > MAX_COUNTED else f"{len(starts):,}"
    lines = [haystack.source.count("\n", 0, haystack.offset(start)) + 1 for start in starts[:MAX_LINES]]
    where = ", ".join(map(str, lines)) + (", ..." if len(starts) > MAX_LINES else "")
    shown = needle if len(needle) <= 60 else needle[:57] + "..."
    return (
        f"evidence {shown!r} occurs {count} times in {source_name!r} (lines {where}): the source view "
        "highlights the first; quote more of the passage to make it unique"
    )


def _points_without_evidence(
    data: dict[str, Any], pos: Pos, source_name: str
) -> Iterator[tuple[Pos, str, str]]:
    for point, point_pos in items_at(data, pos, "key_points"):
        text = point.get("text") if isinstance(point, dict) else point
        evidence = point.get("evidence") if isinstance(point, dict) else None
        if evidence or not isinstance(text, str):
            continue
        shown = text if len(text) <= 60 else text[:57] + "..."
        yield (
            point_pos,
            f"key point {shown!r} has no evidence: add the words of {source_name!r} that support it "
            "under evidence",
            "key-point-without-evidence",
        )


_NOT_WORD = re.compile(r"[\W_]+")


def _words(text: str) -> tuple[str, ...]:
    """Text compared as a side: case, accents and punctuation aside, without a leading 'the'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = tuple(_NOT_WORD.sub(" ", plain.casefold()).split())
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _parties_not_sides(data: dict[str, Any], pos: Pos) -> Iterator[tuple[Pos, str, str]]:
    sides: dict[str, None] = {}
    names: set[str] = set()
    for person, _ in items_at(data, pos, "participants"):
        if not isinstance(person, dict):
            continue
        for key in ("side", "organization"):
            value = person.get(key)
            if isinstance(value, str) and has_visible(value):
                names.add(value)
                if key == "side":
                    sides.setdefault(value.strip())
    known = {_words(name) for name in names}  # most participants share a few sides
    known.discard(())
    if not sides:
        return  # a briefing that gives no sides has nothing to compare parties with
    listed = _listed(list(sides), "sides")
    suggest = Suggester(sides, ignore_case=True)
    for agreement, agreement_pos in items_at(data, pos, "agreements"):
        parties = agreement.get("parties") if isinstance(agreement, dict) else None
        if not isinstance(parties, list):
            continue
        title = agreement.get("title")
        of = f" of {title!r}" if isinstance(title, str) and len(title) <= 60 else ""
        parties_pos = agreement_pos.child("parties")
        for index, party in enumerate(parties):
            if not isinstance(party, str) or not (words := _words(party)):
                continue
            if any(words == k or _within(k, words) or _within(words, k) for k in known):
                continue
            yield (
                parties_pos.child(index),
                f"party {party!r}{of} is no participant's side or organization ({listed})"
                f"{suggest.hint(party)}",
                "agreement-party-not-a-side",
            )


def _listed(names: list[str], what: str = "events") -> str:
    shown = ", ".join(map(repr, names[:MAX_LISTED]))
    more = f" and {len(names) - MAX_LISTED:,} more" if len(names) > MAX_LISTED else ""
    return f"{what}: {shown}{more}"
