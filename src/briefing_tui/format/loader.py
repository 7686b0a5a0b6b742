"""Load a briefing/1 YAML file into a `Briefing`, or say precisely what is wrong with it.

Every problem of a file is reported at once, each as `PATH:LINE:COL: message` (1-based), so a person
can fix the file in one pass. Nothing in the file is ever executed: see `yamltree` for the YAML side.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from briefing_tui.format.model import (
    DATE_AND_TIME,
    Agreement,
    Briefing,
    Event,
    Figure,
    KeyPoint,
    Participant,
    Source,
)
from briefing_tui.format.quotes import normalise_quote
from briefing_tui.format.suggest import did_you_mean
from briefing_tui.format.yamltree import (
    EXTENSION_PREFIX,
    FORBIDDEN_CHARS,
    UNSAFE_CHARS,
    Pos,
    TreeError,
    TreeProblem,
    date_problem,
    describe_forbidden,
    read_tree,
)

#: Files larger than this are refused before they are read.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: Control characters reported per file before the rest are summed up in one line.
MAX_CHAR_PROBLEMS = 20


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column when it has a place."""

    path: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        path = _printable(self.path)
        if self.line is None:
            return f"{path}: {self.message}"
        return f"{path}:{self.line}:{self.column}: {self.message}"


def _printable(text: str) -> str:
    """A file name as it may reach a terminal: control characters written as escapes."""
    return FORBIDDEN_CHARS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class BriefingError(Exception):
    """A briefing file could not be loaded; `.problems` lists every reason, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# -- reading bytes --------------------------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _offset_to_pos(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def read_text(path: Path, shown: str, *, max_bytes: int, what: str = "file") -> str:
    """The UTF-8 text of a regular file, or `BriefingError` saying why it cannot be had."""

    def fail(message: str, line: int | None = None, column: int | None = None) -> BriefingError:
        return BriefingError([Problem(shown, line, column, message)])

    try:
        info = path.stat()
    except FileNotFoundError:
        raise fail(f"{what} not found") from None
    except OSError as exc:
        raise fail(f"cannot read {what}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise fail(f"{what} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise fail(f"{what} is not a regular file")
    if info.st_size > max_bytes:
        raise fail(f"{what} is {info.st_size:,} bytes, over the {_size(max_bytes)} limit for briefings")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise fail(f"cannot read {what}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise fail(f"{what} grew past the {_size(max_bytes)} limit while reading")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise fail(
            f"not valid UTF-8: byte 0x{data[exc.start]:02X} at byte offset {exc.start}; "
            "save the file as UTF-8",
            line,
            column,
        ) from None
    return text.removeprefix("\ufeff")


def _size(count: int) -> str:
    for unit, scale in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if count >= scale and count % scale == 0:
            return f"{count // scale} {unit}"
    return f"{count:,}-byte"


def _forbidden_chars(text: str, shown: str, pattern: re.Pattern[str] = FORBIDDEN_CHARS) -> list[Problem]:
    problems: list[Problem] = []
    matches = pattern.finditer(text)
    first = next(matches, None)
    if first is None:
        return problems
    starts = _line_starts(text)
    count = 0
    for match in (first, *matches):
        count += 1
        if count <= MAX_CHAR_PROBLEMS:
            line, column = _offset_to_pos(starts, match.start())
            problems.append(Problem(shown, line, column, describe_forbidden(match.group())))
    if count > MAX_CHAR_PROBLEMS:
        problems.append(Problem(shown, None, None, f"{count - MAX_CHAR_PROBLEMS} more control characters"))
    return problems


# -- positions of validation errors ---------------------------------------------------------------


def _locate(pos: Pos, loc: tuple[int | str, ...]) -> tuple[Pos, int | str | None, bool]:
    """The deepest position `loc` reaches, the last key reached, and whether all of `loc` was found."""
    last: int | str | None = None
    for part in loc:
        children = pos.children
        if isinstance(children, dict) and isinstance(part, str) and part in children:
            pos, last = children[part][2], part
        elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
            pos, last = children[part], part
        else:
            return pos, last, False
    return pos, last, True


def _key_pos(pos: Pos, loc: tuple[int | str, ...]) -> tuple[int, int]:
    """Where the key that ends `loc` is written, for problems with the key itself."""
    parent, _, _ = _locate(pos, loc[:-1])
    if isinstance(parent.children, dict) and loc and loc[-1] in parent.children:
        line, column, _ = parent.children[loc[-1]]  # type: ignore[index]
        return line, column
    return parent.line, parent.column


_CHILD_MODELS: dict[str, type[BaseModel]] = {
    "source": Source,
    "key_points": KeyPoint,
    "agreements": Agreement,
    "events": Event,
    "figures": Figure,
    "participants": Participant,
}
_NOUNS = {
    "key_points": "key point",
    "agreements": "agreement",
    "events": "event",
    "figures": "figure",
    "participants": "participant",
}


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel]:
    return _CHILD_MODELS.get(str(loc[0]), Briefing) if loc else Briefing


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


def _quote_hint(key: int | str | None, raw: str | None) -> str:
    if raw is None:
        return ""
    written = f'{key}: "{raw}"' if isinstance(key, str) else f'- "{raw}"'
    return f"; if you mean the text, quote it: {written}"


def _message(error: dict[str, Any], pos: Pos, key: int | str | None) -> str:
    kind, value = error["type"], error.get("input")
    raw = pos.raw
    if kind == "missing":
        return f"missing required key {error['loc'][-1]!r}"
    if kind in {
        "string_type",
        "model_type",
        "model_attributes_type",
        "dict_type",
        "tuple_type",
        "list_type",
        "date_type",
        "int_type",
        "float_type",
    }:
        wanted = {
            "string_type": "text",
            "tuple_type": "a list",
            "list_type": "a list",
            "date_type": "a date like 2026-02-04",
            "int_type": "a number",
            "float_type": "a number",
        }.get(kind, "a mapping (key: value)")
        found = _kind(value)
        if isinstance(value, bool) and raw is not None:
            found = f"the boolean {str(value).lower()} (YAML reads {raw} as a boolean)"
        elif raw is not None and value is not None and not isinstance(value, str):
            found = f"{found} ({raw})"
        hint = _quote_hint(key, raw) if wanted == "text" and value is not None else ""
        if wanted == "text" and value is None:
            hint = "; write the text or remove the key"
        elif wanted == "a list" and isinstance(value, str) and isinstance(key, str):
            hint = f"; write a list, even of one item: {key}: [{value}]"
        return f"expected {wanted}, found {found}{hint}"
    if kind in {"string_too_short", "string_pattern_mismatch"}:
        return "must not be empty"
    if kind == "too_short":
        noun = _NOUNS.get(str(key), "item")
        return f"needs at least one {noun}"
    if kind in {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        why = date_problem(value) if isinstance(value, str) else None
        written = raw or (value if isinstance(value, str) else str(value))
        return why or f"expected a date like 2026-02-04, found {written!r}"
    if kind == "literal_error" and key == "briefing":
        if isinstance(value, str):
            return f"the format version is the number 1, not the text {value!r}: remove the quotes"
        return f"unsupported format version {raw or value}: this browser reads 'briefing: 1'"
    if kind == "value_error":
        message = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
        if raw is not None and message.endswith(DATE_AND_TIME):
            message = message.removesuffix(DATE_AND_TIME) + repr(raw)
        return message
    return error["msg"][:1].lower() + error["msg"][1:]


_KEY_ERRORS = frozenset({"missing", "extra_forbidden"})


def _validation_problems(
    exc: ValidationError, pos: Pos, shown: str, skip: set[tuple[int, int]]
) -> Iterator[Problem]:
    seen: set[tuple[int, int]] = set()
    errors = exc.errors(include_url=False)
    # pydantic also calls a list "too short" when its only items failed: that is not a problem of its own.
    failed_within = {tuple(e["loc"][:i]) for e in errors for i in range(1, len(e["loc"]))}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and loc in failed_within:
            continue
        if error["type"] == "extra_forbidden":
            line, column = _key_pos(pos, loc)
            model = _model_at(loc[:-1])
            known = [k for k in model.model_fields if not k.startswith("_")]
            name = str(loc[-1])
            where = "a briefing" if model is Briefing else f"{_NOUNS.get(str(loc[0]), 'source')!s}"
            message = f"unknown key {name!r} in {where}{did_you_mean(name, known)}"
            if not did_you_mean(name, known):
                message += f" (known keys: {', '.join(known)}; or prefix it with 'x-')"
        else:
            # A loc may run past the file (a union's branch names): the deepest point found is the value.
            at, key, _ = _locate(pos, loc)
            line, column = at.line, at.column
            if (line, column) in skip:
                continue
            message = _message(error, at, key)
            if key == "value" and loc[0] == "figures":
                message = f"expected text or a number, found {_kind(error.get('input'))}"
            if error["type"] == "missing" and len(loc) > 1:
                noun = _NOUNS.get(str(loc[0]), str(loc[0]))
                message = f"{message} in this {noun}"
        # One problem per place and kind: a union reports each of its branches.
        place = (line, column, *(("key", loc[-1]) if error["type"] in _KEY_ERRORS else ("value",)))
        if place in seen:
            continue
        seen.add(place)
        yield Problem(shown, line, column, message)


# -- checks across the document ------------------------------------------------------------------


def _items(data: dict[str, Any], pos: Pos, key: str) -> Iterator[tuple[Any, Pos, int]]:
    values = data.get(key)
    if not isinstance(values, list):
        return
    children = pos.children.get(key) if isinstance(pos.children, dict) else None
    item_pos = children[2].children if children else None
    for index, value in enumerate(values):
        if isinstance(item_pos, list) and index < len(item_pos):
            yield value, item_pos[index], index


def _child(pos: Pos, key: str | int) -> Pos:
    children = pos.children
    if isinstance(children, dict) and key in children:
        return children[key][2]  # type: ignore[index]
    if isinstance(children, list) and isinstance(key, int) and key < len(children):
        return children[key]
    return pos


def _evidence(data: dict[str, Any], pos: Pos) -> Iterator[tuple[str, Pos]]:
    for section in ("key_points", "agreements", "events", "figures", "participants"):
        for item, item_pos, _ in _items(data, pos, section):
            if not isinstance(item, dict):
                continue
            quotes = item.get("evidence")
            quotes_pos = _child(item_pos, "evidence")
            if isinstance(quotes, str):
                yield quotes, quotes_pos
            elif isinstance(quotes, list):
                for index, quote in enumerate(quotes):
                    if isinstance(quote, str):
                        yield quote, _child(quotes_pos, index)


def _closest_passage(quote: str, source: str) -> str:
    if len(source) > 2_000_000 or len(quote) > 1000:
        return ""  # the alignment is quadratic; a hint is not worth seconds
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(quote, source)
    if found is None or found.score < 60:
        return ""
    passage = source[found.dest_start : found.dest_end]
    return f"; closest passage: {passage!r}"


def _cross_checks(
    data: dict[str, Any], pos: Pos, shown: str, path: Path, max_bytes: int
) -> tuple[list[Problem], str | None]:
    """Problems no single field can see: events named by present_at, the source and its quotes."""
    problems: list[Problem] = []
    events: dict[str, int] = {}
    for event, event_pos, _ in _items(data, pos, "events"):
        name = event.get("name") if isinstance(event, dict) else None
        if not isinstance(name, str):
            continue
        at = _child(event_pos, "name")
        if name in events:
            problems.append(
                Problem(
                    shown,
                    at.line,
                    at.column,
                    f"event {name!r} is named twice: the first is on line "
                    f"{events[name]}; event names must be unique",
                )
            )
        else:
            events[name] = at.line
    for person, person_pos, _ in _items(data, pos, "participants"):
        names = person.get("present_at") if isinstance(person, dict) else None
        if not isinstance(names, list):
            continue
        names_pos = _child(person_pos, "present_at")
        for index, name in enumerate(names):
            if isinstance(name, str) and name not in events:
                at = _child(names_pos, index)
                hint = did_you_mean(name, events)
                if not hint:
                    hint = (
                        f" (events: {', '.join(map(repr, events))})"
                        if events
                        else "; the briefing has no events: add them under 'events'"
                    )
                problems.append(
                    Problem(shown, at.line, at.column, f"present_at names no event {name!r}{hint}")
                )

    source = data.get("source")
    file_name = source.get("file") if isinstance(source, dict) else None
    if not isinstance(file_name, str) or not file_name.strip():
        return problems, None
    at = _child(_child(pos, "source"), "file")

    def fail(message: str) -> tuple[list[Problem], None]:
        problems.append(Problem(shown, at.line, at.column, message))
        return problems, None

    if os.path.isabs(file_name) or re.match(r"^[A-Za-z]:[\\/]", file_name):
        return fail(f"source file {file_name!r} must be relative to the briefing's folder")
    if FORBIDDEN_CHARS.search(file_name) or "\0" in file_name:
        return problems, None  # already reported where the name is written
    try:
        folder = path.parent.resolve()
        target = (folder / file_name).resolve()
        if not target.is_relative_to(folder):
            return fail(f"source file {file_name!r} is outside the briefing's folder")
        if not target.exists():
            return fail(f"source file {file_name!r} not found in {str(folder)!r}")
    except (OSError, RuntimeError, ValueError) as exc:  # symlink loops, names too long
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return fail(f"source file {file_name!r} cannot be opened: {reason}")
    source_shown = os.path.join(os.path.dirname(shown), file_name)
    try:
        text = read_text(target, source_shown, max_bytes=max_bytes, what="source file")
    except BriefingError as exc:
        problems.extend(exc.problems)
        return problems, None
    bad_chars = _forbidden_chars(text, source_shown, UNSAFE_CHARS)
    if bad_chars:
        problems.extend(bad_chars)
        return problems, None
    haystack = normalise_quote(text)
    hints = 0
    for quote, quote_pos in _evidence(data, pos):
        needle = normalise_quote(quote)
        if needle and needle not in haystack:
            hints += 1
            closest = _closest_passage(needle, haystack) if hints <= 20 else ""
            shown_quote = quote if len(quote) <= 80 else quote[:77] + "..."
            problems.append(
                Problem(
                    shown,
                    quote_pos.line,
                    quote_pos.column,
                    f"evidence not found in {file_name!r}: {shown_quote!r}{closest}",
                )
            )
    return problems, text


# -- the loader ----------------------------------------------------------------------------------


def load_briefing(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Briefing:
    """Load and validate one briefing file; raise `BriefingError` with every problem found."""
    path = Path(path)
    shown = str(path)
    text = read_text(path, shown, max_bytes=max_bytes)
    problems = _forbidden_chars(text, shown)
    if problems:
        raise BriefingError(problems)
    return parse_briefing(text, path, shown=shown, max_bytes=max_bytes)


def parse_briefing(
    text: str, path: Path, *, shown: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Briefing:
    """Validate briefing text as if read from `path` (the source file is looked up beside it)."""
    shown = shown or str(path)
    tree_problems: list[TreeProblem] = []
    with paused_gc():
        try:
            data, pos = read_tree(text, tree_problems)
        except TreeError as exc:
            raise BriefingError(_problems(shown, exc.problems)) from None
        return _validate(data, pos, tree_problems, path, shown, max_bytes)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector: a big file makes millions of objects and no cycles, and the
    collector's repeated passes over them doubled load time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validate(
    data: Any, pos: Pos, tree_problems: list[TreeProblem], path: Path, shown: str, max_bytes: int
) -> Briefing:
    problems = _problems(shown, tree_problems)
    if not isinstance(data, dict):
        found = "nothing" if data is None else _kind(data)
        problems.append(
            Problem(
                shown,
                pos.line,
                pos.column,
                f"the top level must be a mapping (headline: ..., date: ...), found {found}",
            )
        )
        raise BriefingError(problems)
    data.setdefault("id", path.stem)
    skip = {(p.line or 0, p.column or 0) for p in problems}
    briefing: Briefing | None = None
    try:
        briefing = Briefing.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_problems(exc, pos, shown, skip))
    cross, source_text = _cross_checks(data, pos, shown, path, max_bytes)
    problems.extend(cross)
    if problems or briefing is None:
        # The briefing's own problems in file order, then any in its source file.
        ordered = sorted(dict.fromkeys(problems), key=lambda p: (p.path != shown, p.line or 0, p.column or 0))
        raise BriefingError(ordered)
    briefing._path = str(path)
    briefing._source_text = source_text
    return briefing


def _problems(shown: str, found: list[TreeProblem]) -> list[Problem]:
    return [Problem(shown, p.line, p.column, p.message) for p in found]


__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSION_PREFIX",
    "BriefingError",
    "Problem",
    "load_briefing",
    "normalise_quote",
    "parse_briefing",
]
