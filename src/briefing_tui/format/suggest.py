"""The did-you-mean hint of every "unknown name" message, in briefings and in the config alike.

Kept apart from the messages about briefings, which need pydantic: the config is read before the
app's first frame and must not wait for it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str], *, ignore_case: bool = True) -> str:
    """`; did you mean 'x'?` naming the closest choice, or nothing when no choice is close."""
    if not ignore_case:
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
        return f"; did you mean {close[0]!r}?" if close else ""
    lowered = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""
