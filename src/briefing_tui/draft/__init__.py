"""Drafting a briefing from an article (`briefing-tui new`): the headline, a date, a placeholder
key point and, as comments, the people the article names with a title.

Modules: `drafting` (read the article, make, check and write the draft), `people` (titled people
and their merged mentions), `dates` (the article's own date), `sentences`, `lexicon` (the words of
titles, names and places in English, French, Spanish and Portuguese), `writing` (safe YAML).
Part of the data layer: no UI imports.
"""

from __future__ import annotations

from briefing_tui.draft.drafting import Draft, DraftError, default_output, draft_briefing, write_draft

__all__ = ["Draft", "DraftError", "default_output", "draft_briefing", "write_draft"]
