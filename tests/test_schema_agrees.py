"""`briefing-tui schema` and the loader accept exactly the same documents.

Near-briefings are made from a good one by the mistakes people make (a key missing or misspelt, a
value of the wrong kind, text that says nothing, a date that is none, a Wikidata id written wrong, a
list emptied), written as YAML and given to both: the loader must load exactly those the schema (with
its `format: date` checked, as editors do) accepts. Left out are what the schema cannot say, which
the loader checks across the document or against files: event names that repeat or that `present_at`
does not give, a source file and the evidence in it, and `briefing: 1.0` (JSON has one number 1).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_tui.format.invisible import has_visible
from briefing_tui.format.loader import parse_briefing
from briefing_tui.format.problems import BriefingError
from briefing_tui.format.schema import json_schema

VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
GOOD: dict[str, Any] = {
    "briefing": 1,
    "id": "b",
    "headline": "A summit",
    "subheadline": "More",
    "date": "2026-02-04",
    "published": "2026-02-05",
    "location": "Astana",
    "source": {"outlet": "Outlet", "url": "https://example.org"},
    "summary": "Text.",
    "topics": ["trade"],
    "key_points": ["A point.", {"text": "Another.", "evidence": "a quote"}],
    "agreements": [{"title": "T", "kind": "k", "status": "s", "parties": ["A"], "evidence": ["q"]}],
    "events": [{"name": "Talks", "summary": "s"}, {"name": "Dinner"}],
    "figures": [{"label": "L", "value": 5, "unit": "u"}, {"label": "M", "value": 1.5}, {"label": "N"}],
    "participants": [
        {"name": "A", "role": "R", "aliases": ["a"], "present_at": ["Talks"], "wikidata": "Q42"},
        {"role": "Adviser", "side": "S", "notes": "n"},
    ],
}
VALUES = [
    None, "", " ", "\u200b", "\u00ad", "x", "Talks", "Q42", "q42", " Q7", "Q0", 0, 5, -1, 1.5, True,
    False, [], ["x"], [""], [5], [None], {}, {"a": "b"}, {"text": "x"}, {"name": "E"}, {"role": "R"},
    "2026-02-04", "2026-02-30", "20260204", "2026-2-4", "0000-01-01", "yes", "010",
]  # fmt: skip
KEYS = ["nmae", "x-note", "name", "role", "text", "label", "title", "date", "headline", "evidence", "value"]


def _places(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        found.append((*at, key))
        found += _places(value, (*at, key))
    return found


def _parent(data: Any, place: tuple[Any, ...]) -> Any:
    for key in place[:-1]:
        data = data[key]
    return data


@st.composite
def near_briefings(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(GOOD)
    for _ in range(draw(st.integers(1, 3))):
        places = _places(doc)
        if not places:
            break
        place = draw(st.sampled_from(places))
        parent, key = _parent(doc, place), place[-1]
        how = draw(st.sampled_from(["set", "set", "delete", "add", "empty"]))
        if how == "set":
            parent[key] = copy.deepcopy(draw(st.sampled_from(VALUES)))
        elif how == "delete":
            del parent[key]
        elif how == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = copy.deepcopy(draw(st.sampled_from(VALUES)))
        elif how == "empty" and isinstance(parent[key], list | dict):
            parent[key].clear()
    return doc


def _beyond_the_schema(doc: dict[str, Any]) -> bool:
    """Whether the loader refuses `doc` for what only it checks (see the module docstring)."""
    if type(doc.get("briefing")) is float:
        return True
    events = doc.get("events")
    names = [e.get("name") for e in events if isinstance(e, dict)] if isinstance(events, list) else []
    names = [n for n in names if isinstance(n, str)]
    if len(set(names)) < len(names):
        return True
    people = doc.get("participants")
    for person in people if isinstance(people, list) else []:
        given = person.get("present_at") if isinstance(person, dict) else None
        for name in given if isinstance(given, list) else []:
            if isinstance(name, str) and has_visible(name) and name not in names:
                return True
    return False


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=near_briefings())
def test_schema_and_loader_accept_the_same_documents(tmp_path: Path, doc: dict[str, Any]) -> None:
    assume(not _beyond_the_schema(doc))
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    try:
        parse_briefing(text, tmp_path / "b.yaml")
        loads = True
    except BriefingError:
        loads = False
    assert loads == VALIDATOR.is_valid(doc), (text, [e.message for e in VALIDATOR.iter_errors(doc)])


def test_the_good_briefing_is_good(tmp_path: Path) -> None:
    assert VALIDATOR.is_valid(GOOD)
    parse_briefing(yaml.safe_dump(GOOD, sort_keys=False), tmp_path / "b.yaml")


def test_a_participant_with_a_null_name_and_no_role_is_refused_by_both(tmp_path: Path) -> None:
    doc = copy.deepcopy(GOOD)
    doc["participants"] = [{"name": None}]
    assert not VALIDATOR.is_valid(doc)
    try:
        parse_briefing(yaml.safe_dump(doc, sort_keys=False), tmp_path / "b.yaml")
    except BriefingError as exc:
        assert "a participant needs a name or a role" in str(exc)
    else:
        raise AssertionError("loaded")
