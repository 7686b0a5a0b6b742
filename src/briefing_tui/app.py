"""The Textual app: load a briefing (or a folder) off the UI thread, then show it (or why it failed).

The app routes: it loads, pushes the screen for what loaded, and updates it on saves; the screens
build their own rows. This module imports Textual and nothing heavy: the loader (PyYAML), the screens
and the search engine are imported when first needed, after the first frame is on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen

from briefing_tui import keys
from briefing_tui.config import Config, ConfigError, load_config, resolve_config_path, save_theme
from briefing_tui.screens import loading
from briefing_tui.screens.copying import copy_text
from briefing_tui.screens.navigation import return_to
from briefing_tui.screens.providers import briefing_actions, briefing_commands, library_commands
from briefing_tui.widgets.focus import follow_focus

if TYPE_CHECKING:
    from briefing_tui.screens.main import ViewState
    from briefing_tui.watching import FileWatcher


class BriefingApp(App[None], inherit_bindings=False):
    CSS_PATH = "briefing.tcss"
    TITLE = "briefing-tui"
    COMMANDS = App.COMMANDS | {briefing_commands, briefing_actions, library_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        keys.bind("quit", "quit"),
        keys.bind("quit-anywhere", "quit"),
        keys.bind("help", "help"),
        keys.bind("command-palette", "command_palette"),
    ]

    @dataclass
    class FilesChanged(Message):
        """From the watcher thread: files were saved, replaced or deleted."""

        paths: frozenset[Path]

    @dataclass
    class WatchFailed(Message):
        error: str

    def __init__(self, path: Path, config: Config, *, folder: bool = False, watch: bool = True) -> None:
        """`folder`: `path` is a folder of briefings, opened as a library. `watch`: reload on saves."""
        super().__init__()
        self.reload_on_save = watch
        self._watcher: FileWatcher | None = None
        #: The source file last named by the briefing: watched on, even while the briefing is broken.
        self._source_path: Path | None = None
        #: The main screen's view when it was last replaced, for the next one.
        self._view: ViewState | None = None
        #: The screen showing the briefing (main or error; not in library mode).
        self._shown: Screen[Any] | None = None
        self.briefing_path = path
        self.folder = folder
        self.config = config
        # Final before it is applied, and never changed after: the one keymap of the app.
        keymap, self._keymap_problems = keys.keymap_in_force(config)
        self._keymap_in_force: Mapping[str, str] = MappingProxyType(keymap)
        #: True once the briefing failed to load: quitting then exits with status 1.
        self.failed = False
        self._saved_theme: str | None = None
        self.sub_title = path.name

    @property
    def keymap(self) -> Mapping[str, str]:
        """The keymap in force (binding id -> keys): what the help and the hints show."""
        return self._keymap_in_force

    def get_default_screen(self) -> Screen[Any]:
        return loading.LoadingScreen(self.briefing_path, folder=self.folder)

    def on_mount(self) -> None:
        problems = list(self.config.problems)
        theme = self.config.theme
        if theme is not None:
            if theme in self.available_themes:
                self.theme = theme
            else:
                known = ", ".join(sorted(self.available_themes))
                problems.append(f"{self.config.path}: theme: unknown theme {theme!r} (known: {known})")
        problems += self._keymap_problems
        # Only a choice made from now on is written back to the config file.
        self._saved_theme = self.theme
        self.set_keymap(self.keymap)
        self._load(config_problems=problems)

    # -- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, changed: frozenset[Path] | None = None, config_problems: Sequence[str] = ()) -> None:
        """Open the briefing (or folder): at start-up, or again when `changed` files were saved."""
        found = loading.load(
            self.briefing_path, folder=self.folder, changed=changed, report=self.post_message
        )
        self.post_message(found)
        if config_problems:  # shown once the briefing is, not over the loading screen
            text, title = "\n".join(config_problems), "Config file problems"
            self.call_from_thread(self.notify, text, title=title, severity="error", timeout=12, markup=False)

    @on(loading.LibraryLoaded)
    @on(loading.LibraryProgress)
    def _show_library(self, message: loading.LibraryLoaded | loading.LibraryProgress) -> None:
        from briefing_tui.screens.library import route_library

        route_library(self, message, str(self.briefing_path))
        if isinstance(message, loading.LibraryLoaded):
            self._keep_watching()  # again after a reload: the folder may have gone and come back

    @on(loading.Loaded)
    def _show_briefing(self, message: loading.Loaded) -> None:
        from briefing_tui.screens.main import MainScreen

        self.failed = False
        if message.reload and isinstance(self._shown, MainScreen):
            self._shown.update_briefing(message.briefing, message.store)  # in place: dialogs stay
        else:
            self._show(MainScreen(message.briefing, restore=self._view_to_keep(), then=message.store))
        if message.reload:
            self.notify(f"Reloaded {self.briefing_path.name}", markup=False)
        source = message.briefing.source.file if message.briefing.source else None
        self._source_path = self.briefing_path.parent / source if source else None
        self._keep_watching()

    @on(loading.LoadFailed)
    def _show_problems(self, message: loading.LoadFailed) -> None:
        from briefing_tui.screens.error import RELOAD_NOTE, ErrorScreen
        from briefing_tui.screens.library import FolderErrorScreen
        from briefing_tui.screens.main import MainScreen

        self.failed = not (message.reload and isinstance(self._shown, MainScreen))
        if self.folder:
            self.push_screen(FolderErrorScreen(str(self.briefing_path), message.problems))
            return
        if not self.failed and isinstance(self._shown, MainScreen):
            self._shown.show_problems(message.problems)  # over the last good version
        else:
            self._view = self._view_to_keep()
            note = RELOAD_NOTE if message.reload else None
            self._show(ErrorScreen(str(self.briefing_path), message.problems, note=note))
        self._keep_watching()

    @on(loading.Gone)
    def _gone(self, message: loading.Gone) -> None:
        """The file (or folder) was moved or deleted: say so, and wait for it to come back."""
        from briefing_tui.screens.library import LibraryScreen
        from briefing_tui.screens.main import MainScreen

        if self.folder:
            for screen in self.screen_stack:
                if isinstance(screen, LibraryScreen):
                    screen.folder_gone()
        elif isinstance(self._shown, MainScreen):
            if self._shown.show_gone():  # the last content read stays, marked
                self.notify(f"{message.path.name} was moved or deleted", severity="warning", markup=False)
        else:
            self._show_problems(loading.LoadFailed([f"{message.path}: file not found"], reload=True))
            return
        self._keep_watching()

    def _show(self, screen: Screen[Any]) -> None:
        """Show the briefing's (main or error) screen, in place of the last one and all over it."""
        if self._shown is None:
            self.push_screen(screen)
        else:
            return_to(self._shown)
            self.switch_screen(screen)
        self._shown = screen

    # -- reloading on saves ---------------------------------------------------------------------

    def _watch(self) -> FileWatcher:
        if self._watcher is None:
            from briefing_tui.watching import FileWatcher

            self._watcher = FileWatcher(
                lambda paths: self.post_message(self.FilesChanged(frozenset(paths))),
                lambda error: self.post_message(self.WatchFailed(error)),
            )
        return self._watcher

    def _keep_watching(self) -> None:
        """Watch what is shown: the folder, or the briefing and its source (the watcher starts anew
        only if that changed, or if a folder on the way was moved or deleted)."""
        if not self.reload_on_save:
            return
        try:
            if self.folder:
                self._watch().watch_folder(self.briefing_path)
            else:
                files = (p for p in (self.briefing_path, self._source_path) if p is not None)
                self._watch().watch_files(files)
        except Exception as exc:  # a watcher that cannot start costs the reloads, not the app
            self._watch_failed(self.WatchFailed(f"{type(exc).__name__}: {exc}"))

    def _view_to_keep(self) -> ViewState | None:
        from briefing_tui.screens.main import MainScreen

        return self._shown.view_state() if isinstance(self._shown, MainScreen) else self._view

    @on(FilesChanged)
    def _files_changed(self, message: FilesChanged) -> None:
        self._load(message.paths)

    @on(WatchFailed)
    @on(loading.FolderUnreadable)
    def _watch_failed(self, message: WatchFailed | loading.FolderUnreadable) -> None:
        self.notify(f"Watching for saves failed: {message.error}", severity="error", markup=False)

    def on_unmount(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()

    # -- keys ---------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        follow_focus(self, event)  # runs before App's own key handling

    # -- actions ------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.exit(return_code=1 if self.failed else 0)

    def action_help(self) -> None:
        from briefing_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap, library=self.folder))

    def copy_to_clipboard(self, text: str) -> None:
        copy_text(self, text)  # not OSC 52 alone: the way that works in this terminal

    def action_command_palette(self, themes: bool = False) -> None:
        from briefing_tui.screens.palette import open_palette

        open_palette(self, themes=themes)

    def search_themes(self) -> None:
        self.action_command_palette(themes=True)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand("Help", "Show every key and its binding id", self.action_help)
        yield from super().get_system_commands(screen)

    # -- the theme persists --------------------------------------------------------------------

    def watch_theme(self, theme: str) -> None:
        if self._saved_theme is None or theme == self._saved_theme:
            return  # not mounted yet, or nothing new
        self._saved_theme = theme
        if not self.config.writable:
            self.notify(
                f"Theme not saved: {self.config.path} has problems; fix it to keep your choice",
                severity="warning",
                markup=False,
            )
            return
        self._save_theme(theme)

    @work(thread=True, exclusive=True, group="config", exit_on_error=False)
    def _save_theme(self, theme: str) -> None:
        try:
            save_theme(self.config.path, theme)
        except ConfigError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)


def build_app(
    path: Path | None = None, *, config_path: Path | None = None, watch: bool = True
) -> BriefingApp:
    """The app for the briefing at `path` (None: the bundled sample), with the user's config.

    A folder opens as a library: every briefing under it, listed newest first. `watch`: reload
    what is shown when its files are saved."""
    from briefing_tui.paths import sample_path

    config = load_config(resolve_config_path(config_path))
    path = Path(path) if path is not None else sample_path()
    return BriefingApp(path, config, folder=path.is_dir(), watch=watch)
