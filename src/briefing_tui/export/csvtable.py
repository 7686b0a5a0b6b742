"""`--format csv`: one table, safe to open in a spreadsheet.

A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first, also after leading white
space, which some spreadsheets skip; or a leading tab or carriage return) gets a single quote in
front, as OWASP recommends against CSV injection. Numbers (a figure's value) are left alone: they
are values, not formulas. List fields are joined with "; ".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefing_tui.export.tables import columns, rows

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

_FORMULA_STARTS = ("=", "+", "-", "@")
LIST_SEPARATOR = "; "


def neutralise(cell: str) -> str:
    """`cell` that no spreadsheet will evaluate: a leading `'` where it could start a formula."""
    if cell.startswith(("\t", "\r")) or cell.lstrip().startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return neutralise(LIST_SEPARATOR.join(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return neutralise(str(value))


def export_csv(briefings: Sequence[Briefing], table: str) -> str:
    """The rows of `table` across `briefings`, with a header, as RFC 4180 CSV (CRLF line ends)."""
    out = io.StringIO()
    names = columns(table)
    writer = csv.writer(out)
    writer.writerow(names)
    for row in rows(briefings, table):
        writer.writerow([cell_text(row[name]) for name in names])
    return out.getvalue()
