"""What makes an entry of the library's cache trustworthy: a checksum over every one of its columns
(the stored briefing by its own digest), and the loader that wrote it (`loader_version`).

A checksum is against accidents and edits by hand, not against an attacker who can write to the
user's files (who could edit the briefings themselves).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui import __version__
from briefing_tui.stamps import digest

if TYPE_CHECKING:
    from briefing_tui.pool import Loaded


#: Besides the `format` package, the modules that make what an entry holds.
_WRITERS = ("entries.py", "fulltext.py", "pool.py")


@lru_cache(maxsize=1)
def loader_version() -> str:
    """The app's version and a digest of the code that loads and stores a briefing (the `format`
    package, the summary, the texts for find): entries another version wrote are misses, even
    between two releases."""
    import briefing_tui.format as package

    folder = Path(package.__file__).parent
    hashed = hashlib.blake2b(digest_size=8)
    try:
        for path in [*sorted(folder.glob("*.py")), *(folder.parent / name for name in _WRITERS)]:
            hashed.update(path.name.encode() + b"\0" + path.read_bytes())
    except OSError:
        return __version__
    return f"{__version__}+{hashed.hexdigest()}"


@dataclass(slots=True)
class Row:
    """An entry as read, before it is trusted: `valid` checks its checksum."""

    id: int
    path: str
    loader: str
    max_bytes: int
    file_stamp: str
    file_digest: bytes
    source_name: str | None
    source_stamp: str | None
    source_digest: bytes | None
    written_ns: int
    summary: str
    data_digest: bytes
    checksum: bytes

    @property
    def valid(self) -> bool:
        try:
            return checksum(self) == self.checksum
        except (TypeError, ValueError, AttributeError):
            return False  # a column of the wrong type: edited by hand


def checksum(row: Row | Loaded, loader: str | None = None, max_bytes: int | None = None) -> bytes:
    """Over every column of an entry but the data, whose own digest is included."""
    if isinstance(row, Row):
        loader, max_bytes, written, data_digest = row.loader, row.max_bytes, row.written_ns, row.data_digest
        path = row.path
    else:
        written, data_digest, path = row.read_ns, digest(row.data.encode()), row.key
    # NUL parts the texts: no path, stamp or briefing text holds one (the loader refuses control
    # characters, JSON escapes them), so no two entries read the same; \1 marks a missing one.
    source_name, source_stamp = row.source_name or "\1", row.source_stamp or "\1"
    text = (
        f"{path}\0{loader or ''}\0{max_bytes}\0{row.file_stamp}\0{source_name}\0{source_stamp}"
        f"\0{written}\0{row.summary}"
    )
    hashed = hashlib.blake2b(text.encode(), digest_size=16, person=b"briefing-tui")
    for part in (row.file_digest, row.source_digest or b"", data_digest):
        hashed.update(bytes([len(part)]) + part)
    return hashed.digest()
