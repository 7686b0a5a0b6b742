"""The loader and the source view compare evidence with its source the same way.

If they disagreed, `check` would accept a quote the source view cannot highlight, or the view would
highlight one `check` refuses.
"""

from __future__ import annotations

import sys
import tracemalloc
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_tui.format.invisible import has_visible
from briefing_tui.format.loader import parse_briefing
from briefing_tui.format.problems import BriefingError
from briefing_tui.format.quotes import Haystack, locate_quotes, normalise_quote
from briefing_tui.format.reading import read_text

HEAD = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nparticipants: [{name: A}]\n"
HEAD += "source: {file: source.txt}\n"

#: Characters the comparison treats as one, each group with the character it is compared as first.
SAME = [
    "'\u2018\u2019\u201a\u201b\u2032`",
    '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033',
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
]
SPACES = [" ", "  ", "\n", "\r\n", "\t", " \n ", "\u00a0", "\u2009", "\u202f", "\u3000", "\u2003"]
#: Letters NFC composes or rewrites, a BOM and a zero-width space (neither is white space).
TRICKY = "e\u0301\u00e9\u212b\u00c5\u1e9b\u0323\ufeff\u200b"
ALPHABET = st.sampled_from(["a", "b", "z", "A", ".", ",", *"".join(SAME), *SPACES, *TRICKY])


def variant(char: str) -> st.SearchStrategy[str]:
    """`char`, or a character or run the comparison treats as the same."""
    for group in SAME:
        if char in group:
            return st.sampled_from(group)
    if char.isspace():
        return st.sampled_from(SPACES)
    return st.just(char)


@st.composite
def source_and_quote(draw: st.DrawFn) -> tuple[str, str]:
    source = "".join(draw(st.lists(ALPHABET, min_size=1, max_size=40)))
    if draw(st.booleans()):  # a passage of the source, written with other quote marks and spaces
        start = draw(st.integers(0, len(source) - 1))
        end = draw(st.integers(start + 1, len(source)))
        quote = "".join(draw(variant(char)) for char in source[start:end])
    else:  # anything, mostly not in the source
        quote = "".join(draw(st.lists(ALPHABET, min_size=1, max_size=8)))
    quote = draw(st.sampled_from(["", *SPACES])) + quote + draw(st.sampled_from(["", *SPACES]))
    assume(has_visible(quote))  # a quote that shows nothing is refused as empty
    return source, quote


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("quotes")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=source_and_quote())
def test_the_source_view_finds_exactly_the_quotes_check_accepts(folder: Path, case: tuple[str, str]) -> None:
    source, quote = case
    (folder / "source.txt").write_bytes(source.encode("utf-8"))
    text = HEAD + yaml.safe_dump({"events": [{"name": "E", "evidence": [quote]}]}, allow_unicode=True)
    try:
        briefing = parse_briefing(text, folder / "b.yaml")
    except BriefingError as exc:
        assert [p.message.split(":")[0] for p in exc.problems] == ["evidence not found in 'source.txt'"]
        accepted, shown = False, read_text(folder / "source.txt", "source.txt", max_bytes=1 << 20)
    else:
        accepted, shown = True, briefing.source_text or ""
    # As the source view shows it: in NFC, which is what its offsets refer to.
    shown = unicodedata.normalize("NFC", shown)
    span = locate_quotes(shown, [quote])[0]
    assert (span is not None) == accepted
    if span is not None:
        assert normalise_quote(shown[span[0] : span[1]]) == normalise_quote(quote)


def test_quotes_are_found_despite_typography_and_spacing() -> None:
    source = "He said the visit—the first in\n  two decades—was “timely”. Nothing else."
    found = locate_quotes(source, ["visit-the first in two decades", '"timely"', "absent"])
    assert found[2] is None
    assert found[0] is not None and source[found[0][0] : found[0][1]] == "visit—the first in\n  two decades"
    assert found[1] is not None and source[found[1][0] : found[1][1]] == "“timely”"


def test_normalise_quote() -> None:
    assert normalise_quote("  “we’re”\u00a0—\n\tready  ") == '"we\'re" - ready'


@settings(max_examples=300, deadline=None)
@given(source=st.lists(ALPHABET, max_size=60).map("".join))
def test_the_haystack_maps_every_character_back(source: str) -> None:
    source = unicodedata.normalize("NFC", source)
    haystack = Haystack(source)
    assert haystack.text.strip() == normalise_quote(source)
    for at, char in enumerate(haystack.text):
        back = source[haystack.offset(at)]
        assert normalise_quote(back) == char or (char == " " and back.isspace())
    offsets = [haystack.offset(at) for at in range(len(haystack.text))]
    assert offsets == sorted(set(offsets))


def test_offsets_after_runs_of_white_space() -> None:
    source = "a  b\n\n\nc d\t\te"
    haystack = Haystack(source)
    assert haystack.text == "a b c d e"
    assert [source[haystack.offset(i)] for i in range(len(haystack.text))] == list("a b\nc d\te")
    assert locate_quotes(source, ["b c d"]) == [(3, 10)]


def _peak(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("first", ["", "😀 "], ids=["ascii", "emoji-first"])
def test_locating_quotes_in_a_long_source_is_light(first: str) -> None:
    # An offset map of one Python int per character costs 8 to 36 bytes a character.
    source = first + "The minister said that the agreement would be signed.\n" * 40_000
    found = locate_quotes(source, ["agreement would be signed. The", "absent"])
    assert found[1] is None
    assert found[0] is not None and source[found[0][0] : found[0][1]] == "agreement would be signed.\nThe"
    assert _peak(lambda: locate_quotes(source, ["agreement would be signed. The"])) < 2.5 * sys.getsizeof(
        source
    )


def test_checking_evidence_in_a_long_source_is_light(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text("The minister said that the agreement would be signed.\n" * 40_000)
    text = HEAD + 'events: [{name: E, evidence: ["The minister said", "not in it"]}]\n'
    caught: list[BriefingError] = []

    def check() -> None:
        try:
            parse_briefing(text, tmp_path / "b.yaml")
        except BriefingError as exc:
            caught.append(exc)

    peak = _peak(check)
    assert [p.message for p in caught[0].problems] == ["evidence not found in 'source.txt': 'not in it'"]
    assert peak < 4 * (tmp_path / "source.txt").stat().st_size
