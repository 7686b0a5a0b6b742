"""Finding in the source article (`/`): literal text, any case and accents, every match marked, n/N
between them while the find is open, and between quotes again once Escape clears it."""

from __future__ import annotations

import itertools
import random
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from apptest import main_screen, make_app, open_source, ready, screen_text, settle
from briefing_tui.items import Ref
from briefing_tui.screens.source import SourceScreen
from briefing_tui.textfind import ArticleFinder, fold_text

# -- the finding itself --------------------------------------------------------------------------


@given(st.text(max_size=200))
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(fold_text(text)) == len(text)


def loose(text: str) -> str:
    """`text` as a reader compares it, by another road: no accents, lower case, spaces as one."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@given(st.text(alphabet="abcAB ÉéeE\n-x", max_size=120), st.text(alphabet="abAeé x", min_size=1, max_size=4))
def test_every_match_is_the_typed_text_up_to_case_accents_and_spaces(text: str, typed: str) -> None:
    matches = ArticleFinder(text).find(typed)
    assert matches is not None
    spans = list(zip(matches.starts, matches.ends, strict=True))
    for start, end in spans:
        assert loose(text[start:end]) == loose(typed)
    assert all(end <= after for (_, end), (after, _) in itertools.pairwise(spans))
    # Found wherever it is.
    assert bool(spans) == (loose(typed) != "" and loose(typed) in loose(text))


def test_case_accents_quote_marks_and_line_breaks_are_no_obstacle() -> None:
    text = "KAZAKHSTÁN signed; Kazakhstan’s “transit\ntrade” — Kazakhstan—Pakistan."
    finder = ArticleFinder(text)
    found = finder.find("kazakhstan")
    assert found is not None and [text[a:b] for a, b in zip(found.starts, found.ends, strict=True)] == [
        "KAZAKHSTÁN",
        "Kazakhstan",
        "Kazakhstan",
    ]
    for typed, expected in (
        ("kazakhstan's", "Kazakhstan’s"),
        ('"transit trade"', "“transit\ntrade”"),
        ("n-p", "n—P"),
    ):
        found = finder.find(typed)
        assert found is not None and [text[a:b] for a, b in zip(found.starts, found.ends, strict=True)] == [
            expected
        ]
    # Literal: what would be a pattern is text.
    assert len(finder.find(".*") or ()) == 0 and len(finder.find("n.") or ()) == 1


def test_a_find_stops_when_cancelled() -> None:
    finder = ArticleFinder("abc " * 100_000)
    assert finder.find("abc", lambda: True) is None


# -- the source view -----------------------------------------------------------------------------


def runs_on_view(source: SourceScreen) -> list[tuple[str, bool, object]]:
    """Each run of text drawn on view: its text, whether it is reversed, its background."""
    body = source.body
    runs = []
    for y in range(body.scrollable_content_region.height):
        for segment in body.render_line(y):
            style = segment.style
            runs.append((segment.text, bool(style and style.reverse), style.bgcolor if style else None))
    return runs


async def test_slash_finds_every_match_and_n_and_shift_n_wrap(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(100, 30)) as pilot:
        source = await open_source(pilot)
        quote = source.current
        await pilot.press("slash", *"TRADE")
        await settle(pilot)
        assert source.finding and source.matches is not None
        expected = [m.start() for m in re.finditer("trade", source.source, re.IGNORECASE)]
        assert list(source.matches.starts) == expected and len(expected) > 3
        assert re.search(rf"\b\d+ of {len(expected)}\b", screen_text(pilot))
        # Enter goes to the text; n and N (and Enter) go between the matches, round the end.
        await pilot.press("enter")
        assert source.focused is source.body
        first = source.current_match
        await pilot.press("n")
        assert source.current_match == (first + 1) % len(expected)
        await pilot.press("enter")
        assert source.current_match == (first + 2) % len(expected)
        await pilot.press(*["N"] * (first + 2), "N")
        assert source.current_match == len(expected) - 1
        assert f"{len(expected)} of {len(expected)}" in screen_text(pilot)
        await pilot.press("n")
        assert source.current_match == 0 and f"1 of {len(expected)}" in screen_text(pilot)
        assert source.current == quote  # the quotes stayed where they were
        # The current match is in view, marked apart from the others.
        body = source.body
        assert body.rows is not None
        row = body.rows.row_of(source.matches.starts[0])
        assert body.scroll_y <= row < body.scroll_y + body.scrollable_content_region.height
        assert body.current_match == 0 and list(body.match_starts) == expected
        # Escape clears the find: n and N go between the quotes again, and Escape closes.
        await pilot.press("escape")
        await settle(pilot)
        assert not source.finding and not list(body.match_starts)
        await pilot.press("n")
        assert source.current == (quote + 1) % len(source.found) and source.current_match == 0
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, SourceScreen)


async def test_the_current_match_is_drawn_apart(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(100, 30)) as pilot:
        source = await open_source(pilot)
        await pilot.press("slash", *"kazakh")
        await settle(pilot)
        assert source.matches is not None and len(source.matches) > 2
        runs = runs_on_view(source)
        current = [text for text, reverse, _ in runs if reverse]
        assert "".join(current).lower() == "kazakh"
        others = [
            background for text, reverse, background in runs if text.lower() == "kazakh" and not reverse
        ]
        plain_background = Counter(background for _, _, background in runs).most_common(1)[0][0]
        assert others and all(background != plain_background for background in others)


async def test_a_find_that_matches_nothing_says_so_and_n_tells(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(100, 30)) as pilot:
        source = await open_source(pilot)
        await pilot.press("slash", *"zzqx", "enter")
        await settle(pilot)
        assert "not found" in screen_text(pilot)
        assert source.matches is not None and not source.matches
        await pilot.press("n")
        await settle(pilot)
        assert source.finding  # n is the next match while the find is open, even with none
        # An empty find closes the bar at Enter.
        await pilot.press("slash")
        source.find_box.value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert not source.finding


async def test_a_large_article_is_found_in_without_freezing(tmp_path: Path) -> None:
    """8 MB: the find runs in a worker; the view keeps drawing meanwhile."""
    rnd = random.Random(2)
    words = ["transit", "trade", "Kazakhstán", "pipeline", "minister", "corridor", "bank"]
    lines = [" ".join(rnd.choice(words) for _ in range(16)) + "." for _ in range(80_000)]
    text = "\n".join(lines) + "\n"
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "b.yaml"
    quote = lines[10]
    path.write_text(
        "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nsource: {file: article.txt}\n"
        f"participants:\n  - name: P0\n    evidence: [{quote!r}]\n",
        encoding="utf-8",
    )
    async with make_app(tmp_path, path).run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        main_screen(pilot).jump_to(Ref("participant", 0))
        await pilot.press("enter", "s")
        await ready(pilot)
        source = pilot.app.screen
        assert isinstance(source, SourceScreen)
        started = time.monotonic()
        await pilot.press("slash", *"kazakhstan tra")
        await pilot.pause()
        typed = time.monotonic() - started
        while source.matches is None and time.monotonic() - started < 60:
            await pilot.pause(0.05)
        await settle(pilot)
        assert source.matches is not None
        expected = len(re.findall(r"Kazakhstán tra", text))
        assert len(source.matches) == expected > 1000
        assert typed < 5 and time.monotonic() - started < 30
