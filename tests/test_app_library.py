"""A folder opens as a library: every briefing under it, newest first, and a search over all their people."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Footer

from apptest import SIZE, library_screen, main_screen, make_app, notifications, ready, screen_text, settle
from briefing_tui.keys import binding_ids, help_groups
from briefing_tui.screens.error import ErrorScreen
from briefing_tui.screens.help import HelpScreen
from briefing_tui.screens.library import (
    EntryErrorScreen,
    FolderErrorScreen,
    LibraryList,
    LibraryScreen,
)
from briefing_tui.screens.loading import LoadingScreen

ROOT = Path(__file__).resolve().parents[1]

#: The rows of the library built by `library`, newest first: (relative path, date shown).
#: The two briefings of 4 Feb 2026 keep file order; the broken file comes last.
EXPECTED_ORDER = [
    ("sample/pakistan-kazakhstan-state-visit.yaml", "Wed 4 Feb 2026"),
    ("tests/hostile-text.yaml", "Wed 4 Feb 2026"),
    ("benchmarks/pakistan-afghanistan-china-trilateral.yaml", "Wed 21 May 2025"),
    ("benchmarks/kazakhstan-gulf-latin-america-critical-minerals.yaml", "Thu 24 Apr 2025"),
    ("benchmarks/uzbekistan-turkey-strategic-council.yaml", "Wed 12 Mar 2025"),
    ("benchmarks/saudi-egypt-uae-coordination.yaml", "Fri 21 Feb 2025"),
    ("benchmarks/belarus-russia-supreme-state-council.yaml", "Wed 29 Jan 2025"),
    ("benchmarks/france-cote-divoire-senegal-maritime-security.yaml", "Wed 27 Nov 2024"),
    ("benchmarks/turkmenistan-iran-talks.yaml", "Tue 19 Nov 2024"),
    ("benchmarks/azerbaijan-georgia-turkey-trilateral.yaml", "Wed 30 Oct 2024"),
    ("benchmarks/angola-sao-tome-brazil-oil-gas.yaml", "Tue 15 Oct 2024"),
    ("benchmarks/russia-kazakhstan-interregional-forum.yaml", "Thu 12 Sep 2024"),
    ("benchmarks/india-bangladesh-joint-commission.yaml", "Fri 21 Jun 2024"),
    ("benchmarks/china-central-asia-summit.yaml", "Fri 19 May 2023"),
    ("tests/broken.yaml", None),
]
SAMPLE_HEADLINE = "President Zardari confers Nishan-e-Pakistan on Kazakh President Tokayev"


def copy_files(sources: list[Path], target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copy(source, target / source.name)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A folder of 15 briefings in three subfolders (one broken), copied from the repository."""
    folder = tmp_path / "lib"
    copy_files(sorted((ROOT / "benchmarks" / "data").glob("*.yaml")), folder / "benchmarks")
    copy_files(sorted((ROOT / "data").iterdir()), folder / "sample")
    copy_files(sorted((ROOT / "tests" / "briefings").iterdir()), folder / "tests")
    (folder / "notes.md").write_text("not a briefing\n", encoding="utf-8")
    return folder


def footer_actions(pilot: Pilot) -> set[str]:
    footer = pilot.app.screen.query_one(Footer)
    return {binding.action for _, binding, _, _ in footer.screen.active_bindings.values() if binding.show}


def row_texts(screen: LibraryScreen) -> list[str]:
    return [str(option.prompt) for option in screen.item_list.options]


def highlighted_row(screen: LibraryScreen) -> int | None:
    return screen.item_list.highlighted


# -- the list ----------------------------------------------------------------------------------


async def test_a_folder_lists_every_briefing_newest_first(tmp_path: Path, library: Path) -> None:
    app = make_app(tmp_path, library)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        assert pilot.app.focused is screen.item_list
        rows = row_texts(screen)
        assert len(rows) == len(EXPECTED_ORDER)
        for row, (name, date) in zip(rows, EXPECTED_ORDER, strict=True):
            assert name in row
            if date is None:
                assert row.startswith("✗ not loaded")
            else:
                assert row.startswith(date)
        # The sample: its headline and counts of key points, agreements and participants.
        sample = screen.entries[0].briefing
        assert sample is not None and rows[0].startswith(f"Wed 4 Feb 2026   {SAMPLE_HEADLINE}")
        counts = (
            f"{len(sample.key_points)} key points · {len(sample.agreements)} agreements"
            f" · {len(sample.participants)} participants"
        )
        assert counts in rows[0]
        # The broken file: its first problem, without the path the row shows already.
        broken = screen.entries[-1]
        assert broken.briefing is None and len(broken.problems) > 1
        first = broken.problems[0]
        assert f"{first.line}:{first.column}: {first.message}" in rows[-1]
        assert f"(+{len(broken.problems) - 1} more)" in rows[-1]
        text = screen_text(pilot)
        assert "lib · 15 briefings, 1 with problems" in text
        for line in text.splitlines():
            assert cell_len(line) == SIZE[0]


async def test_loading_a_folder_says_so(tmp_path: Path, library: Path) -> None:
    app = make_app(tmp_path, library)
    async with app.run_test(size=SIZE) as pilot:
        loading = pilot.app.screen_stack[0]
        assert isinstance(loading, LoadingScreen)
        assert str(loading.query_one("#loading").render()) == "Loading the briefings in lib…"
        await ready(pilot)
        assert isinstance(pilot.app.screen, LibraryScreen)


@pytest.mark.parametrize(
    ("down", "up", "first", "last"),
    [("j", "k", "g", "G"), ("down", "up", "home", "end")],
)
async def test_moving_in_the_library(
    tmp_path: Path, library: Path, down: str, up: str, first: str, last: str
) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        assert highlighted_row(screen) == 0
        await pilot.press(down, down)
        assert highlighted_row(screen) == 2
        await pilot.press(up)
        assert highlighted_row(screen) == 1
        await pilot.press(last)
        assert highlighted_row(screen) == len(EXPECTED_ORDER) - 1
        await pilot.press(first)
        assert highlighted_row(screen) == 0


def test_the_list_shares_the_list_keys_and_their_ids() -> None:
    list_ids = {b.id for b in LibraryList.BINDINGS if not isinstance(b, tuple)}
    assert {"down", "up", "first", "last", "page-down", "page-up", "details"} <= list_ids


# -- opening briefings and coming back ---------------------------------------------------------


@pytest.mark.parametrize("back", ["escape", "backspace"])
async def test_enter_opens_a_briefing_and_back_returns(tmp_path: Path, library: Path, back: str) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await pilot.press("j", "j", "enter")
        await ready(pilot)
        main = main_screen(pilot)
        assert main.briefing is screen.entries[2].briefing
        assert main.can_go_back
        assert "back" in footer_actions(pilot)
        assert "esc Library" in screen_text(pilot)
        await pilot.press(back)
        await settle(pilot)
        assert pilot.app.screen is screen
        assert highlighted_row(screen) == 2  # the cursor is where it was
        assert pilot.app.focused is screen.item_list


async def test_escape_on_a_briefing_clears_its_search_before_going_back(
    tmp_path: Path, library: Path
) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await ready(pilot)
        main = main_screen(pilot)
        await pilot.press("slash", *"tokayev")
        await ready(pilot)
        await pilot.press("escape")  # the search box: clears it, back to the list
        assert main.participants.search_box.value == ""
        await pilot.press("slash", *"tokayev", "enter")  # to the first hit, the search still on
        await ready(pilot)
        assert main.participants.searchable.query_text == "tokayev"
        await pilot.press("escape")  # on the list: clears the search, stays
        await settle(pilot)
        assert pilot.app.screen is main
        assert main.participants.searchable.query_text == ""
        await pilot.press("escape")  # nothing left to clear: back to the library
        await settle(pilot)
        assert isinstance(pilot.app.screen, LibraryScreen)


async def test_backspace_in_a_briefings_search_box_deletes(tmp_path: Path, library: Path) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await ready(pilot)
        main = main_screen(pilot)
        await pilot.press("slash", *"tok", "backspace")
        await ready(pilot)
        assert pilot.app.screen is main
        assert main.participants.search_box.value == "to"


async def test_a_single_file_has_no_way_back(tmp_path: Path) -> None:
    app = make_app(tmp_path, ROOT / "data" / "pakistan-kazakhstan-state-visit.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        main = main_screen(pilot)
        assert not main.can_go_back
        assert "back" not in footer_actions(pilot)
        assert "Library" not in screen_text(pilot)
        await pilot.press("backspace", "escape")
        await settle(pilot)
        assert pilot.app.screen is main
        await pilot.press("question_mark")
        help_text = "\n".join(str(w.render()) for w in pilot.app.screen.query(".keys"))
        assert " back" not in help_text


async def test_enter_on_a_broken_file_shows_its_problems(tmp_path: Path, library: Path) -> None:
    app = make_app(tmp_path, library)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await pilot.press("G", "enter")
        await settle(pilot)
        error = pilot.app.screen
        assert isinstance(error, EntryErrorScreen)
        broken = screen.entries[-1]
        assert error.problems == [str(problem) for problem in broken.problems]
        assert all(problem.startswith(str(library / "tests" / "broken.yaml")) for problem in error.problems)
        assert "goes back to the library" in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EntryErrorScreen)
        await pilot.press("backspace")
        await settle(pilot)
        assert pilot.app.screen is screen
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")  # the folder opened: a broken file in it is not a failure
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("open_first", [False, True])
async def test_q_quits_with_status_zero(tmp_path: Path, library: Path, open_first: bool) -> None:
    app = make_app(tmp_path, library)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        if open_first:
            await pilot.press("enter")
            await ready(pilot)
            main_screen(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_folder_without_briefings_is_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "notes.txt").write_text("hello\n", encoding="utf-8")
    app = make_app(tmp_path, folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, FolderErrorScreen)
        assert screen.problems == [f"{folder}: no *.yaml or *.yml files in this folder"]
        text = screen_text(pilot)
        assert "Could not open the folder" in text
        assert "Traceback" not in text
        await pilot.press("q")
    assert app.return_code == 1


# -- filtering the briefings ------------------------------------------------------------------


async def test_slash_filters_the_briefings(tmp_path: Path, library: Path) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await pilot.press("slash", *"minsk")
        await ready(pilot)
        assert pilot.app.focused is screen.search_box
        assert [e.path.name for e in screen.entries] == ["belarus-russia-supreme-state-council.yaml"]
        assert "lib · 1 of 15 · newest first" in screen_text(pilot)
        await pilot.press("enter")  # to the first row
        assert pilot.app.focused is screen.item_list
        await pilot.press("enter")  # open it
        await ready(pilot)
        assert main_screen(pilot).briefing.headline.startswith("Supreme State Council")
        await pilot.press("escape")
        await settle(pilot)
        # Back on the library, the filter and its rows are still there.
        assert pilot.app.screen is screen
        assert screen.search_box.value == "minsk"
        assert len(screen.entries) == 1


async def test_escape_clears_the_filter(tmp_path: Path, library: Path) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await pilot.press("slash", *"is:invalid")
        await ready(pilot)
        assert [e.path.name for e in screen.entries] == ["broken.yaml"]
        await pilot.press("escape")  # in the box: clears it, focus back on the list
        await ready(pilot)
        assert screen.search_box.value == ""
        assert pilot.app.focused is screen.item_list
        assert len(screen.entries) == len(EXPECTED_ORDER)
        assert highlighted_row(screen) == len(EXPECTED_ORDER) - 1  # still on the broken file
        await pilot.press("slash", *"-is:invalid", "enter")
        await ready(pilot)
        assert len(screen.entries) == len(EXPECTED_ORDER) - 1
        assert pilot.app.focused is screen.item_list
        await pilot.press("escape")  # on the list: clears the filter too
        await ready(pilot)
        assert len(screen.entries) == len(EXPECTED_ORDER)
        assert pilot.app.screen is screen


async def test_a_filter_that_keeps_nothing_says_so(tmp_path: Path, library: Path) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await pilot.press("slash", *"qqqzzx")
        await ready(pilot)
        assert row_texts(screen) == ["No briefing matches qqqzzx"]
        assert "lib · 0 of 15 · newest first" in screen_text(pilot)
        await pilot.press("enter", "enter")  # nothing to open
        await settle(pilot)
        assert pilot.app.screen is screen


async def test_stale_filter_results_are_dropped(tmp_path: Path, library: Path) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await pilot.press("slash", *"minsk")
        await ready(pilot)
        shown = row_texts(screen)
        assert len(shown) == 1
        # A result for an older query arrives late: it must not replace the newer one.
        screen.post_message(LibraryScreen.Filtered(screen.generation - 1, [], [], error="stale"))
        await pilot.pause()
        assert row_texts(screen) == shown
        assert screen.error is None


async def test_keys_typed_in_one_burst_reach_the_search_box(tmp_path: Path, library: Path) -> None:
    app = make_app(tmp_path, library)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", "q", "j")
        await settle(pilot)
        assert app.is_running
        assert library_screen(pilot).search_box.value == "qj"


# -- help and the palette ----------------------------------------------------------------------


async def test_help_lists_the_library_keys(tmp_path: Path, library: Path) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        sections = [str(w.render()) for w in help_screen.query(".section")]
        assert "Library" in sections
        text = "\n".join(str(w.render()) for w in help_screen.query(".keys"))
        for _, group in help_groups(library=True):
            for key in group:
                assert key.id in text
        assert "Back to the library of briefings" in text
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, LibraryScreen)
    assert {"back", "search", "details"} <= binding_ids()


async def test_back_can_be_remapped(tmp_path: Path, library: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("keymap:\n  back: h\n", encoding="utf-8")
    app = make_app(tmp_path, library, config=config, watch=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        assert notifications(app) == []  # `back` is a known id
        await pilot.press("enter")
        await ready(pilot)
        main = main_screen(pilot)
        await pilot.press("backspace")
        await settle(pilot)
        assert pilot.app.screen is main
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LibraryScreen)


async def open_from_palette(pilot: Pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await ready(pilot)


async def test_palette_opens_a_briefing(tmp_path: Path, library: Path) -> None:
    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        await open_from_palette(pilot, "open briefing: supreme state council")
        main = main_screen(pilot)
        assert main.briefing is not None
        assert main.briefing.headline == "Supreme State Council of the Union State meets in Minsk"
        # From a briefing, the palette opens another; Escape still goes back to the library.
        await open_from_palette(pilot, "open briefing: central asia summit")
        other = main_screen(pilot)
        assert other is not main
        assert other.briefing.headline.startswith("China–Central Asia summit")
        assert pilot.app.screen_stack[-2] is screen
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.entries[highlighted_row(screen) or 0].briefing is other.briefing


async def test_palette_lists_every_briefing(tmp_path: Path, library: Path) -> None:
    from briefing_tui.screens.commands import LibraryCommands

    async with make_app(tmp_path, library).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        provider = LibraryCommands(screen)
        found = [hit.text async for hit in provider.discover()]
        assert found[0].startswith(f"Open briefing: {SAMPLE_HEADLINE}")
        assert found[-1] == "Open briefing: tests/broken.yaml (not loaded)"
        assert len(found) == len(EXPECTED_ORDER)


# -- user text is data -------------------------------------------------------------------------


async def test_markup_like_names_and_headlines_show_literally(tmp_path: Path) -> None:
    folder = tmp_path / "[bold red]lib[/]"
    copy_files(sorted((ROOT / "tests" / "briefings").glob("hostile-text.*")), folder)
    app = make_app(tmp_path, folder)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = screen_text(pilot)
        assert "[bold red]lib[/] · 1 briefing" in text
        assert "[bold red]Leaders[/] meet; 習近平 and ظریف discuss [link=https://x.test]trade[/link]" in text
        await pilot.press("p", "slash", *"side a")
        await ready(pilot)
        text = screen_text(pilot)
        assert "[@click=app.quit]Side A[/]" in text
        assert app.is_running
        for line in text.splitlines():
            assert cell_len(line) == SIZE[0]


async def test_a_broken_file_alone_still_opens_the_library(tmp_path: Path) -> None:
    folder = tmp_path / "only-broken"
    copy_files([ROOT / "tests" / "briefings" / "broken.yaml"], folder)
    app = make_app(tmp_path, folder)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = library_screen(pilot)
        assert "1 briefing, 1 with problems" in screen_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ErrorScreen)
        assert pilot.app.screen_stack[-2] is screen
        await pilot.press("ctrl+q")
    assert app.return_code == 0
