"""Files and where they live: bundled files in a checkout and an installed wheel alike, which names
are briefings, and writing a file whole.

Cheap to import (no loader, no textual): the config and the file watcher use it before or beside
the first frame.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

SAMPLE_NAME = "pakistan-kazakhstan-state-visit.yaml"
#: The file names (lowercased) a folder's briefings have.
BRIEFING_SUFFIXES = (".yaml", ".yml")
#: The cache folder, if set: empty turns the cache off.
CACHE_ENV = "BRIEFING_TUI_CACHE"
#: The library's cache database, in the cache folder.
CACHE_NAME = "library.sqlite3"


def data_dir() -> Path:
    """The bundled `data/` folder: inside the package when installed, at the repo root otherwise."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def sample_path() -> Path:
    return data_dir() / SAMPLE_NAME


def cache_path() -> Path | None:
    """The cache database: in `$BRIEFING_TUI_CACHE` if set (empty: no cache), else in the user cache
    folder."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return Path(env).expanduser() / CACHE_NAME if env else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing-tui")) / CACHE_NAME


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` by `text` (UTF-8) so that no reader, and no crash, ever sees half of it.

    The text goes to a temporary file beside `path`, is flushed to disk, and is renamed over it,
    keeping its permission bits. Creates missing folders; raises `OSError`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
