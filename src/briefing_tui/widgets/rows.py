"""The rows of a `VirtualList` and where they go: `LazyRows`, rows made when first asked for;
`RowFacts`, what was learnt of a list of rows (kept while it may be shown again); `Layout`,
where each row starts at one width."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import overload

from textual.widgets.option_list import Option

from briefing_tui.widgets.text import OneLine


class LazyRows(Sequence[Option]):
    """`count` rows made when first asked for (`make(index)`): a search's thousand hits, or a
    hundred thousand people, cost nothing until they are on screen. `one_line`: every row is a
    `OneLine` (the list lays them out without making them). `locate`: the index of a row by its
    id without making the rows (else they are all made when one is looked up by id)."""

    def __init__(
        self,
        count: int,
        make: Callable[[int], Option],
        *,
        one_line: bool,
        locate: Callable[[str], int | None] | None = None,
    ) -> None:
        self.length = count
        self.make = make
        self.one_line = one_line
        self.locate = locate
        self.made: dict[int, Option] = {}

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> Option: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Option]: ...
    def __getitem__(self, index: int | slice) -> Option | Sequence[Option]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.length))]
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError(index)
        if (row := self.made.get(index)) is None:
            row = self.made[index] = self.make(index)
        return row


class RowFacts:
    """What was found out about a list of rows, kept while it may be shown again (a search
    cleared shows every row again: nothing of 100,000 rows is looked at twice)."""

    def __init__(self, rows: Sequence[Option]) -> None:
        self.rows = rows
        if isinstance(rows, LazyRows):
            self.one_line = rows.one_line
        else:
            self.one_line = all(type(option.prompt) is OneLine for option in rows)
        self.ids: dict[str, int] | None = None

    def index_of(self, option_id: str) -> int | None:
        rows = self.rows
        if isinstance(rows, LazyRows) and rows.locate is not None:
            return rows.locate(option_id)
        if self.ids is None:
            self.ids = {row.id: index for index, row in enumerate(rows) if row.id is not None}
        return self.ids.get(option_id)


class Layout:
    """Where each row starts, at one width: arithmetic when every row is one line high, else the
    start of each row (found once, for lists short enough to measure)."""

    def __init__(self, width: int, count: int, starts: list[int] | None) -> None:
        self.width = width
        self.count = count
        #: None: row i is line i. Else `starts[i]` is row i's first line, `starts[count]` the end.
        self.starts = starts

    @property
    def lines(self) -> int:
        return self.count if self.starts is None else self.starts[-1]

    def start(self, index: int) -> int:
        return index if self.starts is None else self.starts[index]

    def height(self, index: int) -> int:
        return 1 if self.starts is None else self.starts[index + 1] - self.starts[index]

    def row_at(self, line: int) -> tuple[int, int]:
        """The row showing `line` (0 <= line < lines), and which of its lines it is."""
        if self.starts is None:
            return line, 0
        index = bisect_right(self.starts, line) - 1
        return index, line - self.starts[index]
