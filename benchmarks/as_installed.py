"""Run the app as users do: from compiled bytecode.

pip compiles every module to a `.pyc` when it installs a package; an editable install writes them on
first import. A machine with `PYTHONDONTWRITEBYTECODE` set (this one is) would instead compile every
module of the app again in each child process a benchmark starts: about a quarter of a small
`check`, and more of the first paint, a cost no user pays. So the benchmarks compile the package
once and let their children read and write bytecode.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def as_installed(*pythons: str) -> None:
    """Bytecode on for child processes, and this checkout's package compiled, as well as the one
    beside each of `pythons` (a `.venv/bin/python` of another checkout)."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    roots = {SRC}
    for python in pythons:
        other = Path(python).parents[2] / "src"
        if other.is_dir():
            roots.add(other.resolve())
    for root in roots:
        compileall.compile_dir(root, quiet=1)
