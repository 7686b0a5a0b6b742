"""The config file: theme and keymap in, theme out; a broken file is a message, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from textual.pilot import Pilot

from apptest import BRIEFINGS, make_app, notifications, ready
from briefing_tui.app import BriefingApp, build_app
from briefing_tui.config import (
    ENV_VAR,
    ConfigError,
    checked_keymap,
    load_config,
    resolve_config_path,
    save_theme,
    with_theme,
)
from briefing_tui.keys import binding_ids
from briefing_tui.screens.error import ErrorScreen
from briefing_tui.screens.help import HelpScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.problems import ProblemList


def app_with_config(tmp_path: Path, text: str | None, path: Path | None = None) -> BriefingApp:
    config = tmp_path / "config.yaml"
    if text is not None:
        config.write_text(text, encoding="utf-8")
    return make_app(tmp_path, path, config=config, watch=True)


def notes(pilot: Pilot) -> str:
    return "\n".join(notifications(pilot.app))


# -- keymap ------------------------------------------------------------------------------------


async def test_keymap_remaps_bindings_by_id(tmp_path: Path) -> None:
    app = app_with_config(tmp_path, "keymap:\n  down: n\n  help: f1\n  quit: ctrl+x\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        people = pilot.app.screen.query_one("#key-points")
        await pilot.press("n")
        assert people.highlighted == 1
        await pilot.press("j")  # no longer bound
        assert people.highlighted == 1
        await pilot.press("q")  # no longer quits
        assert app.is_running
        await pilot.press("f1")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = "\n".join(str(w.render()) for w in help_screen.query(".keys")).splitlines()
        down = next(row for row in rows if row.rstrip().endswith(" down"))
        assert down.split()[0] == "n"
        assert any(row.split()[0] == "^x" and row.rstrip().endswith(" quit") for row in rows)
        await pilot.press("escape", "ctrl+x")
    assert app.return_code == 0


async def test_the_keymap_in_force_leaves_out_unknown_ids(tmp_path: Path) -> None:
    app = app_with_config(tmp_path, "keymap:\n  dwon: x\n  down: n\n")
    assert app.keymap == {"down": "n"}  # final before the app runs
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.keymap == {"down": "n"}
        await pilot.press("n")
        assert pilot.app.screen.query_one("#key-points").highlighted == 1


async def test_keymap_accepts_lists_of_keys(tmp_path: Path) -> None:
    app = app_with_config(tmp_path, "keymap:\n  down: [n, j]\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("n", "j")
        assert pilot.app.screen.query_one("#key-points").highlighted == 2


async def test_nonsense_keys_are_named_and_the_default_kept(tmp_path: Path) -> None:
    text = "keymap:\n  quit: zzz\n  down: j,ctrl+alt+shift+banana,f99\n"
    app = app_with_config(tmp_path, text)
    assert app.keymap == {"down": "j"}
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        config = tmp_path / "config.yaml"
        assert f"{config}: keymap: quit: 'zzz' is not a key (" in notes(pilot)
        assert "; keeping the default: q" in notes(pilot)
        assert (
            f"{config}: keymap: down: 'ctrl+alt+shift+banana' ('banana' is not a key), 'f99' are not keys"
            in (notes(pilot))
        )
        await pilot.press("j")
        assert pilot.app.screen.query_one("#key-points").highlighted == 1
        await pilot.press("q")  # still quits
    assert app.return_code == 0


async def test_a_key_given_to_two_bindings_of_one_screen_is_a_notice(tmp_path: Path) -> None:
    # The README's example once read so: n went to `down` in the source view, not to the next quote.
    app = app_with_config(tmp_path, "keymap:\n  quit: ctrl+q\n  down: j,down,n\n")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        assert notifications(app) == [
            f"{tmp_path / 'config.yaml'}: keymap: n is the key of both 'down' and 'next-quote' on the source "
            "screen: only one of them can have it"
        ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("keymap:\n  dwon: n\n", "unknown binding id 'dwon'; did you mean 'down'?"),
        ("keymap:\n  down: 3\n", "keymap: down: expected keys such as 'ctrl+q' or 'j,down', found int"),
        ("keymap: [a, b]\n", "keymap: expected a mapping of binding ids to keys, found a list"),
        ("theme: [1]\n", "theme: expected a theme name, found a list"),
        ("theme: no-such-theme\n", "unknown theme 'no-such-theme'"),
        ("colour: red\n", "unknown setting 'colour'"),
        ("keymap:\n  down: j\n bad: [\n", "config.yaml:3:2: not valid YAML"),
        ("- a list\n", "expected a mapping such as 'theme: nord', found a list"),
    ],
)
async def test_config_problems_are_messages_not_crashes(tmp_path: Path, text: str, expected: str) -> None:
    app = app_with_config(tmp_path, text)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        assert isinstance(pilot.app.screen, MainScreen)
        assert expected in notes(pilot)


async def test_a_config_that_is_not_utf8_is_a_message(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_bytes(b"theme: \xff\xfe\n")
    app = make_app(tmp_path, None, config=config, watch=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        assert "not UTF-8 text" in notes(pilot)


# -- theme -------------------------------------------------------------------------------------


async def test_theme_comes_from_the_config(tmp_path: Path) -> None:
    async with app_with_config(tmp_path, "theme: nord\n").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert pilot.app.theme == "nord"


async def test_choosing_a_theme_in_the_palette_persists_it(tmp_path: Path) -> None:
    text = "# my settings\nkeymap:\n  down: j,down  # vim keys\ntheme: nord\n"
    app = app_with_config(tmp_path, text)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.5)
        await pilot.press("enter")  # the "Theme" command: a palette of themes
        await pilot.pause(0.5)
        await pilot.press(*"gruvbox")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await ready(pilot)
        assert pilot.app.theme == "gruvbox"
    saved = (tmp_path / "config.yaml").read_text(encoding="utf-8")
    assert saved == text.replace("theme: nord", "theme: gruvbox")


async def test_theme_is_saved_to_a_new_config_file(tmp_path: Path) -> None:
    app = app_with_config(tmp_path / "deeper", None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pilot.app.theme = "dracula"
        await ready(pilot)
    config = tmp_path / "deeper" / "config.yaml"
    assert yaml.safe_load(config.read_text(encoding="utf-8")) == {"theme": "dracula"}
    assert [p.name for p in config.parent.iterdir()] == ["config.yaml"]  # no temporary left


async def test_a_broken_config_is_never_overwritten(tmp_path: Path) -> None:
    text = "theme: [unclosed\n"
    app = app_with_config(tmp_path, text)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        pilot.app.theme = "dracula"
        await ready(pilot)
        assert "Theme not saved" in notes(pilot)
    assert (tmp_path / "config.yaml").read_text(encoding="utf-8") == text


def test_with_theme_keeps_comments_and_other_keys() -> None:
    text = "# top\ntheme: nord # mine\nkeymap: {down: n}\n"
    assert with_theme(text, "dracula") == "# top\ntheme: dracula\nkeymap: {down: n}\n"
    assert with_theme("", "nord") == "theme: nord\n"
    assert with_theme("keymap: {down: n}", "nord") == "keymap: {down: n}\ntheme: nord\n"
    odd = with_theme("theme: >\n  nord\n", "a theme")
    assert yaml.safe_load(odd) == {"theme": "a theme"}
    with pytest.raises(ConfigError):
        with_theme("- a\n", "nord")


def test_save_theme_follows_a_symlinked_config(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "config.yaml"
    real.parent.mkdir()
    real.write_text("theme: nord\n", encoding="utf-8")
    link = tmp_path / "config.yaml"
    link.symlink_to(real)
    save_theme(link, "dracula")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "theme: dracula\n"


def test_config_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.yaml"))
    assert resolve_config_path(tmp_path / "arg.yaml") == tmp_path / "arg.yaml"
    assert resolve_config_path() == tmp_path / "env.yaml"
    monkeypatch.delenv(ENV_VAR)
    assert resolve_config_path().name == "config.yaml"
    assert "briefing-tui" in str(resolve_config_path())


def test_load_config_collects_every_problem(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("theme: 3\nkeymap:\n  dwon: n\n  up: ''\n  down: ' n , j '\n", encoding="utf-8")
    loaded = load_config(config)
    assert loaded.theme is None
    assert loaded.keymap == {"dwon": "n", "down": "n,j"}
    assert len(loaded.problems) == 2
    keymap, problems = checked_keymap(loaded, binding_ids())
    assert problems == [f"{config}: keymap: unknown binding id 'dwon'; did you mean 'down'?"]
    assert keymap == {"down": "n,j"}
    assert loaded.keymap == {"dwon": "n", "down": "n,j"}  # checking changes nothing
    assert loaded.writable


def test_missing_config_is_the_defaults(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "nope.yaml")
    assert (loaded.theme, loaded.keymap, loaded.problems, loaded.writable) == (None, {}, [], True)


# -- the error screen --------------------------------------------------------------------------


async def test_a_broken_briefing_opens_the_error_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BRIEFINGS)
    app = build_app(Path("broken.yaml"), config_path=tmp_path / "config.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ErrorScreen)
        assert len(screen.problems) >= 3
        for problem in screen.problems:
            path, line, column, message = problem.split(":", 3)
            assert (path, line.isdigit(), column.isdigit()) == ("broken.yaml", True, True), problem
            assert message.strip()
        listed = screen.query_one("#problems", ProblemList)
        rows = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert rows == screen.problems  # a row each, as written
        assert not any("Traceback" in row for row in rows)
        await pilot.press("y")
        assert pilot.app.clipboard == "\n".join(screen.problems)
        await pilot.press("q")
    assert app.return_code == 1


@pytest.mark.parametrize("name", ["missing.yaml", "."])
async def test_unreadable_briefings_open_the_error_screen(tmp_path: Path, name: str) -> None:
    app = build_app(tmp_path / name, config_path=tmp_path / "config.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(pilot.app.screen, ErrorScreen)
        await pilot.press("ctrl+q")
    assert app.return_code == 1
