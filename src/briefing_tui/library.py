"""Folders of briefings: listing them, loading them through the cache, and what is asked of them.

    library = load_library("desk/")          # or Library.open(Path("desk"))
    library.entries, library.briefings, library.problems
    library.filter("topic:energy after:2026-03-01"), library.find('"transit trade"'), library.persons()

Opening lists the folder and takes every file the cache (`store`) has unchanged from it: its
summary only, enough to list, sort and filter; the briefing itself is built when first asked for.
The other files are loaded in full by the loader, in worker processes when there are many
(`pool`), and written to the cache as they come; `progress` hears of each batch, with its entries,
so a list can fill while the rest loads. Nothing here imports the loader until a file must be loaded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.checksums import Row, loader_version
from briefing_tui.entries import LibraryEntry, PersonRef, Progress, Summary, newest_first, participants_of
from briefing_tui.folders import briefing_files_with_stat, folder_entries
from briefing_tui.format.reading import DEFAULT_MAX_BYTES
from briefing_tui.gc_control import paused
from briefing_tui.paths import cache_path
from briefing_tui.stamps import (
    file_digest,
    is_racy,
    regular_stat,
    source_target,
    stamp,
    unchanged_source,
)
from briefing_tui.store import Store

if TYPE_CHECKING:
    from briefing_tui.filters import FilterIndex, Sort
    from briefing_tui.find import Found
    from briefing_tui.format.model import Briefing
    from briefing_tui.format.problems import Problem
    from briefing_tui.persons import People
    from briefing_tui.pool import Result


__all__ = [
    "Library",
    "LibraryEntry",
    "PersonRef",
    "Progress",
    "Summary",
    "briefing_files",
    "folder_entries",
    "load_cached",
    "load_library",
    "newest_first",
    "participants_of",
]


ProgressCallback = Callable[[Progress], None]


def load_library(
    path: str | os.PathLike[str],
    *,
    use_cache: bool = True,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
) -> Library:
    """The briefings at `path` (a folder, searched recursively, or one file), loaded through the
    cache unless `use_cache` is false. `workers`: processes to load with (default: one per core
    for a large folder, none for a few files)."""
    return Library.open(Path(path), use_cache=use_cache, progress=progress, workers=workers)


def load_cached(
    path: str | os.PathLike[str], *, use_cache: bool = True, later: Later | None = None
) -> Briefing:
    """One briefing file through the cache: what `load_briefing` returns, or raises, for it. `later`:
    a file not in the cache is returned once loaded, and `later` given the writing of its cache entry,
    to run once it is on screen (a third of a big file's cold open); else the entry is written first."""
    from briefing_tui.format.problems import BriefingError

    library = Library(Path(path), use_cache=use_cache)
    library.load(single=True, later=later)
    [entry] = library.entries
    briefing = entry.briefing
    if briefing is None:
        raise BriefingError(entry.problems)
    return briefing


def briefing_files(path: Path) -> Iterator[Path]:
    """The briefing files at `path`: itself, or those below a folder (not hidden ones), sorted."""
    if not path.is_dir():
        yield path
        return
    yield from (Path(found) for found, _ in briefing_files_with_stat(path))


#: Given a piece of work (writing a cache entry), runs it later (see `load_cached`).
Later = Callable[[Callable[[], None]], object]


class Library:
    """The briefings at a path (a file or a folder), loaded through the cache."""

    def __init__(self, root: Path, *, use_cache: bool = True, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.store = Store(cache_path() if use_cache else None)
        #: Every file, in path order once loaded (in the order they came while loading).
        self.entries: list[LibraryEntry] = []
        self._persons: People | None = None
        self._filter_index: FilterIndex | None = None

    @classmethod
    def open(
        cls,
        root: Path,
        *,
        use_cache: bool = True,
        progress: ProgressCallback | None = None,
        workers: int | None = None,
    ) -> Library:
        library = cls(root, use_cache=use_cache)
        library.load(progress=progress, workers=workers)
        return library

    @property
    def note(self) -> str | None:
        """Why the cache is not in use, when it is not (read-only, not ours...)."""
        return self.store.note

    # -- loading -----------------------------------------------------------------------------------

    def load(
        self,
        *,
        progress: ProgressCallback | None = None,
        workers: int | None = None,
        single: bool = False,
        later: Later | None = None,
    ) -> None:
        """List the files and load them: cached ones first, the others in full (`single`: `root`
        is one file, even if it is a folder: the loader then says so; `later`: see `load_cached`)."""
        from briefing_tui import pool

        self._persons = None
        self._filter_index = None
        root = str(self.root)
        folder = not single and os.path.isdir(root)
        listing = briefing_files_with_stat(self.root) if folder else [(root, regular_stat(root))]
        keys = _Keys(root)
        try:
            rows = self.store.rows(keys.of(root), folder=folder)
        except Exception as exc:  # a damaged database: every file is a miss
            self._store_failed(exc)
            rows = {}
        order = {path: index for index, (path, _) in enumerate(listing)}
        entries: list[LibraryEntry] = []
        missing: list[str] = []
        for path, info in listing:
            row = rows.get(keys.of(path))
            summary = self._cached_summary(row, path, info) if row is not None and info is not None else None
            if summary is None or row is None:
                missing.append(path)
            else:
                entries.append(LibraryEntry(path, summary, fetch=self._fetch, file_id=row.id))
        self.entries = entries
        if single and later is not None and missing:
            self._load_first(missing[0], keys, later)
            return
        total = len(listing)
        if progress is not None:
            progress(Progress(len(entries), total, tuple(entries)))
        stored: set[str] = set()
        for batch in self._load_all(missing, pool.worker_count(len(missing), workers)):
            new = self._add(batch, keys, stored)
            self.entries.extend(new)
            if progress is not None:
                progress(Progress(len(self.entries), total, tuple(new)))
        self.entries.sort(key=lambda entry: order[entry.path_text])
        listed = {keys.of(path) for path, _ in listing}
        hits = {keys.of(entry.path_text) for entry in entries}
        stale = [key for key in rows if key not in listed or (key not in hits and key not in stored)]
        self._forget(stale)

    def _load_first(self, path: str, keys: _Keys, later: Later) -> None:
        """One file loaded in full, listed at once; its cache entry made and written `later`."""
        from briefing_tui import pool

        loaded = pool.guarded(pool.load_then_prepare, path, self.max_bytes)
        if isinstance(loaded, pool.Failed):
            self.entries = [LibraryEntry(path, problems=loaded.problems)]
            return
        self.entries = [LibraryEntry(path, briefing=loaded[0])]

        def write() -> None:
            with paused():  # a collector pass over what it makes would stall the UI it runs beside
                self._add([loaded[1](False)], keys, set())

        later(write)

    def _load_all(self, paths: Sequence[str], workers: int) -> Iterator[list[Result]]:
        """Load results in batches (a batch a worker could not finish is loaded here)."""
        from briefing_tui import pool

        yield from pool.load_files(paths, max_bytes=self.max_bytes, workers=workers)

    def _add(self, batch: list[Result], keys: _Keys, stored: set[str]) -> list[LibraryEntry]:
        """Entries for freshly loaded files; the valid ones are written to the cache."""
        from briefing_tui.pool import Loaded

        loaded = [result for result in batch if isinstance(result, Loaded)]
        for result in loaded:
            result.key = keys.of(result.path)
        ids = self._put(loaded)
        stored.update(result.key for result in loaded if result.path in ids)
        new = []
        for done in batch:
            if isinstance(done, Loaded):
                entry = LibraryEntry(
                    done.path,
                    Summary.from_json(done.summary),
                    briefing=done.briefing,
                    fetch=self._fetch,
                    file_id=ids.get(done.path),
                )
            else:
                entry = LibraryEntry(done.path, problems=done.problems)
            new.append(entry)
        return new

    def _put(self, loaded: list[Any]) -> dict[str, int]:
        """Write entries to the cache: their ids by path as given. If the database fails, this
        session goes on with one in memory (see `Store.failed`), written again."""
        try:
            ids = self.store.put(loaded, self.max_bytes)
        except Exception as exc:  # sqlite3's errors, and whatever a damaged file raises
            self._store_failed(exc)
            try:
                ids = self.store.put(loaded, self.max_bytes)
            except Exception:
                return {}
        by_key = {result.key: result.path for result in loaded}
        return {by_key[key]: file_id for key, file_id in ids.items()}

    def _forget(self, keys: list[str]) -> None:
        if not keys:
            return
        try:
            self.store.remove(keys)
        except Exception as exc:
            self._store_failed(exc)

    def _store_failed(self, exc: Exception) -> None:
        import sqlite3

        self.store.failed(exc if isinstance(exc, sqlite3.Error) else sqlite3.DatabaseError(str(exc)))
        for entry in self.entries:
            entry.file_id = None

    # -- is a cached entry still right? -------------------------------------------------------------

    def _cached_summary(self, row: Row, path: str, info: os.stat_result) -> Summary | None:
        if not self._fresh(row, path, info):
            return None
        try:
            return Summary.from_json(row.summary)
        except (ValueError, KeyError, TypeError):
            return None

    def _fresh(self, row: Row, path: str, info: os.stat_result) -> bool:
        """Whether the entry is intact and its file and source file unchanged since it was written,
        the source still where the loader accepts it (see `stamps`)."""
        if not row.valid or row.loader != loader_version() or row.max_bytes != self.max_bytes:
            return False
        if row.file_stamp != stamp(info):
            return False
        if is_racy(info, row.written_ns) and file_digest(path) != row.file_digest:
            return False
        if row.source_name is None:
            return True
        target = source_target(path, row.source_name)
        source = regular_stat(target) if target is not None else None
        if target is None or source is None or stamp(source) != row.source_stamp:
            return False
        return not (is_racy(source, row.written_ns) and file_digest(target) != row.source_digest)

    def _fetch(self, entry: LibraryEntry) -> Briefing | None:
        """An entry's briefing: from the cache if it still checks out, else by a full load (which
        may now find problems: they become the entry's)."""
        from briefing_tui.pool import Failed, _load_here

        briefing = self._from_store(entry) if entry.file_id is not None else None
        if briefing is not None:
            return briefing
        result = _load_here(entry.path_text, self.max_bytes)
        if isinstance(result, Failed):
            entry.problems = result.problems
            entry.file_id = None
            return None
        result.key = _Keys(entry.path_text).of(entry.path_text)
        entry.file_id = self._put([result]).get(result.path)
        entry.summary = Summary.from_json(result.summary)
        return result.briefing

    def _from_store(self, entry: LibraryEntry) -> Briefing | None:
        from briefing_tui.format.data import from_data

        assert entry.file_id is not None
        try:
            found = next(self.store.entries([entry.file_id]), None)
        except Exception as exc:
            self._store_failed(exc)
            return None
        info = regular_stat(entry.path_text)
        if found is None or info is None or not self._fresh(found[0], entry.path_text, info):
            return None
        row, data = found
        if row.path != _Keys(entry.path_text).of(entry.path_text):
            return None
        source_text = None
        if row.source_name is not None:
            source_text = unchanged_source(row, entry.path_text)
            if source_text is None:
                return None
        try:
            return from_data(json.loads(data), path=str(entry.path), source_text=source_text)
        except ValueError:  # data no briefing has
            return None

    # -- what a library holds ------------------------------------------------------------------------

    @property
    def briefings(self) -> list[Briefing]:
        return [b for e in self.entries if (b := e.briefing) is not None]

    @property
    def problems(self) -> list[Problem]:
        return [p for e in self.entries for p in e.problems]

    def data(
        self, entries: Iterable[LibraryEntry] | None = None
    ) -> Iterator[tuple[LibraryEntry, dict[str, Any]]]:
        """Each valid entry with its briefing as plain data (`to_data`'s shape), from the cache when
        it checks out, else from its briefing: what the people and the find index are built from."""
        from briefing_tui.format.data import to_data

        chosen = [e for e in (self.entries if entries is None else entries) if e.valid]
        by_id = {e.file_id: e for e in chosen if e.file_id is not None and e.built is None}
        found: set[int] = set()
        try:
            for row, data in self.store.entries(by_id):
                entry = by_id.get(row.id)
                if entry is not None and row.path == _Keys(entry.path_text).of(entry.path_text):
                    found.add(row.id)
                    yield entry, json.loads(data)
        except Exception as exc:
            self._store_failed(exc)
        for entry in chosen:
            if entry.file_id in found and entry.built is None:
                continue
            briefing = entry.briefing
            if briefing is not None:
                yield entry, to_data(briefing)

    def source_text(self, entry: LibraryEntry) -> str | None:
        """The text of an entry's source file, as it was checked (None: none, or it changed)."""
        built = entry.built
        if built is not None:
            return built.source_text
        if entry.file_id is None:
            briefing = entry.briefing
            return briefing.source_text if briefing is not None else None
        try:
            found = next(self.store.entries([entry.file_id]), None)
        except Exception as exc:
            self._store_failed(exc)
            return None
        if found is None or found[0].source_name is None:
            return None
        return unchanged_source(found[0], entry.path_text)

    def persons(self) -> People:
        """Every person of the library once (see `persons`); built on first use."""
        from briefing_tui.persons import People

        if self._persons is None:
            self._persons = People.of(self)
        return self._persons

    def filter(self, expression: str = "", *, sort: Sort = "date") -> list[LibraryEntry]:
        """The entries `expression` keeps, sorted (see `filters`); raises `FilterError`."""
        from briefing_tui.filters import FilterIndex

        if self._filter_index is None:
            self._filter_index = FilterIndex(self.entries, self.persons, self.relative_name)
        return self._filter_index.filter(expression, sort=sort)

    def relative_name(self, entry: LibraryEntry) -> str:
        """The entry's path relative to the folder (the file's name for a single file)."""
        try:
            return entry.path.relative_to(self.root).as_posix() or entry.path.name
        except ValueError:
            return str(entry.path)

    def find(self, query: str, *, limit: int = 50) -> Found:
        """Texts of the briefings matching `query` (see `find`); raises `FindError`."""
        from briefing_tui.find import find

        for entry in self.entries:
            if entry.valid and entry.file_id is None:
                entry.briefing  # noqa: B018 - loaded in full and written, so the index has it
        return find(self, query, limit=limit)

    def people(self) -> list[PersonRef]:
        """Every participant of every valid briefing, in file order: the people index's records."""
        return [
            PersonRef(person, entry)
            for entry in self.entries
            if (briefing := entry.briefing) is not None
            for person in briefing.participants
        ]


class _Keys:
    """A file's key in the cache: its absolute path (links not resolved: the briefing's name gives
    its default id and its folder is where the source is looked up)."""

    def __init__(self, root: str) -> None:
        self._as_is = os.path.isabs(root) and os.path.normpath(root) == root

    def of(self, path: str) -> str:
        return path if self._as_is else os.path.abspath(path)
