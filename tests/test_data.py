"""`to_data`: a briefing as plain data in the format's shape; as JSON it loads as the same briefing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_tui.export.jsondoc import dumps
from briefing_tui.format.data import ITEM_FIELDS, SOURCE_FIELDS, to_data
from briefing_tui.format.loader import load_briefing, parse_briefing
from briefing_tui.format.model import json_schema
from briefing_tui.format.problems import BriefingError
from briefing_tui.paths import sample_path

HOSTILE_TEXT = Path(__file__).parent / "briefings" / "hostile-text.yaml"
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_the_sample_as_data():
    data = to_data(load_briefing(sample_path()))
    assert list(data)[:4] == ["briefing", "id", "headline", "subheadline"]
    assert data["date"] == "2026-02-04" and data["published"] == "2026-02-05"
    assert data["source"] == {"file": "pakistan-kazakhstan-state-visit.txt"}  # no outlet: left out
    tokayev = next(p for p in data["participants"] if p.get("name") == "Kassym-Jomart Tokayev")
    assert list(tokayev) == ["name", "role", "side", "aliases", "present_at", "evidence", "notes"]
    assert isinstance(tokayev["evidence"], list)
    # A key point written as plain text in the file is a mapping here, like every other.
    assert all(set(point) <= {"text", "evidence"} for point in data["key_points"])
    json.dumps(data)  # JSON-ready as it is


def _full_keys(schema: dict[str, Any], name: str) -> list[str]:
    return list(schema["$defs"][name]["properties"])


def test_fields_follow_the_schema_in_order():
    # The schema is made from the model: a field added to the format but not here fails this test.
    schema = json_schema()
    assert list(schema["properties"]) == [
        "briefing",
        "id",
        "headline",
        "subheadline",
        "date",
        "published",
        "location",
        "source",
        "summary",
        "topics",
        "key_points",
        "agreements",
        "events",
        "figures",
        "participants",
    ]
    assert _full_keys(schema, "Source") == list(SOURCE_FIELDS)
    names = {"key_points": "KeyPoint", "agreements": "Agreement", "events": "Event", "figures": "Figure"}
    for key, name in names.items():
        assert _full_keys(schema, name) == list(ITEM_FIELDS[key])
    assert _full_keys(schema, "Participant") == list(ITEM_FIELDS["participants"])


def test_empty_text_is_kept_and_defaults_are_left_out(bdir):
    briefing = bdir.load(bdir.HEAD + 'summary: ""\nsource: {}\nagreements: []\n')
    data = to_data(briefing)
    assert data["summary"] == "" and data["source"] == {}
    assert "agreements" not in data and "subheadline" not in data


@pytest.mark.parametrize("path", [sample_path(), HOSTILE_TEXT], ids=["sample", "hostile"])
def test_json_of_a_file_loads_as_the_same_briefing(path):
    briefing = load_briefing(path)
    again = parse_briefing(dumps(to_data(briefing)), path)
    assert again == briefing


def test_floats_keep_a_dot_and_unprintable_text_is_escaped(bdir):
    text = dumps({"value": 1e16, "small": 1.5e-07, "text": "a\ufeffb\u0085 1e+16"})
    assert '"value": 1.0e+16' in text and '"small": 1.5e-07' in text
    assert "\\ufeff" in text and "\\u0085" in text and '"a\\ufeffb\\u0085 1e+16"' in text
    assert json.loads(text) == {"value": 1e16, "small": 1.5e-07, "text": "a\ufeffb\u0085 1e+16"}


def test_infinite_figures_cannot_be_json():
    with pytest.raises(ValueError):
        dumps({"value": float("inf")})


# -- property: any valid briefing survives to_data -> JSON -> loader ---------------------------

char = st.characters(
    exclude_categories=("Cs", "Cc", "Zl", "Zp"),
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
) | st.sampled_from([*'\n\t\r\ufeff"\\#:-[{&* '])  # no U+FFFE: every draw holding one is refused
# Lists of characters, not st.text, so that the characters YAML escapes or quotes are drawn often.
any_text = st.lists(char, max_size=12).map("".join)
words = st.lists(char, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())
optional = st.none() | any_text
evidence = st.lists(words, max_size=2)
values = st.none() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=False, allow_infinity=False) | words


def _item(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None and value != []}


@st.composite
def briefings(draw: st.DrawFn) -> dict[str, Any]:
    events = draw(st.lists(words, max_size=3, unique=True))
    doc = _item(
        briefing=draw(st.sampled_from([None, 1])),
        id=draw(st.none() | words),
        headline=draw(words),
        subheadline=draw(optional),
        date=draw(st.dates(min_value=dt.date(1000, 1, 1))),
        published=draw(st.none() | st.dates(min_value=dt.date(1000, 1, 1))),
        location=draw(optional),
        summary=draw(optional),
        topics=draw(st.lists(words, max_size=3)),
    )
    if draw(st.booleans()):
        doc["source"] = _item(outlet=draw(optional), url=draw(optional))
    doc["key_points"] = draw(
        st.lists(
            words | st.builds(lambda t, e: _item(text=t, evidence=e), words, evidence), min_size=1, max_size=3
        )
    )
    doc["agreements"] = draw(
        st.lists(
            st.builds(
                lambda *a: _item(**dict(zip(ITEM_FIELDS["agreements"], a, strict=True))),
                words,
                optional,
                optional,
                st.lists(words, max_size=2),
                optional,
                optional,
                evidence,
            ),
            max_size=2,
        )
    )
    doc["events"] = [_item(name=name, summary=draw(optional), evidence=draw(evidence)) for name in events]
    doc["figures"] = draw(
        st.lists(
            st.builds(
                lambda label, v, u, e: _item(label=label, value=v, unit=u, evidence=e),
                words,
                values,
                optional,
                evidence,
            ),
            max_size=2,
        )
    )
    people = []
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.none() | words)
        role = draw(words) if name is None else draw(st.none() | words)
        people.append(
            _item(
                name=name,
                role=role,
                organization=draw(optional),
                side=draw(optional),
                aliases=draw(st.lists(words, max_size=2)),
                present_at=draw(st.lists(st.sampled_from(events), max_size=2)) if events else [],
                evidence=draw(evidence),
                notes=draw(optional),
            )
        )
    doc["participants"] = people
    return {key: value for key, value in doc.items() if value != []}


@SETTINGS
@given(doc=briefings())
def test_to_data_written_as_json_loads_as_the_same_briefing(tmp_path_factory, doc):
    path = tmp_path_factory.mktemp("roundtrip") / "b.yaml"
    try:
        briefing = parse_briefing(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), path)
    except BriefingError:
        assume(False)  # a rare draw the loader refuses (e.g. text YAML cannot hold); not this test's subject
        raise
    again = parse_briefing(dumps(to_data(briefing)), path)
    assert again == briefing


def test_from_data_rebuilds_the_briefing_to_data_made() -> None:
    from briefing_tui.format.data import from_data

    briefing = load_briefing(sample_path())
    again = from_data(
        json.loads(json.dumps(to_data(briefing))), path="elsewhere.yaml", source_text=briefing.source_text
    )
    assert again == briefing
    assert repr(again) == repr(briefing)  # the same types: tuples, dates, numbers
    assert (again.path, again.source_text) == ("elsewhere.yaml", briefing.source_text)


@pytest.mark.parametrize(
    "change",
    [
        {"nickname": "x"},
        {"date": "2026-02-30"},
        {"participants": [{"name": "A", "age": 3}]},
        {"headline": None},
    ],
)
def test_from_data_refuses_data_no_briefing_has(change: dict[str, Any]) -> None:
    from briefing_tui.format.data import from_data

    data = {**to_data(load_briefing(sample_path())), **change}
    if change == {"headline": None}:
        del data["headline"]
    with pytest.raises(ValueError):
        from_data(data, path="b.yaml", source_text=None)
