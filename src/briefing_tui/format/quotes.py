"""How an evidence quote is compared with its source, for `check` and the source view alike.

Both sides must agree exactly, or the source view would fail to highlight a quote `check` accepted:
text in NFC, one kind of quote mark and dash, any run of white space as one space, no white space at
either end. `normalise_quote` puts a quote in that form; `Haystack` puts a whole source in it once,
to search, and maps offsets found in it back to the source.

A source may be 32 MiB, so the haystack costs one copy of the text at most: characters that compare
as another are replaced one kind at a time, and only those the text holds (nothing is copied when
nothing needs changing); every replacement is one character for one, so only runs of white space
change offsets, and the map back holds one entry per run (none per character).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Sequence

#: Typographic variants and the one character each is compared as.
_SAME = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
#: Every character `str.isspace` accepts (which `\s` matches) but the space itself.
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_REPLACED = {**_SAME, **dict.fromkeys(_SPACES, " ")}
_TABLE = str.maketrans(_REPLACED)
_ASCII_REPLACED = "".join(c for c in _REPLACED if c.isascii())
_TO_REPLACE = re.compile("[" + re.escape("".join(_REPLACED)) + "]")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(" {2,}")
#: How far the closest passage is widened, each side, to begin and end with a whole word.
_WORD_REACH = 40


def normalise_quote(text: str) -> str:
    """Text as evidence is compared: NFC, one kind of quote and dash, runs of space as one."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_TABLE)).strip()


class Haystack:
    """A source as quotes are compared with it, searched in that form, with offsets back to it.

    `source` must be in NFC (offsets are into the text as given); the loader and the source view
    normalise it first, which copies nothing when it already is, as nearly every text is."""

    __slots__ = ("_removed", "_resumes", "source", "text")

    def __init__(self, source: str) -> None:
        self.source = source
        text = source
        if source.isascii():  # cheap: `in` finds an ASCII character as fast as memchr
            present = {c for c in _ASCII_REPLACED if c in source}
        else:
            present = set(_TO_REPLACE.findall(source))
        for char in present:
            text = text.replace(char, _REPLACED[char])
        # Where the compared text resumes after each run of spaces it shortened to one, and how
        # many characters were dropped up to there: all the map back needs.
        self._resumes = array("q")
        self._removed = array("q")
        if "  " in text:
            removed = 0
            for run in _RUN.finditer(text):
                removed += run.end() - run.start() - 1
                self._resumes.append(run.end() - removed)
                self._removed.append(removed)
            text = _RUN.sub(" ", text)
        #: The source as quotes are compared with it.
        self.text = text

    def offset(self, at: int) -> int:
        """The offset in the source of the character at `at` in `text`."""
        index = bisect.bisect_right(self._resumes, at) - 1
        return at + (self._removed[index] if index >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source's (start, end) for the characters `text[start:end]` (end > start)."""
        return self.offset(start), self.offset(end - 1) + 1

    def find(self, quote: str) -> tuple[int, int] | None:
        """Where `quote` is in the source, or None."""
        needle = normalise_quote(quote)
        at = self.text.find(needle) if needle else -1
        return None if at < 0 else self.span(at, at + len(needle))

    def closest(self, needle: str, *, cutoff: float = 60) -> str | None:
        """The passage of the source most like `needle` (already normalised), as the source writes
        it, in whole words; None when nothing is at least `cutoff` (0-100) alike."""
        from rapidfuzz import fuzz

        found = fuzz.partial_ratio_alignment(needle, self.text, score_cutoff=cutoff)
        if found is None or found.dest_end <= found.dest_start:
            return None
        text = self.text
        start, end = found.dest_start, found.dest_end
        # Whole words, within reach: a passage cut mid-word reads as a different word.
        floor, ceiling = max(0, start - _WORD_REACH), min(len(text), end + _WORD_REACH)
        while start > floor and text[start - 1] != " ":
            start -= 1
        while end < ceiling and text[end] != " ":
            end += 1
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start >= end:
            return None
        first, last = self.span(start, end)
        return self.source[first:last]


def locate_quotes(source: str, quotes: Sequence[str]) -> list[tuple[int, int] | None]:
    """Where each quote occurs in `source` (start, end), or None where it does not.

    `source` must already be in NFC (the offsets are into the text as given); quotes need not be.
    """
    haystack = Haystack(source)
    return [haystack.find(quote) for quote in quotes]
