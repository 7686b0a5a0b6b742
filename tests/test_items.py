"""The table of item kinds: every kind of the format is one row, and everything reads items through it."""

from __future__ import annotations

import dataclasses
from typing import get_args

import pytest

from briefing_tui import items
from briefing_tui.format.loader import load_briefing
from briefing_tui.format.model import Briefing
from briefing_tui.items import ITEM_KINDS, Kind, Ref
from briefing_tui.paths import sample_path


@pytest.fixture(scope="module")
def sample() -> Briefing:
    return load_briefing(sample_path())


def test_the_table_has_a_row_for_every_kind() -> None:
    assert set(ITEM_KINDS) == set(get_args(Kind))
    assert all(key == kind.kind for key, kind in ITEM_KINDS.items())


def test_every_section_of_the_briefing_with_evidence_is_a_kind() -> None:
    attributes = {kind.attribute for kind in ITEM_KINDS.values()} - {None}
    assert attributes <= {field.name for field in dataclasses.fields(Briefing)}
    # Figures carry evidence too, but are shown as a field of the briefing, not as items of their own.
    assert {"key_points", "agreements", "events", "participants"} == attributes


def test_every_item_has_a_title_fields_and_its_evidence(sample: Briefing) -> None:
    for kind in ITEM_KINDS.values():
        refs = items.refs(sample, kind)
        assert refs
        for ref in refs:
            assert Ref.from_option_id(ref.option_id) == ref
            title = items.title(sample, ref)
            assert title
            labels = [label for label, _ in items.fields(sample, ref)]
            assert len(labels) == len(set(labels))
            if kind.attribute is not None:
                assert items.evidence(sample, ref) == getattr(sample, kind.attribute)[ref.index].evidence
            assert items.as_text(sample, ref).startswith(f"{kind.noun}: {title}")


def test_related_items_link_both_ways(sample: Briefing) -> None:
    for ref in items.refs(sample, ITEM_KINDS["event"]):
        heading, people = items.related(sample, ref)
        assert heading == "Attended by"
        for person in people:
            assert ref in items.related(sample, person)[1]
    assert items.related(sample, Ref("key_point", 0)) == ("", [])


def test_the_palette_names_people_by_name_and_role(sample: Briefing) -> None:
    person = next(i for i, p in enumerate(sample.participants) if p.name and p.role)
    named = sample.participants[person]
    assert items.palette_text(sample, Ref("participant", person)) == f"{named.name}, {named.role}"
    assert items.palette_text(sample, Ref("key_point", 0)) == sample.key_points[0].text


def test_lists_show_kinds_in_table_order() -> None:
    assert [kind.kind for kind in items.kinds_shown_by("agreements")] == ["agreement", "event"]
    assert [kind.kind for kind in items.kinds_shown_by("headline")] == ["briefing"]


def test_a_participant_s_wikidata_id_is_shown_when_there_is_one(sample, bdir):
    assert "Wikidata" not in [label for label, _ in items.fields(sample, Ref("participant", 0))]
    briefing = bdir.load(bdir.HEAD.replace("{name: A}", "{name: A, wikidata: Q1234}"))
    assert ("Wikidata", "Q1234") in items.fields(briefing, Ref("participant", 0))
