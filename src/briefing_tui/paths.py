"""Where bundled files live, in a source checkout and in an installed wheel alike."""

from __future__ import annotations

from pathlib import Path

SAMPLE_NAME = "pakistan-kazakhstan-state-visit.yaml"


def data_dir() -> Path:
    """The bundled `data/` folder: inside the package when installed, at the repo root otherwise."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def sample_path() -> Path:
    return data_dir() / SAMPLE_NAME
