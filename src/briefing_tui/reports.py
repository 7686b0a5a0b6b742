"""What `list`, `find`, `people` and `check` print: text for a person, JSON for scripts, and the
progress bar `check` shows on a terminal.

User text reaches the terminal as `rich.text.Text` built from plain strings made safe one character
for one (`safe_text.line`, so match offsets hold), never as markup. Piped output keeps whole rows.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from briefing_tui.safe_text import line as printable

if TYPE_CHECKING:
    from rich.console import Console

    from briefing_tui.entries import LibraryEntry
    from briefing_tui.find import Found
    from briefing_tui.library import Library
    from briefing_tui.persons import Person


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else 10_000)


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(Text(printable(cell)) for cell in row))
    return table


# -- list -------------------------------------------------------------------------------------------


def entry_json(library: Library, entry: LibraryEntry) -> dict[str, Any]:
    summary = entry.summary
    row: dict[str, Any] = {"file": library.relative_name(entry), "valid": summary is not None}
    if summary is None:
        row["problems"] = [str(problem) for problem in entry.problems]
        return row
    return row | {
        "id": summary.id,
        "headline": summary.headline,
        "date": summary.date.isoformat(),
        "published": summary.published.isoformat() if summary.published else None,
        "location": summary.location,
        "outlet": summary.outlet,
        "topics": list(summary.topics),
        "sides": list(summary.sides),
        "key_points": summary.key_points,
        "agreements": summary.agreements,
        "events": summary.events,
        "participants": summary.participants,
    }


def print_list(library: Library, entries: Sequence[LibraryEntry], sort_label: str, *, as_json: bool) -> None:
    if as_json:
        print_json([entry_json(library, entry) for entry in entries])
        return
    rows = []
    for entry in entries:
        summary = entry.summary
        if summary is None:
            first = str(entry.problems[0]) if entry.problems else "could not be loaded"
            rows.append(("not loaded", first, "", library.relative_name(entry)))
        else:
            rows.append(
                (
                    summary.date.isoformat(),
                    summary.headline,
                    str(summary.participants),
                    library.relative_name(entry),
                )
            )
    out = console()
    if rows:
        out.print(_table(("date", "headline", "people", "file"), rows))
    total = len(library.entries)
    out.print(f"{len(entries):,} of {total:,} briefing{'s' * (total != 1)} · {sort_label}", markup=False)


# -- find -------------------------------------------------------------------------------------------


def hit_json(library: Library, found: Found) -> list[dict[str, Any]]:
    rows = []
    for hit in found:
        summary = hit.entry.summary
        rows.append(
            {
                "file": library.relative_name(hit.entry),
                "briefing": summary.id if summary else None,
                "headline": summary.headline if summary else None,
                "date": summary.date.isoformat() if summary else None,
                "kind": hit.kind,
                "field": hit.field,
                "item": {"kind": hit.item.kind, "index": hit.item.index} if hit.item else None,
                "path": list(hit.path),
                "snippet": hit.snippet,
                "snippet_start": hit.snippet_start,
                "spans": [list(span) for span in hit.spans],
            }
        )
    return rows


def print_found(library: Library, found: Found, query: str, *, as_json: bool) -> None:
    if as_json:
        print_json(hit_json(library, found))
        return
    from rich.text import Text

    out = console()
    for hit in found:
        where = f"{library.relative_name(hit.entry)} · {hit.kind}"
        if len(hit.path) > 1 and isinstance(hit.path[1], int):
            where += f" {hit.path[1] + 1}"
        where += f" · {hit.field}: "
        snippet = Text(printable(hit.snippet))
        for start, end in hit.spans:
            snippet.stylize("bold reverse", start - hit.snippet_start, end - hit.snippet_start)
        out.print(Text.assemble(Text(printable(where), style="dim"), snippet))
    if not found.hits:
        out.print(Text(f"no text matches {query!r}"))
    else:
        order = "best first" if found.ranked else "in file order (too many to rank)"
        out.print(f"{len(found.hits):,} of {found.total:,} matching texts, {order}", markup=False)


# -- people -----------------------------------------------------------------------------------------


def person_json(library: Library, person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "names": list(person.names),
        "wikidata": person.wikidata,
        "role": person.role,
        "organization": person.organization,
        "sides": list(person.sides),
        "briefings": person.briefings,
        "first": person.first.isoformat(),
        "last": person.last.isoformat(),
        "appearances": [
            {
                "file": library.relative_name(a.entry),
                "briefing": a.entry.summary.id if a.entry.summary else None,
                "headline": a.entry.summary.headline if a.entry.summary else None,
                "date": a.date.isoformat(),
                "participant": a.position,
                "name": a.name,
                "role": a.role,
                "organization": a.organization,
                "side": a.side,
                "events": list(a.present_at),
                "evidence": list(a.evidence),
            }
            for a in person.appearances
        ],
    }


def print_people(library: Library, persons: Sequence[Person], total: int, *, as_json: bool) -> None:
    if as_json:
        print_json([person_json(library, person) for person in persons])
        return
    rows = [
        (
            str(p.briefings),
            p.name,
            p.role or "",
            p.organization or "",
            ", ".join(p.sides),
            p.first.isoformat(),
            p.last.isoformat(),
        )
        for p in persons
    ]
    out = console()
    if rows:
        out.print(
            _table(("briefings", "name", "latest role", "organisation", "sides", "first", "last"), rows)
        )
    out.print(f"{len(persons):,} of {total:,} people", markup=False)


# -- progress ---------------------------------------------------------------------------------------


class ProgressBar:
    """`loaded 1,200 of 10,000` with a bar, redrawn in place on a terminal's standard error; on
    anything else, nothing at all (so captured output never holds it)."""

    WIDTH = 30

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty()
        self._drawn = False
        self._last = 0.0

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.shown or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        filled = self.WIDTH * done // max(total, 1)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        self.stream.write(f"\r{bar} loaded {done:,} of {total:,}\x1b[K")
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Take the bar off the line (before other output, and at the end)."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
            self._last = 0.0
