"""What is wrong with a briefing file, and where: the `Problem`s every check reports, the error that
carries them, and the file they are reported against."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.format.yamltree import FORBIDDEN_CHARS, Pos


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


@dataclass(frozen=True, slots=True)
class FileContext:
    """The briefing file being checked, as every check needs it."""

    #: Where the file is; its source file is looked up beside it.
    path: Path
    #: The name its problems carry: the path as the user gave it.
    shown: str
    #: The size limit for the file and for its source file.
    max_bytes: int

    def problem(self, line: int | None, column: int | None, message: str) -> Problem:
        return Problem(self.shown, line, column, message)

    def at(self, pos: Pos, message: str) -> Problem:
        """A problem at the place `pos` marks."""
        return Problem(self.shown, pos.line, pos.column, message)
