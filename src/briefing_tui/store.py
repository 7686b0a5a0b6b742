"""The library's cache: one SQLite database (WAL) of loaded briefings, and the find index over them.

It may only ever save time, never change an answer:

- An entry is served only if the briefing file and its source file have the stamps they had when it
  was written (`stamps`), racy files their digests too, and the loader is the one that wrote it
  (`loader_version`: the app's version and a digest of the `format` package's code).
- Every entry carries a checksum over all its columns; a summary is checked when the entry is read,
  the stored briefing (with its own digest in the checksum) when it is built. Anything that does
  not match (a hand edit, a torn write) is a miss: the file is loaded in full and written again.
  The checksum is against accidents and edits, not an attacker who can write to the user's files.
- A database that is not one (corrupt) or is ours from another schema is deleted and made anew; one
  that is not ours, or that cannot be written (read-only file or folder), is left alone, and this
  session uses one in memory instead (`note` says why). Errors while in use do the same.
- Invalid files are never stored: their problems are always fresh.

The find index holds each text's folded words only (`fulltext`); what `find` shows always comes
from a checked entry.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.checksums import Row, checksum, loader_version
from briefing_tui.stamps import digest

if TYPE_CHECKING:
    from briefing_tui.pool import Loaded

SCHEMA_VERSION = 1
#: "BTUI": what tells our database from another program's at the same place.
APPLICATION_ID = 0x42545549
#: Matches up to this many texts are ranked by relevance (bm25); more are listed in file order,
#: since ranking them all costs more than a keystroke's time and says little for so broad a query.
RANK_LIMIT = 5000

_SCHEMA = """
CREATE TABLE files(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    loader TEXT NOT NULL,
    max_bytes INTEGER NOT NULL,
    file_stamp TEXT NOT NULL,
    file_digest BLOB NOT NULL,
    source_name TEXT,
    source_stamp TEXT,
    source_digest BLOB,
    written_ns INTEGER NOT NULL,
    summary TEXT NOT NULL,
    data TEXT NOT NULL,
    data_digest BLOB NOT NULL,
    checksum BLOB NOT NULL
);
"""
_TEXTS = (
    "CREATE VIRTUAL TABLE texts USING fts5(text, path UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');"
)
#: The columns each table must have: anything else is not our database as this version writes it.
_COLUMNS = {
    "files": [
        "id",
        "path",
        "loader",
        "max_bytes",
        "file_stamp",
        "file_digest",
        "source_name",
        "source_stamp",
        "source_digest",
        "written_ns",
        "summary",
        "data",
        "data_digest",
        "checksum",
    ],
    "texts": ["text", "path"],
}
#: A text's rowid in the index is its file's id shifted by this many bits, plus its number: a
#: file's texts are one range of rowids, deleted at once, and need no table of their own.
_TEXT_BITS = 24
_ROW = (
    "id, path, loader, max_bytes, file_stamp, file_digest, source_name, source_stamp, "
    "source_digest, written_ns, summary, data_digest, checksum"
)


class FindQueryError(ValueError):
    """The find index could not read a query (or there is none: see `fts5_available`)."""


@lru_cache(maxsize=1)
def fts5_available() -> bool:
    """Whether this Python's SQLite has FTS5 (the standard library's usually does): without it,
    the cache works and `find` says it cannot."""
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.Error:
        return False
    return True


def _schema() -> str:
    return _SCHEMA + (_TEXTS if fts5_available() else "")


def _columns() -> dict[str, list[str]]:
    return _COLUMNS if fts5_available() else {"files": _COLUMNS["files"]}


class Store:
    """The cache database (or, when it cannot be used, one in memory that lasts this session)."""

    def __init__(self, path: Path | None) -> None:
        #: The database file in use; None: in memory.
        self.path: Path | None = None
        #: Why the database file is not in use, when it is not.
        self.note: str | None = None
        self._lock = threading.RLock()
        self._library_ids: frozenset[int] | None = None
        self._connection = self._memory()
        if path is not None:
            try:
                self._connection = self._open(path)
                self.path = path
            except _Bypass as why:
                self.note = f"cache {path}: {why}; not using it"

    # -- opening ----------------------------------------------------------------------------------

    @staticmethod
    def _memory() -> sqlite3.Connection:
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        connection.executescript(_schema())
        return connection

    def _open(self, path: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _Bypass(f"cannot create its folder ({exc.strerror or exc})") from None
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise _Bypass("its folder is read-only")
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise _Bypass("the file is read-only")
        for attempt in (1, 2):
            try:
                return self._connect(path)
            except _Discard as why:
                if attempt == 2:
                    raise _Bypass(str(why)) from None
                _delete(path)
        raise AssertionError("unreachable")

    def _connect(self, path: Path) -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _Bypass(f"cannot be opened ({exc})") from None
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
            if application_id == APPLICATION_ID:
                if version != SCHEMA_VERSION:
                    raise _Discard(f"written by another version (schema {version})")
                for table, columns in _columns().items():
                    found = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
                    if found != columns:
                        raise _Discard(f"damaged (table {table} is not as written)")
            elif application_id != 0 or tables:
                connection.close()
                raise _Bypass("not briefing-tui's cache: left as it is")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            if application_id != APPLICATION_ID:
                connection.executescript(
                    f"BEGIN IMMEDIATE; {_schema()} PRAGMA application_id = {APPLICATION_ID};"
                    f" PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
            else:
                # Proves the file can be written now, rather than at the first entry.
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("COMMIT")
        except _Discard:
            connection.close()
            raise
        except sqlite3.OperationalError as exc:
            connection.close()
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise _Bypass("the file is read-only") from None
            if "locked" in str(exc) or "busy" in str(exc):
                raise _Bypass("in use by another program") from None
            raise _Discard(f"damaged ({exc})") from None
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise _Discard(f"damaged ({exc})") from None
        return connection

    def failed(self, exc: sqlite3.Error) -> None:
        """An error while in use: a damaged file is deleted (the next session makes it anew); this
        session goes on in memory, so entries read so far build their briefings by full loads."""
        with self._lock:
            with suppress(sqlite3.Error):
                self._connection.close()
            if self.path is not None:
                if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                    _delete(self.path)
                self.note = f"cache {self.path}: {exc}; not using it"
            self.path = None
            self._library_ids = None
            self._connection = self._memory()

    def close(self) -> None:
        with self._lock, suppress(sqlite3.Error):
            self._connection.close()

    # -- entries ---------------------------------------------------------------------------------

    def rows(self, root: str, *, folder: bool) -> dict[str, Row]:
        """The entries for the file `root`, or for every file below the folder `root`, by path;
        not yet checked (see `Row.valid`)."""
        if folder:
            prefix = root.rstrip(os.sep) + os.sep
            sql = f"SELECT {_ROW} FROM files WHERE path >= ? AND path < ?"
            args: tuple[str, ...] = (prefix, prefix[:-1] + chr(ord(os.sep) + 1))
        else:
            sql, args = f"SELECT {_ROW} FROM files WHERE path = ?", (root,)
        with self._lock:
            found = self._connection.execute(sql, args).fetchall()
        return {row[1]: Row(*row) for row in found}

    def entries(self, file_ids: Iterable[int]) -> Iterator[tuple[Row, str]]:
        """The entries with these ids and their stored briefings (as JSON), those that check out."""
        wanted = list(file_ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                found = self._connection.execute(
                    f"SELECT {_ROW}, data FROM files WHERE id IN ({marks})", chunk
                ).fetchall()
            for values in found:
                row, data = Row(*values[:-1]), values[-1]
                if isinstance(data, str) and row.valid and digest(data.encode()) == row.data_digest:
                    yield row, data

    def put(self, results: Iterable[Loaded], max_bytes: int) -> dict[str, int]:
        """Write the entries of freshly loaded files (replacing any for the same paths) with their
        texts for the find index; their ids by key. Files that changed while read are skipped."""
        loader = loader_version()
        ids: dict[str, int] = {}
        with self._lock, _transaction(self._connection) as connection:
            for result in results:
                if not result.stable:
                    continue
                self._remove(connection, result.key)
                cursor = connection.execute(
                    "INSERT INTO files (path, loader, max_bytes, file_stamp, file_digest, source_name,"
                    " source_stamp, source_digest, written_ns, summary, data, data_digest, checksum)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        result.key,
                        loader,
                        max_bytes,
                        result.file_stamp,
                        result.file_digest,
                        result.source_name,
                        result.source_stamp,
                        result.source_digest,
                        result.read_ns,
                        result.summary,
                        result.data,
                        digest(result.data.encode()),
                        checksum(result, loader, max_bytes),
                    ),
                )
                file_id = cursor.lastrowid
                assert file_id is not None
                ids[result.key] = file_id
                if not fts5_available():
                    continue
                first = file_id << _TEXT_BITS
                connection.executemany(
                    "INSERT INTO texts (rowid, text, path) VALUES (?, ?, ?)",
                    (
                        (first + number, text, text_path)
                        for number, (text_path, text) in enumerate(result.index_rows[: 1 << _TEXT_BITS])
                    ),
                )
        return ids

    def remove(self, paths: Iterable[str]) -> None:
        """Forget the entries of these files (gone, or no longer valid)."""
        with self._lock, _transaction(self._connection) as connection:
            for path in paths:
                self._remove(connection, path)

    @staticmethod
    def _remove(connection: sqlite3.Connection, path: str) -> None:
        found = connection.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
        if found is None:
            return
        (file_id,) = found
        first = file_id << _TEXT_BITS
        connection.execute(
            "DELETE FROM texts WHERE rowid >= ? AND rowid < ?", (first, first + (1 << _TEXT_BITS))
        )
        connection.execute("DELETE FROM files WHERE id = ?", found)

    # -- the find index --------------------------------------------------------------------------

    def match(self, query: str, file_ids: frozenset[int], limit: int) -> tuple[list[tuple[int, str]], int]:
        """(file id, text path) of the best texts of these files matching an FTS5 query, and how
        many match in all. Raises `FindQueryError` for a query FTS5 cannot read."""
        if not fts5_available():
            raise FindQueryError(
                f"this Python's SQLite ({sqlite3.sqlite_version}) has no full-text search (FTS5), "
                "so find cannot work here; a Python built with a newer SQLite can"
            )
        with self._lock:
            connection = self._connection
            where = "texts MATCH ?"
            if connection.execute("SELECT count(*) FROM files").fetchone()[0] != len(file_ids):
                # Other folders' files, or entries not (or no longer) part of this library.
                self._use_library(connection, file_ids)
                where += f" AND (texts.rowid >> {_TEXT_BITS}) IN (SELECT id FROM temp.library_files)"
            try:
                total = connection.execute(f"SELECT count(*) FROM texts WHERE {where}", (query,)).fetchone()[
                    0
                ]
                order = "ORDER BY texts.rank" if total <= RANK_LIMIT else ""
                found = connection.execute(
                    f"SELECT texts.rowid, texts.path FROM texts WHERE {where} {order} LIMIT ?", (query, limit)
                ).fetchall()
            except sqlite3.OperationalError as exc:
                if "fts5" in str(exc) or "syntax" in str(exc):
                    raise FindQueryError(str(exc).removeprefix("fts5: ")) from None
                raise
        return [(rowid >> _TEXT_BITS, str(path)) for rowid, path in found], total

    def _use_library(self, connection: sqlite3.Connection, file_ids: frozenset[int]) -> None:
        if self._library_ids == file_ids:
            return
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS library_files (id INTEGER PRIMARY KEY)")
        with _transaction(connection):
            connection.execute("DELETE FROM temp.library_files")
            connection.executemany("INSERT INTO temp.library_files VALUES (?)", ((i,) for i in file_ids))
        self._library_ids = file_ids


class _Bypass(Exception):
    """The database file cannot be used and must be left as it is."""


class _Discard(Exception):
    """The database file is ours but unusable: delete it and make it anew."""


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if connection.in_transaction:
        yield connection
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _delete(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with suppress(OSError):
            name.unlink(missing_ok=True)
