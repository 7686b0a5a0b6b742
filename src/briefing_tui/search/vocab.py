"""A sorted vocabulary of distinct index tokens with exact, prefix and typo-tolerant look-ups.

Typos are found with a prefix edit distance: the query against every distinct prefix of the same
length (and up to `budget` longer), so "berdimuh" with a typo still finds "berdimuhamedow" while
typing. Going from "toka" to "tokay" can only lose matches (a longer query is never closer to a
prefix than a shorter one is), so the next keystroke rechecks the previous candidates only instead
of scanning the vocabulary again. The variant-key alphabet is searched for typos in whole keys
only (`prefixes=False`), from per-length lists.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict, defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Every vocabulary string is [a-z0-9]; "{" sorts after all of them.
_AFTER = "{"


def budget(length: int) -> int:
    """Edits allowed for a query word of `length` characters (a swap counts as one)."""
    if length <= 3:
        return 0
    return 1 if length <= 7 else 2


class FuzzyMatch:
    """Vocabulary strings within the edit budget of a query word."""

    __slots__ = ("candidates", "prefix", "whole")

    def __init__(self) -> None:
        #: string → edits, when the whole string is that close to the query.
        self.whole: dict[str, int] = {}
        #: string → edits to the closest of its prefixes at least as long as the query.
        self.prefix: dict[str, int] = {}
        #: Indices of strings with a close prefix: where the next keystroke looks.
        self.candidates: list[int] = []


def _initial(string: str) -> str:
    """Strings are scanned for typos among those with the same initial; vowels count as one
    initial, since transliterations disagree there ("Ibrahim"/"Ebrahim", "Usman"/"Osman")."""
    first = string[0]
    return "a" if first in "aeiouy" else first


class Alphabet:
    """Distinct strings, sorted, each standing for one or more index tokens.

    Typo scans only look at strings with the same initial as the query (see `_initial`): a typo
    in the first letter is rare, and this makes a scan some twenty times cheaper. A query that
    finds nothing at all that way is scanned against everything (`fuzzy(..., everywhere=True)`).
    """

    def __init__(self, strings: Iterable[str], *, prefixes: bool = True) -> None:
        self.sorted: list[str] = sorted(set(strings))
        #: Whether typos are looked for in prefixes too, or in whole strings only.
        self.by_prefix = prefixes
        #: (length, initial) → distinct prefixes of that length; and strings of that length.
        self._prefixes: dict[tuple[int, str], list[str]] = {}
        self._by_initial: dict[str, list[list[str]]] | None = None
        if prefixes:
            self._slices()
        lengths: defaultdict[tuple[int, str], list[str]] = defaultdict(list)
        for string in self.sorted:
            lengths[len(string), _initial(string)].append(string)
        self._lengths = dict(lengths)
        self._fuzzy: OrderedDict[tuple[str, bool, int], FuzzyMatch] = OrderedDict()

    def __len__(self) -> int:
        return len(self.sorted)

    def span(self, prefix: str) -> range:
        """Indices of the strings starting with `prefix`."""
        items = self.sorted
        return range(bisect_left(items, prefix), bisect_left(items, prefix + _AFTER))

    def starting_with(self, prefix: str) -> list[str]:
        found = self.span(prefix)
        return self.sorted[found.start : found.stop]

    def _slices(self) -> dict[str, list[list[str]]]:
        """The strings by initial (each initial's strings are contiguous in `sorted`)."""
        if self._by_initial is None:
            items = self.sorted
            found: defaultdict[str, list[list[str]]] = defaultdict(list)
            for letter in sorted({s[0] for s in items}):
                where = self.span(letter)
                found[_initial(letter)].append(items[where.start : where.stop])
            self._by_initial = dict(found)
        return self._by_initial

    def _lists(self, size: int, initial: str | None, *, prefixes: bool) -> list[list[str]]:
        """Distinct prefixes of `size` characters, or strings of that length, by initial."""
        initials = list(self._slices()) if initial is None else [initial]
        if not prefixes:
            return [self._lengths.get((size, i), []) for i in initials]
        lists = []
        for letter in initials:
            found = self._prefixes.get((size, letter))
            if found is None:
                # Built on first use, for one initial: a fraction of a millisecond.
                parts = self._slices().get(letter, [])
                found = list({s[:size] for part in parts for s in part if len(s) >= size})
                self._prefixes[size, letter] = found
            lists.append(found)
        return lists

    def fuzzy(self, word: str, *, everywhere: bool = False, edits: int | None = None) -> FuzzyMatch:
        """Strings within `edits` (by default `budget(len(word))`) of `word`, as a whole or as
        a prefix."""
        if edits is None:
            edits = budget(len(word))
        cached = self._fuzzy.get((word, everywhere, edits))
        if cached is not None:
            self._fuzzy.move_to_end((word, everywhere, edits))
            return cached
        if not edits:
            return FuzzyMatch()
        initial = None if everywhere else _initial(word)
        if not self.by_prefix:
            match = FuzzyMatch()
            self._add_whole(word, edits, match, initial, range(-edits, edits + 1))
        else:
            shorter = self._fuzzy.get((word[:-1], everywhere, edits)) if len(word) > 1 else None
            if shorter is not None:
                match = self._narrowed(word, edits, shorter)
            else:
                match = self._scanned(word, edits, initial)
            self._add_whole(word, edits, match, initial, range(-edits, 0))
        self._fuzzy[word, everywhere, edits] = match
        if len(self._fuzzy) > 512:
            self._fuzzy.popitem(last=False)
        return match

    def _scanned(self, word: str, edits: int, initial: str | None) -> FuzzyMatch:
        match = FuzzyMatch()
        if edits == 0:
            return match
        length = len(word)
        close: dict[str, int] = {}
        for size in range(length, length + edits + 1):
            for choices in self._lists(size, initial, prefixes=True):
                for prefix, distance, _ in process.extract(
                    word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
                ):
                    close[prefix] = distance
        self._expand(close, match)
        return match

    def _narrowed(self, word: str, edits: int, shorter: FuzzyMatch) -> FuzzyMatch:
        match = FuzzyMatch()
        length = len(word)
        items = self.sorted
        close: dict[str, int] = {}
        for size in range(length, length + edits + 1):
            choices = list({items[i][:size] for i in shorter.candidates if len(items[i]) >= size})
            for prefix, distance, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                close[prefix] = distance
        self._expand(close, match)
        return match

    def _expand(self, close: dict[str, int], match: FuzzyMatch) -> None:
        items = self.sorted
        best = match.prefix
        seen: list[range] = []
        for prefix, distance in close.items():
            found = self.span(prefix)
            seen.append(found)
            for i in found:
                string = items[i]
                if best.get(string, 99) > distance:
                    best[string] = distance
        match.candidates = sorted({i for found in seen for i in found})

    def _add_whole(self, word: str, edits: int, match: FuzzyMatch, initial: str | None, sizes: range) -> None:
        """Whole strings within the budget: from the prefix matches, and by scanning the strings
        whose length differs from the query's by `sizes` (shorter ones are nobody's prefix)."""
        whole = match.whole
        for string, distance in match.prefix.items():
            if len(string) <= len(word) + edits:
                exact = distance if len(string) == len(word) else OSA.distance(word, string)
                if exact <= edits:
                    whole[string] = exact
        for offset in sizes:
            size = len(word) + offset
            if size < 1:
                continue
            for choices in self._lists(size, initial, prefixes=False):
                for string, distance, _ in process.extract(
                    word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
                ):
                    whole[string] = distance
