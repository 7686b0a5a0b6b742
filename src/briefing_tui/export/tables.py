"""The rows of `--format csv` and `--format jsonl`: one per item of a briefing's list.

Every row starts with the briefing's id and date, so the rows of a whole folder make one table.
List fields stay lists here; the CSV writer joins them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from briefing_tui.export.common import briefing_id

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

Row = dict[str, Any]
TABLES = ("people", "agreements", "events", "figures", "key_points")


def _people(briefing: Briefing) -> Iterator[Row]:
    for person in briefing.participants:
        yield {
            "name": person.name,
            "role": person.role,
            "organization": person.organization,
            "side": person.side,
            "aliases": list(person.aliases),
            "present_at": list(person.present_at),
            "notes": person.notes,
            "evidence": list(person.evidence),
        }


def _agreements(briefing: Briefing) -> Iterator[Row]:
    for agreement in briefing.agreements:
        yield {
            "title": agreement.title,
            "kind": agreement.kind,
            "status": agreement.status,
            "parties": list(agreement.parties),
            "period": agreement.period,
            "summary": agreement.summary,
            "evidence": list(agreement.evidence),
        }


def _events(briefing: Briefing) -> Iterator[Row]:
    for event in briefing.events:
        yield {
            "name": event.name,
            "summary": event.summary,
            "attendees": [person.label for person in briefing.attendees(event.name)],
            "evidence": list(event.evidence),
        }


def _figures(briefing: Briefing) -> Iterator[Row]:
    for figure in briefing.figures:
        yield {
            "label": figure.label,
            "value": figure.value,
            "unit": figure.unit,
            "evidence": list(figure.evidence),
        }


def _key_points(briefing: Briefing) -> Iterator[Row]:
    for point in briefing.key_points:
        yield {"text": point.text, "evidence": list(point.evidence)}


_ROWS: dict[str, Callable[[Briefing], Iterator[Row]]] = {
    "people": _people,
    "agreements": _agreements,
    "events": _events,
    "figures": _figures,
    "key_points": _key_points,
}
#: The columns of each table, in order (the same for every row, even of an empty table).
COLUMNS: dict[str, tuple[str, ...]] = {
    "people": ("name", "role", "organization", "side", "aliases", "present_at", "notes", "evidence"),
    "agreements": ("title", "kind", "status", "parties", "period", "summary", "evidence"),
    "events": ("name", "summary", "attendees", "evidence"),
    "figures": ("label", "value", "unit", "evidence"),
    "key_points": ("text", "evidence"),
}
KEY_COLUMNS = ("briefing_id", "briefing_date")


def columns(table: str) -> tuple[str, ...]:
    return KEY_COLUMNS + COLUMNS[table]


def rows(briefings: Sequence[Briefing], table: str) -> Iterator[Row]:
    """Every item of `table` in every briefing, each with its briefing's id and date first."""
    for briefing in briefings:
        key = {"briefing_id": briefing_id(briefing), "briefing_date": briefing.date.isoformat()}
        for row in _ROWS[table](briefing):
            yield key | row
