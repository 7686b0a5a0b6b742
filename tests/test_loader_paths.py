"""The loader's two paths give one verdict: the fast one (values without positions) returns a
briefing exactly when the positioned one finds no problem, and the same briefing.

Run over every file the other tests read (the sample, tests/briefings, the hostile corpus, the
yaml-test-suite) and over generated near-briefings with the mistakes people make.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.format.loader import fast_path, slow_path
from briefing_tui.format.problems import BriefingError, FileContext
from briefing_tui.format.reading import DEFAULT_MAX_BYTES, read_text
from briefing_tui.paths import sample_path
from test_yaml_suite import CASES

TESTS = Path(__file__).parent
FILES = sorted(
    [sample_path(), *(TESTS / "briefings").glob("*.yaml"), *(TESTS / "hostile").glob("*.yaml"), *CASES]
)


def verdicts(text: str, path: Path) -> tuple[object, object]:
    """What each path makes of `text`: a briefing (with what it was loaded with), or its problems."""
    file = FileContext(path, str(path), DEFAULT_MAX_BYTES)
    fast = fast_path(text, file)
    try:
        slow: object = slow_path(text, file)
    except BriefingError as exc:
        slow = exc.problems
    if fast is not None:
        fast = (fast, fast.path, fast.source_text)
    if not isinstance(slow, list):
        assert dataclasses.is_dataclass(slow)
        slow = (slow, slow.path, slow.source_text)  # type: ignore[attr-defined]
    return fast, slow


def test_the_corpus_holds_good_and_bad_files() -> None:
    good = bad = 0
    for path in FILES:
        try:
            text = read_text(path, str(path), max_bytes=DEFAULT_MAX_BYTES)
        except BriefingError:
            continue
        fast, _ = verdicts(text, path)
        good, bad = good + (fast is not None), bad + (fast is None)
    assert good >= 2 and bad >= 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_fast_and_slow_paths_agree(path: Path) -> None:
    try:
        text = read_text(path, str(path), max_bytes=DEFAULT_MAX_BYTES)
    except BriefingError:
        return  # not UTF-8 or not readable: neither path sees it
    fast, slow = verdicts(text, path)
    if fast is None:
        assert isinstance(slow, list) and slow, "the fast path gave up on a file with no problem"
    else:
        assert fast == slow


SKELETON = (
    "headline: H\ndate: 2026-02-04\nkey_points: [a point]\n"
    "events: [{name: Talks}]\nparticipants:\n  - name: A\n    present_at: [Talks]\n"
)
#: Values as they may be written in a YAML file, each to be put in place of another.
WRITTEN = st.sampled_from(
    [
        "yes", "NO", "~", "1e3", "010", "0x1F", "1:30", "2026-02-30", "2026-02-04", ".nan", "12", "-1",
        "3.0", '""', "''", '"\\t"', '"\\x07"', "&a x", "*a", "!!str 5", "!foo x", "[a, b]", "{a: b}",
        "[]", "{}", "Q42", "q42", "x", "Talks", "<<", "'2026-02-04'", "[Talks, Talks]", "{x-a: 010}",
    ]
)  # fmt: skip
KEYS = st.sampled_from(
    ["name", "role", "text", "date", "headline", "aliases", "present_at", "wikidata", "evidence",
     "value", "label", "x-note", "nmae", "source", "briefing", "figures", "events", "topics"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 6), KEYS, WRITTEN), min_size=1, max_size=3))
def test_the_paths_agree_on_near_briefings(tmp_path: Path, edits: list[tuple[int, str, str]]) -> None:
    lines = SKELETON.splitlines()
    for line, key, written in edits:
        indent = "    " if line >= 5 else ""
        lines.insert(line, f"{indent}{key}: {written}")
    text = "\n".join(lines) + "\n"
    fast, slow = verdicts(text, tmp_path / "b.yaml")
    if fast is None:
        assert isinstance(slow, list) and slow, text
    else:
        assert fast == slow, text


def test_the_fast_path_reads_what_yaml_reads() -> None:
    # Sanity: on a good file, the values are PyYAML's own.
    path = sample_path()
    text = path.read_text(encoding="utf-8")
    from briefing_tui.format.yamlvalues import read_values

    assert read_values(text) == yaml.safe_load(text)
