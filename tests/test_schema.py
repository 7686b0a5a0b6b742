"""`briefing-tui schema`: a draft 2020-12 JSON Schema that agrees with the loader on the basics."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from typing import Any

import jsonschema
import pytest
import yaml

from briefing_tui.cli import main
from briefing_tui.paths import sample_path


def _iso(value: Any) -> Any:
    """YAML dates as the ISO strings a JSON document (and the YAML language server) would hold."""
    if isinstance(value, dict):
        return {key: _iso(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema"]) == 0
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def sample() -> dict[str, Any]:
    return _iso(yaml.safe_load(sample_path().read_text(encoding="utf-8")))


def errors(validator: jsonschema.Draft202012Validator, document: Any) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


def test_prints_json(capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["title"] == "briefing/1"


def test_is_a_valid_draft_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_accepts_the_sample(validator, sample):
    assert errors(validator, sample) == []


def test_accepts_a_minimal_briefing_with_plain_text_key_points(validator):
    doc = {"headline": "H", "date": "2026-02-04", "key_points": ["a"], "participants": [{"role": "R"}]}
    assert errors(validator, doc) == []


def test_rejects_a_missing_headline(validator, sample):
    del sample["headline"]
    assert errors(validator, sample) == ["'headline' is a required property"]


@pytest.mark.parametrize("where", ["top", "participant", "source", "event", "key_point"])
def test_rejects_an_unknown_key(validator, sample, where):
    target = {
        "top": sample,
        "participant": sample["participants"][0],
        "source": sample["source"],
        "event": sample["events"][0],
        "key_point": sample["key_points"][0],
    }[where]
    target["headlne"] = "oops"
    assert errors(validator, sample)


def test_rejects_a_participant_with_neither_name_nor_role(validator, sample):
    sample["participants"][0] = {"organization": "Foreign Office", "side": "Pakistan"}
    assert errors(validator, sample)
    sample["participants"][0] = {"role": "Foreign Minister"}
    assert errors(validator, sample) == []


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        (lambda d: d.update(briefing=2), False),
        (lambda d: d.update(briefing=1), True),
        (lambda d: d.update(headline=""), False),
        (lambda d: d.update(key_points=[]), False),
        (lambda d: d.update(participants=[]), False),
        (lambda d: d["participants"][0].update(side=False), False),
        (lambda d: d["participants"][0].update(evidence="one quote"), True),
        (lambda d: d["participants"][0].update(evidence=["one", "two"]), True),
        (lambda d: d["participants"][0].update(evidence=[""]), False),
        (lambda d: d.update(figures=[{"label": "trade", "value": 1.5}]), True),
        (lambda d: d.update(figures=[{"label": "trade", "value": [1]}]), False),
    ],
)
def test_agrees_with_the_model(validator, sample, change, valid):
    change(sample)
    assert (errors(validator, sample) == []) is valid


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("\u200b", False),
        ("\ufeff", False),
        (" \u200c\u200d ", False),
        ("\u3164", False),
        ("\u00ad\ufe0f\u2060", False),
        ("\t\n", False),
        ("A\u200d", True),
        ("\ufeffA", True),
        ("می\u200cخواهم", True),
    ],
)
def test_invisible_text_is_empty_text(validator, sample, text, valid):
    for change in (
        lambda d: d.update(headline=text),
        lambda d: d["participants"][0].update(name=text),
        lambda d: d["participants"][0].update(aliases=[text]),
        lambda d: d["participants"][0].update(evidence=text),
        lambda d: d["participants"][0].update(evidence=[text]),
        lambda d: d.update(key_points=[text]),
    ):
        document = json.loads(json.dumps(sample))
        change(document)
        assert (errors(validator, document) == []) is valid, (text, errors(validator, document))


def test_x_keys_are_accepted_everywhere(validator, sample):
    sample["x-editor"] = {"anything": [1, None, {"deep": True}]}
    sample["source"]["x-retrieved"] = "2026-02-05"
    sample["participants"][0]["x-checked"] = True
    sample["events"][0]["x-venue"] = "Aiwan-e-Sadr"
    sample["key_points"][0]["x-weight"] = 3
    if sample.get("agreements"):
        sample["agreements"][0]["x-link"] = "http://example.invalid"
    sample["figures"] = [{"label": "trade", "value": 1, "x-unit-note": "USD"}]
    assert errors(validator, sample) == []
