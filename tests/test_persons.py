"""One person across a folder: appearances merged by name or alias without conflicting sides (and by
wikidata id), kept apart otherwise; what a dossier holds; finding people by any spelling."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from briefing_tui.library import Library
from briefing_tui.persons import Person

ARTICLE = "Minister Tokayev said the talks went well. The President spoke at the banquet.\n"
_numbers = itertools.count()


def write(folder: Path, date: str, people: list[dict[str, object]], events: tuple[str, ...] = ()) -> None:
    lines = [
        f"headline: Briefing of {date}",
        f"date: {date}",
        "source: {file: article.txt}",
        "key_points: [a point]",
    ]
    if events:
        lines.append("events:")
        lines += [f"  - name: {event}" for event in events]
    lines.append("participants:")
    for person in people:
        first = True
        for key, value in person.items():
            lines.append(
                f"  {'- ' if first else '  '}{key}: {value!r}"
                if not isinstance(value, list)
                else f"  {'- ' if first else '  '}{key}: [{', '.join(map(repr, value))}]"
            )
            first = False
    (folder / f"b{next(_numbers):03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")


def people(folder: Path) -> list[Person]:
    return Library.open(folder, use_cache=False).persons().persons


def by_name(persons: list[Person]) -> list[tuple[str, int]]:
    return sorted((p.name, len(p.appearances)) for p in persons)


def test_the_same_name_on_the_same_side_is_one_person(tmp_path: Path) -> None:
    write(
        tmp_path, "2024-01-10", [{"name": "Murat Nurtleu", "role": "Deputy Minister", "side": "Kazakhstan"}]
    )
    write(
        tmp_path,
        "2025-05-02",
        [{"name": "MURAT NURTLEU", "role": "Foreign Minister", "organization": "MFA", "side": "kazakhstan"}],
    )
    [person] = people(tmp_path)
    assert (person.briefings, person.role, person.organization) == (2, "Foreign Minister", "MFA")
    assert person.name == "MURAT NURTLEU"  # the latest spelling
    assert (person.first.isoformat(), person.last.isoformat()) == ("2024-01-10", "2025-05-02")
    # Every appearance, newest first, with the role at that time.
    assert [(a.date.isoformat(), a.role) for a in person.appearances] == [
        ("2025-05-02", "Foreign Minister"),
        ("2024-01-10", "Deputy Minister"),
    ]


def test_two_people_who_share_a_name_stay_apart_when_their_sides_conflict(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Ali Khan", "role": "Ambassador", "side": "Pakistan"}])
    write(tmp_path, "2024-02-10", [{"name": "Ali Khan", "role": "Trade envoy", "side": "Afghanistan"}])
    write(tmp_path, "2024-03-10", [{"name": "Ali Khan", "role": "Ambassador", "side": "Pakistan"}])
    persons = people(tmp_path)
    assert sorted((p.sides, len(p.appearances)) for p in persons) == [
        (("Afghanistan",), 1),
        (("Pakistan",), 2),
    ]


def test_accents_and_scripts_fold_to_one_name(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Recep Tayyip Erdoğan", "side": "Turkey"}])
    write(tmp_path, "2024-02-10", [{"name": "Recep Tayyip Erdogan", "side": "Turkey"}])
    [person] = people(tmp_path)
    assert person.names == ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan")


def test_a_name_given_as_another_s_alias_joins_them(tmp_path: Path) -> None:
    write(
        tmp_path,
        "2024-01-10",
        [{"name": "Kassym-Jomart Tokayev", "aliases": ["Tokayev", "Токаев"], "side": "Kazakhstan"}],
    )
    write(tmp_path, "2024-02-10", [{"name": "Токаев", "side": "Kazakhstan"}])
    write(tmp_path, "2024-03-10", [{"name": "Tokayev", "side": "Kazakhstan"}])
    [person] = people(tmp_path)
    assert person.briefings == 3


def test_a_shared_alias_alone_does_not_join(tmp_path: Path) -> None:
    write(
        tmp_path,
        "2019-01-10",
        [{"name": "Nursultan Nazarbayev", "aliases": ["the President"], "side": "Kazakhstan"}],
    )
    write(
        tmp_path,
        "2024-01-10",
        [{"name": "Kassym-Jomart Tokayev", "aliases": ["the President"], "side": "Kazakhstan"}],
    )
    assert by_name(people(tmp_path)) == [("Kassym-Jomart Tokayev", 1), ("Nursultan Nazarbayev", 1)]


def test_a_name_without_a_side_joins_the_one_person_it_names(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Wang Yi", "role": "Foreign Minister", "side": "China"}])
    write(tmp_path, "2024-02-10", [{"name": "Wang Yi", "role": "Foreign Minister"}])
    [person] = people(tmp_path)
    assert person.briefings == 2 and person.sides == ("China",)


def test_a_name_without_a_side_that_could_be_two_people_stays_apart(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Ali Khan", "side": "Pakistan"}])
    write(tmp_path, "2024-02-10", [{"name": "Ali Khan", "side": "Afghanistan"}])
    write(tmp_path, "2024-03-10", [{"name": "Ali Khan"}])
    persons = people(tmp_path)
    assert sorted(p.sides for p in persons) == [(), ("Afghanistan",), ("Pakistan",)]


def test_one_wikidata_id_is_one_person_whatever_the_spelling_or_side(tmp_path: Path) -> None:
    write(
        tmp_path,
        "2024-01-10",
        [{"name": "Kassym-Jomart Tokayev", "side": "Kazakhstan", "wikidata": "Q1350948"}],
    )
    write(
        tmp_path, "2024-02-10", [{"name": "K. Tokaev", "side": "Kazakh delegation", "wikidata": "Q1350948"}]
    )
    [person] = people(tmp_path)
    assert (person.briefings, person.wikidata) == (2, "Q1350948")
    assert person.sides == ("Kazakh delegation", "Kazakhstan")


def test_two_ids_are_two_people_even_with_one_name(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Ali Khan", "side": "Pakistan", "wikidata": "Q1"}])
    write(tmp_path, "2024-02-10", [{"name": "Ali Khan", "side": "Pakistan", "wikidata": "Q2"}])
    assert sorted(p.wikidata or "" for p in people(tmp_path)) == ["Q1", "Q2"]


def test_an_appearance_without_an_id_joins_the_one_person_with_it(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Wang Yi", "side": "China", "wikidata": "Q1"}])
    write(tmp_path, "2024-02-10", [{"name": "Wang Yi", "side": "China"}])
    write(tmp_path, "2024-03-10", [{"name": "Wang Yi"}])
    [person] = people(tmp_path)
    assert (person.wikidata, len(person.appearances)) == ("Q1", 3)
    # A conflicting side is someone else; and the one without a side could now be either.
    write(tmp_path, "2024-04-10", [{"name": "Wang Yi", "side": "Taiwan"}])
    persons = people(tmp_path)
    assert sorted((p.wikidata or "", p.sides, len(p.appearances)) for p in persons) == [
        ("", (), 1),
        ("", ("Taiwan",), 1),
        ("Q1", ("China",), 2),
    ]


def test_with_two_ids_for_one_name_an_appearance_without_one_stays_apart(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Ali Khan", "side": "Pakistan", "wikidata": "Q1"}])
    write(tmp_path, "2024-02-10", [{"name": "Ali Khan", "side": "Pakistan", "wikidata": "Q2"}])
    write(tmp_path, "2024-03-10", [{"name": "Ali Khan", "side": "Pakistan"}])
    assert sorted(len(p.appearances) for p in people(tmp_path)) == [1, 1, 1]


def test_officials_without_a_name_are_each_their_own(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"role": "Ambassador of Turkey", "side": "Turkey"}])
    write(tmp_path, "2025-01-10", [{"role": "Ambassador of Turkey", "side": "Turkey"}])
    persons = people(tmp_path)
    assert [(p.name, len(p.appearances)) for p in persons] == [("Ambassador of Turkey", 1)] * 2


def test_a_dossier_has_events_and_evidence_and_the_place_to_open(tmp_path: Path) -> None:
    write(
        tmp_path,
        "2024-01-10",
        [
            {"name": "Someone Else"},
            {
                "name": "Kassym-Jomart Tokayev",
                "role": "Minister",
                "present_at": ["Talks", "Banquet"],
                "evidence": "Minister Tokayev said the talks went well",
            },
        ],
        events=("Talks", "Banquet"),
    )
    [person] = [p for p in people(tmp_path) if p.name == "Kassym-Jomart Tokayev"]
    [appearance] = person.appearances
    assert appearance.present_at == ("Talks", "Banquet")
    assert appearance.evidence == ("Minister Tokayev said the talks went well",)
    assert appearance.position == 1
    briefing = appearance.entry.briefing
    assert briefing is not None and briefing.participants[appearance.position].name == person.name


def test_most_briefings_first(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "Once"}, {"name": "Twice"}])
    write(tmp_path, "2024-02-10", [{"name": "Twice"}])
    assert [p.name for p in people(tmp_path)] == ["Twice", "Once"]


@pytest.mark.parametrize("query", ["tokayev", "tokaev", "Токаев", "kassym"])
def test_people_are_found_by_any_spelling(tmp_path: Path, query: str) -> None:
    write(
        tmp_path, "2024-01-10", [{"name": "Kassym-Jomart Tokayev", "side": "Kazakhstan"}, {"name": "Wang Yi"}]
    )
    found = Library.open(tmp_path, use_cache=False).persons().search(query)
    assert [p.name for p in found][:1] == ["Kassym-Jomart Tokayev"]


def test_a_blank_query_lists_everyone(tmp_path: Path) -> None:
    write(tmp_path, "2024-01-10", [{"name": "A"}, {"name": "B"}])
    assert len(Library.open(tmp_path, use_cache=False).persons().search("  ")) == 2


def test_the_people_index_reads_every_searchable_field() -> None:
    # The people view searches `_Key`s, not participants: a field the engine learns must be there.
    from briefing_tui.persons import _Key
    from briefing_tui.search.fields import FIELDS

    assert {spec.key for spec in FIELDS} <= set(_Key._fields)
