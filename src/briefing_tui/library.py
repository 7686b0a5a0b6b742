"""Folders of briefings: finding them, loading them through a cache, and indexing their people.

The cache only ever saves work, never changes an answer: an entry is keyed by the exact bytes of the
briefing (and its name, which gives the default id) and remembers the hash of the source file it was
checked against, so any edit to either file means a full load. Invalid files are never cached, so
their problems are always fresh. Entries are JSON read back through the same pydantic model.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing_tui import __version__
from briefing_tui.format.loader import load_briefing, paused_gc
from briefing_tui.format.model import Briefing, Participant
from briefing_tui.format.problems import BriefingError, Problem
from briefing_tui.format.reading import DEFAULT_MAX_BYTES, read_text
from briefing_tui.paths import BRIEFING_SUFFIXES, write_atomically

CACHE_ENV = "BRIEFING_TUI_CACHE"
_CACHE_FORMAT = f"briefing-cache/1 {__version__}"


def briefing_files(path: Path) -> Iterator[Path]:
    """The briefing files at `path`: itself, or those below a folder (not hidden ones), sorted."""
    if not path.is_dir():
        yield path
        return
    yield from (entry for entry, skipped in folder_entries(path) if skipped is None)


def folder_entries(folder: Path) -> list[tuple[Path, str | None]]:
    """Every entry below `folder` named like a briefing (not hidden ones), sorted, each with why it
    is not read as one (a folder, a FIFO, a broken link...) or None for a briefing file."""
    found = (
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in BRIEFING_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    return [(p, _not_a_file(p)) for p in sorted(found)]


def _not_a_file(path: Path) -> str | None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a broken symbolic link" if path.is_symlink() else "gone while the folder was read"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder named like a briefing"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def default_cache_dir() -> Path | None:
    """`$BRIEFING_TUI_CACHE` (empty turns the cache off), else the user cache folder."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return Path(env).expanduser() if env else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing-tui")) / "briefings"


class BriefingCache:
    """Validated briefings as JSON, keyed by the hash of the file's bytes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def _digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def _entry(self, path: Path, data: bytes) -> Path:
        key = self._digest(
            _CACHE_FORMAT.encode() + b"\0" + path.name.encode("utf-8", "replace") + b"\0" + data
        )
        return self.folder / key[:2] / f"{key}.json"

    def load(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Briefing:
        """The briefing at `path`, from the cache when both its bytes and its source's are unchanged."""
        try:
            data = path.read_bytes() if path.is_file() and path.stat().st_size <= max_bytes else None
        except OSError:
            data = None
        if data is None:  # let the loader say what is wrong
            return load_briefing(path, max_bytes=max_bytes)
        entry = self._entry(path, data)
        cached = self._read(entry, path, max_bytes)
        if cached is not None:
            return cached
        briefing = load_briefing(path, max_bytes=max_bytes)
        self._write(entry, briefing)
        return briefing

    def _source(self, path: Path, briefing_source: str | None, max_bytes: int) -> str | None:
        if briefing_source is None:
            return None
        return read_text(path.parent / briefing_source, briefing_source, max_bytes=max_bytes)

    def _read(self, entry: Path, path: Path, max_bytes: int) -> Briefing | None:
        try:
            with paused_gc():
                stored = json.loads(entry.read_text(encoding="utf-8"))
                source_text = self._source(path, stored["source_file"], max_bytes)
                if self._digest((source_text or "").encode()) != stored["source_sha256"]:
                    return None
                return Briefing.loaded(stored["briefing"], path=str(path), source_text=source_text)
        except (OSError, ValueError, KeyError, TypeError, BriefingError):
            return None  # missing, stale or damaged: a full load decides

    def _write(self, entry: Path, briefing: Briefing) -> None:
        stored = {
            "briefing": briefing.model_dump(mode="json", exclude_defaults=True),
            "source_file": briefing.source.file if briefing.source else None,
            "source_sha256": self._digest((briefing.source_text or "").encode()),
        }
        try:
            write_atomically(entry, json.dumps(stored, ensure_ascii=False))
        except OSError:
            pass  # a cache that cannot be written only costs time


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One file of a library: its briefing, or the problems that kept it from loading."""

    path: Path
    briefing: Briefing | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A participant and the briefing they appear in."""

    participant: Participant
    entry: LibraryEntry


class Library:
    """The briefings at a path (a file or a folder), loaded through the cache."""

    def __init__(self, root: Path, *, cache: BriefingCache | None = None) -> None:
        self.root = root
        self.cache = cache
        self.entries: list[LibraryEntry] = []

    @classmethod
    def open(cls, root: Path, *, use_cache: bool = True) -> Library:
        folder = default_cache_dir() if use_cache else None
        library = cls(root, cache=BriefingCache(folder) if folder else None)
        library.entries = [library.load(path) for path in briefing_files(root)]
        return library

    def load(self, path: Path) -> LibraryEntry:
        try:
            briefing = self.cache.load(path) if self.cache else load_briefing(path)
        except BriefingError as exc:
            return LibraryEntry(path, problems=tuple(exc.problems))
        return LibraryEntry(path, briefing)

    @property
    def briefings(self) -> list[Briefing]:
        return [e.briefing for e in self.entries if e.briefing is not None]

    @property
    def problems(self) -> list[Problem]:
        return [p for e in self.entries for p in e.problems]

    def people(self) -> list[PersonRef]:
        """Every participant of every valid briefing, in file order: the people index's records."""
        return [
            PersonRef(person, entry)
            for entry in self.entries
            if entry.briefing is not None
            for person in entry.briefing.participants
        ]


def participants_of(people: Sequence[PersonRef]) -> list[Participant]:
    return [ref.participant for ref in people]


def newest_first(entries: Sequence[LibraryEntry]) -> list[LibraryEntry]:
    """Newest briefing first (ties keep file order), then the files that failed to load."""
    valid = [e for e in entries if e.briefing is not None]
    invalid = [e for e in entries if e.briefing is None]
    valid.sort(key=lambda e: e.briefing.date if e.briefing else dt.date.min, reverse=True)
    return valid + invalid
