"""Folders of briefings: which files, in what order, loaded how (worker processes or not, the same
answer), with progress as they come; and the Python API scripts use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import briefing_tui
from briefing_tui.library import Library, Progress, briefing_files, load_library, newest_first

BRIEFING = """\
headline: Talks in Astana
date: 2026-03-01
source: {file: article.txt}
key_points:
  - {text: They met., evidence: "The ministers met in Astana"}
participants:
  - name: Murat Nurtleu
    role: Foreign Minister
"""
ARTICLE = "The ministers met in Astana on Sunday.\n"


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_TUI_CACHE", str(folder))
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "a.yaml").write_text(BRIEFING, encoding="utf-8")
    (desk / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return desk


def test_folders_are_searched_recursively_in_order(tmp_path: Path) -> None:
    for name in (
        "b.yml",
        "a.yaml",
        "sub/c.YAML",
        "a-b/d.yaml",
        ".hidden/d.yaml",
        "notes.txt",
        "yaml",
        "sub/.e.yaml",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "sub")  # not followed: a loop could trap the walk
    (tmp_path / "z.yaml").symlink_to(tmp_path / "a.yaml")  # a link to a file is a file
    assert [p.relative_to(tmp_path).as_posix() for p in briefing_files(tmp_path)] == [
        "a-b/d.yaml",
        "a.yaml",
        "b.yml",
        "sub/c.YAML",
        "z.yaml",
    ]


def test_a_relative_folder_gives_relative_paths(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    library = Library.open(Path("."))
    assert [str(e.path) for e in library.entries] == ["a.yaml"]
    assert library.entries[0].briefing is not None
    assert library.entries[0].briefing.path == "a.yaml"


def test_a_library_keeps_good_and_bad_files_apart(folder: Path) -> None:
    (folder / "broken.yaml").write_text("headline: [\n", encoding="utf-8")
    library = Library.open(folder)
    assert [e.path.name for e in library.entries] == ["a.yaml", "broken.yaml"]
    assert [b.headline for b in library.briefings] == ["Talks in Astana"]
    assert [p.path for p in library.problems] == [str(folder / "broken.yaml")]
    [person] = library.people()
    assert person.participant.name == "Murat Nurtleu"
    assert person.entry.path.name == "a.yaml"


def test_an_entry_lists_without_building_its_briefing(folder: Path) -> None:
    Library.open(folder)
    [entry] = Library.open(folder).entries
    assert entry.built is None  # listed from its summary alone
    assert entry.summary is not None
    assert (entry.summary.headline, entry.summary.participants, entry.summary.id) == (
        "Talks in Astana",
        1,
        "a",
    )
    assert entry.briefing is not None and entry.built is entry.briefing


def test_newest_first_keeps_file_order_for_ties_and_puts_failures_last(tmp_path: Path) -> None:
    for name, date in [("a", "2024-01-01"), ("b", "2025-06-01"), ("c", "2024-01-01")]:
        (tmp_path / f"{name}.yaml").write_text(BRIEFING.replace("2026-03-01", date), encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "0-broken.yaml").write_text("headline: [\n", encoding="utf-8")
    library = Library.open(tmp_path, use_cache=False)
    assert [e.path.stem for e in newest_first(library.entries)] == ["b", "a", "c", "0-broken"]
    assert [e.path.stem for e in library.filter("")] == ["b", "a", "c", "0-broken"]


def many(folder: Path, count: int) -> Path:
    """`count` briefings, every fifth one invalid, in two subfolders."""
    for number in range(count):
        sub = folder / ("odd" if number % 2 else "even")
        sub.mkdir(parents=True, exist_ok=True)
        text = BRIEFING.replace("Talks in Astana", f"Talks number {number}").replace(
            "2026-03-01", f"2026-03-{number % 28 + 1:02d}"
        )
        if number % 5 == 0:
            text = text.replace("headline:", "headlin:")
        (sub / f"b{number:03d}.yaml").write_text(text, encoding="utf-8")
        (sub / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def snapshot(library: Library) -> list[tuple[str, object, object, tuple[str, ...]]]:
    return [(e.path_text, e.summary, e.briefing, tuple(map(str, e.problems))) for e in library.entries]


def test_worker_processes_load_what_one_process_loads(tmp_path: Path, cache: Path) -> None:
    desk = many(tmp_path / "desk", 60)
    serial = Library.open(desk, use_cache=False, workers=0)
    pooled = Library.open(desk, use_cache=False, workers=2)
    assert snapshot(pooled) == snapshot(serial)
    assert sum(1 for e in serial.entries if e.problems) == 12 and len(serial.briefings) == 48
    cached = Library.open(desk, workers=2)  # written by the workers' results
    assert snapshot(Library.open(desk)) == snapshot(cached) == snapshot(serial)


def test_worker_processes_work_from_a_relative_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many(tmp_path / "desk", 30)
    monkeypatch.chdir(tmp_path)
    pooled = Library.open(Path("desk"), use_cache=False, workers=2)
    assert pooled.entries[1].path_text == os.path.join("desk", "even", "b002.yaml")
    assert snapshot(pooled) == snapshot(Library.open(Path("desk"), use_cache=False, workers=0))


def test_a_worker_that_cannot_start_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = many(tmp_path / "desk", 30)
    monkeypatch.setattr("sys.executable", str(tmp_path / "no-such-python"))
    assert snapshot(Library.open(desk, use_cache=False, workers=2)) == snapshot(
        Library.open(desk, use_cache=False, workers=0)
    )


def test_progress_comes_with_the_entries_as_they_load(tmp_path: Path) -> None:
    desk = many(tmp_path / "desk", 50)
    Library.open(desk, workers=0)
    (desk / "even" / "b002.yaml").write_text(BRIEFING, encoding="utf-8")  # one file to load again
    seen: list[Progress] = []
    library = Library.open(desk, progress=seen.append, workers=2)
    # The cached ones at once (invalid files never are), then the others as they load.
    assert str(seen[0]) == "loaded 39 of 50"
    assert [p.loaded for p in seen] == [39, 50]
    assert sum(len(p.new) for p in seen) == 50
    assert {e.path_text for p in seen for e in p.new} == {e.path_text for e in library.entries}


def test_load_library_is_the_package_s_api(folder: Path) -> None:
    library = briefing_tui.load_library(folder)
    assert isinstance(library, briefing_tui.Library)
    assert [b.headline for b in library.briefings] == ["Talks in Astana"]
    assert library.problems == []
    assert [p.name for p in library.persons().persons] == ["Murat Nurtleu"]
    assert [e.summary.headline for e in library.filter("astana") if e.summary] == ["Talks in Astana"]
    assert [hit.field for hit in library.find("ministers")] == ["evidence", "article"]
    assert load_library(folder, use_cache=False).briefings == library.briefings


def test_opening_from_the_cache_does_not_import_pydantic(folder: Path, cache: Path) -> None:
    import subprocess
    import sys

    Library.open(folder)
    code = (
        "import sys\nfrom briefing_tui.library import load_library\n"
        f"library = load_library({str(folder)!r})\nassert library.entries[0].summary\n"
        "library.filter('astana')\nprint(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    )
    env = {**os.environ, "BRIEFING_TUI_CACHE": str(cache), "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"
