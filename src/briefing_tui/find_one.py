"""Find in one briefing: what `find` does for a library, over the texts of the briefing on screen.

    BriefingFinder(briefing).find('"transit trade" OR bank*')

The same queries, words and hits as `find` (`FindHit`, `FindError`), from an index of this
briefing alone, made in memory when first asked (SQLite FTS5, as the cache's, with the same
tokenizer): the briefing as it is on screen, whatever the cache or the file now hold. Hits come in
the briefing's own order (headline, summary, key points, agreements, events, figures, participants,
then the source article), not by relevance: in one briefing, reading order is the useful one.
Thread-safe: the UI asks from its workers.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.entries import LibraryEntry, summary_of
from briefing_tui.find import FindError, FindHit, Found, hit_of, parse_query
from briefing_tui.fulltext import SOURCE, index_rows, path_of, text_at

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

#: The index's table: the tokenizer must be the cache's (`store`), which the query's words are
#: folded for.
_TEXTS = (
    "CREATE VIRTUAL TABLE texts USING fts5(text, path UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
)


class BriefingFinder:
    """Finds text in one briefing (and its source article)."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        path = briefing.path or "briefing.yaml"
        #: The entry every hit names: the briefing itself, already built.
        self.entry = LibraryEntry(path, summary_of(briefing, Path(path).stem), briefing=briefing)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._data: dict[str, Any] = {}

    def _index(self) -> sqlite3.Connection:
        if self._connection is None:
            from briefing_tui.format.data import to_data
            from briefing_tui.store import fts5_available

            if not fts5_available():
                raise FindError(
                    f"this Python's SQLite ({sqlite3.sqlite_version}) has no full-text search (FTS5), "
                    "so find cannot work here; a Python built with a newer SQLite can"
                )
            data = to_data(self.briefing)
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            connection.execute(_TEXTS)
            rows = index_rows(data, self.briefing.source_text)
            connection.executemany("INSERT INTO texts (path, text) VALUES (?, ?)", rows)
            self._data, self._connection = data, connection
        return self._connection

    def find(self, query: str, *, limit: int = 50) -> Found:
        """Texts of the briefing matching `query`, in reading order; raises `FindError`."""
        parsed = parse_query(query)
        with self._lock:
            connection = self._index()
            try:
                total = connection.execute(
                    "SELECT count(*) FROM texts WHERE texts MATCH ?", (parsed.fts,)
                ).fetchone()[0]
                rows = connection.execute(
                    "SELECT path FROM texts WHERE texts MATCH ? ORDER BY rowid LIMIT ?",
                    (parsed.fts, limit + 10),
                ).fetchall()
            except sqlite3.OperationalError as exc:
                raise FindError(f"cannot read the query: {str(exc).removeprefix('fts5: ')}") from None
        hits: list[FindHit] = []
        for (raw,) in rows:
            path = path_of(str(raw))
            text = self.briefing.source_text if path == SOURCE else text_at(self._data, path)
            hit = hit_of(self.entry, path, text, parsed.phrases) if text else None
            if hit is not None:
                hits.append(hit)
                if len(hits) >= limit:
                    break
        return Found(hits, total, True)
