"""What can go wrong reading YAML at all, and libyaml's messages in words that say what to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(slots=True)
class TreeProblem:
    line: int | None
    column: int | None
    message: str
    #: What kind of problem it is: see `problems.Problem.code`.
    code: str = "syntax"


class TreeError(Exception):
    """The stream could not be read at all; `problems` says why and where."""

    def __init__(self, problems: list[TreeProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def syntax_problem(exc: yaml.YAMLError, text: str) -> TreeProblem:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    if mark is not None:
        better = _explained(problem, getattr(exc, "context_mark", None), mark, text)
        if better is not None:
            return better
    message = f"YAML syntax error: {problem}"
    if context:
        message += f" ({context})"
    if mark is None:
        return TreeProblem(None, None, message)
    return TreeProblem(mark.line + 1, mark.column + 1, message)


#: libyaml's limit on the length of a key written without `?`.
_MAX_SIMPLE_KEY = 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line(text: str, number: int) -> str:
    """Line `number` (0-based) of `text`, counted the way YAML counts lines."""
    start = 0
    for index, match in enumerate(_LINE_BREAK.finditer(text)):
        if index == number:
            return text[start : match.start()]
        start = match.end()
    return text[start:]


def _explained(problem: str, context_mark: Any, mark: Any, text: str) -> TreeProblem | None:
    """libyaml's message where it does not say what to fix, in words that do; None elsewhere."""
    line = _line(text, mark.line)
    at = mark.column
    if line[at : at + 1] == "\t":
        if not line[:at].strip(" \t"):
            return TreeProblem(mark.line + 1, at + 1, "tabs cannot indent YAML; use spaces")
        return TreeProblem(mark.line + 1, at + 1, "YAML does not allow a tab here; use a space")
    if problem.startswith("mapping values are not allowed"):
        return TreeProblem(mark.line + 1, at + 1, _colon_in_value(line, at))
    if problem == "could not find expected ':'" and context_mark is not None:
        key_line = _line(text, context_mark.line)
        colon = key_line.find(":", context_mark.column)
        if colon - context_mark.column > _MAX_SIMPLE_KEY:
            return TreeProblem(
                context_mark.line + 1,
                context_mark.column + 1,
                f"this key is {colon - context_mark.column:,} characters long: YAML limits a plain "
                f"key to {_MAX_SIMPLE_KEY:,} characters; shorten it",
            )
    return None


def _colon_in_value(line: str, colon: int) -> str:
    """A ': ' after a key's ': ' on one line: the value needs quotes, which the message shows."""
    key_end = line.find(": ", 0, colon)
    key, value = line[: max(key_end, 0)].strip(), line[key_end + 2 :].strip()
    while key.startswith("- "):
        key = key[2:].lstrip()
    if key_end < 0 or not key or not value or value[0] in "\"'[{":
        return (
            "YAML syntax error: a ': ' here starts a mapping; if it is part of a value, quote the "
            "value, and if it ends a key, line the key up with the keys beside it"
        )
    if len(value) > 80:
        value = value[:60] + "…"
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"a ': ' inside a value starts a mapping in YAML; quote the value: {key}: {quoted}"


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> TreeProblem:
    """A character libyaml will not read, at its line and column (libyaml counts bytes)."""
    before = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
    breaks = list(_LINE_BREAK.finditer(before))
    column = len(before) - (breaks[-1].end() if breaks else 0) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    message = f"YAML cannot read U+{code:04X} ({exc.reason}); delete it"
    return TreeProblem(len(breaks) + 1, column, message, "control-character")
