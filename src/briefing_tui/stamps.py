"""What tells the library's cache that a file is unchanged since it was loaded, cheaply and safely.

A file's stamp is its `stat`: device, inode, size, modification and change times in nanoseconds.
What can fool each part, and what covers it:

- size: an edit of the same length. The times change.
- mtime: `touch -d`, `cp -p`, `rsync -a` and unpacking archives set it back. The change time
  cannot be set by a user and moves on each of them; `cp`/`rsync` also make a new inode.
- ctime and mtime both: a file system that counts in whole seconds (ext3, HFS+; FAT in two), or
  the kernel's clock tick of a few milliseconds: two same-length writes within one tick look
  alike. Such a file is *racy* (as git calls it): changed within `RACY_NS` of the moment its entry
  was written. For a racy file the stamp is not trusted and the bytes are compared, by digest.
- inode: reused after a delete, but the change time differs; a renamed-over file (what editors
  do when they save) has a new one.
- device: a different disk or a network share with the same path.

The source file is stamped the same way, and also must be found where the loader would accept it:
see `source_target`.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.checksums import Row

#: A file changed this close to (or after) the writing of its entry is compared by content: the
#: coarsest common file system time (FAT) is two seconds.
RACY_NS = 2_000_000_000


def stamp(info: os.stat_result) -> str:
    """The parts of a `stat` that change when a file does, as one string."""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def is_racy(info: os.stat_result, written_ns: int) -> bool:
    """Whether the file may have changed after its entry was written without its stamp showing it."""
    return max(info.st_mtime_ns, info.st_ctime_ns) >= written_ns - RACY_NS


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def file_digest(path: str | os.PathLike[str]) -> bytes | None:
    """The digest of a file's bytes, or None if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return digest(handle.read())
    except OSError:
        return None


def regular_stat(path: str | os.PathLike[str]) -> os.stat_result | None:
    """The `stat` of a regular file (following links), or None for anything else or an error."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def source_target(briefing_path: str, name: str) -> str | None:
    """Where the loader finds the source file `name` of the briefing at `briefing_path`, if it
    would accept it there: relative, inside the briefing's folder once every link is resolved.

    None for anything the loader refuses or might refuse; the cache then makes a full load, and the
    loader says what is wrong. The common case, a plain file beside the briefing, costs one
    `lstat`; anything with a folder or a link in it is resolved the way the loader resolves it.
    """
    if not name or "\0" in name or os.path.isabs(name) or (len(name) > 1 and name[1] == ":"):
        return None
    folder = os.path.dirname(briefing_path) or "."
    if "/" not in name and os.sep not in name and name not in (".", ".."):
        candidate = os.path.join(folder, name)
        try:
            if stat.S_ISREG(os.lstat(candidate).st_mode):
                return candidate  # not a link, directly in the folder: inside, as resolved
        except OSError:
            return None
    try:
        resolved_folder = Path(folder).resolve()
        target = (resolved_folder / name).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return str(target) if target.is_relative_to(resolved_folder) else None


def unchanged_source(row: Row, path: str) -> str | None:
    """The text of an entry's source file, if it is still the one the entry was checked against."""
    assert row.source_name is not None
    target = source_target(path, row.source_name)
    if target is None:
        return None
    try:
        with open(target, "rb") as handle:
            data = handle.read()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if digest(data) != row.source_digest:
        return None
    return text.removeprefix("\ufeff")
