"""User text inside Markdown: shown as written, never read as Markdown structure or HTML.

CommonMark lets any ASCII punctuation be escaped with a backslash. We escape the characters that
start inline structure (emphasis, code, links, images, HTML, entities, autolinks) in CommonMark,
GFM (tables, strikethrough) and Obsidian (tags `#x`, highlights `==x==`, comments `%%x%%`, maths
`$x$`, block ids `^x`), plus what starts a block at the beginning of a line (lists, quotes,
headings). Control characters are replaced first, as on screen (`safe_text`).
"""

from __future__ import annotations

import re

from briefing_tui.safe_text import block, line

_INLINE = re.compile(r"[\\`*_\[\]<>#|~$=^%]|&(?=#?\w+;)")
# A list item or a setext underline at the start of a line: "- ", "+ ", "1. ", "1) ", "---".
_LINE_START = re.compile(r"^(?:([-+])|(\d{1,9})([.)]))")


def _escape(text: str) -> str:
    escaped = _INLINE.sub(lambda m: "\\" + m.group(), text)
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def inline(text: str) -> str:
    """`text` as literal Markdown on one line: line breaks become spaces, leading and trailing white
    space goes (Markdown would read four leading spaces as code)."""
    return _escape(line(text).strip())


def paragraphs(text: str) -> str:
    """`text` as literal Markdown over several lines: single line breaks are soft (Markdown
    reflows them), blank lines separate paragraphs."""
    return "\n".join(_escape(part.strip()) for part in block(text).strip("\n").split("\n"))


def cell(text: str) -> str:
    """`text` inside a GFM table cell: `|` escaped, line breaks as `<br>`."""
    return "<br>".join(inline(part) for part in block(text).split("\n"))


def tag(topic: str) -> str:
    """A topic as an Obsidian/zk tag: lowercase, letters, digits, `_`, `-` and `/` only, no spaces;
    a tag of digits alone is not a tag to Obsidian, so it gets a prefix. May be empty."""
    words = re.sub(r"[^\w/-]+", "-", line(topic).strip().lower())
    cleaned = re.sub(r"-{2,}", "-", words).strip("-/")
    cleaned = re.sub(r"/{2,}", "/", cleaned)
    if cleaned and not re.search(r"[^\d/_-]", cleaned):
        cleaned = f"topic-{cleaned}"
    return cleaned
