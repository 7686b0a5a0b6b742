"""How an evidence quote is compared with its source, for `check` and the source view alike.

Both sides must agree exactly, or the source view would fail to highlight a quote `check` accepted:
text in NFC, one kind of quote mark and dash, any run of white space as one space, no white space at
either end. `normalise_quote` is the fast form for testing containment; `locate_quotes` does the same
character by character so it can map a match back to offsets in the source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: Typographic variants and the one character each is compared as. One character maps to one, so
#: offsets in the compared text carry back to the source.
_SAME = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00a0\u2009\u202f", " "),
    }
)
# `\s` matches exactly the characters `str.isspace` accepts, which `_comparable` uses.
_SPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """Text as evidence is compared: NFC, one kind of quote and dash, runs of space as one."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_SAME)).strip()


def _comparable(text: str) -> tuple[str, list[int]]:
    """`text` normalised for comparison, and for each of its characters the offset in `text`."""
    chars: list[str] = []
    offsets: list[int] = []
    after_space = False
    for offset, char in enumerate(text.translate(_SAME)):
        if char.isspace():
            if after_space:
                continue
            char, after_space = " ", True
        else:
            after_space = False
        chars.append(char)
        offsets.append(offset)
    return "".join(chars), offsets


def locate_quotes(source: str, quotes: Sequence[str]) -> list[tuple[int, int] | None]:
    """Where each quote occurs in `source` (start, end), or None where it does not.

    `source` must already be in NFC (the offsets are into the text as given); quotes need not be.
    """
    haystack, offsets = _comparable(source)
    found: list[tuple[int, int] | None] = []
    for quote in quotes:
        needle = _comparable(unicodedata.normalize("NFC", quote).strip())[0]
        at = haystack.find(needle) if needle else -1
        if at < 0:
            found.append(None)
        else:
            found.append((offsets[at], offsets[at + len(needle) - 1] + 1))
    return found
