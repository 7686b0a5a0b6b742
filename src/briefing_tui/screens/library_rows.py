"""What the library's lists show: a row per briefing (from its summary: no briefing is built to list
it), a row per person, the titles with their counts, and the filter run off the UI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content, Span
from textual.widgets.option_list import Option

from briefing_tui.items import format_date
from briefing_tui.widgets.text import DIM, MATCH_STYLE, Hanging, line, plain

if TYPE_CHECKING:
    from briefing_tui.format.problems import Problem
    from briefing_tui.library import LibraryEntry
    from briefing_tui.persons import Person
    from briefing_tui.search import Hit

#: The date column: "Wed 30 Oct 2024" is 15 cells, then a gap.
DATE_WIDTH = 17
ERROR_STYLE = "bold $text-error"


def count(number: int, noun: str) -> str:
    """ "1 briefing", "2,114 briefings"."""
    return f"{number:,} {noun}{'s' * (number != 1)}"


def relative_name(entry: LibraryEntry, root: Path) -> str:
    """The entry's path as shown: relative to the folder, so it reads the same wherever that is."""
    try:
        return entry.path.relative_to(root).as_posix()
    except ValueError:
        return str(entry.path)


def problem_text(problem: Problem) -> str:
    """A problem without its path (the row shows the path already)."""
    if problem.line is None:
        return problem.message
    return f"{problem.line}:{problem.column}: {problem.message}"


def library_title(
    folder: str, shown: int, entries: Sequence[LibraryEntry], sort: str, *, filtered: bool, loading: str = ""
) -> Content:
    """The folder, what is listed and how it is sorted: "data · 38 of 2,114 · newest first",
    "data · 2,114 briefings, 1 with problems · newest first", "data · loaded 1,200 of 10,000 · …"."""
    if loading:
        counts = f"{shown:,} of {len(entries):,}, {loading}" if filtered else loading
    elif filtered:
        counts = f"{shown:,} of {len(entries):,}"
    else:
        counts = count(len(entries), "briefing")
        failed = sum(1 for e in entries if e.summary is None)
        if failed:
            counts += f", {failed:,} with problems"
    return Content.assemble(plain(folder, "bold"), Content(f" · {counts} · {sort}"))


def gone_title(folder: str) -> Content:
    """The title of a library whose folder was moved or deleted."""
    return Content.assemble(plain(folder, "bold"), Content.styled(" · folder not found", ERROR_STYLE))


def entry_id(entry: LibraryEntry) -> str:
    return f"entry:{entry.path_text}"


def entry_row(entry: LibraryEntry, root: Path) -> Hanging:
    """Date, headline, and a line of counts and the file; or a marker, the file and its first problem."""
    name = relative_name(entry, root)
    summary = entry.summary
    if summary is None:
        marker = Content.styled("✗ not loaded".ljust(DATE_WIDTH), ERROR_STYLE)
        problems = entry.problems
        first = problem_text(problems[0]) if problems else "could not be loaded"
        more = f"  (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        body = Content.assemble(
            plain(name, "bold"),
            "\n",
            plain(first, "$text-error"),
            Content.styled(more, DIM),
        )
        return Hanging(marker, body)
    counts = " · ".join(
        (
            count(summary.key_points, "key point"),
            count(summary.agreements, "agreement"),
            count(summary.participants, "participant"),
        )
    )
    body = Content.assemble(
        plain(summary.headline, "bold"),
        "\n",
        Content.styled(counts, DIM),
        Content.styled(" · ", DIM),
        plain(name, DIM),
    )
    return Hanging(Content(format_date(summary.date).ljust(DATE_WIDTH)), body)


def entry_option(entry: LibraryEntry, root: Path) -> Option:
    return Option(entry_row(entry, root), id=entry_id(entry))


def span(first: dt.date, last: dt.date) -> str:
    """ "4 Feb 2026", or "12 Mar 2024 – 4 Feb 2026"."""
    if first == last:
        return f"{last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


_BULLET = Content("• ")


def person_row(person: Person, hit: Hit | None = None) -> Hanging:
    """A person: name (matches marked), latest role and organisation; then briefings, sides, dates.
    (Built as one text and its spans: a library has thousands of people.)"""
    from briefing_tui.search import FieldKey

    name = line(person.name)
    spans = [Span(0, len(name), "bold")]
    found = hit.spans if hit is not None else {}
    spans += [Span(start, end, MATCH_STYLE) for start, end in found.get(FieldKey("name"), ())]
    text = name
    role = ", ".join(text for text in (person.role, person.organization) if text and text != person.name)
    if role:
        text += "  " + line(role)
    if hit is not None:  # a hit on another name says which
        for index, alias in enumerate(hit.participant.aliases):
            if matched := found.get(FieldKey("aliases", index)):
                text += " aka "
                spans.append(Span(len(text) - 5, len(text), DIM))
                spans += [Span(len(text) + start, len(text) + end, MATCH_STYLE) for start, end in matched]
                text += line(alias)
                break  # one is enough to say why it matched
    facts = [count(person.briefings, "briefing")]
    if person.sides:
        facts.append(", ".join(person.sides))
    facts.append(span(person.first, person.last))
    start = len(text) + 1
    text += "\n" + line(" · ".join(facts))
    spans.append(Span(start, len(text), DIM))
    return Hanging(_BULLET, Content(text, spans, strip_control_codes=False))


def person_option(position: int, person: Person, hit: Hit | None = None) -> Option:
    return Option(person_row(person, hit), id=f"person:{position}")
