"""The participant search engine: typo- and transliteration-tolerant, ranked, fast on every keystroke.

`SearchIndex(participants).search(query)` returns `Hit`s; see `index` for how it works. `fields`
is the table of what is searched, `fold` turns text into comparable words, `vocab` finds close
words, `terms` matches one query word against the vocabulary, `query` parses fzf-style query
syntax, `hits` works out what a hit highlights. Never imports textual.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from briefing_tui.search.fields import FieldKey

if TYPE_CHECKING:
    from briefing_tui.search.hits import Hit
    from briefing_tui.search.index import SearchIndex

__all__ = ["FieldKey", "Hit", "SearchIndex"]


_ENGINE = {"Hit": "hits", "SearchIndex": "index"}


def __getattr__(name: str) -> object:
    # The engine (rapidfuzz, anyascii, the index) loads on first use: the UI needs `FieldKey`
    # for its first paint, the index only after it.
    if name in _ENGINE:
        return getattr(import_module(f"{__name__}.{_ENGINE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
