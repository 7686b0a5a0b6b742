"""The benchmarks' generated briefings, for tests that want a folder bigger than a few files."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from corpus import write_folder

__all__ = ["write_folder"]
