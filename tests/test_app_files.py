"""Every briefing in the repository opens in the app: the browser, or the error screen. Never a crash.

Most of these files were written to break the loader (tests/hostile); the app must show what the
loader says about them as text, and quit with status 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from apptest import make_app, ready, screen_text
from briefing_tui.screens.error import ErrorScreen
from briefing_tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    [
        *(ROOT / "tests" / "hostile").glob("*.yaml"),
        *(ROOT / "tests" / "briefings").glob("*.yaml"),
        *(ROOT / "data").glob("*.yaml"),
    ]
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
async def test_every_briefing_file_opens_without_a_traceback(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent)
    app = make_app(tmp_path, Path(path.name), watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, (MainScreen, ErrorScreen)), screen
        for line in screen_text(pilot).splitlines():
            assert cell_len(line) == 80
        failed = isinstance(screen, ErrorScreen)
        if failed:
            assert screen.problems
            assert all(problem.startswith(path.name) for problem in screen.problems)
            assert not any("Traceback" in problem for problem in screen.problems)
        await pilot.press("q")
    assert app.return_code == (1 if failed else 0)


async def test_a_file_shown_from_a_cold_cache_is_cached_after_it_is_on_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The briefing is shown before its cache entry is made (a third of a big file's cold open);
    the entry is written after, so the next start is served by the cache."""
    import shutil

    import briefing_tui.format.loader as loader
    from briefing_tui.paths import sample_path

    monkeypatch.setenv("BRIEFING_TUI_CACHE", str(tmp_path / "cache"))
    for name in (sample_path().name, sample_path().with_suffix(".txt").name):
        shutil.copy(sample_path().parent / name, tmp_path / name)
    path = tmp_path / sample_path().name
    loads: list[str] = []
    real = loader.load_briefing

    def counting(file: Path, **kwargs: int) -> object:
        loads.append(Path(file).name)
        return real(file, **kwargs)

    monkeypatch.setattr(loader, "load_briefing", counting)
    for _ in range(2):
        app = make_app(tmp_path, path)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            assert isinstance(app.screen, MainScreen)
    assert loads == [path.name]  # the second start came from the cache the first one wrote
