"""SVG snapshots of every screen (pytest-textual-snapshot). Update with `--snapshot-update`."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from apptest import BRIEFINGS, HOSTILE, make_app, ready
from briefing_tui.items import Ref
from briefing_tui.screens.main import MainScreen

BENCHMARKS = Path(__file__).parents[1] / "benchmarks" / "data"


def then(*keys: str, after: Callable[[Pilot], Awaitable[None]] | None = None) -> Callable:
    async def run_before(pilot: Pilot) -> None:
        await ready(pilot)
        await pilot.press(*keys)
        await ready(pilot)
        if after is not None:
            await after(pilot)
            await ready(pilot)

    return run_before


def jump(ref: Ref, keys: Iterable[str] = ()) -> Callable[[Pilot], Awaitable[None]]:
    async def go(pilot: Pilot) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        screen.jump_to(ref)
        await ready(pilot)
        await pilot.press(*keys)

    return go


def test_main_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=then())


def test_main_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=then())


def test_main_80x24_participants_open(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=then("4", "j"))


def test_search_in_progress(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        make_app(tmp_path), terminal_size=(120, 40), run_before=then("slash", *"minister def")
    )


def test_participant_details(snap_compare, tmp_path: Path) -> None:
    go = jump(Ref("participant", 1), ["enter"])
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=then(after=go))


def test_event_details(snap_compare, tmp_path: Path) -> None:
    go = jump(Ref("event", 3), ["enter"])
    assert snap_compare(make_app(tmp_path), terminal_size=(100, 30), run_before=then(after=go))


def test_source_with_evidence(snap_compare, tmp_path: Path) -> None:
    go = jump(Ref("key_point", 2), ["enter", "s"])
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=then(after=go))


def test_help(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=then("question_mark"))


def test_error_screen(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BRIEFINGS)  # problems name the file as given: keep the path stable
    broken = make_app(tmp_path, Path("broken.yaml"), watch=True)
    assert snap_compare(broken, terminal_size=(100, 30), run_before=then())


def test_hostile_text_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, HOSTILE), terminal_size=(120, 40), run_before=then())


def test_hostile_text_details_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, HOSTILE), terminal_size=(80, 24), run_before=then("4", "enter"))


def test_library_120x40(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(BENCHMARKS, tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # the title names the folder as given: keep it stable
    library = make_app(tmp_path, Path("data"), watch=True)
    assert snap_compare(library, terminal_size=(120, 40), run_before=then())


def test_find_in_a_briefing(snap_compare, tmp_path: Path) -> None:
    query = '"transit trade" OR bank*'
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=then("f", *query))


def test_find_in_a_library(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(BENCHMARKS, tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # the title names the folder as given: keep it stable
    library = make_app(tmp_path, Path("data"), watch=True)
    assert snap_compare(library, terminal_size=(120, 40), run_before=then("f", *"energy OR gas"))


def test_find_in_the_source(snap_compare, tmp_path: Path) -> None:
    go = jump(Ref("key_point", 2), ["enter", "s", "slash", *"trade", "enter", "n"])
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=then(after=go))
