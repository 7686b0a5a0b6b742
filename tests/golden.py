"""Golden files: outputs compared byte for byte with files under tests/golden/.

Regenerate them after an intended change with

    BRIEFING_TUI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_show.py tests/test_export.py

and review the diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
UPDATE_ENV = "BRIEFING_TUI_UPDATE_GOLDEN"


def check_golden(name: str, text: str) -> None:
    """Fail on any difference between `text` and the golden file `name` (or rewrite it, see above)."""
    path = GOLDEN / name
    data = text.encode("utf-8")
    if os.environ.get(UPDATE_ENV):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing: run the tests with {UPDATE_ENV}=1 to write it"
    expected = path.read_bytes()
    if data != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8").splitlines(keepends=True),
            text.splitlines(keepends=True),
            f"golden/{name}",
            "now",
        )
        raise AssertionError(
            f"output differs from golden/{name} ({UPDATE_ENV}=1 rewrites it):\n{''.join(diff)}"
        )
