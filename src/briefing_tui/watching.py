"""Watching files for saves, so the browser can reload what an editor wrote.

A plain daemon thread, not a Textual worker: tests (and the app) wait for every worker to finish,
and a watcher never does. It watches folders, not files, so an editor that saves by writing a
temporary file and renaming it over the old one is seen too. A watched folder that is moved or
deleted is reported, and then waited for in the nearest folder above it that exists: the caller
asks again (`watch_files`, `watch_folder`) and watching resumes when it is back. Never imports
textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing_tui.paths import BRIEFING_SUFFIXES

#: What a change of, in a watched folder, is worth a reload for: briefings and source articles.
WATCHED_IN_FOLDERS = (*BRIEFING_SUFFIXES, ".txt", ".md", ".text")

#: How long `stop` waits for a watcher thread; watchfiles checks the stop event every 50 ms.
JOIN_TIMEOUT = 2.0
#: After a watched folder went or came back, the new watch reports the watched paths once it is in
#: place (they may have changed before it was): watchfiles says so by a timeout this long, in ms.
RESYNC_MS = 200


def _absolute(path: Path) -> Path:
    """The path as watchfiles reports it: the real folder, joined with the name as written."""
    path = Path(path).absolute()
    return path.parent.resolve() / path.name


def _existing(folder: Path) -> Path:
    """`folder`, or the nearest folder above it that exists."""
    while not folder.is_dir() and folder.parent != folder:
        folder = folder.parent
    return folder


class FileWatcher:
    """Calls `on_change(paths)` (in its thread) when watched files change, `on_error(text)` if it fails.

    Either a set of files (`watch_files`; their folders are watched, not recursively) or every
    briefing under a folder (`watch_folder`).
    """

    def __init__(
        self,
        on_change: Callable[[set[Path]], object],
        on_error: Callable[[str], object],
    ) -> None:
        self._on_change = on_change
        self._on_error = on_error
        self._files: frozenset[Path] = frozenset()
        self._folder: Path | None = None
        #: The watched folders and those on the way down to a missing one: moving or deleting them
        #: (or one coming back) is reported.
        self._lifelines: frozenset[Path] = frozenset()
        self._roots: tuple[Path, ...] = ()
        self._recursive = False
        #: Some watched folder is missing (its nearest existing ancestor is watched instead).
        self._missing = False
        self._stop: threading.Event | None = None
        self._threads: list[threading.Thread] = []

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def watch_files(self, files: Iterable[Path]) -> None:
        """Watch exactly these files; the thread restarts only when their folders change."""
        self._files = frozenset(_absolute(path) for path in files)
        self._folder = None
        self._watch({path.parent for path in self._files}, recursive=False)

    def watch_folder(self, folder: Path) -> None:
        """Watch every *.yaml and *.yml file under `folder`."""
        self._folder = Path(folder).resolve()
        self._files = frozenset()
        self._watch({self._folder}, recursive=True)

    def _watch(self, folders: set[Path], *, recursive: bool) -> None:
        """Watch `folders` (a missing one: from the nearest folder above it that exists), unless
        that is what is watched already."""
        lifelines: set[Path] = set()
        roots: set[Path] = set()
        for folder in folders:
            root = _existing(folder)
            roots.add(root)
            lifelines.update(p for p in (folder, *folder.parents) if p == root or root in p.parents)
        self._lifelines = frozenset(lifelines)
        missing = any(_existing(folder) != folder for folder in folders)
        # Watched recursively only while it is there: its ancestor is watched for it alone.
        recursive = recursive and not missing
        ordered = tuple(sorted(roots))
        if (ordered, recursive) != (self._roots, self._recursive) or not self.running:
            # After a folder went or came back, what is watched may have changed meanwhile.
            resync = (missing or self._missing) and self.running
            self._missing = missing
            self._start(ordered, recursive=recursive, resync=resync)

    def _wanted(self, _change: object, name: str) -> bool:
        path = Path(name)
        if path in self._lifelines:
            return True
        if self._folder is not None:  # the briefings, and their articles (whose quotes they check)
            return path.suffix.lower() in WATCHED_IN_FOLDERS
        return path in self._files

    def _start(self, roots: tuple[Path, ...], *, recursive: bool, resync: bool = False) -> None:
        if self._stop is not None:
            self._stop.set()
        self._threads = [thread for thread in self._threads if thread.is_alive()]
        self._roots, self._recursive = roots, recursive
        stop = self._stop = threading.Event()
        thread = threading.Thread(
            target=self._run,
            args=(roots, recursive, stop, resync),
            name="briefing-tui-watch",
            daemon=True,
        )
        self._threads.append(thread)
        thread.start()

    def _run(self, roots: tuple[Path, ...], recursive: bool, stop: threading.Event, resync: bool) -> None:
        try:
            from watchfiles import watch

            for changes in watch(
                *roots,
                watch_filter=self._wanted,
                stop_event=stop,
                recursive=recursive,
                raise_interrupt=False,
                # With `resync`, the first (possibly empty) batch says the watch is in place.
                yield_on_timeout=resync,
                rust_timeout=RESYNC_MS if resync else 5000,
            ):
                if stop.is_set():
                    return
                paths = {Path(name) for _, name in changes}
                if resync:
                    resync = False
                    paths |= self._files if self._folder is None else {self._folder}
                if paths:
                    self._on_change(paths)
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
        self._missing = False
