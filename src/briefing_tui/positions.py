"""Where an item (or one of its fields) is written in its briefing file, and where a problem points.

A loaded briefing keeps no positions: the file is read again with the positioned reader
(`format/yamltree.py`) when one is needed (`e` opens the editor there), which takes milliseconds
for a file of hundreds of people. An item is addressed as `items.Ref`; its place in the YAML is
its kind's attribute and its index (`participants[3]`). Never imports textual.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.editor import Target

if TYPE_CHECKING:
    from briefing_tui.format.yamltree import Pos
    from briefing_tui.items import Ref

#: A field's label in the details dialog -> its keys in the YAML (None: not in the file).
_FIELD_KEYS: dict[str, tuple[str, ...] | None] = {
    "Organisation": ("organization",),
    "Outlet": ("source", "outlet"),
    "URL": ("source", "url"),
    "Source file": ("source", "file"),
    "Attended by": None,  # computed from the participants' present_at
    "File": None,
}


def field_keys(label: str) -> tuple[str, ...] | None:
    """The YAML keys of the details field `label` ("Present at" -> present_at)."""
    if label in _FIELD_KEYS:
        return _FIELD_KEYS[label]
    return (label.lower().replace(" ", "_"),)


def _tree(path: Path) -> Pos | None:
    from briefing_tui.format.syntax import TreeError
    from briefing_tui.format.yamltree import read_tree

    try:
        text = path.read_text(encoding="utf-8")
        return read_tree(text, [])[1]
    except (OSError, UnicodeDecodeError, TreeError):
        return None


def _key(pos: Pos, key: str) -> tuple[int, int, Pos] | None:
    children = pos.children
    return children.get(key) if isinstance(children, dict) else None


def item_target(path: Path, ref: Ref, label: str | None = None) -> Target:
    """Where the item `ref` (its field `label`, if given and written) starts in the file at
    `path`; the file's start if the file no longer reads or holds it."""
    from briefing_tui.items import kind_of

    root = _tree(path)
    if root is None:
        return Target(path)
    attribute = kind_of(ref).attribute
    line, column, pos = root.line, root.column, root
    if attribute is not None:
        found = _key(root, attribute)
        items = found[2].children if found else None
        if not isinstance(items, list) or ref.index >= len(items):
            return Target(path, *(found[:2] if found else (1, 1)))
        pos = items[ref.index]
        line, column = pos.line, pos.column
    keys = field_keys(label) if label is not None else (("headline",) if attribute is None else None)
    for key in keys or ():
        entry = _key(pos, key)
        if entry is None:
            break
        line, column, pos = entry
    return Target(path, line, column)


_PLACE = re.compile(r":(\d+):(\d+): ")


def problem_target(problem: str, default: Path | None = None) -> Target | None:
    """Where the problem `PATH:LINE:COL: message` points (`PATH: message`: the file's start), or
    None when it names no file there is. A path may hold colons: the first prefix naming a file
    is taken."""
    for match in _PLACE.finditer(problem):
        path = Path(problem[: match.start()])
        if path.is_file():
            return Target(path, int(match.group(1)), int(match.group(2)))
    for match in re.finditer(": ", problem):
        if (path := Path(problem[: match.start()])).is_file():
            return Target(path)
    if default is not None and default.is_file():
        return Target(default)
    return None


def text_target(path: Path, text: str, offset: int) -> Target:
    """The line and column (1-based, in characters) of `offset` in `text`, the file at `path`."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Target(path, line, column)
