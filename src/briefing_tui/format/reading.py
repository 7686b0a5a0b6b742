"""Reading a file's text, and refusing characters no briefing may hold, before any YAML is parsed.

The bytes must be a regular file's, within the size limit (checked before reading, so a huge file
costs nothing), and UTF-8 (a BOM is dropped). Forbidden characters are reported before YAML sees
them, each at its line and column: libyaml would refuse some with a vaguer message and miscount
lines after others.
"""

from __future__ import annotations

import bisect
import re
import stat
from pathlib import Path

from briefing_tui.format.characters import FORBIDDEN_CHARS, describe_forbidden
from briefing_tui.format.problems import BriefingError, Problem

#: Files larger than this are refused before they are read.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: Control characters reported per file before the rest are summed up in one line.
MAX_CHAR_PROBLEMS = 20


def read_text(path: Path, shown: str, *, max_bytes: int, what: str = "file") -> str:
    """The UTF-8 text of a regular file, or `BriefingError` saying why it cannot be had."""

    def fail(
        message: str, line: int | None = None, column: int | None = None, code: str = "file"
    ) -> BriefingError:
        return BriefingError([Problem(shown, line, column, message, code)])

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
            # Not read(max_bytes + 1): that allocates the whole limit up front, for any file.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since: read on, to just past the limit
                data += handle.read(max_bytes + 1 - len(data))
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
            "encoding",
        ) from None
    return text.removeprefix("\ufeff")


def _size(count: int) -> str:
    for unit, scale in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if count >= scale and count % scale == 0:
            return f"{count // scale} {unit}"
    return f"{count:,}-byte"


def forbidden_chars(text: str, shown: str, pattern: re.Pattern[str] = FORBIDDEN_CHARS) -> list[Problem]:
    """A problem for each character of `text` that `pattern` forbids, the first few by place."""
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
            problems.append(
                Problem(shown, line, column, describe_forbidden(match.group()), "control-character")
            )
    if count > MAX_CHAR_PROBLEMS:
        more = f"{count - MAX_CHAR_PROBLEMS} more control characters"
        problems.append(Problem(shown, None, None, more, "control-character"))
    return problems


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _offset_to_pos(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1
