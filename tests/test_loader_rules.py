"""The briefing/1 rules, one test each, asserting the exact `PATH:LINE:COL: message` of every problem.

The `bdir` fixture (conftest.py) makes a scratch folder the working directory, so paths print as
`b.yaml`. Documents are spelled out with their line numbers in comments, since the positions are
what these tests are about.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from briefing_tui.format import syntax, yamltree
from briefing_tui.format.loader import load_briefing
from briefing_tui.format.problems import BriefingError, Problem
from briefing_tui.paths import sample_path

HEAD = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nparticipants: [{name: A}]\n"

DOC = (
    "briefing: 1\n"  # 1
    "headline: Leaders meet\n"  # 2
    "date: 2026-02-04\n"  # 3
    "source:\n"  # 4
    "  file: source.txt\n"  # 5
    "key_points:\n"  # 6
    "  - text: They met.\n"  # 7
    "    evidence: the two leaders met\n"  # 8
    "events:\n"  # 9
    "  - name: state banquet\n"  # 10
    "  - name: extended meeting\n"  # 11
    "participants:\n"  # 12
    "  - name: Asif Ali Zardari\n"  # 13
    "    role: President of Pakistan\n"  # 14
    "    present_at: [state banquet]\n"  # 15
)
SOURCE = "In Islamabad the two leaders met, held an extended meeting and attended a state banquet.\n"


# -- valid files --------------------------------------------------------------------------------


def test_valid_briefing_loads_with_its_source(bdir):
    bdir.write(SOURCE, "source.txt")
    briefing = bdir.load(DOC)
    assert briefing.headline == "Leaders meet"
    assert briefing.date == dt.date(2026, 2, 4)
    assert briefing.id == "b"  # defaults to the file name without extension
    assert briefing.path == "b.yaml"
    assert briefing.source_text == SOURCE
    assert briefing.key_points[0].evidence == ("the two leaders met",)
    assert [p.label for p in briefing.attendees("state banquet")] == ["Asif Ali Zardari"]
    assert briefing.attendees("extended meeting") == []


def test_key_point_may_be_plain_text_and_evidence_one_string(bdir):
    briefing = bdir.load(HEAD + "events: [{name: E, evidence: one quote}]\n")
    assert briefing.key_points[0].text == "a point"
    assert briefing.events[0].evidence == ("one quote",)
    assert briefing.source_text is None


def test_bundled_sample_loads():
    briefing = load_briefing(sample_path())
    assert briefing.participants
    assert briefing.source_text


def test_reads_with_libyaml_safe_loader():
    assert yaml.__with_libyaml__
    assert yamltree._Loader is yaml.CSafeLoader


# -- the shape of the document ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "- headline: H\n",
            "b.yaml:1:1: the top level must be a mapping (headline: ..., date: ...), found a list",
        ),
        ("just text\n", "b.yaml:1:1: the top level must be a mapping (headline: ..., date: ...), found text"),
        ("42\n", "b.yaml:1:1: the top level must be a mapping (headline: ..., date: ...), found a number"),
        ("---\n", "b.yaml:2:1: the top level must be a mapping (headline: ..., date: ...), found nothing"),
        ("", "b.yaml: the file holds no YAML document"),
        ("# only\n# comments\n", "b.yaml: the file holds no YAML document"),
    ],
    ids=["list", "text", "number", "empty-document", "empty-file", "only-comments"],
)
def test_top_level_must_be_a_mapping(bdir, content, expected):
    assert bdir.problems(content) == [expected]


def test_one_document_per_file(bdir):
    assert bdir.problems(HEAD + "---\nheadline: again\n") == [
        "b.yaml:5:1: a briefing file holds one YAML document; this is a second one"
    ]


def test_document_end_marker_alone_is_fine(bdir):
    assert bdir.load(HEAD + "...\n").headline == "H"


def test_required_keys(bdir):
    assert bdir.problems("date: 2026-02-04\n") == [
        "b.yaml:1:1: missing required key 'headline'",
        "b.yaml:1:1: missing required key 'key_points'",
        "b.yaml:1:1: missing required key 'participants'",
    ]


# -- every problem at once ----------------------------------------------------------------------


def test_all_problems_of_a_file_are_reported_at_once_in_file_order(bdir):
    content = (
        "headline: Leaders meet\n"  # 1
        "date: 2026-02-30\n"  # 2
        "headline: again\n"  # 3
        "key_points: [They met.]\n"  # 4
        "events:\n"  # 5
        "  - name: state banquet\n"  # 6
        "participants:\n"  # 7
        "  - name: A\n"  # 8
        "    roel: President\n"  # 9
        "    side: NO\n"  # 10
        "    present_at: [banquet]\n"  # 11
        "  - name: B\n"  # 12
        "summry: x\n"  # 13
    )
    assert bdir.problems(content) == [
        "b.yaml:2:7: impossible date 2026-02-30: February 2026 has 28 days",
        "b.yaml:3:1: duplicate key 'headline': the first is on line 1; keep only one",
        "b.yaml:9:5: unknown key 'roel' in participant; did you mean 'role'?",
        "b.yaml:10:11: expected text, found the boolean false (YAML reads NO as a boolean); "
        'if you mean the text, quote it: side: "NO"',
        "b.yaml:11:18: present_at names no event 'banquet'; did you mean 'state banquet'?",
        "b.yaml:13:1: unknown key 'summry' in a briefing; did you mean 'summary'?",
    ]


def test_briefing_error_lists_problems_one_a_line(bdir):
    with pytest.raises(BriefingError) as caught:
        bdir.load(HEAD + "colour: red\nx: 1\n")
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    assert len(caught.value.problems) == 2


def test_problem_format():
    assert str(Problem("a/b.yaml", 3, 7, "bad")) == "a/b.yaml:3:7: bad"
    assert str(Problem("a/b.yaml", None, None, "file not found")) == "a/b.yaml: file not found"


# -- unknown keys --------------------------------------------------------------------------------

BRIEFING_KEYS = (
    "briefing, id, headline, subheadline, date, published, location, source, summary, topics, "
    "key_points, agreements, events, figures, participants"
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "headline: H\ndate: 2026-02-04\nkey_points: [a]\nparticipnts:\n  - name: A\n",
            [
                "b.yaml:1:1: missing required key 'participants'",
                "b.yaml:4:1: unknown key 'participnts' in a briefing; did you mean 'participants'?",
            ],
        ),
        (
            HEAD.replace("[{name: A}]", "\n  - name: B\n  - name: A\n    roel: President\n"),
            ["b.yaml:7:5: unknown key 'roel' in participant; did you mean 'role'?"],
        ),
        (
            HEAD + "source: {fiel: x.txt}\n",
            ["b.yaml:5:10: unknown key 'fiel' in source; did you mean 'file'?"],
        ),
        (
            HEAD.replace("[a point]", "[{text: a, evidance: b}]"),
            ["b.yaml:3:24: unknown key 'evidance' in key point; did you mean 'evidence'?"],
        ),
        (
            HEAD + "events:\n  - name: E\n    sumary: s\n",
            ["b.yaml:7:5: unknown key 'sumary' in event; did you mean 'summary'?"],
        ),
        (
            HEAD + "agreements:\n  - title: T\n    partys: [A]\n",
            ["b.yaml:7:5: unknown key 'partys' in agreement; did you mean 'parties'?"],
        ),
        (
            HEAD + "figures:\n  - label: L\n    vaule: 3\n",
            ["b.yaml:7:5: unknown key 'vaule' in figure; did you mean 'value'?"],
        ),
        (
            HEAD + "colour: red\n",
            [
                f"b.yaml:5:1: unknown key 'colour' in a briefing (known keys: {BRIEFING_KEYS}; "
                "or prefix it with 'x-')"
            ],
        ),
        (
            HEAD.replace("{name: A}", "{name: A, favourite: x}"),
            [
                "b.yaml:4:26: unknown key 'favourite' in participant (known keys: name, role, organization, "
                "side, aliases, present_at, evidence, notes, wikidata; or prefix it with 'x-')"
            ],
        ),
    ],
    ids=[
        "participnts",
        "roel",
        "source",
        "key-point",
        "event",
        "agreement",
        "figure",
        "no-match",
        "no-match-nested",
    ],
)
def test_unknown_keys_with_did_you_mean(bdir, content, expected):
    assert bdir.problems(content) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "headlin: H\ndate: 2026-02-04\nkey_points: [a point]\nparticipants: [{name: A}]\n",
            "b.yaml:1:1: unknown key 'headlin' in a briefing; did you mean 'headline'?",
        ),
        (
            HEAD + "events:\n  - nmae: banquet\n    summary: s\n",
            "b.yaml:6:5: unknown key 'nmae' in event; did you mean 'name'?",
        ),
        (
            HEAD + "agreements:\n  - titel: Roadmap\n",
            "b.yaml:6:5: unknown key 'titel' in agreement; did you mean 'title'?",
        ),
    ],
    ids=["top-level", "event", "agreement"],
)
def test_misspelt_first_key_of_a_block_mapping_gets_did_you_mean(bdir, content, expected):
    assert expected in bdir.problems(content)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            HEAD.replace("[{name: A}]", "\n  - name: A\n    roel: President\n"),
            ["b.yaml:6:5: unknown key 'roel' in participant; did you mean 'role'?"],
        ),
        (
            HEAD.replace("[{name: A}]", "\n  - name: A\n    side: NO\n"),
            [
                "b.yaml:6:11: expected text, found the boolean false (YAML reads NO as a boolean); "
                'if you mean the text, quote it: side: "NO"'
            ],
        ),
        (
            HEAD.replace("[a point]", "[{text: a, evidence: 5}]"),
            ["b.yaml:3:34: expected a list, found a number (5)"],
        ),
    ],
    ids=["participant-unknown-key", "participant-bad-type", "key-point-bad-type"],
)
def test_a_bad_only_item_is_not_also_a_missing_item(bdir, content, expected):
    assert bdir.problems(content) == expected


# -- duplicate keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            HEAD + "headline: again\n",
            "b.yaml:5:1: duplicate key 'headline': the first is on line 1; keep only one",
        ),
        (
            HEAD + '"headline": again\n',
            "b.yaml:5:1: duplicate key 'headline': the first is on line 1; keep only one",
        ),
        (
            HEAD.replace("[{name: A}]", "\n  - name: A\n    role: R\n    name: B\n"),
            "b.yaml:7:5: duplicate key 'name': the first is on line 5; keep only one",
        ),
        (
            HEAD + "source:\n  outlet: X\n  outlet: Y\n",
            "b.yaml:7:3: duplicate key 'outlet': the first is on line 6; keep only one",
        ),
    ],
    ids=["top", "quoted-twin", "participant", "source"],
)
def test_duplicate_keys_name_the_first_line(bdir, content, expected):
    assert bdir.problems(content) == [expected]


# -- types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            HEAD.replace("{name: A}", "{name: A, side: NO}"),
            "b.yaml:4:32: expected text, found the boolean false (YAML reads NO as a boolean); "
            'if you mean the text, quote it: side: "NO"',
        ),
        (
            HEAD.replace("{name: A}", "{name: A, side: yes}"),
            "b.yaml:4:32: expected text, found the boolean true (YAML reads yes as a boolean); "
            'if you mean the text, quote it: side: "yes"',
        ),
        (
            HEAD.replace("{name: A}", "{name: 1912}"),
            'b.yaml:4:23: expected text, found a number (1912); if you mean the text, quote it: name: "1912"',
        ),
        (
            HEAD.replace("{name: A}", "{name: A, aliases: [1]}"),
            'b.yaml:4:36: expected text, found a number (1); if you mean the text, quote it: - "1"',
        ),
        (
            HEAD.replace("headline: H", "headline:"),
            "b.yaml:1:10: expected text, found nothing (an empty value); write the text or remove the key",
        ),
        (HEAD.replace("headline: H", "headline: '  '"), "b.yaml:1:11: must not be empty"),
        (HEAD + "source: [a]\n", "b.yaml:5:9: expected a mapping (key: value), found a list"),
        (HEAD.replace("[{name: A}]", "{name: A}"), "b.yaml:4:15: expected a list, found a mapping"),
        (
            HEAD.replace("[{name: A}]", "[Zardari]"),
            "b.yaml:4:16: expected a mapping (key: value), found text",
        ),
        (HEAD.replace("[a point]", "[]"), "b.yaml:3:13: needs at least one key point"),
        (HEAD.replace("[{name: A}]", "[]"), "b.yaml:4:15: needs at least one participant"),
        (
            HEAD + "figures: [{label: L, value: [1]}]\n",
            "b.yaml:5:29: expected text or a number, found a list",
        ),
        (
            "briefing: '1'\n" + HEAD,
            "b.yaml:1:11: the format version is the number 1, not the text '1': remove the quotes",
        ),
        (
            HEAD.replace("{name: A}", "{organization: X}"),
            "b.yaml:4:16: a participant needs a name or a role (or both)",
        ),
    ],
    ids=[
        "side-NO",
        "side-yes",
        "number-name",
        "number-alias",
        "empty-headline",
        "blank-headline",
        "source-list",
        "participants-mapping",
        "participant-text",
        "no-key-points",
        "no-participants",
        "figure-value-list",
        "quoted-version",
        "nameless-participant",
    ],
)
def test_wrong_types_with_a_hint(bdir, content, expected):
    assert bdir.problems(content) == [expected]


ZWSP = "U+200B ZERO WIDTH SPACE"
BOM = "U+FEFF ZERO WIDTH NO-BREAK SPACE"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            HEAD.replace("headline: H", 'headline: "\\u200b"'),
            f"b.yaml:1:11: must not be empty: it holds only invisible characters ({ZWSP})",
        ),
        (
            HEAD.replace("{name: A}", '{name: "\\ufeff"}'),
            f"b.yaml:4:23: must not be empty: it holds only invisible characters ({BOM})",
        ),
        (
            HEAD.replace("{name: A}", "{name: \ufeff}"),
            f"b.yaml:4:23: must not be empty: it holds only invisible characters ({BOM})",
        ),
        (
            HEAD.replace("{name: A}", '{name: A, aliases: [" \\u200b\\u200c\\u200b "]}'),
            "b.yaml:4:36: must not be empty: it holds only invisible characters "
            f"({ZWSP}, U+200C ZERO WIDTH NON-JOINER)",
        ),
        (
            HEAD.replace("{name: A}", '{name: A, aliases: ["\\u3164\\u00ad\\ufe0f\\u2060"]}'),
            "b.yaml:4:36: must not be empty: it holds only invisible characters (U+3164 HANGUL FILLER, "
            "U+00AD SOFT HYPHEN, U+FE0F VARIATION SELECTOR-16 and 1 more)",
        ),
        (
            HEAD.replace("{name: A}", '{role: "\\U000E0041\\U000E007F"}'),
            "b.yaml:4:23: must not be empty: it holds only invisible characters "
            "(U+E0041 TAG LATIN CAPITAL LETTER A, U+E007F CANCEL TAG)",
        ),
        (
            HEAD.replace("[a point]", '["\\u2063"]'),
            "b.yaml:3:14: must not be empty: it holds only invisible characters (U+2063 INVISIBLE SEPARATOR)",
        ),
        (
            HEAD + 'events: [{name: E, evidence: "\\u200d"}]\n',
            "b.yaml:5:30: must not be empty: it holds only invisible characters (U+200D ZERO WIDTH JOINER)",
        ),
        (
            HEAD + 'events: [{name: E}]\nfigures: [{label: L, value: "\\u200b"}]\n',
            f"b.yaml:6:29: must not be empty: it holds only invisible characters ({ZWSP})",
        ),
    ],
    ids=[
        "headline",
        "name-bom-escape",
        "name-bom-raw",
        "alias",
        "alias-many",
        "role-tags",
        "key-point",
        "evidence",
        "figure",
    ],
)
def test_invisible_text_is_empty_text(bdir, content, expected):
    assert bdir.problems(content) == [expected]


def test_invisible_present_at_and_evidence_are_reported_once(bdir):
    bdir.write(SOURCE, "source.txt")
    content = DOC.replace("[state banquet]", '["\\u200b"]').replace("the two leaders met", '"\\ufeff"')
    assert bdir.problems(content) == [
        f"b.yaml:8:15: must not be empty: it holds only invisible characters ({BOM})",
        f"b.yaml:15:18: must not be empty: it holds only invisible characters ({ZWSP})",
    ]


def test_joiners_and_format_characters_inside_real_text_stay_legal(bdir):
    content = HEAD.replace("{name: A}", '{name: "\\u200bA\\u200d", aliases: ["\\ufeffB", "C\\u00ad"]}')
    [person] = bdir.load(content).participants
    assert person.name == "\u200bA\u200d"
    assert person.aliases == ("\ufeffB", "C\u00ad")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("q1234", "wikidata: expected an id like Q1234, found 'q1234'; write Q1234"),
        ("Tokayev", "wikidata: expected an id like Q1234, found 'Tokayev'"),
        ("1234", "wikidata: expected an id like Q1234, found the number 1234; write Q1234"),
        ("Q0123", "wikidata: expected an id like Q1234, found 'Q0123'"),
        ("'Q12 '", "wikidata: expected an id like Q1234, found 'Q12 '; write Q12"),
        ("[Q1, Q2]", "wikidata: expected an id like Q1234, found a list"),
        ("yes", "wikidata: expected an id like Q1234, found the boolean true"),
    ],
)
def test_wikidata_is_an_id(bdir, written, expected):
    content = HEAD.replace("{name: A}", f"{{name: A, wikidata: {written}}}")
    assert bdir.problems(content) == [
        f"b.yaml:4:{content.splitlines()[3].index('wikidata') + 11}: {expected}"
    ]


def test_wikidata_loads(bdir):
    [person] = bdir.load(HEAD.replace("{name: A}", "{name: A, wikidata: Q1350948}")).participants
    assert person.wikidata == "Q1350948"


def test_role_alone_or_name_alone_is_enough(bdir):
    briefing = bdir.load(HEAD.replace("{name: A}", "{role: Interior Minister}, {name: B}"))
    assert [p.label for p in briefing.participants] == ["Interior Minister", "B"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-02-30", "b.yaml:2:7: impossible date 2026-02-30: February 2026 has 28 days"),
        ("2026-13-01", "b.yaml:2:7: impossible date 2026-13-01: there is no month 13"),
        ("2026-00-10", "b.yaml:2:7: impossible date 2026-00-10: there is no month 0"),
        ("2025-02-29", "b.yaml:2:7: impossible date 2025-02-29: February 2025 has 28 days"),
        ("1900-02-29", "b.yaml:2:7: impossible date 1900-02-29: February 1900 has 28 days"),
        ("2026-04-31", "b.yaml:2:7: impossible date 2026-04-31: April 2026 has 30 days"),
        ("'2026-02-30'", "b.yaml:2:7: impossible date 2026-02-30: February 2026 has 28 days"),
        ('"2025-02-29"', "b.yaml:2:7: impossible date 2025-02-29: February 2025 has 28 days"),
        ('"2026-13-01"', "b.yaml:2:7: impossible date 2026-13-01: there is no month 13"),
        ("Feb 4", "b.yaml:2:7: expected a date like 2026-02-04, found 'Feb 4'"),
        ("2026-2-4", "b.yaml:2:7: expected a date like 2026-02-04, found '2026-2-4'"),
    ],
)
def test_impossible_dates(bdir, written, expected):
    assert bdir.problems(HEAD.replace("2026-02-04", written)) == [expected]


def test_impossible_published_date(bdir):
    assert bdir.problems(HEAD + "published: 2026-02-29\n") == [
        "b.yaml:5:12: impossible date 2026-02-29: February 2026 has 28 days"
    ]


@pytest.mark.parametrize("written", ["2024-02-29", "2000-02-29", "'2026-02-04'"])
def test_real_dates_load(bdir, written):
    expected = dt.date.fromisoformat(written.strip("'"))
    assert bdir.load(HEAD.replace("2026-02-04", written)).date == expected


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("1728000000", "the number 1728000000"),
        ("0", "the number 0"),
        ("1.5", "the number 1.5"),
        ("true", "the boolean true (YAML reads true as a boolean)"),
        ("2026-02-04 10:00:00", "'2026-02-04 10:00:00'"),
        ("2026-02-04T10:00:00+05:00", "'2026-02-04T10:00:00+05:00'"),
    ],
)
def test_a_number_or_a_time_is_not_a_date(bdir, written, found):
    # pydantic alone would read 1728000000 as seconds since 1970 and load 2024-10-04.
    assert bdir.problems(HEAD.replace("2026-02-04", written)) == [
        f"b.yaml:2:7: expected a date like 2026-02-04, found {found}"
    ]


def test_numeric_text_is_not_a_date(bdir):
    [problem] = bdir.problems(HEAD.replace("2026-02-04", "'1728000000'"))
    assert problem.startswith("b.yaml:2:7: expected a date like 2026-02-04, found ")


def test_unsupported_version_is_shown_as_written(bdir):
    assert bdir.problems("briefing: 2\n" + HEAD) == [
        "b.yaml:1:11: unsupported format version 2: this browser reads 'briefing: 1'"
    ]


def test_year_zero_message(bdir):
    [problem] = bdir.problems(HEAD.replace("2026-02-04", "0000-01-01"))
    assert problem.startswith("b.yaml:2:7: impossible date 0000-01-01: ")
    assert "has 31 days" not in problem


# -- events and present_at ----------------------------------------------------------------------


def test_present_at_names_no_event_did_you_mean(bdir):
    bdir.write(SOURCE, "source.txt")
    content = DOC.replace("[state banquet]", "[state banquet, extended meting]")
    assert bdir.problems(content) == [
        "b.yaml:15:33: present_at names no event 'extended meting'; did you mean 'extended meeting'?"
    ]


def test_present_at_without_a_close_event_lists_the_events(bdir):
    bdir.write(SOURCE, "source.txt")
    assert bdir.problems(DOC.replace("[state banquet]", "[press talk]")) == [
        "b.yaml:15:18: present_at names no event 'press talk' (events: 'state banquet', 'extended meeting')"
    ]


def test_present_at_without_any_events(bdir):
    assert bdir.problems(HEAD.replace("{name: A}", "{name: A, present_at: [banquet]}")) == [
        "b.yaml:4:39: present_at names no event 'banquet'; "
        "the briefing has no events: add them under 'events'"
    ]


def test_event_names_are_unique(bdir):
    assert bdir.problems(HEAD + "events:\n  - name: E\n  - name: E\n") == [
        "b.yaml:7:11: event 'E' is named twice: the first is on line 6; event names must be unique"
    ]


# -- the source file and evidence ---------------------------------------------------------------


def test_missing_source_file(bdir):
    folder = str(bdir.folder.resolve())
    assert bdir.problems(DOC) == [f"b.yaml:5:9: source file 'source.txt' not found in {folder!r}"]


def test_evidence_matches_despite_quotes_dashes_and_line_breaks(bdir):
    bdir.write("He said “we’re ready” — the 2025–2027 roadmap\nis    set.\nA ‘final’ word.\n", "article.txt")
    content = (
        HEAD + "source: {file: article.txt}\n"  # 5
        "events:\n"  # 6
        "  - name: E\n"  # 7
        "    evidence:\n"  # 8
        '      - "He said \\"we\'re ready\\" - the 2025-2027 roadmap\\n\\n is set."\n'  # 9
        "      - |\n"  # 10
        "        A 'final'\n"  # 11
        "        word.\n"  # 12
    )
    briefing = bdir.load(content)
    assert len(briefing.events[0].evidence) == 2


def test_evidence_matches_across_unicode_normal_forms(bdir):
    bdir.write("The Cafe\u0301 meeting.\n", "article.txt")  # decomposed é
    assert bdir.load(HEAD + "source: {file: article.txt}\nevents: [{name: E, evidence: Café meeting}]\n")


def test_invented_evidence_is_refused(bdir):
    bdir.write(SOURCE, "source.txt")
    content = DOC.replace("the two leaders met", "the leaders signed a treaty in Astana on Monday")
    assert bdir.problems(content) == [
        "b.yaml:8:15: evidence not found in 'source.txt': 'the leaders signed a treaty in Astana on Monday'"
    ]


def test_near_miss_evidence_shows_the_closest_passage(bdir):
    bdir.write("the 2025–2027 roadmap is set\n", "article.txt")
    assert bdir.problems(
        HEAD + "source: {file: article.txt}\nevents: [{name: E, evidence: the 2025-2028 roadmap}]\n"
    ) == [
        "b.yaml:6:30: evidence not found in 'article.txt': 'the 2025-2028 roadmap'; "
        "closest passage: 'the 2025–2027 roadmap'"
    ]


@pytest.mark.parametrize(
    ("article", "quote", "passage"),
    [
        (  # the article's own dash, quote marks and line breaks, not the compared form
            "😀 He said:\n\n  “the roadmap is set” —\tfor now.\n",
            "'the roadmap is sett' - for now",
            "“the roadmap is set” —\tfor now.",
        ),
        (  # whole words at both ends
            "Later the Kazakh ministers signed the transit roadmap in Astana.\n",
            "kazak minsters sigend",
            "Kazakh ministers signed",
        ),
        ("The Cafe\u0301 Europa meeting ended.\n", "Café Europe meeting", "Café Europa meeting"),
    ],
    ids=["exact-characters", "whole-words", "nfc"],
)
def test_the_closest_passage_is_the_articles_own_text(bdir, article, quote, passage):
    bdir.write(article, "article.txt")
    content = HEAD + f"source: {{file: article.txt}}\nevents: [{{name: E, evidence: {quote!r}}}]\n"
    [problem] = bdir.problems(content)
    assert problem.endswith(f"; closest passage: {passage!r}")


def test_evidence_is_checked_in_every_section(bdir):
    bdir.write(SOURCE, "source.txt")
    content = (
        "headline: H\n"  # 1
        "date: 2026-02-04\n"  # 2
        "source: {file: source.txt}\n"  # 3
        "key_points: [{text: t, evidence: zzz one}]\n"  # 4
        "agreements: [{title: t, evidence: [two leaders met, zzz two]}]\n"  # 5
        "events: [{name: e, evidence: zzz three}]\n"  # 6
        "figures: [{label: l, evidence: zzz four}]\n"  # 7
        "participants: [{name: A, evidence: zzz five, x-evidence: zzz ignored}]\n"  # 8
    )
    assert bdir.problems(content) == [
        "b.yaml:4:34: evidence not found in 'source.txt': 'zzz one'",
        "b.yaml:5:53: evidence not found in 'source.txt': 'zzz two'",
        "b.yaml:6:30: evidence not found in 'source.txt': 'zzz three'",
        "b.yaml:7:32: evidence not found in 'source.txt': 'zzz four'",
        "b.yaml:8:36: evidence not found in 'source.txt': 'zzz five'",
    ]


def test_evidence_is_not_checked_without_a_source(bdir):
    assert bdir.load(HEAD + "events: [{name: E, evidence: anything at all}]\n").source_text is None


# -- encodings and line endings -----------------------------------------------------------------


def test_utf8_bom_loads(bdir):
    assert bdir.load("\ufeff" + HEAD).headline == "H"


def test_positions_after_a_bom_start_at_column_one(bdir):
    assert bdir.problems("\ufeff" + HEAD + "colour: red\n")[0].startswith("b.yaml:5:1: unknown key 'colour'")
    assert bdir.problems("\ufeffcolour: red\n" + HEAD)[0].startswith("b.yaml:1:1: unknown key 'colour'")


def test_crlf_loads(bdir):
    bdir.write(SOURCE.replace("\n", "\r\n"), "source.txt")
    briefing = bdir.load(DOC.replace("\n", "\r\n"))
    assert briefing.headline == "Leaders meet"
    assert briefing.participants[0].role == "President of Pakistan"


def test_crlf_positions(bdir):
    content = (HEAD + "events:\n  - name: E\n    sumary: s\nsource: {file: nope.txt}\n").replace("\n", "\r\n")
    folder = str(bdir.folder.resolve())
    assert bdir.problems("\ufeff" + content) == [
        "b.yaml:7:5: unknown key 'sumary' in event; did you mean 'summary'?",
        f"b.yaml:8:16: source file 'nope.txt' not found in {folder!r}",
    ]


def test_multiline_text_keeps_crlf_out(bdir):
    briefing = bdir.load((HEAD + "summary: |\n  one\n  two\n").replace("\n", "\r\n"))
    assert briefing.summary == "one\ntwo\n"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_unicode_line_separators_do_not_shift_lines(bdir, separator):
    problems = bdir.problems(HEAD + f"summary: 'a{separator}b'\ncolour: red\n")
    assert all(int(problem.split(":")[1]) <= 6 for problem in problems)
    assert all(problem.startswith("b.yaml:6:1: ") for problem in problems if "'colour'" in problem)


# -- syntax errors that say what to fix ---------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (HEAD + "source:\n\tfile: x.txt\n", "b.yaml:6:1: tabs cannot indent YAML; use spaces"),
        (HEAD + "events:\n  - name: E\n\t  summary: s\n", "b.yaml:7:1: tabs cannot indent YAML; use spaces"),
        (HEAD + "topics:\n  - a\n  -\tb\n", "b.yaml:7:4: YAML does not allow a tab here; use a space"),
        (
            HEAD + "summary: He said: we agree\n",
            "b.yaml:5:17: a ': ' inside a value starts a mapping in YAML; quote the value: "
            'summary: "He said: we agree"',
        ),
        (
            HEAD + 'events:\n  - name: Talks: day "one"\n',
            "b.yaml:6:16: a ': ' inside a value starts a mapping in YAML; quote the value: "
            'name: "Talks: day \\"one\\""',
        ),
        (
            HEAD + "location: a\n  b: c\n",
            "b.yaml:6:4: YAML syntax error: a ': ' here starts a mapping; if it is part of a value, quote "
            "the value, and if it ends a key, line the key up with the keys beside it",
        ),
        (
            HEAD + "x-" + "k" * 1100 + ": v\n",
            "b.yaml:5:1: this key is 1,102 characters long: YAML limits a plain key to 1,024 characters; "
            "shorten it",
        ),
        (
            HEAD + "summary: a\uffffb\n",
            "b.yaml:5:11: U+FFFF is not a character (a Unicode noncharacter) and YAML refuses it; delete it",
        ),
        (
            HEAD + 'summary: "\\ufffe"\n',
            "b.yaml:5:10: U+FFFE is not a character (a Unicode noncharacter) and YAML refuses it; delete it",
        ),
    ],
    ids=[
        "tab-indent",
        "tab-in-list",
        "tab-after-dash",
        "colon",
        "colon-quotes",
        "colon-indent",
        "long-key",
        "ffff",
        "escaped-fffe",
    ],
)
def test_syntax_errors_say_what_to_fix(bdir, content, expected):
    assert bdir.problems(content) == [expected]


def test_a_key_of_1024_characters_is_fine(bdir):
    assert bdir.load(HEAD + "x-" + "k" * 1022 + ": v\n").headline == "H"


def test_a_character_libyaml_refuses_is_one_line_with_its_place():
    problems: list[syntax.TreeProblem] = []
    with pytest.raises(syntax.TreeError) as caught:
        yamltree.read_tree("a: b\nc: 'éé\ufffe'\n", problems)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 7)
    assert problem.message == "YAML cannot read U+FFFE (control characters are not allowed); delete it"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            HEAD + "events:\n  - name: E\n    evidence: {quote: q, page: 2}\n",
            "b.yaml:7:15: evidence is one quote or a list of quotes, found a mapping",
        ),
        (
            HEAD + "events:\n  - name: E\n    evidence:\n      He said: yes\n",
            "b.yaml:8:7: evidence is one quote or a list of quotes, found a mapping; "
            "if it is text holding ': ', quote it: evidence: \"He said: yes\"",
        ),
        (
            HEAD + "events:\n  - name: E\n    evidence:\n      - He said: yes\n",
            "b.yaml:8:9: expected text, found a mapping; "
            "if it is text holding ': ', quote it: - \"He said: yes\"",
        ),
        (
            HEAD + "summary:\n  He said: yes\n",
            "b.yaml:6:3: expected text, found a mapping; "
            "if it is text holding ': ', quote it: summary: \"He said: yes\"",
        ),
    ],
    ids=["evidence-mapping", "evidence-colon", "evidence-item-colon", "summary-colon"],
)
def test_a_mapping_where_text_is_expected(bdir, content, expected):
    assert bdir.problems(content) == [expected]


# -- extension keys -----------------------------------------------------------------------------


def test_x_keys_are_allowed_anywhere_and_ignored(bdir):
    bdir.write(SOURCE, "source.txt")
    content = (
        "x-editor: {name: someone, date: 2026-02-30, flag: NO}\n"
        "headline: H\n"
        "x-big: " + "9" * 5000 + "\n"
        "date: 2026-02-04\n"
        "source: {file: source.txt, x-retrieved: 2026-13-45}\n"
        "key_points:\n"
        "  - text: a\n"
        "    x-note: [1, {unknown: key, nested: [deeper, {x-x: 1}]}]\n"
        "agreements: [{title: T, x-a: 1}]\n"
        "events: [{name: E, x-b: [NO, ~]}]\n"
        "figures: [{label: L, x-c: {}}]\n"
        "participants:\n"
        "  - name: A\n"
        "    x-checked: yes\n"
        "    x-evidence: a quote that is nowhere\n"
        "    x-present_at: [no such event]\n"
    )
    briefing = bdir.load(content)
    dumped = repr(briefing)
    assert "x-" not in dumped
    assert briefing.participants[0].name == "A"
    assert briefing.agreements[0].title == "T"


def test_x_keys_are_still_read_safely(bdir):
    assert bdir.problems(HEAD + "x-a: !!python/name:os.system\nx-b: [&a 1, *a]\n") == [
        "b.yaml:5:6: tags (!!python/name:os.system) are not allowed in a briefing; remove the tag",
        "b.yaml:6:7: anchors (&a) are not allowed; write the value out",
        "b.yaml:6:13: aliases (*a) are not allowed; write the value out",
    ]


def test_a_key_merely_starting_with_x_is_not_an_extension(bdir):
    assert bdir.problems(HEAD + "xtra: 1\n")[0].startswith("b.yaml:5:1: unknown key 'xtra' in a briefing")
