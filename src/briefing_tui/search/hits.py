"""What a search returns: `Hit`s, with the spans of each field that show why it matched.

Spans are offsets into the participant's own text, whatever the script: a query "tokaev" marks
"Тоқаев", and a prefix marks only the part typed ("Zhak" of "Zhakupov").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing_tui.search.fields import NAME, VOCABULARY, FieldKey, field_texts
from briefing_tui.search.fold import fold_offsets, initials_at, words
from briefing_tui.search.terms import Matched
from briefing_tui.search.tokens import tokens_of

if TYPE_CHECKING:
    from briefing_tui.format.model import Participant

Span = tuple[int, int]


class Hit:
    """One participant found by a query.

    `spans` — where (`FieldKey("name")`, `FieldKey("aliases", 0)`, ...) → the matched (start, end)
    spans there — are worked out when first read: a search of a thousand hits pays only for the
    rows shown.
    """

    __slots__ = ("_matches", "_spans", "participant", "position", "score")

    def __init__(
        self,
        participant: Participant,
        position: int,  # index into the participants the index was built from
        score: float,  # higher is better
        spans: dict[FieldKey, tuple[Span, ...]] | None = None,
        *,
        matches: Sequence[Matched] = (),
    ) -> None:
        self.participant = participant
        self.position = position
        self.score = score
        self._spans = spans if spans is not None or matches else {}
        self._matches = matches

    @property
    def spans(self) -> dict[FieldKey, tuple[Span, ...]]:
        if self._spans is None:
            # Two threads may both compute it: the same dict either way.
            self._spans = spans_of(self.participant, self._matches)
        return self._spans

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (self.participant, self.position, self.score, self.spans) == (
            other.participant,
            other.position,
            other.score,
            other.spans,
        )

    __hash__ = None  # type: ignore[assignment]  # as the frozen dataclass with a dict field was

    def __repr__(self) -> str:
        return (
            f"Hit(participant={self.participant!r}, position={self.position!r}, "
            f"score={self.score!r}, spans={self.spans!r})"
        )


def spans_of(person: Participant, matches: Sequence[Matched]) -> dict[FieldKey, tuple[Span, ...]]:
    """Where in each of `person`'s fields the query's matches are: sorted, merged spans."""
    spans: dict[FieldKey, list[Span]] = {}
    for slot, key, text in field_texts(person):
        found = tokens_of(text, VOCABULARY[slot])
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
    found = list(words(name, split_han=False))
    spans: list[Span] = []
    for letters, at in initials_at([f for f, _, _ in found]).items():
        if letters in typed:
            spans.extend((found[i][1], found[i][1] + 1) for i in at)
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
