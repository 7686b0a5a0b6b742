"""Text that shows nothing: white space, format characters (U+200B ZERO WIDTH SPACE, U+FEFF, soft
hyphens...) and the other default-ignorable code points (variation selectors, Hangul fillers).

A name, alias or quote made only of these passes a "not empty" check yet shows as a blank row, so
text that must say something must hold at least one character outside them. Inside real text they
stay legal: Persian needs U+200C ZERO WIDTH NON-JOINER, emoji sequences U+200D ZERO WIDTH JOINER.
"""

from __future__ import annotations

import re
import unicodedata

#: Code points that show nothing and are not white space: Unicode's Default_Ignorable_Code_Point
#: and format characters (category Cf, also checked by category at run time, as Unicode grows).
_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


def _class(ranges: tuple[tuple[int, int], ...], escape: str) -> str:
    def one(code: int) -> str:
        return escape.format(code)

    return "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in ranges)


_BMP = tuple(r for r in _RANGES if r[1] <= 0xFFFF)
#: A character that may show: for the JSON Schema, where a pattern is ECMA-262 and `\u` escapes
#: reach only the first plane (the loader also refuses the rarer invisible characters above it).
VISIBLE_PATTERN = r"[^\s" + _class(_BMP, r"\u{:04x}") + "]"
_CANDIDATE = re.compile(r"[^\s" + _class(_RANGES, r"\U{:08x}") + "]")


def invisible(char: str) -> bool:
    """Whether `char` shows nothing (white space included)."""
    return _CANDIDATE.match(char) is None or unicodedata.category(char) == "Cf"


def has_visible(text: str) -> bool:
    """Whether `text` holds a character that shows."""
    if "!" <= text[:1] <= "~":  # nearly always: printable ASCII first
        return True
    return any(unicodedata.category(m.group()) != "Cf" for m in _CANDIDATE.finditer(text))


def empty_message(text: str) -> str:
    """Why `text`, which shows nothing, is refused where text must say something."""
    found = list(dict.fromkeys(c for c in text if not c.isspace()))
    if not found:
        return "must not be empty"
    named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in found[:3])
    if len(found) > 3:
        named += f" and {len(found) - 3} more"
    return f"must not be empty: it holds only invisible characters ({named})"
