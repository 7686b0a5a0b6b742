"""A text's rows once wrapped to a width, worked out only as far as they are asked for.

The source view shows articles of up to 32 MiB a screenful at a time, so it cannot wrap all of it
before the first frame (a `Static` does: 39 s and 1 GB for 30 MB). `WrappedText` keeps the offset
where each row starts, and wraps on, a row at a time, only until the row or offset asked for is
known (or a budget of characters is spent: the view finishes the rest between frames). Rows break
where Textual's own wrapping breaks them (`Content.wrap`, which uses rich's `divide_line`): a word
and its trailing spaces go on the row if the word fits; a word wider than the row is folded. Lines
of single-width characters with only spaces between words (nearly every article) are wrapped by
searching the text, not word by word. Never imports Textual.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import lru_cache

from rich.cells import cell_len, chop_cells, get_character_cell_size

#: A word as rich's wrapping sees it: leading space (at the start of a line), the word, its spaces.
_WORD = re.compile(r"\s*\S+\s*")
#: White space other than the plain space (which the fast path searches for).
_OTHER_SPACE = re.compile(r"[^\S ]")
#: A character that may not be one cell wide, or white space other than a space: outside the
#: ranges rich knows to be one cell (Latin, Greek, Cyrillic, box drawing, Braille), or a newline.
_UNSURE = re.compile("[^\x20-\x7e\xa1-\xac\xae-\u02ff\u0370-\u0482\u2500-\u25fc\u2800-\u28ff\n]")
_NOT_SPACE = re.compile(r"[^ ]")


def uniform_text(text: str) -> bool:
    """Every character of `text` one cell wide, and spaces its only white space (but newlines):
    every line of it can be wrapped by searching."""
    return _UNSURE.search(text) is None


@lru_cache(maxsize=4096)
def _is_single(character: str) -> bool:
    return get_character_cell_size(character) == 1


def _single_width(line: str) -> bool:
    """Every character of `line` takes one cell (a wide one and a combining one do not add up)."""
    return all(_is_single(character) for character in set(line))


def _generic_breaks(line: str, width: int) -> list[int]:
    """Where `line` (no newline) breaks at `width`, as rich's `divide_line` breaks it: for lines
    with wide characters or other white space than spaces."""
    breaks: list[int] = []
    cells = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - cells >= length:
            cells += cell_len(word)
        elif length > width:
            pieces = chop_cells(word, width)
            for index, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if index == len(pieces) - 1:
                    cells = cell_len(piece)
                else:
                    start += len(piece)
        elif cells and start:
            breaks.append(start)
            cells = cell_len(word)
    return breaks


class WrappedText:
    """The rows of `text` wrapped to `width` cells: each row's start offset, known up to a point."""

    def __init__(self, text: str, width: int, *, uniform: bool | None = None) -> None:
        """`uniform`: whether `text` is `uniform_text` (worked out if not given: one search of it)."""
        self.text = text
        self.width = max(1, width)
        #: Where each known row starts in `text`.
        self.starts = array("q")
        # Where the next row starts, and the line (paragraph) it is in: its end, and how the fast
        # path wraps it (None: the line's breaks are worked out at once, in `_pending`).
        self._next = 0
        self._line_start = 0
        self._line_end = -1
        self._visible_end = 0
        self._indent_end = 0
        self._fold_end: int | None = None
        self._pending: list[int] | None = None
        self._uniform = uniform_text(text) if uniform is None else uniform

    @property
    def complete(self) -> bool:
        return self._next > len(self.text)

    @property
    def known(self) -> int:
        """How many rows are known."""
        return len(self.starts)

    def estimated_rows(self) -> int:
        """Every row: exact once `complete`, else the rows known and a guess for the rest."""
        if self.complete:
            return len(self.starts)
        rest = len(self.text) - self._next
        per_row = self._next / len(self.starts) if self.starts and self._next else self.width
        return len(self.starts) + max(1, round(rest / max(1.0, per_row)))

    def wrap(self, *, rows: int | None = None, offset: int | None = None, budget: int | None = None) -> None:
        """Wrap on until `rows` rows are known, or the row holding `offset` is, or `budget` more
        characters are wrapped (whichever comes first), or the text ends."""
        stop_at = self._next + budget if budget is not None else None
        while not self.complete:
            if rows is not None and len(self.starts) >= rows:
                return
            if offset is not None and self._next > offset:
                return
            if stop_at is not None and self._next >= stop_at:
                return
            self._row()

    def _row(self) -> None:
        """Add the row that starts at `_next`."""
        start = self._next
        if self._line_end < 0:
            self._begin_line(start)
        self.starts.append(start)
        if self._pending is not None:
            following = self._pending.pop() if self._pending else None
        else:
            following = self._fast_break(start)
        if following is None:  # the line's last row
            self._next, self._line_end = self._line_end + 1, -1
        else:
            self._next = following

    def _fast_break(self, row: int) -> int | None:
        """Where the row starting at `row` ends (None: at the end of its line), for a line of
        single-width characters and plain spaces: rich's rule, found by searching the text."""
        text, width = self.text, self.width
        if self._fold_end is not None:  # `row` is a piece of a word too long for any row
            if self._fold_end - row > width:
                return row + width
            self._fold_end = None  # its last piece, and the words that fit after it
        visible_end = self._visible_end
        if visible_end - row <= width:
            return None
        limit = row + width
        # The first word not to fit (its visible part ends past `limit`), from `start` to `end`.
        if limit < self._indent_end:
            start = self._line_start  # the line's indent belongs to its first word
        elif text[limit] == " ":
            match = _NOT_SPACE.search(text, limit, visible_end)
            start = match.start() if match else visible_end
        else:
            start = text.rfind(" ", row, limit) + 1 or row
            if start <= self._indent_end:
                start = self._line_start
        end = text.find(" ", max(limit, self._indent_end, start), visible_end)
        end = visible_end if end < 0 else end
        if end - start > width:  # too long for any row: folded, its trailing spaces too
            match = _NOT_SPACE.search(text, end, self._line_end)
            self._fold_end = match.start() if match else self._line_end
            return start if start > row else row + width
        return start

    def _begin_line(self, start: int) -> None:
        text = self.text
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        self._line_start, self._line_end, self._pending, self._fold_end = start, end, None, None
        if self._uniform and end - start <= self.width:  # most lines of most articles
            self._visible_end, self._indent_end = end, start
            return
        line = text[start:end]
        if (
            not self._uniform
            and _UNSURE.search(line)
            and (_OTHER_SPACE.search(line) or not _single_width(line))
        ):
            # Reversed: the rows are taken from the end.
            self._pending = [start + at for at in reversed(_generic_breaks(line, self.width))]
            return
        stripped = line.rstrip(" ")
        self._visible_end = start + len(stripped)
        self._indent_end = start + len(stripped) - len(stripped.lstrip(" "))

    # -- where things are ---------------------------------------------------------------------

    def row_of(self, offset: int) -> int:
        """The row holding `offset` (wrapping on to it)."""
        self.wrap(offset=offset)
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def row(self, index: int) -> tuple[int, int, bool]:
        """Row `index` (< `known`): its start, its end (before any newline), and whether it is the
        last row of its line."""
        self.wrap(rows=index + 2)  # where it ends is where the next one starts
        starts, text = self.starts, self.text
        start = starts[index]
        if index + 1 < len(starts):
            following = starts[index + 1]
            newline = text.find("\n", start, following)
            return (start, newline, True) if newline >= 0 else (start, following, False)
        end = text.find("\n", start)
        return start, len(text) if end < 0 else end, True
