"""Find any text: phrases, prefixes, boolean terms; accents and scripts; what a hit names and shows
(offsets into the item's own text); queries that cannot be read."""

from __future__ import annotations

import pytest

import briefing_tui.store
from briefing_tui.find import FindError, parse_query
from briefing_tui.items import Ref
from briefing_tui.library import Library

ARTICLE = (
    "ASTANA. The ministers of Kazakhstán and Uzbekistan met on Monday. "
    "They signed the Quadrilateral Transit Trade Agreement and spoke of banking reform. "
    "会谈在北京举行。 Министры обсудили транзит.\n"
)
BRIEFING = """\
headline: Ministers sign a transit agreement
date: 2026-03-01
summary: A day of talks on [bold]trade[/bold] and banks.
source: {file: article.txt}
key_points:
  - text: The Quadrilateral Transit Trade Agreement was signed.
    evidence: "signed the Quadrilateral Transit Trade Agreement"
  - text: Banking reform was discussed.
agreements:
  - title: Quadrilateral Transit Trade Agreement
    summary: Cuts tariffs on transit cargo.
events:
  - name: Signing ceremony
    summary: Held in Astana.
figures:
  - {label: Transit cargo, value: 12, unit: million tonnes}
participants:
  - name: Murat Nurtleu
    side: Kazakhstan
    notes: Spoke of transit first.
    evidence: "The ministers of Kazakhstán and Uzbekistan met"
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    desk = tmp_path_factory.mktemp("desk")
    (desk / "a.yaml").write_text(BRIEFING, encoding="utf-8")
    (desk / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (desk / "b.yaml").write_text(
        "headline: Water talks\ndate: 2025-01-01\nkey_points: [Rivers were discussed.]\n"
        "participants: [{name: A}]\n",
        encoding="utf-8",
    )
    return Library.open(desk, use_cache=False)


def found(library: Library, query: str) -> list[tuple[str, tuple[str | int, ...]]]:
    return sorted((hit.entry.path.name, hit.path) for hit in library.find(query))


def matched(library: Library, query: str) -> set[str]:
    """The matched text of every hit, read back from the snippets by their spans."""
    return {
        hit.snippet[start - hit.snippet_start : end - hit.snippet_start]
        for hit in library.find(query)
        for start, end in hit.spans
    }


def test_words_match_anywhere_in_one_text(library: Library) -> None:
    assert found(library, "rivers") == [("b.yaml", ("key_points", 0, "text"))]
    assert found(library, "tariffs cargo") == [("a.yaml", ("agreements", 0, "summary"))]


def test_a_phrase_matches_its_words_in_a_row(library: Library) -> None:
    assert found(library, '"transit trade"') == [
        ("a.yaml", ("agreements", 0, "title")),
        ("a.yaml", ("key_points", 0, "evidence", 0)),
        ("a.yaml", ("key_points", 0, "text")),
        ("a.yaml", ("source",)),
    ]
    assert found(library, '"trade transit"') == []
    assert matched(library, '"transit trade"') == {"Transit Trade"}


def test_a_prefix_matches_the_start_of_words(library: Library) -> None:
    assert {path for _, path in found(library, "bank*")} == {
        ("summary",),
        ("key_points", 1, "text"),
        ("source",),
    }
    assert matched(library, "bank*") == {"banks", "Banking", "banking"}
    assert found(library, "bank") == []  # a word, not the start of one


@pytest.mark.parametrize(
    ("query", "paths"),
    [
        ("transit AND cargo", [("agreements", 0, "summary"), ("figures", 0, "label")]),
        (
            "cargo OR rivers",
            [("agreements", 0, "summary"), ("figures", 0, "label"), ("key_points", 0, "text")],
        ),
        (
            "transit NOT cargo",
            [
                ("agreements", 0, "title"),
                ("headline",),
                ("key_points", 0, "evidence", 0),
                ("key_points", 0, "text"),
                ("participants", 0, "notes"),
                ("source",),
            ],
        ),
        ("(cargo OR rivers) AND tariffs", [("agreements", 0, "summary")]),
        ("signing ceremony", [("events", 0, "name")]),
        ("astana", [("events", 0, "summary"), ("source",)]),
    ],
)
def test_boolean_terms(library: Library, query: str, paths: list[tuple[str | int, ...]]) -> None:
    assert sorted(path for _, path in found(library, query)) == paths


def test_not_shows_only_what_was_looked_for(library: Library) -> None:
    assert matched(library, "transit NOT cargo") == {"transit", "Transit"}


def test_accents_and_case_do_not_matter(library: Library) -> None:
    assert matched(library, "kazakhstan") == {"Kazakhstán"}
    assert matched(library, "KAZAKHSTÁN") == {"Kazakhstán"}


def test_scripts_without_spaces_and_other_alphabets(library: Library) -> None:
    assert found(library, "北京") == [("a.yaml", ("source",))]
    assert matched(library, "北京") == {"北京"}
    assert matched(library, "транзит") == {"транзит"}
    assert matched(library, "транз*") == {"транзит"}


def test_a_hit_names_its_item_and_where_the_text_is(library: Library) -> None:
    hits = {hit.path: hit for hit in library.find("transit")}
    assert (hits[("key_points", 0, "text")].item, hits[("key_points", 0, "text")].kind) == (
        Ref("key_point", 0),
        "key point",
    )
    assert hits[("agreements", 0, "title")].item == Ref("agreement", 0)
    assert hits[("participants", 0, "notes")].item == Ref("participant", 0)
    assert hits[("figures", 0, "label")].item == Ref("briefing", 0)
    assert hits[("headline",)].item == Ref("briefing", 0)
    source = hits[("source",)]
    assert (source.item, source.kind, source.field) == (None, "source article", "article")


def test_spans_are_offsets_into_the_item_s_own_text(library: Library) -> None:
    [hit] = [h for h in library.find('"trade agreement"') if h.path == ("source",)]
    text = library.source_text(hit.entry)
    assert text is not None and hit.snippet == text[hit.snippet_start : hit.snippet_start + len(hit.snippet)]
    assert [text[start:end] for start, end in hit.spans] == ["Trade Agreement"]
    assert len(hit.snippet) <= 200


def test_snippets_are_plain_text(library: Library) -> None:
    [hit] = library.find("banks")
    assert hit.snippet == "A day of talks on [bold]trade[/bold] and banks."


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "nothing to find"),
        ('"transit trade', "a quote is not closed"),
        ("(transit", "a '(' is not closed"),
        ("transit)", "unexpected ')'"),
        ("NOT transit", "NOT needs a word before it"),
        ("transit AND", "AND needs a word or phrase after it"),
        ("transit OR OR cargo", "OR needs a word or phrase after it"),
        ("!!!", "has no letters or digits to find"),
        ("*", "has no letters or digits to find"),
    ],
)
def test_a_query_that_cannot_be_read_says_why(library: Library, query: str, message: str) -> None:
    with pytest.raises(FindError, match=message.replace("(", r"\(").replace(")", r"\)")):
        library.find(query)


def test_queries_are_written_safely_for_fts5() -> None:
    assert parse_query("Nur-Sultan").fts == '"nur sultan"'
    assert parse_query('a b OR "c d"* NOT e').fts == '(("a" AND "b") OR ("c d"* NOT "e"))'
    assert parse_query("北京").fts == '"北 京"'


def test_without_fts5_find_says_so(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(briefing_tui.store, "fts5_available", lambda: False)
    with pytest.raises(FindError, match="no full-text search"):
        library.find("transit")
