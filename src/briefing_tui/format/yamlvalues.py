"""The values of a YAML document as briefings allow it, without positions: the loader's fast path.

`yamltree.read_tree` keeps every value's line and column in a parallel tree, which a good file never
needs: half its time and much of its memory. This walk reads the same libyaml events and builds the
same values, but stops (`Unsure`) at the first thing `read_tree` would report: an anchor, an alias, a
tag, a merge key, a duplicate key, a key that is no text, nesting past `MAX_DEPTH`, a number or date
YAML would read differently from how it is written, a forbidden character, a second document or none,
or YAML that cannot be read. The loader then reads the file again with `read_tree`, which says what
and where. So whenever this returns, `read_tree` would return the same values and no problem.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.resolver import Resolver

from briefing_tui.format.characters import FORBIDDEN_CHARS
from briefing_tui.format.scalars import read_scalar

try:  # the same parser as `yamltree`'s: the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: As in `yamltree` (which imports this module's rules from there would cost the fast path its import).
MAX_DEPTH = 64
EXTENSION_PREFIX = "x-"
#: A plain scalar whose first character starts none of these patterns is text (see `Resolver.resolve`).
_RESOLVERS: dict[str | None, list[tuple[str, Any]]] = Resolver.yaml_implicit_resolvers
assert None not in _RESOLVERS  # no pattern for every first character
_AWAITING = object()


class Unsure(Exception):
    """`read_tree` would report a problem (or this reader cannot tell): read the file with it."""


class _Frame:
    __slots__ = ("drop", "extensions", "ignored", "is_map", "key", "value")

    def __init__(self, value: Any, is_map: bool, ignored: bool) -> None:
        self.value = value
        self.is_map = is_map
        #: Inside the value of an x- key: checked for safety, but numbers are not read.
        self.ignored = ignored
        self.key: Any = _AWAITING
        #: Whether the value of the current key is dropped (an x- key's).
        self.drop = False
        #: The x- keys seen, which are not kept but may not be given twice.
        self.extensions: set[str] | None = None


def read_values(text: str, *, clean: bool = False) -> Any:
    """The values of the one YAML document in `text`, or `Unsure` (see the module docstring).
    `clean`: the caller found no forbidden character in `text` (the loader looks before parsing).

    Written flat, with type dispatch instead of helper calls: it runs once per YAML event."""
    if not clean and FORBIDDEN_CHARS.search(text) is not None:
        raise Unsure  # then only double-quoted scalars (escapes) need checking
    forbidden = FORBIDDEN_CHARS.search
    resolvers = _RESOLVERS
    scalar_event, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end, doc_start = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.DocumentStartEvent
    stream_end = yaml.StreamEndEvent
    stack: list[_Frame] = []
    top: _Frame | None = None
    root: Any = None
    documents = 0
    loader = _Loader(text)
    get_event = loader.get_event
    event: Any
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    raise Unsure
                value: Any = event.value
                style = event.style
                if style == '"' and forbidden(value) is not None:
                    raise Unsure
                if top is not None and top.is_map and top.key is _AWAITING:
                    if value in top.value or value == "<<":
                        raise Unsure
                    if value.startswith(EXTENSION_PREFIX):
                        if top.extensions is None:
                            top.extensions = set()
                        elif value in top.extensions:
                            raise Unsure
                        top.extensions.add(value)
                        top.drop = True
                    else:
                        top.drop = False
                    top.key = value
                    continue
                if not style:
                    # A plain scalar: text, unless YAML 1.1 reads it as something else.
                    for _, pattern in resolvers.get(value[:1], ()):
                        if pattern.match(value):
                            value, why, _ = read_scalar(event)
                            if why and not (top is not None and (top.ignored or top.drop)):
                                raise Unsure
                            break
            elif kind is map_start or kind is seq_start:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    raise Unsure
                if top is not None and top.is_map and top.key is _AWAITING:
                    raise Unsure  # a key that is a list or a mapping
                ignored = top is not None and (top.ignored or (top.is_map and top.drop))
                top = _Frame({} if kind is map_start else [], kind is map_start, ignored)
                stack.append(top)
                continue
            elif kind is map_end or kind is seq_end:
                value = stack.pop().value
                top = stack[-1] if stack else None
            elif kind is doc_start:
                documents += 1
                if documents > 1:
                    raise Unsure
                continue
            elif kind is stream_end or event is None:
                break
            elif kind is yaml.AliasEvent:
                raise Unsure
            else:
                continue
            # Attach the finished value to its parent.
            if top is None:
                root = value
            elif not top.is_map:
                top.value.append(value)
            else:
                if not top.drop:
                    top.value[top.key] = value
                top.key = _AWAITING
    except yaml.YAMLError:
        raise Unsure from None
    finally:
        loader.dispose()
    if documents == 0:
        raise Unsure
    return root
