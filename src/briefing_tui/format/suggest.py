"""The did-you-mean hint of every "unknown name" message, in briefings and in the config alike.

Kept apart from the messages about briefings, which need the loader: the config is read before
the app's first frame and must not wait for it.

A file may misspell thousands of names among thousands of choices (every `present_at` against every
event), so a hint must cost the same however many choices there are: each misspelling is compared
with a bounded set of candidates only, and each distinct misspelling once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

#: Choices compared with a misspelling, at most; with fewer choices than this, all of them.
MAX_CANDIDATES = 200
#: How similar (0-100, as difflib's ratio) a choice must be to be suggested.
CUTOFF = 60
#: Choices on each side of a misspelling in sorted order that are candidates (a typo near the end).
_NEIGHBOURS = 8
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def did_you_mean(word: str, choices: Iterable[str], *, ignore_case: bool = True) -> str:
    """`; did you mean 'x'?` naming the closest choice, or nothing when no choice is close."""
    return Suggester(choices, ignore_case=ignore_case).hint(word)


class Suggester:
    """Did-you-mean hints among one set of choices, each distinct word's computed once."""

    def __init__(self, choices: Iterable[str], *, ignore_case: bool = True) -> None:
        self._ignore_case = ignore_case
        #: Compared form → the choice as written (the first, when case alone tells two apart).
        self._choices: dict[str, str] = {}
        for choice in choices:
            self._choices.setdefault(choice.lower() if ignore_case else choice, choice)
        self._memo: dict[str, str] = {}
        self._sorted: list[str] | None = None
        self._postings: dict[str, list[str]] | None = None

    def hint(self, word: str) -> str:
        """`; did you mean 'x'?`, or nothing when no choice is close."""
        hint = self._memo.get(word)
        if hint is None:
            from rapidfuzz import fuzz, process  # when needed: the config is read before the first frame

            compared = word.lower() if self._ignore_case else word
            found = process.extractOne(
                compared, self._candidates(compared), scorer=fuzz.ratio, score_cutoff=CUTOFF
            )
            hint = f"; did you mean {self._choices[found[0]]!r}?" if found else ""
            self._memo[word] = hint
        return hint

    def _candidates(self, word: str) -> list[str]:
        if len(self._choices) <= MAX_CANDIDATES:
            return list(self._choices)
        if self._sorted is None or self._postings is None:
            self._index()
        assert self._sorted is not None and self._postings is not None
        # Choices that share a word or number with it that few choices have, rarest first, and
        # its neighbours in sorted order, which share its beginning.
        found: dict[str, None] = {}
        shared = (self._postings.get(token, ()) for token in set(_TOKEN.findall(word)))
        for posting in sorted((p for p in shared if 0 < len(p) <= MAX_CANDIDATES), key=len):
            found.update(dict.fromkeys(posting))
            if len(found) >= MAX_CANDIDATES:
                break
        at = bisect.bisect_left(self._sorted, word)
        found.update(dict.fromkeys(self._sorted[max(0, at - _NEIGHBOURS) : at + _NEIGHBOURS]))
        return list(found)[: MAX_CANDIDATES + 2 * _NEIGHBOURS]

    def _index(self) -> None:
        self._sorted = sorted(self._choices)
        postings: dict[str, list[str]] = {}
        for choice in self._choices:
            for token in set(_TOKEN.findall(choice)):
                posting = postings.setdefault(token, [])
                if len(posting) <= MAX_CANDIDATES:  # longer ones are never read
                    posting.append(choice)
        self._postings = postings
