"""What counts as invisible text agrees with Unicode, in the loader and in the schema's pattern."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from briefing_tui.format.invisible import VISIBLE_PATTERN, empty_message, has_visible, invisible

# Unicode 14's Default_Ignorable_Code_Point, from DerivedCoreProperties.txt.
DEFAULT_IGNORABLE = [
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
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
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
]


def expected_invisible(code: int) -> bool:
    char = chr(code)
    return (
        char.isspace()
        or unicodedata.category(char) == "Cf"
        or any(a <= code <= b for a, b in DEFAULT_IGNORABLE)
    )


def test_invisible_characters_are_white_space_format_and_default_ignorable():
    wrong = [hex(c) for c in range(sys.maxunicode + 1) if invisible(chr(c)) != expected_invisible(c)]
    assert wrong == []


def test_the_schema_pattern_agrees_on_the_first_plane():
    visible = re.compile(VISIBLE_PATTERN)
    wrong = [
        hex(c)
        for c in range(0x10000)
        if not 0xD800 <= c <= 0xDFFF and (visible.match(chr(c)) is None) != expected_invisible(c)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("", False),
        (" \t\n", False),
        ("\u200b\ufeff", False),
        ("a", True),
        ("\u200ba", True),
        ("\u0600", False),
    ],
)
def test_has_visible(text, visible):
    assert has_visible(text) is visible


def test_empty_message_names_what_was_found():
    assert empty_message("  ") == "must not be empty"
    assert empty_message("\u200b \u200b") == (
        "must not be empty: it holds only invisible characters (U+200B ZERO WIDTH SPACE)"
    )
    assert empty_message("\u2065") == "must not be empty: it holds only invisible characters (U+2065)"
