"""Property tests: whatever the file holds, the loader answers with a briefing or a `BriefingError`."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.format.invisible import has_visible
from briefing_tui.format.loader import load_briefing, parse_briefing
from briefing_tui.format.problems import BriefingError

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LINE_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")

SKELETON: dict[str, Any] = {
    "headline": "Leaders meet",
    "date": dt.date(2026, 2, 4),
    "source": {"file": "source.txt"},
    "key_points": ["They met.", {"text": "They talked.", "evidence": "the two leaders met"}],
    "events": [{"name": "state banquet"}],
    "participants": [{"name": "A", "role": "President", "present_at": ["state banquet"]}],
}
SOURCE = "In Islamabad the two leaders met and attended a state banquet.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("properties")
    (path / "source.txt").write_text(SOURCE, encoding="utf-8")
    return path


def check_problems(exc: BriefingError, text: str) -> None:
    assert exc.problems
    lines = len(LINE_BREAKS.split(text)) + 1
    for problem in exc.problems:
        assert problem.message.strip()
        assert (problem.line is None) == (problem.column is None)
        if problem.line is not None:
            assert 1 <= problem.line <= lines
            assert problem.column >= 1


def load_text(text: str, folder: Path) -> None:
    """Load `text` as a briefing in `folder`: it may load; if not, only `BriefingError` is allowed."""
    try:
        parse_briefing(text, folder / "b.yaml")
    except BriefingError as exc:
        check_problems(exc, text)


# -- arbitrary text -----------------------------------------------------------------------------

any_char = st.characters(exclude_categories=("Cs",))
FRAGMENTS = [
    "headline: ",
    "date: 2026-02-04",
    "date: 2026-02-30",
    "key_points:",
    "participants:",
    "\n",
    "\n  ",
    "- ",
    "- name: ",
    "? ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "<<: ",
    "'",
    '"',
    "\\e",
    "\\x1b",
    "\\u202e",
    "#",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "|\n",
    ">-\n",
    "0x",
    "9" * 50,
    "NO",
    "~",
    "x-",
    "source:\n  file: ",
    "source.txt",
    "../",
    "\t",
    "\r\n",
    "\ufeff",
    "\u200d",
    "\u2028",
]
yamlish = st.lists(st.text(any_char, max_size=10) | st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@SETTINGS
@given(text=st.text(any_char, max_size=400))
def test_arbitrary_text_file(folder, text):
    loads_or_explains(folder / "arbitrary.yaml", text)


@SETTINGS
@given(text=yamlish)
def test_yaml_like_text_file(folder, text):
    loads_or_explains(folder / "yamlish.yaml", text)


def loads_or_explains(path, text):
    """The text loads, or its problems are all well-formed; nothing else may come out."""
    path.write_text(text, encoding="utf-8")
    try:
        load_briefing(path)
    except BriefingError as exc:
        check_problems(exc, text.removeprefix("\ufeff"))


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_file(folder, data):
    path = folder / "bytes.yaml"
    path.write_bytes(data)
    try:
        load_briefing(path)
    except BriefingError as exc:
        assert exc.problems
        assert all(p.message.strip() for p in exc.problems)


# -- arbitrary YAML structures ------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(any_char, max_size=20)
    | st.dates()
    | st.datetimes()
)
keys = st.text(any_char, max_size=12) | st.sampled_from(
    ["name", "role", "text", "evidence", "present_at", "file", "title", "label", "value", "x-a", "<<", ""]
)
trees = st.recursive(
    scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(keys, kids, max_size=4), max_leaves=25
)


@SETTINGS
@given(value=trees)
def test_dumped_structure_as_the_whole_file(folder, value):
    load_text(yaml.safe_dump(value, allow_unicode=True), folder)


def _place(doc: dict[str, Any], where: str, key: str, value: Any) -> None:
    """Put `value` somewhere in the skeleton: `where` names the place, `key` a field there."""
    if where == "top":
        doc[key] = value
    elif where == "top-known":
        doc[key if key in SKELETON or key in {"agreements", "figures", "topics"} else "summary"] = value
    elif where == "source":
        doc["source"][key] = value
    elif where == "participant":
        doc["participants"][0][key] = value
    elif where == "participant-known":
        doc["participants"][0]["present_at" if not key else "name" if len(key) % 2 else "evidence"] = value
    elif where == "event":
        doc["events"][0][key] = value
    elif where == "key-point":
        doc["key_points"][1][key] = value
    else:  # a new item of a list
        doc[where].append(value)


places = st.sampled_from(
    [
        "top",
        "top-known",
        "source",
        "participant",
        "participant-known",
        "event",
        "key-point",
        "participants",
        "key_points",
        "events",
    ]
)


@SETTINGS
@given(where=places, key=keys, value=trees)
def test_dumped_structure_mixed_into_a_valid_briefing(folder, where, key, value):
    doc = copy.deepcopy(SKELETON)
    _place(doc, where, key, value)
    load_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), folder)


def test_skeleton_is_valid(folder):
    briefing = parse_briefing(yaml.safe_dump(SKELETON, sort_keys=False), folder / "b.yaml")
    assert briefing.source_text == SOURCE


# -- extension keys and text survive ------------------------------------------------------------

safe_char = st.characters(
    exclude_categories=("Cs", "Cc"),
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
safe_text = st.text(safe_char, max_size=20)
safe_trees = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | safe_text | st.dates(),
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(safe_text.filter(lambda k: k != "<<"), kids, max_size=4)
    ),
    max_leaves=25,
)


@SETTINGS
@given(
    where=st.sampled_from(["top", "source", "participant", "event", "key-point"]),
    name=safe_text,
    value=safe_trees,
)
def test_x_keys_anywhere_are_ignored(folder, where, name, value):
    doc = copy.deepcopy(SKELETON)
    _place(doc, where, "x-" + name, value)
    briefing = parse_briefing(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), folder / "b.yaml")
    assert "'x-" not in repr(briefing)


meaningful = st.text(safe_char, min_size=1, max_size=40).filter(has_visible)


@SETTINGS
@given(headline=meaningful, name=meaningful, summary=st.text(safe_char, max_size=60))
def test_text_survives_exactly(folder, headline, name, summary):
    doc = copy.deepcopy(SKELETON)
    doc.update(headline=headline, summary=summary)
    doc["participants"][0]["name"] = name
    briefing = parse_briefing(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), folder / "b.yaml")
    assert (briefing.headline, briefing.participants[0].name, briefing.summary) == (headline, name, summary)
