"""Characters no briefing may hold, and how to name them in a message."""

from __future__ import annotations

import re

#: C0 controls but tab, LF and CR; DEL; C1 controls; bidi embeddings/overrides and isolates.
UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: In a briefing also the Unicode line and paragraph separators: invisible in editors, yet libyaml counts
#: them as line breaks, so every position after one would be off; and the noncharacters U+FFFE and
#: U+FFFF, which libyaml refuses without a line and column.
FORBIDDEN_CHARS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]"
)

_C0_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x1B: "ESC",
    0x7F: "DEL",
}
_SEPARATOR_NAMES = {0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"}
_BIDI_NAMES = {
    0x202A: "LEFT-TO-RIGHT EMBEDDING",
    0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING",
    0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
}


def describe_forbidden(char: str) -> str:
    """A message for a character FORBIDDEN_CHARS matched."""
    code = ord(char)
    if code in _BIDI_NAMES:
        return (
            f"bidirectional control U+{code:04X} ({_BIDI_NAMES[code]}) is not allowed: it makes text "
            "display in a different order from what the file says; delete it"
        )
    if code in (0xFFFE, 0xFFFF):
        return f"U+{code:04X} is not a character (a Unicode noncharacter) and YAML refuses it; delete it"
    if code in _SEPARATOR_NAMES:
        return (
            f"U+{code:04X} ({_SEPARATOR_NAMES[code]}) is not allowed: it is invisible and YAML counts it "
            "as a line break; use a plain newline"
        )
    name = _C0_NAMES.get(code, "C1 control" if code >= 0x80 else "control character")
    return f"control character U+{code:04X} ({name}) is not allowed in a briefing; delete it"
