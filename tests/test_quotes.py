"""The loader and the source view compare evidence with its source the same way.

If they disagreed, `check` would accept a quote the source view cannot highlight, or the view would
highlight one `check` refuses.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_tui.format.invisible import has_visible
from briefing_tui.format.loader import parse_briefing
from briefing_tui.format.problems import BriefingError
from briefing_tui.format.quotes import locate_quotes, normalise_quote
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
