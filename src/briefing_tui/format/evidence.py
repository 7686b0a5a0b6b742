"""Checks of a briefing's source file and of the evidence quoted from it.

The source file must be named relative to the briefing's folder and stay inside it, be readable
text, and hold every evidence quote, compared as `quotes` compares them. A quote that is not found
comes with the closest passage of the source, to show where a retyped quote went wrong.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from briefing_tui.format.characters import FORBIDDEN_CHARS, UNSAFE_CHARS
from briefing_tui.format.invisible import has_visible
from briefing_tui.format.problems import BriefingError, FileContext, Problem
from briefing_tui.format.quotes import Haystack, normalise_quote
from briefing_tui.format.reading import forbidden_chars, read_text
from briefing_tui.format.yamltree import Pos, items_at

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

#: Evidence quotes not found that get a closest passage; the search for one is slow.
MAX_CLOSEST = 20


def evidence_problems(data: dict[str, Any], pos: Pos, file: FileContext) -> tuple[list[Problem], str | None]:
    """Problems with the source file and the evidence, and the source's text if it could be read."""
    source = data.get("source")
    file_name = source.get("file") if isinstance(source, dict) else None
    if not isinstance(file_name, str) or not file_name.strip():
        return [], None
    at = pos.child("source").child("file")
    problems, text = _read_source(file_name, file, at)
    if text is None:
        return problems, None
    return _quotes_not_found(data, pos, file, file_name, text), text


def source_if_clean(briefing: Briefing, file: FileContext) -> tuple[bool, str | None]:
    """For a valid briefing: whether its source file and evidence have no problem (when they have,
    `evidence_problems` says what and where), and the source's text."""
    file_name = briefing.source.file if briefing.source is not None else None
    if file_name is None or not file_name.strip():
        return True, None
    problems, text = _read_source(file_name, file, Pos(0, 0))
    if text is None:
        return not problems, None
    sections = (briefing.key_points, briefing.agreements, briefing.events, briefing.figures)
    quotes = [
        quote for items in (*sections, briefing.participants) for item in items for quote in item.evidence
    ]
    if not quotes:
        return True, text
    haystack = Haystack(unicodedata.normalize("NFC", text)).text
    for quote in dict.fromkeys(quotes):
        needle = normalise_quote(quote)
        if has_visible(needle) and needle not in haystack:
            return False, text
    return True, text


def _read_source(file_name: str, file: FileContext, at: Pos) -> tuple[list[Problem], str | None]:
    """Problems with the source file named `file_name` (at `at`), or its text when it has none."""

    def fail(message: str) -> tuple[list[Problem], None]:
        return [file.at(at, message, "source-file")], None

    if os.path.isabs(file_name) or re.match(r"^[A-Za-z]:[\\/]", file_name):
        return fail(f"source file {file_name!r} must be relative to the briefing's folder")
    if FORBIDDEN_CHARS.search(file_name) or "\0" in file_name:
        return [], None  # already reported where the name is written
    try:
        folder = file.path.parent.resolve()
        target = (folder / file_name).resolve()
        if not target.is_relative_to(folder):
            return fail(f"source file {file_name!r} is outside the briefing's folder")
        if not target.exists():
            return fail(f"source file {file_name!r} not found in {str(folder)!r}")
    except (OSError, RuntimeError, ValueError) as exc:  # symlink loops, names too long
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return fail(f"source file {file_name!r} cannot be opened: {reason}")
    what = f"source file {file_name!r}"
    try:
        text = read_text(target, file_name, max_bytes=file.max_bytes, what=what)
    except BriefingError as exc:
        return _in_briefing(exc.problems, file, at, what), None
    bad_chars = forbidden_chars(text, file_name, UNSAFE_CHARS)
    if bad_chars:
        return _in_briefing(bad_chars, file, at, what), None
    return [], text


def _in_briefing(found: list[Problem], file: FileContext, at: Pos, what: str) -> list[Problem]:
    """Problems found in the source file, each reported where the briefing names it (a folder of
    briefings may share one source), with the place in the source file in the message."""
    problems = []
    for problem in found:
        if problem.line is not None:
            message = f"{what}, line {problem.line}, column {problem.column}: {problem.message}"
        elif what in problem.message:  # read_text's messages name it already
            message = problem.message
        else:
            message = f"{what}: {problem.message}"
        problems.append(file.at(at, message, "source-file"))
    return problems


def _quotes_not_found(
    data: dict[str, Any], pos: Pos, file: FileContext, file_name: str, text: str
) -> list[Problem]:
    problems: list[Problem] = []
    haystack: Haystack | None = None  # made at the first quote: many briefings have none
    found: dict[str, bool] = {}  # a quote given many times is looked up once
    for quote, quote_pos in _evidence(data, pos):
        needle = normalise_quote(quote)
        if not has_visible(needle):
            continue  # the model says it is empty
        if haystack is None:
            haystack = Haystack(unicodedata.normalize("NFC", text))
        if needle not in found:
            found[needle] = needle in haystack.text
        if not found[needle]:
            closest = _closest_passage(needle, haystack) if len(problems) < MAX_CLOSEST else ""
            shown_quote = quote if len(quote) <= 80 else quote[:77] + "..."
            problems.append(
                file.at(
                    quote_pos,
                    f"evidence not found in {file_name!r}: {shown_quote!r}{closest}",
                    "evidence-not-found",
                )
            )
    return problems


def _evidence(data: dict[str, Any], pos: Pos) -> Iterator[tuple[str, Pos]]:
    """Every evidence quote of every item, with its position."""
    for section in ("key_points", "agreements", "events", "figures", "participants"):
        for item, item_pos in items_at(data, pos, section):
            if not isinstance(item, dict):
                continue
            quotes = item.get("evidence")
            quotes_pos = item_pos.child("evidence")
            if isinstance(quotes, str):
                yield quotes, quotes_pos
            elif isinstance(quotes, list):
                for index, quote in enumerate(quotes):
                    if isinstance(quote, str):
                        yield quote, quotes_pos.child(index)


def _closest_passage(needle: str, haystack: Haystack) -> str:
    if len(haystack.text) > 2_000_000 or len(needle) > 1000:
        return ""  # the alignment takes about 20 ms a megabyte: a hint is not worth seconds
    passage = haystack.closest(needle)
    return f"; closest passage: {passage!r}" if passage else ""
