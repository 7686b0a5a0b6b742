"""The date an article gives for itself: a `published` line or a dateline, in the common forms of
English, French, Spanish and Portuguese (2026-02-05, 5 February 2026, February 5, 2026, 5 février
2026, 5 de febrero de 2026, 5 de fevereiro de 2026, 05/02/2026 on a dated line)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing_tui.draft.lexicon import MONTHS, fold

_WORD = r"[^\W\d_]+"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:er|º|°|st|nd|rd|th)?\s+(?:de\s+)?({_WORD})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(rf"\b({_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
# A line that says when the article appeared: "Published 5 February 2026", "Publié le …",
# "Publicado em 05/02/2026", "date 2026-02-05".
_DATED_LINE = re.compile(
    r"\b(?:published|posted|updated|date|dated|publié|publiée|mis à jour|publicado|publicada|"
    r"actualizado|atualizado|fecha|data)\b",
    re.I,
)
#: Lines from the top in which a date is taken for the article's dateline.
DATELINE_LINES = 6


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    #: The words the date was read from, as written.
    text: str
    #: "dated line" or "dateline".
    where: str


def find_date(text: str) -> FoundDate | None:
    """The article's own date, or None when it gives none."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines:
        if len(line) <= 160 and _DATED_LINE.search(line):
            found = _first_date(line, numeric=True)
            if found:
                return FoundDate(found[0], found[1], "dated line")
    for line in lines[:DATELINE_LINES]:
        found = _first_date(line[:200], numeric=True)
        if found:
            return FoundDate(found[0], found[1], "dateline")
    return None


def _first_date(line: str, *, numeric: bool) -> tuple[dt.date, str] | None:
    candidates: list[tuple[int, dt.date, str]] = []
    for match in _ISO.finditer(line):
        _add(candidates, match, int(match[1]), int(match[2]), int(match[3]))
    for match in _DAY_MONTH_YEAR.finditer(line):
        month = MONTHS.get(fold(match[2]))
        if month:
            _add(candidates, match, int(match[3]), month, int(match[1]))
    for match in _MONTH_DAY_YEAR.finditer(line):
        month = MONTHS.get(fold(match[1]))
        if month:
            _add(candidates, match, int(match[3]), month, int(match[2]))
    if numeric:
        for match in _NUMERIC.finditer(line):
            day, month, year = int(match[1]), int(match[2]), int(match[3])
            if not _add(candidates, match, year, month, day):  # day first, else month first
                _add(candidates, match, year, day, month)
    if not candidates:
        return None
    _, date, words = min(candidates, key=lambda c: c[0])
    return date, words


def _add(
    found: list[tuple[int, dt.date, str]], match: re.Match[str], year: int, month: int, day: int
) -> bool:
    if not 1900 <= year <= 2100:
        return False
    try:
        found.append((match.start(), dt.date(year, month, day), match.group()))
    except ValueError:
        return False
    return True
