"""Watching files for saves, so the browser can reload what an editor wrote.

A plain daemon thread, not a Textual worker: tests (and the app) wait for every worker to finish,
and a watcher never does. It watches folders, not files, so an editor that saves by writing a
temporary file and renaming it over the old one is seen too. Never imports textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing_tui.paths import BRIEFING_SUFFIXES

#: How long `stop` waits for a watcher thread; watchfiles checks the stop event every 50 ms.
JOIN_TIMEOUT = 2.0


def _absolute(path: Path) -> Path:
    """The path as watchfiles reports it: the real folder, joined with the name as written."""
    path = Path(path).absolute()
    return path.parent.resolve() / path.name


class FileWatcher:
    """Calls `on_change(paths)` (in its thread) when watched files change, `on_error(text)` if it fails.

    Either a set of files (`watch_files`; their folders are watched, not recursively) or every
    briefing under a folder (`watch_folder`).
    """

    def __init__(
        self,
        on_change: Callable[[set[Path]], None],
        on_error: Callable[[str], None],
    ) -> None:
        self._on_change = on_change
        self._on_error = on_error
        self._files: frozenset[Path] = frozenset()
        self._folder: Path | None = None
        self._roots: tuple[Path, ...] = ()
        self._stop: threading.Event | None = None
        self._threads: list[threading.Thread] = []

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def watch_files(self, files: Iterable[Path]) -> None:
        """Watch exactly these files; the thread restarts only when their folders change."""
        self._files = frozenset(_absolute(path) for path in files)
        self._folder = None
        roots = tuple(sorted({path.parent for path in self._files}))
        if roots != self._roots or not self.running:
            self._start(roots, recursive=False)

    def watch_folder(self, folder: Path) -> None:
        """Watch every *.yaml and *.yml file under `folder`."""
        self._folder = Path(folder).resolve()
        self._files = frozenset()
        self._start((self._folder,), recursive=True)

    def _wanted(self, _change: object, name: str) -> bool:
        path = Path(name)
        if self._folder is not None:
            return path.suffix.lower() in BRIEFING_SUFFIXES
        return path in self._files

    def _start(self, roots: tuple[Path, ...], *, recursive: bool) -> None:
        if self._stop is not None:
            self._stop.set()
        self._threads = [thread for thread in self._threads if thread.is_alive()]
        self._roots = roots
        stop = self._stop = threading.Event()
        thread = threading.Thread(
            target=self._run, args=(roots, recursive, stop), name="briefing-tui-watch", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _run(self, roots: tuple[Path, ...], recursive: bool, stop: threading.Event) -> None:
        try:
            from watchfiles import watch

            for changes in watch(
                *roots,
                watch_filter=self._wanted,
                stop_event=stop,
                recursive=recursive,
                raise_interrupt=False,
            ):
                if stop.is_set():
                    return
                self._on_change({Path(name) for _, name in changes})
        except Exception as exc:  # shown to the user as a notification, never a traceback
            if not stop.is_set():
                self._on_error(f"{type(exc).__name__}: {exc}")

    def stop(self) -> None:
        """Stop watching and wait for the thread(s) to end."""
        if self._stop is not None:
            self._stop.set()
        for thread in self._threads:
            thread.join(JOIN_TIMEOUT)
        self._threads = []
        self._roots = ()
