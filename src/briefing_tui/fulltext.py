"""Text as `find` sees it: words, their folds, and which texts of a briefing are indexed.

The find index (SQLite FTS5) is given folded text and queried with folded words, and matches are
then located in the briefing's own text by folding its words the same way, so the index and the
highlighting always agree on what a word is:

- a word is a run of letters and digits with the combining marks that follow them;
- its fold is its compatibility decomposition (NFKD) without marks, case-folded: "Kazakhstán",
  "KAZAKHSTAN" and "kazakhstan" are one word, as are "ﬁnal" and "final", "Straße" and "strasse";
  marks are dropped in every script (Devanagari vowel signs too, as Latin accents are);
- scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer, Burmese)
  count each character as a word, so "北京" is found inside "在北京举行" as a phrase of two.

Never the index's text is shown: it is folded, and FTS5 is only asked which items match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

#: Characters that are a word each: Han, kana, Thai, Lao, Khmer, Myanmar.
_ONE_CHAR_WORDS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f"
)
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_MARKS += "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7"
_MARKS += "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
WORD_RE = re.compile(
    rf"[{_ONE_CHAR_WORDS}]|(?:(?![{_ONE_CHAR_WORDS}])[^\W_])(?:(?![{_ONE_CHAR_WORDS}])[^\W_]|[{_MARKS}])*"
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word as the index holds it: see the module docstring."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(filter(str.isalnum, decomposed)).casefold()


def words(text: str, start: int = 0) -> Iterator[tuple[str, int, int]]:
    """(fold, start, end) of each word of `text` from offset `start`; offsets are into `text`."""
    for match in WORD_RE.finditer(text, start):
        folded = fold(match.group())
        if folded:
            yield folded, match.start(), match.end()


def index_text(text: str) -> str:
    """The folded text the index is given for `text`: its words' folds, one space apart."""
    if text.isascii():
        return text  # FTS5 folds ASCII exactly as `fold` does, and splits it the same way
    return " ".join(folded for folded, _, _ in words(text))


#: Where a text of a briefing is, in the shape `to_data` gives it: ("key_points", 2, "evidence", 0).
TextPath = tuple[str | int, ...]
#: The source article: the text of the briefing's source file.
SOURCE: TextPath = ("source",)
_TOP_TEXTS = ("headline", "subheadline", "summary")
#: The texts of each kind of item that are searched, besides its evidence.
_ITEM_TEXTS = {
    "key_points": ("text",),
    "agreements": ("title", "summary"),
    "events": ("name", "summary"),
    "figures": ("label", "value"),
    "participants": ("notes",),
}


def texts_of(data: dict[str, Any]) -> Iterator[tuple[TextPath, str]]:
    """Every text `find` searches in a briefing's data (as `to_data` gives it), with its path;
    not the source article, which is not in the data."""
    for key in _TOP_TEXTS:
        value = data.get(key)
        if isinstance(value, str) and value:
            yield (key,), value
    for section, keys in _ITEM_TEXTS.items():
        for index, item in enumerate(data.get(section) or ()):
            for key in keys:
                value = item.get(key)
                if isinstance(value, str) and value:
                    yield (section, index, key), value
            for quote_index, quote in enumerate(item.get("evidence") or ()):
                yield (section, index, "evidence", quote_index), quote


def text_at(data: dict[str, Any], path: TextPath) -> str | None:
    """The text at `path` in a briefing's data, or None if there is none there."""
    value: Any = data
    for step in path:
        if isinstance(step, str) and isinstance(value, dict):
            value = value.get(step)
        elif isinstance(step, int) and isinstance(value, list) and 0 <= step < len(value):
            value = value[step]
        else:
            return None
    return value if isinstance(value, str) else None


def path_text(path: TextPath) -> str:
    """A text's path as the index keeps it: "key_points.2.evidence.0"."""
    return ".".join(map(str, path))


def path_of(text: str) -> TextPath:
    """The path `path_text` wrote (whatever it holds, it names no text unless `text_at` finds one)."""
    return tuple(int(step) if step.isdigit() else step for step in text.split("."))


def index_rows(data: dict[str, Any], source_text: str | None) -> list[tuple[str, str]]:
    """(path as `path_text` writes it, folded text) for each text the find index holds."""
    rows = [(path_text(path), index_text(text)) for path, text in texts_of(data)]
    if source_text:
        rows.append((path_text(SOURCE), index_text(source_text)))
    return rows
