"""`e` opens the user's editor at the place under the cursor: the app is suspended meanwhile, and on
return it is where it was, with the saved change shown (through live reload).

The editor is a fake: a small Python script, set as the config's `editor:` or as `$EDITOR`, that
records its argv and edits the file as a person would. Textual's headless driver cannot suspend
(`App.suspend` raises `SuspendNotSupported` there), so the tests that need it give the app a
`suspend` of their own, recording when the app was suspended; everything else is the real path.
"""

from __future__ import annotations

import json
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from apptest import SIZE, main_screen, make_app, notifications, ready
from briefing_tui.app import BriefingApp
from briefing_tui.items import Ref
from briefing_tui.screens.details import DetailsScreen
from briefing_tui.screens.error import ErrorScreen
from briefing_tui.screens.source import SourceScreen
from briefing_tui.widgets.problems import ProblemList

DATA = Path(__file__).resolve().parents[1] / "data"
NAME = "pakistan-kazakhstan-state-visit"
TIMEOUT = 5.0

#: The fake editor. Its argv is a preset's (`+call cursor(L,C) FILE`, as for vim) or the tests'
#: template (`L C FILE`). It logs the argv, then edits: on a `- name:` line it appends " (edited)",
#: and anywhere it mends the impossible date the tests write.
SCRIPT = """\
import json, re, sys
args = sys.argv[1:]
with open(LOG, "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
if args[0].startswith("+call cursor("):
    line, path = int(re.findall(r"\\d+", args[0])[0]), args[1]
else:
    line, path = int(args[0]), args[2]
with open(path, encoding="utf-8") as file:
    lines = file.read().split("\\n")
if "- name: " in lines[line - 1]:
    lines[line - 1] += " (edited)"
text = "\\n".join(lines).replace("date: 2026-02-30", "date: 2026-02-04")
with open(path, "w", encoding="utf-8") as file:
    file.write(text)
sys.exit(STATUS)
"""


def fake_editor(folder: Path, name: str = "fake-editor", *, status: int = 0) -> tuple[Path, Path]:
    """The script (named `name`, executable) and the log of its runs, one JSON argv a line."""
    script, log = folder / name, folder / f"{name}.log"
    body = SCRIPT.replace("LOG", repr(str(log))).replace("STATUS", str(status))
    script.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def runs(log: Path) -> list[list[str]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def copy_sample(tmp_path: Path) -> Path:
    folder = tmp_path / "my briefings; $(x)"  # a path a shell would not pass as one word
    folder.mkdir()
    for suffix in (".yaml", ".txt"):
        shutil.copy(DATA / f"{NAME}{suffix}", folder)
    return folder / f"{NAME}.yaml"


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def with_editor(tmp_path: Path, setting: str) -> Path:
    config = tmp_path / "config.yaml"
    config.write_text(f"editor: {json.dumps(setting)}\n", encoding="utf-8")
    return config


class Suspensions:
    """A `suspend` for the app under test: records each suspension and what the editor had logged
    by the time the app resumed."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.seen: list[tuple[int, int]] = []  # runs logged on suspending, and on resuming

    @contextmanager
    def __call__(self) -> Iterator[None]:
        before = len(runs(self.log))
        yield
        self.seen.append((before, len(runs(self.log))))


def suspendable(app: BriefingApp, log: Path) -> Suspensions:
    suspensions = Suspensions(log)
    app.suspend = suspensions  # type: ignore[method-assign,assignment]
    return suspensions


async def until(pilot: Pilot, done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            if done():
                await ready(pilot)
                return
        except Exception:  # a screen half-way through changing
            pass
        await pilot.pause(0.05)
    raise AssertionError(f"not within {TIMEOUT} s: {what} (screen: {pilot.app.screen!r})")


async def watching(pilot: Pilot) -> None:
    await ready(pilot)
    app = pilot.app
    assert isinstance(app, BriefingApp)
    await until(pilot, lambda: app._watcher is not None and app._watcher.running, "the watcher runs")
    await pilot.pause(0.2)


async def test_e_on_a_participant_edits_at_their_line_and_the_change_shows_in_place(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    script, log = fake_editor(tmp_path)
    app = make_app(
        tmp_path, path, config=with_editor(tmp_path, f"'{script}' {{line}} {{column}} {{file}}"), watch=True
    )
    suspensions = suspendable(app, log)
    async with app.run_test(size=SIZE) as pilot:
        await watching(pilot)
        await pilot.press("4", "j")  # Kassym-Jomart Tokayev
        screen = main_screen(pilot)
        assert screen.participants.item_list.current_ref == Ref("participant", 1)
        line = line_of(path, "- name: Kassym-Jomart Tokayev")
        await pilot.press("e")
        await until(pilot, lambda: bool(runs(log)), "the editor ran")
        assert runs(log) == [[str(line), "5", str(path)]]
        assert suspensions.seen == [(0, 1)]  # the editor ran while the app was suspended
        await until(pilot, lambda: screen.briefing.participants[1].name.endswith("(edited)"), "the change")
        assert main_screen(pilot) is screen  # exactly where it was
        assert screen.focused is screen.participants.item_list
        assert screen.participants.item_list.current_ref == Ref("participant", 1)
        assert "Kassym-Jomart Tokayev (edited)" in str(
            screen.participants.item_list.highlighted_option.prompt
        )  # type: ignore[union-attr]


async def test_e_on_the_error_screen_edits_at_the_problem_with_a_preset_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_sample(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-02-04", "date: 2026-02-30"))
    folder = tmp_path / "bin"
    folder.mkdir()
    script, log = fake_editor(folder, "vim")  # the vim preset, by the executable's name
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    app = make_app(tmp_path, path, watch=True)
    suspensions = suspendable(app, log)
    async with app.run_test(size=SIZE) as pilot:
        await watching(pilot)
        assert isinstance(pilot.app.screen, ErrorScreen)
        await pilot.press("e")
        await until(pilot, lambda: bool(runs(log)), "the editor ran")
        assert runs(log) == [["+call cursor(9,7)", str(path)]]
        assert suspensions.seen == [(0, 1)]
        await until(pilot, lambda: main_screen(pilot).briefing.date.isoformat() == "2026-02-04", "the fix")
        await pilot.press("q")
    assert app.return_code == 0


async def test_e_in_the_reload_banner_edits_at_the_highlighted_problem(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    script, log = fake_editor(tmp_path)
    app = make_app(
        tmp_path, path, config=with_editor(tmp_path, f"{script} {{line}} {{column}} {{file}}"), watch=True
    )
    suspendable(app, log)
    async with app.run_test(size=SIZE) as pilot:
        await watching(pilot)
        screen = main_screen(pilot)
        path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-02-04", "date: 2026-02-30"))
        await until(pilot, lambda: bool(screen.query("#reload-problems")), "the banner")
        banner = screen.query_one("#reload-problems", ProblemList)
        assert str(banner.border_subtitle) == "e edits at the highlighted problem · y copies them"
        await pilot.press("1", "shift+tab")
        assert screen.focused is banner
        await pilot.press("e")
        await until(pilot, lambda: bool(runs(log)), "the editor ran")
        assert runs(log) == [["9", "7", str(path)]]
        await until(pilot, lambda: not screen.query("#reload-problems"), "the banner goes")
        assert main_screen(pilot) is screen
        assert screen.focused is screen.query_one("#headline")  # the banner's next stop


async def test_e_in_the_details_and_the_source_view(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    script, log = fake_editor(tmp_path)
    app = make_app(tmp_path, path, config=with_editor(tmp_path, f"{script} {{line}} {{column}} {{file}}"))
    suspendable(app, log)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4", "enter")  # Asif Ali Zardari's details
        assert isinstance(pilot.app.screen, DetailsScreen)
        await pilot.press("e")
        await until(pilot, lambda: len(runs(log)) == 1, "the editor ran")
        assert runs(log)[-1] == [str(line_of(path, "- name: Asif Ali Zardari")), "5", str(path)]
        details = pilot.app.screen
        role = list(details.query(".field"))[1]
        await pilot.click(role)  # the Role field: chosen
        assert role.has_class("-chosen")
        await pilot.press("e")
        await until(pilot, lambda: len(runs(log)) == 2, "the editor ran at the field")
        assert runs(log)[-1] == [str(line_of(path, "role: President of Pakistan")), "5", str(path)]
        await pilot.press("tab", "e")  # the related list: the first event he attended
        await until(pilot, lambda: len(runs(log)) == 3, "the editor ran again")
        assert runs(log)[-1] == [str(line_of(path, "- name: tête-à-tête meeting")), "5", str(path)]
        await pilot.press("s")
        source = pilot.app.screen
        assert isinstance(source, SourceScreen)
        await pilot.press("e")
        await until(pilot, lambda: len(runs(log)) == 4, "the editor ran on the source")
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        start = source.found[source.current][0]
        line = text.count("\n", 0, start) + 1
        column = start - text.rfind("\n", 0, start)
        assert runs(log)[-1] == [str(line), str(column), str(path.with_suffix(".txt"))]
        assert "ISLAMABAD" in text.splitlines()[line - 1]


async def test_where_the_app_cannot_suspend_a_notice_names_the_place(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    script, log = fake_editor(tmp_path)
    app = make_app(tmp_path, path, config=with_editor(tmp_path, f"{script} {{line}} {{column}} {{file}}"))
    async with app.run_test(size=SIZE) as pilot:  # headless: Textual's suspend is not supported
        await ready(pilot)
        await pilot.press("4", "e")
        await until(pilot, lambda: bool(notifications(app)), "a notice")
        line = line_of(path, "- name: Asif Ali Zardari")
        assert notifications(app) == [
            f"This terminal cannot hand the screen to an editor: edit {path}:{line} yourself"
        ]
        assert runs(log) == []


async def test_served_on_the_web_a_notice_names_the_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_sample(tmp_path)
    script, log = fake_editor(tmp_path)
    monkeypatch.setattr(BriefingApp, "is_web", property(lambda self: True))
    app = make_app(tmp_path, path, config=with_editor(tmp_path, str(script)))
    suspendable(app, log)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("1", "e")
        await until(pilot, lambda: bool(notifications(app)), "a notice")
        assert notifications(app) == [
            f"An editor cannot open in a web page: edit {path}:{line_of(path, 'headline:')} yourself"
        ]
        assert runs(log) == []


@pytest.mark.parametrize("status", [None, 3])
async def test_a_missing_or_failing_editor_gives_a_notice(tmp_path: Path, status: int | None) -> None:
    path = copy_sample(tmp_path)
    script, log = fake_editor(tmp_path, status=status or 0)
    command = str(tmp_path / "no-such-editor") if status is None else str(script)
    app = make_app(tmp_path, path, config=with_editor(tmp_path, f"{command} {{line}} {{column}} {{file}}"))
    suspensions = suspendable(app, log)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await until(pilot, lambda: bool(notifications(app)), "a notice")
        expected = (
            f"editor not found: {command} (set 'editor:' in the config file, or $VISUAL or $EDITOR)"
            if status is None
            else f"the editor {command} exited with status 3"
        )
        assert notifications(app) == [expected]
        assert len(suspensions.seen) == 1  # and the app came back
        assert pilot.app.screen is main_screen(pilot)
        await pilot.press("q")
    assert app.return_code == 0
