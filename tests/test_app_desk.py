"""The library at desk scale: the filter language in the `/` box (and its errors under it), `o`
cycling the sort, the title's counts, named views in the palette, and the list filling as files load."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from apptest import SIZE, library_screen, make_app, notifications, ready, screen_text, settle
from briefing_tui.library import Library, LibraryEntry
from briefing_tui.screens.library import LibraryScreen
from briefing_tui.screens.library_rows import library_title
from desk import write_desk


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    return write_desk(tmp_path / "desk")


def listed(screen: LibraryScreen) -> list[str]:
    return [entry.path.name for entry in screen.entries]


def error_text(screen: LibraryScreen) -> str | None:
    label = screen.query_one("#filter-error", Static)
    return str(label.render()) if label.display else None


def title(screen: LibraryScreen) -> str:
    """The pane's title, without the folder (a long temporary path here)."""
    border = Content.from_markup(screen.query_one("#library-pane").border_title or "")
    return border.plain.rpartition("/")[2]


async def type_filter(pilot: Pilot, text: str) -> None:
    screen = library_screen(pilot)
    if pilot.app.focused is not screen.search_box:
        await pilot.press("slash")
    screen.search_box.value = ""
    await pilot.press(*text)
    await ready(pilot)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("", ["energy.yaml", "water.yaml", "trade.yaml", "old.yaml", "broken.yaml"]),
        ("almaty", ["water.yaml"]),
        ("enrgy", ["energy.yaml", "water.yaml"]),  # a typo still finds the word
        ("topic:energy", ["energy.yaml", "water.yaml"]),
        ("topic:energy -place:almaty", ["energy.yaml"]),
        ("person:toqaev", ["energy.yaml", "water.yaml"]),  # any spelling
        ("person:Токаев", ["energy.yaml", "water.yaml"]),
        ("side:kyrgyzstan", ["water.yaml"]),
        ("outlet:anadolu", ["trade.yaml"]),
        ("after:2026-01-15", ["energy.yaml", "water.yaml"]),
        ("before:2025", ["old.yaml"]),
        ("year:2025", ["trade.yaml"]),
        ("is:invalid", ["broken.yaml"]),
        ('"water talks"', ["water.yaml"]),
    ],
)
async def test_filter_terms(tmp_path: Path, desk: Path, expression: str, expected: list[str]) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await type_filter(pilot, expression)
        assert listed(screen) == expected
        assert error_text(screen) is None
        heading = "desk · 5 briefings, 1 with problems" if not expression else f"desk · {len(expected)} of 5"
        assert title(screen) == f"{heading} · newest first"


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("tpic:energy", "unknown field 'tpic:' in 'tpic:energy'; did you mean 'topic'?"),
        ("after:2026-02-30", "after:2026-02-30: impossible date: February 2026 has 28 days"),
        ("is:broken", "is:broken: expected is:invalid or is:valid"),
        ("topic:", "topic: needs a value, like topic:energy"),
    ],
)
async def test_a_filter_that_cannot_be_read_says_why_under_the_box(
    tmp_path: Path, desk: Path, expression: str, message: str
) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await type_filter(pilot, "almaty")
        assert listed(screen) == ["water.yaml"]
        screen.search_box.value = expression  # pasted at once
        await ready(pilot)
        assert error_text(screen) == message
        assert message in screen_text(pilot)
        # The list stays as the last filter that could be read left it: it does not say "none".
        assert listed(screen) == ["water.yaml"]
        await pilot.press("escape")  # clears it: the message goes
        await ready(pilot)
        assert error_text(screen) is None
        assert len(screen.entries) == 5


async def test_o_cycles_the_sort_and_the_title_says_which(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        expected = [
            (
                "newest published first",
                ["trade.yaml", "energy.yaml", "water.yaml", "old.yaml", "broken.yaml"],
            ),
            ("by headline", ["energy.yaml", "old.yaml", "trade.yaml", "water.yaml", "broken.yaml"]),
            (
                "most participants first",
                ["water.yaml", "trade.yaml", "energy.yaml", "old.yaml", "broken.yaml"],
            ),
            ("newest first", ["energy.yaml", "water.yaml", "trade.yaml", "old.yaml", "broken.yaml"]),
        ]
        for wording, order in expected:
            await pilot.press("j", "j", "o")  # a new order starts at its top
            await ready(pilot)
            assert listed(screen) == order
            assert screen.item_list.highlighted == 0
            assert title(screen) == f"desk · 5 briefings, 1 with problems · {wording}"
        # The sort holds under a filter, and the title says both.
        await pilot.press("o", "o")
        await type_filter(pilot, "topic:energy")
        assert listed(screen) == ["energy.yaml", "water.yaml"]
        assert title(screen) == "desk · 2 of 5 · by headline"


def test_the_title_has_thousands_separators() -> None:
    entries = [LibraryEntry(f"{n}.yaml") for n in range(2114)]  # none loaded: "with problems"
    title = library_title("desk", 38, entries, "newest first", filtered=True).plain
    assert title == "desk · 38 of 2,114 · newest first"
    title = library_title("desk", 2114, entries, "newest first", filtered=False).plain
    assert title == "desk · 2,114 briefings, 2,114 with problems · newest first"
    loading = library_title(
        "desk", 1200, entries[:1200], "newest first", filtered=False, loading="loaded 1,200 of 10,000"
    )
    assert loading.plain == "desk · loaded 1,200 of 10,000 · newest first"


async def test_named_views_fill_the_box_from_the_palette(tmp_path: Path, desk: Path) -> None:
    config = tmp_path / "views.yaml"
    config.write_text(
        'views:\n  central-asia: "topic:energy after:2026-02-01"\n  typo: "tpic:energy"\n', encoding="utf-8"
    )
    app = make_app(tmp_path, desk, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        # The view that does not read is a config problem, like any other.
        assert any(
            "views: typo: unknown field 'tpic:' in 'tpic:energy'; did you mean 'topic'?" in n
            for n in notifications(app)
        )
        screen = library_screen(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(pilot.app.screen, CommandPalette)
        await pilot.press(*"view: central")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await ready(pilot)
        assert pilot.app.screen is screen
        assert screen.search_box.value == "topic:energy after:2026-02-01"
        assert listed(screen) == ["energy.yaml"]
        assert pilot.app.focused is screen.item_list


async def test_the_palette_lists_views_first(tmp_path: Path, desk: Path) -> None:
    from briefing_tui.screens.commands import LibraryCommands

    config = tmp_path / "views.yaml"
    config.write_text('views: {recent: "after:2026", old: "before:2025"}\n', encoding="utf-8")
    async with make_app(tmp_path, desk, config=config).run_test(size=SIZE) as pilot:
        await ready(pilot)
        found = [hit.text async for hit in LibraryCommands(library_screen(pilot)).discover()]
        assert found[:3] == [
            "View: recent",
            "View: old",
            "Open briefing: Kazakhstan and China sign energy deals",
        ]


# -- loading a big folder ----------------------------------------------------------------------


@pytest.fixture
def slow_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files load one at a time, slowly: the test can see the list while the rest loads."""
    original = Library._load_all

    def slowly(self: Library, paths: Sequence[str], workers: int) -> Iterator[list[Any]]:
        for batch in original(self, paths, 0):
            time.sleep(0.03)
            yield batch

    monkeypatch.setattr(Library, "_load_all", slowly)


async def test_a_cold_folder_lists_files_as_they_load(tmp_path: Path, slow_loading: None) -> None:
    from corpus_for_tests import write_folder

    folder = write_folder(tmp_path / "big", 40)
    async with make_app(tmp_path, folder).run_test(size=SIZE, notifications=True) as pilot:
        seen: list[tuple[str, int]] = []
        for _ in range(500):
            screen = pilot.app.screen
            if isinstance(screen, LibraryScreen) and screen.still_loading and screen.entries:
                seen.append((screen.progress_text, len(screen.entries)))
                if len(seen) == 1:
                    await pilot.press("j")  # usable while the rest loads
                    assert "loaded " in screen_text(pilot)
                    await pilot.press("p")  # people need every file: it says so
                    assert any("once every file is loaded" in n for n in notifications(pilot.app))
                    assert pilot.app.screen is screen
            elif isinstance(screen, LibraryScreen) and not screen.still_loading:
                break
            await pilot.pause(0.02)
        await ready(pilot)
        screen = library_screen(pilot)
        assert seen and all(0 < count < 40 for _, count in seen)
        assert seen[0][0].startswith("loaded ") and seen[0][0].endswith(" of 40")
        assert len(screen.entries) == 40
        assert title(screen) == "big · 40 briefings · newest first"
        await settle(pilot)


def test_views_are_checked_like_other_config_settings(tmp_path: Path) -> None:
    from briefing_tui.config import load_config

    path = tmp_path / "config.yaml"
    path.write_text(
        "views:\n  ok: 'topic:energy -side:China'\n  date: 'before:2026-13'\n  blank: ''\n", encoding="utf-8"
    )
    config = load_config(path)
    assert config.views == {"ok": "topic:energy -side:China"}
    assert config.problems == [
        f"{path}: views: date: before:2026-13: impossible date: there is no month 13",
        f"{path}: views: blank: expected a filter such as 'topic:energy after:2025-01-01', found ''",
    ]
    path.write_text("views: [a, b]\n", encoding="utf-8")
    assert load_config(path).problems == [
        f"{path}: views: expected a mapping of names to filters, found a list"
    ]
