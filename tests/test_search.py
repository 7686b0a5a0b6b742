"""The participant search engine: rankings, highlighting, operators, and properties.

The rankings run over the benchmark fixtures (`benchmarks/data/`) plus the bundled sample with its
aliases removed, so that transliterations have to be found by folding, not looked up.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.format.loader import load_briefing
from briefing_tui.format.model import Participant
from briefing_tui.paths import sample_path
from briefing_tui.search import FieldKey, Hit, SearchIndex
from briefing_tui.search.fold import fold, variant_key
from briefing_tui.search.query import STOP_WORDS

FIXTURES = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


def _corpus() -> list[Participant]:
    people = [dataclasses.replace(p, aliases=()) for p in load_briefing(sample_path()).participants]
    for path in sorted(FIXTURES.glob("*.yaml")):
        people.extend(load_briefing(path).participants)
    return people


PEOPLE = _corpus()
INDEX = SearchIndex(PEOPLE)


def top(query: str, index: SearchIndex = INDEX) -> str:
    hits = index.search(query, limit=5)
    assert hits, f"nothing for {query!r}"
    return hits[0].participant.label


# --- rankings -----------------------------------------------------------------------------------

RANKINGS = [
    # The four spellings of one name, none of them an alias here.
    ("tokayev", "Kassym-Jomart Tokayev"),
    ("tokaev", "Kassym-Jomart Tokayev"),
    ("toqaev", "Kassym-Jomart Tokayev"),
    ("Токаев", "Kassym-Jomart Tokayev"),
    ("Тоқаев", "Kassym-Jomart Tokayev"),
    ("zhakupov", "Nurlan Zhakupov"),
    ("jakupov", "Nurlan Zhakupov"),
    ("dzhakupov", "Nurlan Zhakupov"),
    ("lukashenko", "Maksim Lukashenka"),
    ("serdar berdymukhamedov", "Serdar Berdimuhamedow"),
    ("mohammed ishaq dar", "Mohammad Ishaq Dar"),
    ("Мирзиёев", "Shavkat Mirziyoyev"),
    ("erdogan", "Recep Tayyip Erdoğan"),
    ("abdelfattah al-sisi", "Abdel Fattah el-Sisi"),
    # Typos: a dropped letter, a swap, a double letter.
    ("zardri", "Asif Ali Zardari"),
    ("tokayve", "Kassym-Jomart Tokayev"),
    ("botchorishvilli", "Maka Botchorishvili"),
    ("shiogu", "Sergei Shoigu"),
    # While typing.
    ("tok", "Kassym-Jomart Tokayev"),
    ("shavkat mir", "Shavkat Mirziyoyev"),
    ("zhumang", "Serik Zhumangarin"),
    # Initials.
    ("kjt", "Kassym-Jomart Tokayev"),
    ("mid", "Mohammad Ishaq Dar"),
    ("aaz", "Asif Ali Zardari"),
    # Roles, organizations, sides, abbreviations.
    ("fm pakistan", "Mohammad Ishaq Dar"),
    ("fm turkey", "Hakan Fidan"),
    ("pm pakistan", "Muhammad Shehbaz Sharif"),
    ("dpm pakistan", "Mohammad Ishaq Dar"),
    ("dpm russia", "Alexei Overchuk"),
    ("senator rehman", "Sherry Rehman"),
    ("defence kazakhstan", "Dauren Kosanov"),
    ("minister of defence iran", "Aziz Nasirzadeh"),
    ("defence minister belarus", "Viktar Khrenin"),
    ("ceo samruk", "Nurlan Zhakupov"),
    ("prosecutor general", "Berik Assylov"),
    ("coas", "Asim Munir"),
    ("gazprom", "Aleksey Miller"),
    # Word order decides between two roles with the same words.
    ("ambassador of turkey to uzbekistan", "Mehmet Kemal Bozay"),
    ("ambassador to belarus", "Boris Gryzlov"),
]


@pytest.mark.parametrize(("query", "expected"), RANKINGS)
def test_ranking(query: str, expected: str) -> None:
    assert top(query) == expected


def test_senator_finds_the_senators_before_anyone_else() -> None:
    found = [h.participant.label for h in INDEX.search("senator", limit=2)]
    assert sorted(found) == ["Saleem Mandviwala", "Sherry Rehman"]


def test_name_match_outranks_role_match() -> None:
    people = [
        Participant(name="Aliya Nurbek", role="Adviser to Minister Tokayev"),
        Participant(name="Kassym-Jomart Tokayev", role="President"),
    ]
    assert [h.position for h in SearchIndex(people).search("tokayev")] == [1, 0]


def test_a_word_counts_in_order_only_after_the_word_before_it() -> None:
    people = [
        Participant(name="Faisal bin Hamad Al-Qahtani"),
        Participant(name="Faisal bin Farhan Al Saud"),
    ]
    # "f" is a prefix of Faisal in both names; only in the second is there one after "bin".
    assert [h.position for h in SearchIndex(people).search("faisal bin f")] == [1, 0]


def test_ties_keep_list_order() -> None:
    people = [Participant(name=f"Serik {s}") for s in ("Bek", "Ali", "Nur")]
    assert [h.position for h in SearchIndex(people).search("serik")] == [0, 1, 2]


def test_pm_prefers_the_prime_minister_to_the_deputy() -> None:
    people = [
        Participant(name="A", role="Deputy Prime Minister and Minister of National Economy"),
        Participant(name="B", role="Prime Minister"),
    ]
    # "pm" is the office: a deputy holds another one, found by the words.
    assert [h.participant.name for h in SearchIndex(people).search("pm")] == ["B"]
    assert [h.participant.name for h in SearchIndex(people).search("prime minister")] == ["B", "A"]


def test_typo_budget_grows_with_length() -> None:
    index = SearchIndex([Participant(name="Dar"), Participant(name="Kosanov")])
    assert index.search("dor") == []  # three letters: no typo allowed
    assert [h.participant.name for h in index.search("kosanof")] == ["Kosanov"]  # one edit
    assert index.search("kasonof") == []  # two edits in seven letters


# --- hits and highlighting ----------------------------------------------------------------------


def spans_of(hit: Hit, field: str, index: int | None = None) -> list[str]:
    key = FieldKey(field, index)
    text = _field(hit.participant, key)
    return [text[a:b] for a, b in hit.spans[key]]


def test_spans_are_in_the_original_spelling() -> None:
    index = SearchIndex(
        [
            Participant(name="Қасым-Жомарт Тоқаев"),
            Participant(name="Recep Tayyip Erdoğan", aliases=("R. T. Erdoğan",)),
        ]
    )
    (hit,) = index.search("tokaev")
    assert spans_of(hit, "name") == ["Тоқаев"]
    (hit,) = index.search("erdogan")
    assert spans_of(hit, "name") == ["Erdoğan"]
    assert spans_of(hit, "aliases", 0) == ["Erdoğan"]


def test_prefix_highlights_what_was_typed() -> None:
    (hit,) = SearchIndex([Participant(name="Zhakupov Nurlan")]).search("zhak")
    assert spans_of(hit, "name") == ["Zhak"]
    (hit,) = SearchIndex([Participant(name="Жакупов")]).search("zhak")
    assert spans_of(hit, "name") == ["Жак"]


def test_spans_cover_every_field_that_matched() -> None:
    (hit,) = SearchIndex(
        [Participant(name="Dauren Kosanov", role="Minister of Defence", side="Kazakhstan")]
    ).search("defence kazakh")
    assert spans_of(hit, "role") == ["Defence"]
    # "kazakh" names the country: the side's whole word is marked, not only the prefix typed.
    assert spans_of(hit, "side") == ["Kazakhstan"]
    assert FieldKey("name") not in hit.spans


def test_spans_say_which_of_several_texts_matched() -> None:
    person = Participant(name="X", aliases=("Ab", "Cd"), present_at=("Talks", "State dinner"))
    (hit,) = SearchIndex([person]).search("dinner")
    assert list(hit.spans) == [FieldKey("present_at", 1)]
    assert spans_of(hit, "present_at", 1) == ["dinner"]
    (hit,) = SearchIndex([person]).search("cd")
    assert list(hit.spans) == [FieldKey("aliases", 1)]


def test_abbreviation_highlights_the_phrase() -> None:
    (hit,) = SearchIndex([Participant(name="X", role="Deputy Prime Minister")]).search("dpm")
    assert spans_of(hit, "role") == ["Deputy Prime Minister"]


def test_initials_highlight_first_letters() -> None:
    (hit,) = SearchIndex([Participant(name="Kassym-Jomart Tokayev")]).search("kjt")
    assert spans_of(hit, "name") == ["K", "J", "T"]


def test_hit_fields() -> None:
    hits = INDEX.search("zardari", limit=3)
    assert hits[0].participant is PEOPLE[hits[0].position]
    assert hits[0].score > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_blank_query_lists_everyone_in_order() -> None:
    hits = INDEX.search("  ", limit=1000)
    assert [h.position for h in hits] == list(range(len(PEOPLE)))
    assert all(h.score == 0 and h.spans == {} for h in hits)
    assert len(INDEX.search("", limit=7)) == 7
    assert INDEX.search("tokayev", limit=0) == []


def test_limit() -> None:
    assert len(INDEX.search("a", limit=3)) == 3


# --- fzf extended syntax ------------------------------------------------------------------------

SMALL = SearchIndex(
    [
        Participant(name="Nurlan Zhakupov", role="CEO", side="Kazakhstan"),
        Participant(name="Nurlan Sauranbayev", role="Minister of Transport", side="Kazakhstan"),
        Participant(name="Jam Kamal", role="Minister for Commerce", side="Pakistan"),
        Participant(name="Mohammad Ishaq Dar", role="Foreign Minister", side="Pakistan"),
    ]
)


def names(query: str) -> list[str]:
    return [h.participant.label for h in SMALL.search(query)]


def test_exact_operator_matches_inside_words_without_typos() -> None:
    assert names("'kupo") == ["Nurlan Zhakupov"]
    assert names("'jakupov") == []  # no transliteration for exact terms
    assert names("jakupov") == ["Nurlan Zhakupov"]


def test_prefix_and_suffix_operators() -> None:
    assert names("^sau") == ["Nurlan Sauranbayev"]
    assert names("^kupov") == []
    assert names("kupov$") == ["Nurlan Zhakupov"]
    assert names("^dar$") == ["Mohammad Ishaq Dar"]
    assert names("^da$") == []


def test_negation() -> None:
    assert names("nurlan !ceo") == ["Nurlan Sauranbayev"]
    assert names("!kazakhstan") == ["Jam Kamal", "Mohammad Ishaq Dar"]
    assert names("minister !^for") == ["Nurlan Sauranbayev"]  # nor "Foreign"
    assert sorted(names("minister !^for$")) == ["Mohammad Ishaq Dar", "Nurlan Sauranbayev"]


def test_or() -> None:
    assert sorted(names("ceo | fm")) == ["Mohammad Ishaq Dar", "Nurlan Zhakupov"]
    assert names("pakistan ceo | fm") == ["Mohammad Ishaq Dar"]


def test_stop_words_rank_but_do_not_filter() -> None:
    assert names("minister of transport") == ["Nurlan Sauranbayev"]
    index = SearchIndex([Participant(name="A", role="Defence Minister")])
    assert [h.participant.name for h in index.search("minister of defence")] == ["A"]


# --- the caches behave like a fresh index -------------------------------------------------------


@pytest.mark.parametrize("query", ["minister of defence kazakhstan", "shavkat mirziyoev", "fm | pm"])
def test_typing_gives_what_a_fresh_index_gives(query: str) -> None:
    typing = SearchIndex(PEOPLE)
    for end in range(1, len(query) + 1):
        typed = [(h.position, h.score) for h in typing.search(query[:end], limit=20)]
        fresh = [(h.position, h.score) for h in SearchIndex(PEOPLE).search(query[:end], limit=20)]
        assert typed == fresh, query[:end]


def test_broad_query_over_many_people_stays_correct() -> None:
    people = [
        Participant(name=f"Person {i}", role="Minister of Defence" if i % 2 else "Deputy Minister")
        for i in range(6000)
    ]
    hits = SearchIndex(people).search("minister o", limit=20)
    assert len(hits) == 20
    assert all("Minister" in (h.participant.role or "") for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


# --- folding ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ("Tokayev", "Tokaev", "Toqaev", "Токаев", "Тоқаев"),
        ("Zhakupov", "Jakupov", "Dzhakupov", "Жакупов"),
        ("Berdimuhamedow", "Berdymukhamedov", "Бердымухамедов"),
        ("Mirziyoyev", "Мирзиёев"),
        ("Yerzhan", "Erzhan", "Ержан"),
        ("Muhammad", "Mohammad", "Mohammed"),
        ("Hussein", "Hossein", "Husayn"),
    ],
)
def test_variant_keys_merge_transliterations(spellings: tuple[str, ...]) -> None:
    assert len({variant_key(fold(s)) for s in spellings}) == 1


def test_variant_keys_keep_different_names_apart() -> None:
    assert variant_key("ali") != variant_key("ola")
    assert variant_key("sharif") != variant_key("shahid")


# --- properties ---------------------------------------------------------------------------------

PROPERTY_PEOPLE = PEOPLE[:120]
PROPERTY_INDEX = SearchIndex(PROPERTY_PEOPLE)
ALL = len(PROPERTY_PEOPLE)
words = st.text(alphabet="abcdefghijklmnoprstuvyz", min_size=1, max_size=8)


def positions(query: str) -> set[int]:
    return {h.position for h in PROPERTY_INDEX.search(query, limit=ALL)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_any_query_is_answered(query: str) -> None:
    hits = PROPERTY_INDEX.search(query, limit=ALL)
    assert len({h.position for h in hits}) == len(hits)
    for hit in hits:
        assert PROPERTY_PEOPLE[hit.position] is hit.participant
        for key, spans in hit.spans.items():
            assert spans == tuple(sorted(spans))
            for start, end in spans:
                text = _field(hit.participant, key)
                assert 0 <= start < end <= len(text)


def _field(person: Participant, key: FieldKey) -> str:
    value = getattr(person, key.field)
    return value if key.item is None else value[key.item]


@settings(max_examples=150, deadline=None)
@given(st.lists(words, min_size=1, max_size=3), words)
def test_another_word_never_adds_hits(query: list[str], extra: str) -> None:
    if extra in STOP_WORDS or any(w in STOP_WORDS for w in query):
        return
    before = " ".join(query)
    assert positions(f"{before} {extra}") <= positions(before)


@settings(max_examples=150, deadline=None)
@given(words, st.sampled_from("abcdeiklmnorstuvyz"), st.sampled_from(["'", "^", "!"]))
def test_growing_an_exact_term_never_adds_hits(word: str, char: str, operator: str) -> None:
    if operator == "!":
        # A longer negated word excludes fewer: a word without "ab" has no "abc" either.
        assert positions(f"!{word}") <= positions(f"!{word}{char}")
    else:
        assert positions(f"{operator}{word}{char}") <= positions(f"{operator}{word}")


@settings(max_examples=100, deadline=None)
@given(words, words)
def test_negation_removes_exactly_the_matches(word: str, other: str) -> None:
    assert positions(f"{word} !{other}") == positions(word) - positions(f"'{other}")
