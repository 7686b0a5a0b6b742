"""The participant search engine: typo- and transliteration-tolerant, ranked, fast on every keystroke.

`SearchIndex(participants).search(query)` returns `Hit`s; see `index` for how it works. `fold`
turns text into comparable words, `vocab` finds close words, `terms` matches one query word
against the vocabulary, `query` parses fzf-style query syntax. Never imports textual.
"""

from briefing_tui.search.index import Hit, SearchIndex

__all__ = ["Hit", "SearchIndex"]
