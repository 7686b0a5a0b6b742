"""Folders of briefings and the load cache: the cache may save work but never change an answer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing_tui.format.problems import BriefingError
from briefing_tui.library import BriefingCache, Library, briefing_files, newest_first

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


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").write_text(BRIEFING, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.json"))


def test_a_cached_briefing_equals_a_fresh_one(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = BriefingCache(tmp_path_factory.mktemp("cache"))
    fresh = cache.load(folder / "a.yaml")
    assert len(entries(cache.folder)) == 1
    cached = cache.load(folder / "a.yaml")
    assert cached == fresh
    assert cached.source_text == ARTICLE
    assert cached.path == str(folder / "a.yaml")
    assert cached.id == "a"


def test_the_cache_is_really_read(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = BriefingCache(tmp_path_factory.mktemp("cache"))
    cache.load(folder / "a.yaml")
    [entry] = entries(cache.folder)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["briefing"]["headline"] = "From the cache"
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert cache.load(folder / "a.yaml").headline == "From the cache"


def test_an_edited_briefing_is_loaded_afresh(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = BriefingCache(tmp_path_factory.mktemp("cache"))
    cache.load(folder / "a.yaml")
    (folder / "a.yaml").write_text(BRIEFING.replace("Talks in Astana", "Talks in Almaty"), encoding="utf-8")
    assert cache.load(folder / "a.yaml").headline == "Talks in Almaty"


def test_an_edited_source_is_checked_again(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = BriefingCache(tmp_path_factory.mktemp("cache"))
    cache.load(folder / "a.yaml")
    (folder / "article.txt").write_text("Nothing of the kind.\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        cache.load(folder / "a.yaml")
    assert [p.message for p in caught.value.problems] == [
        "evidence not found in 'article.txt': 'The ministers met in Astana'"
    ]


def test_a_renamed_file_gets_its_own_default_id(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    cache = BriefingCache(tmp_path_factory.mktemp("cache"))
    cache.load(folder / "a.yaml")
    os.replace(folder / "a.yaml", folder / "b.yaml")
    assert cache.load(folder / "b.yaml").id == "b"


def test_a_damaged_entry_means_a_full_load(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = BriefingCache(tmp_path_factory.mktemp("cache"))
    cache.load(folder / "a.yaml")
    [entry] = entries(cache.folder)
    entry.write_text('{"briefing": {"headline": 3}', encoding="utf-8")
    assert cache.load(folder / "a.yaml").headline == "Talks in Astana"


def test_invalid_files_are_not_cached(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = BriefingCache(tmp_path_factory.mktemp("cache"))
    (tmp_path / "bad.yaml").write_text("headline: x\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(BriefingError):
            cache.load(tmp_path / "bad.yaml")
    assert entries(cache.folder) == []


def test_an_unwritable_cache_only_costs_time(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert BriefingCache(blocker / "cache").load(folder / "a.yaml").headline == "Talks in Astana"


def test_folders_are_searched_recursively_in_order(tmp_path: Path) -> None:
    for name in ("b.yml", "a.yaml", "sub/c.YAML", ".hidden/d.yaml", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in briefing_files(tmp_path)] == [
        "a.yaml",
        "b.yml",
        "sub/c.YAML",
    ]


def test_a_library_keeps_good_and_bad_files_apart(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_TUI_CACHE", "")
    (folder / "broken.yaml").write_text("headline: [\n", encoding="utf-8")
    library = Library.open(folder)
    assert [e.path.name for e in library.entries] == ["a.yaml", "broken.yaml"]
    assert [b.headline for b in library.briefings] == ["Talks in Astana"]
    assert [p.path for p in library.problems] == [str(folder / "broken.yaml")]
    [person] = library.people()
    assert person.participant.name == "Murat Nurtleu"
    assert person.entry.path.name == "a.yaml"


def test_newest_first_keeps_file_order_for_ties_and_puts_failures_last(tmp_path: Path) -> None:
    for name, date in [("a", "2024-01-01"), ("b", "2025-06-01"), ("c", "2024-01-01")]:
        (tmp_path / f"{name}.yaml").write_text(BRIEFING.replace("2026-03-01", date), encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "0-broken.yaml").write_text("headline: [\n", encoding="utf-8")
    library = Library.open(tmp_path, use_cache=False)
    assert [e.path.stem for e in newest_first(library.entries)] == ["b", "a", "c", "0-broken"]
