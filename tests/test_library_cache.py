"""The library's cache may only ever save time: every way it could serve what a full load would not.

Written against the public behaviour (`Library.open`, `load_cached`), so they hold for any cache:
a test tells a cache hit from a full load by counting the loader's calls.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import briefing_tui.format.loader as loader
from briefing_tui.format.problems import BriefingError
from briefing_tui.library import Library, load_cached

BRIEFING = """\
headline: Talks in Astana
date: 2026-03-01
source: {file: article.txt}
key_points:
  - {text: They met., evidence: "The ministers met in Astana"}
events:
  - name: Talks
participants:
  - name: Murat Nurtleu
    role: Foreign Minister
    present_at: [Talks]
"""
ARTICLE = "The ministers met in Astana on Sunday.\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_TUI_CACHE", str(folder))
    return folder


@pytest.fixture
def folder(tmp_path: Path, cache: Path) -> Path:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "a.yaml").write_text(BRIEFING, encoding="utf-8")
    (desk / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return desk


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the loader reads in full (in this process: small folders load here)."""
    calls: list[str] = []
    real = loader.load_briefing

    def counting(path: str | os.PathLike[str], **kwargs: int) -> object:
        calls.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(loader, "load_briefing", counting)
    return calls


def opened(folder: Path) -> Library:
    library = Library.open(folder)
    for entry in library.entries:
        entry.briefing  # noqa: B018 - build it: the cache serves the whole briefing too
    return library


def roles(library: Library) -> list[str | None]:
    return [p.role for b in library.briefings for p in b.participants]


def test_a_second_open_is_served_by_the_cache(folder: Path, loads: list[str]) -> None:
    first = opened(folder)
    assert loads == ["a.yaml"]
    second = opened(folder)
    assert loads == ["a.yaml"]  # no second full load
    assert second.briefings == first.briefings
    [briefing] = second.briefings
    assert briefing.source_text == ARTICLE
    assert briefing.path == str(folder / "a.yaml")
    assert briefing.id == "a"


def test_a_single_file_opens_through_the_cache(folder: Path, loads: list[str]) -> None:
    fresh = load_cached(folder / "a.yaml")
    cached = load_cached(folder / "a.yaml")
    assert loads == ["a.yaml"]
    assert cached == fresh and cached.source_text == ARTICLE


def test_a_single_file_is_shown_before_its_cache_entry_is_written(folder: Path, loads: list[str]) -> None:
    """With `later`, a miss returns the briefing first and hands over the cache write; only once
    that has run does the next open come from the cache."""
    path = folder / "a.yaml"
    writes: list[Callable[[], None]] = []
    fresh = load_cached(path, later=writes.append)
    assert fresh.source_text == ARTICLE and len(writes) == 1
    load_cached(path, later=writes.append)
    assert loads == ["a.yaml", "a.yaml"] and len(writes) == 2  # nothing written yet: loaded again
    writes[0]()
    cached = load_cached(path, later=writes.append)
    assert loads == ["a.yaml", "a.yaml"] and len(writes) == 2  # a hit: nothing more to write
    assert cached == fresh


def test_a_file_changed_before_its_deferred_write_is_not_cached(folder: Path, loads: list[str]) -> None:
    path = folder / "a.yaml"
    writes: list[Callable[[], None]] = []
    load_cached(path, later=writes.append)
    path.write_text(BRIEFING.replace("Foreign Minister", "Minister"), encoding="utf-8")
    writes[0]()  # what was read is not what is there now: not stored
    assert load_cached(path).participants[0].role == "Minister"
    assert loads == ["a.yaml", "a.yaml"]


def test_an_invalid_single_file_has_no_write_to_defer(folder: Path) -> None:
    path = folder / "bad.yaml"
    path.write_text("headline: H\n", encoding="utf-8")
    writes: list[Callable[[], None]] = []
    with pytest.raises(BriefingError):
        load_cached(path, later=writes.append)
    assert writes == []


def test_a_changed_briefing_is_loaded_afresh(folder: Path, loads: list[str]) -> None:
    opened(folder)
    # The same length, at once: size, and perhaps the clock's tick, are the same.
    (folder / "a.yaml").write_text(BRIEFING.replace("Astana", "Almaty", 1), encoding="utf-8")
    assert [b.headline for b in opened(folder).briefings] == ["Talks in Almaty"]
    assert loads == ["a.yaml", "a.yaml"]


def test_a_changed_source_is_checked_again(folder: Path) -> None:
    opened(folder)
    (folder / "article.txt").write_text("Nothing of the kind.\n", encoding="utf-8")
    library = opened(folder)
    assert [p.message for p in library.problems] == [
        "evidence not found in 'article.txt': 'The ministers met in Astana'"
    ]
    with pytest.raises(BriefingError):
        load_cached(folder / "a.yaml")


def test_a_source_swapped_for_a_link_outside_is_refused_as_the_loader_refuses_it(
    folder: Path, tmp_path: Path
) -> None:
    opened(folder)
    outside = tmp_path / "outside.txt"
    shutil.copy2(folder / "article.txt", outside)  # the same text, and even the same times
    link = folder / "article.link"
    link.symlink_to(outside)
    os.replace(link, folder / "article.txt")
    with pytest.raises(BriefingError) as caught:
        loader.load_briefing(folder / "a.yaml")
    expected = [str(p) for p in caught.value.problems]
    assert "outside the briefing's folder" in expected[0]
    assert [str(p) for p in opened(folder).problems] == expected
    with pytest.raises(BriefingError) as again:
        load_cached(folder / "a.yaml")
    assert [str(p) for p in again.value.problems] == expected


def test_a_source_removed_is_reported(folder: Path) -> None:
    opened(folder)
    (folder / "article.txt").unlink()
    assert [p.message for p in opened(folder).problems] == [
        f"source file 'article.txt' not found in {str(folder)!r}"
    ]


def tamper(cache: Path, old: str, new: str) -> int:
    """Replace `old` by `new` wherever the cache holds it as text, keeping it well-formed (valid
    JSON, a readable database): an edit by hand. Returns how many places changed."""
    changed = 0
    for path in sorted(p for p in cache.rglob("*") if p.is_file()):
        try:
            head = path.read_bytes()[:16]
        except FileNotFoundError:  # a -wal or -shm file, gone as a collected library closed its database
            continue
        if head == b"SQLite format 3\x00":
            connection = sqlite3.connect(path)
            tables = [
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            for table in tables:
                columns = [row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")]
                for column in columns:
                    try:
                        sql = f'UPDATE "{table}" SET "{column}" = replace("{column}", ?, ?)'
                        cursor = connection.execute(f'{sql} WHERE "{column}" LIKE ?', (old, new, f"%{old}%"))
                        changed += max(cursor.rowcount, 0)
                    except sqlite3.Error:
                        pass  # an index's own tables
            connection.commit()
            connection.close()
        elif path.suffix == ".json":
            text = path.read_text(encoding="utf-8")
            if old in text:
                path.write_text(text.replace(old, new), encoding="utf-8")
                changed += 1
    return changed


def test_an_entry_edited_by_hand_means_a_full_load(folder: Path, cache: Path, loads: list[str]) -> None:
    opened(folder)
    assert tamper(cache, "Foreign Minister", "President of ATLANTIS") > 0
    library = opened(folder)
    assert roles(library) == ["Foreign Minister"]
    assert [p.role for p in library.persons().persons] == ["Foreign Minister"]
    assert loads == ["a.yaml", "a.yaml"]


def test_an_edited_summary_is_not_listed(folder: Path, cache: Path) -> None:
    opened(folder)
    assert tamper(cache, "Talks in Astana", "Talks in ATLANTIS") > 0
    library = Library.open(folder)
    assert [e.summary.headline for e in library.entries if e.summary] == ["Talks in Astana"]
    assert [e.summary.headline for e in library.filter("astana") if e.summary] == ["Talks in Astana"]


def test_an_edited_event_reference_is_checked_again(folder: Path, cache: Path) -> None:
    opened(folder)
    assert tamper(cache, '"present_at":["Talks"]', '"present_at":["Banquet"]') > 0
    [briefing] = opened(folder).briefings
    assert briefing.participants[0].present_at == ("Talks",)


def test_find_shows_the_checked_text_not_the_index(folder: Path, cache: Path) -> None:
    opened(folder)
    tamper(cache, "They met.", "They met ATLANTIS.")
    library = Library.open(folder)
    assert next(hit.snippet for hit in library.find("met")) == "They met."
    assert list(library.find("atlantis")) == []


def database(cache: Path) -> Path:
    [found] = [p for p in cache.iterdir() if not p.name.endswith(("-wal", "-shm"))]
    return found


def test_a_corrupt_database_is_made_anew(folder: Path, cache: Path, loads: list[str]) -> None:
    opened(folder)
    path = database(cache)
    for extra in cache.glob("*-*"):
        extra.unlink()
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    library = opened(folder)
    assert roles(library) == ["Foreign Minister"] and library.note is None
    opened(folder)
    assert loads == ["a.yaml", "a.yaml"]  # made anew, then used


def test_a_file_that_is_no_database_is_made_anew(folder: Path, cache: Path) -> None:
    cache.mkdir()
    (cache / "library.sqlite3").write_text("not a database at all\n" * 100, encoding="utf-8")
    assert roles(opened(folder)) == ["Foreign Minister"]
    assert roles(opened(folder)) == ["Foreign Minister"]


def test_a_foreign_database_is_left_alone_and_not_used(folder: Path, cache: Path, loads: list[str]) -> None:
    cache.mkdir()
    path = cache / "library.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE files (path TEXT, summary TEXT)")
    connection.execute("INSERT INTO files VALUES ('a.yaml', 'President of ATLANTIS')")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    library = opened(folder)
    assert roles(library) == ["Foreign Minister"]
    assert library.note is not None and "not briefing-tui's cache" in library.note
    opened(folder)
    assert loads == ["a.yaml", "a.yaml"]
    assert path.read_bytes() == before


def test_an_old_version_database_is_made_anew(folder: Path, cache: Path, loads: list[str]) -> None:
    opened(folder)
    path = database(cache)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.commit()
    connection.close()
    assert roles(opened(folder)) == ["Foreign Minister"]
    opened(folder)
    assert loads == ["a.yaml", "a.yaml"]


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Really read-only, also for root (who ignores permission bits): immutable for root."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], check=False).returncode:
        pytest.skip("running as root without chattr: nothing is read-only to root")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_database_is_not_used(folder: Path, cache: Path, loads: list[str]) -> None:
    opened(folder)
    tamper(cache, "Foreign Minister", "President of ATLANTIS")
    with read_only(database(cache)):
        library = opened(folder)
        assert roles(library) == ["Foreign Minister"]
        assert library.note is not None and "read-only" in library.note
        assert [hit.field for hit in library.find("met")] == ["text", "evidence", "article"]


def test_a_read_only_cache_folder_is_not_used(folder: Path, cache: Path, loads: list[str]) -> None:
    cache.mkdir()
    with read_only(cache):
        library = opened(folder)
        assert roles(library) == ["Foreign Minister"]
        assert library.note is not None
        assert [p.name for p in cache.iterdir()] == []


def test_no_cache_writes_nothing(folder: Path, cache: Path, loads: list[str]) -> None:
    for _ in range(2):
        assert roles(Library.open(folder, use_cache=False)) == ["Foreign Minister"]
    assert loads == ["a.yaml", "a.yaml"]
    assert not cache.exists()


def test_an_empty_cache_variable_turns_the_cache_off(
    folder: Path, monkeypatch: pytest.MonkeyPatch, loads: list[str]
) -> None:
    monkeypatch.setenv("BRIEFING_TUI_CACHE", "")
    opened(folder)
    opened(folder)
    assert loads == ["a.yaml", "a.yaml"]


def test_invalid_files_are_never_served_from_the_cache(folder: Path, loads: list[str]) -> None:
    (folder / "bad.yaml").write_text("headline: x\n", encoding="utf-8")
    for _ in range(2):
        assert {p.path for p in opened(folder).problems} == {str(folder / "bad.yaml")}
    assert loads.count("bad.yaml") == 2


def test_a_renamed_file_gets_its_own_default_id(folder: Path) -> None:
    opened(folder)
    os.replace(folder / "a.yaml", folder / "b.yaml")
    assert [b.id for b in opened(folder).briefings] == ["b"]


def test_a_file_changed_after_listing_is_loaded_when_opened(folder: Path) -> None:
    opened(folder)
    library = Library.open(folder)
    (folder / "a.yaml").write_text(BRIEFING.replace("Murat Nurtleu", "Murat Nurtlev"), encoding="utf-8")
    [entry] = library.entries
    assert entry.briefing is not None and entry.briefing.participants[0].name == "Murat Nurtlev"


def test_a_file_broken_after_listing_shows_its_problems_when_opened(folder: Path) -> None:
    opened(folder)
    library = Library.open(folder)
    (folder / "a.yaml").write_text("headline: [\n", encoding="utf-8")
    [entry] = library.entries
    assert entry.briefing is None
    assert entry.problems and "YAML syntax error" in entry.problems[0].message


@given(
    data=st.dictionaries(
        st.text(max_size=5),
        st.one_of(
            st.lists(st.one_of(st.integers(), st.text(max_size=4), st.none()), max_size=1200),
            st.text(max_size=5),
            st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
        ),
        max_size=4,
    )
)
@example(data={"participants": [{"name": f"P{i}"} for i in range(1001)], "k": list(range(500))})
@settings(max_examples=60, deadline=None)
def test_the_cache_entry_json_made_in_pieces_is_json_dumps(data: dict[str, object]) -> None:
    """The entry's JSON is written in pieces (so no one call holds the GIL for long): the same text."""
    import json

    from briefing_tui.pool import compact_json

    assert compact_json(data) == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
