"""The filter language of a library: free words, each field, negation, quotes, errors, sorts."""

from __future__ import annotations

import pytest

from briefing_tui.filters import FilterError, parse
from briefing_tui.library import Library


def briefing(
    headline: str,
    date: str,
    *,
    published: str | None = None,
    location: str | None = None,
    topics: tuple[str, ...] = (),
    outlet: str | None = None,
    people: tuple[tuple[str, str | None], ...] = (("Someone", None),),
) -> str:
    lines = [f"headline: {headline!r}", f"date: {date}"]
    if published:
        lines.append(f"published: {published}")
    if location:
        lines.append(f"location: {location!r}")
    if outlet:
        lines.append(f"source: {{outlet: {outlet!r}}}")
    if topics:
        lines.append(f"topics: [{', '.join(map(repr, topics))}]")
    lines.append("key_points: [a point]")
    lines.append("participants:")
    for name, side in people:
        lines.append(f"  - name: {name!r}")
        if side:
            lines.append(f"    side: {side!r}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    desk = tmp_path_factory.mktemp("desk")
    files = {
        "energy.yaml": briefing(
            "Kazakhstan and China sign energy deals",
            "2026-03-10",
            published="2026-03-11",
            location="Nur-Sultan",
            topics=("energy", "renewable energy"),
            outlet="Kazinform",
            people=(("Kassym-Jomart Tokayev", "Kazakhstan"), ("Xi Jinping", "China"), ("Wang Yi", "China")),
        ),
        "trade.yaml": briefing(
            "Uzbekistan and Turkey expand trade",
            "2025-06-01",
            location="Tashkent",
            topics=("trade",),
            outlet="Anadolu",
            people=(("Shavkat Mirziyoyev", "Uzbekistan"), ("Recep Tayyip Erdoğan", "Turkey")),
        ),
        "water.yaml": briefing(
            "Water talks in Almaty",
            "2026-01-15",
            published="2026-02-01",
            location="Almaty",
            topics=("water security",),
            outlet="Xinhua",
            people=(("Murat Nurtleu", "Kazakhstan"),),
        ),
        "old.yaml": briefing("Transit corridor opens", "2024-12-31", topics=("transit",)),
        "sub/broken.yaml": "headline: [\n",
    }
    for name, text in files.items():
        (desk / name).parent.mkdir(parents=True, exist_ok=True)
        (desk / name).write_text(text, encoding="utf-8")
    return Library.open(desk, use_cache=False)


def names(library: Library, expression: str, **kwargs: str) -> list[str]:
    return [library.relative_name(e) for e in library.filter(expression, **kwargs)]  # type: ignore[arg-type]


def test_nothing_filters_nothing_newest_first_failures_last(library: Library) -> None:
    assert names(library, "") == ["energy.yaml", "water.yaml", "trade.yaml", "old.yaml", "sub/broken.yaml"]
    assert names(library, "   ") == names(library, "")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("kazakhstan", ["energy.yaml"]),  # the headline
        ("KAZAKH", ["energy.yaml"]),  # the start of a word, any case
        ("kazakstan", ["energy.yaml"]),  # a typo
        ("Қазақстан", ["energy.yaml"]),  # another script
        ("almaty", ["water.yaml"]),  # the location (and the headline)
        ("tashkent", ["trade.yaml"]),  # the location only
        ("renewable", ["energy.yaml"]),  # a topic
        ("anadolu", ["trade.yaml"]),  # the outlet
        ("talks almaty", ["water.yaml"]),  # every word must match
        ("talks tashkent", []),
        ('"energy deals"', ["energy.yaml"]),  # a phrase
        ('"deals energy"', []),
        ("broken", ["sub/broken.yaml"]),  # a file that did not load, by its name
    ],
)
def test_free_words(library: Library, expression: str, expected: list[str]) -> None:
    assert names(library, expression) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("topic:energy", ["energy.yaml"]),
        ("topic:ENER", ["energy.yaml"]),
        ("topic:security", ["water.yaml"]),  # a word of the topic
        ('topic:"water security"', ["water.yaml"]),
        ('topic:"security water"', []),
        ("side:china", ["energy.yaml"]),
        ("side:kazakhstan", ["energy.yaml", "water.yaml"]),
        ("side:turk", ["trade.yaml"]),
        ("place:nur", ["energy.yaml"]),
        ('place:"Nur-Sultan"', ["energy.yaml"]),
        ("place:sultan", ["energy.yaml"]),
        ("outlet:xinhua", ["water.yaml"]),
        ("person:tokaev", ["energy.yaml"]),  # any spelling
        ("person:erdogan", ["trade.yaml"]),
        ("person:nurtleu", ["water.yaml"]),
        ("after:2026-01-15", ["energy.yaml", "water.yaml"]),  # on or after
        ("after:2026-02", ["energy.yaml"]),
        ("after:2025", ["energy.yaml", "water.yaml", "trade.yaml"]),
        ("before:2026-01-15", ["trade.yaml", "old.yaml"]),  # before
        ("before:2025", ["old.yaml"]),
        ("after:2025 before:2026", ["trade.yaml"]),
        ("year:2026", ["energy.yaml", "water.yaml"]),
        ("year:2024", ["old.yaml"]),
        ("is:invalid", ["sub/broken.yaml"]),
        ("is:valid", ["energy.yaml", "water.yaml", "trade.yaml", "old.yaml"]),
        ("TOPIC:trade", ["trade.yaml"]),  # field names in any case
    ],
)
def test_fields(library: Library, expression: str, expected: list[str]) -> None:
    assert names(library, expression) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("-side:china", ["water.yaml", "trade.yaml", "old.yaml", "sub/broken.yaml"]),
        ("-kazakhstan is:valid", ["water.yaml", "trade.yaml", "old.yaml"]),
        ("side:kazakhstan -topic:energy", ["water.yaml"]),
        ("-is:invalid -year:2026", ["trade.yaml", "old.yaml"]),
        ('-topic:"water security" year:2026', ["energy.yaml"]),
        ("-person:tokayev side:kazakhstan", ["water.yaml"]),
    ],
)
def test_negation(library: Library, expression: str, expected: list[str]) -> None:
    assert names(library, expression) == expected


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("topik:energy", "unknown field 'topik:' in 'topik:energy'; did you mean 'topic'?"),
        ("colour:red", "unknown field 'colour:' in 'colour:red' (fields: topic:, person:, side:, place:"),
        ("after:2026-02-30", "after:2026-02-30: impossible date: February 2026 has 28 days"),
        ("before:2026-13", "before:2026-13: impossible date: there is no month 13"),
        ("after:0000", "after:0000: impossible date: there is no year 0"),
        ("after:March", "after:March: expected a date like 2026-03-01, 2026-03 or 2026"),
        ("year:26", "year:26: expected a year like 2026"),
        ("is:broken", "is:broken: expected is:invalid or is:valid"),
        ("topic:", "topic: needs a value, like topic:energy"),
        ('place:"Nur', 'place:"Nur: a quote is not closed'),
        ("-", "-: nothing to match"),
    ],
)
def test_errors_say_what_is_wrong(library: Library, expression: str, message: str) -> None:
    with pytest.raises(FilterError) as caught:
        library.filter(expression)
    assert str(caught.value).startswith(message)


def test_a_term_that_matches_nothing_is_not_an_error(library: Library) -> None:
    assert names(library, "topic:astronomy") == []


def test_terms_are_read_with_quotes_and_signs() -> None:
    [a, b, c, d] = parse('-topic:"energy security" foo "bar baz" -x')
    assert (a.field, a.value, a.negated, a.phrase) == ("topic", "energy security", True, True)
    assert (b.field, b.value, b.negated) == (None, "foo", False)
    assert (c.value, c.phrase) == ("bar baz", True)
    assert (d.value, d.negated) == ("x", True)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["energy.yaml", "water.yaml", "trade.yaml", "old.yaml", "sub/broken.yaml"]),
        # Published, newest first; a briefing without a published date by its date.
        ("published", ["energy.yaml", "water.yaml", "trade.yaml", "old.yaml", "sub/broken.yaml"]),
        ("headline", ["energy.yaml", "old.yaml", "trade.yaml", "water.yaml", "sub/broken.yaml"]),
        ("participants", ["energy.yaml", "trade.yaml", "old.yaml", "water.yaml", "sub/broken.yaml"]),
    ],
)
def test_sorts(library: Library, sort: str, expected: list[str]) -> None:
    assert names(library, "", sort=sort) == expected


def test_an_unknown_sort_is_an_error(library: Library) -> None:
    with pytest.raises(FilterError, match="unknown sort 'dates'; did you mean 'date'"):
        library.filter("", sort="dates")  # type: ignore[arg-type]
