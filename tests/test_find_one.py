"""Find in one briefing (`find_one`): the library's find, over the briefing on screen only."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.find import FindError
from briefing_tui.find_one import BriefingFinder
from briefing_tui.format.loader import load_briefing
from briefing_tui.fulltext import SOURCE
from briefing_tui.items import Ref
from briefing_tui.library import load_library

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "pakistan-kazakhstan-state-visit.yaml"


@pytest.fixture(scope="module")
def finder() -> BriefingFinder:
    return BriefingFinder(load_briefing(SAMPLE))


@pytest.mark.parametrize(
    "query",
    [
        '"transit trade"',
        "bank*",
        "transit NOT customs",
        "(energy OR mining) AND defence",
        "tête",
        "Токаев",
        "QTTA",
    ],
)
def test_the_same_texts_as_the_library_finds(finder: BriefingFinder, query: str, tmp_path: Path) -> None:
    library = load_library(SAMPLE, use_cache=False)
    expected = {hit.path for hit in library.find(query, limit=500)}
    found = finder.find(query, limit=500)
    assert {hit.path for hit in found} == expected
    assert found.total == len(expected)


def test_hits_come_in_reading_order_and_name_their_item(finder: BriefingFinder) -> None:
    hits = finder.find("billionaires").hits
    assert [hit.path[0] for hit in hits] == [
        "summary",
        "key_points",
        "key_points",
        "figures",
        "figures",
        "participants",
        "participants",
        "source",
    ]
    assert hits[1].item == Ref("key_point", hits[1].path[1]) and hits[3].item == Ref("briefing", 0)
    assert hits[-1].path == SOURCE and hits[-1].item is None
    for hit in hits:  # every match marked is the word, in the snippet
        assert hit.spans and all(
            hit.snippet[a - hit.snippet_start : b - hit.snippet_start].lower() == "billionaires"
            for a, b in hit.spans
        )


def test_case_accents_and_scripts_aside(finder: BriefingFinder) -> None:
    assert {hit.path for hit in finder.find("TETE").hits} == {hit.path for hit in finder.find("tête").hits}
    assert finder.find("tete-a-tete").hits  # "tête-à-tête" as a phrase of three words


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ('"transit', "a quote is not closed"),
        ("transit OR", "OR needs a word or phrase after it"),
        ("", "nothing"),
    ],
)
def test_a_query_that_cannot_be_read_raises(finder: BriefingFinder, query: str, why: str) -> None:
    with pytest.raises(FindError, match=why):
        finder.find(query)


def test_nothing_found_is_no_hit(finder: BriefingFinder) -> None:
    found = finder.find("zzyzx")
    assert not found.hits and found.total == 0
