"""The source view renders only the rows on screen: articles of tens of megabytes open at once, and
moving between quotes restyles what is shown, never the whole text. Its rows break where Textual's
own wrapping breaks them."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from textual.content import Content
from textual.geometry import Offset
from textual.selection import Selection

from apptest import main_screen, make_app, ready, screen_text
from briefing_tui.items import Ref
from briefing_tui.screens.source import SourceScreen
from briefing_tui.widgets.source import SourceText
from briefing_tui.widgets.wrap import WrappedText

WORDS = "the minister said that the agreement on transit trade would be signed in Astana next week".split()


def shown_rows(text: str, width: int) -> list[str]:
    """The rows of `text` as the source view shows them (trailing spaces aside)."""
    rows = WrappedText(text, width)
    rows.wrap()
    return [
        Content(text[start:end]).truncate(width).plain.rstrip()
        for start, end, _ in (rows.row(index) for index in range(rows.known))
    ]


@pytest.mark.parametrize("seed", range(4))
def test_rows_break_where_textual_breaks_them(seed: int) -> None:
    rnd = random.Random(seed)
    pieces = ["a", "bb", "ccc", "d" * 26, " ", " ", "  ", "\n", "é", "ж", "漢", "\xa0", "b\u0301"]
    for _ in range(400):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 80)))
        if seed % 2:  # the fast path: one cell per character, spaces only
            text = text.replace("漢", "x").replace("\xa0", " ").replace("\u0301", "")
        width = rnd.randint(1, 30)
        textual = [line.plain.rstrip() for line in Content(text).wrap(width)]
        assert shown_rows(text, width) == textual, (text, width)


def test_the_row_of_an_offset() -> None:
    text = "first paragraph\n\n" + "word " * 30 + "\nlast"
    rows = WrappedText(text, 20)
    assert rows.row_of(0) == 0
    assert rows.row_of(17) == 2  # the first word of the long paragraph
    assert rows.row_of(len(text) - 1) == 2 + 8  # 30 words of 5 cells, 20 wide: 8 lines


def article(size: int) -> str:
    rnd = random.Random(1)
    lines, total = [], 0
    while total < size:
        line = " ".join(rnd.choice(WORDS) for _ in range(20)) + "."
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines) + "\n"


def test_rows_are_wrapped_only_as_far_as_asked() -> None:
    text = article(2_000_000)
    rows = WrappedText(text, 60)
    rows.wrap(rows=40)
    assert rows.known == 40 and not rows.complete
    middle = len(text) // 2
    row = rows.row_of(middle)
    assert rows.row(row)[0] <= middle < rows.row(row + 1)[0]
    assert not rows.complete and rows.known < rows.estimated_rows()
    rows.wrap()
    assert rows.complete and rows.known == rows.estimated_rows()


async def test_a_large_article_opens_at_once_and_quotes_are_reached_at_once(tmp_path: Path) -> None:
    """8 MB: the view that rendered all of it took about 50 s to open and as long for `n`."""
    text = article(8_000_000)
    lines = text.rstrip("\n").split("\n")
    quotes = [lines[3], lines[len(lines) // 2], lines[-1]]
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    evidence = "".join(f"      - {quote!r}\n" for quote in quotes)
    path = tmp_path / "b.yaml"
    path.write_text(
        "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nsource: {file: article.txt}\n"
        f"participants:\n  - name: P0\n    evidence:\n{evidence}",
        encoding="utf-8",
    )
    async with make_app(tmp_path, path).run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        main_screen(pilot).jump_to(Ref("participant", 0))
        await pilot.press("enter")
        await ready(pilot)
        started = time.monotonic()
        await pilot.press("s")
        await pilot.pause()
        source = pilot.app.screen
        assert isinstance(source, SourceScreen)
        assert lines[3][:40] in screen_text(pilot)
        for key, quote in (("n", quotes[1]), ("n", quotes[2]), ("N", quotes[1])):
            await pilot.press(key)
            await pilot.pause()
            body = source.body
            first = body.rows.row_of(source.found[source.current][0]) if body.rows else -1
            assert body.scroll_y <= first < body.scroll_y + body.scrollable_content_region.height
            assert quote[:40] in screen_text(pilot)
        assert time.monotonic() - started < 10


async def test_the_mouse_selects_the_articles_own_text(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("4", "enter", "s")
        await ready(pilot)
        body = pilot.app.screen.query_one(SourceText)
        assert body.rows is not None
        start = body.rows.row(0)[0]
        second = body.rows.row(1)[0]
        selected = body.get_selection(Selection(Offset(3, 0), Offset(5, 1)))
        assert selected == (body.text[start + 3 : second + 5], "\n")
