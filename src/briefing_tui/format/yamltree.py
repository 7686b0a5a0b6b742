"""A strict, position-keeping YAML reader for hand-written briefing files.

PyYAML's own loaders are too lax for files people must trust: they keep the last of two duplicate keys,
expand alias bombs, honour tags and merge keys. This module walks libyaml's *event* stream instead and
builds plain Python values itself, so that

* anchors, aliases, merge keys and every explicit tag are refused before anything is built or run;
* duplicate keys, nesting depth and key types are checked with the position of the offending text;
* every value keeps its line and column (in a parallel `Pos` tree), so later validation errors can
  point at the exact place in the file;
* a number is kept only when it is written exactly as it prints (`010`, `0x10`, `1_000`, `.inf` are
  refused with a hint), so what is shown is what the file says.

Parsing is iterative (no recursion), so hostile nesting cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from briefing_tui.format.characters import FORBIDDEN_CHARS, describe_forbidden
from briefing_tui.format.scalars import DATE_LIKE, as_written, read_scalar
from briefing_tui.format.syntax import TreeError, TreeProblem, syntax_problem

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
#: Keys with this prefix are allowed in any mapping and ignored, with all they hold.
EXTENSION_PREFIX = "x-"


class Pos:
    """Where a value starts (1-based), and where its children start."""

    __slots__ = ("children", "column", "line", "raw")

    def __init__(self, line: int, column: int, children: Any = None) -> None:
        self.line = line
        self.column = column
        #: key -> (key line, key column, value Pos) for mappings; a list of Pos for sequences.
        self.children: dict[str, tuple[int, int, Pos]] | list[Pos] | None = children
        #: The text as written, for plain scalars YAML did not read as text (`NO`, `1e3`, `~`).
        self.raw: str | None = None

    def child(self, key: str | int) -> Pos:
        """Where the value under a mapping key or at a list index starts; this position if none."""
        children = self.children
        if isinstance(children, dict) and isinstance(key, str) and key in children:
            return children[key][2]
        if isinstance(children, list) and isinstance(key, int) and key < len(children):
            return children[key]
        return self


def items_at(data: dict[str, Any], pos: Pos, key: str) -> Iterator[tuple[Any, Pos]]:
    """The items of the list under `key` in `data` (at `pos`), each with its position."""
    values = data.get(key)
    if not isinstance(values, list):
        return
    list_pos = pos.child(key)
    for index, value in enumerate(values):
        yield value, list_pos.child(index)


class _Frame:
    """An open mapping or sequence while its events stream in."""

    __slots__ = (
        "awaiting_key",
        "children",
        "drop_value",
        "ignored",
        "is_map",
        "key",
        "key_pos",
        "pos",
        "seen",
        "value",
    )

    def __init__(self, value: dict[str, Any] | list[Any], pos: Pos, ignored: bool) -> None:
        # A dict or a list, and the children of `pos` to match: `is_map` tells which, more cheaply
        # than isinstance for every value, so the types cannot be narrowed.
        self.value: Any = value
        self.children: Any = pos.children
        self.pos = pos
        self.is_map = isinstance(value, dict)
        # Inside the value of an x- key (or a dropped duplicate): parsed and checked for safety,
        # but no schema applies and nothing is kept.
        self.ignored = ignored
        self.key: str | None = None
        self.key_pos: tuple[int, int] = (0, 0)
        self.awaiting_key = True
        self.drop_value = False
        self.seen: dict[str, int] = {}


def _events(text: str) -> Iterator[yaml.Event]:
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            if event is None:
                return
            yield event
            if type(event) is yaml.StreamEndEvent:
                return
    finally:
        loader.dispose()


def read_tree(text: str, problems: list[TreeProblem]) -> tuple[Any, Pos]:
    """Parse one YAML document into plain values and their positions.

    Problems that still leave a usable tree (duplicate keys, anchors, bad scalars) are appended to
    `problems`; a stream that cannot be read raises `TreeError`. The loop is written flat, with
    type dispatch instead of helper calls, because it runs once per YAML event.
    """
    stack: list[_Frame] = []
    top: _Frame | None = None
    root: Any = None
    root_pos = Pos(1, 1)
    documents = 0
    forbidden = FORBIDDEN_CHARS.search
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)

    def fail(line: int, column: int, message: str, code: str) -> None:
        problems.append(TreeProblem(line, column, message, code))

    # Dispatched on its exact type, which is faster than isinstance but lets mypy narrow nothing.
    event: Any
    try:
        for event in _events(text):
            kind = type(event)
            if kind is scalar_event or kind is map_start or kind is seq_start or kind is alias_event:
                mark = event.start_mark
                pos = Pos(mark.line + 1, mark.column + 1)
                if event.anchor is not None:
                    if kind is alias_event:
                        fail(
                            pos.line,
                            pos.column,
                            f"aliases (*{event.anchor}) are not allowed; write the value out",
                            "alias",
                        )
                    else:
                        fail(
                            pos.line,
                            pos.column,
                            f"anchors (&{event.anchor}) are not allowed; write the value out",
                            "anchor",
                        )
                if kind is not alias_event and event.tag is not None:
                    fail(
                        pos.line,
                        pos.column,
                        f"tags ({as_written(event.tag)}) are not allowed in a briefing; remove the tag",
                        "tag",
                    )
                ignored = top is not None and (
                    top.ignored or (top.is_map and not top.awaiting_key and top.drop_value)
                )
                if kind is scalar_event:
                    if top is not None and top.is_map and top.awaiting_key:
                        value: Any = event.value  # keys are always text
                    else:
                        value, why, read_as_other = read_scalar(event)
                        if read_as_other:
                            pos.raw = event.value
                        if why and not ignored:
                            fail(pos.line, pos.column, why, "date" if DATE_LIKE.match(value) else "number")
                    if type(value) is str:
                        bad = forbidden(value)
                        if bad:
                            fail(pos.line, pos.column, describe_forbidden(bad.group()), "control-character")
                elif kind is alias_event:
                    value = None
                else:
                    if len(stack) >= MAX_DEPTH:
                        fail(
                            pos.line,
                            pos.column,
                            f"nesting deeper than {MAX_DEPTH} levels is not allowed",
                            "depth",
                        )
                        raise TreeError(problems)
                    if kind is map_start:
                        pos.children = {}
                        top = _Frame({}, pos, ignored)
                    else:
                        pos.children = []
                        top = _Frame([], pos, ignored)
                    stack.append(top)
                    continue
            elif kind in ends:
                done = stack.pop()
                value, pos = done.value, done.pos
                top = stack[-1] if stack else None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    fail(
                        mark.line + 1,
                        mark.column + 1,
                        "a briefing file holds one YAML document; this is a second one",
                        "syntax",
                    )
                    break
                continue
            else:
                continue

            # Attach the finished value to its parent.
            if top is None:
                root, root_pos = value, pos
            elif not top.is_map:
                top.value.append(value)
                top.children.append(pos)
            elif top.awaiting_key:
                top.awaiting_key = False
                top.drop_value = False
                if type(value) is not str:
                    fail(pos.line, pos.column, "a key must be plain text, not a list or mapping", "key-type")
                    top.key, top.drop_value = None, True
                    continue
                top.key, top.key_pos = value, (pos.line, pos.column)
                first = top.seen.get(value)
                if first is not None:
                    fail(
                        pos.line,
                        pos.column,
                        f"duplicate key {value!r}: the first is on line {first}; keep only one",
                        "duplicate-key",
                    )
                    top.drop_value = True
                    continue
                top.seen[value] = pos.line
                if value == "<<":
                    fail(
                        pos.line,
                        pos.column,
                        "merge keys (<<) are not allowed; write the keys out",
                        "merge-key",
                    )
                    top.drop_value = True
                elif value.startswith(EXTENSION_PREFIX):
                    top.drop_value = True
            else:
                top.awaiting_key = True
                if not top.drop_value:
                    top.value[top.key] = value
                    top.children[top.key] = (*top.key_pos, pos)
    except yaml.YAMLError as exc:
        problems.append(syntax_problem(exc, text))
        raise TreeError(problems) from None
    if documents == 0:
        raise TreeError([*problems, TreeProblem(None, None, "the file holds no YAML document")])
    return root, root_pos
