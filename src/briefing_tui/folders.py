"""The briefing files under a folder, found quickly, each with the `stat` the cache is keyed by.

`os.scandir` gives each entry's type without a system call, so a folder of 10,000 briefings is
listed in a tenth of the time `Path.rglob` takes, and the one `stat` per file the cache needs anyway
is the only other call. Cheap to import: the library's warm open starts here.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from briefing_tui.paths import BRIEFING_SUFFIXES


def briefing_files_with_stat(root: Path) -> list[tuple[str, os.stat_result]]:
    """Every briefing file below the folder `root`, sorted as paths sort, with its `stat`.

    Paths are strings (`root` joined with the names found): making 10,000 `Path`s costs more than
    the walk itself, and most are never needed.

    Names starting with a dot are skipped (hidden files and folders); symbolic links to files are
    followed, links to folders are not (a link loop cannot trap the walk); entries that are not
    regular files, or cannot be read, are left out.
    """
    found: list[tuple[tuple[str, ...], str, os.stat_result]] = []
    # Paths are joined as `Path` joins them: below "." a file is "a.yaml", not "./a.yaml".
    top = str(root)
    pending: list[tuple[str, tuple[str, ...]]] = [("" if top == "." else top, ())]
    while pending:
        folder, parts = pending.pop()
        try:
            with os.scandir(folder or ".") as listing:
                children = list(listing)
        except OSError:
            continue
        base = folder if not folder or folder.endswith(os.sep) else folder + os.sep
        for child in children:
            name = child.name
            if name.startswith("."):
                continue
            try:
                if child.is_dir(follow_symlinks=False):
                    pending.append((base + name, (*parts, name)))
                    continue
                stem, dot, suffix = name.rpartition(".")
                if not (stem and dot) or f".{suffix.lower()}" not in BRIEFING_SUFFIXES:
                    continue
                info = child.stat()  # follows a symbolic link to its file
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.append(((*parts, name), base + name, info))
    found.sort(key=lambda item: item[0])
    return [(path, info) for _, path, info in found]


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
