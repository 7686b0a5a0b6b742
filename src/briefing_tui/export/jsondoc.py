"""`--format json`: the briefing as `to_data` gives it, written so that the YAML loader reads it back.

JSON is YAML, nearly: YAML 1.1 reads `1e+16` as text (a float needs a dot), and refuses raw
characters it counts as unprintable or as line breaks. So floats get their dot and such characters
are written as `\\u` escapes; strings stay UTF-8, since libyaml refuses escaped surrogate pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefing_tui.format.data import to_data

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

# Inside a JSON string or a number with an exponent but no dot; strings are matched only to skip them.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![\d.])(-?\d+)([eE][-+]\d+)')
_NEEDS_DOT = re.compile(r"\d[eE][-+]")
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
_ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (*range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
} | {code: f"\\u{code:04x}" for code in (0xFEFF, 0xFFFE, 0xFFFF)}


def _dot(match: re.Match[str]) -> str:
    return match.group() if match.group(1) is None else f"{match.group(1)}.0{match.group(2)}"


def dumps(data: Any) -> str:
    """`data` as indented JSON that YAML 1.1 reads as the same values; raises `ValueError` for
    infinite or NaN floats, which JSON cannot hold."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    # Both passes are rarely needed: a quick search first halves the time on a large folder.
    if _NEEDS_DOT.search(text):
        text = _TOKEN.sub(_dot, text)
    if _UNPRINTABLE.search(text):
        text = text.translate(_ESCAPED)
    return text + "\n"


def export_json(briefings: Sequence[Briefing], *, single: bool) -> str:
    """One briefing as an object (`single`), or every briefing as an array."""
    if single:
        return dumps(to_data(briefings[0]))
    return dumps([to_data(briefing) for briefing in briefings])
