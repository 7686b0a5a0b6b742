"""Writing a file whole: the config (theme) and the briefing cache both depend on it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing_tui.paths import write_atomically


def test_write_atomically_replaces_the_text_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "file.txt"
    write_atomically(target, "one\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    target.chmod(0o640)
    write_atomically(target, "twö\r\n")
    assert target.read_bytes() == "twö\r\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert list(target.parent.iterdir()) == [target]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.txt"
    target.write_text("old", encoding="utf-8")

    def refuse(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]
