"""What a search returns: `Hit`s, with the spans of each field that show why it matched.

Spans are offsets into the participant's own text, whatever the script: a query "tokaev" marks
"Тоқаев", and a prefix marks only the part typed ("Zhak" of "Zhakupov").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing_tui.search.fields import NAME, FieldKey, field_texts
from briefing_tui.search.fold import fold_offsets, name_initials, tokens, words
from briefing_tui.search.terms import Matched

if TYPE_CHECKING:
    from briefing_tui.format.model import Participant

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Hit:
    """One participant found by a query."""

    participant: Participant
    position: int  # index into the participants the index was built from
    score: float  # higher is better
    #: where (`FieldKey("name")`, `FieldKey("aliases", 0)`, ...) → matched (start, end) spans there
    spans: dict[FieldKey, tuple[Span, ...]] = field(default_factory=dict)


@lru_cache(maxsize=4096)
def tokens_of(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(tokens(text))


def spans_of(person: Participant, matches: list[Matched]) -> dict[FieldKey, tuple[Span, ...]]:
    """Where in each of `person`'s fields the query's matches are: sorted, merged spans."""
    spans: dict[FieldKey, list[Span]] = {}
    for slot, key, text in field_texts(person):
        found = tokens_of(text)
        for token, start, end in found:
            for matched in matches:
                if token in matched.quality:
                    part = matched.highlight(token)
                    if part is not None:
                        a, b = fold_offsets(text[start:end], *part)
                        start, end = start + a, start + b
                    spans.setdefault(key, []).append((start, end))
                    break
        if slot == NAME:
            typed = set().union(*(m.initials for m in matches))
            if typed:
                spans.setdefault(key, []).extend(_initial_spans(text, typed))
    return {k: _merged(v) for k, v in spans.items()}


def _initial_spans(name: str, typed: set[str]) -> list[Span]:
    starts = [s for f, s, _ in words(name, split_han=False) if f[0].isalpha()]
    spans: list[Span] = []
    for letters in typed & set(name_initials(name)):
        chosen = starts if len(letters) == len(starts) else [starts[0], starts[-1]]
        spans.extend((s, s + 1) for s in chosen)
    return spans


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, overlapping or touching spans joined."""
    result: list[Span] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return tuple(result)
