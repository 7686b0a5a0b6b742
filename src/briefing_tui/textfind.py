"""Finding text in an article as a reader expects: literally (no patterns), case and accents aside.

    finder = ArticleFinder(article)
    found = finder.find("Transit trade")      # also "transit  TRADE", "tránsit trade", "transit\ntrade"

Both the article and what is typed are folded one character for one, so a match's offsets are the
article's own: each character becomes its base letter in lower case ("É" and "é" are "e", "Ω" is
"ω"), typographic quote marks and dashes become ASCII ones ("’" is "'", "—" is "-": as evidence
quotes are compared, `format/quotes.py`), and every kind of white space becomes a space; a space
typed matches any run of white space. A character whose fold is not one character ("ß", "ﬁ")
stays as it is.

An article may be 32 MiB. Folding it takes a copy, made once, a chunk at a time (the UI thread gets
its turn between chunks: this runs in a worker); the matches are kept as two arrays of offsets,
however many there are, and a search checks `cancelled` as it goes.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

#: Characters folded per step.
CHUNK = 1 << 20
#: Typographic variants and the one character each is found as (as `format/quotes.py` compares).
_SAME = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
#: ASCII, folded byte for byte: lower case, white space as a space, a backquote as a quote.
_ASCII = bytes(
    ord(" ") if chr(code).isspace() else ord("'") if chr(code) == "`" else ord(chr(code).lower())
    for code in range(128)
) + bytes(range(128, 256))


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One character as it is found: see the module docstring. Always one character."""
    if char in _SAME:
        return _SAME[char]
    if char.isspace():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    for candidate in (base.lower(), base, char.lower()):
        if len(candidate) == 1:
            return candidate
    return char


def fold_text(text: str) -> str:
    """`text` folded one character for one (same length)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII).decode("ascii")
    table = {ord(char): fold_char(char) for char in set(text) if not char.isascii()}
    table.update({code: chr(_ASCII[code]) for code in range(128)})
    return text.translate(table)


def pattern_of(typed: str) -> re.Pattern[str] | None:
    """What a typed text finds, in the folded article; None for nothing but spaces."""
    folded = fold_text(unicodedata.normalize("NFC", typed))
    words = folded.split()
    if not words:
        return None
    return re.compile(" +".join(re.escape(word) for word in words))


@dataclass(frozen=True, slots=True)
class Matches:
    """Where a text is found, in order: start and end offsets into the article."""

    typed: str
    starts: array[int]
    ends: array[int]

    def __len__(self) -> int:
        return len(self.starts)

    def at_or_after(self, offset: int) -> int:
        """The number of the first match starting at or after `offset` (the first if none does)."""
        import bisect

        index = bisect.bisect_left(self.starts, offset)
        return index if index < len(self.starts) else 0


class ArticleFinder:
    """Finds typed text in one article. Thread-safe; the fold is made on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._lock = threading.Lock()

    def _fold(self, cancelled: Callable[[], bool]) -> str | None:
        with self._lock:
            if self._folded is None:
                text = self.text
                if len(text) <= CHUNK:
                    self._folded = fold_text(text)
                else:
                    parts = []
                    for start in range(0, len(text), CHUNK):
                        if cancelled():
                            return None
                        parts.append(fold_text(text[start : start + CHUNK]))
                    self._folded = "".join(parts)
            return self._folded

    def find(self, typed: str, cancelled: Callable[[], bool] = lambda: False) -> Matches | None:
        """Every match of `typed`; None if `cancelled` said so on the way."""
        starts, ends = array("q"), array("q")
        pattern = pattern_of(typed)
        if pattern is None:
            return Matches(typed, starts, ends)
        folded = self._fold(cancelled)
        if folded is None:
            return None
        for count, match in enumerate(pattern.finditer(folded)):
            if count % 4096 == 4095 and cancelled():
                return None
            starts.append(match.start())
            ends.append(match.end())
        return Matches(typed, starts, ends)
