"""Briefings out of the browser: Markdown (and a notes vault), JSON, JSONL, CSV and Popolo JSON.

One module per format, each a function from briefings to text; `command` runs `briefing-tui export`.
Never imports textual: exports run from scripts and CI as well as from the app.
"""

from __future__ import annotations

FORMATS = ("md", "json", "jsonl", "csv", "popolo")
