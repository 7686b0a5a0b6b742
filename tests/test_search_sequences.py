"""Typing into one index gives exactly what a fresh index gives for each query on its own.

One `SearchIndex` answers every keystroke of a session and keeps what it can for the next one
(per-word results, scores of candidates, the typo scan of the shorter word), and a hit's spans are
worked out only when read. None of that may change a result: for random typing (letters, spaces,
fzf operators, backspaces, Cyrillic and Latin spellings of one name) over random people, the hits
of the long-lived index, with their spans read only at the end, are those of a new index per query
(positions, order, scores and spans).
"""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.format.loader import load_briefing
from briefing_tui.format.model import Participant
from briefing_tui.paths import sample_path
from briefing_tui.search import FieldKey, Hit, SearchIndex

SAMPLE = load_briefing(sample_path()).participants

NAMES = [
    "Kassym-Jomart Tokayev",
    "Kasym-Zhomart Tokaev",
    "Qasym-Jomart Toqaev",
    "Касым-Жомарт Токаев",
    "Қасым-Жомарт Тоқаев",
    "Nurlan Zhakupov",
    "Nurlan Dzhakupov",
    "Shavkat Mirziyoyev",
    "Шавкат Мирзиёев",
    "Recep Tayyip Erdoğan",
    "Abdel Fattah el-Sisi",
    "Mohammad Ishaq Dar",
    "Serdar Berdimuhamedow",
    "Maksim Lukashenka",
    "Xi Jinping",
    "习近平",
    "Kosanov Amirzhan",
    "Amirzhan Kosanov",
]
ROLES = [None, "Minister of Foreign Affairs", "Deputy Prime Minister", "Ambassador of Turkey to Uzbekistan"]
SIDES = [None, "Kazakhstan", "Uzbekistan", "Turkey"]
ALIASES = [(), ("Tokaev",), ("Токаев", "Toqaev"), ("FM",)]
EVENTS = [(), ("Plenary session",), ("Plenary session", "Working dinner")]

people_from_pool = st.builds(
    Participant,
    name=st.sampled_from([None, *NAMES]),
    role=st.sampled_from(ROLES),
    side=st.sampled_from(SIDES),
    aliases=st.sampled_from(ALIASES),
    present_at=st.sampled_from(EVENTS),
)
people = st.lists(people_from_pool, min_size=1, max_size=25).map(lambda extra: [*SAMPLE[:40], *extra])

# What a person types: letters (two scripts), spaces, operators; "<" is a backspace.
keys = st.lists(st.sampled_from("tokaevqzhjumirsnd токаевжқ'^$!|<"), min_size=1, max_size=14)
# Spellings, typos (a letter missing, doubled, swapped or wrong), initials, an abbreviation.
_WORDS = "tokayev tokaev toqaev токаев tokyev tokaaev otkaev kosanov kosnov koasnov minister mnister"
_MORE = "mirziyev zakupov dzhakupow berdymukhamedov kjt fm 'kaz ^tok"
words_typed = st.sampled_from(f"{_WORDS} {_MORE}".split())


def _typed(pressed: list[str]) -> list[str]:
    """The query after each key, as a search box holds it."""
    text, queries = "", []
    for key in pressed:
        text = text[:-1] if key == "<" else text + key
        queries.append(text)
    return queries


def _plain(hits: list[Hit]) -> list[tuple[int, float, dict[FieldKey, tuple[tuple[int, int], ...]]]]:
    return [(hit.position, hit.score, hit.spans) for hit in hits]


def _check(crowd: list[Participant], queries: list[str], limit: int) -> None:
    index = SearchIndex(crowd)
    kept = [(query, index.search(query, limit=limit)) for query in queries]
    # Spans read only now, after every later keystroke has run through the same index.
    for query, hits in kept:
        fresh = SearchIndex(crowd).search(query, limit=limit)
        assert _plain(hits) == _plain(fresh), query
        assert hits == fresh, query


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people, keys, st.sampled_from([1, 3, 50, 1001]))
def test_typing_gives_what_each_query_gives_alone(
    crowd: list[Participant], pressed: list[str], limit: int
) -> None:
    _check(crowd, _typed(pressed), limit)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people, st.lists(words_typed, min_size=1, max_size=3), st.sampled_from([5, 1001]))
def test_typing_words_letter_by_letter(crowd: list[Participant], chosen: list[str], limit: int) -> None:
    # Word by word, as in the felt benchmark: "k", "ko", ..., "kosanov", "kosanov m", ...
    sentence = " ".join(chosen)
    _check(crowd, [sentence[:i] for i in range(1, len(sentence) + 1)], limit)


def test_spans_are_read_lazily_and_stay_the_same() -> None:
    crowd = [*SAMPLE, *(dataclasses.replace(SAMPLE[0], name=name) for name in NAMES)]
    index = SearchIndex(crowd)
    hits = index.search("tokaev", limit=20)
    names = {crowd[h.position].name for h in hits}
    assert {"Kassym-Jomart Tokayev", "Касым-Жомарт Токаев", "Қасым-Жомарт Тоқаев"} <= names
    for query in ("t", "to", "kjt", "'ok", "^mir", "ev$", "fm | pm"):
        index.search(query, limit=1001)
    toqaev = next(h for h in hits if crowd[h.position].name == "Қасым-Жомарт Тоқаев")
    # Highlighted in the person's own script: "Тоқаев", the whole surname.
    (span,) = toqaev.spans[FieldKey("name")]
    assert "Қасым-Жомарт Тоқаев"[span[0] : span[1]] == "Тоқаев"
    assert hits == SearchIndex(crowd).search("tokaev", limit=20)
