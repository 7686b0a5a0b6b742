"""What is wrong with a briefing file, and where: the `Problem`s every check reports, the error that
carries them, and the file they are reported against.

Every problem has a short, stable `code` saying what kind of problem it is; the codes are part of the
interface (output is capped per kind, and scripts may filter on them):

    file                the file cannot be read: not found, a folder, not a regular file, too large
    encoding            the file is not UTF-8
    control-character   a character no briefing may hold (control, bidirectional, noncharacter)
    syntax              YAML cannot read the file (also: a second document, no document)
    anchor, alias, tag, merge-key, depth, key-type, duplicate-key
                        YAML that briefings do not allow
    number              a number YAML would read differently from how it is written
    date                not a real calendar date written 2026-02-04
    type                the wrong kind of value (text, a list, a mapping...)
    empty               text that says nothing, a list that needs an item
    missing-key, unknown-key, version
    invalid             any other value the format does not allow
    duplicate-event, present-at
                        event names and the names `present_at` gives
    source-file         the source file cannot be used (where, what, how it reads)
    evidence-not-found  a quote that is not in the source
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from briefing_tui.format.characters import FORBIDDEN_CHARS

if TYPE_CHECKING:
    from briefing_tui.format.yamltree import Pos

#: Every code a problem may have.
CODES = frozenset(
    {
        "file",
        "encoding",
        "control-character",
        "syntax",
        "anchor",
        "alias",
        "tag",
        "merge-key",
        "depth",
        "key-type",
        "duplicate-key",
        "number",
        "date",
        "type",
        "empty",
        "missing-key",
        "unknown-key",
        "version",
        "invalid",
        "duplicate-event",
        "present-at",
        "source-file",
        "evidence-not-found",
    }
)
Severity = Literal["error", "warning"]
#: Problems of one kind listed per file before the rest are counted in one line.
PER_KIND = 20


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column when it has a place."""

    path: str
    line: int | None
    column: int | None
    message: str
    #: What kind of problem this is (see the module's docstring).
    code: str = "invalid"
    #: An error: the file is not loaded. Warnings (`format/warnings.py`, code: their id) are check's.
    severity: Severity = "error"

    def __str__(self) -> str:
        path = printable(self.path)
        if self.line is None:
            return f"{path}: {self.message}"
        return f"{path}:{self.line}:{self.column}: {self.message}"


def printable(text: str) -> str:
    """A file name as it may reach a terminal: control characters written as escapes."""
    return FORBIDDEN_CHARS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def capped(problems: Sequence[Problem], per_kind: int = PER_KIND) -> list[Problem]:
    """The problems to show a person: in each file, the first `per_kind` of each kind, and one line
    in place of the rest saying how many more there are (a line that hides only one would be no
    shorter: up to `per_kind + 1` are all shown)."""
    totals = Counter((p.path, p.code) for p in problems)
    if all(total <= per_kind + 1 for total in totals.values()):
        return list(problems)
    shown: list[Problem] = []
    seen: Counter[tuple[str, str]] = Counter()
    for problem in problems:
        kind = (problem.path, problem.code)
        seen[kind] += 1
        total = totals[kind]
        if total <= per_kind + 1 or seen[kind] <= per_kind:
            shown.append(problem)
        elif seen[kind] == per_kind + 1:
            more = total - per_kind
            message = f"… and {more:,} more problems like this ({problem.code})"
            shown.append(Problem(problem.path, None, None, message, problem.code, problem.severity))
    return shown


class BriefingError(Exception):
    """A briefing file could not be loaded; `.problems` lists every reason, in file order.

    Printed, it lists them capped per kind (see `capped`): a file can have a million problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        super().__init__()
        self.problems: list[Problem] = list(problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in capped(self.problems))


@dataclass(frozen=True, slots=True)
class FileContext:
    """The briefing file being checked, as every check needs it."""

    #: Where the file is; its source file is looked up beside it.
    path: Path
    #: The name its problems carry: the path as the user gave it.
    shown: str
    #: The size limit for the file and for its source file.
    max_bytes: int

    def problem(self, line: int | None, column: int | None, message: str, code: str) -> Problem:
        return Problem(self.shown, line, column, message, code)

    def at(self, pos: Pos, message: str, code: str) -> Problem:
        """A problem at the place `pos` marks."""
        return Problem(self.shown, pos.line, pos.column, message, code)
