"""Live reload: saving the briefing (or its source) in an editor updates the browser at once."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from apptest import SIZE, main_screen, make_app, notifications, ready, screen_text
from briefing_tui import items
from briefing_tui.app import BriefingApp
from briefing_tui.items import Ref
from briefing_tui.screens.details import DetailsScreen
from briefing_tui.screens.error import ErrorScreen
from briefing_tui.screens.library import LibraryScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.problems import ProblemList

DATA = Path(__file__).resolve().parents[1] / "data"
NAME = "pakistan-kazakhstan-state-visit"
HEADLINE = "President Zardari confers Nishan-e-Pakistan on Kazakh President Tokayev"
#: The watcher's debounce is 50 ms and a reload a fraction of a second: 5 s is generous.
TIMEOUT = 5.0


def _copy_sample(tmp_path: Path) -> Path:
    folder = tmp_path / "briefings"
    folder.mkdir()
    for suffix in (".yaml", ".txt"):
        shutil.copy(DATA / f"{NAME}{suffix}", folder)
    return folder / f"{NAME}.yaml"


def _app(tmp_path: Path, path: Path, *, watch: bool = True) -> BriefingApp:
    return make_app(tmp_path, path, watch=watch)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _headline_text(pilot: Pilot) -> str:
    return str(main_screen(pilot).query_one("#headline-text", Static).render())


async def _until(pilot: Pilot, done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            if done():
                await ready(pilot)  # and the new screen's rows are in
                return
        except Exception:  # a screen half-way through being replaced
            pass
        await pilot.pause(0.05)
    raise AssertionError(f"not within {TIMEOUT} s: {what} (screen: {pilot.app.screen!r})")


async def _watching(pilot: Pilot) -> None:
    await ready(pilot)
    watcher = pilot.app._watcher  # type: ignore[attr-defined]
    await _until(pilot, lambda: watcher is not None and watcher.running, "the watcher runs")
    # inotify watches are in place once the thread is inside watchfiles; give it that moment.
    await pilot.pause(0.2)


def _problems(pilot: Pilot) -> list[str]:
    """The problems on the error screen, or in the banner over the last good version."""
    screen = pilot.app.screen
    if isinstance(screen, ErrorScreen):
        return screen.problems
    shown = next((s for s in reversed(pilot.app.screen_stack) if isinstance(s, MainScreen)), None)
    banners = shown.query("#reload-problems").results(ProblemList) if shown is not None else []
    return next((banner.problems for banner in banners), [])


async def test_saving_a_new_headline_updates_the_headline_pane(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        await pilot.press("4", "j", "j")  # the third participant, in the participants pane
        before = main_screen(pilot)
        cursor = before.participants.item_list.highlighted
        _edit(path, f"headline: {HEADLINE}", "headline: Saved from the editor")
        await _until(pilot, lambda: "Saved from the editor" in _headline_text(pilot), "new headline")
        after = main_screen(pilot)
        assert after is before  # refreshed in place, not replaced
        assert after.briefing.headline.startswith("Saved from the editor")
        # The reader stays where they were.
        assert after.focused is after.participants.item_list
        assert after.participants.item_list.highlighted == cursor
        assert any(f"Reloaded {NAME}.yaml" in message for message in notifications(app))
        await pilot.press("q")
    assert app.return_code == 0
    assert app._watcher is not None and not app._watcher.running


async def test_a_broken_save_keeps_the_last_good_version_under_a_banner_until_fixed(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        await pilot.press("4", "j", "j")  # the third participant
        screen = main_screen(pilot)
        person = screen.briefing.participants[2]
        await pilot.press("enter")
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen) and details.ref.index == 2

        _edit(path, "date: 2026-02-04", "date: 2026-02-30")
        await _until(pilot, lambda: bool(_problems(pilot)), "the banner")
        assert _problems(pilot) == [f"{path}:9:7: impossible date 2026-02-30: February 2026 has 28 days"]
        # Nothing else moved: the dialog is open over the same briefing, as it was.
        assert pilot.app.screen is details and pilot.app.screen_stack[-2] is screen
        assert screen.briefing.date.isoformat() == "2026-02-04"
        banner = screen.query_one("#reload-problems", ProblemList)
        assert f"{NAME}.yaml no longer loads (1 problem)" in str(banner.border_title)
        await pilot.press("escape")
        assert screen.focused is screen.participants.item_list  # the reader's place, not the banner
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert screen.focused is banner  # a stop before the headline
        await pilot.press("y")
        assert pilot.app.clipboard == _problems(pilot)[0]
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # the same person's details again
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen)

        # Fixed, with a new first participant: the same person (now fourth) stays under the cursor.
        new_person = "  - name: Somebody New\n    role: Observer\n    side: Pakistan\n"
        text = path.read_text(encoding="utf-8").replace("date: 2026-02-30", "date: 2026-02-04")
        text = text.replace("  # Heads of state and government\n", new_person, 1)
        text = text.replace(f"role: {person.role}", f"role: {person.role} (saved)", 1)
        path.write_text(text, encoding="utf-8")
        await _until(pilot, lambda: not _problems(pilot) and len(screen.briefing.participants) > 3, "fixed")
        assert not list(screen.query("#reload-problems"))
        assert pilot.app.screen is details  # still open, refreshed
        assert details.ref.index == 3 and details.briefing is screen.briefing
        fields = dict(items.fields(details.briefing, details.ref))
        assert fields["Role"] == f"{person.role} (saved)"
        await pilot.pause()
        shown = [str(static.render()) for static in details.query(".field-value").results(Static)]
        assert f"{person.role} (saved)" in shown
        await pilot.press("escape")
        assert screen.focused is screen.participants.item_list
        assert screen.participants.item_list.current_ref == Ref("participant", 3)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_file_invalid_from_the_start_opens_on_the_error_screen_until_fixed(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    _edit(path, "date: 2026-02-04", "date: 2026-02-30")
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        assert _problems(pilot) == [f"{path}:9:7: impossible date 2026-02-30: February 2026 has 28 days"]
        hint = str(pilot.app.screen.query_one("#error-hint", Static).render())
        assert "e edits at the highlighted one" in hint
        _edit(path, "date: 2026-02-30", "date: 2026-02-04")
        await _until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), "back to the briefing")
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_file_replaced_by_rename_is_seen(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        text = path.read_text(encoding="utf-8").replace(HEADLINE, "Renamed into place")
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        await _until(pilot, lambda: "Renamed into place" in _headline_text(pilot), "renamed file")


def _gone_banner(pilot: Pilot) -> str | None:
    """The line saying the briefing's file is gone, if the main screen shows one."""
    screen = pilot.app.screen
    banners = screen.query("#gone").results(Static) if isinstance(screen, MainScreen) else []
    return next((str(banner.render()) for banner in banners), None)


async def test_a_deleted_file_says_so_over_its_content_and_coming_back_reloads(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    kept = path.read_bytes()
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        before = main_screen(pilot)
        path.unlink()
        await _until(pilot, lambda: _gone_banner(pilot) is not None, "the file is gone")
        assert pilot.app.screen is before  # the last content read stays
        assert HEADLINE in _headline_text(pilot)
        banner = _gone_banner(pilot) or ""
        assert f"{NAME}.yaml was moved or deleted: this is the last version read" in banner
        assert f"{NAME}.yaml was moved or deleted" in notifications(app)
        path.write_bytes(kept)
        await _until(pilot, lambda: _gone_banner(pilot) is None, "back to the briefing")
        assert pilot.app.screen is before  # refreshed in place
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_briefing_whose_folder_is_moved_away_says_so_and_comes_back(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    folder, away = path.parent, tmp_path / "elsewhere"
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        before = main_screen(pilot)
        folder.rename(away)
        await _until(pilot, lambda: _gone_banner(pilot) is not None, "the file is gone")
        assert pilot.app.screen is before
        away.rename(folder)
        await _until(pilot, lambda: _gone_banner(pilot) is None, "back to the briefing")
        assert pilot.app.screen is before
        # Watching goes on where the file is.
        _edit(path, f"headline: {HEADLINE}", "headline: Still watched")
        await _until(pilot, lambda: "Still watched" in _headline_text(pilot), "the next save")


async def test_a_broken_file_deleted_says_it_is_gone_over_the_last_good_version(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        _edit(path, "date: 2026-02-04", "date: 2026-02-30")
        await _until(pilot, lambda: bool(_problems(pilot)), "the banner")
        path.unlink()
        await _until(pilot, lambda: _gone_banner(pilot) is not None, "the file is gone")
        assert _problems(pilot) == []  # the problems of a file that is not there any more
        assert HEADLINE in _headline_text(pilot)


async def test_editing_the_source_file_checks_the_evidence_again(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        _edit(path.with_suffix(".txt"), "Special Investiture Ceremony", "ceremony")
        await _until(pilot, lambda: bool(_problems(pilot)), "the banner")
        problems = _problems(pilot)
        assert len(problems) == 2
        assert problems[0].startswith(
            f"{path}:51:9: evidence not found in '{NAME}.txt': 'during a Special Investiture Ceremony"
        )
        await pilot.press("q")
    # The last good version was on screen: quitting from it is no failure (the error screen's is).
    assert app.return_code == 0


async def test_without_watching_nothing_reloads(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        _edit(path, f"headline: {HEADLINE}", "headline: Not seen")
        await pilot.pause(1.0)
        assert pilot.app.screen is screen
        assert HEADLINE in _headline_text(pilot)
        assert app._watcher is None


async def test_a_library_lists_a_saved_file_anew_and_refreshes_it_when_open(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path.parent)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        library = pilot.app.screen
        _edit(path, f"headline: {HEADLINE}", "headline: Library sees it")
        await _until(
            pilot,
            lambda: library.entries[0].briefing.headline.startswith("Library sees it"),  # type: ignore[attr-defined]
            "the new row",
        )
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), "the briefing")
        _edit(path, "headline: Library sees it", "headline: Open and saved")
        await _until(pilot, lambda: "Open and saved" in _headline_text(pilot), "the open briefing anew")
        opened = main_screen(pilot)
        # A broken save keeps the last good version under a banner; the fix removes it, in place.
        _edit(path, "date: 2026-02-04", "date: 2026-02-30")
        await _until(pilot, lambda: bool(_problems(pilot)), "the banner")
        assert _problems(pilot) == [f"{path}:9:7: impossible date 2026-02-30: February 2026 has 28 days"]
        assert pilot.app.screen is opened and "Open and saved" in _headline_text(pilot)
        _edit(path, "date: 2026-02-30", "date: 2026-02-05")
        await _until(pilot, lambda: not _problems(pilot), "the fix")
        assert pilot.app.screen is opened and opened.briefing.date.isoformat() == "2026-02-05"
        await pilot.press("escape")
        assert pilot.app.screen is library


def _library_title(pilot: Pilot) -> str:
    """The library's title line, as shown, from its folder's name on."""
    title = screen_text(pilot).splitlines()[0]
    return title[title.index("briefings · ") :].split(" ─")[0]


async def test_a_library_whose_folder_is_deleted_says_so_and_recovers(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    folder = path.parent
    app = _app(tmp_path, folder)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        library = pilot.app.screen
        assert isinstance(library, LibraryScreen)
        assert _library_title(pilot) == "briefings · 1 briefing · newest first"
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), "the briefing")
        kept = {p.name: p.read_bytes() for p in folder.iterdir()}
        shutil.rmtree(folder)
        await _until(pilot, lambda: "folder not found" in _library_title(pilot), "folder not found")
        assert pilot.app.screen is library  # what was open from it went with it
        assert _library_title(pilot) == "briefings · folder not found"
        assert library.entries == []
        assert library.item_list.option_count == 0  # no entry for the missing folder
        folder.mkdir()
        for name, data in kept.items():
            (folder / name).write_bytes(data)
        await _until(
            pilot, lambda: _library_title(pilot) == "briefings · 1 briefing · newest first", "the list back"
        )
        assert library.entries[0].briefing is not None
        assert library.entries[0].briefing.headline.startswith(HEADLINE)
        # Watching resumed.
        _edit(path, f"headline: {HEADLINE}", "headline: Watched again")
        await _until(
            pilot,
            lambda: library.entries[0].briefing.headline.startswith("Watched again"),  # type: ignore[union-attr]
            "the next save",
        )


async def test_details_of_an_item_the_save_removed_close(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    app = _app(tmp_path, path)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        screen = main_screen(pilot)
        await pilot.press("2", "G", "enter")  # the last key point's details
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen) and details.ref == Ref("key_point", 7)
        text = path.read_text(encoding="utf-8")
        last = text.index("  - text: >-\n      Tokayev called the partnership")
        path.write_text(text[:last] + text[text.index("\nagreements:") + 1 :], encoding="utf-8")
        await _until(pilot, lambda: len(screen.briefing.key_points) == 7, "the shorter briefing")
        assert pilot.app.screen is screen  # the item is gone, and its dialog with it


async def test_a_library_follows_the_article_of_the_open_briefing(tmp_path: Path) -> None:
    """In a folder the source articles are watched too: an article that no longer holds a quote
    puts its problem over the open briefing; the article fixed, the banner goes."""
    path = _copy_sample(tmp_path)
    article = path.with_suffix(".txt")
    app = _app(tmp_path, path.parent)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot)
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), "the briefing")
        opened = main_screen(pilot)
        quote = "conferred the Nishan-e-Pakistan on President Tokayev"
        _edit(article, quote, "gave the Nishan-e-Pakistan to President Tokayev")
        await _until(pilot, lambda: bool(_problems(pilot)), "the banner")
        assert any("evidence not found" in problem for problem in _problems(pilot)), _problems(pilot)
        assert pilot.app.screen is opened
        _edit(article, "gave the Nishan-e-Pakistan to President Tokayev", quote)
        await _until(pilot, lambda: not _problems(pilot), "the fix")
        assert pilot.app.screen is opened
