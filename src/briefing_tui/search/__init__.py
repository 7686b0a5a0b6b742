"""The participant search engine: typo- and transliteration-tolerant, ranked, fast on every keystroke.

`SearchIndex(participants).search(query)` returns `Hit`s; see `index` for how it works. `fields`
is the table of what is searched, `fold` turns text into comparable words, `vocab` finds close
words, `terms` matches one query word against the vocabulary, `query` parses fzf-style query
syntax. Never imports textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.search.fields import FieldKey

if TYPE_CHECKING:
    from briefing_tui.search.index import Hit, SearchIndex

__all__ = ["FieldKey", "Hit", "SearchIndex"]


def __getattr__(name: str) -> object:
    # The engine (rapidfuzz, anyascii, the index) loads on first use: the UI needs `FieldKey`
    # for its first paint, the index only after it.
    if name in ("Hit", "SearchIndex"):
        from briefing_tui.search import index

        return getattr(index, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
